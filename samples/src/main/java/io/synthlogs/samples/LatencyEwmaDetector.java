package io.synthlogs.samples;

import io.synthlogs.LogEntry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Flags slow responses of a service whose recent latency drifted above its own baseline: a fast
 * EWMA of the service's response times compared with a slow EWMA that stops learning while the
 * service is flagged, so a slow ramp does not teach the baseline to accept it.
 */
public final class LatencyEwmaDetector {
    public static final double FAST_ALPHA = 0.3;
    public static final double SLOW_ALPHA = 0.02;
    /** Fast/slow ratio from which the service counts as degraded. */
    public static final double DEFAULT_RATIO = 1.8;
    /** Lines a service must have logged before it is judged. */
    public static final int WARM_UP = 20;

    private final double ratio;

    public LatencyEwmaDetector() {
        this(DEFAULT_RATIO);
    }

    public LatencyEwmaDetector(double ratio) {
        this.ratio = ratio;
    }

    private static final class State {
        double fast;
        double slow;
        int seen;
    }

    /** The indexes of the flagged lines; lines without a response time are never flagged. */
    public Set<Long> scan(List<LogEntry> lines) {
        Set<Long> flagged = new TreeSet<>();
        Map<String, State> states = new HashMap<>();
        for (LogEntry line : lines) {
            Double latency = line.responseTimeMs();
            if (latency == null || latency <= 0) {
                continue;
            }
            State s = states.computeIfAbsent(line.service(), k -> new State());
            if (s.seen == 0) {
                s.fast = latency;
                s.slow = latency;
            }
            s.seen++;
            s.fast += FAST_ALPHA * (latency - s.fast);
            boolean degraded = s.seen > WARM_UP && s.fast > ratio * s.slow && latency > ratio * s.slow;
            if (degraded) {
                flagged.add(line.index());
            } else {
                s.slow += SLOW_ALPHA * (latency - s.slow);
            }
        }
        return flagged;
    }
}
