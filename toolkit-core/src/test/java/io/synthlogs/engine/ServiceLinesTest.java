package io.synthlogs.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlogs.LogEntry;
import io.synthlogs.LogStream;
import io.synthlogs.Scenario;
import io.synthlogs.config.ConfigLoader;
import io.synthlogs.config.SourceKind;
import io.synthlogs.config.SynthConfig;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Who says what. Infrastructure lines report on a pod of an application workload: what the message
 * names agrees with that pod, and counts stay within the cluster. A message of one product's kind
 * ({@code [from=…]}: a Kubernetes event, PostgreSQL's or nginx's own log line, a payment captured)
 * comes from that service, and no service is left without lines at some level.
 */
class ServiceLinesTest {
    private static final int LINES = 200_000;
    private static final Pattern NODES_FEASIBLE = Pattern.compile("(\\d+) nodes feasible");
    private static final Pattern NODES_AVAILABLE = Pattern.compile("0/(\\d+) nodes are available");
    private static final Pattern POD_SUFFIX = Pattern.compile("-[0-9a-f]{9}-[0-9a-f]{5}$");

    private static List<LogEntry> infrastructure(SynthConfig config, int seed) {
        return LogStream.generate(Scenario.of(config, seed), LINES).entries().stream()
                .filter(e -> e.source().equals("infrastructure")).toList();
    }

    private static SynthConfig defaults() {
        return ConfigLoader.builder().set("anomalies.rate", 0.2, "test").build();
    }

    @Test
    void a_workload_the_message_names_is_the_workload_of_the_lines_pod() {
        SynthConfig config = defaults();
        List<String> workloads = config.sources().stream().filter(s -> s.kind() == SourceKind.APPLICATION)
                .flatMap(s -> s.services().stream()).toList();
        Pattern named = Pattern.compile("\\b(" + String.join("|", workloads) + ")\\b");
        int checked = 0;
        for (LogEntry e : infrastructure(config, 11)) {
            if (e.pod() == null) {
                continue;
            }
            String workload = POD_SUFFIX.matcher(e.pod()).replaceFirst("");
            Matcher m = named.matcher(e.message());
            while (m.find()) {
                checked++;
                assertThat(m.group(1)).as("#%d %s (pod %s)", e.index(), e.message(), e.pod()).isEqualTo(workload);
            }
        }
        assertThat(checked).as("workloads named by messages").isGreaterThan(5_000);
    }

    @Test
    void node_counts_stay_within_the_cluster_and_etcd_has_three_members() {
        int counts = 0;
        for (LogEntry e : infrastructure(defaults(), 12)) {
            for (Pattern p : List.of(NODES_FEASIBLE, NODES_AVAILABLE)) {
                Matcher m = p.matcher(e.message());
                if (m.find()) {
                    counts++;
                    assertThat(Integer.parseInt(m.group(1))).as(e.message()).isBetween(1, Values.CLUSTER_NODES);
                }
            }
            if (e.message().contains("etcd cluster unavailable")) {
                assertThat(e.message()).contains("2 of 3 members unreachable");
            }
            if (e.node() != null) {
                assertThat(Integer.parseInt(e.node().substring("node-".length()))).isBetween(1, Values.CLUSTER_NODES);
            }
        }
        assertThat(counts).as("lines counting nodes").isGreaterThan(100);
    }

    @Test
    void kubernetes_events_come_from_kubernetes_where_the_source_has_it_and_from_any_service_where_not() {
        Set<String> events = TemplateCatalog.bundled().all().stream().filter(t -> "kubernetes".equals(t.from))
                .map(t -> t.eventId).collect(Collectors.toSet());
        assertThat(events).contains("I007", "I010", "I024", "I031");

        Map<String, Long> byService = infrastructure(defaults(), 13).stream()
                .filter(e -> events.contains(e.labels().eventId()))
                .collect(Collectors.groupingBy(LogEntry::service, Collectors.counting()));
        assertThat(byService).containsOnlyKeys("kubernetes");

        SynthConfig renamed = ConfigLoader.builder().yaml("""
                sources:
                  - {name: infrastructure, kind: infrastructure, weight: 1, services: [k8s-prod, node-exporter]}
                """, "test").build();
        Map<String, Long> elsewhere = infrastructure(renamed, 13).stream()
                .filter(e -> events.contains(e.labels().eventId()))
                .collect(Collectors.groupingBy(LogEntry::service, Collectors.counting()));
        assertThat(elsewhere).containsOnlyKeys("k8s-prod", "node-exporter");
    }

    /**
     * Every {@code [from=…]} message (a Kubernetes event, PostgreSQL's own log lines) comes from that
     * service in the default sources, anomalies included: redis and mongodb no longer speak PostgreSQL.
     */
    @Test
    void messages_of_a_services_kind_come_from_that_service_where_the_source_has_it() {
        Map<String, String> fromById = TemplateCatalog.bundled().all().stream().filter(t -> t.from != null)
                .collect(Collectors.toMap(t -> t.eventId, t -> t.from));
        assertThat(fromById.values()).contains("kubernetes", "postgresql", "nginx", "traefik", "payment-service");
        int checked = 0;
        for (LogEntry e : LogStream.generate(Scenario.of(defaults(), 14), LINES).entries()) {
            String from = fromById.get(e.labels().eventId());
            if (from != null) {
                checked++;
                assertThat(e.service()).as("#%d %s", e.index(), e.message()).isEqualTo(from);
            }
        }
        assertThat(checked).isGreaterThan(10_000);
    }

    @Test
    void every_database_service_logs_at_every_level_of_its_own_and_can_slow_down() {
        SynthConfig config = defaults();
        TrafficModel traffic = new TrafficModel(config, TemplateCatalog.bundled());
        SynthConfig.Source source = config.sources().stream().filter(s -> s.kind() == SourceKind.DATABASE)
                .findFirst().orElseThrow();
        for (String service : source.services()) {
            Template[][] byLevel = traffic.normalOf(source, service);
            for (io.synthlogs.Level level : io.synthlogs.Level.values()) {
                assertThat(byLevel[level.ordinal()]).as("%s at %s", service, level).isNotEmpty();
            }
            assertThat(byLevel[io.synthlogs.Level.INFO.ordinal()]).as("%s: a line with a response time", service)
                    .anyMatch(t -> t.uses(Var.LATENCY));
        }
    }

    /** Marking a product's messages its own leaves no service of the default sources without lines at some level. */
    @Test
    void every_service_logs_at_every_level_of_its_own() {
        SynthConfig config = defaults();
        TrafficModel traffic = new TrafficModel(config, TemplateCatalog.bundled());
        for (SynthConfig.Source source : config.sources()) {
            for (String service : source.services()) {
                Template[][] byLevel = traffic.normalOf(source, service);
                for (io.synthlogs.Level level : io.synthlogs.Level.values()) {
                    assertThat(byLevel[level.ordinal()]).as("%s at %s", service, level).isNotEmpty();
                }
            }
        }
    }
}
