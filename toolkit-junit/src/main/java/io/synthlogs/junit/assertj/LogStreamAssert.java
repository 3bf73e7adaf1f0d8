package io.synthlogs.junit.assertj;

import io.synthlogs.AnomalyType;
import io.synthlogs.Episode;
import io.synthlogs.LogStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.data.Offset;

/** Assertions on generated data; failures end with the line that pins the seed. */
public final class LogStreamAssert extends AbstractAssert<LogStreamAssert, LogStream> {

    LogStreamAssert(LogStream actual) {
        super(actual, LogStreamAssert.class);
    }

    /** The stream has {@code lines} lines. */
    public LogStreamAssert hasSize(int lines) {
        isNotNull();
        if (actual.size() != lines) {
            fail("Expected " + lines + " lines but got " + actual.size());
        }
        return this;
    }

    /**
     * The fraction of anomalous lines is within {@code offset} of {@code expected}: at most that far
     * off, or less than that with {@link Offset#strictOffset}.
     */
    public LogStreamAssert hasAnomalyRateCloseTo(double expected, Offset<Double> offset) {
        isNotNull();
        double rate = actual.anomalyRate();
        double distance = Math.abs(rate - expected);
        if (offset.strict ? !(distance < offset.value) : !(distance <= offset.value)) {
            fail(String.format(Locale.ROOT, "Expected anomaly rate %.4f %s %.4f but was %.4f (%d of %d lines)",
                    expected, offset.strict ? "± less than" : "±", offset.value, rate, actual.anomalyCount(), actual.size()));
        }
        return this;
    }

    /** The stream has at least one episode of each given kind. */
    public LogStreamAssert containsEpisodesOf(AnomalyType... types) {
        isNotNull();
        List<AnomalyType> present = present();
        List<AnomalyType> missing = Arrays.stream(types).filter(t -> !present.contains(t)).toList();
        if (!missing.isEmpty()) {
            fail("Expected episodes of " + Arrays.toString(types) + " but found none of " + missing
                    + "; episodes present: " + present);
        }
        return this;
    }

    /** Every episode is of one of the given kinds. */
    public LogStreamAssert containsOnlyEpisodesOf(AnomalyType... types) {
        isNotNull();
        List<AnomalyType> allowed = Arrays.asList(types);
        List<Episode> other = actual.episodes().stream().filter(e -> !allowed.contains(e.type())).toList();
        if (!other.isEmpty()) {
            java.util.Map<AnomalyType, Long> byKind = other.stream().collect(java.util.stream.Collectors.groupingBy(
                    Episode::type, () -> new java.util.EnumMap<>(AnomalyType.class), java.util.stream.Collectors.counting()));
            fail("Expected only episodes of " + allowed + " but found " + other.size() + " of " + actual.episodes().size()
                    + " episodes of other kinds " + byKind + "; first: " + FailureReport.episode(other.get(0)));
        }
        return this;
    }

    private List<AnomalyType> present() {
        return actual.episodes().stream().map(Episode::type).distinct().sorted().toList();
    }

    private void fail(String headline) {
        failWithMessage("%s", headline + "\n" + FailureReport.seedLine(actual));
    }
}
