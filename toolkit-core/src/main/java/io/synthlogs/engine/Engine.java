package io.synthlogs.engine;

import io.synthlogs.AnomalyType;
import io.synthlogs.Episode;
import io.synthlogs.Injection;
import io.synthlogs.Labels;
import io.synthlogs.LogEntry;
import io.synthlogs.config.SynthConfig;
import io.synthlogs.format.LineFields;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The line factory behind {@link io.synthlogs.LogGenerator}: a simulated clock, normal traffic and
 * anomaly episodes, each drawing from its own random stream split from the seed. Single-threaded.
 * Internal API: use {@code LogGenerator}.
 */
public final class Engine {
    private final long seed;
    private final Rng clock;
    private final Rng traffic;
    private final Rng content;
    private final Rng anomalies;
    private final Renderer renderer;
    private final Draft draft = new Draft();
    private final LineFields line = new LineFields();
    private final Consumer<Episode> onClose;

    private SynthConfig config;
    private TrafficModel trafficModel;
    private PatternContext context;
    /** {@link #context} with value writers of its own: what the sources can show is asked of it. */
    private PatternContext probe;
    private AnomalyScheduler scheduler;

    private long clockMicros;
    private double meanGapMicros;
    private long produced;
    private int episodeCount;

    private AnomalyScheduler.Plan plan;
    private long gapLeft;
    private Run active;
    /** Injected episodes not begun yet, in order: each begins once those before it have all their lines. */
    private final java.util.ArrayDeque<Run> injected = new java.util.ArrayDeque<>();

    /** An episode in progress. */
    private static final class Run {
        final String id;
        final AnomalyType type;
        final String subtype;
        final int duration;
        final double focus;
        final AnomalyPattern pattern;
        /** Injected: its every line is its own, and a later injection waits for it. */
        final boolean injected;
        /** Sorted as an {@link Episode} keeps them, so a snapshot copies them without sorting. */
        final Map<String, Object> parameters = new TreeMap<>();
        long firstIndex = -1;
        long lastIndex;
        /** Simulated time of the first and the last line, in epoch microseconds. */
        long startMicros;
        long endMicros;
        int lines;

        Run(String id, AnomalyType type, String subtype, int duration, double focus, AnomalyPattern pattern,
                boolean injected) {
            this.injected = injected;
            this.id = id;
            this.type = type;
            this.subtype = subtype;
            this.duration = duration;
            this.focus = focus;
            this.pattern = pattern;
            parameters.put("duration_logs", duration);
            parameters.putAll(pattern.parameters());
        }

        Episode snapshot(boolean truncated) {
            Map<String, Object> p = parameters;
            if (truncated) {
                p = new TreeMap<>(parameters);
                p.put("truncated", true);
            }
            return new Episode(id, type, subtype, firstIndex, lastIndex, instant(startMicros), instant(endMicros), lines,
                    pattern.services(), p);
        }
    }

    public Engine(SynthConfig config, long seed, Instant start, Consumer<Episode> onClose) {
        this.seed = seed;
        this.clock = Rng.split(seed, "clock");
        this.traffic = Rng.split(seed, "traffic");
        this.content = Rng.split(seed, "content");
        this.anomalies = Rng.split(seed, "anomalies");
        this.onClose = onClose;
        this.clockMicros = Math.addExact(Math.multiplyExact(start.getEpochSecond(), 1_000_000L), start.getNano() / 1000);
        this.renderer = new Renderer(content, upstreams(config));
        apply(config);
    }

    public long seed() {
        return seed;
    }

    public SynthConfig config() {
        return config;
    }

    /** Lines produced so far; also the index the next line gets. */
    public long produced() {
        return produced;
    }

    /**
     * Swaps the configuration without touching the clock or the seed's streams: later lines follow the
     * new traffic mix and anomaly rate. An episode in progress carries on, unless it arose by itself
     * and the new configuration no longer asks for its kind (a rate of 0, or its kind disabled): it
     * ends here, marked truncated, so "no anomalies" means none from the next line on. Injected
     * episodes were asked for explicitly and always carry on.
     */
    public void reconfigure(SynthConfig newConfig) {
        if (active != null && !active.injected
                && (newConfig.anomalies().rate() <= 0 || !newConfig.anomalies().active().contains(active.type))) {
            endActive();
        }
        apply(newConfig);
    }

    private void apply(SynthConfig newConfig) {
        boolean first = this.config == null;
        this.config = newConfig;
        this.trafficModel = new TrafficModel(newConfig, TemplateCatalog.bundled());
        this.context = new PatternContext(TemplateCatalog.bundled(), trafficModel, renderer.values());
        this.probe = probe(newConfig, trafficModel);
        this.scheduler = new AnomalyScheduler(newConfig.anomalies(), probe);
        this.meanGapMicros = 1_000_000.0 / newConfig.timestamps().rate();
        if (active == null) {
            replan();
            if (first && plan != null) {
                // Start at a random phase of the first cycle, so short runs see the rate too.
                gapLeft = Math.round(gapLeft * anomalies.nextDouble());
            }
        }
    }

