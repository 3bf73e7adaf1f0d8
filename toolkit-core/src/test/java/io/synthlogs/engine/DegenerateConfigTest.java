package io.synthlogs.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlogs.AnomalyType;
import io.synthlogs.LogEntry;
import io.synthlogs.LogStream;
import io.synthlogs.Scenario;
import io.synthlogs.config.ConfigLoader;
import io.synthlogs.config.SynthConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Configurations with nowhere else to go: the stream must still flow, never spin or overflow. */
class DegenerateConfigTest {

    private static SynthConfig outagesOnly(String sourcesYaml) {
        ConfigLoader.Builder builder = ConfigLoader.builder().yaml(sourcesYaml, "test").set("anomalies.rate", 0.5, "test");
        for (AnomalyType type : AnomalyType.injectable()) {
            builder.set("anomalies.types." + type.wireName() + ".enabled", type == AnomalyType.SERVICE_OUTAGE, "test");
        }
        return builder.build();
    }

    @Test
    void an_outage_of_the_only_service_with_traffic_does_not_stall_the_stream() {
        SynthConfig config = outagesOnly("""
                sources:
                  - {name: web-server, weight: 0, services: [nginx]}
                  - {name: application, weight: 1, services: [api]}
                """);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            LogStream stream = LogStream.generate(Scenario.of(config, 1), 5000);
            assertThat(stream.size()).isEqualTo(5000);
            assertThat(stream.episodes()).isNotEmpty();
        });
    }

    @Test
    void an_outage_in_a_one_service_source_reports_through_the_others() {
        SynthConfig config = outagesOnly("""
                sources:
                  - {name: web-server, weight: 1, services: [edge]}
                  - {name: application, weight: 1, services: [api]}
                """);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            LogStream stream = LogStream.generate(Scenario.of(config, 2), 5000);
            assertThat(stream.entries()).filteredOn(LogEntry::isAnomaly).isNotEmpty();
        });
    }
}
