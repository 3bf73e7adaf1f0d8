package io.synthlogs.benchmarks.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import net.datafaker.Faker;

/**
 * The generator a user would write by hand instead of using synthlogs: Datafaker for the content,
 * Jackson for the JSON, one map per line. It is the baseline {@code benchmarks/run-throughput.sh}
 * compares the CLI with, so it writes lines of the same shape as {@code synthlogs --format json}: the
 * same fields by kind of source, in about the same mix (request lines with ids, trace and span ids,
 * client address, status and latency; application lines with a user; database queries; infrastructure
 * lines with a node and a pod), and a {@code _labels} object with the same eight keys. It avoids the
 * well-known traps (a 64 KiB buffer over the raw stdout file descriptor, one flush at the end, no
 * per-line autoflush, no {@code String.format}) but does nothing clever beyond that. It has no anomaly
 * episodes, no consistency between fields beyond the message quoting them, and no reproducible clock.
 *
 * <p>With {@code println} as third argument it writes each line the way most hand-written generators
 * do, {@code System.out.println(writer.writeValueAsString(line))}: the same lines, but {@code System.out}
 * flushes at every line, one {@code write} call each. The script runs it to calibrate against the
 * performance issue, whose figure for this kind of baseline (0.20-0.23 M lines/s) it comes near; the
 * ratio the script reports is against the default, faster output.
 *
 * <pre>java -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar io.synthlogs.benchmarks.baseline.DatafakerBaseline 5000000 &gt; /dev/null</pre>
 *
 * <p>Arguments: the number of lines (default 1,000,000), the seed (default 1) and the output,
 * {@code buffered} (default) or {@code println}.
 */
public final class DatafakerBaseline {
    private static final String[] LEVELS = {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"};
    private static final double[] LEVEL_WEIGHTS = {0.05, 0.74, 0.12, 0.07, 0.02};
    private static final String[] WEB = {"nginx", "apache", "traefik"};
    private static final String[] APPS = {"auth-service", "payment-service", "user-service", "order-service",
        "inventory-service"};
    private static final String[] DATABASES = {"postgresql", "mongodb", "redis"};
    private static final String[] INFRA = {"kubernetes", "docker", "prometheus", "grafana"};
    private static final String[] METHODS = {"GET", "GET", "GET", "POST", "PUT", "DELETE"};
    private static final String[] ENDPOINTS = {"/api/v1/users", "/api/v1/orders", "/api/v1/auth/refresh",
        "/api/v1/products", "/api/v1/payments", "/health", "/api/v1/search", "/api/v1/cart"};
    private static final String[] QUERIES = {"SELECT", "INSERT", "UPDATE", "DELETE"};
    private static final String[] RESOURCES = {"cpu", "memory", "disk"};
    private static final String[] ANOMALIES = {"error_spike", "latency_degradation", "security_threat",
        "resource_exhaustion", "service_outage", "data_anomaly"};
    private static final int[] STATUS = {200, 200, 200, 200, 201, 204, 301, 304, 400, 401, 404, 500, 502, 503};

    /** A message kind: the ground truth's event id and template. */
    private record Event(String id, String template) {}

    private static final Event REQUEST = new Event("W009",
            "<*> \"<*> <*> HTTP/1.1\" status=<*> bytes_sent=<*> request_time=<*>ms request_id=<*>");
    private static final Event RESPAWN = new Event("W002", "worker process <*> exited, respawning");
    private static final Event USER_ACTION = new Event("A014", "<*> the <*> <*> for user <*>");
    private static final Event USER_REQUEST = new Event("A015", "<*> the <*> <*> for user <*> request_id=<*>");
    private static final Event QUERY = new Event("D003", "<*> on <*> took <*>ms rows=<*>");
    private static final Event POD_USAGE = new Event("I007", "kubelet on <*>: pod <*> <*> at <*>%");

    private DatafakerBaseline() {}

    public static void main(String[] args) throws IOException {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        String output = args.length > 2 ? args[2] : "buffered";
        if (!output.equals("buffered") && !output.equals("println")) {
            throw new IllegalArgumentException("output must be buffered or println, got " + output);
        }
        boolean println = output.equals("println");
        Random random = new Random(seed);
        Faker faker = new Faker(new Random(~seed)); // not the same sequence as random's
        ObjectWriter writer = new ObjectMapper().writer();
        Instant clock = Instant.parse("2024-01-01T00:00:00Z");
        try (OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16)) {
            for (long i = 0; i < lines; i++) {
                clock = clock.plusNanos((long) (-Math.log(1 - random.nextDouble()) * 20_000_000L));
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("timestamp", clock.truncatedTo(ChronoUnit.MICROS).toString());
                line.put("level", level(random));
                double kind = random.nextDouble();
                Event event = kind < 0.40 ? web(line, random, faker)
                        : kind < 0.70 ? application(line, random, faker)
                        : kind < 0.85 ? database(line, random, faker)
                        : infrastructure(line, random, faker);
                boolean anomalous = random.nextDouble() < 0.05;
                Map<String, Object> labels = new LinkedHashMap<>();
                labels.put("is_anomaly", anomalous);
                labels.put("anomaly_type", anomalous ? ANOMALIES[random.nextInt(ANOMALIES.length)] : "none");
                labels.put("anomaly_score", anomalous ? Math.round(random.nextDouble() * 100) / 100.0 : 0.0);
                labels.put("anomaly_subtype", anomalous ? faker.hacker().abbreviation() : null);
                labels.put("episode_id", anomalous ? "ep-" + random.nextInt(1000) : null);
                labels.put("signal", anomalous && random.nextBoolean());
                labels.put("event_id", event.id());
                labels.put("event_template", event.template());
                line.put("_labels", labels);
                if (println) {
                    System.out.println(writer.writeValueAsString(line));
                } else {
                    out.write(writer.writeValueAsBytes(line));
                    out.write('\n');
                }
            }
        }
    }

