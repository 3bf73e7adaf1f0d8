package io.synthlogs;

import io.synthlogs.format.LineBuffer;
import io.synthlogs.format.LogFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A finite, labeled stream of log lines with its ground truth: the lines, the episodes, and the
 * scenario that reproduces both.
 *
 * <pre>{@code
 * LogStream logs = LogStream.generate(Scenario.of(ConfigLoader.defaults(), 7), 5_000);
 * var flagged = detector.scan(logs.unlabeled());   // the detector never sees the labels
 * var truth = logs.episodes();
 * }</pre>
 */
public final class LogStream {
    private final Scenario scenario;
    private final List<LogEntry> entries;
    private final List<Episode> episodes;

    private LogStream(Scenario scenario, List<LogEntry> entries, List<Episode> episodes) {
        this.scenario = Objects.requireNonNull(scenario);
        this.entries = List.copyOf(entries);
        this.episodes = List.copyOf(episodes);
    }

    /** The first {@code count} lines of {@code scenario}, with the episodes among them. */
    public static LogStream generate(Scenario scenario, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        LogGenerator generator = LogGenerator.of(scenario);
        List<LogEntry> entries = generator.take(count);
        generator.finish();
        return new LogStream(scenario, entries, generator.episodes());
    }

    /** A stream of given lines and episodes, for example read back from files. */
    public static LogStream of(Scenario scenario, List<LogEntry> entries, List<Episode> episodes) {
        return new LogStream(scenario, entries, episodes);
    }

    public Scenario scenario() {
        return scenario;
    }

    public long seed() {
        return scenario.seed();
    }

    /** The labeled lines, in order; {@code entries().get(i).index() == i}. */
    public List<LogEntry> entries() {
        return entries;
    }

    /** The episodes, in order of their first line. Truncated ones are marked in their parameters. */
    public List<Episode> episodes() {
        return episodes;
    }

    public int size() {
        return entries.size();
    }

    /** The lines without labels, indexes kept: what a detector under test may see. */
    public List<LogEntry> unlabeled() {
        return entries.stream().map(LogEntry::withoutLabels).toList();
    }

    /** How many lines are labeled anomalous. */
    public long anomalyCount() {
        return entries.stream().filter(LogEntry::isAnomaly).count();
    }

    /** The fraction of lines labeled anomalous; 0 for an empty stream. */
    public double anomalyRate() {
        return entries.isEmpty() ? 0 : (double) anomalyCount() / entries.size();
    }

    /** Every line rendered in {@code format}, with labels. */
    public List<String> render(LogFormat format) {
        return render(format, true);
    }

    /** Every line rendered in {@code format}. */
    public List<String> render(LogFormat format, boolean includeLabels) {
        List<String> lines = new ArrayList<>(entries.size());
        LineBuffer buffer = new LineBuffer();
        for (LogEntry entry : entries) {
            buffer.reset();
            format.append(buffer, entry, includeLabels);
            lines.add(buffer.toString());
        }
        return lines;
    }

    /** Writes every line, labeled, one per line, to {@code file} (replacing it). */
    public Path writeTo(Path file, LogFormat format) {
        return writeTo(file, format, true);
    }

    /** Writes every line, one per line, to {@code file} (replacing it). */
    public Path writeTo(Path file, LogFormat format, boolean includeLabels) {
        return format.writeLines(file, entries.iterator(), includeLabels);
    }

    @Override
    public String toString() {
        return "LogStream[" + entries.size() + " lines, " + episodes.size() + " episodes, " + scenario.describe() + "]";
    }
}
