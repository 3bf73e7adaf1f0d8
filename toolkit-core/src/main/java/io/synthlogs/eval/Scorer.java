package io.synthlogs.eval;

import io.synthlogs.AnomalyType;
import io.synthlogs.Episode;
import io.synthlogs.LogEntry;
import io.synthlogs.LogStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Computes the metrics of sorted, distinct flags against a stream. */
final class Scorer {
    private Scorer() {}

    static DetectionMetrics score(LogStream stream, long[] flags, EvaluationOptions options) {
        List<LogEntry> entries = stream.entries();
        boolean[] flagged = new boolean[entries.size()];
        for (long f : flags) {
            flagged[(int) f] = true;
        }
        List<EpisodeOutcome> outcomes = new ArrayList<>();
        for (Episode episode : stream.episodes()) {
            outcomes.add(outcome(entries, episode, flags, options.tolerance()));
        }
        return new DetectionMetrics(matrix(entries, flagged), matrix(entries, pointAdjust(entries, flagged)), outcomes,
                runs(stream.episodes(), flags, options), DelayStats.of(outcomes));
    }

    static EpisodeOutcome outcome(List<LogEntry> entries, Episode episode, long[] flags, int tolerance) {
        int at = Arrays.binarySearch(flags, episode.firstIndex());
        int first = at >= 0 ? at : -at - 1;
        if (first < flags.length && flags[first] <= episode.lastIndex() + tolerance) {
            long hit = flags[first];
            return new EpisodeOutcome(episode, hit, hit - episode.firstIndex(),
                    Duration.between(episode.start(), entries.get((int) hit).timestamp()));
        }
        return new EpisodeOutcome(episode, -1, -1, null);
    }

    static List<FlagRun> runs(List<Episode> episodes, long[] flags, EvaluationOptions options) {
        List<FlagRun> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= flags.length; i++) {
            if (i == flags.length || flags[i] - flags[i - 1] > options.runGap()) {
                if (flags.length > 0) {
                    long first = flags[start];
                    long last = flags[i - 1];
                    boolean touches = episodes.stream()
                            .anyMatch(e -> first <= e.lastIndex() + options.tolerance() && last >= e.firstIndex());
                    runs.add(new FlagRun(first, last, i - start, touches));
                }
                start = i;
            }
        }
        return runs;
    }

    static ConfusionMatrix matrix(List<LogEntry> entries, boolean[] flagged) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int i = 0; i < flagged.length; i++) {
            boolean anomaly = entries.get(i).isAnomaly();
            if (flagged[i]) {
                if (anomaly) tp++; else fp++;
            } else {
                if (anomaly) fn++; else tn++;
            }
        }
        return new ConfusionMatrix(tp, fp, fn, tn);
    }

    /** Flags every line of each episode one of whose own lines is flagged. */
    static boolean[] pointAdjust(List<LogEntry> entries, boolean[] flagged) {
        Set<String> hit = new HashSet<>();
        for (int i = 0; i < flagged.length; i++) {
            String id = episodeOf(entries.get(i));
            if (flagged[i] && id != null) {
                hit.add(id);
            }
        }
        boolean[] adjusted = flagged.clone();
        for (int i = 0; i < flagged.length; i++) {
            String id = episodeOf(entries.get(i));
            if (id != null && hit.contains(id)) {
                adjusted[i] = true;
            }
        }
        return adjusted;
    }

    static Map<AnomalyType, TypeBreakdown> byType(LogStream stream, long[] flags, DetectionMetrics metrics) {
        boolean[] flagged = new boolean[stream.size()];
        for (long f : flags) {
            flagged[(int) f] = true;
        }
        Map<AnomalyType, long[]> lines = new HashMap<>();
        for (LogEntry entry : stream.entries()) {
            if (entry.isAnomaly()) {
                long[] counts = lines.computeIfAbsent(entry.labels().anomalyType(), t -> new long[2]);
                counts[0]++;
                counts[1] += flagged[(int) entry.index()] ? 1 : 0;
            }
        }
        Map<AnomalyType, TypeBreakdown> result = new EnumMap<>(AnomalyType.class);
        for (AnomalyType type : AnomalyType.injectable()) {
            List<EpisodeOutcome> ofType = metrics.episodes().stream().filter(o -> o.episode().type() == type).toList();
            long[] counts = lines.getOrDefault(type, new long[2]);
            if (!ofType.isEmpty() || counts[0] > 0) {
                int detected = (int) ofType.stream().filter(EpisodeOutcome::detected).count();
                result.put(type, new TypeBreakdown(type, ofType.size(), detected, counts[0], counts[1],
                        DelayStats.of(ofType)));
            }
        }
        return result;
    }

    private static String episodeOf(LogEntry entry) {
        return entry.labels() == null ? null : entry.labels().episodeId();
    }
}