    private void replan() {
        plan = scheduler.next(anomalies, context);
        gapLeft = plan == null ? Long.MAX_VALUE : plan.gap();
    }

    /**
     * Makes {@code duration} lines one episode of {@code type}: the next ones, or, when injected
     * episodes are under way or waiting, those right after them (every line of an injected episode is
     * its own, so where it starts is known now). A spontaneous episode in progress ends where the
     * injected one begins (marked truncated).
     *
     * @param subtype a subtype of {@code type}, or {@code null} to draw one
     * @param service the service to affect, or {@code null} to draw one
     * @throws IllegalArgumentException when the subtype or service is unknown or the sources cannot
     *     show this kind
     */
    public Injection inject(AnomalyType type, String subtype, int duration, String service) {
        if (type == AnomalyType.NONE) {
            throw new IllegalArgumentException("anomaly_type 'none' cannot be injected; allowed: "
                    + AnomalyType.injectable().stream().map(AnomalyType::wireName).toList());
        }
        if (duration < 1) {
            throw new IllegalArgumentException("duration must be at least 1, got " + duration);
        }
        if (subtype != null && !type.subtypes().contains(subtype)) {
            throw new IllegalArgumentException(type.subtypes().isEmpty()
                    ? type.wireName() + " has no subtypes; leave subtype out, got '" + subtype + "'"
                    : "unknown subtype '" + subtype + "' for " + type.wireName() + "; allowed: "
                            + String.join(", ", type.subtypes()));
        }
        if (service != null && context.sourceHolding(service) == null) {
            throw new IllegalArgumentException("unknown service '" + service + "'; configured services: "
                    + config.serviceNames());
        }
        SynthConfig.AnomalyKind kind = config.anomalies().types().get(type);
        // Only subtypes the sources (or the service asked for) can show are drawn.
        List<String> showable = AnomalyScheduler.shown(type, subtype != null ? java.util.Collections.singletonList(subtype)
                : AnomalyScheduler.subtypesOf(type, kind), kind, probe, service);
        if (showable.isEmpty()) {
            throw cannotShow(type, subtype, service);
        }
        String chosen = subtype != null || type.subtypes().isEmpty() ? subtype : anomalies.pick(showable);
        AnomalyPattern pattern = AnomalyScheduler.create(type, chosen, kind, context, anomalies, service);
        if (pattern == null && service == null) {
            // The source drawn cannot show it; one of the services that can is named instead.
            pattern = AnomalyScheduler.create(type, chosen, kind, context, anomalies,
                    anomalies.pick(AnomalyScheduler.servicesShowing(type, chosen, kind, probe)));
        }
        if (pattern == null) {
            throw cannotShow(type, chosen, service); // the probe said it could: a pattern that depends on its draws
        }
        long startsAt = produced + (active != null && active.injected ? active.duration - active.lines : 0);
        for (Run waiting : injected) {
            startsAt += waiting.duration;
        }
        Run run = new Run(nextEpisodeId(), type, chosen, duration, 1.0, pattern, true);
        run.parameters.put("injected", true);
        injected.addLast(run);
        return new Injection(run.id, type, chosen, duration, startsAt);
    }

    /**
     * The episode in progress, with the lines it has so far, if any.
     *
     * @param markTruncated whether to mark it {@code truncated}, as the truth of a stream cut here
     */
    public Optional<Episode> openEpisode(boolean markTruncated) {
        return active == null || active.lines == 0 ? Optional.empty() : Optional.of(active.snapshot(markTruncated));
    }

    /**
     * Ends the stream's bookkeeping: an episode in progress is reported to the close listener as
     * truncated. Call once, after the last line.
     */
    public void finish() {
        endActive();
    }

    /** Ends the episode in progress, if any, here: reported to the close listener as truncated. */
    private void endActive() {
        if (active != null && active.lines > 0) {
            onClose.accept(active.snapshot(true));
        }
        active = null;
    }

    /** The next line as a {@link LogEntry}. */
    public LogEntry next() {
        return nextLine().toEntry();
    }

    /**
     * The next line, rendered into fields the formats write from without building a {@link LogEntry}.
     * The returned fields are reused: valid until the next call.
     */
    public LineFields nextLine() {
        return nextLine(line);
    }

