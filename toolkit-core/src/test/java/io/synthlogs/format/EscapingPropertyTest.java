package io.synthlogs.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthlogs.AnomalyType;
import io.synthlogs.Labels;
import io.synthlogs.Level;
import io.synthlogs.LogEntry;
import io.synthlogs.LogGenerator;
import io.synthlogs.Scenario;
import io.synthlogs.config.ConfigException;
import io.synthlogs.config.ConfigLoader;
import io.synthlogs.config.SynthConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whatever string ends up in a field, the JSON line parses back to that very string, and no line of
 * either format contains a raw line break: one entry is one line, always.
 */
class EscapingPropertyTest {
    private static final long SEED = 0xE5CA_9E5L;
    private static final int CASES = 12_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant TS = Instant.parse("2024-01-15T10:30:45.123456Z");

    /** The engine's own hostile payloads plus classic breakers of hand-written JSON and log parsers. */
    private static final List<String> PAYLOADS = List.of(
            "' OR '1'='1", "1; DROP TABLE users--", "' UNION SELECT username, password FROM users--", "admin'--",
            "'; EXEC xp_cmdshell('whoami')--", "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(document.cookie)>", "javascript:alert('xss')",
            "<iframe src=\"javascript:alert(`x`)\">", "'\"><body onload=alert(\"XSS\")>", "\\", "\\\\", "\\u0000",
            "\\n", "\"", "\"\"", "\\\"", "}{", "\"},{\"", "\u0000", "\r\n", "\n", "\r", "\u2028", "\u2029", "\u0085",
            "\u007F", "\uFEFF", "\uFFFF", "\uFFFE", "😀", "👨‍👩‍👧", "🏳️‍🌈", "日本語", "ع", "\u202E", "é", "e\u0301",
            "\uD800", "\uDFFF", "\uDBFF\uDFFF", "\uDC00\uD800", "%s%n", "${jndi:ldap://x/a}", "null", "true", "0");

    /**
     * Twice: with lone surrogates, which take the byte-by-byte escaping, and with valid UTF-16 only,
     * whose escaping finds quotes, backslashes and control bytes eight at a time.
     */
    @ParameterizedTest(name = "lone surrogates: {0}")
    @ValueSource(booleans = {true, false})
    void any_field_string_round_trips_through_the_json_line_and_stays_on_one_line(boolean loneSurrogates)
            throws Exception {
        SplittableRandom random = new SplittableRandom(SEED + (loneSurrogates ? 0 : 3));
        java.util.function.Supplier<String> randomString =
                () -> loneSurrogates ? randomString(random) : randomString(random).replaceAll("\\p{Cs}", "\\\\");
        for (int n = 0; n < CASES; n++) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String name : List.of(JsonFields.SOURCE, JsonFields.SERVICE, JsonFields.MESSAGE, JsonFields.REQUEST_ID,
                    JsonFields.IP_ADDRESS, JsonFields.METHOD, JsonFields.ENDPOINT, JsonFields.USER_ID,
                    JsonFields.ERROR_CODE, JsonFields.QUERY_TYPE, JsonFields.NODE, JsonFields.POD, JsonFields.RESOURCE)) {
                fields.put(name, randomString.get());
            }
            Labels labels = new Labels(true, AnomalyType.SECURITY_THREAT, 0.9, randomString.get(), randomString.get(),
                    true, randomString.get(), randomString.get(), randomString.get());
            LogEntry entry = entry(fields, labels);

