package io.synthlogs.samples;

import io.synthlogs.LogEntry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flags error lines of a service whose recent error share is far above the stream's usual share: a
 * sliding window of the service's last {@code window} lines, scored as a z-score against the running
 * error rate of all lines seen so far.
 *
 * <pre>{@code
 * Set<Long> flagged = new ErrorRateDetector().scan(logs.unlabeled());
 * }</pre>
 */
public final class ErrorRateDetector {
    /** Lines per service in the window. */
    public static final int DEFAULT_WINDOW = 10;
    /** z-score from which a window counts as a spike; 10 lines at a 9 % base rate: 5 errors. */
    public static final double DEFAULT_THRESHOLD = 4.0;

    private final int window;
    private final double threshold;

    public ErrorRateDetector() {
        this(DEFAULT_WINDOW, DEFAULT_THRESHOLD);
    }

    public ErrorRateDetector(int window, double threshold) {
        this.window = window;
        this.threshold = threshold;
    }

    /** The indexes of the flagged lines. Reads only what production logs have: no labels. */
    public Set<Long> scan(List<LogEntry> lines) {
        Set<Long> flagged = new TreeSet<>();
        Map<String, Deque<Boolean>> windows = new HashMap<>();
        long errors = 0;
        long seen = 0;
        for (LogEntry line : lines) {
            boolean error = line.level().isError();
            seen++;
            errors += error ? 1 : 0;
            Deque<Boolean> recent = windows.computeIfAbsent(line.service(), s -> new ArrayDeque<>());
            recent.addLast(error);
            if (recent.size() > window) {
                recent.removeFirst();
            }
            // A prior of 10 % until enough lines have been seen to estimate the base rate.
            double base = seen < 200 ? 0.10 : Math.max(0.01, (double) errors / seen);
            double share = recent.stream().filter(e -> e).count() / (double) window;
            double z = (share - base) / Math.sqrt(base * (1 - base) / window);
            if (error && recent.size() == window && z >= threshold) {
                flagged.add(line.index());
            }
        }
        return flagged;
    }
}
