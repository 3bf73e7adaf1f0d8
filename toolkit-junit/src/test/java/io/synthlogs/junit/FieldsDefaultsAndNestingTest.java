package io.synthlogs.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlogs.AnomalyType;
import io.synthlogs.Episode;
import io.synthlogs.LogEntry;
import io.synthlogs.LogStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Instance fields, nested classes, defaults precedence and composed annotations. */
class FieldsDefaultsAndNestingTest {

    @Test
    void instance_fields_are_filled_before_each_test_also_in_nested_classes() {
        Kit.run(WithFields.class).testEvents().assertStatistics(s -> s.started(3).succeeded(3));
    }

    @Test
    void precedence_is_parameter_method_class_configuration_builtin() {
        Kit.run(Precedence.class, "synthlogs.count", "400", "synthlogs.format", "text")
                .testEvents().assertStatistics(s -> s.started(5).succeeded(5));
    }

    @Test
    void built_in_defaults_apply_when_nothing_is_set() {
        Kit.run(BuiltIn.class).testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    }

    @Test
    void a_configuration_that_names_its_start_starts_there_unless_start_is_set() {
        Kit.run(ConfigStart.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    }

    @Test
    void composed_annotations_carry_the_settings_and_the_extension() {
        Kit.run(Composed.class).testEvents().assertStatistics(s -> s.started(2).succeeded(2));
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.PARAMETER, ElementType.FIELD})
    @SyntheticLogs(count = 3000, anomalyRate = 0.2, anomalies = AnomalyType.SECURITY_THREAT, sources = {"web-server", "application"})
    @interface AttackTraffic {}

    static class ConfigStart {
        @Test
        void from_the_configuration(@SyntheticLogs(count = 5, config = "starts-mid-2025.yaml") LogStream logs) {
            assertThat(logs.entries().get(0).timestamp()).isEqualTo(Instant.parse("2025-06-01T12:00:00Z"));
        }

        @Test
        void the_attribute_wins(@SyntheticLogs(count = 5, config = "starts-mid-2025.yaml", start = "2030-01-01T00:00:00Z")
                LogStream logs) {
            assertThat(logs.entries().get(0).timestamp()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        }
    }

    static class WithFields {
        @SyntheticLogs(count = 200)
        LogStream logs;

        @SyntheticLogs(name = "shared", count = 300, anomalyRate = 0.2)
        LogStream shared;

        @SyntheticLogs(name = "shared")
        List<Episode> sharedTruth;

        @Test
        void fields_are_filled() {
            assertThat(logs.size()).isEqualTo(200);
            assertThat(sharedTruth).isSameAs(shared.episodes());
        }

        @Test
        void a_parameter_joins_a_named_field_stream(@SyntheticLogs(name = "shared") LogStream again) {
            assertThat(again).isSameAs(shared);
        }

        @Nested
        class Inner {
            @SyntheticLogs(count = 50)
            List<LogEntry> inner;

            @Test
            void inner_and_outer_fields_are_filled() {
                assertThat(inner).hasSize(50);
                assertThat(logs.size()).isEqualTo(200);
            }
        }
    }

    @SyntheticLogsDefaults(count = 100, anomalyRate = 0.3, start = "2025-06-01T12:00:00Z")
    static class Precedence {
        @Test
        @SyntheticLogsDefaults(count = 200)
        void method_beats_class(@SyntheticLogs LogStream logs) {
            assertThat(logs.size()).isEqualTo(200);
            assertThat(logs.scenario().config().anomalies().rate()).isEqualTo(0.3);
            assertThat(logs.entries().get(0).timestamp()).isEqualTo(Instant.parse("2025-06-01T12:00:00Z"));
        }

        @Test
        @SyntheticLogsDefaults(count = 200)
        void parameter_beats_method(@SyntheticLogs(count = 300) LogStream logs) {
            assertThat(logs.size()).isEqualTo(300);
        }

        @Test
        void class_beats_configuration_and_configuration_beats_built_in(@SyntheticLogs List<String> lines) {
            assertThat(lines).hasSize(100);
            assertThat(lines.get(0)).doesNotStartWith("{"); // synthlogs.format=text
        }

        @Nested
        @SyntheticLogsDefaults(count = 150)
        class Closer {
            @Test
            void the_closest_class_wins(@SyntheticLogs LogStream logs) {
                assertThat(logs.size()).isEqualTo(150);
                assertThat(logs.scenario().config().anomalies().rate()).isEqualTo(0.3);
            }
        }

        @Nested
        class Plain {
            @Test
            void enclosing_defaults_reach_nested_classes(@SyntheticLogs LogStream logs) {
                assertThat(logs.size()).isEqualTo(100);
            }
        }
    }

    static class BuiltIn {
        @Test
        void defaults(@SyntheticLogs LogStream logs, @SyntheticLogs List<String> lines) {
            assertThat(logs.size()).isEqualTo(1000);
            assertThat(logs.entries().get(0).timestamp()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
            assertThat(logs.scenario().config().anomalies().rate()).isEqualTo(0.05);
            assertThat(lines.get(0)).startsWith("{").contains("\"_labels\"");
        }
    }

    static class Composed {
        @AttackTraffic
        LogStream field;

        @Test
        void on_a_parameter(@AttackTraffic LogStream logs) {
            assertThat(logs.size()).isEqualTo(3000);
            assertThat(logs.episodes()).isNotEmpty().allMatch(e -> e.type() == AnomalyType.SECURITY_THREAT);
            assertThat(logs.entries()).allMatch(e -> e.source().equals("web-server") || e.source().equals("application"));
        }

        @Test
        void on_a_field() {
            assertThat(field.episodes()).isNotEmpty().allMatch(e -> e.type() == AnomalyType.SECURITY_THREAT);
        }
    }
}
