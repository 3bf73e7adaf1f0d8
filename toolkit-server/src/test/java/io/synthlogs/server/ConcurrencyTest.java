package io.synthlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    @Test
    void concurrent_rest_sse_and_websocket_clients_get_well_formed_lines_that_add_up() throws Exception {
        try (Running app = Running.start()) {
            Set<Long> seenTimestamps = ConcurrentHashMap.newKeySet();
            AtomicLong delivered = new AtomicLong();
            AtomicLong backwards = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(12);
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                work.add(pool.submit(() -> {
                    for (int round = 0; round < 10; round++) {
                        String body = n % 2 == 0 ? "{\"count\": 37}" : "{\"count\": 37, \"anomaly_rate\": 0.3}";
                        JsonNode reply = app.post("/api/generate", body).json();
                        assertThat(reply.get("count").asInt()).isEqualTo(37);
                        record(reply.get("logs"), delivered, seenTimestamps, backwards);
                    }
                    return null;
                }));
            }
            for (int i = 0; i < 2; i++) {
                work.add(pool.submit(() -> {
                    for (JsonNode event : app.events("/api/stream?batch_size=25&interval=0.05&max_batches=8")) {
                        record(event.get("logs"), delivered, seenTimestamps, backwards);
                    }
                    return null;
                }));
            }
            work.add(pool.submit(() -> {
                try (Running.Ws ws = app.ws("/ws/logs")) {
                    ws.send("{\"action\":\"configure\",\"config\":{\"interval\":0.05,\"batch_size\":20}}");
                    ws.next("config_updated");
                    ws.send("{\"action\":\"pause\"}");
                    ws.next("paused");
                    // Everything sent before "paused" was counted; collect it, then stop.
                    JsonNode m;
                    while ((m = ws.messages.poll()) != null) {
                        if (m.path("type").asText().equals("logs")) {
                            record(m.get("logs"), delivered, seenTimestamps, backwards);
                        }
                    }
                }
                return null;
            }));
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            JsonNode status = app.get("/api/status").json();
            assertThat(backwards.get()).as("a batch whose clock went back: lines interleaved").isZero();
            assertThat(status.get("lines_in_stream").asLong()).isGreaterThanOrEqualTo(8 * 10 * 37 + 2 * 8 * 25);
            assertThat(status.get("total_generated").asLong()).isEqualTo(status.get("lines_in_stream").asLong());
            long byType = 0;
            for (JsonNode count : status.get("anomalies_by_type")) {
                byType += count.asLong();
            }
            assertThat(byType).isEqualTo(status.get("anomalies_generated").asLong());
            assertThat(delivered.get()).isLessThanOrEqualTo(status.get("total_generated").asLong());
            assertThat(app.get("/health").status()).isEqualTo(200);
        }
    }

    @Test
    void a_hundred_sse_clients_each_receive_every_batch_in_order() throws Exception {
        int clients = 100;
        int batches = 20;
        try (Running app = Running.start(Running.options().limits(ServerLimits.defaults().withMaxStreams(clients + 10)))) {
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<long[]>> readers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                readers.add(pool.submit(() -> {
                    long events = 0;
                    long lines = 0;
                    HttpResponse<Stream<String>> r = app.lines("/api/stream?batch_size=100&interval=0.05&max_batches="
                            + batches, "Accept", "text/event-stream");
                    assertThat(r.statusCode()).isEqualTo(200);
                    try (Stream<String> s = r.body()) {
                        for (String line : (Iterable<String>) s::iterator) {
                            if (line.startsWith("data: {\"batch\"")) {
                                JsonNode event = Running.JSON.readTree(line.substring(6));
                                assertThat(event.get("batch").asLong()).as("batch number").isEqualTo(events + 1);
                                assertThat(event.get("logs")).hasSize(event.get("count").asInt());
                                events++;
                                lines += event.get("logs").size();
                            }
                        }
                    }
                    return new long[] {events, lines};
                }));
            }
            for (Future<long[]> f : readers) {
                long[] got = f.get(120, TimeUnit.SECONDS);
                assertThat(got[0]).as("batches per client").isEqualTo(batches);
                assertThat(got[1]).as("lines per client").isEqualTo(batches * 100L);
            }
            pool.shutdown();
            assertThat(app.get("/api/status").json().get("total_generated").asLong()).isEqualTo(clients * batches * 100L);
        }
    }

    @Test
    void a_client_that_never_reads_blocks_no_one_and_its_thread_is_freed_when_it_goes_away() throws Exception {
        try (Running app = Running.start()) {
            // Large batches fill the socket buffers quickly; from then on the server's write blocks.
            java.net.Socket slow = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), app.server.port());
            slow.setReceiveBufferSize(4096);
            slow.getOutputStream().write(("GET /api/stream/ndjson?batch_size=1000&interval=0.05 HTTP/1.1\r\n"
                    + "Host: 127.0.0.1\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            long deadline = System.nanoTime() + Running.WAIT.toNanos();
            while (app.get("/api/status").json().get("active_streams").asInt() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            // Wait until the slow stream stops generating: its write is blocked on the full socket.
            long previous = -1;
            long now = app.get("/api/status").json().get("total_generated").asLong();
            while (now != previous && System.nanoTime() < deadline) {
                Thread.sleep(300);
                previous = now;
                now = app.get("/api/status").json().get("total_generated").asLong();
            }
            assertThat(now).as("the slow client's stream is stuck on a full socket").isEqualTo(previous);

            List<JsonNode> others = app.events("/api/stream?batch_size=10&interval=0.05&max_batches=10");
            assertThat(others).hasSize(10);
            assertThat(app.post("/api/generate", "{\"count\": 500}").json().get("count").asInt()).isEqualTo(500);
            try (Running.Ws ws = app.ws("/ws/logs")) {
                ws.next("logs");
            }

            slow.close();
            deadline = System.nanoTime() + Running.WAIT.toNanos();
            while (app.get("/api/status").json().get("active_streams").asInt() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(app.get("/api/status").json().get("active_streams").asInt())
                    .as("streams left after the slow client went away").isZero();
        }
    }

    /** Every line is a complete log object, and a batch is a contiguous run: its clock never goes back. */
    private static void record(JsonNode logs, AtomicLong delivered, Set<Long> unused, AtomicLong backwards) {
        java.time.Instant previous = java.time.Instant.MIN;
        for (JsonNode log : logs) {
            assertThat(log.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(log.get("level").asText()).isIn("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");
            assertThat(log.get("message").asText()).isNotBlank();
            assertThat(log.at("/_labels/is_anomaly").isBoolean()).isTrue();
            java.time.Instant ts = java.time.Instant.parse(log.get("timestamp").asText());
            if (ts.isBefore(previous)) {
                backwards.incrementAndGet();
            }
            previous = ts;
            delivered.incrementAndGet();
        }
    }
}
