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

    /** Callers of a dead service also time out: a 504 after their whole 30 or 60 s, in the field and the message. */
    @Test
    void outages_show_timeouts_with_the_time_waited() {
        LogGenerator generator = LogGenerator.of(Scenario.of(ConfigLoader.defaults(), 5));
        List<LogEntry> timeouts = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            generator.inject(AnomalyType.SERVICE_OUTAGE, "complete", 40, null);
            generator.take(40).stream().filter(e -> Integer.valueOf(504).equals(e.statusCode())).forEach(timeouts::add);
        }
        assertThat(timeouts).hasSizeGreaterThan(20).allSatisfy(e -> {
            assertThat(e.labels().anomalyType()).isEqualTo(AnomalyType.SERVICE_OUTAGE);
            assertThat(e.responseTimeMs()).isBetween(30_000.0, 60_050.0);
            assertThat(e.message()).contains(String.format(java.util.Locale.ROOT, "%.2fms", e.responseTimeMs()));
        });
        assertThat(timeouts).anyMatch(e -> e.responseTimeMs() >= 60_000).anyMatch(e -> e.responseTimeMs() < 31_000);
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
