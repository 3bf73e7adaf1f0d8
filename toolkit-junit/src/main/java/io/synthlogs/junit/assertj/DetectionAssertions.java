package io.synthlogs.junit.assertj;

import io.synthlogs.LogStream;
import io.synthlogs.eval.Evaluation;

/**
 * AssertJ entry point for detector evaluations and for the generated data itself. Needs AssertJ on
 * the test class path (synthlogs-junit declares it optional).
 *
 * <pre>{@code
 * import static io.synthlogs.junit.assertj.DetectionAssertions.assertThat;
 *
 * assertThat(Evaluation.of(logs, flagged)).hasEpisodeRecallAtLeast(0.9).hasPrecisionAtLeast(0.8).beatsBaseline();
 * assertThat(logs).hasAnomalyRateCloseTo(0.2, within(0.03)).containsEpisodesOf(AnomalyType.ERROR_SPIKE);
 * }</pre>
 */
public final class DetectionAssertions {
    private DetectionAssertions() {}

    /** Assertions on a detector's evaluation. */
    public static EvaluationAssert assertThat(Evaluation actual) {
        return new EvaluationAssert(actual);
    }

    /** Assertions on a generated stream. */
    public static LogStreamAssert assertThat(LogStream actual) {
        return new LogStreamAssert(actual);
    }
}
