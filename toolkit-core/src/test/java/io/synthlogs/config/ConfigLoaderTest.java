package io.synthlogs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlogs.AnomalyType;
import io.synthlogs.Level;
import io.synthlogs.format.LogFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path file(String yaml) throws Exception {
        return Files.writeString(dir.resolve("config.yaml"), yaml);
    }

    @Test
    void the_bundled_defaults_mirror_the_original_tool() {
        SynthConfig config = ConfigLoader.defaults();
        assertThat(config.generator().totalLogs()).isEqualTo(1000);
        assertThat(config.generator().batchSize()).isEqualTo(100);
        assertThat(config.sources()).extracting(SynthConfig.Source::name)
                .containsExactly("web-server", "application", "database", "infrastructure");
        assertThat(config.sources()).extracting(SynthConfig.Source::weight).containsExactly(0.4, 0.3, 0.15, 0.15);
        assertThat(config.sources().get(1).services())
                .containsExactly("auth-service", "payment-service", "user-service", "order-service", "inventory-service");
        assertThat(config.anomalies().rate()).isEqualTo(0.05);
        assertThat(config.anomalies().types().get(AnomalyType.ERROR_SPIKE).errorRate()).isEqualTo(0.8);
        assertThat(config.anomalies().types().get(AnomalyType.LATENCY_DEGRADATION).multiplier()).isEqualTo(5.0);
        assertThat(config.output().destination()).isEqualTo(SynthConfig.Destination.FILE);
        assertThat(config.output().format()).isEqualTo(LogFormat.JSON);
        assertThat(config.output().file().path()).isEqualTo("./output");
        assertThat(config.timestamps().start()).isEmpty();
    }

    @Test
    void a_user_file_is_laid_over_the_defaults_key_by_key() throws Exception {
        SynthConfig config = ConfigLoader.load(file("""
                anomalies:
                  types:
                    error_spike: {duration_logs: 40}
                levels: {DEBUG: 0}
                timestamps: {start: 2023-05-01T12:00:00Z, increment: 0.5}
                """));
        assertThat(config.anomalies().types().get(AnomalyType.ERROR_SPIKE).durationLogs()).isEqualTo(40);
        assertThat(config.anomalies().types().get(AnomalyType.ERROR_SPIKE).errorRate()).isEqualTo(0.8);
        assertThat(config.levels().get(Level.DEBUG)).isZero();
        assertThat(config.levels().get(Level.INFO)).isEqualTo(0.74);
        assertThat(config.timestamps().rate()).isEqualTo(2.0);
        assertThat(config.timestamps().start()).hasValue(java.time.Instant.parse("2023-05-01T12:00:00Z"));
    }

    @Test
    void an_out_of_range_value_names_file_line_key_value_and_range() throws Exception {
        Path path = file("""
                anomalies:
                  types:
                    error_spike:
                      error_rate: 1.5
                """);
        assertThatThrownBy(() -> ConfigLoader.load(path))
                .isInstanceOf(ConfigException.class)
                .hasMessage(path + ":4:19: anomalies.types.error_spike.error_rate: 1.5 is not within [0.01, 1]");
    }


    @Test
    void a_whole_number_too_big_is_out_of_range_not_a_fraction_and_shown_as_written() throws Exception {
        String range = " is not within [0, 9223372036854775807]";
        for (String written : List.of("99999999999999999999", "9223372036854775808")) {
            Path path = file("generator:\n  total_logs: " + written + "\n");
            assertThatThrownBy(() -> ConfigLoader.load(path)).hasMessage(path + ":2:15: generator.total_logs: " + written + range);
        }
        Path path = file("generator:\n  total_logs: 1.0e+23\n");
        assertThatThrownBy(() -> ConfigLoader.load(path)).hasMessage(path + ":2:15: generator.total_logs: 1E+23" + range);
        Path half = file("generator:\n  total_logs: 1.5\n");
        assertThatThrownBy(() -> ConfigLoader.load(half)).hasMessageEndingWith("1.5 is not a whole number; "
                + "allowed: a whole number within [0, 9223372036854775807]");
        assertThat(ConfigLoader.load(file("generator:\n  total_logs: 5000.0\n")).generator().totalLogs())
                .as("a whole number written with a zero fraction").isEqualTo(5000);
        // The largest long is a long, not a double that lost its last digits.
        assertThat(ConfigLoader.load(file("generator:\n  total_logs: 9223372036854775807\n")).generator().totalLogs())
                .isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void a_mistake_in_a_file_is_reported_even_where_a_flag_sets_the_same_key() throws Exception {
        Path path = file("generator:\n  total_logs: -3\noutput:\n  format: xml\n");
        assertThatThrownBy(() -> ConfigLoader.builder().file(path).set("generator.total_logs", 200, "--total")
                .set("output.format", "json", "--format").build())
                .hasMessage(path + ":2:15: generator.total_logs: -3 is not within [0, 9223372036854775807]");
        // A file sound with its flags is not refused for a rule spanning keys: every kind disabled, rate 0 as a flag.
        StringBuilder none = new StringBuilder("anomalies:\n  types:\n");
        for (AnomalyType type : AnomalyType.injectable()) {
            none.append("    ").append(type.wireName()).append(":\n      enabled: false\n");
        }
        Path quiet = file(none.toString());
        assertThat(ConfigLoader.builder().file(quiet).set("anomalies.rate", 0.0, "--anomaly-rate").build().anomalies().rate())
                .isZero();
        // A sound file under the same flags: the flags win.
        Path sound = file("generator:\n  total_logs: 3\n");
        assertThat(ConfigLoader.builder().file(sound).set("generator.total_logs", 200, "--total").build()
                .generator().totalLogs()).isEqualTo(200);
    }

    @Test
    void a_flag_written_as_text_is_read_as_a_file_value_would_be() {
        assertThat(ConfigLoader.builder().setNumber("generator.total_logs", " 2_500 ", "--total").build().generator().totalLogs())
                .isEqualTo(2500);
        assertThat(ConfigLoader.builder().setNumber("anomalies.rate", "0.25", "-a").build().anomalies().rate()).isEqualTo(0.25);
        assertThatThrownBy(() -> ConfigLoader.builder().setNumber("generator.total_logs", "yes", "-n").build())
                .as("YAML's yes stays the word typed").hasMessage("-n: generator.total_logs: 'yes' is not a whole number;"
                        + " allowed: a whole number within [0, 9223372036854775807]");
        assertThatThrownBy(() -> ConfigLoader.builder().setNumber("anomalies.rate", "lots", "-a").build())
                .hasMessage("-a: anomalies.rate: 'lots' is not a number; allowed: a number within [0, 1]");
    }
    @Test
    void a_section_with_every_key_commented_out_changes_nothing_even_under_a_flag() throws Exception {
        Path path = file("anomalies:\n  # rate: 0.1\n");
        assertThat(ConfigLoader.load(path).anomalies()).isEqualTo(ConfigLoader.defaults().anomalies());
        SynthConfig flagged = ConfigLoader.builder().file(path).set("anomalies.rate", 0.2, "--anomaly-rate").build();
        assertThat(flagged.anomalies().rate()).isEqualTo(0.2);
        assertThat(flagged.anomalies().types()).isEqualTo(ConfigLoader.defaults().anomalies().types());
    }

    @Test
    void a_value_where_a_section_belongs_is_blamed_where_it_was_written_not_on_a_flag() throws Exception {
        Path path = file("generator: 5\n");
        assertThatThrownBy(() -> ConfigLoader.builder().file(path).set("generator.total_logs", 3, "--total").build())
                .hasMessage(path + ":1:12: generator: expected a mapping, got 5");
    }

    @Test
    void an_unknown_key_suggests_the_closest() throws Exception {
        Path path = file("generator:\n  batch_szie: 10\n");
        assertThatThrownBy(() -> ConfigLoader.load(path))
                .hasMessageStartingWith(path + ":2:15: generator.batch_szie: unknown key; did you mean 'batch_size'?")
                .hasMessageContaining("Allowed here: batch_size, interval, total_logs");
    }

    @Test
    void yaml_syntax_errors_give_line_and_column() throws Exception {
        Path path = file("generator:\n  batch_size: [1, 2\n");
        assertThatThrownBy(() -> ConfigLoader.load(path))
                .isInstanceOf(ConfigException.class)
                .hasMessageMatching("\\Q" + path + "\\E:\\d+:\\d+: invalid YAML: .*");
    }

    @Test
    void wrong_types_and_choices_are_named() {
        assertThatThrownBy(() -> ConfigLoader.builder().yaml("generator: {total_logs: lots}", "inline").build())
                .hasMessage("inline:1:25: generator.total_logs: 'lots' is not a whole number; allowed: a whole number within [0, 9223372036854775807]");
        assertThatThrownBy(() -> ConfigLoader.builder().set("output.format", "xml", "--format").build())
                .hasMessage("--format: output.format: 'xml' is not one of json, text");
        assertThatThrownBy(() -> ConfigLoader.builder().set("anomalies.rate", -0.1, "--anomaly-rate").build())
                .hasMessage("--anomaly-rate: anomalies.rate: -0.1 is not within [0, 1]");
    }

    @Test
    void rate_and_probability_together_are_refused() {
        assertThatThrownBy(() -> ConfigLoader.builder().yaml("anomalies: {rate: 0.1, probability: 0.2}", "x").build())
                .hasMessageContaining("anomalies.probability: give either anomalies.rate or anomalies.probability, not both");
    }

    @Test
    void custom_sources_need_a_kind_and_unique_names() {
        assertThatThrownBy(() -> ConfigLoader.builder().yaml("sources: [{name: queue, weight: 1, services: [kafka]}]", "x").build())
                .hasMessageContaining("sources[0]: kind: is required for a source named 'queue'");
        SynthConfig config = ConfigLoader.builder()
                .yaml("sources: [{name: queue, kind: application, weight: 1, services: [kafka]}]", "x").build();
        assertThat(config.sources().get(0).kind()).isEqualTo(SourceKind.APPLICATION);
        assertThatThrownBy(() -> ConfigLoader.builder().yaml("""
                sources:
                  - {name: a, kind: web, weight: 1, services: [x]}
                  - {name: a, kind: web, weight: 1, services: [y]}
                """, "x").build()).hasMessageContaining("sources[1].name: 'a' is used by another source");
    }

    @Test
    void unknown_subtypes_are_named_with_the_allowed_ones() {
        assertThatThrownBy(() -> ConfigLoader.builder()
                .yaml("anomalies: {types: {security_threat: {subtypes: [brute_forse]}}}", "x").build())
                .hasMessageContaining("contains unknown subtype 'brute_forse' (did you mean 'brute_force'?); allowed: brute_force, sql_injection, xss_attempt, unauthorized_access");
    }

    @Test
    void a_positive_rate_needs_an_enabled_kind() {
        ConfigLoader.Builder builder = ConfigLoader.builder();
        for (AnomalyType type : AnomalyType.injectable()) {
            builder.set("anomalies.types." + type.wireName() + ".enabled", false, "x");
        }
        assertThatThrownBy(builder::build).hasMessageContaining("no anomaly type is enabled");
        assertThat(builder.set("anomalies.rate", 0.0, "x").build().anomalies().active()).isEmpty();
    }

    @Test
    void a_missing_file_is_a_config_error() {
        assertThatThrownBy(() -> ConfigLoader.load(dir.resolve("nope.yaml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("nope.yaml: cannot read the configuration file: no such file or directory");
    }

    @Test
    void a_file_that_is_not_utf_8_or_is_a_directory_says_so() throws Exception {
        Path latin1 = Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> ConfigLoader.load(latin1))
                .hasMessage(latin1 + ": cannot read the configuration file: it is not UTF-8 text");
        assertThatThrownBy(() -> ConfigLoader.load(dir))
                .hasMessage(dir + ": cannot read the configuration file: it is a directory");
    }

    @Test
    void a_service_belongs_to_one_source() {
        assertThatThrownBy(() -> ConfigLoader.builder().yaml("""
                sources:
                  - {name: web-server, weight: 1, services: [api]}
                  - {name: application, weight: 1, services: [api]}
                """, "x").build())
                .hasMessage("x:3:46: sources[1].services: 'api' is listed by source 'web-server' too; a service belongs to one source");
    }

    @Test
    void rotation_sizes_down_to_one_byte_are_allowed() {
        assertThat(ConfigLoader.builder().set("output.file.rotation_size_mb", 1.0 / 1024, "--max-file-size").build()
                .output().file().rotationBytes()).isEqualTo(1024);
        assertThat(ConfigLoader.builder().set("output.file.rotation_size_mb", 1.0 / (1 << 20), "--max-file-size").build()
                .output().file().rotationBytes()).isEqualTo(1);
        assertThat(ConfigLoader.builder().yaml("output: {file: {rotation_size_mb: 0.0003}}", "inline").build()
                .output().file().rotationBytes()).as("314.57 bytes: a limit is not rounded past").isEqualTo(314);
        assertThatThrownBy(() -> ConfigLoader.builder().yaml("output: {file: {rotation_size_mb: 1e-300}}", "inline").build())
                .hasMessageContaining("1.0E-300 is out of range");
        assertThatThrownBy(() -> ConfigLoader.builder().yaml("output: {file: {rotation_size_mb: 0.0000001}}", "inline").build())
                .hasMessage("inline:1:35: output.file.rotation_size_mb: 0.0000001 is out of range; allowed: a size in MB"
                        + " from one byte to 1000000 (1 MB = 1048576 bytes)");
        assertThatThrownBy(() -> ConfigLoader.builder().yaml("output: {file: {rotation_size_mb: 2000000}}", "inline").build())
                .hasMessage("inline:1:35: output.file.rotation_size_mb: 2000000 is out of range; allowed: a size in MB"
                        + " from one byte to 1000000 (1 MB = 1048576 bytes)");
        assertThatThrownBy(() -> ConfigLoader.builder().yaml("output: {file: {rotation_size_mb: big}}", "inline").build())
                .hasMessage("inline:1:35: output.file.rotation_size_mb: 'big' is not a number; allowed: a size in MB"
                        + " from one byte to 1000000 (1 MB = 1048576 bytes)");
    }

    @Test
    void an_unknown_key_without_a_close_match_lists_the_allowed_ones() {
        assertThatThrownBy(() -> ConfigLoader.builder().yaml("xyzzy: 1", "inline").build())
                .hasMessage("inline:1:8: xyzzy: unknown key; allowed here: generator, timestamps, sources, levels, anomalies, output");
    }
}
