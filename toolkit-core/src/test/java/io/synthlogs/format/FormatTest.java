package io.synthlogs.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthlogs.AnomalyType;
import io.synthlogs.Labels;
import io.synthlogs.Level;
import io.synthlogs.LogEntry;
import io.synthlogs.LogStream;
import io.synthlogs.Scenario;
import io.synthlogs.config.ConfigLoader;
import java.time.Instant;
import java.util.Iterator;
import org.junit.jupiter.api.Test;

class FormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant TS = Instant.parse("2024-01-15T10:30:45.123456Z");

    private static LogEntry outage(Labels labels) {
        return new LogEntry(0, TS, Level.ERROR, "web-server", "nginx", "502 Bad Gateway - upstream auth-service unavailable",
                "a1b2c3d4-e5f6-4890-abcd-ef1234567890", "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
                "192.168.1.100", "POST", "/api/v1/auth/login", 502, 3500.5, null, "ERR_SERVICE_UNAVAILABLE", null, null,
                null, null, null, labels);
    }

    private static final Labels OUTAGE = new Labels(true, AnomalyType.SERVICE_OUTAGE, 0.85, "complete", "ep-00001", true,
            "W045", "502 Bad Gateway - upstream <*> unavailable", null);

    @Test
    void text_lines_follow_the_original_layout() {
        assertThat(LogFormat.TEXT.render(outage(OUTAGE), true)).isEqualTo(
                "[2024-01-15T10:30:45.123456Z] [ERROR   ] [web-server/nginx] [a1b2c3d4] 502 Bad Gateway - upstream "
                        + "auth-service unavailable (3500.50ms) [502] [ANOMALY:service_outage:0.85]");
        assertThat(LogFormat.TEXT.render(outage(OUTAGE), false)).endsWith("(3500.50ms) [502]");
    }

    @Test
    void both_formats_written_into_one_buffer_match_each_written_alone() {
        // A buffer remembers encodings of recurring parts (source and service, labels); each format's
        // must stay its own, whatever the order the formats use the buffer in.
        var config = ConfigLoader.builder().set("anomalies.rate", 0.3, "test").build();
        LogStream stream = LogStream.generate(Scenario.of(config, 4), 2000);
        LineBuffer shared = new LineBuffer();
        int i = 0;
        for (LogEntry entry : stream.entries()) {
            LogFormat[] order = i++ % 2 == 0
                    ? new LogFormat[] {LogFormat.JSON, LogFormat.TEXT}
                    : new LogFormat[] {LogFormat.TEXT, LogFormat.JSON};
            for (LogFormat format : order) {
                shared.reset();
                format.append(shared, entry, true);
                assertThat(shared.toString()).isEqualTo(format.render(entry, true));
            }
        }
    }

    @Test
    void text_lines_leave_out_what_a_line_does_not_have() {
        LogEntry plain = new LogEntry(0, TS, Level.WARNING, "database", "redis", "fork took too long", null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, Labels.normal("D001", "x"));
        assertThat(LogFormat.TEXT.render(plain, true))
                .isEqualTo("[2024-01-15T10:30:45.123456Z] [WARNING ] [database/redis] fork took too long");
    }

    @Test
    void json_lines_carry_the_original_fields_and_the_labels() throws Exception {
        JsonNode node = JSON.readTree(LogFormat.JSON.render(outage(OUTAGE), true));
        assertThat(node.get("timestamp").asText()).isEqualTo("2024-01-15T10:30:45.123456Z");
        assertThat(node.get("level").asText()).isEqualTo("ERROR");
        assertThat(node.get("status_code").asInt()).isEqualTo(502);
        assertThat(node.get("response_time_ms").asDouble()).isEqualTo(3500.5);
        assertThat(node.get("request_id").asText()).isEqualTo("a1b2c3d4-e5f6-4890-abcd-ef1234567890");
        assertThat(node.has("user_id")).isFalse();
        JsonNode labels = node.get("_labels");
        assertThat(labels.get("is_anomaly").asBoolean()).isTrue();
        assertThat(labels.get("anomaly_type").asText()).isEqualTo("service_outage");
        assertThat(labels.get("anomaly_score").asDouble()).isEqualTo(0.85);
        assertThat(labels.get("anomaly_subtype").asText()).isEqualTo("complete");
        assertThat(labels.get("episode_id").asText()).isEqualTo("ep-00001");
        assertThat(labels.get("event_template").asText()).isEqualTo("502 Bad Gateway - upstream <*> unavailable");
    }

    @Test
    void no_labels_drops_the_labels_object_entirely() throws Exception {
        assertThat(JSON.readTree(LogFormat.JSON.render(outage(OUTAGE), false)).has("_labels")).isFalse();
    }

    @Test
    void a_field_nulled_by_a_data_anomaly_is_written_as_null() throws Exception {
        Labels nulled = new Labels(true, AnomalyType.DATA_ANOMALY, 0.75, "null_values", "ep-00002", true, "A064", "t",
                "user_id");
        JsonNode node = JSON.readTree(LogFormat.JSON.render(outage(nulled), false));
        assertThat(node.has("user_id")).isTrue();
        assertThat(node.get("user_id").isNull()).isTrue();
    }

    @Test
    void every_generated_line_is_one_valid_json_object_that_round_trips() throws Exception {
        var config = ConfigLoader.builder().set("anomalies.rate", 0.5, "test").build();
        LogStream stream = LogStream.generate(Scenario.of(config, 8), 5000);
        Iterator<String> lines = stream.render(LogFormat.JSON).iterator();
        for (LogEntry entry : stream.entries()) {
            String line = lines.next();
            assertThat(line).doesNotContain("\n");
            JsonNode node = JSON.readTree(line);
            assertThat(node.get("message").asText()).isEqualTo(entry.message());
            assertThat(node.get("_labels").get("is_anomaly").asBoolean()).isEqualTo(entry.isAnomaly());
        }
    }

    @Test
    void hostile_strings_survive_the_json_writer() throws Exception {
        String[] hostile = {"' OR '1'='1", "<script>alert(\"x\")</script>", "tab\there", "line\nbreak\r\n", "\u0000\u001f\u007f",
            "back\\slash", "émoji 🚀 中文", "\uD800 lone surrogate", "\u2028\u2029"};
        for (String s : hostile) {
            LineBuffer buffer = new LineBuffer(4);
            buffer.jsonString(s);
            assertThat(JSON.readValue(buffer.toString(), String.class)).isEqualTo(s);
        }
    }

    @Test
    void timestamps_have_microseconds_and_zulu_across_second_boundaries() {
        LineBuffer buffer = new LineBuffer();
        buffer.timestamp(Instant.parse("2024-02-29T23:59:59.999999Z")).append(' ').timestamp(Instant.parse("2024-03-01T00:00:00Z"));
        assertThat(buffer.toString()).isEqualTo("2024-02-29T23:59:59.999999Z 2024-03-01T00:00:00.000000Z");
    }

    @Test
    void timestamps_past_year_9999_are_expanded_iso_8601_that_instant_parse_reads_back() {
        for (String at : new String[] {"+12163-04-27T05:06:07.000089Z", "+10000-01-01T00:00:00.000000Z"}) {
            LineBuffer buffer = new LineBuffer();
            buffer.timestamp(Instant.parse(at));
            assertThat(buffer.toString()).isEqualTo(at);
            assertThat(Instant.parse(buffer.toString())).isEqualTo(Instant.parse(at));
        }
    }

    @Test
    void fixed_point_numbers_round_and_pad() {
        LineBuffer buffer = new LineBuffer();
        buffer.fixed(3500.5, 2).append(' ').fixed(0.004, 2).append(' ').fixed(-12.346, 2).append(' ').fixed(99.95, 1);
        assertThat(buffer.toString()).isEqualTo("3500.50 0.00 -12.35 100.0");
    }
}
