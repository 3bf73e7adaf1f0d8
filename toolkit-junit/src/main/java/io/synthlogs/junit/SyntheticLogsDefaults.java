package io.synthlogs.junit;

import static io.synthlogs.junit.SyntheticLogsConstants.NOT_SET_DOUBLE;
import static io.synthlogs.junit.SyntheticLogsConstants.NOT_SET_INT;
import static io.synthlogs.junit.SyntheticLogsConstants.NOT_SET_STRING;

import io.synthlogs.AnomalyType;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Defaults for every {@link SyntheticLogs @SyntheticLogs} target of a test method, or of every test in
 * a class and its nested classes. The closest declaration wins attribute by attribute: parameter,
 * then method, then the closest enclosing class, then configuration parameters, then built-ins.
 *
 * <pre>{@code
 * @SyntheticLogsDefaults(count = 5_000, anomalyRate = 0.1, sources = "web-server")
 * class WebDetectorTest {
 *     @Test
 *     void quiet_traffic(@SyntheticLogs(anomalyRate = 0) LogStream logs) { … }   // 5 000 web lines, no anomalies
 * }
 * }</pre>
 *
 * <h2>Reproducing failed tests</h2>
 * Defaults are part of the scenario printed with a failure; rerunning with the printed
 * {@code -Dsynthlogs.seed} (defaults unchanged) reproduces the data.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface SyntheticLogsDefaults {
    /** See {@link SyntheticLogs#count()}. */
    int count() default NOT_SET_INT;

    /** See {@link SyntheticLogs#anomalyRate()}. */
    double anomalyRate() default NOT_SET_DOUBLE;

    /** See {@link SyntheticLogs#anomalies()}. */
    AnomalyType[] anomalies() default {};

    /** See {@link SyntheticLogs#sources()}. */
    String[] sources() default {};

    /** See {@link SyntheticLogs#start()}. */
    String start() default NOT_SET_STRING;

    /** See {@link SyntheticLogs#config()}. */
    String config() default NOT_SET_STRING;

    /** See {@link SyntheticLogs#format()}. */
    String format() default NOT_SET_STRING;

    /** See {@link SyntheticLogs#labels()}. */
    LabelMode labels() default LabelMode.NOT_SET;
}
