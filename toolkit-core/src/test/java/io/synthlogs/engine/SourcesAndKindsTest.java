package io.synthlogs.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlogs.AnomalyType;
import io.synthlogs.LogEntry;
import io.synthlogs.LogGenerator;
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
    void a_kind_only_one_service_can_show_is_still_planned_when_the_draws_miss_it() {
        // Outages show for kubernetes (it reports its own) but not for a lone application service
        // (nobody calls it); the draws pick the application, so the plan names kubernetes itself.
        SynthConfig config = only("""
                sources:
                  - {name: application, kind: application, weight: 1, services: [auth-service]}
                  - {name: infrastructure, kind: infrastructure, weight: 1, services: [kubernetes]}
                """, 0.2, AnomalyType.SERVICE_OUTAGE);
        assertThat(Engine.anomaliesItCannotShow(config)).isEmpty();
        LogStream stream = LogStream.generate(Scenario.of(config, 9), 50_000);
        assertThat(stream.anomalyRate()).isBetween(0.15, 0.25);
        assertThat(stream.episodes()).allSatisfy(e -> assertThat(e.services()).containsExactly("kubernetes"));
    }

    @Test
    void an_injection_draws_only_subtypes_the_sources_can_show() {
        LogGenerator generator = LogGenerator.of(Scenario.of(only(DATABASE_ONLY, 0, AnomalyType.RESOURCE_EXHAUSTION), 4));
        for (int i = 0; i < 20; i++) {
            assertThat(generator.inject(AnomalyType.RESOURCE_EXHAUSTION, null, 2, null).subtype()).isEqualTo("connections");
            generator.nextLine();
            generator.nextLine();
        }
        assertThatThrownBy(() -> generator.inject(AnomalyType.RESOURCE_EXHAUSTION, "disk", 2, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("resource_exhaustion/disk cannot be shown by the configured sources");
    }

    @Test
    void injections_queue_one_after_another_each_where_it_was_announced() {
        LogGenerator generator = LogGenerator.of(Scenario.of(ConfigLoader.builder().set("anomalies.rate", 0.0, "test").build(), 6));
        generator.nextLine();
        var first = generator.inject(AnomalyType.ERROR_SPIKE, null, 5, null);
        var second = generator.inject(AnomalyType.DATA_ANOMALY, null, 3, null);
        assertThat(first.startsAtLine()).isEqualTo(1);
        assertThat(second.startsAtLine()).isEqualTo(6);
        for (int i = 0; i < 3; i++) {
            generator.nextLine();
        }
        var third = generator.inject(AnomalyType.SECURITY_THREAT, null, 2, null); // while the first is under way
        assertThat(third.startsAtLine()).isEqualTo(9);
        for (int i = 0; i < 10; i++) {
            generator.nextLine();
        }
        assertThat(generator.episodes()).extracting(e -> e.id() + " " + e.firstIndex() + ".." + e.lastIndex())
                .containsExactly(first.episodeId() + " 1..5", second.episodeId() + " 6..8", third.episodeId() + " 9..10");
    }

    @Test
    void an_empty_subtype_list_is_refused_in_a_file_and_means_every_subtype_when_built_by_hand() {
        assertThatThrownBy(() -> ConfigLoader.builder().yaml("anomalies: {types: {security_threat: {subtypes: []}}}", "test")
                .build()).hasMessage("test:1:49: anomalies.types.security_threat.subtypes: a list must not be empty");
        SynthConfig defaults = ConfigLoader.builder().set("anomalies.rate", 0.3, "test").build();
        java.util.Map<AnomalyType, SynthConfig.AnomalyKind> kinds = new java.util.EnumMap<>(defaults.anomalies().types());
        SynthConfig.AnomalyKind k = kinds.get(AnomalyType.SECURITY_THREAT);
        kinds.put(AnomalyType.SECURITY_THREAT, new SynthConfig.AnomalyKind(k.enabled(), k.weight(), k.durationLogs(),
                k.errorRate(), k.multiplier(), List.of()));
        SynthConfig config = new SynthConfig(defaults.generator(), defaults.timestamps(), defaults.sources(), defaults.levels(),
                new SynthConfig.Anomalies(0.3, kinds), defaults.output());
        LogStream stream = LogStream.generate(Scenario.of(config, 8), 50_000);
        assertThat(stream.episodes()).filteredOn(e -> e.type() == AnomalyType.SECURITY_THREAT)
                .extracting(io.synthlogs.Episode::subtype).doesNotContainNull().hasSizeGreaterThan(2);
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
