package io.synthlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthlogs.config.ConfigLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class InjectionAndDeterminismTest {

    @Test
    void inject_then_generate_yields_the_promised_episode() {
        try (Running app = Running.start()) {
            app.post("/api/generate", "{\"count\": 13}");
            JsonNode injection = app.post("/api/inject-anomaly",
                    "{\"anomaly_type\": \"error_spike\", \"duration_logs\": 30, \"service\": \"nginx\"}").json();
            assertThat(injection.get("starts_at_log").asLong()).isEqualTo(13);
            assertThat(injection.get("duration_logs").asInt()).isEqualTo(30);
            String id = injection.get("episode_id").asText();

            JsonNode logs = app.post("/api/generate", "{\"count\": 40}").json().get("logs");
            for (int i = 0; i < 40; i++) {
                JsonNode labels = logs.get(i).get("_labels");
                if (i < 30) {
                    assertThat(labels.get("episode_id").asText()).as("line %d", i).isEqualTo(id);
                    assertThat(labels.get("anomaly_type").asText()).isEqualTo("error_spike");
                    assertThat(logs.get(i).get("service").asText()).isEqualTo("nginx");
                } else {
                    assertThat(labels.get("episode_id").asText()).isNotEqualTo(id);
                }
            }
            JsonNode manifest = app.get("/api/episodes").json().get("episodes");
            JsonNode episode = manifest.get(manifest.size() - 1);
            assertThat(episode.get("episode_id").asText()).isEqualTo(id);
            assertThat(episode.get("first_line").asLong()).isEqualTo(13);
            assertThat(episode.get("last_line").asLong()).isEqualTo(42);
            assertThat(episode.get("line_count").asLong()).isEqualTo(30);
        }
    }

    @Test
    void an_injection_waiting_for_lines_shows_in_status() {
        try (Running app = Running.start()) {
            app.post("/api/inject-anomaly", "{\"anomaly_type\": \"service_outage\"}");
            JsonNode status = app.get("/api/status").json();
            assertThat(status.at("/pending_injection/anomaly_type").asText()).isEqualTo("service_outage");
            app.post("/api/generate", "{\"count\": 3}");
            JsonNode during = app.get("/api/status").json();
            assertThat(during.get("pending_injection").isNull()).isTrue();
            assertThat(during.at("/active_episode/anomaly_type").asText()).isEqualTo("service_outage");
        }
    }

    @Test
    void the_same_seed_and_call_sequence_give_the_same_lines() {
        List<String> first = sequence(Running.options().seed(7L));
        List<String> second = sequence(Running.options().seed(7L));
        List<String> other = sequence(Running.options().seed(8L));
        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void a_fixed_start_in_the_config_is_honoured() {
        var config = ConfigLoader.builder().set("timestamps.start", "2030-05-01T12:00:00Z", "test").build();
        try (Running app = Running.start(Running.options().start(null).config(config))) {
            assertThat(app.get("/api/status").json().get("start").asText()).isEqualTo("2030-05-01T12:00:00Z");
            String ts = app.post("/api/generate", "{\"count\": 1}").json().at("/logs/0/timestamp").asText();
            assertThat(ts).startsWith("2030-05-01T12:00:00");
        }
    }

    @Test
    void without_a_seed_the_server_picks_one_and_reports_it() {
        try (Running app = Running.start(Running.options().seed(null))) {
            assertThat(app.get("/api/status").json().get("seed").asLong()).isEqualTo(app.server.seed());
        }
    }

    private static List<String> sequence(ServerOptions.Builder options) {
        try (Running app = Running.start(options)) {
            String a = app.post("/api/generate", "{\"count\": 200}").body();
            String b = app.post("/api/generate", "{\"count\": 50, \"anomaly_rate\": 0.4}").body();
            app.post("/api/inject-anomaly", "{\"anomaly_type\": \"security_threat\", \"duration_logs\": 10}");
            String c = app.post("/api/generate", "{\"count\": 30, \"format\": \"text\"}").body();
            return List.of(a, b, c);
        }
    }
}
