package io.synthlogs.engine;

import io.synthlogs.config.SourceKind;
import io.synthlogs.config.SynthConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service goes down. Its own normal lines stop (it is silenced) and the lines that show the
 * outage are its callers' failures naming it as upstream (refused connections, open circuits, and
 * timeouts after a caller's whole 30 or 60 s), plus its own crash lines where it has them.
 * A complete outage ends with a recovery line; an intermittent one flaps: down runs of a few lines,
 * each followed by a recovery line, during which the service logs normally again.
 */
final class ServiceOutage implements AnomalyPattern {
    private static final int GATEWAY_TIMEOUT = 504;

    private final boolean complete;
    private final String target;
    private final List<Reporter> reporters = new ArrayList<>();
    private int downUntil;
    private boolean up;

    /**
     * A source that shows the outage, with its templates and the services that speak for it: drawn
     * from {@code speakers}, or the target itself where that is empty.
     */
    private record Reporter(SynthConfig.Source source, Template[] down, Template[] recovered, List<String> speakers) {}

    private ServiceOutage(boolean complete, String target) {
        this.complete = complete;
        this.target = target;
    }

    static ServiceOutage create(PatternContext ctx, Rng rng, String subtype, String service) {
        SynthConfig.Source targetSource = service != null ? ctx.sourceHolding(service)
                : ctx.anySourceOf(rng, SourceKind.APPLICATION, SourceKind.DATABASE);
        if (targetSource == null) {
            targetSource = rng.pick(ctx.traffic.sources());
        }
        String target = service != null ? service : rng.pick(targetSource.services());
        ServiceOutage outage = new ServiceOutage(subtype.equals("complete"), target);
        for (SynthConfig.Source source : ctx.traffic.sources()) {
            boolean callers = source.kind() == SourceKind.WEB || source.kind() == SourceKind.APPLICATION;
            boolean itself = source == targetSource
                    && (source.kind() == SourceKind.DATABASE || source.kind() == SourceKind.INFRASTRUCTURE);
            List<String> speakers = speakers(source, target);
            // The target reporting its own crash speaks its own messages; callers speak generic ones.
            String voice = speakers.isEmpty() ? target : null;
            Template[] found = Template.speaking(ctx.templates(source.kind(), "outage:down"), voice, source.services());
            if ((callers || itself) && found.length > 0 && (source != targetSource || source.services().size() > 1 || itself)) {
                outage.reporters.add(new Reporter(source, found,
                        Template.speaking(ctx.templates(source.kind(), "outage:recovered"), voice, source.services()), speakers));
            }
        }
        return outage.reporters.isEmpty() ? null : outage;
    }

    @Override
    public void fill(Draft d, int k, int n, Rng rng) {
        Reporter reporter = reporters.get(rng.nextInt(reporters.size()));
        d.source = reporter.source();
        d.service = reporter.speakers().isEmpty() ? target : rng.pick(reporter.speakers());
        d.upstream = target;
        d.signal = true;
        // A one-line outage (a forced line) shows the failure, not the recovery after it.
        boolean recovery = complete ? k == n - 1 && k > 0 : k >= downUntil && k > 0;
        if (!complete && k >= downUntil) {
            downUntil = k + 1 + rng.between(3, 6);
        }
        up = recovery && !complete;
        if (recovery && reporter.recovered().length > 0) {
            d.template = rng.pick(reporter.recovered());
            d.score = 0.6;
        } else {
            d.template = rng.pick(reporter.down());
            d.score = 0.95;
            if (d.template.presetStatus != null && d.template.presetStatus == GATEWAY_TIMEOUT) {
                // A caller that timed out waited its whole timeout for the dead service.
                d.latency = Math.round(rng.uniform(0, 40) * 100) / 100.0 + (rng.chance(0.7) ? 30_000 : 60_000);
            }
        }
    }

    /**
     * Who reports from {@code source}: the target itself for its own crash lines (none: empty), else
     * one of its callers. Worked out once per episode; each line only draws.
     */
    private static List<String> speakers(SynthConfig.Source source, String target) {
        if (!source.services().contains(target)) {
            return source.services();
        }
        if (source.kind() == SourceKind.DATABASE || source.kind() == SourceKind.INFRASTRUCTURE) {
            return List.of();
        }
        return source.services().stream().filter(s -> !s.equals(target)).toList();
    }

    @Override
    public String silenced(int k) {
        return complete || !up ? target : null;
    }

    @Override
    public List<String> services() {
        return List.of(target);
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("target", target, "mode", complete ? "complete" : "intermittent");
    }
}
