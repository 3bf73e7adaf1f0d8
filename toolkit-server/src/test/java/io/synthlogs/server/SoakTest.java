package io.synthlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Mixed REST, SSE, NDJSON and WebSocket load for {@code -Dsoak.seconds} (default 600), with clients
 * connecting and vanishing. Asserts no errors, a quiet server log, live threads and heap after GC that do
 * not grow from the first half to the second, and {@code total_delivered} and {@code total_generated} equal
 * to the lines all clients received. Excluded from the default build; run it with
 * {@code ./mvnw -B -ntp -pl toolkit-server -am verify -Psoak -Dsoak.seconds=60}.
 *
 * <p>Clients vanish only where no line can be lost in flight, so the totals can be compared exactly: an
 * SSE client drops its connection during a long interval (the server notices at a keep-alive, before it
 * generates again), a WebSocket client after pausing and draining.
 */
@Tag("soak")
class SoakTest {
    private static final long SECONDS = Long.getLong("soak.seconds", 600);
    private static final long SEED = 7;

    @Test
    void mixed_load_with_vanishing_clients_stays_bounded_and_every_line_is_accounted_for() throws Exception {
        try (Running app = Running.start(); ServerLog log = new ServerLog()) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
            AtomicLong delivered = new AtomicLong();
            ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
            List<long[]> samples = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(7);
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Random r = new Random(SEED * 31 + i);
                workers.add(pool.submit(() -> loop(end, errors, () -> rest(app, r, delivered))));
            }
            for (int i = 0; i < 3; i++) {
                Random r = new Random(SEED * 37 + i);
                workers.add(pool.submit(() -> loop(end, errors, () -> stream(app, r, delivered))));
            }
            Random wr = new Random(SEED * 41);
            workers.add(pool.submit(() -> loop(end, errors, () -> websocket(app, wr, delivered))));
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    samples.add(sample());
                    Thread.sleep(Math.max(1000, SECONDS * 1000 / 30));
                }
                return null;
            }));
            for (Future<?> w : workers) {
                w.get(SECONDS + 120, TimeUnit.SECONDS);
            }
            pool.shutdown();

            // Vanished SSE clients are noticed at their next keep-alive, at most 20 s later.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (app.get("/api/status").json().get("active_streams").asInt() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            samples.add(sample());
            JsonNode status = app.get("/api/status").json();
            System.out.printf("soak: %d s, %d lines delivered, %d samples (heap MiB after GC, threads): %s%n",
                    SECONDS, delivered.get(), samples.size(), samples.stream()
                            .map(s -> s[0] / (1 << 20) + "/" + s[1]).toList());

            assertThat(errors).as("client errors").isEmpty();
            assertThat(status.get("active_streams").asInt()).isZero();
            assertThat(status.get("total_delivered").asLong()).as("total_delivered vs lines received")
                    .isEqualTo(delivered.get());
            assertThat(status.get("total_generated").asLong()).as("total_generated vs lines received")
                    .isEqualTo(delivered.get());
            int half = samples.size() / 2;
            List<long[]> first = samples.subList(0, half);
            List<long[]> second = samples.subList(half, samples.size());
            assertThat(max(second, 0)).as("heap after GC, second half vs first (bytes)")
                    .isLessThanOrEqualTo(max(first, 0) * 5 / 4 + (16L << 20));
            assertThat(max(second, 1)).as("live threads, second half vs first").isLessThanOrEqualTo(max(first, 1) + 16);
            log.assertQuiet();
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static Object loop(long end, ConcurrentLinkedQueue<String> errors, Step step) {
        while (System.nanoTime() < end && errors.size() < 20) {
            try {
                step.run();
            } catch (Exception | AssertionError e) {
                errors.add(e.toString());
            }
        }
        return null;
    }

    private static void rest(Running app, Random r, AtomicLong delivered) {
        int roll = r.nextInt(100);
        if (roll < 70) {
            int count = 1 + r.nextInt(300);
            Running.Reply reply = app.post("/api/generate", "{\"count\": " + count + ", \"format\": \""
                    + (r.nextBoolean() ? "json" : "text") + "\"}");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("logs")).hasSize(count);
            delivered.addAndGet(count);
        } else if (roll < 80) {
            assertThat(app.post("/api/generate/single", "{}").json().has("message")).isTrue();
            delivered.incrementAndGet();
        } else if (roll < 90) {
            String type = HostileInput.ANOMALY_TYPES.get(r.nextInt(HostileInput.ANOMALY_TYPES.size()));
            assertThat(app.post("/api/inject-anomaly", "{\"anomaly_type\": \"" + type + "\", \"duration_logs\": "
                    + (5 + r.nextInt(50)) + "}").status()).isEqualTo(201);
        } else {
            String path = List.of("/api/status", "/api/episodes", "/api/config", "/health").get(r.nextInt(4));
            assertThat(app.get(path).status()).isEqualTo(200);
        }
    }

    private static void stream(Running app, Random r, AtomicLong delivered) throws Exception {
        boolean vanish = r.nextInt(10) < 3;
        boolean ndjson = !vanish && r.nextBoolean();
        int batch = 1 + r.nextInt(50);
        int batches = 1 + r.nextInt(20);
        String query = "?batch_size=" + batch + (vanish ? "&interval=30" : "&interval=0.05&max_batches=" + batches);
        HttpResponse<Stream<String>> response = app.lines((ndjson ? "/api/stream/ndjson" : "/api/stream") + query);
        assertThat(response.statusCode()).isEqualTo(200);
        long events = 0;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (ndjson && !line.isEmpty()) {
                    delivered.incrementAndGet();
                } else if (line.startsWith("data: {\"batch\"")) {
                    JsonNode event = Running.JSON.readTree(line.substring(6));
                    assertThat(event.get("batch").asLong()).isEqualTo(++events);
                    delivered.addAndGet(event.get("logs").size());
                    if (vanish) {
                        break; // hang up during the 30 s interval
                    }
                }
            }
        }
        if (vanish) {
            Thread.sleep(1000); // each vanished stream holds its slot until its next keep-alive: pace them
        } else if (!ndjson) {
            assertThat(events).isEqualTo(batches);
        }
    }

    private static void websocket(Running app, Random r, AtomicLong delivered) throws Exception {
        Running.Ws ws = app.ws("/ws/logs");
        ws.send("{\"action\":\"configure\",\"config\":{\"interval\":0.05,\"batch_size\":" + (1 + r.nextInt(50)) + "}}");
        long stop = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300 + r.nextInt(2000));
        while (System.nanoTime() < stop) {
            count(ws.messages.poll(50, TimeUnit.MILLISECONDS), delivered);
        }
        ws.send("{\"action\":\"pause\"}");
        JsonNode m;
        do {
            m = ws.messages.poll(20, TimeUnit.SECONDS);
            assertThat(m).as("the paused answer").isNotNull();
            count(m, delivered);
        } while (!m.path("type").asText().equals("paused"));
        // A batch generated just before the pause took effect may follow the answer.
        while ((m = ws.messages.poll(300, TimeUnit.MILLISECONDS)) != null) {
            count(m, delivered);
        }
        if (r.nextBoolean()) {
            ws.close();
        } else {
            ws.socket.abort(); // vanish without a close handshake
        }
    }

    private static void count(JsonNode message, AtomicLong delivered) {
        if (message != null && message.path("type").asText().equals("logs")) {
            delivered.addAndGet(message.get("logs").size());
        }
    }

    /** Heap used after a full GC, and live threads. */
    private static long[] sample() {
        System.gc();
        return new long[] {ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
            ManagementFactory.getThreadMXBean().getThreadCount()};
    }

    private static long max(List<long[]> samples, int index) {
        return samples.stream().mapToLong(s -> s[index]).max().orElse(0);
    }
}
