package io.synthlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebSocketTest {
    private final Running app = Running.start();

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void a_client_gets_batches_of_logs_after_connecting() throws Exception {
        try (Running.Ws ws = app.ws("/ws/logs")) {
            assertThat(ws.next("connected").get("seed").asLong()).isEqualTo(42);
            JsonNode logs = ws.next("logs");
            assertThat(logs.get("logs")).hasSize(10);
            assertThat(logs.at("/logs/0/_labels/is_anomaly").isBoolean()).isTrue();
        }
    }

    @Test
    void configure_takes_effect_at_once_including_the_anomaly_rate() throws Exception {
        try (Running.Ws ws = app.ws("/ws/logs")) {
            ws.send("{\"action\":\"configure\",\"config\":{\"batch_size\":250,\"interval\":0.05,"
                    + "\"anomaly_rate\":0.5,\"include_labels\":false}}");
            JsonNode updated = ws.next("config_updated");
            assertThat(updated.at("/config/batch_size").asInt()).isEqualTo(250);
            assertThat(updated.at("/config/anomaly_rate").asDouble()).isEqualTo(0.5);
            JsonNode logs;
            do {
                logs = ws.next("logs");
            } while (logs.get("count").asInt() != 250);
            assertThat(logs.at("/logs/0").has("_labels")).isFalse();
            int anomalous = logs.get("anomaly_count").asInt();
            for (int i = 0; i < 3; i++) {
                anomalous += ws.next("logs").get("anomaly_count").asInt();
            }
            assertThat(anomalous).as("anomalous lines in 1000 at rate 0.5").isGreaterThan(200);
            // null goes back to the configured rate.
            ws.send("{\"action\":\"configure\",\"config\":{\"anomaly_rate\":null}}");
            assertThat(ws.next("config_updated").at("/config/anomaly_rate").isNull()).isTrue();
        }
    }

    @Test
    void inject_anomaly_answers_with_the_episode_and_its_lines_follow() throws Exception {
        try (Running.Ws ws = app.ws("/ws/logs")) {
            ws.next("logs");
            ws.send("{\"action\":\"inject_anomaly\",\"anomaly_type\":\"error_spike\",\"duration_logs\":5}");
            String id = ws.next("anomaly_injected").get("episode_id").asText();
            assertThat(id).startsWith("ep-");
            boolean seen = false;
            while (!seen) {
                for (JsonNode log : ws.next("logs").get("logs")) {
                    seen |= id.equals(log.at("/_labels/episode_id").asText());
                }
            }
        }
    }

    @Test
    void pause_stops_batches_and_resume_restarts_them() throws Exception {
        try (Running.Ws ws = app.ws("/ws/logs")) {
            ws.send("{\"action\":\"configure\",\"config\":{\"interval\":0.05}}");
            ws.next("config_updated");
            ws.send("{\"action\":\"pause\"}");
            ws.next("paused");
            long before = app.get("/api/status").json().get("total_generated").asLong();
            Thread.sleep(300);
            assertThat(app.get("/api/status").json().get("total_generated").asLong()).isEqualTo(before);
            ws.send("{\"action\":\"resume\"}");
            ws.next("resumed");
            ws.next("logs");
        }
    }

    @Test
    void a_paused_client_is_kept_alive_past_the_idle_timeout() throws Exception {
        // Paused, nothing flows either way; pings keep it open (it used to be closed with 1001).
        try (Running quick = Running.start(Running.options().limits(ServerLimits.defaults()
                .withWsIdleTimeout(java.time.Duration.ofSeconds(1))));
                Running.Ws ws = quick.ws("/ws/logs")) {
            ws.send("{\"action\":\"configure\",\"config\":{\"interval\":0.05}}");
            ws.next("config_updated");
            ws.send("{\"action\":\"pause\"}");
            ws.next("paused");
            Thread.sleep(3000);
            assertThat(ws.closeCode).as("closed while paused").isEqualTo(-1);
            ws.send("{\"action\":\"resume\"}");
            ws.next("resumed");
            assertThat(ws.next("logs").get("logs")).isNotEmpty();
        }
    }

    @Test
    void malformed_messages_get_an_error_and_the_connection_stays_open() throws Exception {
        try (Running.Ws ws = app.ws("/ws/logs")) {
            String[] bad = {
                "not json", "[1,2]", "{}", "{\"action\":\"dance\"}", "{\"action\":7}",
                "{\"action\":\"configure\"}", "{\"action\":\"configure\",\"config\":{\"batch_size\":0}}",
                "{\"action\":\"configure\",\"config\":{\"interval\":\"fast\"}}",
                "{\"action\":\"inject_anomaly\",\"anomaly_type\":\"meteor\"}",
                "{\"action\":\"inject_anomaly\"}"
            };
            for (String message : bad) {
                ws.send(message);
                JsonNode error = ws.next("error");
                assertThat(error.get("message").asText()).as(message).isNotBlank();
            }
            ws.send("{\"action\":\"inject_anomaly\",\"anomaly_type\":\"meteor\"}");
            assertThat(ws.next("error").get("message").asText()).contains("error_spike", "data_anomaly");
            ws.send("{\"action\":\"pause\"}");
            ws.next("paused");
            assertThat(ws.closeCode).isEqualTo(-1);
        }
    }

    @Test
    void an_oversize_message_is_reported_and_the_connection_stays_open() throws Exception {
        try (Running.Ws ws = app.ws("/ws/logs")) {
            ws.send("{\"action\":\"pause\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
            assertThat(ws.next("error").get("message").asText()).contains("exceeds the limit of 65536 bytes");
            ws.send("{\"action\":\"pause\"}");
            ws.next("paused");
        }
    }

    @Test
    void connections_beyond_the_stream_limit_are_told_and_closed() throws Exception {
        try (Running small = Running.start(Running.options().limits(ServerLimits.defaults().withMaxStreams(1)));
                Running.Ws first = small.ws("/ws/logs")) {
            // The first holds the only slot before the second connects: the server registers a
            // stream in its connect handler, which may run after the client's handshake completes.
            first.next("logs");
            try (Running.Ws second = small.ws("/ws/logs")) {
                assertThat(second.next("error").get("message").asText()).contains("too many open streams");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (second.closeCode == -1 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(second.closeCode).isEqualTo(1013);
            }
            // HEAD on a stream answers what GET would: 429 while the only slot is taken.
            Running.Reply head = small.send(java.net.http.HttpRequest.newBuilder(small.uri("/api/stream"))
                    .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertThat(head.status()).isEqualTo(429);
        }
    }
}
