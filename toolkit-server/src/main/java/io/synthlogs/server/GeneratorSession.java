package io.synthlogs.server;

import io.synthlogs.AnomalyType;
import io.synthlogs.Episode;
import io.synthlogs.Injection;
import io.synthlogs.LogGenerator;
import io.synthlogs.format.LineBlock;
import io.synthlogs.format.LineFields;
import io.synthlogs.Scenario;
import io.synthlogs.config.SynthConfig;
import io.synthlogs.format.EpisodeJson;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The one generator every surface (REST, SSE, NDJSON, WebSocket) draws from, with its statistics and
 * injections, behind one lock. Lines are generated under the lock and rendered outside it.
 *
 * <p>A per-request anomaly rate switches the generator to that rate for the request's lines. The
 * generator stays at the last rate used until a request needs another one, so a lone client with its own
 * rate sees that rate honoured over time (every switch re-plans the next episode).
 */
final class GeneratorSession {
    /** One batch of lines handed to one client. */
    /** Lines rendered into one block under the lock, written out after it. */
    record Batch(LineBlock lines, int anomalyCount) {}

    private final Object lock = new Object();
    private final LogGenerator generator;
    private final long seed;
    private final Instant start;
    private final int maxEpisodes;
    private final Deque<Episode> episodes = new ArrayDeque<>();
    private long episodesDropped;
    private SynthConfig config;
    private double generatorRate;
    /** Injections announced whose first line has not been generated yet, in order. */
    private final java.util.ArrayDeque<Injection> pending = new java.util.ArrayDeque<>();
    /** The line after the last injected episode's last: until then, a new one waits its turn. */
    private long injectedUntil;
    private long total;
    /** Lines whose batch was written whole to its client's connection; see {@link #delivered}. */
    private long delivered;
    private long anomalies;
    private final Map<AnomalyType, Long> byType = new EnumMap<>(AnomalyType.class);

    GeneratorSession(SynthConfig config, long seed, Instant start, int maxEpisodes) {
        this.seed = seed;
        this.start = start;
        this.config = config;
        this.maxEpisodes = maxEpisodes;
        this.generatorRate = config.anomalies().rate();
        this.generator = LogGenerator.of(new Scenario(config, seed, start));
        // A server runs for days: keep a bounded manifest here instead of the generator's unbounded list.
        generator.forgetEpisodes().onEpisode(this::closed);
    }

    long seed() {
        return seed;
    }

    Instant start() {
        return start;
    }

    /** The configuration set through the API (per-request rates never change it). */
    SynthConfig config() {
        synchronized (lock) {
            return config;
        }
    }

    /**
     * The next {@code count} lines of the shared stream.
     *
     * @param rate this request's anomaly rate, or {@code null} for the configured one
     */
    Batch generate(int count, Double rate) {
        synchronized (lock) {
            double wanted = rate == null ? config.anomalies().rate() : rate;
            if (wanted != generatorRate) {
                generator.reconfigure(ConfigPatch.withRate(config, wanted));
                generatorRate = wanted;
            }
            LineBlock lines = new LineBlock(count);
            int anomalous = 0;
            for (int i = 0; i < count; i++) {
                LineFields line = generator.nextLine(lines.add());
                if (line.isAnomaly()) {
                    anomalous++;
                    byType.merge(line.labels().anomalyType(), 1L, Long::sum);
                }
            }
            total += count;
            anomalies += anomalous;
            while (!pending.isEmpty() && generator.linesGenerated() > pending.peekFirst().startsAtLine()) {
                pending.removeFirst();
            }
            return new Batch(lines, anomalous);
        }
    }

    /** Makes the next {@code duration} lines of the shared stream one episode; see {@link LogGenerator#inject}. */
    Injection inject(AnomalyType type, String subtype, int duration, String service) {
        synchronized (lock) {
            Injection injection = generator.inject(type, subtype, duration, service);
            pending.addLast(injection);
            injectedUntil = injection.startsAtLine() + injection.durationLogs();
            return injection;
        }
    }

    /** One line that is an anomaly of {@code type}: a one-line episode injected and generated at once. */
    Batch forced(AnomalyType type) {
        synchronized (lock) {
            if (generator.linesGenerated() < injectedUntil) {
                // The forced line would come after the injected episodes' lines, not be the one returned.
                throw new ApiError(409, "injected episodes take the lines up to line " + (injectedUntil - 1)
                        + " (" + (injectedUntil - generator.linesGenerated()) + " to go); generate those before forcing one",
                        "force_anomaly", "once the injected episodes have their lines");
            }
            inject(type, null, 1, null);
            return generate(1, null);
        }
    }

    /** Applies an edit to the configuration; the generator keeps its clock, seed streams and open episode. */
    SynthConfig updateConfig(UnaryOperator<SynthConfig> edit) {
        synchronized (lock) {
            SynthConfig next = edit.apply(config);
            config = next;
            generator.reconfigure(next);
            generatorRate = next.anomalies().rate();
            return next;
        }
    }

    /**
     * Counts {@code lines} as delivered: their batch went out whole to the client's connection (handed to
     * the operating system; what a client then does with it is beyond the server's sight). A batch whose
     * write failed because its client vanished is generated, not delivered.
     */
    void delivered(int lines) {
        synchronized (lock) {
            delivered += lines;
        }
    }

    /** Sets the statistics to zero; the stream itself goes on where it was. */
    void resetStatistics() {
        synchronized (lock) {
            total = 0;
            delivered = 0;
            anomalies = 0;
            byType.clear();
        }
    }

    /** Totals, by-type counts, the open episode and a pending injection, in snake_case. */
    Map<String, Object> statistics() {
        synchronized (lock) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("total_generated", total);
            m.put("total_delivered", delivered);
            m.put("anomalies_generated", anomalies);
            Map<String, Long> types = new LinkedHashMap<>();
            for (AnomalyType type : AnomalyType.injectable()) {
                types.put(type.wireName(), byType.getOrDefault(type, 0L));
            }
            m.put("anomalies_by_type", types);
            m.put("lines_in_stream", generator.linesGenerated());
            m.put("active_episode", generator.openEpisode().map(EpisodeJson::toMap).orElse(null));
            m.put("pending_injection", pending.isEmpty() ? null : injectionJson(pending.peekFirst()));
            m.put("pending_injections", pending.size());
            return m;
        }
    }

    /** The manifest: closed episodes kept so far, the open one and how many were dropped. */
    Map<String, Object> episodes() {
        synchronized (lock) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("count", episodes.size());
            m.put("dropped", episodesDropped);
            m.put("episodes", episodes.stream().map(EpisodeJson::toMap).toList());
            m.put("open_episode", generator.openEpisode().map(EpisodeJson::toMap).orElse(null));
            return m;
        }
    }

    static Map<String, Object> injectionJson(Injection injection) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("episode_id", injection.episodeId());
        m.put("anomaly_type", injection.type().wireName());
        m.put("anomaly_subtype", injection.subtype());
        m.put("duration_logs", injection.durationLogs());
        m.put("starts_at_log", injection.startsAtLine());
        return m;
    }

    private void closed(Episode episode) {
        // Called by the generator while we hold the lock.
        episodes.addLast(episode);
        if (episodes.size() > maxEpisodes) {
            episodes.removeFirst();
            episodesDropped++;
        }
    }
}
