package io.synthlogs.engine;

import io.synthlogs.config.SourceKind;
import io.synthlogs.config.SynthConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service goes down. Its own normal lines stop (it is silenced) and the lines that show the
 * outage are its callers' failures naming it as upstream, plus its own crash lines where it has them.
 * A complete outage ends with a recovery line; an intermittent one flaps: down runs of a few lines,
 * each followed by a recovery line, during which the service logs normally again.
 */
final class ServiceOutage implements AnomalyPattern {
    private final boolean complete;
    private final String target;
    private final List<SynthConfig.Source> reporters = new ArrayList<>();
    private final List<Template[]> down = new ArrayList<>();
    private final List<Template[]> recovered = new ArrayList<>();
    /** Per reporter, as {@link #reporter} needs it on every line: its services other than the target. */
    private final List<List<String>> otherServices = new ArrayList<>();
    private int downUntil;
    private boolean up;

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
            Template[] found = ctx.templates(source.kind(), "outage:down");
            if ((callers || itself) && found.length > 0 && (source != targetSource || source.services().size() > 1 || itself)) {
                outage.reporters.add(source);
                outage.down.add(found);
                outage.recovered.add(ctx.templates(source.kind(), "outage:recovered"));
                outage.otherServices.add(source.services().stream().filter(s -> !s.equals(target)).toList());
            }
        }
        return outage.reporters.isEmpty() ? null : outage;
    }

    @Override
    public void fill(Draft d, int k, int n, Rng rng) {
        int which = rng.nextInt(reporters.size());
        SynthConfig.Source source = reporters.get(which);
        d.source = source;
        d.service = reporter(source, otherServices.get(which), rng);
        d.upstream = target;
        d.signal = true;
        boolean recovery = complete ? k == n - 1 : k >= downUntil && k > 0;
        if (!complete && k >= downUntil) {
            downUntil = k + 1 + rng.between(3, 6);
        }
        up = recovery && !complete;
        Template[] recoveredTemplates = recovered.get(which);
        if (recovery && recoveredTemplates.length > 0) {
            d.template = rng.pick(recoveredTemplates);
            d.score = 0.6;
        } else {
            d.template = rng.pick(down.get(which));
            d.score = 0.95;
        }
    }

    /** The service that reports: the target itself for its own crash lines, else one of its callers. */
    private String reporter(SynthConfig.Source source, List<String> others, Rng rng) {
        if (others.size() < source.services().size()) { // the source holds the target
            if (source.kind() == SourceKind.DATABASE || source.kind() == SourceKind.INFRASTRUCTURE) {
                return target;
            }
            return others.isEmpty() ? target : rng.pick(others);
        }
        return rng.pick(source.services());
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
