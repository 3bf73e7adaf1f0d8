package io.synthlogs.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthlogs.Episode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The manifest form of an {@link Episode}: one JSON object with {@code episode_id}, {@code anomaly_type},
 * {@code anomaly_subtype}, {@code start}, {@code end}, {@code first_line}, {@code last_line} (0-based
 * line indexes), {@code line_count}, {@code services} and {@code parameters}. Shared by the CLI's
 * {@code --manifest} file and the server's {@code /api/episodes}.
 */
public final class EpisodeJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EpisodeJson() {}

    /** The episode as an ordered map, ready for any JSON mapper. */
    public static Map<String, Object> toMap(Episode e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("episode_id", e.id());
        m.put("anomaly_type", e.type().wireName());
        m.put("anomaly_subtype", e.subtype());
        m.put("start", formatInstant(e.start()));
        m.put("end", formatInstant(e.end()));
        m.put("first_line", e.firstIndex());
        m.put("last_line", e.lastIndex());
        m.put("line_count", e.lineCount());
        m.put("services", e.services());
        m.put("parameters", e.parameters());
        return m;
    }

    /** The episode as one line of JSON, without a line break. */
    public static String toJson(Episode e) {
        try {
            return MAPPER.writeValueAsString(toMap(e));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("episode " + e.id() + " cannot be written as JSON", ex);
        }
    }

    private static String formatInstant(java.time.Instant instant) {
        LineBuffer b = new LineBuffer(32);
        b.timestamp(instant);
        return b.toString();
    }
}
