package io.synthlogs;

import io.synthlogs.config.ConfigException;
import io.synthlogs.config.SynthConfig;
import io.synthlogs.engine.Engine;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything a stream's content is a function of: configuration, seed and start instant (and the
 * generator version). Two equal scenarios produce byte-identical lines.
 *
 * @param config the validated configuration; one whose sources can show none of the anomaly kinds it
 *     asks for at a positive rate is refused with a {@link ConfigException}
 * @param seed the root seed; every random stream is split from it
 * @param start the timestamp of the first line
 */
public record Scenario(SynthConfig config, long seed, Instant start) {
    /** The start used whenever a seed is given without one, so that a seed alone reproduces a run. */
    public static final Instant DEFAULT_START = Instant.ofEpochSecond(1_704_067_200L); // 2024-01-01T00:00:00Z

    public Scenario {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(start, "start");
        Engine.anomaliesItCannotShow(config).ifPresent(problem -> {
            throw new ConfigException("", "anomalies", problem);
        });
    }

    /** A scenario with this seed and the config's start, or {@link #DEFAULT_START} if the config says "now". */
    public static Scenario of(SynthConfig config, long seed) {
        return new Scenario(config, seed, config.timestamps().start().orElse(DEFAULT_START));
    }

    /** A one-line description for reports: seed, start, rate and enabled kinds. */
    public String describe() {
        return "seed=" + seed + ", start=" + start + ", anomaly_rate=" + config.anomalies().rate() + ", anomalies="
                + config.anomalies().active().stream().map(AnomalyType::wireName).toList() + ", sources="
                + config.sources().stream().map(SynthConfig.Source::name).toList();
    }
}
