package io.synthlogs;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlogs.config.ConfigLoader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The episode manifest and the line labels tell the same story. */
class GroundTruthTest {
    private final LogStream stream = LogStream.generate(
            Scenario.of(ConfigLoader.builder().set("anomalies.rate", 0.15, "test").build(), 21), 30_000);

    @Test
    void every_anomalous_line_belongs_to_exactly_one_listed_episode() {
        Map<String, Episode> byId = stream.episodes().stream().collect(Collectors.toMap(Episode::id, e -> e));
        for (LogEntry e : stream.entries()) {
            if (e.isAnomaly()) {
                Episode episode = byId.get(e.labels().episodeId());
                assertThat(episode).as("episode of line %d", e.index()).isNotNull();
                assertThat(episode.contains(e.index())).isTrue();
                assertThat(e.labels().anomalyType()).isEqualTo(episode.type());
                assertThat(e.labels().subtype()).isEqualTo(episode.subtype());
                assertThat(e.labels().anomalyScore()).isBetween(0.0, 1.0);
            } else {
                assertThat(e.labels().anomalyType()).isEqualTo(AnomalyType.NONE);
                assertThat(e.labels().episodeId()).isNull();
                assertThat(e.labels().signal()).isFalse();
                assertThat(e.labels().anomalyScore()).isZero();
            }
        }
    }

    @Test
    void episodes_start_and_end_on_their_own_lines_and_do_not_overlap() {
        List<Episode> episodes = stream.episodes();
        assertThat(episodes).hasSizeGreaterThan(50);
        assertThat(episodes).extracting(Episode::type).containsAll(AnomalyType.injectable());
        for (int i = 0; i < episodes.size(); i++) {
            Episode ep = episodes.get(i);
            LogEntry first = stream.entries().get((int) ep.firstIndex());
            LogEntry last = stream.entries().get((int) ep.lastIndex());
            assertThat(first.labels().episodeId()).isEqualTo(ep.id());
            assertThat(last.labels().episodeId()).isEqualTo(ep.id());
            assertThat(ep.start()).isEqualTo(first.timestamp());
            assertThat(ep.end()).isEqualTo(last.timestamp());
            long own = stream.entries().stream().filter(e -> ep.id().equals(e.labels().episodeId())).count();
            assertThat(own).isEqualTo(ep.lineCount());
            if (!ep.truncated()) {
                assertThat(ep.lineCount()).isEqualTo(((Number) ep.parameters().get("duration_logs")).longValue());
            }
            if (i > 0) {
                assertThat(ep.firstIndex()).isGreaterThan(episodes.get(i - 1).lastIndex());
            }
        }
    }

    @Test
    void only_a_latency_ramp_start_is_anomalous_without_signal() {
        assertThat(stream.entries()).filteredOn(e -> e.isAnomaly() && !e.labels().signal())
                .isNotEmpty()
                .allMatch(e -> e.labels().anomalyType() == AnomalyType.LATENCY_DEGRADATION);
    }

    /** A Redis outage: Redis is silent (it has no crash lines of its own) and nobody logs PostgreSQL's. */
    @Test
    void a_redis_outage_leaves_redis_silent_and_borrows_no_other_database_s_messages() {
        LogGenerator generator = LogGenerator.of(Scenario.of(ConfigLoader.defaults(), 8));
        generator.inject(AnomalyType.SERVICE_OUTAGE, "complete", 300, "redis");
        List<LogEntry> lines = generator.take(300);
        assertThat(lines).noneMatch(e -> e.service().equals("redis"));
        assertThat(lines).noneMatch(e -> e.message().contains("recovery mode") || e.message().contains("ready to accept"));
        assertThat(lines).anyMatch(e -> e.message().contains("redis")); // its callers say so
    }

