package io.synthlogs.engine;

import io.synthlogs.AnomalyType;
import io.synthlogs.config.SynthConfig;
import java.util.ArrayList;
import java.util.Collections;
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
 *
 * <p>Only kinds and subtypes that the configured sources can show are drawn: a draw the sources cannot
 * show would be wasted, and enough of them in a row would end the anomalies for good (with only a
 * database, three of resource exhaustion's four subtypes cannot be shown).
 */
final class AnomalyScheduler {
    /** The share of lines inside an episode that belong to it, for kinds without their own. */
    static final double DEFAULT_FOCUS = 0.5;
    private static final int MAX_ATTEMPTS = 16;

    private final SynthConfig.Anomalies settings;
    private final List<Choice> choices;
    private final double[] weights;

    /**
     * @param probe a context with value writers of its own, used to find what the sources can show
     *     without drawing from the content stream
     */
    AnomalyScheduler(SynthConfig.Anomalies settings, PatternContext probe) {
        this.settings = settings;
        this.choices = showable(settings, probe);
        this.weights = Rng.cumulative(choices.stream().mapToDouble(c -> settings.types().get(c.type()).weight()).toArray());
    }

    /**
     * An enabled kind the sources can show, with the subtypes they can show: {@code [null]} for a kind
     * without subtypes.
     */
    record Choice(AnomalyType type, List<String> subtypes) {}

    /** The enabled kinds the sources of {@code probe} can show, in the configuration's order. */
    static List<Choice> showable(SynthConfig.Anomalies settings, PatternContext probe) {
        List<Choice> found = new ArrayList<>();
        for (AnomalyType type : settings.active()) {
            SynthConfig.AnomalyKind kind = settings.types().get(type);
            List<String> subtypes = shown(type, kind.subtypes().isEmpty() ? Collections.singletonList(null)
                    : kind.subtypes(), kind, probe);
            if (!subtypes.isEmpty()) {
                found.add(new Choice(type, subtypes));
            }
        }
        return found;
    }

    /** Those of {@code subtypes} that some configured service can show. */
    static List<String> shown(AnomalyType type, List<String> subtypes, SynthConfig.AnomalyKind kind, PatternContext probe) {
        List<String> shown = new ArrayList<>();
        for (String subtype : subtypes) {
            if (canShow(type, subtype, kind, probe)) {
                shown.add(subtype);
            }
        }
        return shown;
    }

    private static boolean canShow(AnomalyType type, String subtype, SynthConfig.AnomalyKind kind, PatternContext probe) {
        for (SynthConfig.Source source : probe.traffic.sources()) {
            for (String service : source.services()) {
                if (create(type, subtype, kind, probe, new Rng(0), service) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A planned episode and the normal lines before it. */
    record Plan(AnomalyType type, String subtype, int duration, double focus, long gap, AnomalyPattern pattern) {}

    /** The next episode, or {@code null} when the rate is 0 or no enabled kind fits the sources. */
    Plan next(Rng rng, PatternContext ctx) {
        double rate = settings.rate();
        if (rate <= 0 || choices.isEmpty()) {
            return null;
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Choice choice = choices.get(rng.weighted(weights));
            AnomalyType type = choice.type();
            SynthConfig.AnomalyKind kind = settings.types().get(type);
            String subtype = choice.subtypes().get(0) == null ? null : rng.pick(choice.subtypes());
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
