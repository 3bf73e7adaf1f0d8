package io.synthlogs;

/**
 * An anomaly requested on demand: {@code durationLogs} lines of the generator form episode
 * {@code episodeId}, starting at line {@code startsAtLine} (the next line, or the one after the injected
 * episodes requested before it).
 */
public record Injection(String episodeId, AnomalyType type, String subtype, int durationLogs, long startsAtLine) {}
