package io.synthlogs.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.synthlogs.LogEntry;
import io.synthlogs.format.LineBlock;
import io.synthlogs.format.LineBuffer;
import io.synthlogs.format.LogFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** The server's one JSON mapper, and log lines as JSON values. */
final class Json {
    /** A typical rendered JSON line with labels is 450–650 bytes; buffers start at this per line. */
    private static final int BYTES_PER_LINE = 640;

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private Json() {}

    /** One log line as a JSON value: the engine's own JSON line embedded raw, or a string for text. */
    static Object log(LogEntry entry, LogFormat format, boolean includeLabels) {
        String rendered = format.render(entry, includeLabels);
        return format == LogFormat.JSON ? new RawValue(rendered) : rendered;
    }

    /**
     * {@code {"count": n, "anomaly_count": m, "logs": [...]}} as UTF-8, rendered in one pass into one
     * buffer: no per-line strings, no second serialization by Jackson. Outside the session lock.
     */
    static LineBuffer generated(GeneratorSession.Batch batch, LogFormat format, boolean includeLabels) {
        LineBuffer out = new LineBuffer(batch.lines().size() * BYTES_PER_LINE + 64);
        out.ascii("{\"count\":").number(batch.lines().size())
                .ascii(",\"anomaly_count\":").number(batch.anomalyCount()).ascii(",\"logs\":");
        logs(out, batch.lines(), format, includeLabels);
        return out.append((byte) '}');
    }

    /**
     * A batch as sent on streams, {@code {"batch": n, "count": …, "anomaly_count": …, "logs": [...]}},
     * appended to {@code out} (which may hold a prefix such as an SSE {@code data: }); {@code type}, when not
     * {@code null}, comes first as {@code "type": type} (the WebSocket's {@code logs} messages).
     */
    static LineBuffer batch(LineBuffer out, String type, long number, GeneratorSession.Batch batch,
            boolean includeLabels) {
        out.append((byte) '{');
        if (type != null) {
            out.ascii("\"type\":").jsonString(type).append((byte) ',');
        }
        out.ascii("\"batch\":").number(number).ascii(",\"count\":").number(batch.lines().size())
                .ascii(",\"anomaly_count\":").number(batch.anomalyCount()).ascii(",\"logs\":");
        logs(out, batch.lines(), LogFormat.JSON, includeLabels);
        return out.append((byte) '}');
    }

    /** A buffer sized for {@code lines} rendered lines plus some framing. */
    static LineBuffer buffer(int lines) {
        return new LineBuffer(lines * BYTES_PER_LINE + 128);
    }

    // One buffer for all lines also keeps LineBuffer's per-second timestamp cache warm across lines.
    private static void logs(LineBuffer out, LineBlock lines, LogFormat format, boolean includeLabels) {
        out.append((byte) '[');
        LineBuffer text = format == LogFormat.JSON ? null : new LineBuffer();
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                out.append((byte) ',');
            }
            if (text == null) {
                format.append(out, lines.get(i), includeLabels);
            } else {
                text.reset();
                format.append(text, lines.get(i), includeLabels);
                out.jsonString(text.toString());
            }
        }
        out.append((byte) ']');
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Ordered map from alternating keys and values. */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
