package io.synthlogs.engine;

import io.synthlogs.Level;
import io.synthlogs.config.SynthConfig;
import java.util.List;
import java.util.Map;

/** One service fails: its lines in the spike are ERROR or CRITICAL (5xx on web services). */
final class ErrorSpike implements AnomalyPattern {
    /** The service's normal templates by level: its errors are the ones it would show anyway. */
    private final Template[][] normal;
    private final SynthConfig.Source source;
    private final String service;
    private final double errorRate;

    private ErrorSpike(PatternContext ctx, SynthConfig.Source source, String service, double errorRate) {
        this.normal = ctx.traffic.normalOf(source, service);
        this.source = source;
        this.service = service;
        this.errorRate = errorRate;
    }

    static ErrorSpike create(PatternContext ctx, Rng rng, SynthConfig.AnomalyKind kind, String service) {
        SynthConfig.Source source = service != null ? ctx.sourceHolding(service) : rng.pick(ctx.traffic.sources());
        String target = service != null ? service : rng.pick(source.services());
        return new ErrorSpike(ctx, source, target, kind.errorRate());
    }

    @Override
    public void fill(Draft d, int k, int n, Rng rng) {
        d.source = source;
        d.service = service;
        Level level = rng.chance(0.15) ? Level.CRITICAL : Level.ERROR;
        d.template = TrafficModel.pick(normal, level, rng);
        d.signal = true;
        d.score = PatternContext.round2(0.5 + 0.4 * errorRate + (d.template.level == Level.CRITICAL ? 0.05 : 0));
    }

    @Override
    public List<String> services() {
        return List.of(service);
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("error_rate", errorRate, "source", source.name());
    }
}
