package io.synthlogs;

import io.synthlogs.config.SynthConfig;
import io.synthlogs.engine.Engine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Generates labeled log lines, lazily and without end, as a pure function of a {@link Scenario}.
 * Records every episode as it closes. Not thread-safe: use one generator per thread.
 *
 * <pre>{@code
 * var generator = LogGenerator.of(Scenario.of(ConfigLoader.defaults(), 42));
 * List<LogEntry> lines = generator.take(10_000);
 * List<Episode> truth = generator.episodes();
 * }</pre>
 */
public final class LogGenerator implements Iterator<LogEntry> {
    private final Scenario scenario;
    private final Engine engine;
    private final List<Episode> episodes = new ArrayList<>();
    private final List<Consumer<Episode>> listeners = new ArrayList<>();
    private boolean recordEpisodes = true;

    public LogGenerator(SynthConfig config, long seed, Instant start) {
        this(new Scenario(config, seed, start));
    }

    private LogGenerator(Scenario scenario) {
        this.scenario = scenario;
        this.engine = new Engine(scenario.config(), scenario.seed(), scenario.start(), this::closed);
    }

    public static LogGenerator of(Scenario scenario) {
        return new LogGenerator(scenario);
    }

    public Scenario scenario() {
        return scenario;
    }

    public long seed() {
        return scenario.seed();
    }

    /** The configuration in force now (it changes with {@link #reconfigure}). */
    public SynthConfig config() {
        return engine.config();
    }

    /** Always true: the stream has no end. */
    @Override
    public boolean hasNext() {
        return true;
    }

    @Override
    public LogEntry next() {
        return engine.next();
    }

    /**
     * The next line, rendered into reusable fields that {@link io.synthlogs.format.LogFormat} writes
     * without building a {@link LogEntry}: the fast path for writers that only need the bytes. The
     * fields are overwritten by the next call to this method or {@link #next()}.
     */
    public io.synthlogs.format.LineFields nextLine() {
        return engine.nextLine();
    }

    /**
     * The next line, rendered into {@code into}, which the caller owns: a writer on another thread
     * can format lines while this one generates the next.
     */
    public io.synthlogs.format.LineFields nextLine(io.synthlogs.format.LineFields into) {
        return engine.nextLine(into);
    }

    /** The next {@code count} lines. */
    public List<LogEntry> take(int count) {
        List<LogEntry> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(engine.next());
        }
        return lines;
    }

    /** The rest of the stream, lazily; limit it. */
    public Stream<LogEntry> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Lines generated so far; the index of the next line. */
    public long linesGenerated() {
        return engine.produced();
    }

    /** Episodes that have closed so far, in order. */
    public List<Episode> episodes() {
        return Collections.unmodifiableList(episodes);
    }

    /** The episode in progress, with its lines so far. */
    public Optional<Episode> openEpisode() {
        return engine.openEpisode(false);
    }

    /**
     * The episode in progress, with its lines so far, optionally marked {@code truncated}: the truth
     * of a stream cut after the last line generated.
     */
    public Optional<Episode> openEpisode(boolean markTruncated) {
        return engine.openEpisode(markTruncated);
    }

    /** Closed episodes plus the one in progress, marked truncated: the truth of the lines so far. */
    public List<Episode> episodesSoFar() {
        List<Episode> all = new ArrayList<>(episodes);
        engine.openEpisode(true).ifPresent(all::add);
        return all;
    }

    /** Calls {@code listener} with every episode as it closes. */
    public LogGenerator onEpisode(Consumer<Episode> listener) {
        listeners.add(listener);
        return this;
    }

    /** Stops keeping closed episodes in memory (for endless streams); listeners still hear of them. */
    public LogGenerator forgetEpisodes() {
        recordEpisodes = false;
        episodes.clear();
        return this;
    }

    /**
     * Makes {@code duration} lines one episode of {@code type}: the next ones, or those right after the
     * injected episodes still under way or waiting ({@link Injection#startsAtLine} says which).
     *
     * @param subtype a subtype, or {@code null} to draw one
     * @param service the service to affect, or {@code null} to draw one
     * @throws IllegalArgumentException naming what is wrong when the request cannot be met
     */
    public Injection inject(AnomalyType type, String subtype, int duration, String service) {
        return engine.inject(type, subtype, duration, service);
    }

    /**
     * Continues with a new configuration: same clock, same seed streams. An episode in progress goes
     * on, except a spontaneous one whose kind the new configuration no longer asks for (rate 0 or its
     * kind disabled), which ends here, marked truncated.
     */
    public void reconfigure(SynthConfig config) {
        engine.reconfigure(config);
    }

    /** Reports an episode in progress as closed (truncated); call after the last line of a finite run. */
    public void finish() {
        engine.finish();
    }

    private void closed(Episode episode) {
        if (recordEpisodes) {
            episodes.add(episode);
        }
        for (Consumer<Episode> listener : listeners) {
            listener.accept(episode);
        }
    }
}
