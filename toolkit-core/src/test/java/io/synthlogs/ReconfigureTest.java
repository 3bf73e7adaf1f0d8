package io.synthlogs;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlogs.config.ConfigLoader;
import io.synthlogs.config.SynthConfig;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What a configuration change does to the stream and to an episode under way. */
class ReconfigureTest {
    private static SynthConfig config(double rate, String... disabled) {
        ConfigLoader.Builder b = ConfigLoader.builder().set("anomalies.rate", rate, "test");
        for (String kind : disabled) {
            b.set("anomalies.types." + kind + ".enabled", false, "test");
        }
        return b.build();
    }

    /** A generator at a high rate, stopped in the middle of a spontaneous episode. */
    private static LogGenerator inAnEpisode() {
        LogGenerator g = LogGenerator.of(Scenario.of(config(0.5), 8));
        while (g.openEpisode().map(e -> e.lineCount() < 2).orElse(true)) {
            g.next();
        }
        return g;
    }

    @Test
    void a_rate_of_zero_ends_the_spontaneous_episode_under_way_so_no_anomalous_line_follows() {
        LogGenerator g = inAnEpisode();
        Episode open = g.openEpisode().orElseThrow();
        long cut = g.linesGenerated();

        g.reconfigure(config(0));
        List<LogEntry> after = g.take(20_000);

        assertThat(after).noneMatch(LogEntry::isAnomaly);
        Episode closed = g.episodesSoFar().stream().filter(e -> e.id().equals(open.id())).findFirst().orElseThrow();
        assertThat(closed.truncated()).isTrue();
        assertThat(closed.lastIndex()).isLessThan(cut);
        assertThat(closed.lineCount()).isEqualTo(open.lineCount());
        assertThat(g.openEpisode()).isEmpty();
    }

    @Test
    void disabling_the_kind_under_way_ends_its_episode_and_the_other_kinds_go_on() {
        LogGenerator g = inAnEpisode();
        Episode open = g.openEpisode().orElseThrow();

        g.reconfigure(config(0.5, open.type().wireName()));
        List<LogEntry> after = g.take(20_000);

        assertThat(after).noneMatch(e -> e.labels().anomalyType() == open.type());
        assertThat(after).anyMatch(LogEntry::isAnomaly);
        assertThat(g.episodesSoFar()).filteredOn(e -> e.id().equals(open.id())).singleElement()
                .satisfies(e -> assertThat(e.truncated()).isTrue());
    }

    @Test
    void a_change_that_still_asks_for_the_kind_leaves_the_episode_whole() {
        LogGenerator g = inAnEpisode();
        Episode open = g.openEpisode().orElseThrow();

        g.reconfigure(config(0.1));
        g.take(20_000);

        Episode closed = g.episodesSoFar().stream().filter(e -> e.id().equals(open.id())).findFirst().orElseThrow();
        assertThat(closed.truncated()).isFalse();
        assertThat(closed.lineCount()).isEqualTo(((Number) closed.parameters().get("duration_logs")).longValue());
    }

    @Test
    void an_injected_episode_was_asked_for_and_carries_on_at_rate_zero() {
        LogGenerator g = LogGenerator.of(Scenario.of(config(0.1), 8));
        Injection injection = g.inject(AnomalyType.ERROR_SPIKE, null, 40, null);
        g.take(10);

        g.reconfigure(config(0));
        List<LogEntry> rest = g.take(1_000);

        assertThat(rest.subList(0, 30)).allMatch(e -> injection.episodeId().equals(e.labels().episodeId()));
        assertThat(rest.subList(30, rest.size())).noneMatch(LogEntry::isAnomaly);
    }
}
