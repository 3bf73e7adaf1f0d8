package io.synthlogs.eval;

import java.time.Duration;
import java.util.List;

/**
 * Detection delays over the detected episodes, as nearest-rank quantiles (the p-quantile of n sorted
 * values is the value at rank ⌈p·n⌉). With no detected episode every value is 0 and {@code detected} is 0.
 *
 * @param detected how many episodes the statistics cover
 * @param medianLines median delay in lines
 * @param p90Lines 90th percentile of the delay in lines
 * @param medianTime median delay in simulated time
 * @param p90Time 90th percentile of the delay in simulated time
 */
public record DelayStats(int detected, long medianLines, long p90Lines, Duration medianTime, Duration p90Time) {

    /** The statistics of the detected outcomes in {@code outcomes}. */
    public static DelayStats of(List<EpisodeOutcome> outcomes) {
        List<EpisodeOutcome> hits = outcomes.stream().filter(EpisodeOutcome::detected).toList();
        long[] lines = hits.stream().mapToLong(EpisodeOutcome::delayLines).sorted().toArray();
        Duration[] times = hits.stream().map(EpisodeOutcome::delayTime).sorted().toArray(Duration[]::new);
        if (lines.length == 0) {
            return new DelayStats(0, 0, 0, Duration.ZERO, Duration.ZERO);
        }
        return new DelayStats(lines.length, lines[rank(0.5, lines.length)], lines[rank(0.9, lines.length)],
                times[rank(0.5, times.length)], times[rank(0.9, times.length)]);
    }

    /** The 0-based position of the nearest-rank p-quantile among n sorted values. */
    static int rank(double p, int n) {
        return Math.max(0, (int) Math.ceil(p * n) - 1);
    }

    @Override
    public String toString() {
        return detected == 0 ? "no episode detected"
                : "median " + medianLines + " lines / " + medianTime + ", p90 " + p90Lines + " lines / " + p90Time
                        + " (" + detected + " episodes)";
    }
}
