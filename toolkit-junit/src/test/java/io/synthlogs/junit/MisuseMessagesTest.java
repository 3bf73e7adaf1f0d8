package io.synthlogs.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlogs.AnomalyType;
import io.synthlogs.Episode;
import io.synthlogs.LogStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Every misuse fails with a message that names the exact element; each message is pinned here. */
class MisuseMessagesTest {
    private static final String OWNER = "MisuseMessagesTest$";

    private static String only(Class<?> cases, String... config) {
        EngineExecutionResults results = Kit.run(cases, config);
        List<Throwable> failures = results.allEvents().failed().stream()
                .map(e -> e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable()
                        .orElseThrow())
                .toList();
        assertThat(failures).hasSize(1);
        return failures.get(0).getMessage();
    }

    @Test
    void unsupported_parameter_type() {
        assertThat(only(UnsupportedType.class)).isEqualTo("Parameter [List<Integer> numbers] in method ["
                + OWNER + "UnsupportedType.m(List)] is annotated with @SyntheticLogs, but its type List<Integer> is"
                + " not supported; supported types: LogStream, List<LogEntry>, Stream<LogEntry>, List<Episode>,"
                + " String, List<String>, Path");
    }

    @Test
    void unsupported_field_type() {
        assertThat(only(UnsupportedField.class)).isEqualTo("Field [Integer " + OWNER
                + "UnsupportedField.lines] is annotated with @SyntheticLogs, but its type Integer is not supported;"
                + " supported types: LogStream, List<LogEntry>, Stream<LogEntry>, List<Episode>, String, List<String>,"
                + " Path");
    }

    @Test
    void static_field() {
        assertThat(only(StaticField.class)).isEqualTo("Field [LogStream " + OWNER + "StaticField.logs] is static,"
                + " but @SyntheticLogs fills instance fields before each test; make it an instance field or use a"
                + " parameter");
    }

    @Test
    void negative_count() {
        assertThat(only(NegativeCount.class)).isEqualTo("@SyntheticLogs(count = -5) on parameter [LogStream logs]"
                + " in method [" + OWNER + "NegativeCount.m(LogStream)]: count must be >= 0");
    }

    @Test
    void minus_one_is_a_mistake_not_the_default() {
        assertThat(only(MinusOne.class)).isEqualTo("@SyntheticLogs(count = -1) on parameter [LogStream logs]"
                + " in method [" + OWNER + "MinusOne.m(LogStream)]: count must be >= 0");
        assertThat(only(MinusOneRate.class)).isEqualTo("@SyntheticLogs(anomalyRate = -1.0) on parameter [LogStream logs]"
                + " in method [" + OWNER + "MinusOneRate.m(LogStream)]: -1.0 is not within [0, 1]");
    }