            String line = LogFormat.JSON.render(entry, true);
            String context = "case " + n + ": " + visible(line);
            assertThat(line).as(context).doesNotContain("\n", "\r");
            JsonNode node = JSON.readTree(line);
            for (Map.Entry<String, String> field : fields.entrySet()) {
                assertThat(node.get(field.getKey())).as(context + " field " + field.getKey()).isNotNull();
                assertThat(node.get(field.getKey()).textValue()).as(context + " field " + field.getKey())
                        .isEqualTo(field.getValue());
            }
            JsonNode l = node.get(JsonFields.LABELS);
            assertThat(l.get(JsonFields.ANOMALY_SUBTYPE).textValue()).as(context).isEqualTo(labels.subtype());
            assertThat(l.get(JsonFields.EPISODE_ID).textValue()).as(context).isEqualTo(labels.episodeId());
            assertThat(l.get(JsonFields.EVENT_ID).textValue()).as(context).isEqualTo(labels.eventId());
            assertThat(l.get(JsonFields.EVENT_TEMPLATE).textValue()).as(context).isEqualTo(labels.eventTemplate());
            assertThat(l.get(JsonFields.ANOMALY_FIELD).textValue()).as(context).isEqualTo(labels.field());
        }
    }

    /** The text layout prints source, service, the request id's first 8 chars and the message. */
    @Test
    void text_lines_never_contain_a_raw_line_break_whatever_the_fields_hold() {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        for (int n = 0; n < CASES; n++) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String name : List.of(JsonFields.SOURCE, JsonFields.SERVICE, JsonFields.REQUEST_ID, JsonFields.MESSAGE)) {
                fields.put(name, randomString(random));
            }
            String text = LogFormat.TEXT.render(entry(fields, Labels.normal("X001", "x")), true);
            assertThat(text).as("case %d: %s", n, visible(text)).doesNotContain("\n", "\r");
        }
    }

    /** The one field the text layout escapes today. */
    @Test
    void text_lines_keep_a_multi_line_message_on_one_line() {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (int n = 0; n < CASES; n++) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put(JsonFields.MESSAGE, randomString(random));
            String text = LogFormat.TEXT.render(entry(fields, Labels.normal("X001", "x")), true);
            assertThat(text).as("case %d: %s", n, visible(text)).doesNotContain("\n", "\r");
        }
    }

    /**
     * Source and service names appear in every line, so the loader refuses control characters in
     * them (a line break there would split text lines); the text format escapes them anyway for
     * entries built by hand.
     */
    @Test
    void names_with_line_breaks_are_refused_by_the_loader_and_escaped_by_the_text_format() {
        assertThatThrownBy(() -> ConfigLoader.builder().yaml("""
                sources:
                  - name: "web\\nserver"
                    kind: web
                    weight: 1
                    services: [nginx]
                """, "test").build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sources[0].name")
                .hasMessageContaining("contains a control character");
        assertThatThrownBy(() -> ConfigLoader.builder().yaml("""
                sources:
                  - {name: web, kind: web, weight: 1, services: ["ng\\rinx"]}
                """, "test").build())
                .hasMessageContaining("sources[0].services");
        LogEntry handMade = new LogEntry(0, java.time.Instant.EPOCH, io.synthlogs.Level.INFO, "web\nserver", "ng\rinx",
                "m", "req\nid", null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                Labels.normal("X001", "x"));
        assertThat(LogFormat.TEXT.render(handMade, true)).doesNotContain("\n", "\r");
    }

    /** Every string field the engine itself writes, across all anomaly kinds, parses back unchanged. */
    @Test
    void every_engine_line_round_trips_through_jackson() throws Exception {
        SynthConfig config = ConfigLoader.builder().set("anomalies.rate", 1.0, "test").build();
        LogGenerator generator = LogGenerator.of(Scenario.of(config, 11)).forgetEpisodes();
        for (int i = 0; i < 20_000; i++) {
            LogEntry e = generator.next();
            String line = LogFormat.JSON.render(e, true);
            assertThat(line).doesNotContain("\n", "\r");
            JsonNode node = JSON.readTree(line);
            String context = "line " + i + ": " + line;
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put(JsonFields.SOURCE, e.source());
            expected.put(JsonFields.SERVICE, e.service());
            expected.put(JsonFields.MESSAGE, e.message());
            expected.put(JsonFields.REQUEST_ID, e.requestId());
            expected.put(JsonFields.IP_ADDRESS, e.ipAddress());
            expected.put(JsonFields.ENDPOINT, e.endpoint());
            expected.put(JsonFields.USER_ID, e.userId());
            expected.put(JsonFields.ERROR_CODE, e.errorCode());
            for (Map.Entry<String, String> field : expected.entrySet()) {
                JsonNode value = node.get(field.getKey());
                if (field.getValue() == null) {
                    assertThat(value == null || value.isNull()).as(context).isTrue();
                } else {
                    assertThat(value.textValue()).as(context).isEqualTo(field.getValue());
                }
            }
            assertThat(node.get(JsonFields.LABELS).get(JsonFields.EVENT_TEMPLATE).textValue()).as(context)
                    .isEqualTo(e.labels().eventTemplate());
            assertThat(LogFormat.TEXT.render(e, true)).as(context).doesNotContain("\n", "\r");
        }
    }

    private static LogEntry entry(Map<String, String> f, Labels labels) {
        return new LogEntry(0, TS, Level.ERROR, f.getOrDefault(JsonFields.SOURCE, "web-server"),
                f.getOrDefault(JsonFields.SERVICE, "nginx"), f.get(JsonFields.MESSAGE), f.get(JsonFields.REQUEST_ID),
                "0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", f.get(JsonFields.IP_ADDRESS),
                f.get(JsonFields.METHOD), f.get(JsonFields.ENDPOINT), 500, 12.5, f.get(JsonFields.USER_ID),
                f.get(JsonFields.ERROR_CODE), f.get(JsonFields.QUERY_TYPE), f.get(JsonFields.NODE), f.get(JsonFields.POD),
                f.get(JsonFields.RESOURCE), 55.5, labels);
    }

    /**
     * A string mixing every kind of char: printable ASCII, controls, quotes and backslashes, any BMP
     * char including lone surrogates, supplementary code points, and whole payloads. Mostly short,
     * sometimes long enough to grow the line buffer several times.
     */
    static String randomString(SplittableRandom r) {
        int length = r.nextInt(10) == 0 ? r.nextInt(300, 3_000) : r.nextInt(0, 40);
        StringBuilder sb = new StringBuilder(length + 16);
        while (sb.length() < length) {
            switch (r.nextInt(8)) {
                case 0 -> sb.append((char) r.nextInt(0x20, 0x7F));
                case 1 -> sb.append((char) r.nextInt(0, 0x20));
                case 2 -> sb.append("\"\\/'`".charAt(r.nextInt(5)));
                case 3 -> sb.append((char) r.nextInt(0x80, 0x10000));
                case 4 -> sb.append((char) r.nextInt(0xD800, 0xE000));
                case 5 -> sb.appendCodePoint(r.nextInt(0x10000, 0x110000));
                case 6 -> sb.append(PAYLOADS.get(r.nextInt(PAYLOADS.size())));
                default -> sb.append((char) r.nextInt(0x7F, 0x800));
            }
        }
        return sb.toString();
    }

    /** The string with non-printable chars as {@code \\uXXXX}, for readable failure messages. */
    static String visible(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c >= 0x20 && c < 0x7F) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        return out.length() > 400 ? out.substring(0, 400) + "…" : out.toString();
    }
}