    /**
     * Callers of a dead service also time out, after their whole 30 or 60 s in the field and the
     * message, but only once the service has been down that long; the recovery line says how long it
     * was down, and the target keeps its port throughout.
     */
    @Test
    void outages_time_out_only_when_they_have_lasted_the_timeout_and_recover_after_their_real_length() {
        LogGenerator generator = LogGenerator.of(Scenario.of(ConfigLoader.defaults(), 5));
        java.util.regex.Pattern after = java.util.regex.Pattern.compile("after (\\d+\\.\\d)s");
        int timeouts = 0;
        int longTimeouts = 0;
        for (int i = 0; i < 3; i++) {
            // At 50 lines a second, 4,000 lines are 80 s down.
            generator.inject(AnomalyType.SERVICE_OUTAGE, "complete", 4000, null);
            List<LogEntry> lines = generator.take(4000);
            java.time.Instant start = lines.get(0).timestamp();
            String episode = lines.get(0).labels().episodeId();
            java.util.Set<String> ports = new java.util.HashSet<>();
            for (LogEntry e : lines) {
                assertThat(e.labels().episodeId()).isEqualTo(episode);
                double down = java.time.Duration.between(start, e.timestamp()).toNanos() / 1e9;
                if (Integer.valueOf(504).equals(e.statusCode())) {
                    timeouts++;
                    double waited = e.responseTimeMs() >= 60_000 ? 60 : 30;
                    longTimeouts += waited == 60 ? 1 : 0;
                    assertThat(e.responseTimeMs()).isBetween(waited * 1000, waited * 1000 + 40);
                    assertThat(down).as("%s, %.1f s into the outage", e.message(), down).isGreaterThanOrEqualTo(waited);
                    assertThat(e.message()).contains(String.format(java.util.Locale.ROOT, "%.2fms", e.responseTimeMs()));
                }
                var port = java.util.regex.Pattern.compile(":(\\d+)\\b").matcher(e.message());
                if (e.message().contains("upstream") || e.message().contains("calling")) {
                    while (port.find()) {
                        ports.add(port.group(1));
                    }
                }
            }
            LogEntry last = lines.get(lines.size() - 1);
            var quoted = after.matcher(last.message());
            if (quoted.find()) {
                double length = java.time.Duration.between(start, last.timestamp()).toNanos() / 1e9;
                assertThat(Double.parseDouble(quoted.group(1))).as(last.message()).isCloseTo(length,
                        org.assertj.core.data.Offset.offset(0.11));
            }
            assertThat(ports).as("ports the target is called on").hasSizeLessThanOrEqualTo(1);
        }
        assertThat(timeouts).isGreaterThan(20);
        assertThat(longTimeouts).isPositive();
    }

    /** A database goes down: applications fail to reach it, no web server claims it as its upstream. */
    @Test
    void a_database_outage_is_reported_by_its_callers_the_applications() {
        LogGenerator generator = LogGenerator.of(Scenario.of(ConfigLoader.defaults(), 6));
        for (String database : List.of("postgresql", "mongodb", "redis")) {
            generator.inject(AnomalyType.SERVICE_OUTAGE, "complete", 60, database);
            for (LogEntry e : generator.take(60)) {
                assertThat(e.source()).as(e.message()).isIn("application", "database");
                assertThat(e.message()).as(e.message()).doesNotContain("http://");
            }
        }
    }

    /** A one-line episode (the server's forced line) shows the anomaly, not how it ended: no recovery, no success. */
    @Test
    void a_one_line_outage_or_brute_force_shows_the_failure() {
        for (long seed = 1; seed <= 40; seed++) {
            LogGenerator generator = LogGenerator.of(Scenario.of(ConfigLoader.defaults(), seed));
            generator.take(10);
            generator.inject(AnomalyType.SERVICE_OUTAGE, "complete", 1, null);
            LogEntry outage = generator.next();
            assertThat(outage.level()).as(outage.message()).isIn(Level.WARNING, Level.ERROR, Level.CRITICAL);
            generator.inject(AnomalyType.SECURITY_THREAT, "brute_force", 1, null);
            LogEntry attack = generator.next();
            assertThat(attack.message()).as("seed " + seed).doesNotContain("succeeded", "authenticated");
        }
    }

    @Test
    void an_injected_episode_takes_exactly_the_next_lines() {
        LogGenerator generator = LogGenerator.of(Scenario.of(ConfigLoader.defaults(), 3));
        generator.take(100);
        Injection injection = generator.inject(AnomalyType.SECURITY_THREAT, "brute_force", 12, null);
        assertThat(injection.startsAtLine()).isEqualTo(100);
        List<LogEntry> next = generator.take(12);
        assertThat(next).allMatch(e -> injection.episodeId().equals(e.labels().episodeId()));
        assertThat(generator.next().labels().episodeId()).isNotEqualTo(injection.episodeId());
        assertThat(generator.episodes()).filteredOn(e -> e.id().equals(injection.episodeId()))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.firstIndex()).isEqualTo(100);
                    assertThat(e.lastIndex()).isEqualTo(111);
                    assertThat(e.subtype()).isEqualTo("brute_force");
                });
    }
}
