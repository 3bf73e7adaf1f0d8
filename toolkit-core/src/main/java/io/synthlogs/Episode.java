package io.synthlogs;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One anomaly episode: a stretch of the stream in which an anomaly produced {@code lineCount} lines,
 * interleaved with normal traffic, between {@code firstIndex} and {@code lastIndex} inclusive.
 *
 * @param id unique within the stream, e.g. {@code ep-00003}
 * @param type the kind, never {@link AnomalyType#NONE}
 * @param subtype the subtype, or {@code null} for kinds without subtypes
 * @param firstIndex 0-based index of the first line of the episode in the stream
 * @param lastIndex 0-based index of its last line (inclusive)
 * @param start timestamp of the first line
 * @param end timestamp of the last line
 * @param lineCount how many lines the anomaly produced (all labeled anomalous)
 * @param services the affected services
 * @param parameters what shaped it: duration, error rate, multiplier, attacker ip, field, …;
 *     {@code truncated: true} when the stream ended before the episode did
 */
public record Episode(
        String id,
        AnomalyType type,
        String subtype,
        long firstIndex,
        long lastIndex,
        Instant start,
        Instant end,
        long lineCount,
        List<String> services,
        Map<String, Object> parameters) {

    public Episode {
        services = List.copyOf(services);
        // Sorted, so manifests and JSON render byte for byte the same on every run.
        parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
    }

    /** Whether the line with this index lies within the episode's span. */
    public boolean contains(long index) {
        return index >= firstIndex && index <= lastIndex;
    }

    /** Simulated time from the first to the last line. */
    public Duration duration() {
        return Duration.between(start, end);
    }

    /** Whether the stream ended before the episode produced all its lines. */
    public boolean truncated() {
        return Boolean.TRUE.equals(parameters.get("truncated"));
    }
}
