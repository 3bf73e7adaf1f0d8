package io.synthlogs.samples;

import static io.synthlogs.AnomalyType.ERROR_SPIKE;
import static io.synthlogs.junit.assertj.DetectionAssertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.synthlogs.LogStream;
import io.synthlogs.eval.Evaluation;
import io.synthlogs.junit.SyntheticLogs;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ErrorRateDetectorTest {

    // snippet:example
    @Test
    void flags_error_spikes(@SyntheticLogs(count = 5_000, anomalyRate = 0.2, anomalies = ERROR_SPIKE) LogStream logs) {
        var flagged = new ErrorRateDetector().scan(logs.unlabeled());
        assertThat(Evaluation.of(logs, flagged)).hasEpisodeRecallAtLeast(0.9).hasPrecisionAtLeast(0.8);
    }
    // end:example

    @Test
    void is_precise_and_fast_but_only_catches_the_body_of_a_spike(
            @SyntheticLogs(count = 20_000, anomalyRate = 0.2, anomalies = ERROR_SPIKE) LogStream logs) {
        assertThat(logs).hasAnomalyRateCloseTo(0.2, within(0.03)).containsOnlyEpisodesOf(ERROR_SPIKE);
        Evaluation eval = Evaluation.of(logs, new ErrorRateDetector().scan(logs.unlabeled()));
        // The window needs five errors before it fires, so the first lines of each spike go unflagged:
        // line recall stays near 0.6 while episodes are caught within a fraction of a second.
        assertThat(eval).hasPrecisionAtLeast(0.95).hasRecallAtLeast(0.55).hasEpisodeRecallAtLeast(0.95)
                .hasMedianDelayAtMost(Duration.ofMillis(500));
        // With only error spikes, "flag every error" has recall 1 and wins on F1; it raises far more
        // separate alarms, though, which event precision shows.
        org.assertj.core.api.Assertions.assertThat(eval.eventPrecision()).isGreaterThan(eval.baseline().eventPrecision() + 0.3);
    }

    @Test
    void stays_quiet_on_normal_traffic(@SyntheticLogs(count = 20_000, anomalyRate = 0) LogStream logs) {
        var flagged = new ErrorRateDetector().scan(logs.unlabeled());
        // About 9 % of normal lines are errors; fewer than 0.2 % of lines may be flagged.
        org.assertj.core.api.Assertions.assertThat(flagged.size()).isLessThan(40);
    }
}
