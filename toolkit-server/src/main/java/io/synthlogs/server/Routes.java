package io.synthlogs.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every route of the server, registered in this one place, plus authentication and the error
 * handlers. {@link #table()} lists what was registered, so the OpenAPI test can compare both ways.
 */
final class Routes {
    private static final Logger LOG = LoggerFactory.getLogger(Routes.class);

    /** One registered route: HTTP method ({@code ws} for the WebSocket) and path. */
    record Route(String method, String path) {}

    private final RoutesConfig config;
    private final List<Route> table = new ArrayList<>();

    private Routes(RoutesConfig config) {
        this.config = config;
    }

    static List<Route> register(RoutesConfig config, Pages pages, RestHandlers rest,
            StreamHandlers streams, LogSocket socket, String token) {
        Routes r = new Routes(config);
        r.get("/", pages::index);
        r.get("/health", rest::health);
        r.get("/docs", pages::docs);
        r.get("/openapi.json", pages::openapi);
        r.get("/ui", pages::dashboard);

        r.get("/api/status", rest::status);
        r.get("/api/config", rest::config);
        r.put("/api/config/generator", rest::putGenerator);
        r.put("/api/config/anomalies", rest::putAnomalies);
        r.post("/api/generate", rest::generate);
        r.post("/api/generate/single", rest::generateSingle);
        r.post("/api/inject-anomaly", rest::inject);
        r.get("/api/episodes", rest::episodes);
        r.get("/api/stream", streams::sse);
        r.get("/api/stream/ndjson", streams::ndjson);
        r.post("/api/reset", rest::reset);

        config.ws("/ws/logs", socket::configure);
        r.table.add(new Route("ws", "/ws/logs"));

        if (token != null) {
            config.before(ctx -> authorize(ctx, token));
            config.wsBeforeUpgrade(ctx -> authorize(ctx, token));
        }
        r.errors();
        return List.copyOf(r.table);
    }

    /**
     * A GET route, and HEAD on the same path with the same handler: its status and headers, without
     * the body (Jetty drops it). Left to Javalin, HEAD answered an empty text/plain 200 for any GET
     * path, whatever GET would have said.
     */
    private void get(String path, Handler handler) {
        config.get(path, handler);
        config.head(path, handler);
        table.add(new Route("get", path));
    }

    private void put(String path, Handler handler) {
        config.put(path, handler);
        table.add(new Route("put", path));
    }

    private void post(String path, Handler handler) {
        config.post(path, handler);
        table.add(new Route("post", path));
    }

    /** Every client mistake becomes JSON; anything else a logged 500 with a JSON body, never a dead server. */
    private void errors() {
        config.exception(ApiError.class, (e, ctx) -> {
            drain(ctx);
            if (e.status() == 401) {
                ctx.header("WWW-Authenticate", "Bearer");
            }
            ctx.status(e.status()).json(e.body());
            if (ctx.header("Upgrade") != null) {
                // A refused WebSocket upgrade never writes the result it was given: write the body here.
                try {
                    byte[] body = Json.write(e.body()).getBytes(StandardCharsets.UTF_8);
                    ctx.res().setContentLength(body.length);
                    ctx.res().getOutputStream().write(body);
                } catch (IOException | IllegalStateException ignored) {
                    // The client has its status; the body is a courtesy.
                }
            }
        });
        config.exception(HttpResponseException.class, (e, ctx) -> {
            drain(ctx);
            ctx.status(e.getStatus()).json(ApiError.body(e.getMessage(), null, null));
        });
        config.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            ctx.status(500).json(ApiError.body("internal error: " + e.getClass().getSimpleName()
                    + "; the server keeps running", null, null));
        });
        config.error(404, ctx -> drain(ctx).json(ApiError.body("no such endpoint: " + ctx.method() + " " + ctx.path()
                + "; GET / lists every endpoint", "path", endpoints())));
        config.error(405, ctx -> {
            // Routing ignores a trailing slash; so does the list of what the path allows.
            String path = ctx.path().length() > 1 ? ctx.path().replaceAll("/+$", "") : ctx.path();
            List<String> allowed = table.stream().filter(r -> r.path().equals(path))
                    .flatMap(r -> r.method().equals("get") ? java.util.stream.Stream.of("GET", "HEAD")
                            : java.util.stream.Stream.of(r.method().toUpperCase(java.util.Locale.ROOT)))
                    .toList();
            drain(ctx).header("Allow", String.join(", ", allowed))
                    .json(ApiError.body("method " + ctx.method() + " is not allowed on " + ctx.path(), "method", allowed));
        });
    }

    /** How much of an unread request body is read and dropped before an error answer. */
    private static final long DRAIN_LIMIT = 4L << 20;
    /** {@link #drain} stops after this long without a byte, or this many times it in all. */
    private static final long QUIET_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(100);
    private static final int QUIET_PERIODS = 3;

    /**
     * Before an answer that leaves the request body unread (an error, or a 413 for a body announced too
     * large): reads and drops, without ever blocking, what arrives of it while it keeps coming, up to
     * {@link #DRAIN_LIMIT}, since a connection closed over unread bytes is reset and a client still
     * uploading may lose the answer with it. A slow sender is not waited for: it would hear nothing
     * until the body timeout. A client that waits for "100 Continue" has sent nothing, and reading
     * would invite the body. Whatever is left unread closes the connection after the answer.
     */
    private static Context drain(Context ctx) {
        boolean body = ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
        if (!body) {
            return ctx;
        }
        if ("100-continue".equalsIgnoreCase(ctx.header("Expect"))) {
            // Even opening the body would send the "100 Continue".
            ctx.header("Connection", "close");
            return ctx;
        }
        try {
            jakarta.servlet.ServletInputStream in = ctx.req().getInputStream();
            dropWhileArriving(in);
            if (!in.isFinished()) {
                ctx.header("Connection", "close");
            }
        } catch (IOException | IllegalStateException e) {
            // Nothing left to read, or the body was taken as a reader: the answer goes out as it is.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ctx;
    }

    private static void dropWhileArriving(jakarta.servlet.ServletInputStream in) throws IOException, InterruptedException {
        byte[] sink = new byte[8192];
        long begun = System.nanoTime();
        long lastByte = begun;
        long left = DRAIN_LIMIT;
        while (left > 0 && !in.isFinished()) {
            long now = System.nanoTime();
            int available = in.available();
            if (available > 0) {
                left -= Math.max(0, in.read(sink, 0, (int) Math.min(Math.min(sink.length, available), left)));
                lastByte = now;
            } else if (now - lastByte > QUIET_NANOS || now - begun > QUIET_PERIODS * QUIET_NANOS) {
                return;
            } else {
                Thread.sleep(1);
            }
        }
    }

    private List<String> endpoints() {
        return table.stream().map(r -> r.method().toUpperCase(java.util.Locale.ROOT) + " " + r.path()).toList();
    }

    /**
     * {@code /api} and {@code /ws} need the token as a bearer header. A {@code token} query parameter is
     * taken on GET and HEAD alone (EventSource and WebSocket cannot send headers): a POST or PUT needs
     * the header, so a token in a link or a server log cannot reset or reconfigure the server over REST
     * (a WebSocket it opens can still inject anomalies, as the dashboard does).
     */
    private static void authorize(Context ctx, String token) {
        String path = ctx.path();
        if (!path.startsWith("/api") && !path.startsWith("/ws")) {
            return;
        }
        String header = ctx.header("Authorization");
        boolean read = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
        String given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim()
                : read ? ctx.queryParam("token") : null;
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            String error = given != null ? "wrong token"
                    : ctx.queryParam("token") != null ? "the token parameter is taken on GET alone; send "
                            + ctx.method() + " with Authorization: Bearer <token>"
                    : "authentication required: send Authorization: Bearer <token>"
                            + " (or ?token=<token> on a GET, for EventSource and WebSocket)";
            throw new ApiError(401, error, "Authorization", "Bearer <token>");
        }
    }
}
