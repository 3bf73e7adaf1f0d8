package io.synthlogs.junit.assertj;

import io.synthlogs.AnomalyType;
import io.synthlogs.eval.EpisodeOutcome;
import io.synthlogs.eval.Evaluation;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on an {@link Evaluation}. A failure names the metric, the expected and actual values,
 * then prints the confusion matrix, the first missed episodes and false positives, and the seed.
 */
public final class EvaluationAssert extends AbstractAssert<EvaluationAssert, Evaluation> {

    EvaluationAssert(Evaluation actual) {
        super(actual, EvaluationAssert.class);
    }

    /** Line-level precision is at least {@code min}. */
    public EvaluationAssert hasPrecisionAtLeast(double min) {
        return atLeast("precision", actual == null ? 0 : actual.precision(), min);
    }

    /** Line-level recall is at least {@code min}. */
    public EvaluationAssert hasRecallAtLeast(double min) {
        return atLeast("recall", actual == null ? 0 : actual.recall(), min);
    }

    /** Line-level F1 is at least {@code min}. */
    public EvaluationAssert hasF1AtLeast(double min) {
        return atLeast("F1", actual == null ? 0 : actual.f1(), min);
    }

    /** The share of detected episodes is at least {@code min}. */
    public EvaluationAssert hasEpisodeRecallAtLeast(double min) {
        return atLeast("episode recall", actual == null ? 0 : actual.episodeRecall(), min);
    }

    /** Every episode of {@code type} is detected, and there is at least one. */
    public EvaluationAssert detectsEveryEpisodeOf(AnomalyType type) {
        isNotNull();
        List<EpisodeOutcome> ofType = actual.detector().episodes().stream().filter(o -> o.episode().type() == type)
                .toList();
        List<EpisodeOutcome> missed = ofType.stream().filter(o -> !o.detected()).toList();
        if (ofType.isEmpty()) {
            fail("Expected every " + type.wireName() + " episode to be detected, but the stream has none", missed);
        }
        if (!missed.isEmpty()) {
            fail("Expected every " + type.wireName() + " episode to be detected, but " + missed.size() + " of "
                    + ofType.size() + " were missed", missed);
        }
        return this;
    }

    /** The median detection delay, in simulated time, is at most {@code max}; needs a detected episode. */
    public EvaluationAssert hasMedianDelayAtMost(Duration max) {
        isNotNull();
        var delay = actual.delay();
        if (delay.detected() == 0 || delay.medianTime().compareTo(max) > 0) {
            fail("Expected median detection delay <= " + max + " but was "
                    + (delay.detected() == 0 ? "undefined (no episode detected)" : delay.toString()), missed());
        }
        return this;
    }

    /** The detector's F1 is strictly above that of flagging every ERROR/CRITICAL line. */
    public EvaluationAssert beatsBaseline() {
        isNotNull();
        if (!actual.beatsBaseline()) {
            fail(String.format(Locale.ROOT, "Expected F1 above the baseline's (flag every ERROR/CRITICAL line) %.3f"
                    + " but was %.3f (lift %+.3f)", actual.baseline().f1(), actual.f1(), actual.f1Lift()), missed());
        }
        return this;
    }

    private EvaluationAssert atLeast(String metric, double value, double min) {
        isNotNull();
        if (!(value >= min)) {
            String[] shown = FailureReport.apart(min, value);
            fail("Expected " + metric + " >= " + shown[0] + " but was " + shown[1], missed());
        }
        return this;
    }

    private List<EpisodeOutcome> missed() {
        return actual.detector().missedEpisodes();
    }

    private void fail(String headline, List<EpisodeOutcome> missed) {
        failWithMessage("%s", headline + FailureReport.of(actual, missed));
    }
}
