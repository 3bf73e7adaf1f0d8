package io.synthlogs.junit;

import static io.synthlogs.junit.SyntheticLogsConstants.NOT_SET_DOUBLE;
import static io.synthlogs.junit.SyntheticLogsConstants.NOT_SET_INT;
import static io.synthlogs.junit.SyntheticLogsConstants.NOT_SET_LONG;
import static io.synthlogs.junit.SyntheticLogsConstants.NOT_SET_STRING;

import io.synthlogs.AnomalyType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Injects a reproducible, labeled synthetic log stream into a test parameter or instance field.
 *
 * <pre>{@code
 * @Test
 * void flags_error_spikes(@SyntheticLogs(count = 5_000, anomalyRate = 0.2, anomalies = ERROR_SPIKE) LogStream logs) {
 *     var flagged = new ErrorRateDetector().scan(logs.unlabeled());
 *     assertThat(Evaluation.of(logs, flagged)).hasEpisodeRecallAtLeast(0.9).hasPrecisionAtLeast(0.8);
 * }
 * }</pre>
 *
 * <p>No registration is needed: the annotation carries its extension. It works on {@code @Test},
 * {@code @RepeatedTest}, {@code @TestFactory} and {@code @ParameterizedTest} methods (after the
 * arguments of the source), on constructors and {@code @BeforeEach}/{@code @BeforeAll} methods (each
 * unnamed parameter a stream of its own), on instance fields (filled before each test; static fields
 * are rejected) and as a meta-annotation of your own annotations, such as a {@code @BruteForceTraffic}.
 *
 * <p>Injectable types: {@code LogStream}, {@code List<LogEntry>}, {@code Stream<LogEntry>} (lazy: its
 * lines are generated as the test consumes them and are never all held, so {@code count = 10_000_000}
 * fits a small heap),
 * {@code List<Episode>} (the truth of the stream of the same {@link #name()}), {@code String} and
 * {@code List<String>} (rendered lines), {@code Path} (a file in a per-test temporary directory,
 * deleted after the test).
 *
 * <p>Every attribute left unset is taken from the closest {@link SyntheticLogsDefaults} (method, then
 * the test class and its enclosing classes), then from the JUnit configuration parameters in
 * {@link SyntheticLogsConstants}, then from the built-in defaults.
 *
 * <h2>Seeds</h2>
 * Unless {@link #seed()} pins it, each stream's seed is derived from the root seed
 * ({@code synthlogs.seed}, default {@value SyntheticLogsConstants#DEFAULT_ROOT_SEED}), the test's
 * unique id and the parameter index (or {@link #name()}). A test therefore sees the same data on
 * every run, and adding a test or reordering tests changes no other test's data. With
 * {@code synthlogs.seed.policy=RANDOM} the root seed is drawn afresh for each run.
 *
 * <h2>Reproducing failed tests</h2>
 * When a test that received synthetic logs fails, its exception carries a suppressed
 * {@code SyntheticLogsReproduction} that names every stream's seed and scenario, summarizes its
 * episodes, and gives two ways to get the same data back:
 * <pre>{@code
 * pin the data:   @SyntheticLogs(seed = 7310295012337455112L, ...)   // keep your other attributes
 * rerun exactly:  mvn test -Dtest='com.example.DetectorTest#flags_error_spikes' -Dsynthlogs.seed=42
 * }</pre>
 * (In a module of a multi-module build the command starts from the top: {@code cd '<top>' && ./mvnw -pl
 * <module> -am test …}.)
 * The generated lines of a failed test are also attached to it as a file (JUnit's
 * {@code publishFile}; streams of at most 1,000,000 lines), and every stream's seed is published as
 * a report entry.
 */
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(SyntheticLogsExtension.class)
public @interface SyntheticLogs {
    /** Lines to generate, {@code >= 0}; default {@value SyntheticLogsConstants#DEFAULT_COUNT}. */
    int count() default NOT_SET_INT;

    /** Expected fraction of anomalous lines, 0..1; default from the configuration (0.05). */
    double anomalyRate() default NOT_SET_DOUBLE;

    /** The anomaly kinds to inject; empty means every kind the configuration enables. */
    AnomalyType[] anomalies() default {};

    /** Source names to keep (e.g. {@code web-server}); empty means every configured source. */
    String[] sources() default {};

    /** Pins the stream's seed; unset means derived from the root seed (see above). */
    long seed() default NOT_SET_LONG;

    /**
     * ISO-8601 instant of the first line; default: the {@link #config()}'s {@code timestamps.start} if
     * it names an instant, else {@code 2024-01-01T00:00:00Z}; never "now".
     */
    String start() default NOT_SET_STRING;

    /** Classpath resource of a YAML configuration laid over the bundled default. */
    String config() default NOT_SET_STRING;

    /** Format of rendered targets: {@code json} (default) or {@code text}. */
    String format() default NOT_SET_STRING;

    /** Whether rendered targets include the labels; default {@link LabelMode#INCLUDE}. */
    LabelMode labels() default LabelMode.NOT_SET;

    /** Targets with the same name in one test share one generated stream. */
    String name() default NOT_SET_STRING;
}
