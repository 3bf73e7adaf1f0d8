package io.synthlogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every kind shows in the lines it marks with signal: true. */
class AnomalySignalTest {

    private static List<LogEntry> linesOf(LogStream stream, Episode episode) {
        return stream.entries().stream().filter(e -> episode.id().equals(e.labels().episodeId())).toList();
    }

    @Test
    void error_spikes_are_errors_of_one_service_and_5xx_on_web() {
        LogStream stream = Fixtures.streamOf(AnomalyType.ERROR_SPIKE, 1, 10_000);
        assertThat(stream.episodes()).hasSizeGreaterThan(10);
        for (Episode episode : stream.episodes()) {
            List<LogEntry> lines = linesOf(stream, episode);
            assertThat(lines).allMatch(e -> e.level().isError() && e.labels().signal());
            assertThat(lines).extracting(LogEntry::service).containsOnly(episode.services().get(0));
            assertThat(lines).filteredOn(e -> e.statusCode() != null).allMatch(e -> e.statusCode() >= 500);
            // The spike holds error_rate of the lines in its window.
            long window = episode.lastIndex() - episode.firstIndex() + 1;
            if (!episode.truncated()) {
                assertThat((double) lines.size() / window).isGreaterThan(0.5);
            }
        }
        double errorShareOutside = stream.entries().stream().filter(e -> !e.isAnomaly())
                .filter(e -> e.level().isError()).count() / (double) (stream.size() - stream.anomalyCount());
        assertThat(errorShareOutside).isLessThan(0.15);
    }

    @Test
    void latency_degradation_ramps_to_the_multiplier() {
        LogStream stream = Fixtures.streamOf(AnomalyType.LATENCY_DEGRADATION, 2, 20_000);
        Set<String> services = stream.episodes().stream().map(e -> e.services().get(0)).collect(Collectors.toSet());
        assertThat(stream.episodes()).hasSizeGreaterThan(10);
        for (Episode episode : stream.episodes().stream().filter(e -> !e.truncated()).toList()) {
            List<LogEntry> lines = linesOf(stream, episode);
            assertThat(lines).allMatch(e -> e.responseTimeMs() != null && e.service().equals(episode.services().get(0)));
            // While it is slow, the service logs nothing but the episode: no request of it at normal speed.
            assertThat(stream.entries().subList((int) episode.firstIndex(), (int) episode.lastIndex() + 1))
                    .filteredOn(e -> e.service().equals(episode.services().get(0)))
                    .allMatch(e -> episode.id().equals(e.labels().episodeId()));
            // The true ratio of the last fifth to the first is about 3.2 at multiplier 5; 2 leaves room
            // for the per-line noise over ~70 episodes while a flat or broken ramp (about 1) fails.
            int fifth = lines.size() / 5;
            double early = mean(lines.subList(0, fifth));
            double late = mean(lines.subList(lines.size() - fifth, lines.size()));
            assertThat(late / early).as("slowdown in %s: %s", episode.id(), lines.stream().map(LogEntry::responseTimeMs).toList()).isGreaterThan(2.0);
            assertThat(lines.get(lines.size() - 1).labels().anomalyScore()).isEqualTo(1.0);
        }
        assertThat(services).isNotEmpty();
        latencySignalIsSlowerThanNearlyAllNormalLines(stream);
        java.util.regex.Pattern quoted = java.util.regex.Pattern.compile("(?:threshold|budget|statement=) ?(\\d+)ms");
        long slowLines = 0;
        for (LogEntry e : stream.entries()) {
            java.util.regex.Matcher m = quoted.matcher(e.message());
            if (m.find()) {
                slowLines++;
                assertThat(e.responseTimeMs()).as(e.message()).isGreaterThanOrEqualTo(Double.parseDouble(m.group(1)));
            }
        }
        assertThat(slowLines).as("slow-request lines that quote a threshold").isGreaterThan(10);
    }

