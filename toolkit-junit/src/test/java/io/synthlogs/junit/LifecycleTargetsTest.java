package io.synthlogs.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.synthlogs.LogStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.FileEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Constructors, lifecycle methods and dynamic tests: each target gets its own stream, and a failure
 * (but not an abort) names every stream the test saw.
 */
class LifecycleTargetsTest {
    private static final String OWNER = "LifecycleTargetsTest$";

    @Test
    void a_constructor_parameter_and_the_test_parameter_at_the_same_index_get_streams_of_their_own() {
        EngineExecutionResults results = Kit.run(ConstructorAndMethod.class);
        results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        // One instance per test, made in the test's context: each test's constructor data is its own.
        assertThat(Kit.entry(results, "a(LogStream, TestReporter)", "constructorSeed"))
                .isNotEqualTo(Kit.entry(results, "b(LogStream, TestReporter)", "constructorSeed"));
    }

    @Test
    void before_each_and_before_all_parameters_do_not_share_the_test_parameters_streams() {
        Kit.run(BeforeEachAndMethod.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        Kit.run(BeforeAllAndMethod.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void a_failure_names_the_tests_own_streams_and_its_classs_each_once() {
        EngineExecutionResults results = Kit.run(FailingWithClassData.class);
        String note = Kit.failure(results, "b(LogStream)").getSuppressed()[0].getMessage();
        String init = "parameter [LogStream logs] in method [" + OWNER + "FailingWithClassData.init(LogStream)]: seed ";
        String constructor = "parameter [LogStream logs] in constructor [" + OWNER + "FailingWithClassData(LogStream)]: seed ";
        String own = "parameter [LogStream logs] in method [" + OWNER + "FailingWithClassData.b(LogStream)]: seed ";
        assertThat(note).containsOnlyOnce(init).containsOnlyOnce(constructor).containsOnlyOnce(own)
                .doesNotContain("FailingWithClassData.a(").contains("count=5", "count=10", "count=20");
        assertThat(note.indexOf(init)).isLessThan(note.indexOf(constructor));
        List<String> files = results.allEvents().fileEntryPublished().stream()
                .map(e -> e.getRequiredPayload(FileEntry.class).getPath().getFileName().toString()).toList();
        assertThat(files).containsExactlyInAnyOrder("synthlogs-logs.jsonl", "synthlogs-logs-2.jsonl",
                "synthlogs-logs-3.jsonl");
    }

    @Test
    void a_failing_dynamic_test_names_its_factorys_stream_and_how_to_rerun_it() throws Exception {
        EngineExecutionResults results = Kit.run(Factory.class);
        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
        Throwable failure = Kit.failure(results, "fails");
        assertThat(failure).hasMessage("dynamic test failed");
        assertThat(failure.getSuppressed()).hasSize(1);
        assertThat(failure.getSuppressed()[0].getMessage())
                .contains("parameter [LogStream logs] in method [" + OWNER + "Factory.tests(LogStream)]: seed ")
                .contains("count=50")
                .contains("-Dtest='io.synthlogs.junit.LifecycleTargetsTest$Factory#tests'");
        List<Path> files = results.allEvents().fileEntryPublished().stream()
                .map(e -> e.getRequiredPayload(FileEntry.class).getPath()).toList();
        assertThat(files).hasSize(1);
        assertThat(Files.readAllLines(files.get(0))).hasSize(50);
    }

    @Test
    void a_factorys_stream_is_attached_once_however_many_of_its_dynamic_tests_fail() {
        EngineExecutionResults results = Kit.run(ManyFailing.class);
        results.testEvents().assertStatistics(s -> s.failed(3));
        assertThat(results.allEvents().fileEntryPublished().count()).isEqualTo(1);
        Path file = results.allEvents().fileEntryPublished().stream()
                .map(e -> e.getRequiredPayload(FileEntry.class).getPath()).findFirst().orElseThrow();
        for (String test : List.of("fails 1", "fails 2", "fails 3")) {
            assertThat(Kit.failure(results, test).getSuppressed()[0].getMessage()).as(test)
                    .contains("attached: " + file.toAbsolutePath() + "\n");
        }
    }

    @Test
    void an_outer_classs_constructor_takes_the_outer_classs_defaults_in_a_nested_test() {
        Kit.run(Outer.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void an_aborted_test_is_left_as_it_is() {
        EngineExecutionResults results = Kit.run(Aborted.class);
        results.testEvents().assertStatistics(s -> s.aborted(1).failed(0));
        Throwable abort = results.testEvents().aborted().stream().findFirst().orElseThrow()
                .getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
        assertThat(abort.getSuppressed()).isEmpty();
        assertThat(results.allEvents().fileEntryPublished().count()).isZero();
    }

    static class ConstructorAndMethod {
        private final LogStream fromConstructor;

        ConstructorAndMethod(@SyntheticLogs(count = 10) LogStream logs) {
            this.fromConstructor = logs;
        }

        @Test
        void a(@SyntheticLogs(count = 20) LogStream logs, TestReporter reporter) {
            check(logs, 20, reporter);
        }

        @Test
        void b(@SyntheticLogs(count = 30) LogStream logs, TestReporter reporter) {
            check(logs, 30, reporter);
        }

        private void check(LogStream logs, int count, TestReporter reporter) {
            assertThat(fromConstructor.size()).isEqualTo(10);
            assertThat(logs.size()).isEqualTo(count);
            reporter.publishEntry("constructorSeed", Long.toString(fromConstructor.seed()));
        }
    }

    static class BeforeEachAndMethod {
        private LogStream fromSetUp;

        @BeforeEach
        void setUp(@SyntheticLogs(count = 100) LogStream logs) {
            fromSetUp = logs;
        }

        @Test
        void m(@SyntheticLogs(count = 200) LogStream logs) {
            assertThat(fromSetUp.size()).isEqualTo(100);
            assertThat(logs.size()).isEqualTo(200);
        }
    }

    static class BeforeAllAndMethod {
        private static Path fromInit;

        @BeforeAll
        static void init(@SyntheticLogs(count = 5) Path file) {
            fromInit = file;
        }

        @Test
        void m(@SyntheticLogs(count = 7) Path file) throws Exception {
            assertThat(Files.readAllLines(fromInit)).hasSize(5);
            assertThat(Files.readAllLines(file)).hasSize(7);
        }
    }

    static class FailingWithClassData {
        @BeforeAll
        static void init(@SyntheticLogs(count = 5) LogStream logs) {}

        FailingWithClassData(@SyntheticLogs(count = 10) LogStream logs) {}

        @Test
        void a(@SyntheticLogs(count = 20) LogStream logs) {}

        @Test
        void b(@SyntheticLogs(count = 20) LogStream logs) {
            throw new AssertionError("b failed");
        }
    }

    static class Factory {
        @TestFactory
        Stream<DynamicTest> tests(@SyntheticLogs(count = 50) LogStream logs) {
            return Stream.of(dynamicTest("passes", () -> assertThat(logs.size()).isEqualTo(50)),
                    dynamicTest("fails", () -> {
                        throw new AssertionError("dynamic test failed");
                    }));
        }
    }

    static class ManyFailing {
        @TestFactory
        Stream<DynamicTest> tests(@SyntheticLogs(count = 50) LogStream logs) {
            return Stream.of(1, 2, 3).map(i -> dynamicTest("fails " + i, () -> {
                throw new AssertionError("dynamic test " + i + " failed");
            }));
        }
    }

    @SyntheticLogsDefaults(count = 7)
    static class Outer {
        final LogStream fromOuter;

        Outer(@SyntheticLogs LogStream logs) {
            this.fromOuter = logs;
        }

        @Nested
        @SyntheticLogsDefaults(count = 9)
        class Inner {
            @Test
            void m(@SyntheticLogs LogStream logs) {
                assertThat(fromOuter.size()).as("the outer constructor's stream").isEqualTo(7);
                assertThat(logs.size()).isEqualTo(9);
            }
        }
    }

    static class Aborted {
        @Test
        void m(@SyntheticLogs(count = 10) LogStream logs) {
            assumeTrue(false, "not today");
        }
    }
}
