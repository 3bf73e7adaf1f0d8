package io.synthlogs.benchmarks.baseline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import net.datafaker.Faker;

/**
 * The generator a user would write by hand instead of using synthlogs: Datafaker for the content,
 * Jackson for the JSON, one map per line. It is the baseline {@code benchmarks/run-throughput.sh}
 * compares the CLI with, so it avoids the well-known traps (a 64 KiB buffer over the raw stdout file
 * descriptor, one flush at the end, no per-line autoflush) but does nothing clever beyond that. It
 * has no labels, anomalies or consistency between fields.
 *
 * <pre>java -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar io.synthlogs.benchmarks.baseline.DatafakerBaseline 5000000 &gt; /dev/null</pre>
 *
 * <p>Arguments: the number of lines (default 1,000,000) and the seed (default 1).
 */
public final class DatafakerBaseline {
    private static final String[] LEVELS = {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"};
    private static final double[] LEVEL_WEIGHTS = {0.05, 0.74, 0.12, 0.07, 0.02};
    private static final String[] SERVICES = {
        "nginx", "apache", "traefik", "auth-service", "payment-service", "user-service", "order-service",
        "inventory-service", "postgresql", "mongodb", "redis", "kubernetes", "docker", "prometheus", "grafana"};
    private static final int[] STATUS = {200, 200, 200, 200, 201, 204, 301, 304, 400, 401, 404, 500, 502, 503};

    private DatafakerBaseline() {}

    public static void main(String[] args) throws IOException {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Random random = new Random(seed);
        Faker faker = new Faker(new Random(seed));
        ObjectWriter writer = new ObjectMapper().writer();
        Instant clock = Instant.parse("2024-01-01T00:00:00Z");
        try (OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16)) {
            for (long i = 0; i < lines; i++) {
                clock = clock.plusNanos((long) (-Math.log(1 - random.nextDouble()) * 20_000_000L));
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("timestamp", clock.toString());
                line.put("level", level(random));
                line.put("service", SERVICES[random.nextInt(SERVICES.length)]);
                line.put("message", faker.hacker().ingverb() + " the " + faker.hacker().adjective() + " "
                        + faker.hacker().noun() + " for " + faker.internet().username());
                line.put("ip_address", faker.internet().ipV4Address());
                line.put("response_time_ms", Math.round(random.nextGaussian() * 40 + 120) / 1.0 + random.nextInt(100) / 100.0);
                line.put("status_code", STATUS[random.nextInt(STATUS.length)]);
                line.put("request_id", faker.internet().uuid());
                out.write(writer.writeValueAsBytes(line));
                out.write('\n');
            }
        }
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
