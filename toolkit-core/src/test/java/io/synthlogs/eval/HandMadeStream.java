package io.synthlogs.eval;

import io.synthlogs.AnomalyType;
import io.synthlogs.Episode;
import io.synthlogs.Labels;
import io.synthlogs.Level;
import io.synthlogs.LogEntry;
import io.synthlogs.LogStream;
import io.synthlogs.Scenario;
import io.synthlogs.config.ConfigLoader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A 20-line stream, one line per simulated second, small enough to score by hand:
 * <pre>
 * ep-1 error_spike          lines 2..6, own lines 2, 4, 6 (ERROR); 3 and 5 are normal
 * ep-2 latency_degradation  lines 12..14, own lines 12, 13, 14 (INFO)
 * line 9 is a normal ERROR line; every other line is a normal INFO line
 * </pre>
 */
final class HandMadeStream {
    static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private HandMadeStream() {}

    static LogStream build() {
        List<LogEntry> entries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Labels labels = Labels.normal("A001", "ok <*>");
            Level level = Level.INFO;
            if (i == 2 || i == 4 || i == 6) {
                labels = new Labels(true, AnomalyType.ERROR_SPIKE, 0.9, null, "ep-1", true, "A002", "err", null);
                level = Level.ERROR;
            } else if (i >= 12 && i <= 14) {
                labels = new Labels(true, AnomalyType.LATENCY_DEGRADATION, 0.5, null, "ep-2", true, "A001", "ok", null);
            } else if (i == 9) {
                level = Level.ERROR;
            }
            entries.add(new LogEntry(i, T0.plusSeconds(i), level, "application", "auth-service", "line " + i, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, labels));
        }
        List<Episode> episodes = List.of(
                new Episode("ep-1", AnomalyType.ERROR_SPIKE, null, 2, 6, T0.plusSeconds(2), T0.plusSeconds(6), 3,
                        List.of("auth-service"), Map.of()),
                new Episode("ep-2", AnomalyType.LATENCY_DEGRADATION, null, 12, 14, T0.plusSeconds(12),
                        T0.plusSeconds(14), 3, List.of("auth-service"), Map.of()));
        return LogStream.of(Scenario.of(ConfigLoader.defaults(), 7), entries, episodes);
    }
}