    @Test
    void a_shared_instance_of_concurrent_tests_cannot_have_fields_filled() {
        assertThat(only(SharedConcurrentInstance.class, "junit.jupiter.execution.parallel.enabled", "true"))
                .isEqualTo("Field [LogStream " + OWNER + "SharedConcurrentInstance.logs] is filled before each test,"
                        + " but the tests of its class share one instance (@TestInstance(PER_CLASS)) and run"
                        + " concurrently, so they would read each other's data; use a @SyntheticLogs parameter, the"
                        + " per-method lifecycle, or @Execution(SAME_THREAD)");
        // The outer instance of @Nested tests is shared just the same.
        assertThat(only(SharedOuterInstance.class, "junit.jupiter.execution.parallel.enabled", "true"))
                .startsWith("Field [LogStream " + OWNER + "SharedOuterInstance.logs] is filled before each test, but the"
                        + " tests of its class share one instance");
        // Without parallel execution the same class runs one test at a time: nothing to refuse.
        Kit.run(SharedConcurrentInstance.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void sources_that_cannot_show_the_kinds_asked_for() {
        assertThat(only(UnshowableKinds.class)).isEqualTo("@SyntheticLogs(sources, anomalies, anomalyRate) on parameter"
                + " [LogStream logs] in method [" + OWNER + "UnshowableKinds.m(LogStream)]: anomalies: the anomaly rate is"
                + " 0.2, but the sources [database] can show none of the enabled anomaly kinds [security_threat]; they"
                + " can show: error_spike, latency_degradation, resource_exhaustion, service_outage, data_anomaly;"
                + " enable a kind they can show, add a source that shows yours, or set the rate to 0");
    }

    @Test
    void start_that_is_not_an_instant() {
        assertThat(only(BadStart.class)).isEqualTo("@SyntheticLogs(start = \"yesterday\") on parameter [LogStream"
                + " logs] in method [" + OWNER + "BadStart.m(LogStream)]: not an ISO-8601 instant; write e.g."
                + " 2024-01-01T00:00:00Z");
    }

    @Test
    void unknown_format() {
        assertThat(only(BadFormat.class)).isEqualTo("@SyntheticLogs(format = \"xml\") on parameter [String text]"
                + " in method [" + OWNER + "BadFormat.m(String)]: unknown format 'xml'; allowed: json, text");
    }

    @Test
    void none_is_not_an_anomaly() {
        assertThat(only(NoneAnomaly.class)).isEqualTo("@SyntheticLogs(anomalies = NONE) on parameter [LogStream"
                + " logs] in method [" + OWNER + "NoneAnomaly.m(LogStream)]: NONE labels normal lines and cannot be"
                + " injected; allowed: [ERROR_SPIKE, LATENCY_DEGRADATION, SECURITY_THREAT, RESOURCE_EXHAUSTION,"
                + " SERVICE_OUTAGE, DATA_ANOMALY]");
    }

    @Test
    void unknown_source() {
        assertThat(only(UnknownSource.class)).isEqualTo("@SyntheticLogs(sources) on parameter [LogStream logs] in"
                + " method [" + OWNER + "UnknownSource.m(LogStream)]: unknown source 'mainframe'; configured:"
                + " web-server, application, database, infrastructure");
    }

    @Test
    void anomaly_rate_out_of_range() {
        assertThat(only(BadRate.class)).isEqualTo("@SyntheticLogs(anomalyRate = 1.5) on parameter [LogStream logs] in"
                + " method [" + OWNER + "BadRate.m(LogStream)]: 1.5 is not within [0, 1]");
    }

    @Test
    void missing_config_resource() {
        assertThat(only(MissingConfig.class)).isEqualTo("@SyntheticLogs(config) on parameter [LogStream logs] in"
                + " method [" + OWNER + "MissingConfig.m(LogStream)]: missing.yaml: no such classpath resource");
    }

    @Test
    void named_targets_that_ask_for_different_data() {
        assertThat(only(NameConflict.class)).isEqualTo("@SyntheticLogs(name = \"a\") on parameter [List<Episode>"
                + " truth] in method [" + OWNER + "NameConflict.m(LogStream, List)] shares its stream with parameter"
                + " [LogStream logs] in method [" + OWNER + "NameConflict.m(LogStream, List)], but asks for other data:"
                + " count = 10 (the stream has 100); set the data attributes on one of them only");
    }

    @Test
    void bad_defaults_name_the_class() {
        assertThat(only(BadDefaults.class)).isEqualTo("@SyntheticLogsDefaults(count = -2) on class [" + OWNER
                + "BadDefaults]: count must be >= 0");
    }

    @Test
    void bad_configuration_parameters_name_the_key() {
        assertThat(only(Fine.class, "synthlogs.seed", "abc"))
                .isEqualTo("Configuration parameter synthlogs.seed = 'abc' cannot be used: not a long integer");
        assertThat(only(Fine.class, "synthlogs.seed.policy", "SOMETIMES"))
                .isEqualTo("Configuration parameter synthlogs.seed.policy = 'SOMETIMES' cannot be used: allowed:"
                        + " STABLE, RANDOM");
        assertThat(only(Fine.class, "synthlogs.count", "-1"))
                .isEqualTo("Configuration parameter synthlogs.count = '-1' cannot be used: not within [0, 2147483647]");
        assertThat(only(Fine.class, "synthlogs.count", "3000000000"))
                .isEqualTo("Configuration parameter synthlogs.count = '3000000000' cannot be used: not within [0, 2147483647]");
        assertThat(only(Fine.class, "synthlogs.count", "many"))
                .isEqualTo("Configuration parameter synthlogs.count = 'many' cannot be used: not a whole number;"
                        + " allowed: 0 to 2147483647");
        assertThat(only(Fine.class, "synthlogs.anomalyRate", "2"))
                .isEqualTo("Configuration parameter synthlogs.anomalyRate = '2.0' cannot be used: 2.0 is not within [0, 1]");
        assertThat(only(Fine.class, "synthlogs.start", "yesterday"))
                .isEqualTo("Configuration parameter synthlogs.start = 'yesterday' cannot be used: not an ISO-8601"
                        + " instant; write e.g. 2024-01-01T00:00:00Z");
        assertThat(only(Fine.class, "synthlogs.labels", "maybe"))
                .isEqualTo("Configuration parameter synthlogs.labels = 'maybe' cannot be used: allowed: true, false");
        assertThat(only(Fine.class, "synthlogs.anomalies", "error_spike, none"))
                .isEqualTo("Configuration parameter synthlogs.anomalies = 'error_spike, none' cannot be used: none"
                        + " labels normal lines and cannot be injected; allowed: error_spike, latency_degradation,"
                        + " security_threat, resource_exhaustion, service_outage, data_anomaly");
        assertThat(only(Fine.class, "synthlogs.anomalies", "error_spike,meteor"))
                .isEqualTo("Configuration parameter synthlogs.anomalies = 'error_spike,meteor' cannot be used:"
                        + " unknown anomaly type 'meteor'; allowed: error_spike, latency_degradation,"
                        + " security_threat, resource_exhaustion, service_outage, data_anomaly");
    }

    static class UnsupportedType {
        @Test
        void m(@SyntheticLogs List<Integer> numbers) {}
    }

    static class UnsupportedField {
        @SyntheticLogs
        Integer lines;

        @Test
        void m() {}
    }

    static class StaticField {
        @SyntheticLogs
        static LogStream logs;

        @Test
        void m() {}
    }

    static class NegativeCount {
        @Test
        void m(@SyntheticLogs(count = -5) LogStream logs) {}
    }

    static class MinusOne {
        @Test
        void m(@SyntheticLogs(count = -1) LogStream logs) {}
    }

    static class MinusOneRate {
        @Test
        void m(@SyntheticLogs(anomalyRate = -1) LogStream logs) {}
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @Execution(ExecutionMode.CONCURRENT)
    static class SharedConcurrentInstance {
        @SyntheticLogs(count = 10)
        LogStream logs;

        @Test
        void m() {}
    }

    static class UnshowableKinds {
        @Test
        void m(@SyntheticLogs(count = 100, anomalyRate = 0.2, sources = "database", anomalies = AnomalyType.SECURITY_THREAT)
                LogStream logs) {}
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @Execution(ExecutionMode.CONCURRENT)
    static class SharedOuterInstance {
        @SyntheticLogs(count = 10)
        LogStream logs;

        @org.junit.jupiter.api.Nested
        @TestInstance(TestInstance.Lifecycle.PER_METHOD)
        class Inner {
            @Test
            void m() {}
        }
    }

    static class BadStart {
        @Test
        void m(@SyntheticLogs(start = "yesterday") LogStream logs) {}
    }

    static class BadFormat {
        @Test
        void m(@SyntheticLogs(format = "xml") String text) {}
    }

    static class NoneAnomaly {
        @Test
        void m(@SyntheticLogs(anomalies = AnomalyType.NONE) LogStream logs) {}
    }

    static class UnknownSource {
        @Test
        void m(@SyntheticLogs(sources = {"web-server", "mainframe"}) LogStream logs) {}
    }

    static class BadRate {
        @Test
        void m(@SyntheticLogs(anomalyRate = 1.5) LogStream logs) {}
    }

    static class MissingConfig {
        @Test
        void m(@SyntheticLogs(config = "missing.yaml") LogStream logs) {}
    }

    static class NameConflict {
        @Test
        void m(@SyntheticLogs(name = "a", count = 100) LogStream logs,
                @SyntheticLogs(name = "a", count = 10) List<Episode> truth) {}
    }

    @SyntheticLogsDefaults(count = -2)
    static class BadDefaults {
        @Test
        void m(@SyntheticLogs LogStream logs) {}
    }

    static class Fine {
        @Test
        void m(@SyntheticLogs(count = 10) LogStream logs) {}
    }
}
