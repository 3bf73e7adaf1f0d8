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
     * An enabled kind the sources can show: the subtypes they can show ({@code [null]} for a kind
     * without subtypes) and, for each, the services that can show it.
     */
    record Choice(AnomalyType type, List<String> subtypes, List<List<String>> services) {}

    /** The enabled kinds the sources of {@code probe} can show, in the configuration's order. */
    static List<Choice> showable(SynthConfig.Anomalies settings, PatternContext probe) {
        List<Choice> found = new ArrayList<>();
        for (AnomalyType type : settings.active()) {
            SynthConfig.AnomalyKind kind = settings.types().get(type);
            List<String> subtypes = new ArrayList<>();
            List<List<String>> services = new ArrayList<>();
            for (String subtype : subtypesOf(type, kind)) {
                List<String> showing = servicesShowing(type, subtype, kind, probe);
                if (!showing.isEmpty()) {
                    subtypes.add(subtype);
                    services.add(showing);
                }
            }
            if (!subtypes.isEmpty()) {
                found.add(new Choice(type, subtypes, services));
            }
        }
        return found;
    }

    /** The subtypes to draw from: {@code [null]} for a kind without; all of them where the configuration lists none. */
    static List<String> subtypesOf(AnomalyType type, SynthConfig.AnomalyKind kind) {
        return type.subtypes().isEmpty() || kind.subtypes().isEmpty() ? subtypesOf(type) : kind.subtypes();
    }

    /** Every subtype of {@code type}, whatever the configuration lists: {@code [null]} for a kind without. */
    static List<String> subtypesOf(AnomalyType type) {
        return type.subtypes().isEmpty() ? Collections.singletonList(null) : type.subtypes();
    }

    /** Those of {@code subtypes} that {@code service} (or, when null, some configured service) can show. */
    static List<String> shown(AnomalyType type, List<String> subtypes, SynthConfig.AnomalyKind kind, PatternContext probe,
            String service) {
        List<String> shown = new ArrayList<>();
        for (String subtype : subtypes) {
            if (service == null ? !servicesShowing(type, subtype, kind, probe).isEmpty()
                    : create(type, subtype, kind, probe, new Rng(0), service) != null) {
                shown.add(subtype);
            }
        }
        return shown;
    }

    /** The configured services an episode of this kind and subtype can be made for. */
    static List<String> servicesShowing(AnomalyType type, String subtype, SynthConfig.AnomalyKind kind, PatternContext probe) {
        List<String> showing = new ArrayList<>();
        for (SynthConfig.Source source : probe.traffic.sources()) {
            for (String service : source.services()) {
                if (create(type, subtype, kind, probe, new Rng(0), service) != null) {
                    showing.add(service);
                }
            }
        }
        return showing;
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
            String subtype = choice.subtypes().get(0) == null ? null : rng.pick(choice.subtypes());
            AnomalyPattern pattern = create(choice.type(), subtype, settings.types().get(choice.type()), ctx, rng, null);
            if (pattern != null) {
                return plan(choice.type(), subtype, pattern, rate, rng);
            }
        }
        // Every draw picked a source that cannot show its kind (one shown by a single service, say):
        // name a service that can, so that a plan never fails and the anomalies never stop.
        Choice choice = choices.get(rng.weighted(weights));
        int which = rng.nextInt(choice.subtypes().size());
        String service = rng.pick(choice.services().get(which));
        String subtype = choice.subtypes().get(which);
        AnomalyPattern pattern = create(choice.type(), subtype, settings.types().get(choice.type()), ctx, rng, service);
        return pattern == null ? null : plan(choice.type(), subtype, pattern, rate, rng);
    }

    private Plan plan(AnomalyType type, String subtype, AnomalyPattern pattern, double rate, Rng rng) {
        SynthConfig.AnomalyKind kind = settings.types().get(type);
        double focus = Math.max(focus(type, kind), rate);
        double meanGap = kind.durationLogs() * (1 / rate - 1 / focus);
        long gap = Math.round(meanGap * rng.uniform(0.5, 1.5));
        return new Plan(type, subtype, kind.durationLogs(), focus, gap, pattern);
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
