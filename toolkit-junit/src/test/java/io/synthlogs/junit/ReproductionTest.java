package io.synthlogs.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlogs.LogStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A failure carries the seed and both ways to reproduce, and both ways really reproduce the data. */
class ReproductionTest {
    /** The seed Failing#fails derives from the default root seed 42; pinned below in Pinned. */
    static final long DERIVED_FROM_42 = 1_800_163_810_057_236_161L;
    private static final Pattern RERUN = Pattern.compile("-Dsynthlogs\\.seed=(-?\\d+)");
    private static final Pattern PIN = Pattern.compile("@SyntheticLogs\\(seed = (-?\\d+)L\\)");

    @Test
    void the_original_failure_is_rethrown_with_the_reproduction_suppressed() {
        Throwable failure = Kit.failure(Kit.run(Failing.class), "fails(LogStream, TestReporter)");
        assertThat(failure).isExactlyInstanceOf(AssertionError.class).hasMessage("detector missed an episode");
        assertThat(failure.getSuppressed()).hasSize(1);
        Throwable reproduction = failure.getSuppressed()[0];
        assertThat(reproduction).isInstanceOf(SyntheticLogsReproduction.class);
        assertThat(reproduction.getStackTrace()).isEmpty();
        assertThat(reproduction.getMessage())
                .contains("parameter [LogStream logs] in method [ReproductionTest$Failing.fails(LogStream, TestReporter)]: seed "
                        + DERIVED_FROM_42 + " (derived from root seed 42, policy STABLE)")
                .contains("scenario: seed=" + DERIVED_FROM_42 + ", start=2024-01-01T00:00:00Z, anomaly_rate=0.2, anomalies=")
                .contains(", count=500")
                .containsPattern("episodes: \\d+ \\(.*\\); first: ep-\\d+ \\w+ lines \\d+\\.\\.\\d+")
                .containsPattern("attached: /\\S*/synthlogs-logs\\.jsonl\n")
                .contains("pin the data:  @SyntheticLogs(seed = " + DERIVED_FROM_42 + "L) with the other attributes unchanged")
                .contains("rerun exactly:   cd '" + Path.of("..").toAbsolutePath().normalize() + "' && ./mvnw -pl toolkit-junit"
                        + " -am test -Dtest='io.synthlogs.junit.ReproductionTest$Failing#fails' -Dsynthlogs.seed=42"
                        + " -Dsurefire.failIfNoSpecifiedTests=false");
    }

    @Test
    void the_failing_stream_is_attached_as_a_file() throws Exception {
        EngineExecutionResults results = Kit.run(Failing.class);
        List<FileEntry> files = results.allEvents().fileEntryPublished().stream()
                .map(e -> e.getRequiredPayload(FileEntry.class)).toList();
        assertThat(files).hasSize(1);
        Path file = files.get(0).getPath();
        assertThat(file.getFileName()).hasToString("synthlogs-logs.jsonl");
        assertThat(files.get(0).getMediaType()).hasValue("application/x-ndjson; charset=UTF-8");
        assertThat(Files.readAllLines(file)).hasSize(500);
        assertThat(Kit.digest(file)).isEqualTo(Kit.entry(results, "fails(LogStream, TestReporter)", "digest"));
    }

    @Test
    void every_test_publishes_its_seed() {
        EngineExecutionResults results = Kit.run(Failing.class);
        assertThat(Kit.entry(results, "passes(LogStream)", "synthlogs.seed")).matches("\\d+");
        assertThat(Kit.entry(results, "passes(LogStream)", "synthlogs.rootSeed")).isEqualTo("42");
        assertThat(Kit.entry(results, "passes(LogStream)", "synthlogs.target"))
                .isEqualTo("parameter [LogStream logs] in method [ReproductionTest$Failing.passes(LogStream)]");
    }

    @Test
    void the_printed_rerun_command_reproduces_a_random_run() {
        EngineExecutionResults random = Kit.run(Failing.class, "synthlogs.seed.policy", "RANDOM");
        String test = "fails(LogStream, TestReporter)";
        String message = Kit.failure(random, test).getSuppressed()[0].getMessage();
        Matcher rerun = RERUN.matcher(message);
        assertThat(rerun.find()).isTrue();

        // The printed command passes -Dsynthlogs.seed; Surefire hands it to JUnit as a configuration parameter.
        EngineExecutionResults again = Kit.run(Failing.class, "synthlogs.seed", rerun.group(1));
        assertThat(Kit.entry(again, test, "digest")).isEqualTo(Kit.entry(random, test, "digest"));
        assertThat(Kit.entry(again, test, "synthlogs.seed")).isEqualTo(Kit.entry(random, test, "synthlogs.seed"));
    }

