package io.synthlogs.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.synthlogs.LogEntry;
import io.synthlogs.LogStream;
import io.synthlogs.Scenario;
import io.synthlogs.config.ConfigLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * A {@code Stream<LogEntry>} target is generated as it is consumed: same content as the
 * {@code LogStream} of the same seed, the failure note still names its episodes, and ten million
 * lines pass through a test in a 256 MB heap.
 */
class LazyEntryStreamTest {
    static final int HUGE = 10_000_000;

    @Test
    void a_stream_target_has_the_lines_of_the_log_stream_of_the_same_seed() {
        Kit.run(SameSeed.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void a_failing_test_with_a_stream_target_names_its_episodes_and_attaches_its_lines() throws Exception {
        EngineExecutionResults results = Kit.run(FailingWithStream.class);
        Throwable failure = Kit.failure(results, "fails(Stream)");
        LogStream expected = LogStream.generate(new Scenario(
                ConfigLoader.builder().set("anomalies.rate", 0.2, "test").build(), 77,
                SyntheticLogsConstants.DEFAULT_START), 2_000);
        assertThat(expected.episodes()).isNotEmpty();
        assertThat(failure.getSuppressed()[0].getMessage())
                .contains("seed 77 (pinned by @SyntheticLogs(seed))")
                .contains(", count=2000")
                .contains("episodes: " + SyntheticLogsReproduction.episodes(expected.episodes()))
                .contains("/synthlogs-lines.jsonl\n");
        List<FileEntry> files = results.allEvents().fileEntryPublished().stream()
                .map(e -> e.getRequiredPayload(FileEntry.class)).toList();
        assertThat(files).hasSize(1);
        assertThat(Kit.digest(files.get(0).getPath())).isEqualTo(Kit.digest(expected));
    }

    /**
     * Runs {@link Huge} through the Jupiter engine in a child JVM with {@code -Xmx256m}: ten million
     * held {@code LogEntry} objects need several gigabytes, so this passes only if the stream is lazy.
     */
    @Test
    void ten_million_lines_stream_through_a_test_in_a_256_mb_heap() throws Exception {
        Path log = Files.createTempFile("synthlogs-lazy-", ".log");
        try {
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-cp", classPath, HugeRunner.class.getName())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean done = child.waitFor(300, TimeUnit.SECONDS);
            if (!done) {
                child.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(done).as("child finished within 300 s; output:\n%s", output).isTrue();
            assertThat(output).as("child output").contains("succeeded=1 failed=0").doesNotContain("OutOfMemoryError");
            assertThat(child.exitValue()).as("child exit code; output:\n%s", output).isZero();
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The child JVM's main: runs {@link Huge} and prints the statistics and any failure. */
    static final class HugeRunner {
        public static void main(String[] args) {
            long started = System.nanoTime();
            EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(Huge.class))
                    .execute();
            long succeeded = results.testEvents().succeeded().count();
            long failed = results.testEvents().failed().count();
            results.testEvents().failed().stream().forEach(e -> e.getPayload(
                    org.junit.platform.engine.TestExecutionResult.class).flatMap(r -> r.getThrowable())
                    .ifPresent(t -> t.printStackTrace(System.out)));
            System.out.printf("succeeded=%d failed=%d in %.1f s, max heap %d MB%n", succeeded, failed,
                    (System.nanoTime() - started) / 1e9, Runtime.getRuntime().maxMemory() >> 20);
            System.exit(succeeded == 1 && failed == 0 ? 0 : 1);
        }
    }

    static class Huge {
        @Test
        void consumes_ten_million_lines(@SyntheticLogs(count = HUGE, seed = 1) Stream<LogEntry> lines) {
            long[] counts = new long[2];
            lines.forEach(line -> {
                counts[0]++;
                if (line.isAnomaly()) {
                    counts[1]++;
                }
            });
            assertThat(counts[0]).isEqualTo(HUGE);
            assertThat(counts[1]).isPositive();
        }
    }

    static class SameSeed {
        @Test
        void same_lines(@SyntheticLogs(count = 3_000, anomalyRate = 0.3, seed = 5) Stream<LogEntry> lazy,
                @SyntheticLogs(count = 3_000, anomalyRate = 0.3, seed = 5) LogStream kept) {
            assertThat(lazy.toList()).isEqualTo(kept.entries());
        }
    }

    static class FailingWithStream {
        @Test
        void fails(@SyntheticLogs(count = 2_000, anomalyRate = 0.2, seed = 77) Stream<LogEntry> lines) {
            assertThat(lines.limit(10).count()).isEqualTo(10);
            throw new AssertionError("detector missed an episode");
        }
    }
}
