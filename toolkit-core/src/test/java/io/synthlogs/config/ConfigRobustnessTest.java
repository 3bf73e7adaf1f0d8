package io.synthlogs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.synthlogs.LogStream;
import io.synthlogs.Scenario;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile configurations the fuzzer found or that it cannot reach safely, one test each, so a fix
 * shows which one it closed. Every case must end as a valid config or as a {@link ConfigException}
 * naming origin and line:column (or key path), quickly and in bounded memory.
 */
class ConfigRobustnessTest {

    private static SynthConfig load(String yaml) {
        return ConfigLoader.builder().yaml(yaml, "fuzz").build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"generator: &loop [*loop]\n", "generator: &loop {a: *loop}\n",
        "unknown: &loop [1, [2, *loop]]\n"})
    void a_recursive_alias_is_a_located_config_error_not_a_stack_overflow(String yaml) {
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageMatching("fuzz:1:\\d+: .*");
    }

    /**
     * 22 levels of two aliases each: 44 aliases, under SnakeYAML's limit of 50, but 2^22 nodes once
     * expanded. Run in a child JVM with a small heap so that a regression fails this test instead of
     * exhausting the heap of the whole test run.
     */
    @Test
    void an_alias_bomb_under_the_alias_limit_fails_fast_in_bounded_memory() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-cp", testClassPath(), AliasBomb.class.getName())
                .redirectErrorStream(true).start();
        boolean done = child.waitFor(30, TimeUnit.SECONDS);
        if (!done) {
            child.destroyForcibly().waitFor();
        }
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as("finished within 30 s; output so far:\n%s", output).isTrue();
        assertThat(output).startsWith("ConfigException: fuzz:");
        assertThat(child.exitValue()).isZero();
    }

    /** The child side: prints the outcome of loading the bomb. */
    static final class AliasBomb {
        public static void main(String[] args) {
            StringBuilder bomb = new StringBuilder("lol0: &l0 [lol]\n");
            for (int level = 1; level <= 22; level++) {
                bomb.append("lol").append(level).append(": &l").append(level)
                        .append(" [*l").append(level - 1).append(", *l").append(level - 1).append("]\n");
            }
            try {
                load(bomb.toString());
                System.out.println("loaded");
            } catch (ConfigException e) {
                System.out.println("ConfigException: " + e.getMessage());
            } catch (Throwable e) {
                System.out.println(e.getClass().getName() + ": " + e.getMessage());
                System.exit(3);
            }
        }
    }

    private static String testClassPath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, List.of(path.split(File.pathSeparator)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"generator:\n  batch_size: \u0001\n", "generator:\n  batch_size: x\uD800y\n",
        "generator:\n  batch_size: x\uDC00\n", "generator: {batch_size: \u0000}\n"})
    void a_character_yaml_forbids_is_reported_with_line_and_column(String yaml) {
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageMatching("fuzz:\\d+:\\d+: invalid YAML: .*");
    }

    @Test
    void too_deep_nesting_is_reported_with_line_and_column() {
        String yaml = "generator:\n  batch_size: " + "[".repeat(60) + "]".repeat(60) + "\n";
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageMatching("fuzz:2:\\d+: invalid YAML: .*");
    }

    @Test
    void too_many_aliases_are_reported_with_line_and_column() {
        StringBuilder yaml = new StringBuilder("base: &b [1]\n");
        for (int i = 0; i < 60; i++) {
            yaml.append("k").append(i).append(": *b\n");
        }
        assertThatThrownBy(() -> load(yaml.toString()))
                .isInstanceOf(ConfigException.class)
                .hasMessageMatching("fuzz:\\d+:\\d+: invalid YAML: .*");
    }

    /**
     * {@code Instant.parse} accepts years up to ±1,000,000,000, but the engine's clock counts
     * microseconds in a long (about ±292,000 years around 1970). A start the clock cannot hold must
     * be refused by the loader, not blow up in the generator.
     */
    @ParameterizedTest
    @ValueSource(strings = {"+1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "+300000-01-01T00:00:00Z"})
    void a_start_the_clock_cannot_hold_is_a_config_error_or_generates(String start) {
        SynthConfig config;
        try {
            config = load("timestamps: {start: '" + start + "'}\n");
        } catch (ConfigException e) {
            assertThat(e.getMessage()).startsWith("fuzz:1:").contains("timestamps.start");
            return;
        }
        assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThat(LogStream.generate(Scenario.of(config, 1), 200).size()).isEqualTo(200));
    }
}
