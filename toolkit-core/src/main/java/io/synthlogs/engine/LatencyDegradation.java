package io.synthlogs.engine;

import io.synthlogs.config.SourceKind;
import io.synthlogs.config.SynthConfig;
import java.util.List;
import java.util.Map;

/**
 * One service slows down: its response times ramp from normal to {@code multiplier} times normal over
 * the episode. A line is signal when it is slower than all but {@link #SIGNAL_SHARE} of normal lines
 * of its kind: slow on its own, whatever the ramp (the start of one is not, nor a line drawn fast).
 */
final class LatencyDegradation implements AnomalyPattern {
    /** The share of normal lines as slow as a signal line, or slower: 5 %. */
    static final double SIGNAL_SHARE = 0.05;
    /** The standard normal quantile for 1 - {@link #SIGNAL_SHARE}. */
    private static final double SIGNAL_Z = 1.6448536269514722;
    /** One degrading service varies less than all traffic together, so the ramp stands out. */
    private static final Quantiles RAMP_SPREAD = Quantiles.logNormal(0.25);
    /** A line may use a slow-request template from this multiple of the median on. */
    static final double SLOW_FACTOR = 2;

    private final SynthConfig.Source source;
    private final String service;
    private final double multiplier;
    private final Template[] timed;
    private final Template[] slow;

    private LatencyDegradation(SynthConfig.Source source, String service, double multiplier, Template[] timed,
            Template[] slow) {
        this.source = source;
        this.service = service;
        this.multiplier = multiplier;
        this.timed = timed;
        this.slow = slow;
    }

    static LatencyDegradation create(PatternContext ctx, Rng rng, SynthConfig.AnomalyKind kind, String service) {
        SynthConfig.Source source = service != null ? ctx.sourceHolding(service)
                : ctx.anySourceOf(rng, SourceKind.WEB, SourceKind.APPLICATION, SourceKind.DATABASE);
        if (source == null || source.kind() == SourceKind.INFRASTRUCTURE) {
            return null;
        }
        String target = service != null ? service : rng.pick(source.services());
        Template[] timed = Template.speaking(ctx.timedTemplates(source.kind()), target, source.services());
        if (timed.length == 0) {
            return null;
        }
        Template[] slow = Template.speaking(ctx.templates(source.kind(), "latency:slow"), target, source.services());
        return new LatencyDegradation(source, target, kind.multiplier(), timed, slow);
    }

    @Override
    public void fill(Draft d, int k, int n, Rng rng) {
        double factor = 1 + (multiplier - 1) * (k + 1) / n;
        d.source = source;
        d.service = service;
        double median = Renderer.medianLatency(source.kind());
        d.latency = Math.round(median * rng.draw(RAMP_SPREAD) * factor * 100) / 100.0;
        // The slow-request templates quote a threshold of twice the median (170, 120 and 12 ms):
        // only a line past it may say it is slow.
        boolean warn = factor >= SLOW_FACTOR && slow.length > 0 && rng.chance(0.5) && d.latency >= SLOW_FACTOR * median;
        d.template = warn ? rng.pick(slow) : rng.pick(timed);
        d.signal = d.latency >= signalLatency(source.kind());
        d.score = multiplier <= 1 ? 0 : PatternContext.round2((factor - 1) / (multiplier - 1));
    }

    /** The response time only {@link #SIGNAL_SHARE} of normal lines of {@code kind} reach, in milliseconds. */
    static double signalLatency(SourceKind kind) {
        return Renderer.medianLatency(kind) * StrictMath.exp(SIGNAL_Z * Renderer.LATENCY_SPREAD);
    }

    /**
     * The slowed service logs only the episode's lines while it lasts: a request of it at normal speed
     * would be an unlabelled line of a service that is slow.
     */
    @Override
    public String silenced(int k) {
        return service;
    }

    @Override
    public List<String> services() {
        return List.of(service);
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("multiplier", multiplier, "source", source.name());
    }
}
