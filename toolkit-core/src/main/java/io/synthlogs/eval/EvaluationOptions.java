package io.synthlogs.eval;

/**
 * How flags are matched to episodes.
 *
 * <pre>{@code
 * Evaluation.of(logs, flagged, EvaluationOptions.defaults().withTolerance(25));
 * }</pre>
 *
 * @param tolerance lines after an episode's last line in which a flag still detects it; {@code >= 0}
 * @param runGap flags at most this many lines apart form one run (event); {@code >= 1}
 */
public record EvaluationOptions(int tolerance, int runGap) {
    /** No tolerance after an episode's end. */
    public static final int DEFAULT_TOLERANCE = 0;
    /** Runs are consecutive flagged lines. */
    public static final int DEFAULT_RUN_GAP = 1;

    public EvaluationOptions {
        if (tolerance < 0) {
            throw new IllegalArgumentException("tolerance must be >= 0 lines, got " + tolerance);
        }
        if (runGap < 1) {
            throw new IllegalArgumentException("runGap must be >= 1 line, got " + runGap);
        }
    }

    /** Tolerance {@value #DEFAULT_TOLERANCE}, run gap {@value #DEFAULT_RUN_GAP}. */
    public static EvaluationOptions defaults() {
        return new EvaluationOptions(DEFAULT_TOLERANCE, DEFAULT_RUN_GAP);
    }

    /** These options with another tolerance. */
    public EvaluationOptions withTolerance(int lines) {
        return new EvaluationOptions(lines, runGap);
    }

    /** These options with another run gap. */
    public EvaluationOptions withRunGap(int lines) {
        return new EvaluationOptions(tolerance, lines);
    }
}
