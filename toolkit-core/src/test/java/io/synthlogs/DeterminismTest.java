package io.synthlogs;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlogs.config.ConfigLoader;
import io.synthlogs.config.SynthConfig;
import io.synthlogs.format.LogFormat;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismTest {
    private final SynthConfig config = ConfigLoader.builder().set("anomalies.rate", 0.2, "test").build();

    @Test
    void the_same_seed_gives_the_same_bytes() {
        List<String> first = LogStream.generate(Scenario.of(config, 42), 3000).render(LogFormat.JSON);
        List<String> second = LogStream.generate(Scenario.of(config, 42), 3000).render(LogFormat.JSON);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void different_seeds_give_different_lines() {
        List<String> a = LogStream.generate(Scenario.of(config, 1), 200).render(LogFormat.JSON);
        List<String> b = LogStream.generate(Scenario.of(config, 2), 200).render(LogFormat.JSON);
        assertThat(a).doesNotContainAnyElementsOf(b);
    }

    @Test
    void reading_in_batches_changes_nothing() {
        List<LogEntry> whole = LogGenerator.of(Scenario.of(config, 9)).take(2000);
        LogGenerator batched = LogGenerator.of(Scenario.of(config, 9));
        List<LogEntry> pieces = new java.util.ArrayList<>();
        for (int size : new int[] {1, 7, 100, 892, 1000}) {
            pieces.addAll(batched.take(size));
        }
        assertThat(pieces).isEqualTo(whole);
    }

    @Test
    void a_seed_alone_fixes_the_start() {
        assertThat(Scenario.of(config, 5).start()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
        LogEntry first = LogGenerator.of(Scenario.of(config, 5)).next();
        assertThat(first.timestamp()).isEqualTo(Scenario.DEFAULT_START);
    }

    @Test
    void timestamps_never_go_back_and_follow_the_configured_rate() {
        SynthConfig fast = ConfigLoader.builder().set("timestamps.rate", 1000.0, "test").build();
        List<LogEntry> lines = LogGenerator.of(Scenario.of(fast, 3)).take(20_000);
        for (int i = 1; i < lines.size(); i++) {
            assertThat(lines.get(i).timestamp()).isAfterOrEqualTo(lines.get(i - 1).timestamp());
        }
        double seconds = (lines.get(lines.size() - 1).timestamp().toEpochMilli() - lines.get(0).timestamp().toEpochMilli()) / 1000.0;
        assertThat(lines.size() / seconds).isBetween(900.0, 1100.0);
    }

    @Test
    void changing_the_anomaly_rate_leaves_the_clock_alone() {
        SynthConfig none = ConfigLoader.builder().set("anomalies.rate", 0.0, "test").build();
        List<LogEntry> a = LogGenerator.of(Scenario.of(none, 4)).take(500);
        List<LogEntry> b = LogGenerator.of(Scenario.of(config, 4)).take(500);
        assertThat(b).extracting(LogEntry::timestamp).isEqualTo(a.stream().map(LogEntry::timestamp).toList());
    }
}
