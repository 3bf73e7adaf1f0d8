package io.synthlogs.config;

import io.synthlogs.AnomalyType;
import io.synthlogs.Level;
import io.synthlogs.format.LogFormat;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A complete, validated configuration. Immutable; build one with {@link ConfigLoader}. The bundled
 * {@code config.yaml} documents every key and holds every default.
 */
public record SynthConfig(
        Generator generator,
        Timestamps timestamps,
        List<Source> sources,
        Map<Level, Double> levels,
        Anomalies anomalies,
        Output output) {

    public SynthConfig {
        sources = List.copyOf(sources);
        levels = java.util.Collections.unmodifiableMap(new EnumMap<>(levels));
    }

    /**
     * This configuration with only the named sources, in the given order; weights are kept and
     * act relative to each other.
     *
     * @throws IllegalArgumentException naming an unknown source and the configured ones, or when
     *     {@code names} is empty
     */
    public SynthConfig withSources(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("at least one source is needed; configured: " + sourceNames());
        }
        List<Source> kept = new java.util.ArrayList<>();
        for (String name : names) {
            Source found = sources.stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "unknown source '" + name + "'; configured: " + sourceNames()));
            if (!kept.contains(found)) {
                kept.add(found);
            }
        }
        return new SynthConfig(generator, timestamps, kept, levels, anomalies, output);
    }

    /** Every configured service, source by source. */
    public List<String> serviceNames() {
        return sources.stream().flatMap(s -> s.services().stream()).toList();
    }

    private String sourceNames() {
        return String.join(", ", sources.stream().map(Source::name).toList());
    }

    /** {@code generator:} batching and pacing. */
    public record Generator(int batchSize, double interval, long totalLogs) {}

    /**
     * {@code timestamps:} the simulated clock.
     *
     * @param start the fixed start instant, or empty for "now"
     * @param rate mean lines per simulated second
     */
    public record Timestamps(Optional<Instant> start, double rate) {}

    /** One entry of {@code sources:}. */
    public record Source(String name, SourceKind kind, double weight, List<String> services) {
        public Source {
            services = List.copyOf(services);
        }
    }

    /** {@code anomalies:} the expected anomalous fraction and the kinds. */
    public record Anomalies(double rate, Map<AnomalyType, AnomalyKind> types) {
        public Anomalies {
            types = java.util.Collections.unmodifiableMap(new EnumMap<>(types));
        }

        /** The kinds that may be drawn: enabled with a positive weight. */
        public List<AnomalyType> active() {
            return types.entrySet().stream()
                    .filter(e -> e.getValue().enabled() && e.getValue().weight() > 0)
                    .map(Map.Entry::getKey)
                    .toList();
        }
    }

    /**
     * {@code anomalies.types.<kind>:} one kind's parameters. {@code errorRate} applies to error
     * spikes, {@code multiplier} to latency degradation; {@code subtypes} lists the subtypes drawn.
     */
    public record AnomalyKind(
            boolean enabled, double weight, int durationLogs, double errorRate, double multiplier, List<String> subtypes) {
        public AnomalyKind {
            subtypes = List.copyOf(subtypes);
        }
    }

    /** {@code output:} where and how lines are written. */
    public record Output(Destination destination, LogFormat format, boolean includeLabels, FileOutput file) {}

    /**
     * {@code output.file:} rotating files. {@code pageAligned}: no line of a file written (log files and
     * manifest) crosses a 4 KiB page, so that even {@code kill -9} leaves whole lines.
     */
    public record FileOutput(String path, String stem, double rotationSizeMb, int maxFiles, boolean pageAligned) {
        /** The MB of {@code rotation_size_mb} (and of the command line's sizes): 1024 × 1024 bytes. */
        public static final long BYTES_PER_MB = 1L << 20;
        /** The largest rotation size, in MB: files of about a terabyte. The smallest is one byte. */
        public static final double MAX_ROTATION_MB = 1_000_000;

        /** The rotation limit in bytes. */
        public long rotationBytes() {
            // A limit: a fraction of a byte is dropped, never rounded past it (--max-file-size sizes are exact).
            return Math.max(1, (long) Math.floor(rotationSizeMb * BYTES_PER_MB));
        }
    }

    /** Where lines go. */
    public enum Destination {
        STDOUT,
        FILE,
        BOTH;

        public boolean toStdout() {
            return this != FILE;
        }

        public boolean toFile() {
            return this != STDOUT;
        }
    }
}
