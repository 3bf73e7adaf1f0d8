package io.synthlogs.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.synthlogs.LogStream;
import io.synthlogs.Scenario;
import io.synthlogs.config.ConfigLoader;
import io.synthlogs.junit.SyntheticLogs;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What {@code @SyntheticLogs(count = 100_000) LogStream} costs a test: one test class run through the
 * Jupiter engine with the parameter, the same class shape without it (engine overhead), and the bare
 * {@code LogStream.generate} floor. Resolution time = {@code withLogStream100k - withoutParameter}.
 * The target is at most 150 ms.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar SyntheticLogsResolutionBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SyntheticLogsResolutionBenchmark {

    /** A test that receives 100,000 lines and does nothing with them. */
    public static class WithLogStream {
        @Test
        void receives(@SyntheticLogs(count = 100_000) LogStream logs) {
            if (logs.size() != 100_000) {
                throw new AssertionError(logs.size());
            }
        }
    }

    /** The same test without synthetic logs. */
    public static class WithoutParameter {
        @Test
        void receives() {}
    }

    @Benchmark
    public EngineExecutionResults withLogStream100k() {
        return run(WithLogStream.class);
    }

    @Benchmark
    public EngineExecutionResults withoutParameter() {
        return run(WithoutParameter.class);
    }

    @Benchmark
    public LogStream generateOnly100k() {
        return LogStream.generate(Scenario.of(ConfigLoader.defaults(), 42), 100_000);
    }

    private static EngineExecutionResults run(Class<?> testClass) {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute();
        if (results.testEvents().succeeded().count() != 1) {
            throw new IllegalStateException(testClass.getSimpleName() + " did not pass: " + results.testEvents().failed()
                    .stream().toList());
        }
        return results;
    }
}
