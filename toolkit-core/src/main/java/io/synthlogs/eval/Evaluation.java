package io.synthlogs.eval;

import io.synthlogs.AnomalyType;
import io.synthlogs.LogEntry;
import io.synthlogs.LogStream;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.LongStream;

/**
 * A detector's flags scored against a stream's ground truth, next to the trivial baseline that flags
 * every ERROR/CRITICAL line. Immutable. See the {@link io.synthlogs.eval package documentation} for
 * the definition of every metric.
 *
 * <pre>{@code
 * Set<Long> flagged = detector.scan(logs.unlabeled());
 * Evaluation eval = Evaluation.of(logs, flagged);
 * eval.f1();                          // line-level F1
 * eval.episodeRecall();               // share of episodes with a flag inside
 * eval.baseline().f1();               // what "flag every error" gets
 * }</pre>
 */
public final class Evaluation {
    private final LogStream stream;
    private final long[] flags;
    private final EvaluationOptions options;
    private final DetectionMetrics detector;
    private final DetectionMetrics baseline;
    private final Map<AnomalyType, TypeBreakdown> byType;

    private Evaluation(LogStream stream, long[] flags, EvaluationOptions options) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.flags = flags;
        this.options = Objects.requireNonNull(options, "options");
        this.detector = Scorer.score(stream, flags, options);
        this.baseline = Scorer.score(stream, baselineFlags(stream), options);
        this.byType = Map.copyOf(Scorer.byType(stream, flags, detector));
    }

    /**
     * Scores flagged line indexes (any integral {@link Number}; duplicates are ignored).
     *
     * @throws IllegalArgumentException naming an index outside {@code [0, stream.size())}
     */
    public static Evaluation of(LogStream stream, Collection<? extends Number> flagged) {
        return of(stream, flagged, EvaluationOptions.defaults());
    }

    /** Scores flagged line indexes with the given options. */
    public static Evaluation of(LogStream stream, Collection<? extends Number> flagged, EvaluationOptions options) {
        return new Evaluation(stream, normalize(stream, flagged.stream().mapToLong(Evaluation::lineIndex)), options);
    }

    /** A line index: a whole number, whatever its type ({@code 2.7} is refused, not cut to 2). */
    private static long lineIndex(Number n) {
        if (n instanceof Double || n instanceof Float || n instanceof java.math.BigDecimal) {
            double d = n.doubleValue();
            if (d != Math.rint(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("flagged index " + n + " is not a whole number: give line indexes");
            }
        }
        return n.longValue();
    }

    /** Scores the lines that {@code detector} flags; it sees the lines without their labels. */
    public static Evaluation of(LogStream stream, Predicate<? super LogEntry> detector) {
        long[] flags = stream.entries().stream().map(LogEntry::withoutLabels).filter(detector)
                .mapToLong(LogEntry::index).toArray();
        return new Evaluation(stream, flags, EvaluationOptions.defaults());
    }

    /**
     * Scores per-line scores: a line is flagged when its score is {@code >= threshold}.
     *
     * @throws IllegalArgumentException when there is not exactly one score per line
     */
    public static Evaluation of(LogStream stream, double[] scores, double threshold) {
        if (scores.length != stream.size()) {
            throw new IllegalArgumentException(
                    "expected one score per line (" + stream.size() + "), got " + scores.length + " scores");
        }
        long[] flags = LongStream.range(0, scores.length).filter(i -> scores[(int) i] >= threshold).toArray();
        return new Evaluation(stream, flags, EvaluationOptions.defaults());
    }

    /** The same flags scored with other options. */
    public Evaluation withOptions(EvaluationOptions other) {
        return new Evaluation(stream, flags, other);
    }

    /** The same flags with another episode tolerance, in lines after an episode's end. */
    public Evaluation withTolerance(int lines) {
        return withOptions(options.withTolerance(lines));
    }

    private static long[] normalize(LogStream stream, LongStream indexes) {
        long[] sorted = indexes.sorted().distinct().toArray();
        for (long index : sorted) {
            if (index < 0 || index >= stream.size()) {
                throw new IllegalArgumentException(
                        "flagged index " + index + " is outside the stream's lines [0, " + stream.size() + ")");
            }
        }
        return sorted;
    }

    private static long[] baselineFlags(LogStream stream) {
        return stream.entries().stream().filter(e -> e.level().isError()).mapToLong(LogEntry::index).toArray();
    }

    public LogStream stream() {
        return stream;
    }

    public EvaluationOptions options() {
        return options;
    }

    /** The flagged indexes, sorted and distinct. */
    public List<Long> flagged() {
        return LongStream.of(flags).boxed().toList();
    }

    /** The flagged lines labeled normal, in order. */
    public List<LogEntry> falsePositives() {
        return LongStream.of(flags).mapToObj(i -> stream.entries().get((int) i)).filter(e -> !e.isAnomaly()).toList();
    }

    /** The detector's metrics. */
    public DetectionMetrics detector() {
        return detector;
    }

    /** The metrics of "flag every ERROR/CRITICAL line" on the same stream. */
    public DetectionMetrics baseline() {
        return baseline;
    }

    /** The recall-side metrics per anomaly kind, for the kinds present in the stream. */
    public Map<AnomalyType, TypeBreakdown> byType() {
        return byType;
    }

    public ConfusionMatrix confusionMatrix() {
        return detector.lines();
    }

    public double precision() {
        return detector.precision();
    }

    public double recall() {
        return detector.recall();
    }

    public double f1() {
        return detector.f1();
    }

    public double pointAdjustedF1() {
        return detector.pointAdjustedF1();
    }

    public double episodeRecall() {
        return detector.episodeRecall();
    }

    public double eventPrecision() {
        return detector.eventPrecision();
    }

    public DelayStats delay() {
        return detector.delay();
    }

    /** The detector's F1 minus the baseline's. */
    public double f1Lift() {
        return detector.f1() - baseline.f1();
    }

    /** Whether the detector's F1 is strictly above the baseline's. */
    public boolean beatsBaseline() {
        return f1Lift() > 0;
    }

    /** A multi-line report: detector, baseline, lift, delays and the per-kind breakdown. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append("detector: ").append(detector.summary()).append('\n');
        out.append("baseline (flag every ERROR/CRITICAL line): ").append(baseline.summary()).append('\n');
        out.append(String.format(Locale.ROOT, "F1 lift over baseline: %+.3f%n", f1Lift()));
        out.append("detection delay: ").append(detector.delay()).append('\n');
        byType.values().stream().sorted(java.util.Comparator.comparing(TypeBreakdown::type)).forEach(t -> out.append(
                String.format(Locale.ROOT, "  %-20s episodes %d/%d, line recall %.3f%n", t.type().wireName(),
                        t.detectedEpisodes(), t.episodes(), t.lineRecall())));
        return out.toString();
    }

    @Override
    public String toString() {
        return "Evaluation[" + detector.summary() + "; " + stream.scenario().describe() + "]";
    }
}
