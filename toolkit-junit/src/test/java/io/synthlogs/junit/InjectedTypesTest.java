package io.synthlogs.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlogs.AnomalyType;
import io.synthlogs.Episode;
import io.synthlogs.LogEntry;
import io.synthlogs.LogStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Every supported type, on every kind of test method; the cases assert, this class counts. */
class InjectedTypesTest {

    @Test
    void every_supported_type_is_injected() {
        EngineExecutionResults results = Kit.run(Types.class);
        results.testEvents().assertStatistics(s -> s.started(7).succeeded(7).failed(0));
    }

    @Test
    void works_on_repeated_parameterized_and_factory_tests() {
        EngineExecutionResults results = Kit.run(Methods.class);
        results.testEvents().assertStatistics(s -> s.succeeded(3 + 2 + 6 + 2).failed(0));
        // Each repetition and invocation is its own test: its own seed.
        assertThat(Kit.entries(results, "synthlogs.seed").values().stream().flatMap(List::stream).distinct())
                .hasSize(3 + 2 + 6 + 1);
    }

    @Test
    void rendered_path_file_is_deleted_after_the_test() {
        Kit.run(PathHolder.class).testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(PathHolder.seen.get()).isNotNull().doesNotExist();
    }

    static class Types {
        @Test
        void log_stream(@SyntheticLogs(count = 300, anomalyRate = 0.2) LogStream logs) {
            assertThat(logs.size()).isEqualTo(300);
            assertThat(logs.entries().get(0).timestamp()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
            assertThat(logs.episodes()).isNotEmpty();
        }

        @Test
        void entry_list(@SyntheticLogs(count = 50) List<LogEntry> entries) {
            assertThat(entries).hasSize(50).allSatisfy(e -> assertThat(e.labels()).isNotNull());
        }

        @Test
        void entry_stream(@SyntheticLogs(count = 40) Stream<LogEntry> entries) {
            assertThat(entries.count()).isEqualTo(40);
        }

        @Test
        void episodes_share_the_named_stream(
                @SyntheticLogs(name = "a", count = 2000, anomalyRate = 0.2) LogStream logs,
                @SyntheticLogs(name = "a") List<Episode> truth,
                @SyntheticLogs(count = 2000, anomalyRate = 0.2) LogStream other) {
            assertThat(truth).isEqualTo(logs.episodes()).isNotEmpty();
            assertThat(other.seed()).isNotEqualTo(logs.seed());
        }

        @Test
        void rendered_string(@SyntheticLogs(count = 5, format = "text", labels = LabelMode.OMIT) String text) {
            assertThat(text.lines()).hasSize(5).noneMatch(l -> l.startsWith("{")).noneMatch(l -> l.contains("ANOMALY"));
        }

        @Test
        void rendered_lines(@SyntheticLogs(count = 7) List<String> lines) {
            assertThat(lines).hasSize(7).allMatch(l -> l.startsWith("{") && l.contains("\"_labels\""));
        }

        @Test
        void file(@SyntheticLogs(count = 9, format = "text") Path file) throws Exception {
            assertThat(file.getFileName().toString()).isEqualTo("file.log");
            assertThat(Files.readAllLines(file)).hasSize(9);
        }
    }

    static class Methods {
        @RepeatedTest(3)
        void repeated(@SyntheticLogs(count = 10) LogStream logs, TestReporter reporter) {
            assertThat(logs.size()).isEqualTo(10);
        }

        @ParameterizedTest
        @ValueSource(ints = {5, 8})
        void parameterized(int n, @SyntheticLogs(count = 20) List<LogEntry> entries) {
            assertThat(entries).hasSize(20);
        }

        @ParameterizedTest
        @EnumSource(value = AnomalyType.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
        void per_kind(AnomalyType type, @SyntheticLogs(count = 3000, anomalyRate = 0.3) LogStream logs) {
            assertThat(logs.episodes()).isNotEmpty();
        }

        @TestFactory
        Stream<DynamicTest> factory(@SyntheticLogs(count = 100) LogStream logs) {
            return Stream.of(DynamicTest.dynamicTest("size", () -> assertThat(logs.size()).isEqualTo(100)),
                    DynamicTest.dynamicTest("labels", () -> assertThat(logs.entries()).allMatch(e -> e.labels() != null)));
        }
    }

    static class PathHolder {
        static final AtomicReference<Path> seen = new AtomicReference<>();

        @Test
        void keep(@SyntheticLogs(count = 3) Path file) {
            assertThat(file).exists();
            seen.set(file);
        }
    }
}
