package io.synthlogs.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlogs.LogStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** With JUnit's parallel execution on, each test still gets its own seed and exactly its own data. */
class ParallelExecutionTest {

    @Test
    void parallel_runs_give_every_test_the_data_of_a_sequential_run() {
        EngineExecutionResults sequential = Kit.run(Many.class);
        EngineExecutionResults parallel = Kit.run(Many.class,
                "junit.jupiter.execution.parallel.enabled", "true",
                "junit.jupiter.execution.parallel.mode.default", "concurrent",
                "junit.jupiter.execution.parallel.config.strategy", "fixed",
                "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
        parallel.testEvents().assertStatistics(s -> s.succeeded(18).failed(0));

        Map<String, List<String>> digests = Kit.entries(parallel, "digest");
        assertThat(digests).hasSize(18).isEqualTo(Kit.entries(sequential, "digest"));
        assertThat(Kit.entries(parallel, "synthlogs.seed")).isEqualTo(Kit.entries(sequential, "synthlogs.seed"));
        assertThat(digests.values().stream().flatMap(List::stream).distinct()).hasSize(18);
        assertThat(Kit.entries(parallel, "thread").values().stream().flatMap(List::stream).distinct())
                .as("tests really ran on more than one thread").hasSizeGreaterThan(1);
    }

    static class Many {
        @ParameterizedTest
        @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
        void invocation(int n, @SyntheticLogs(count = 2000, anomalyRate = 0.1) LogStream logs, TestReporter reporter)
                throws InterruptedException {
            report(logs, reporter);
        }

        @Test
        void first(@SyntheticLogs(count = 2000) LogStream logs, TestReporter reporter) throws InterruptedException {
            report(logs, reporter);
        }

        @Test
        void second(@SyntheticLogs(count = 2000) LogStream logs, TestReporter reporter) throws InterruptedException {
            report(logs, reporter);
        }

        private static void report(LogStream logs, TestReporter reporter) throws InterruptedException {
            Thread.sleep(20); // overlap the tests, so a shared-state bug would show
            reporter.publishEntry("digest", Kit.digest(logs));
            reporter.publishEntry("thread", Thread.currentThread().getName());
        }
    }
}
