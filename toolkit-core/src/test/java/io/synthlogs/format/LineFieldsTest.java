package io.synthlogs.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlogs.AnomalyType;
import io.synthlogs.Labels;
import io.synthlogs.Level;
import io.synthlogs.LogEntry;
import io.synthlogs.LogGenerator;
import io.synthlogs.Scenario;
import io.synthlogs.config.ConfigLoader;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The byte form lines travel in: lossless for any string, and the same lines however they are held. */
class LineFieldsTest {
    private static final List<String> AWKWARD = List.of("plain", "", "qu\"ote", "back\\slash", "line\nbreak", "cr\r",
            "tab\t", "\u0000", "\u007F", "é", "日本語", "😀", "\uD800", "\uDFFF", "a\uDBFFb", "\uDC00\uD800", "\u2028",
            "e\u0301", "\uFFFF");

    @Test
    void any_string_survives_the_arena_unchanged() {
        SplittableRandom random = new SplittableRandom(7);
        LineFields fields = new LineFields();
        for (int n = 0; n < 5_000; n++) {
            StringBuilder s = new StringBuilder();
            for (int parts = random.nextInt(4); parts >= 0; parts--) {
                s.append(AWKWARD.get(random.nextInt(AWKWARD.size())));
            }
            String value = s.toString();
            LogEntry entry = new LogEntry(n, Instant.parse("2024-02-29T23:59:59.999999Z"), Level.WARNING, value, value,
                    value, value, value, value, value, value, value, n % 2 == 0 ? null : 404, n % 3 == 0 ? null : 12.5,
                    value, value, value, value, value, value, n % 5 == 0 ? null : 99.9,
                    new Labels(true, AnomalyType.DATA_ANOMALY, 0.75, value, value, true, value, value, value));
            assertThat(fields.set(entry).toEntry()).as("case %d", n).isEqualTo(entry);
        }
    }

    @Test
    void lines_in_a_block_equal_lines_made_one_by_one() {
        Scenario scenario = Scenario.of(ConfigLoader.builder().set("anomalies.rate", 0.5, "test").build(), 3);
        LogGenerator oneByOne = LogGenerator.of(scenario);
        LogGenerator blocked = LogGenerator.of(scenario);
        LineBlock block = new LineBlock(2); // grows well past what it expected
        for (int round = 0; round < 3; round++) {
            block.clear();
            for (int i = 0; i < 700; i++) {
                blocked.nextLine(block.add());
            }
            assertThat(block.size()).isEqualTo(700);
            for (int i = 0; i < block.size(); i++) {
                LogEntry expected = oneByOne.next();
                assertThat(block.get(i).toEntry()).isEqualTo(expected);
                assertThat(LogFormat.TEXT.render(expected, true)).isEqualTo(render(LogFormat.TEXT, block.get(i)));
                assertThat(LogFormat.JSON.render(expected, false)).isEqualTo(render(LogFormat.JSON, block.get(i)));
            }
        }
        assertThatThrownBy(() -> block.get(700)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void drawn_ids_read_as_hex_wherever_they_are_read() {
        LineFields fields = new LineFields();
        fields.position(0, 0, 0).origin(Level.INFO, "web-server", "nginx");
        fields.put(LineFields.MESSAGE, "m");
        fields.bits(LineFields.TRACE_ID, 0x0123456789abcdefL, 0xfedcba9876543210L);
        fields.bits(LineFields.SPAN_ID, 0x00000000000000ffL, 0);
        fields.bits(LineFields.REQUEST_ID, 0x2685b2d3420c4e51L, 0xb41ce138fb2e6198L);
        String request = "2685b2d3-420c-4e51-b41c-e138fb2e6198";
        // Whatever digit order LineBuffer.hex writes, every path must show the same digits.
        String trace = new LineBuffer().hex(0x0123456789abcdefL, 16).hex(0xfedcba9876543210L, 16).toString();
        String span = new LineBuffer().hex(0x00000000000000ffL, 16).toString();
        assertThat(trace).hasSize(32).matches("[0-9a-f]+");

        assertThat(fields.has(LineFields.TRACE_ID)).isTrue();
        assertThat(fields.toEntry().traceId()).isEqualTo(trace);
        assertThat(fields.toEntry().spanId()).isEqualTo(span);
        assertThat(fields.toEntry().requestId()).isEqualTo(request);
        assertThat(render(LogFormat.JSON, fields)).contains("\"request_id\":\"" + request + "\"");
        assertThat(render(LogFormat.TEXT, fields)).contains("[2685b2d3] m");
        assertThat(render(LogFormat.JSON, fields)).contains("\"trace_id\":\"" + trace + "\",\"span_id\":\"" + span + "\"");
        LineBuffer out = new LineBuffer();
        fields.line(out, LineFields.SPAN_ID);
        assertThat(out.toString()).isEqualTo(span);
        int start = fields.arena().length();
        fields.repeat(LineFields.TRACE_ID);
        assertThat(new String(fields.arena().array(), start, 32, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(trace);

        fields.clear();
        assertThat(fields.has(LineFields.TRACE_ID)).isFalse();
        assertThat(fields.has(LineFields.SPAN_ID)).isFalse();
        assertThat(fields.has(LineFields.REQUEST_ID)).isFalse();
    }

    private static String render(LogFormat format, LineFields fields) {
        LineBuffer out = new LineBuffer();
        format.append(out, fields, format == LogFormat.TEXT);
        return out.toString();
    }
}
