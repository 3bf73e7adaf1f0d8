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

    private static final Pattern N_OF_M = Pattern.compile("\\b(\\d+) of (\\d+)\\b");
    private static final Pattern POOL_STATS = Pattern.compile("total=(\\d+), active=(\\d+)");
    private static final Pattern ACCESS = Pattern.compile("HTTP/[12]\\.[01]\" (\\d{3}) (\\d+) ");

    /** No count passes the total the same line states ("attempt 4 of 3", "active=25" of 10). */
    @Test
    void counts_stay_within_the_totals_their_line_states() {
        int checked = 0;
        for (LogEntry e : stream.entries()) {
            var m = N_OF_M.matcher(e.message());
            while (m.find()) {
                checked++;
                assertThat(Long.parseLong(m.group(1))).as(e.message()).isLessThanOrEqualTo(Long.parseLong(m.group(2)));
            }
            m = POOL_STATS.matcher(e.message());
            if (m.find()) {
                checked++;
                assertThat(Long.parseLong(m.group(2))).as(e.message()).isLessThanOrEqualTo(Long.parseLong(m.group(1)));
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    /** A server starts or renews its certificate far less often than it serves a request. */
    @Test
    void lifecycle_events_are_rare_beside_requests() {
        java.util.Set<String> lifecycle = java.util.Set.of("W013", "W015", "A013", "A014");
        long info = stream.entries().stream().filter(e -> !e.isAnomaly() && e.level() == Level.INFO
                && (e.source().equals("web-server") || e.source().equals("application"))).count();
        long events = stream.entries().stream().filter(e -> lifecycle.contains(e.labels().eventId())).count();
        assertThat((double) events / info).as("%d lifecycle events in %d INFO lines", events, info).isBetween(0.001, 0.02);
    }

    private static final Pattern REQUEST = Pattern.compile("\"(GET|POST|PUT|DELETE|PATCH) (/[^ ?\"]*)");

    /** A request's method fits its path and its status its method: no GET to log in, no 201 for a GET. */
    @Test
    void methods_fit_their_paths_and_statuses_their_methods() {
        int checked = 0;
        for (LogEntry e : stream.entries()) {
            var m = REQUEST.matcher(e.message());
            if (!m.find() || e.isAnomaly()) {
                continue;
            }
            checked++;
            String method = m.group(1);
            String path = m.group(2);
            if (path.startsWith("/api/v1/auth/") || path.equals("/api/v1/shipping/quote")) {
                assertThat(method).as(e.message()).isEqualTo("POST");
            }
            if (path.startsWith("/static") || path.equals("/health") || path.equals("/metrics") || path.equals("/")
                    || path.equals("/api/v1/search")) {
                assertThat(method).as(e.message()).isEqualTo("GET");
            }
            Integer status = e.statusCode();
            if (status != null && status == 201) {
                assertThat(method).as(e.message()).isEqualTo("POST");
            }
            if (status != null && status == 304) {
                assertThat(method).as(e.message()).isEqualTo("GET");
            }
            if (status != null && status == 204) {
                assertThat(method).as(e.message()).isNotEqualTo("GET");
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    private static final Pattern CLIENT_PORT = Pattern.compile("(?:Accepted |accepted from |with |Client |port=)(?:(?:\\d+\\.){3}\\d+:)?(\\d+)\\b");

    /** A database's clients are inside the network, nobody connects from loopback, clients use ephemeral ports. */
    @Test
    void addresses_and_ports_fit_who_uses_them() {
        int ports = 0;
        for (LogEntry e : stream.entries()) {
            if (e.ipAddress() != null && e.labels().field() == null) {
                assertThat(e.ipAddress()).as(e.message()).doesNotStartWith("127.");
                if (e.source().equals("database") && !e.isAnomaly()) {
                    assertThat(e.ipAddress()).as(e.message()).startsWith("10.");
                }
            }
            var m = CLIENT_PORT.matcher(e.message());
            if (m.find() && (e.source().equals("database") || e.message().startsWith("SSL handshake"))) {
                ports++;
                assertThat(Integer.parseInt(m.group(1))).as(e.message()).isBetween(32_768, 60_999);
            }
        }
        assertThat(ports).isGreaterThan(50);
    }

    /** An access log's body size fits its status: none for 204 and 304, a short error page from 400 on. */
    @Test
    void response_bodies_fit_their_status() {
        int checked = 0;
        for (LogEntry e : stream.entries()) {
            var m = ACCESS.matcher(e.message());
            if (m.find() && e.labels().field() == null) {
                checked++;
                int status = Integer.parseInt(m.group(1));
                long bytes = Long.parseLong(m.group(2));
                assertThat(status).as(e.message()).isEqualTo(e.statusCode());
                if (status == 204 || status == 304) {
                    assertThat(bytes).as(e.message()).isZero();
                } else if (status >= 400 && status != 499) {
                    assertThat(bytes).as(e.message()).isBetween(150L, 600L);
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
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
