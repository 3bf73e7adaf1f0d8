package io.synthlogs.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlogs.Episode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelayStatsTest {
    private static List<EpisodeOutcome> delays(long... lines) {
        Episode episode = HandMadeStream.build().episodes().get(0);
        List<EpisodeOutcome> outcomes = new ArrayList<>();
        for (long d : lines) {
            outcomes.add(new EpisodeOutcome(episode, 2 + d, d, Duration.ofMillis(100 * d)));
        }
        outcomes.add(new EpisodeOutcome(episode, -1, -1, null)); // missed: left out of the statistics
        return outcomes;
    }

    @Test
    void median_and_p90_use_nearest_rank() {
        DelayStats stats = DelayStats.of(delays(10, 1, 9, 2, 8, 3, 7, 4, 6, 5));
        assertThat(stats.detected()).isEqualTo(10);
        assertThat(stats.medianLines()).isEqualTo(5);
        assertThat(stats.p90Lines()).isEqualTo(9);
        assertThat(stats.medianTime()).isEqualTo(Duration.ofMillis(500));
        assertThat(stats.p90Time()).isEqualTo(Duration.ofMillis(900));
    }

    @Test
    void an_even_count_takes_the_lower_median() {
        DelayStats stats = DelayStats.of(delays(4, 1, 3, 2));
        assertThat(stats.medianLines()).isEqualTo(2);
        assertThat(stats.p90Lines()).isEqualTo(4);
    }

    @Test
    void no_detection_gives_zeroes() {
        DelayStats stats = DelayStats.of(delays());
        assertThat(stats.detected()).isZero();
        assertThat(stats.medianTime()).isEqualTo(Duration.ZERO);
        assertThat(stats.toString()).isEqualTo("no episode detected");
    }
}
