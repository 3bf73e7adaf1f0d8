package io.synthlogs.junit.assertj;

import static io.synthlogs.junit.assertj.DetectionAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.byLessThan;
import static org.assertj.core.api.Assertions.within;

import io.synthlogs.AnomalyType;
import io.synthlogs.LogEntry;
import io.synthlogs.LogStream;
import io.synthlogs.Scenario;
import io.synthlogs.config.ConfigLoader;
import io.synthlogs.eval.Evaluation;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DetectionAssertionsTest {
    private static final LogStream LOGS = LogStream.generate(Scenario.of(ConfigLoader.builder()
            .set("anomalies.rate", 0.2, "test").build(), 11), 3000);

    /** A perfect detector: flags exactly the labeled lines. */
    private static Evaluation perfect() {
        return Evaluation.of(LOGS, LOGS.entries().stream().filter(LogEntry::isAnomaly).map(LogEntry::index)
                .collect(Collectors.toSet()));
    }

    @Test
    void a_perfect_detector_passes_everything() {
        assertThat(perfect()).hasPrecisionAtLeast(1).hasRecallAtLeast(1).hasF1AtLeast(1).hasEpisodeRecallAtLeast(1)
                .detectsEveryEpisodeOf(LOGS.episodes().get(0).type()).hasMedianDelayAtMost(Duration.ZERO)
                .beatsBaseline();
    }

    @Test
    void a_failed_metric_prints_expected_actual_matrix_misses_false_positives_and_seed() {
        Evaluation noisy = Evaluation.of(LOGS, Set.of(0, 1, 2));
        assertThatThrownBy(() -> assertThat(noisy).hasEpisodeRecallAtLeast(0.9))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected episode recall >= 0.900 but was 0.0")
                .hasMessageContaining("confusion matrix (lines):")
                .hasMessageContaining("not flagged")
                .hasMessageContaining("first missed episodes (" + LOGS.episodes().size() + " missed):")
                .hasMessageContaining(LOGS.episodes().get(0).id() + " ")
                .hasMessageContaining("first false positives")
                .hasMessageContaining("#0 2024-01-01T00:00:00Z ")
                .hasMessageContaining("baseline: precision")
                .hasMessageContaining("data: seed=11, start=2024-01-01T00:00:00Z")
                .hasMessageContaining(", count=" + LOGS.size())
                .hasMessageNotContaining("@SyntheticLogs"); // built by hand: no advice that does not apply
    }

    @Test
    void each_metric_names_itself_when_it_fails() {
        Evaluation none = Evaluation.of(LOGS, Set.<Long>of());
        assertThatThrownBy(() -> assertThat(none).hasPrecisionAtLeast(0.5)).hasMessageStartingWith(
                "Expected precision >= 0.500 but was 0.000");
        assertThatThrownBy(() -> assertThat(none).hasRecallAtLeast(0.5)).hasMessageContaining("Expected recall >=");
        assertThatThrownBy(() -> assertThat(none).hasF1AtLeast(0.5)).hasMessageContaining("Expected F1 >=");
        assertThatThrownBy(() -> assertThat(none).hasMedianDelayAtMost(Duration.ofSeconds(1)))
                .hasMessageContaining("Expected median detection delay <= PT1S but was undefined (no episode detected)");
        assertThatThrownBy(() -> assertThat(none).beatsBaseline())
                .hasMessageContaining("Expected F1 above the baseline's (flag every ERROR/CRITICAL line)");
        assertThatThrownBy(() -> assertThat(none).detectsEveryEpisodeOf(LOGS.episodes().get(0).type()))
                .hasMessageContaining("episode to be detected, but");
    }

    @Test
    void a_metric_just_short_of_its_bound_is_printed_with_the_digits_that_show_it() {
        List<Long> anomalous = LOGS.entries().stream().filter(LogEntry::isAnomaly).map(LogEntry::index).limit(3).toList();
        long normal = LOGS.entries().stream().filter(e -> !e.isAnomaly()).findFirst().orElseThrow().index();
        Evaluation threeOfFour = Evaluation.of(LOGS, Set.of(anomalous.get(0), anomalous.get(1), anomalous.get(2), normal));
        assertThat(threeOfFour).hasPrecisionAtLeast(0.75);
        assertThatThrownBy(() -> assertThat(threeOfFour).hasPrecisionAtLeast(0.7501))
                .hasMessageStartingWith("Expected precision >= 0.7501 but was 0.7500\n");
    }

    @Test
    void a_strict_offset_excludes_its_bound() {
        LogStream eight = LogStream.generate(Scenario.of(ConfigLoader.builder().set("anomalies.rate", 0.5, "test").build(), 5), 8);
        double rate = eight.anomalyRate(); // a multiple of 1/8: the sums below are exact
        assertThat(eight).hasAnomalyRateCloseTo(rate + 0.125, within(0.125));
        assertThatThrownBy(() -> assertThat(eight).hasAnomalyRateCloseTo(rate + 0.125, byLessThan(0.125)))
                .hasMessageContaining("± less than 0.1250 but was");
    }

    @Test
    void detecting_every_episode_of_a_kind_needs_one_to_exist() {
        LogStream spikesOnly = LogStream.generate(Scenario.of(ConfigLoader.builder()
                .set("anomalies.types.data_anomaly.enabled", false, "test").build(), 3), 500);
        Evaluation eval = Evaluation.of(spikesOnly, Set.<Long>of());
        assertThatThrownBy(() -> assertThat(eval).detectsEveryEpisodeOf(AnomalyType.DATA_ANOMALY))
                .hasMessageContaining("Expected every data_anomaly episode to be detected, but the stream has none");
    }

    @Test
    void stream_assertions_check_rate_and_kinds() {
        assertThat(LOGS).hasSize(3000).hasAnomalyRateCloseTo(0.2, within(0.08))
                .containsEpisodesOf(LOGS.episodes().get(0).type());
        assertThatThrownBy(() -> assertThat(LOGS).hasAnomalyRateCloseTo(0.9, within(0.01)))
                .hasMessageContaining("Expected anomaly rate 0.9000 ± 0.0100 but was")
                .hasMessageContaining("data: seed=11, ");
        assertThatThrownBy(() -> assertThat(LOGS).containsOnlyEpisodesOf(AnomalyType.NONE))
                .hasMessageContaining("Expected only episodes of [NONE] but found " + LOGS.episodes().size() + " of "
                        + LOGS.episodes().size() + " episodes of other kinds {");
    }
}
