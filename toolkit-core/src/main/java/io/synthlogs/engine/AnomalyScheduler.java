package io.synthlogs.engine;

import io.synthlogs.AnomalyType;
import io.synthlogs.config.SynthConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which episode comes next and how many normal lines come before it, so that the expected
 * fraction of anomalous lines equals {@code anomalies.rate}.
 *
 * <p>An episode of {@code D} anomalous lines at focus {@code p} (the chance that a line inside it is
 * one of its own) spans about {@code D/p} lines. A normal gap of {@code D(1/r - 1/p)·u} lines before
 * it, with {@code u} uniform in [0.5, 1.5], makes each cycle's anomalous share {@code r} on average;
 * because the gap scales with the episode's own length, long and short kinds mix without bias. When
 * {@code r} exceeds the focus, the focus rises to {@code r} and episodes follow each other directly.
 */
final class AnomalyScheduler {
    /** The share of lines inside an episode that belong to it, for kinds without their own. */
    static final double DEFAULT_FOCUS = 0.5;
    private static final int MAX_ATTEMPTS = 16;

    private final SynthConfig.Anomalies settings;
    private final List<AnomalyType> types;
    private final double[] weights;

    AnomalyScheduler(SynthConfig.Anomalies settings) {
        this.settings = settings;
        this.types = new ArrayList<>(settings.active());
        this.weights = Rng.cumulative(types.stream().mapToDouble(t -> settings.types().get(t).weight()).toArray());
    }

    /** A planned episode and the normal lines before it. */
    record Plan(AnomalyType type, String subtype, int duration, double focus, long gap, AnomalyPattern pattern) {}

    /** The next episode, or {@code null} when the rate is 0 or no enabled kind fits the sources. */
    Plan next(Rng rng, PatternContext ctx) {
        double rate = settings.rate();
        if (rate <= 0 || types.isEmpty()) {
            return null;
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            AnomalyType type = types.get(rng.weighted(weights));
            SynthConfig.AnomalyKind kind = settings.types().get(type);
            String subtype = kind.subtypes().isEmpty() ? null : rng.pick(kind.subtypes());
            AnomalyPattern pattern = create(type, subtype, kind, ctx, rng, null);
            if (pattern == null) {
                continue;
            }
            double focus = Math.max(focus(type, kind), rate);
            double meanGap = kind.durationLogs() * (1 / rate - 1 / focus);
            long gap = Math.round(meanGap * rng.uniform(0.5, 1.5));
            return new Plan(type, subtype, kind.durationLogs(), focus, gap, pattern);
        }
        return null;
    }

    static double focus(AnomalyType type, SynthConfig.AnomalyKind kind) {
        return type == AnomalyType.ERROR_SPIKE ? kind.errorRate() : DEFAULT_FOCUS;
    }

    /** The pattern for one episode, or {@code null} when the configured sources cannot show it. */
    static AnomalyPattern create(AnomalyType type, String subtype, SynthConfig.AnomalyKind kind, PatternContext ctx,
            Rng rng, String service) {
        return switch (type) {
            case ERROR_SPIKE -> ErrorSpike.create(ctx, rng, kind, service);
            case LATENCY_DEGRADATION -> LatencyDegradation.create(ctx, rng, kind, service);
            case SECURITY_THREAT -> SecurityThreat.create(ctx, rng, subtype, service);
            case RESOURCE_EXHAUSTION -> ResourceExhaustion.create(ctx, rng, subtype, service);
            case SERVICE_OUTAGE -> ServiceOutage.create(ctx, rng, subtype, service);
            case DATA_ANOMALY -> DataAnomaly.create(ctx, rng, subtype, service);
            case NONE -> throw new IllegalArgumentException("NONE is not an anomaly");
        };
    }
}