    /**
     * A latency line is signal when it is slow on its own: one threshold per source splits signal from
     * other episode lines, and only about 5 % of that source's normal lines reach it. The start of a
     * ramp is not signal; nearly all of a ramp's last fifth is.
     */
    private static void latencySignalIsSlowerThanNearlyAllNormalLines(LogStream stream) {
        java.util.Map<String, Double> slowestQuiet = new java.util.HashMap<>();
        java.util.Map<String, Double> fastestSignal = new java.util.HashMap<>();
        long late = 0;
        long lateSignal = 0;
        for (Episode episode : stream.episodes()) {
            List<LogEntry> lines = linesOf(stream, episode);
            for (int i = 0; i < lines.size(); i++) {
                LogEntry e = lines.get(i);
                (e.labels().signal() ? fastestSignal : slowestQuiet).merge(e.source(), e.responseTimeMs(),
                        e.labels().signal() ? Math::min : Math::max);
                if (!episode.truncated() && i >= lines.size() * 4 / 5) {
                    late++;
                    lateSignal += e.labels().signal() ? 1 : 0;
                }
            }
            assertThat(lines.get(0).labels().signal()).as("%s starts at normal speed", episode.id()).isFalse();
        }
        assertThat(fastestSignal).isNotEmpty();
        fastestSignal.forEach((source, threshold) -> {
            assertThat(slowestQuiet.getOrDefault(source, 0.0)).as("%s: slowest line not signal", source)
                    .isLessThan(threshold);
            List<Double> normal = stream.entries().stream()
                    .filter(e -> !e.isAnomaly() && source.equals(e.source()) && e.responseTimeMs() != null)
                    .map(LogEntry::responseTimeMs).toList();
            double reaching = normal.stream().filter(t -> t >= threshold).count() / (double) normal.size();
            assertThat(reaching).as("%s: share of %d normal lines as slow as signal (%s ms)", source, normal.size(),
                    threshold).isBetween(0.02, 0.08);
        });
        assertThat((double) lateSignal / late).as("signal share of the ramps' last fifths").isGreaterThan(0.8);
    }

    private static double mean(List<LogEntry> lines) {
        return lines.stream().mapToDouble(LogEntry::responseTimeMs).average().orElseThrow();
    }

    @Test
    void security_threats_come_from_one_attacker_against_one_target() {
        LogStream stream = Fixtures.streamOf(AnomalyType.SECURITY_THREAT, 3, 20_000);
        Set<String> subtypes = stream.episodes().stream().map(Episode::subtype).collect(Collectors.toSet());
        assertThat(subtypes).containsExactlyInAnyOrder("brute_force", "sql_injection", "xss_attempt", "unauthorized_access");
        int lockouts = 0;
        for (Episode episode : stream.episodes()) {
            List<LogEntry> lines = linesOf(stream, episode);
            String attacker = (String) episode.parameters().get("attacker_ip");
            assertThat(lines).allMatch(e -> attacker.equals(e.ipAddress()) || e.message().contains(attacker));
            switch (episode.subtype()) {
                case "brute_force" -> {
                    String user = (String) episode.parameters().get("target_user");
                    assertThat(lines).allMatch(e -> user.equals(e.userId()) || e.message().contains(user));
                    assertThat(lines.stream().filter(e -> Integer.valueOf(401).equals(e.statusCode())).count())
                            .isGreaterThanOrEqualTo(lines.size() / 2);
                    lockouts += assertLockoutHolds(lines);
                }
                case "sql_injection" -> assertThat(lines).allMatch(e -> e.message().matches(".*('|;|--|UNION|SLEEP|xp_).*"));
                case "xss_attempt" -> assertThat(lines).allMatch(e -> e.message().matches("(?s).*(<|javascript:).*"));
                default -> assertThat(lines).allMatch(e -> e.statusCode() != null && e.statusCode() >= 401 && e.statusCode() <= 403);
            }
        }
        assertThat(lockouts).as("brute-force episodes with a lockout").isPositive();
    }