    /** The next line, rendered into {@code out}. */
    public LineFields nextLine(LineFields out) {
        long index = produced++;
        long at = clockMicros;
        clockMicros += Math.round(clock.exponential(meanGapMicros));

        if (!injected.isEmpty() && (active == null || !active.injected)) {
            endActive();
            active = injected.removeFirst();
        } else if (active == null && plan != null && gapLeft-- <= 0) {
            active = new Run(nextEpisodeId(), plan.type(), plan.subtype(), plan.duration(), plan.focus(), plan.pattern(), false);
            plan = null;
        }

        Draft d = draft;
        d.clear();
        Run run = active;
        boolean episodeLine = run != null && (run.lines == 0 || run.focus >= 1 || anomalies.chance(run.focus));
        if (episodeLine) {
            d.elapsed = run.lines == 0 ? 0 : (at - run.startMicros) / 1e6;
            run.pattern.fill(d, run.lines, run.duration, anomalies);
        } else {
            trafficModel.fill(d, traffic, run == null ? null : run.pattern.silenced(run.lines));
        }
        renderer.render(d, out);
        out.position(index, Math.floorDiv(at, 1_000_000L), (int) Math.floorMod(at, 1_000_000L));
        Template t = d.template;
        out.labels(episodeLine
                ? new Labels(true, run.type, d.score, run.subtype, run.id, d.signal, t.eventId, t.eventTemplate, d.anomalyField)
                : t.normalLabels);

        if (episodeLine) {
            if (run.lines == 0) {
                run.firstIndex = index;
                run.startMicros = at;
            }
            run.lines++;
            run.lastIndex = index;
            run.endMicros = at;
            if (run.lines >= run.duration) {
                onClose.accept(run.snapshot(false));
                active = null;
                replan();
            }
        }
        return out;
    }

    private static IllegalArgumentException cannotShow(AnomalyType type, String subtype, String service) {
        return new IllegalArgumentException(type.wireName() + (subtype == null ? "" : "/" + subtype)
                + " cannot be shown by the configured sources" + (service == null ? "" : " on service '" + service + "'"));
    }

    /**
     * Why {@code config} cannot give the anomalies it asks for, or empty: its rate is positive, but its
     * sources can show none of its enabled kinds (say, only security threats, and only a database).
     * Such a configuration would silently produce no anomaly at all.
     */
    public static Optional<String> anomaliesItCannotShow(SynthConfig config) {
        SynthConfig.Anomalies anomalies = config.anomalies();
        if (anomalies.rate() <= 0 || anomalies.active().isEmpty()) {
            return Optional.empty(); // no anomalies asked for, or a problem the configuration names itself
        }
        PatternContext probe = probe(config, new TrafficModel(config, TemplateCatalog.bundled()));
        if (!AnomalyScheduler.showable(anomalies, probe).isEmpty()) {
            return Optional.empty();
        }
        List<String> could = kindsShownBy(config, probe).stream().map(AnomalyType::wireName).toList();
        return Optional.of("the anomaly rate is " + anomalies.rate() + ", but the sources "
                + config.sources().stream().map(SynthConfig.Source::name).toList() + " can show none of the enabled"
                + " anomaly kinds " + anomalies.active().stream().map(AnomalyType::wireName).toList()
                + (could.isEmpty() ? "" : "; they can show: " + String.join(", ", could))
                + "; enable a kind they can show, add a source that shows yours, or set the rate to 0");
    }

    /** The kinds, enabled or not, that the configured sources can show in some subtype. */
    public static List<AnomalyType> kindsShownBy(SynthConfig config) {
        return kindsShownBy(config, probe(config, new TrafficModel(config, TemplateCatalog.bundled())));
    }

    private static List<AnomalyType> kindsShownBy(SynthConfig config, PatternContext probe) {
        return AnomalyType.injectable().stream()
                .filter(t -> !AnomalyScheduler.shown(t, AnomalyScheduler.subtypesOf(t), config.anomalies().types().get(t),
                        probe, null).isEmpty())
                .toList();
    }

    /** A context for finding what the sources can show: value writers of its own, so the content stream is untouched. */
    private static PatternContext probe(SynthConfig config, TrafficModel model) {
        return new PatternContext(TemplateCatalog.bundled(), model, new Values(new Rng(0), upstreams(config)));
    }

    private static Instant instant(long epochMicros) {
        return Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L), Math.floorMod(epochMicros, 1_000_000L) * 1000);
    }

    private String nextEpisodeId() {
        String number = Integer.toString(++episodeCount);
        return "ep-" + "00000".substring(Math.min(5, number.length())) + number;
    }

    private static String[] upstreams(SynthConfig config) {
        List<String> names = config.sources().stream()
                .filter(s -> s.kind() == io.synthlogs.config.SourceKind.APPLICATION)
                .flatMap(s -> s.services().stream())
                .toList();
        return names.toArray(String[]::new);
    }
}
