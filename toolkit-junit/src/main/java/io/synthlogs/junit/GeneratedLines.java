package io.synthlogs.junit;

import io.synthlogs.Episode;
import io.synthlogs.LogEntry;
import io.synthlogs.LogGenerator;
import io.synthlogs.LogStream;
import io.synthlogs.Scenario;
import io.synthlogs.format.LogFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The first {@code count} lines of a scenario, made only when something needs them. A
 * {@code Stream<LogEntry>} target reads them straight from a generator and never holds them, so a
 * test can consume ten million lines in a small heap; targets that need a {@link LogStream} make it
 * once. Every view has the content of {@code LogStream.generate(scenario, count)}. Not thread-safe:
 * it belongs to one test.
 */
final class GeneratedLines {
    private final Scenario scenario;
    private final int count;
    private LogStream materialized;

    GeneratedLines(Scenario scenario, int count) {
        this.scenario = scenario;
        this.count = count;
    }

    Scenario scenario() {
        return scenario;
    }

    long seed() {
        return scenario.seed();
    }

    int count() {
        return count;
    }

    /** The lines, episodes and scenario, generated on the first call and kept. */
    LogStream stream() {
        if (materialized == null) {
            materialized = LogStream.generate(scenario, count);
        }
        return materialized;
    }

    /** The lines, once: from the kept stream if there is one, else generated as they are consumed. */
    Stream<LogEntry> entries() {
        if (materialized != null) {
            return materialized.entries().stream();
        }
        return LogGenerator.of(scenario).forgetEpisodes().stream().limit(count);
    }

    /** The episodes; without a kept stream, one more pass over the lines that keeps only the episodes. */
    List<Episode> episodes() {
        if (materialized != null) {
            return materialized.episodes();
        }
        LogGenerator generator = LogGenerator.of(scenario);
        for (int i = 0; i < count; i++) {
            generator.next();
        }
        generator.finish();
        return List.copyOf(generator.episodes());
    }

    /** Writes every line, labeled, one per line, to {@code file}, streaming when nothing is kept. */
    void writeTo(Path file, LogFormat format) {
        if (materialized != null) {
            materialized.writeTo(file, format);
            return;
        }
        format.writeLines(file, entries().iterator(), true);
    }
}
