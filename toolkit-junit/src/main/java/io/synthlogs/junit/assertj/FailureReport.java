package io.synthlogs.junit.assertj;

import io.synthlogs.Episode;
import io.synthlogs.LogEntry;
import io.synthlogs.LogStream;
import io.synthlogs.eval.EpisodeOutcome;
import io.synthlogs.eval.Evaluation;
import io.synthlogs.format.LogFormat;
import java.util.List;
import java.util.Locale;

/** The context printed under a failed metric: matrix, misses, false positives, seed. */
final class FailureReport {
    static final int SHOWN = 5;

    private FailureReport() {}

    static String of(Evaluation eval, List<EpisodeOutcome> missed) {
        StringBuilder out = new StringBuilder();
        out.append("\nconfusion matrix (lines):\n").append(eval.confusionMatrix().table().stripTrailing());
        out.append("\ndetector: ").append(eval.detector().summary());
        out.append("\nbaseline: ").append(eval.baseline().summary());
        if (!missed.isEmpty()) {
            out.append("\nfirst missed episodes (").append(missed.size()).append(" missed):");
            missed.stream().limit(SHOWN).forEach(o -> out.append("\n  ").append(episode(o.episode())));
        }
        List<LogEntry> falsePositives = eval.falsePositives();
        if (!falsePositives.isEmpty()) {
            out.append("\nfirst false positives (").append(falsePositives.size()).append(" in all):");
            falsePositives.stream().limit(SHOWN).forEach(e -> out.append("\n  ").append(line(e)));
        }
        return out.append('\n').append(seedLine(eval.stream())).toString();
    }

    static String episode(Episode e) {
        return e.id() + " " + e.type().wireName() + (e.subtype() == null ? "" : "/" + e.subtype()) + " lines "
                + e.firstIndex() + ".." + e.lastIndex() + " from " + e.start() + " services " + e.services();
    }

    static String line(LogEntry e) {
        return "#" + e.index() + " " + e.timestamp() + " " + LogFormat.TEXT.render(e, false);
    }

    /**
     * {@code a} and {@code b} with three decimals, or with as many more as it takes to tell them apart
     * (a failure must not read "expected >= 0.750 but was 0.750").
     */
    static String[] apart(double a, double b) {
        for (int decimals = 3; decimals <= 17; decimals++) {
            String x = String.format(Locale.ROOT, "%." + decimals + "f", a);
            String y = String.format(Locale.ROOT, "%." + decimals + "f", b);
            if (!x.equals(y) || a == b) {
                return new String[] {x, y};
            }
        }
        return new String[] {Double.toString(a), Double.toString(b)};
    }

    /**
     * What the data was. No advice on pinning it: a stream the extension made gets that in the note
     * it adds to the failure, and one built by hand is its author's to rebuild.
     */
    static String seedLine(LogStream stream) {
        return "data: " + stream.scenario().describe() + ", count=" + stream.size();
    }
}