    @Test
    void the_attached_file_is_named_by_its_full_path() {
        EngineExecutionResults results = Kit.run(Failing.class);
        Path published = results.allEvents().fileEntryPublished().stream()
                .map(e -> e.getRequiredPayload(FileEntry.class).getPath()).findFirst().orElseThrow();
        assertThat(Kit.failure(results, "fails(LogStream, TestReporter)").getSuppressed()[0].getMessage())
                .contains("attached: " + published.toAbsolutePath() + "\n");
    }

    @Test
    void the_rerun_command_repeats_the_configuration_parameters_that_chose_the_data() {
        EngineExecutionResults random = Kit.run(Unset.class, "synthlogs.seed.policy", "RANDOM",
                "synthlogs.anomalyRate", "0.3", "synthlogs.count", "700", "synthlogs.sources", "web-server, database");
        String message = Kit.failure(random, "fails(LogStream, TestReporter)").getSuppressed()[0].getMessage();
        assertThat(message).contains(" -Dsynthlogs.count='700' -Dsynthlogs.anomalyRate='0.3'"
                + " -Dsynthlogs.sources='web-server, database'").doesNotContain("seed.policy");
        // A pinned seed alone would give other lines: the pin line names the parameters to keep.
        assertThat(message).contains("L) with the other attributes unchanged, and the same synthlogs.count,"
                + " synthlogs.anomalyRate, synthlogs.sources");

        // What the command sets, given again (Surefire hands -D to JUnit as configuration parameters).
        Matcher seed = RERUN.matcher(message);
        assertThat(seed.find()).isTrue();
        List<String> config = new java.util.ArrayList<>(List.of("synthlogs.seed", seed.group(1)));
        Matcher set = Pattern.compile(" -D(synthlogs\\.[A-Za-z]+)='([^']*)'").matcher(message);
        while (set.find()) {
            config.addAll(List.of(set.group(1), set.group(2)));
        }
        EngineExecutionResults again = Kit.run(Unset.class, config.toArray(String[]::new));
        assertThat(Kit.entry(again, "fails(LogStream, TestReporter)", "digest"))
                .isEqualTo(Kit.entry(random, "fails(LogStream, TestReporter)", "digest"));
    }

    @Test
    void pinning_the_printed_seed_reproduces_the_stream() {
        EngineExecutionResults failed = Kit.run(Failing.class);
        Matcher pin = PIN.matcher(Kit.failure(failed, "fails(LogStream, TestReporter)").getSuppressed()[0].getMessage());
        assertThat(pin.find()).isTrue();
        assertThat(Long.parseLong(pin.group(1))).isEqualTo(DERIVED_FROM_42);

        EngineExecutionResults pinned = Kit.run(Pinned.class, "synthlogs.seed", "999");
        assertThat(Kit.entry(pinned, "pinned(LogStream, TestReporter)", "digest"))
                .isEqualTo(Kit.entry(failed, "fails(LogStream, TestReporter)", "digest"));
    }

    @Test
    void passing_tests_and_tests_without_synthetic_logs_are_left_alone() {
        EngineExecutionResults results = Kit.run(Failing.class);
        Throwable plain = Kit.failure(results, "fails_without_logs()");
        assertThat(plain).hasMessage("plain").hasNoSuppressedExceptions();
        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(2));
    }

    static class Failing {
        @Test
        void fails(@SyntheticLogs(count = 500, anomalyRate = 0.2) LogStream logs, TestReporter reporter) {
            reporter.publishEntry("digest", Kit.digest(logs));
            throw new AssertionError("detector missed an episode");
        }

        @Test
        void passes(@SyntheticLogs(count = 10) LogStream logs) {}

        @Test
        void fails_without_logs() {
            throw new AssertionError("plain");
        }
    }

    static class Unset {
        @Test
        void fails(@SyntheticLogs LogStream logs, TestReporter reporter) {
            reporter.publishEntry("digest", Kit.digest(logs));
            throw new AssertionError("detector missed an episode");
        }
    }

    static class Pinned {
        @Test
        void pinned(@SyntheticLogs(count = 500, anomalyRate = 0.2, seed = DERIVED_FROM_42) LogStream logs,
                TestReporter reporter) {
            reporter.publishEntry("digest", Kit.digest(logs));
        }
    }
}
