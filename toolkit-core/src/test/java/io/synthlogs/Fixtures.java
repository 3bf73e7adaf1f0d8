package io.synthlogs;

import io.synthlogs.config.ConfigLoader;
import io.synthlogs.config.SynthConfig;

/** Scenarios the tests share. */
public final class Fixtures {
    private Fixtures() {}

    /** The defaults with only {@code type} enabled, at {@code rate}. */
    public static SynthConfig only(AnomalyType type, double rate) {
        ConfigLoader.Builder builder = ConfigLoader.builder().set("anomalies.rate", rate, "test");
        for (AnomalyType other : AnomalyType.injectable()) {
            builder.set("anomalies.types." + other.wireName() + ".enabled", other == type, "test");
        }
        return builder.build();
    }

    /** {@code count} lines of the defaults with only {@code type} enabled at rate 0.2. */
    public static LogStream streamOf(AnomalyType type, long seed, int count) {
        return LogStream.generate(Scenario.of(only(type, 0.2), seed), count);
    }
}