    /** A request to a web server (the message quotes the fields), or now and then a server event. */
    private static Event web(Map<String, Object> line, Random random, Faker faker) {
        if (random.nextDouble() < 0.15) {
            line.put("source", "web-server");
            line.put("service", WEB[random.nextInt(WEB.length)]);
            line.put("message", "worker process " + random.nextInt(65_000) + " exited, respawning");
            return RESPAWN;
        }
        String ip = faker.internet().ipV4Address();
        String method = METHODS[random.nextInt(METHODS.length)];
        String endpoint = ENDPOINTS[random.nextInt(ENDPOINTS.length)];
        int status = STATUS[random.nextInt(STATUS.length)];
        double latency = latency(random, 85);
        String requestId = faker.internet().uuid();
        line.put("source", "web-server");
        line.put("service", WEB[random.nextInt(WEB.length)]);
        line.put("message", ip + " \"" + method + " " + endpoint + " HTTP/1.1\" status=" + status + " bytes_sent="
                + random.nextInt(48_000) + " request_time=" + latency + "ms request_id=" + requestId);
        line.put("request_id", requestId);
        line.put("trace_id", faker.random().hex(32, false));
        line.put("span_id", faker.random().hex(16, false));
        line.put("ip_address", ip);
        line.put("response_time_ms", latency);
        line.put("status_code", status);
        line.put("endpoint", endpoint);
        line.put("method", method);
        return REQUEST;
    }

    /** An application event for a user, half of them within a traced request. */
    private static Event application(Map<String, Object> line, Random random, Faker faker) {
        line.put("source", "application");
        line.put("service", APPS[random.nextInt(APPS.length)]);
        String user = faker.internet().username();
        String message = faker.hacker().ingverb() + " the " + faker.hacker().adjective() + " "
                + faker.hacker().noun() + " for user " + user;
        if (random.nextBoolean()) {
            line.put("message", message);
            return USER_ACTION;
        }
        String requestId = faker.internet().uuid();
        line.put("message", message + " request_id=" + requestId);
        line.put("request_id", requestId);
        line.put("trace_id", faker.random().hex(32, false));
        line.put("span_id", faker.random().hex(16, false));
        line.put("user_id", user);
        return USER_REQUEST;
    }

    /** A database query with its duration, most of them within a traced request. */
    private static Event database(Map<String, Object> line, Random random, Faker faker) {
        String query = QUERIES[random.nextInt(QUERIES.length)];
        double latency = latency(random, 6);
        line.put("source", "database");
        line.put("service", DATABASES[random.nextInt(DATABASES.length)]);
        line.put("message", query + " on " + faker.hacker().noun().replace(' ', '_') + " took " + latency
                + "ms rows=" + random.nextInt(500));
        line.put("query_type", query);
        line.put("response_time_ms", latency);
        if (random.nextDouble() < 0.6) {
            line.put("request_id", faker.internet().uuid());
            line.put("trace_id", faker.random().hex(32, false));
            line.put("span_id", faker.random().hex(16, false));
        }
        return QUERY;
    }

    /** A node and pod report with a resource's usage. */
    private static Event infrastructure(Map<String, Object> line, Random random, Faker faker) {
        String node = "node-" + random.nextInt(12);
        String pod = APPS[random.nextInt(APPS.length)] + "-" + faker.random().hex(9, false) + "-"
                + faker.random().hex(5, false);
        String resource = RESOURCES[random.nextInt(RESOURCES.length)];
        double usage = Math.round(random.nextDouble() * 1000) / 10.0;
        line.put("source", "infrastructure");
        line.put("service", INFRA[random.nextInt(INFRA.length)]);
        line.put("message", "kubelet on " + node + ": pod " + pod + " " + resource + " at " + usage + "%");
        line.put("node", node);
        line.put("pod", pod);
        if (random.nextDouble() < 0.3) {
            line.put("resource", resource);
            line.put("usage_percent", usage);
        }
        return POD_USAGE;
    }

    /** Log-normal around the median, rounded to hundredths of a millisecond. */
    private static double latency(Random random, double median) {
        return Math.round(median * Math.exp(0.55 * random.nextGaussian()) * 100) / 100.0;
    }

    private static String level(Random random) {
        double u = random.nextDouble();
        for (int i = 0; i < LEVELS.length; i++) {
            u -= LEVEL_WEIGHTS[i];
            if (u < 0) {
                return LEVELS[i];
            }
        }
        return LEVELS[LEVELS.length - 1];
    }
}
