package io.synthlogs.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlogs.AnomalyType;
import io.synthlogs.LogEntry;
import io.synthlogs.LogStream;
import io.synthlogs.Scenario;
import io.synthlogs.config.ConfigException;
import io.synthlogs.config.ConfigLoader;
import io.synthlogs.config.SynthConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sources that can show only some kinds of anomaly: the rate is met with those, or the configuration is refused. */
class SourcesAndKindsTest {
    private static final String DATABASE_ONLY = """
            sources:
              - {name: database, kind: database, weight: 1, services: [postgresql, redis]}
            """;

    private static SynthConfig only(String sourcesYaml, double rate, AnomalyType... kinds) {
        ConfigLoader.Builder builder = ConfigLoader.builder().yaml(sourcesYaml, "test").set("anomalies.rate", rate, "test");
        for (AnomalyType type : AnomalyType.injectable()) {
            builder.set("anomalies.types." + type.wireName() + ".enabled", List.of(kinds).contains(type), "test");
        }
        return builder.build();
    }

    @Test
    void a_kind_with_one_showable_subtype_in_four_still_meets_the_rate_to_the_end() {
        // Only "connections" of resource exhaustion's four subtypes shows in a database. Drawing the
        // others used to fail the plan now and then, which ended the anomalies for good (at 0.2: 0.09).
        LogStream stream = LogStream.generate(Scenario.of(only(DATABASE_ONLY, 0.2, AnomalyType.RESOURCE_EXHAUSTION), 3),
                200_000);
        assertThat(stream.anomalyRate()).isBetween(0.18, 0.22);
        assertThat(stream.entries().subList(180_000, 200_000)).filteredOn(LogEntry::isAnomaly).isNotEmpty();
        assertThat(stream.episodes()).allSatisfy(e -> assertThat(e.subtype()).isEqualTo("connections"));
    }

    @Test
    void kinds_the_sources_cannot_show_are_passed_over_and_the_others_carry_the_rate() {
        LogStream stream = LogStream.generate(Scenario.of(only(DATABASE_ONLY, 0.2, AnomalyType.SECURITY_THREAT,
                AnomalyType.SERVICE_OUTAGE), 5), 100_000);
        assertThat(stream.anomalyRate()).isBetween(0.17, 0.23);
        assertThat(stream.episodes()).allSatisfy(e -> assertThat(e.type()).isEqualTo(AnomalyType.SERVICE_OUTAGE));
    }

    @Test
    void a_rate_no_enabled_kind_can_show_is_refused_with_what_the_sources_can_show() {
        SynthConfig config = only(DATABASE_ONLY, 0.2, AnomalyType.SECURITY_THREAT);
        assertThat(Engine.anomaliesItCannotShow(config)).contains("the anomaly rate is 0.2, but the sources [database]"
                + " can show none of the enabled anomaly kinds [security_threat]; they can show: error_spike,"
                + " latency_degradation, resource_exhaustion, service_outage, data_anomaly; enable a kind they can"
                + " show, add a source that shows yours, or set the rate to 0");
        assertThatThrownBy(() -> Scenario.of(config, 1)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("anomalies: the anomaly rate is 0.2, but the sources [database]");
    }

    @Test
    void a_zero_rate_or_a_showable_kind_is_fine() {
        assertThat(Engine.anomaliesItCannotShow(only(DATABASE_ONLY, 0, AnomalyType.SECURITY_THREAT))).isEmpty();
        assertThat(Engine.anomaliesItCannotShow(only(DATABASE_ONLY, 0.2, AnomalyType.LATENCY_DEGRADATION))).isEmpty();
        assertThat(Engine.anomaliesItCannotShow(ConfigLoader.defaults())).isEmpty();
    }
}
