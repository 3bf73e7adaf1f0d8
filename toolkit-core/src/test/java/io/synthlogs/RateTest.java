package io.synthlogs;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlogs.config.ConfigLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** anomaly_rate is the expected fraction of lines labeled anomalous, not a per-batch chance. */
class RateTest {

    @ParameterizedTest(name = "rate {0}, seed {1}")
    @CsvSource({"0.01,1", "0.05,1", "0.05,2", "0.05,3", "0.1,4", "0.2,5", "0.2,6", "0.5,7", "0.8,8", "1.0,9"})
    void the_realized_fraction_is_within_twenty_percent_of_the_target(double rate, long seed) {
        var config = ConfigLoader.builder().set("anomalies.rate", rate, "test").build();
        LogStream stream = LogStream.generate(Scenario.of(config, seed), 20_000);
        assertThat(stream.anomalyRate()).isBetween(rate * 0.8, Math.min(1.0, rate * 1.2));
    }

    @ParameterizedTest
    @EnumSource(value = AnomalyType.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void each_kind_alone_meets_the_rate(AnomalyType type) {
        LogStream stream = LogStream.generate(Scenario.of(Fixtures.only(type, 0.1), 11), 20_000);
        assertThat(stream.anomalyRate()).isBetween(0.08, 0.12);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void rate_zero_gives_no_anomaly(long seed) {
        var config = ConfigLoader.builder().set("anomalies.rate", 0.0, "test").build();
        LogStream stream = LogStream.generate(Scenario.of(config, seed), 20_000);
        assertThat(stream.anomalyCount()).isZero();
        assertThat(stream.episodes()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void the_original_probability_key_means_the_same(long seed) {
        var viaAlias = ConfigLoader.builder().yaml("anomalies: {probability: 0.05}", "test").build();
        var viaRate = ConfigLoader.builder().yaml("anomalies: {rate: 0.05}", "test").build();
        assertThat(viaAlias).isEqualTo(viaRate);
        assertThat(LogStream.generate(Scenario.of(viaAlias, seed), 20_000).anomalyRate()).isBetween(0.04, 0.06);
    }
}