    /**
     * A lockout counts the failed attempts before it, and holds: the attempts after it are turned away
     * (423 for a locked account, 429 for a blocked address), not told their password is wrong.
     */
    private static int assertLockoutHolds(List<LogEntry> lines) {
        int lockouts = 0;
        java.util.regex.Pattern counted = java.util.regex.Pattern.compile("(?:after|: ) ?(\\d+) failed login attempts");
        for (int i = 0; i < lines.size(); i++) {
            var m = counted.matcher(lines.get(i).message());
            if (m.find()) {
                lockouts++;
                assertThat(Integer.parseInt(m.group(1))).as(lines.get(i).message()).isEqualTo(i);
                int answer = lines.get(i).statusCode() == 429 ? 429 : 423;
                assertThat(lines.subList(i + 1, lines.size())).as("after: %s", lines.get(i).message())
                        .allMatch(e -> e.statusCode() == answer);
            }
        }
        return lockouts;
    }

    @Test
    void resource_exhaustion_climbs_a_usage_percentage_on_one_service() {
        LogStream stream = Fixtures.streamOf(AnomalyType.RESOURCE_EXHAUSTION, 4, 20_000);
        for (Episode episode : stream.episodes().stream().filter(e -> !e.truncated()).toList()) {
            List<LogEntry> lines = linesOf(stream, episode);
            assertThat(lines).extracting(LogEntry::service).containsOnly(episode.services().get(0));
            assertThat(lines).extracting(LogEntry::resource).containsOnly(episode.subtype());
            assertThat(lines).allMatch(e -> e.usagePercent() >= 79.5 && e.message().contains(fixed1(e.usagePercent()) + "%"));
            assertThat(lines.get(lines.size() - 1).usagePercent()).isGreaterThan(lines.get(0).usagePercent() + 10);
        }
        List<LogEntry> normal = stream.entries().stream().filter(e -> !e.isAnomaly() && e.usagePercent() != null).toList();
        assertThat(normal).isNotEmpty().allMatch(e -> e.usagePercent() < 70);
        // Connections run out in databases and on nodes alike.
        assertThat(stream.episodes().stream().filter(e -> "connections".equals(e.subtype()))
                .map(e -> linesOf(stream, e).get(0).source()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("database", "infrastructure");
    }

    private static String fixed1(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }

    @Test
    void a_complete_outage_silences_its_service_and_its_callers_fail() {
        LogStream stream = Fixtures.streamOf(AnomalyType.SERVICE_OUTAGE, 5, 20_000);
        assertThat(stream.episodes()).extracting(Episode::subtype).contains("complete", "intermittent");
        for (Episode episode : stream.episodes()) {
            String target = (String) episode.parameters().get("target");
            List<LogEntry> lines = linesOf(stream, episode);
            assertThat(lines).allMatch(e -> e.message().contains(target) || e.service().equals(target));
            assertThat(lines.stream().filter(e -> e.level().isError()).count()).isGreaterThanOrEqualTo(lines.size() / 2);
            if (episode.subtype().equals("complete")) {
                boolean targetSpokeNormally = stream.entries().subList((int) episode.firstIndex(), (int) episode.lastIndex() + 1)
                        .stream().anyMatch(e -> !e.isAnomaly() && e.service().equals(target));
                assertThat(targetSpokeNormally).as("%s logged normally during its outage", target).isFalse();
            } else {
                assertThat(lines).anyMatch(e -> !e.level().isError());
            }
        }
    }

    @Test
    void data_anomalies_break_the_named_field_itself() {
        LogStream stream = Fixtures.streamOf(AnomalyType.DATA_ANOMALY, 6, 20_000);
        assertThat(stream.episodes()).extracting(Episode::subtype).contains("null_values", "out_of_range", "format_error");
        for (Episode episode : stream.episodes()) {
            String field = (String) episode.parameters().get("field");
            for (LogEntry e : linesOf(stream, episode)) {
                assertThat(e.labels().field()).isEqualTo(field);
                assertThat(e.message()).contains(field);
                Object value = FieldValues.of(e, field);
                switch (episode.subtype()) {
                    case "null_values" -> assertThat(value).isNull();
                    case "out_of_range" -> assertThat(value).isNotNull().satisfies(v -> assertThat(
                            v instanceof Integer s ? s < 100 || s > 599 : ((Double) v) < 0 || ((Double) v) > 1_000_000).isTrue());
                    default -> assertThat(String.valueOf(value)).doesNotMatch(
                            "(\\d{1,3}\\.){3}\\d{1,3}|[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|user_\\d{4}");
                }
            }
        }
    }
}
