package io.synthlogs.engine;

import io.synthlogs.Level;
import io.synthlogs.config.SourceKind;
import io.synthlogs.config.SynthConfig;
import java.util.List;
import java.util.Map;

/**
 * A usage percentage (memory, cpu, disk or connections) climbs from the alert threshold towards 100 %
 * on one service of one node: WARNING lines, CRITICAL once past {@link #CRITICAL_PERCENT}.
 */
final class ResourceExhaustion implements AnomalyPattern {
    static final double CRITICAL_PERCENT = 95;

    private final String resource;
    private final SynthConfig.Source source;
    private final String service;
    private final String node;
    private final String pod;
    private final double from;
    private final double to;
    private final Template[] warning;
    private final Template[] critical;

    private ResourceExhaustion(String resource, SynthConfig.Source source, String service, String node, String pod,
            double from, double to, Template[] warning, Template[] critical) {
        this.resource = resource;
        this.source = source;
        this.service = service;
        this.node = node;
        this.pod = pod;
        this.from = from;
        this.to = to;
        this.warning = warning;
        this.critical = critical;
    }

    static ResourceExhaustion create(PatternContext ctx, Rng rng, String subtype, String service) {
        // Connections run out in a database's pool or in a node's conntrack table and an ingress
        // controller's workers: drawn among both.
        SourceKind[] kinds = subtype.equals("connections")
                ? new SourceKind[] {SourceKind.DATABASE, SourceKind.INFRASTRUCTURE}
                : new SourceKind[] {SourceKind.INFRASTRUCTURE};
        SynthConfig.Source source = service != null ? ctx.sourceHolding(service) : ctx.anySourceOf(rng, kinds);
        if (source == null) {
            return null;
        }
        String role = "resource:" + subtype;
        String target = service != null ? service : PatternContext.service(source, rng, "kubernetes", "postgres");
        Template[] warning = Template.speaking(ctx.templates(source.kind(), Level.WARNING, role), target, source.services());
        Template[] critical = Template.speaking(ctx.templates(source.kind(), Level.CRITICAL, role), target, source.services());
        if (warning.length == 0) {
            return null;
        }
        Values r = ctx.values;
        return new ResourceExhaustion(subtype, source, target, r.node(), source.kind() == SourceKind.INFRASTRUCTURE ? r.workloadPod() : r.pod(target), rng.uniform(80, 84),
                rng.uniform(98.5, 100), warning, critical.length == 0 ? warning : critical);
    }

    @Override
    public void fill(Draft d, int k, int n, Rng rng) {
        double progress = n == 1 ? 1 : (double) k / (n - 1);
        double percent = Math.min(100, from + (to - from) * progress + rng.uniform(-0.3, 0.3));
        d.source = source;
        d.service = service;
        d.resource = resource;
        d.percent = Math.round(percent * 10) / 10.0;
        d.node = node;
        d.pod = pod;
        d.template = rng.pick(d.percent >= CRITICAL_PERCENT ? critical : warning);
        d.signal = true;
        d.score = PatternContext.round2(0.5 + 0.5 * (d.percent - 80) / 20);
    }

    @Override
    public List<String> services() {
        return List.of(service);
    }

    @Override
    public Map<String, Object> parameters() {
        return Map.of("resource", resource, "node", node, "pod", pod, "from_percent", Math.round(from * 10) / 10.0,
                "to_percent", Math.round(to * 10) / 10.0);
    }
}
