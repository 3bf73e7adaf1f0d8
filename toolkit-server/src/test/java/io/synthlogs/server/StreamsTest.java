package io.synthlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class StreamsTest {

    @Test
    void sse_sends_batches_and_ends_after_max_batches() throws Exception {
        try (Running app = Running.start()) {
            List<JsonNode> events = app.events("/api/stream?batch_size=4&interval=0.05&max_batches=3",
                    "Accept", "text/event-stream");
            assertThat(events).hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertThat(events.get(i).get("batch").asInt()).isEqualTo(i + 1);
                assertThat(events.get(i).get("count").asInt()).isEqualTo(4);
                assertThat(events.get(i).get("logs")).hasSize(4);
                assertThat(events.get(i).has("anomaly_count")).isTrue();
            }
            assertThat(app.get("/api/status").json().get("total_generated").asLong()).isEqualTo(12);
            // The end is said, so that an EventSource need not take the close for a dropped connection.
            HttpResponse<Stream<String>> r = app.lines("/api/stream?batch_size=1&interval=0.05&max_batches=2");
            try (Stream<String> lines = r.body()) {
                List<String> all = lines.toList();
                assertThat(all.subList(all.size() - 3, all.size())).containsExactly("event: end", "data: {\"batches\":2}", "");
            }
        }
    }

    @Test
    void a_plain_curl_without_an_accept_header_streams_too() throws Exception {
        try (Running app = Running.start()) {
            HttpResponse<Stream<String>> r = app.lines("/api/stream?batch_size=2&interval=0.05&max_batches=2");
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/event-stream"));
            try (Stream<String> lines = r.body()) {
                assertThat(lines.filter(l -> l.startsWith("data: {\"batch\"")).count()).isEqualTo(2);
            }
        }
    }

    @Test
    void ndjson_sends_one_log_object_per_line() throws Exception {
        try (Running app = Running.start()) {
            HttpResponse<Stream<String>> r = app.lines("/api/stream/ndjson?batch_size=5&interval=0.05&max_batches=2"
                    + "&include_labels=false");
            try (Stream<String> lines = r.body()) {
                List<String> all = lines.toList();
                assertThat(all).hasSize(10);
                for (String line : all) {
                    JsonNode log = Running.JSON.readTree(line);
                    assertThat(log.get("message").isTextual()).isTrue();
                    assertThat(log.has("_labels")).isFalse();
                }
            }
        }
    }

    @Test
    void a_stream_with_its_own_anomaly_rate_gets_anomalies() throws Exception {
        try (Running app = Running.start()) {
            List<JsonNode> events = app.events("/api/stream?batch_size=200&interval=0.05&max_batches=3&anomaly_rate=0.5");
            int anomalous = events.stream().mapToInt(e -> e.get("anomaly_count").asInt()).sum();
            assertThat(anomalous).isGreaterThan(60);
        }
    }

    @Test
    void is_running_is_true_while_a_stream_is_open() throws Exception {
        try (Running app = Running.start()) {
            HttpResponse<Stream<String>> r = app.lines("/api/stream?batch_size=1&interval=0.2");
            Iterator<String> lines = r.body().iterator();
            while (!lines.next().startsWith("data: ")) {
                // wait for the first batch
            }
            JsonNode status = app.get("/api/status").json();
            assertThat(status.get("is_running").asBoolean()).isTrue();
            assertThat(status.get("active_streams").asInt()).isEqualTo(1);
            r.body().close();
        }
    }

    @Test
    void bad_stream_parameters_get_400() {
        try (Running app = Running.start()) {
            assertThat(app.get("/api/stream?batch_size=0").status()).isEqualTo(400);
            assertThat(app.get("/api/stream?interval=0.01").json().get("field").asText()).isEqualTo("interval");
            assertThat(app.get("/api/stream/ndjson?include_labels=maybe").json().get("field").asText())
                    .isEqualTo("include_labels");
            assertThat(app.get("/api/stream?max_batches=-1").status()).isEqualTo(400);
            assertThat(app.get("/api/stream?bacth_size=3").json().get("field").asText()).isEqualTo("bacth_size");
        }
    }

    @Test
    void streams_beyond_the_limit_get_429_and_a_freed_slot_is_reusable() throws Exception {
        try (Running app = Running.start(Running.options().limits(ServerLimits.defaults().withMaxStreams(2)))) {
            HttpResponse<Stream<String>> a = app.lines("/api/stream?interval=0.2");
            HttpResponse<Stream<String>> b = app.lines("/api/stream/ndjson?interval=0.2");
            Running.Reply third = app.get("/api/stream?interval=0.2&max_batches=1");
            assertThat(third.status()).isEqualTo(429);
            assertThat(third.json().get("error").asText()).contains("limit is 2");
            a.body().close();
            b.body().close();
            // The server notices a vanished client at its next write; then the slot is free again.
            long deadline = System.nanoTime() + Running.WAIT.toNanos();
            while (app.get("/api/status").json().get("active_streams").asInt() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(app.events("/api/stream?interval=0.05&max_batches=1")).hasSize(1);
        }
    }
}
