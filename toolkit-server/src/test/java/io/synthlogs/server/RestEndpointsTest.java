package io.synthlogs.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthlogs.AnomalyType;
import io.synthlogs.config.ConfigLoader;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RestEndpointsTest {
    private final Running app = Running.start();

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void index_links_docs_ui_and_every_endpoint() {
        JsonNode index = app.get("/").json();
        assertThat(index.get("name").asText()).isEqualTo("synthlogs");
        assertThat(index.get("docs").asText()).isEqualTo("/docs");
        assertThat(index.get("openapi").asText()).isEqualTo("/openapi.json");
        assertThat(index.get("ui").asText()).isEqualTo("/ui");
        assertThat(index.get("endpoints").findValuesAsText("path"))
                .contains("/api/generate", "/api/stream", "/api/stream/ndjson", "/ws/logs", "/api/episodes");
    }

    @Test
    void health_is_healthy() {
        assertThat(app.get("/health").json().get("status").asText()).isEqualTo("healthy");
    }

    @Test
    void status_reports_seed_start_and_counts_what_was_delivered() {
        app.post("/api/generate", "{\"count\": 25}");
        JsonNode status = app.get("/api/status").json();
        assertThat(status.get("seed").asLong()).isEqualTo(42);
        assertThat(status.get("start").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(status.get("total_generated").asLong()).isEqualTo(25);
        assertThat(status.get("is_running").asBoolean()).isFalse();
        assertThat(status.get("active_streams").asInt()).isZero();
        assertThat(status.get("anomalies_by_type").size()).isEqualTo(6);
        assertThat(status.has("uptime_seconds")).isTrue();
    }

    @Test
    void generate_returns_log_objects_with_labels_and_counts() {
        JsonNode body = app.post("/api/generate", "{\"count\": 50, \"anomaly_rate\": 0.5}").json();
        assertThat(body.get("count").asInt()).isEqualTo(50);
        assertThat(body.get("logs")).hasSize(50);
        int anomalous = 0;
        for (JsonNode log : body.get("logs")) {
            assertThat(log.get("timestamp").isTextual()).isTrue();
            assertThat(log.get("_labels").get("is_anomaly").isBoolean()).isTrue();
            anomalous += log.get("_labels").get("is_anomaly").asBoolean() ? 1 : 0;
        }
        assertThat(body.get("anomaly_count").asInt()).isEqualTo(anomalous);
    }

    @Test
    void a_request_at_rate_zero_gets_no_anomalous_line_even_with_an_episode_under_way() {
        JsonNode status;
        int tries = 0;
        do {
            app.post("/api/generate", "{\"count\": 1, \"anomaly_rate\": 0.9}");
            status = app.get("/api/status").json();
            assertThat(++tries).as("lines until an episode is under way").isLessThan(2_000);
        } while (status.get("active_episode").isNull());
        String open = status.get("active_episode").get("episode_id").asText();

        JsonNode body = app.post("/api/generate", "{\"count\": 2000, \"anomaly_rate\": 0}").json();

        assertThat(body.get("anomaly_count").asInt()).isZero();
        JsonNode ended = null;
        for (JsonNode e : app.get("/api/episodes").json().get("episodes")) {
            ended = e.get("episode_id").asText().equals(open) ? e : ended;
        }
        assertThat(ended).as("episode %s in the manifest", open).isNotNull();
        assertThat(ended.get("parameters").get("truncated").asBoolean()).isTrue();
    }

    @Test
    void generate_without_a_body_uses_the_configured_batch_size() {
        Running.Reply reply = app.send(HttpRequest.newBuilder(app.uri("/api/generate"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("count").asInt()).isEqualTo(100);
    }

    @Test
    void generate_in_text_format_returns_strings_and_can_leave_labels_out() {
        JsonNode text = app.post("/api/generate", "{\"count\": 3, \"format\": \"text\"}").json();
        assertThat(text.get("logs").get(0).isTextual()).isTrue();
        assertThat(text.get("logs").get(0).asText()).startsWith("[");
        JsonNode bare = app.post("/api/generate", "{\"count\": 3, \"include_labels\": false}").json();
        assertThat(bare.get("logs").get(0).has("_labels")).isFalse();
    }

    @Test
    void single_can_force_an_anomaly_of_a_kind() {
        JsonNode log = app.post("/api/generate/single", "{\"force_anomaly\": \"security_threat\"}").json();
        assertThat(log.get("_labels").get("is_anomaly").asBoolean()).isTrue();
        assertThat(log.get("_labels").get("anomaly_type").asText()).isEqualTo("security_threat");
    }

    @Test
    void config_shows_the_effective_configuration_and_the_puts_change_it() {
        assertThat(app.get("/api/config").json().at("/anomalies/rate").asDouble()).isEqualTo(0.05);
        JsonNode gen = app.put("/api/config/generator", "{\"batch_size\": 7, \"interval\": 0.5}").json();
        assertThat(gen.at("/config/generator/batch_size").asInt()).isEqualTo(7);
        JsonNode anomalies = app.put("/api/config/anomalies",
                "{\"probability\": 0.3, \"data_anomaly_enabled\": false}").json();
        assertThat(anomalies.at("/config/anomalies/rate").asDouble()).isEqualTo(0.3);
        assertThat(anomalies.at("/config/anomalies/types/data_anomaly/enabled").asBoolean()).isFalse();
        JsonNode config = app.get("/api/config").json();
        assertThat(config.at("/generator/interval").asDouble()).isEqualTo(0.5);
        assertThat(config.at("/anomalies/rate").asDouble()).isEqualTo(0.3);
        assertThat(app.post("/api/generate", "{}").json().get("count").asInt()).isEqualTo(7);
    }

    @Test
    void episodes_lists_the_manifest_and_reset_zeroes_the_statistics() {
        app.post("/api/inject-anomaly", "{\"anomaly_type\": \"data_anomaly\", \"duration_logs\": 5}");
        app.post("/api/generate", "{\"count\": 10}");
        JsonNode episodes = app.get("/api/episodes").json();
        assertThat(episodes.get("episodes").get(0).get("episode_id").asText()).isNotEmpty();
        assertThat(episodes.get("episodes").get(0).has("first_line")).isTrue();

        assertThat(app.post("/api/reset", "").status()).isEqualTo(200);
        JsonNode status = app.get("/api/status").json();
        assertThat(status.get("total_generated").asLong()).isZero();
        assertThat(status.get("anomalies_generated").asLong()).isZero();
        assertThat(status.get("lines_in_stream").asLong()).isEqualTo(10);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3} on {4}")
    @CsvSource(delimiter = '|', value = {
        "POST|/api/generate|{\"count\": 0}|400|count",
        "POST|/api/generate|{\"count\": 10001}|400|count",
        "POST|/api/generate|{\"count\": \"ten\"}|400|count",
        "POST|/api/generate|{\"count\": 1.5}|400|count",
        "POST|/api/generate|{\"anomaly_rate\": 1.5}|400|anomaly_rate",
        "POST|/api/generate|{\"format\": \"xml\"}|400|format",
        "POST|/api/generate|{\"cuont\": 5}|400|cuont",
        "POST|/api/generate|[1, 2]|400|",
        "POST|/api/generate|{\"count\": 5|400|",
        "POST|/api/generate|{\"count\": 5} trailing|400|",
        "POST|/api/generate/single|{\"force_anomaly\": \"meteor\"}|400|force_anomaly",
        "POST|/api/inject-anomaly|{}|400|anomaly_type",
        "POST|/api/inject-anomaly|{\"anomaly_type\": \"none\"}|400|anomaly_type",
        "POST|/api/inject-anomaly|{\"anomaly_type\": \"error_spike\", \"duration_logs\": 4}|400|duration_logs",
        "POST|/api/inject-anomaly|{\"anomaly_type\": \"error_spike\", \"service\": \"nope\"}|400|service",
        "POST|/api/inject-anomaly|{\"anomaly_type\": \"security_threat\", \"subtype\": \"ddos\"}|400|subtype",
        "PUT|/api/config/generator|{\"batch_size\": 0}|400|batch_size",
        "PUT|/api/config/generator|{\"interval\": 0.001}|400|interval",
        "PUT|/api/config/generator|{\"total_logs\": -1}|400|total_logs",
        "PUT|/api/config/anomalies|{\"anomaly_rate\": -0.1}|400|anomaly_rate",
        "PUT|/api/config/anomalies|{\"error_spike_enabled\": \"yes\"}|400|error_spike_enabled",
        "PUT|/api/config/anomalies|{\"anomaly_rate\": 0.1, \"probability\": 0.2}|400|probability",
    })
    void a_client_mistake_gets_a_json_error_naming_the_field(String method, String path, String body, int status,
            String field) {
        Running.Reply reply = method.equals("PUT") ? app.put(path, body) : app.post(path, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        JsonNode error = reply.json();
        assertThat(error.get("error").asText()).isNotBlank();
        assertThat(error.has("allowed")).isTrue();
        assertThat(error.get("field").isNull() ? null : error.get("field").asText()).isEqualTo(field);
    }

    @Test
    void an_unknown_anomaly_type_lists_the_valid_ones() {
        JsonNode error = app.post("/api/inject-anomaly", "{\"anomaly_type\": \"meteor_strike\"}").json();
        assertThat(error.get("error").asText()).contains("meteor_strike", "error_spike", "data_anomaly");
        assertThat(error.get("allowed")).hasSize(6);
    }

    @Test
    void an_unknown_service_or_subtype_names_what_is_allowed() {
        Running.Reply service = app.post("/api/inject-anomaly", "{\"anomaly_type\": \"error_spike\", \"service\": \"nope\"}");
        assertThat(service.status()).isEqualTo(400);
        assertThat(service.json().get("field").asText()).isEqualTo("service");
        assertThat(service.json().get("error").asText()).startsWith("unknown service 'nope'");
        assertThat(service.json().get("allowed")).extracting(JsonNode::asText).contains("nginx", "postgresql", "kubernetes");

        Running.Reply none = app.post("/api/inject-anomaly", "{\"anomaly_type\": \"error_spike\", \"subtype\": \"nope\"}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("error").asText()).isEqualTo("error_spike has no subtypes; leave subtype out, got 'nope'");
        Running.Reply wrong = app.post("/api/inject-anomaly", "{\"anomaly_type\": \"security_threat\", \"subtype\": \"nope\"}");
        assertThat(wrong.json().get("error").asText()).startsWith("unknown subtype 'nope' for security_threat; allowed: brute_force");
        assertThat(wrong.json().get("allowed")).extracting(JsonNode::asText).contains("brute_force", "sql_injection");
    }

    @Test
    void a_duplicate_field_or_a_number_past_a_double_is_named_in_plain_words() {
        Running.Reply duplicate = app.post("/api/generate", "{\"count\": 5, \"count\": 6}");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().get("error").asText()).isEqualTo("malformed JSON: duplicate field 'count' (line 1, column 23)");
        Running.Reply huge = app.post("/api/generate", "{\"count\": 1e400}");
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.json().get("error").asText()).isEqualTo("count is Infinity, outside the allowed range [1, 10000]");
    }

    @Test
    void disabling_every_kind_while_the_rate_is_positive_is_refused() {
        Running.Reply reply = app.put("/api/config/anomalies", "{\"error_spike_enabled\": false,"
                + " \"latency_degradation_enabled\": false, \"security_threat_enabled\": false,"
                + " \"resource_exhaustion_enabled\": false, \"service_outage_enabled\": false,"
                + " \"data_anomaly_enabled\": false}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(app.get("/api/config").json().at("/anomalies/types/error_spike/enabled").asBoolean()).isTrue();
    }

    @Test
    void a_rate_or_kind_the_sources_cannot_show_is_refused_before_any_line() {
        // Only a database and only security threats (which show at the web tier and in applications), at rate 0.
        ConfigLoader.Builder config = ConfigLoader.builder().yaml("""
                sources:
                  - {name: database, kind: database, weight: 1, services: [postgresql]}
                anomalies: {rate: 0}
                """, "test");
        for (AnomalyType type : AnomalyType.injectable()) {
            config.set("anomalies.types." + type.wireName() + ".enabled", type == AnomalyType.SECURITY_THREAT, "test");
        }
        try (Running db = Running.start(Running.options().config(config.build()))) {
            Running.Reply rate = db.put("/api/config/anomalies", "{\"anomaly_rate\": 0.2}");
            assertThat(rate.status()).isEqualTo(400);
            assertThat(rate.json().get("field").asText()).isEqualTo("anomaly_rate");
            assertThat(rate.json().get("error").asText()).startsWith("the anomaly rate is 0.2, but the sources [database]"
                    + " can show none of the enabled anomaly kinds [security_threat]; they can show: error_spike,");
            Running.Reply generate = db.post("/api/generate", "{\"count\": 10, \"anomaly_rate\": 0.5}");
            assertThat(generate.status()).isEqualTo(400);
            assertThat(generate.json().get("field").asText()).isEqualTo("anomaly_rate");
            // A kind the database can show makes the same rate fine.
            assertThat(db.put("/api/config/anomalies", "{\"anomaly_rate\": 0.2, \"service_outage_enabled\": true}")
                    .status()).isEqualTo(200);
            assertThat(db.post("/api/generate", "{\"count\": 10}").status()).isEqualTo(200);
        }
    }

    @Test
    void injections_from_several_clients_run_one_after_another_each_where_it_was_announced() {
        // A second injection used to replace the first, whose announced episode then never came.
        JsonNode first = app.post("/api/inject-anomaly", "{\"anomaly_type\": \"error_spike\", \"duration_logs\": 30}").json();
        Running.Reply second = app.post("/api/inject-anomaly", "{\"anomaly_type\": \"security_threat\", \"duration_logs\": 10}");
        assertThat(second.status()).isEqualTo(201);
        long start = first.get("starts_at_log").asLong();
        assertThat(second.json().get("starts_at_log").asLong()).isEqualTo(start + 30);
        assertThat(app.get("/api/status").json().get("pending_injections").asInt()).isEqualTo(2);
        // A forced line would come after them: refused until they have their lines.
        assertThat(app.post("/api/generate/single", "{\"force_anomaly\": \"data_anomaly\"}").status()).isEqualTo(409);
        app.post("/api/generate", "{\"count\": 41}");
        Map<String, JsonNode> byId = new java.util.HashMap<>();
        app.get("/api/episodes").json().get("episodes").forEach(e -> byId.put(e.get("episode_id").asText(), e));
        JsonNode a = byId.get(first.get("episode_id").asText());
        JsonNode b = byId.get(second.json().get("episode_id").asText());
        assertThat(a.get("first_line").asLong()).isEqualTo(start);
        assertThat(a.get("line_count").asInt()).isEqualTo(30);
        assertThat(b.get("first_line").asLong()).isEqualTo(start + 30);
        assertThat(b.get("line_count").asInt()).isEqualTo(10);
        assertThat(app.post("/api/generate/single", "{\"force_anomaly\": \"data_anomaly\"}").status()).isEqualTo(200);
    }

    @Test
    void oversize_bodies_get_413_and_non_json_bodies_415() {
        String huge = "{\"count\": 5, \"pad\": \"" + "x".repeat(70_000) + "\"}";
        assertThat(app.post("/api/generate", huge).status()).isEqualTo(413);
        // Announced too large, so refused unread: what a fast sender has already sent is read and dropped
        // first, or closing the connection over it would reset it, and the answer could be lost with it.
        String large = "{\"pad\": \"" + "x".repeat(3_000_000) + "\"}";
        for (int i = 0; i < 5; i++) {
            assertThat(app.post("/api/generate", large).status()).as("upload %d", i).isEqualTo(413);
        }
        Running.Reply form = app.send(HttpRequest.newBuilder(app.uri("/api/generate"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("count=5")));
        assertThat(form.status()).isEqualTo(415);
        assertThat(form.json().get("allowed").asText()).isEqualTo("application/json");
    }

    @Test
    void unknown_paths_get_404_and_wrong_methods_405_as_json() {
        Running.Reply missing = app.get("/api/nothing");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).contains("/api/nothing");
        Running.Reply wrong = app.get("/api/generate");
        assertThat(wrong.status()).isEqualTo(405);
        assertThat(wrong.json().get("allowed").get(0).asText()).isEqualTo("POST");
    }

    @Test
    void no_cors_wildcard_is_sent() {
        Running.Reply reply = app.get("/api/status", "Origin", "http://evil.example");
        assertThat(reply.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void the_server_survives_a_burst_of_bad_requests() {
        for (int i = 0; i < 50; i++) {
            app.post("/api/generate", "{\"count\": " + (i % 2 == 0 ? "\"x\"" : "-1") + "}");
        }
        assertThat(app.post("/api/generate", "{\"count\": 2}").status()).isEqualTo(200);
    }
}
