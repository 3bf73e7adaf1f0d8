package io.synthlogs.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.util.RawValue;
import io.synthlogs.LogEntry;
import io.synthlogs.format.LogFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The server's one JSON mapper, and log lines as JSON values. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private Json() {}

    /**
     * The lines as JSON values: the engine's own JSON lines embedded raw (objects), or strings for text.
     * Rendering happens outside the session lock.
     */
    static List<Object> logs(List<LogEntry> lines, LogFormat format, boolean includeLabels) {
        List<Object> out = new ArrayList<>(lines.size());
        for (LogEntry entry : lines) {
            out.add(log(entry, format, includeLabels));
        }
        return out;
    }

    static Object log(LogEntry entry, LogFormat format, boolean includeLabels) {
        String rendered = format.render(entry, includeLabels);
        return format == LogFormat.JSON ? new RawValue(rendered) : rendered;
    }

    /** A batch as sent on streams: {@code {batch, count, anomaly_count, logs}}. */
    static Map<String, Object> batch(long number, GeneratorSession.Batch batch, boolean includeLabels) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batch", number);
        m.put("count", batch.lines().size());
        m.put("anomaly_count", batch.anomalyCount());
        m.put("logs", logs(batch.lines(), LogFormat.JSON, includeLabels));
        return m;
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
