package io.synthlogs.benchmarks;

import io.synthlogs.LogEntry;
import io.synthlogs.LogGenerator;
import io.synthlogs.Scenario;
import io.synthlogs.config.ConfigLoader;
import io.synthlogs.format.LineBuffer;
import io.synthlogs.format.LineFields;
import io.synthlogs.format.LogFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread throughput of the engine, one core: one labeled line generated (and rendered) per
 * operation, so the score in ops/s is lines per second.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar GenerateBenchmark</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GenerateBenchmark {
    @Param({"json", "text"})
    String format;

    private LogGenerator generator;
    private LogFormat logFormat;
    private final LineBuffer buffer = new LineBuffer(1024);

    @Setup(Level.Trial)
    public void setUp() {
        generator = LogGenerator.of(Scenario.of(ConfigLoader.defaults(), 1)).forgetEpisodes();
        logFormat = LogFormat.parse(format);
    }

    /** Generate and render one line with labels as the CLI does: from the engine's fields, no {@code LogEntry}. */
    @Benchmark
    public int generateAndWrite() {
        LineFields line = generator.nextLine();
        buffer.reset();
        logFormat.append(buffer, line, true);
        buffer.append('\n');
        return buffer.length();
    }

    /** Generate one line into the engine's fields, not formatted: the generating thread's share of a CLI run. */
    @Benchmark
    public LineFields generateLine() {
        return generator.nextLine();
    }

    /** Generate one line as a {@code LogEntry} and render it, as the server does. */
    @Benchmark
    public int generateAndRender() {
        LogEntry entry = generator.next();
        buffer.reset();
        logFormat.append(buffer, entry, true);
        buffer.append('\n');
        return buffer.length();
    }

    /** Generate one line without rendering it, as @SyntheticLogs does. */
    @Benchmark
    public LogEntry generateOnly() {
        return generator.next();
    }
}
