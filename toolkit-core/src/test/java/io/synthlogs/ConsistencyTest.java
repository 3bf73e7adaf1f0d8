package io.synthlogs;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlogs.config.ConfigLoader;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a line says agrees with its structured fields. */
class ConsistencyTest {
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    private final LogStream stream = LogStream.generate(
            Scenario.of(ConfigLoader.builder().set("anomalies.rate", 0.1, "test").build(), 77), 30_000);

    @Test
    void messages_quote_the_fields_they_mention() {
        for (LogEntry e : stream.entries()) {
            String template = e.labels().eventTemplate();
            if (e.endpoint() != null && e.labels().field() == null) {
                assertThat(e.message()).as(e.message()).contains(e.endpoint());
            }
            if (e.method() != null && template.contains("<*>")) {
                assertThat(e.message()).contains(e.method());
            }
            if (e.responseTimeMs() != null && e.labels().field() == null) {
                assertThat(e.message()).contains(String.format(java.util.Locale.ROOT, "%.2f", e.responseTimeMs()));
            }
        }
    }

    /** The products a message may name at its start, and the service whose lines they are. */
    private static final java.util.Map<String, String> PRODUCTS = java.util.Map.ofEntries(
            java.util.Map.entry("redis", "redis"), java.util.Map.entry("mongodb", "mongodb"),
            java.util.Map.entry("prometheus", "prometheus"), java.util.Map.entry("alertmanager", "prometheus"),
            java.util.Map.entry("grafana", "grafana"), java.util.Map.entry("kubelet", "kubernetes"),
            java.util.Map.entry("kube-scheduler", "kubernetes"), java.util.Map.entry("etcd", "kubernetes"),
            java.util.Map.entry("dockerd", "docker"), java.util.Map.entry("containerd", "docker"));
    private static final Pattern PRODUCT_PREFIX = Pattern.compile("^(redis|mongodb|prometheus|alertmanager|grafana"
            + "|kubelet|kube-scheduler|etcd|dockerd|containerd)\\b");

    @Test
    void a_message_that_names_a_product_is_that_products_line_anomalies_included() {
        LogStream mixed = LogStream.generate(Scenario.of(ConfigLoader.builder().set("anomalies.rate", 0.3, "test").build(), 5),
                100_000);
        int named = 0;
        for (LogEntry e : mixed.entries()) {
            var m = PRODUCT_PREFIX.matcher(e.message());
            if (m.find()) {
                named++;
                assertThat(e.service()).as("#%d %s", e.index(), e.message()).isEqualTo(PRODUCTS.get(m.group(1)));
            }
        }
        assertThat(named).as("lines naming a product").isGreaterThan(1000);
    }

    @Test
    void web_levels_and_status_codes_agree() {
        for (LogEntry e : stream.entries()) {
            if (e.statusCode() == null || e.labels().field() != null || e.isAnomaly()) {
                continue;
            }
            int status = e.statusCode();
            switch (e.level()) {
                case DEBUG, INFO -> assertThat(status).as(e.message()).isLessThan(400);
                case WARNING -> assertThat(status).as(e.message()).isBetween(400, 499);
                case ERROR, CRITICAL -> assertThat(status).as(e.message()).isGreaterThanOrEqualTo(500);
            }
        }
    }

    @Test
    void request_lines_carry_request_trace_and_span_ids() {
        long requestLines = 0;
        for (LogEntry e : stream.entries()) {
            if (e.traceId() != null) {
                requestLines++;
                assertThat(e.traceId()).matches("[0-9a-f]{32}");
                assertThat(e.spanId()).matches("[0-9a-f]{16}");
                if (e.labels().field() == null) {
                    assertThat(e.requestId()).matches(UUID);
                }
            }
            if (e.method() != null || e.statusCode() != null && e.labels().field() == null) {
                assertThat(e.traceId()).as(e.message()).isNotNull();
            }
        }
        assertThat(requestLines).isGreaterThan(stream.size() / 4);
    }

    @Test
    void sources_and_services_come_from_the_configuration() {
        var config = stream.scenario().config();
        for (LogEntry e : stream.entries()) {
            var source = config.sources().stream().filter(s -> s.name().equals(e.source())).findFirst();
            assertThat(source).as(e.source()).isPresent();
            assertThat(source.get().services()).contains(e.service());
        }
    }

    @Test
    void sources_follow_their_weights() {
        long web = stream.entries().stream().filter(e -> !e.isAnomaly() && e.source().equals("web-server")).count();
        long normal = stream.size() - stream.anomalyCount();
        assertThat((double) web / normal).isBetween(0.36, 0.44);
    }
}
