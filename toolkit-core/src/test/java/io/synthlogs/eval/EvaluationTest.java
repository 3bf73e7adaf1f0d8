package io.synthlogs.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.synthlogs.AnomalyType;
import io.synthlogs.LogStream;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluationTest {
    private final LogStream stream = HandMadeStream.build();
    // 4 is ep-1's own line, 5 a normal line inside ep-1, 9 a normal error, 16 two lines after ep-2.
    private final Evaluation eval = Evaluation.of(stream, Set.of(4, 5, 9, 16));

    @Test
    void counts_lines_into_a_confusion_matrix() {
        assertThat(eval.confusionMatrix()).isEqualTo(new ConfusionMatrix(1, 3, 5, 11));
        assertThat(eval.precision()).isEqualTo(0.25);
        assertThat(eval.recall()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(eval.f1()).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void an_episode_is_detected_by_any_flag_inside_its_span() {
        assertThat(eval.episodeRecall()).isEqualTo(0.5);
        EpisodeOutcome first = eval.detector().episodes().get(0);
        assertThat(first.detectingFlag()).hasValue(4);
        assertThat(first.delayLines()).isEqualTo(2);
        assertThat(first.delayTime()).isEqualTo(Duration.ofSeconds(2));
        assertThat(eval.detector().missedEpisodes()).extracting(o -> o.episode().id()).containsExactly("ep-2");
    }

    @Test
    void tolerance_lets_a_late_flag_detect_an_episode() {
        Evaluation tolerant = eval.withTolerance(2);
        assertThat(tolerant.episodeRecall()).isEqualTo(1.0);
        assertThat(tolerant.detector().episodes().get(1).delayLines()).isEqualTo(4);
        assertThat(eval.withTolerance(1).episodeRecall()).isEqualTo(0.5);
    }

    @Test
    void event_precision_counts_runs_that_touch_an_episode() {
        assertThat(eval.detector().runs()).containsExactly(
                new FlagRun(4, 5, 2, true), new FlagRun(9, 9, 1, false), new FlagRun(16, 16, 1, false));
        assertThat(eval.eventPrecision()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(eval.withTolerance(2).eventPrecision()).isCloseTo(2.0 / 3, within(1e-12));
        Evaluation gappy = eval.withOptions(EvaluationOptions.defaults().withRunGap(5));
        assertThat(gappy.detector().runs()).extracting(FlagRun::first).containsExactly(4L, 16L);
        assertThat(gappy.eventPrecision()).isEqualTo(0.5);
    }

    @Test
    void point_adjustment_credits_every_line_of_a_hit_episode() {
        assertThat(eval.detector().pointAdjusted()).isEqualTo(new ConfusionMatrix(3, 3, 3, 11));
        assertThat(eval.pointAdjustedF1()).isEqualTo(0.5);
    }

    @Test
    void the_baseline_flags_every_error_line() {
        assertThat(eval.baseline().lines()).isEqualTo(new ConfusionMatrix(3, 1, 3, 13));
        assertThat(eval.baseline().f1()).isCloseTo(0.6, within(1e-12));
        assertThat(eval.f1Lift()).isCloseTo(-0.4, within(1e-12));
        assertThat(eval.beatsBaseline()).isFalse();
        assertThat(Evaluation.of(stream, Set.of(2, 4, 6, 12, 13, 14)).beatsBaseline()).isTrue();
    }

    @Test
    void breaks_recall_down_by_anomaly_type() {
        TypeBreakdown spikes = eval.byType().get(AnomalyType.ERROR_SPIKE);
        assertThat(spikes.episodes()).isEqualTo(1);
        assertThat(spikes.detectedEpisodes()).isEqualTo(1);
        assertThat(spikes.lineRecall()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(spikes.delay().medianLines()).isEqualTo(2);
        TypeBreakdown latency = eval.byType().get(AnomalyType.LATENCY_DEGRADATION);
        assertThat(latency.episodeRecall()).isZero();
        assertThat(latency.lineRecall()).isZero();
        assertThat(eval.byType()).doesNotContainKey(AnomalyType.SECURITY_THREAT);
    }

    @Test
    void predicates_and_scores_are_other_ways_to_flag() {
        Evaluation byPredicate = Evaluation.of(stream, e -> e.level().isError());
        assertThat(byPredicate.confusionMatrix()).isEqualTo(eval.baseline().lines());
        assertThat(byPredicate.flagged()).containsExactly(2L, 4L, 6L, 9L);

        double[] scores = new double[20];
        scores[4] = 0.9;
        scores[5] = 0.5;
        scores[9] = 0.7;
        Evaluation byScore = Evaluation.of(stream, scores, 0.7);
        assertThat(byScore.flagged()).containsExactly(4L, 9L);
    }

    @Test
    void predicates_never_see_labels() {
        Evaluation cheat = Evaluation.of(stream, e -> e.labels() != null && e.isAnomaly());
        assertThat(cheat.flagged()).isEmpty();
    }

    @Test
    void nothing_flagged_scores_zero_not_nan() {
        Evaluation none = Evaluation.of(stream, List.<Long>of());
        assertThat(none.precision()).isZero();
        assertThat(none.f1()).isZero();
        assertThat(none.eventPrecision()).isZero();
        assertThat(none.delay().detected()).isZero();
        assertThat(none.falsePositives()).isEmpty();
    }

    @Test
    void lists_false_positives_in_order() {
        assertThat(eval.falsePositives()).extracting(e -> e.index()).containsExactly(5L, 9L, 16L);
    }

    @Test
    void rejects_flags_outside_the_stream_and_mismatched_scores() {
        assertThatThrownBy(() -> Evaluation.of(stream, Set.of(20)))
                .hasMessage("flagged index 20 is outside the stream's lines [0, 20)");
        assertThatThrownBy(() -> Evaluation.of(stream, java.util.List.of(2.7)))
                .hasMessage("flagged index 2.7 is not a whole number: give line indexes");
        assertThat(Evaluation.of(stream, java.util.List.of(4.0, 5L)).flagged()).containsExactly(4L, 5L);
        assertThatThrownBy(() -> Evaluation.of(stream, new double[3], 0.5))
                .hasMessage("expected one score per line (20), got 3 scores");
        assertThatThrownBy(() -> EvaluationOptions.defaults().withTolerance(-1))
                .hasMessage("tolerance must be >= 0 lines, got -1");
    }

    @Test
    void summary_shows_detector_baseline_and_lift() {
        assertThat(eval.summary())
                .contains("detector: precision 0.250, recall 0.167, F1 0.200 (point-adjusted 0.500)")
                .contains("baseline (flag every ERROR/CRITICAL line): precision 0.750")
                .contains("F1 lift over baseline: -0.400")
                .contains("error_spike          episodes 1/1");
    }
}
