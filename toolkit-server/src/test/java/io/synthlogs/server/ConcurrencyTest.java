package io.synthlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
