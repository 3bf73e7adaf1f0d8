package io.synthlogs;

/**
 * An anomaly requested on demand: the next {@code durationLogs} lines of the generator form episode
 * {@code episodeId}, starting at line {@code startsAtLine}.
 */
public record Injection(String episodeId, AnomalyType type, String subtype, int durationLogs, long startsAtLine) {}
