package io.synthlogs.engine;

import io.synthlogs.config.SourceKind;
import io.synthlogs.config.SynthConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One service goes down. Its own normal lines stop (it is silenced) and the lines that show the
 * outage are its callers' failures naming it as upstream (refused connections, open circuits, and
 * timeouts after a caller's whole 30 or 60 s, once it has been down that long), plus its own crash
 * lines where it has them. Web servers call applications, applications call databases too. A complete
 * outage ends with a recovery line that says how long it was down; an intermittent one flaps: down
 * runs of a few lines, each followed by a recovery line, during which the service logs normally again.
 */
final class ServiceOutage implements AnomalyPattern {
    private static final int GATEWAY_TIMEOUT = 504;
    /** A caller's timeouts: most wait 30 s, some 60 s. */
    private static final double SHORT_TIMEOUT = 30;
    private static final double LONG_TIMEOUT = 60;

    private final boolean complete;
    private final String target;
    /** The port the target listens on, the same in every line that names it. */
    private final int port;
    private final List<Reporter> reporters = new ArrayList<>();
    private int downUntil;
    private boolean up;
    /** When the current down run began, in seconds since the episode's first line. */
    private double downSince;

    /**
     * A source that shows the outage, with its templates and the services that speak for it: drawn
     * from {@code speakers}, or the target itself where that is empty.
     */
    private record Reporter(SynthConfig.Source source, Template[] down, Template[] downUntimed, Template[] recovered,
            List<String> speakers) {
        Reporter(SynthConfig.Source source, Template[] down, Template[] recovered, List<String> speakers) {
            this(source, down, java.util.Arrays.stream(down).filter(t -> !timesOut(t)).toArray(Template[]::new),
                    recovered, speakers);
        }
    }

    private ServiceOutage(boolean complete, String target, int port) {
        this.complete = complete;
        this.target = target;
        this.port = port;
    }

    private static boolean timesOut(Template t) {
        return t.presetStatus != null && t.presetStatus == GATEWAY_TIMEOUT;
    }

    /** The usual port of a known database, else an application's 8080. */
    private static int portOf(String target, SourceKind kind) {
        return switch (target) {
            case "postgresql", "postgres" -> 5432;
            case "mongodb" -> 27017;
            case "redis" -> 6379;
            case "mysql" -> 3306;
            default -> kind == SourceKind.DATABASE ? 5432 : 8080;
        };
    }

    static ServiceOutage create(PatternContext ctx, Rng rng, String subtype, String service) {
        SynthConfig.Source targetSource = service != null ? ctx.sourceHolding(service)
                : ctx.anySourceOf(rng, SourceKind.APPLICATION, SourceKind.DATABASE);
        if (targetSource == null) {
            targetSource = rng.pick(ctx.traffic.sources());
        }
        String target = service != null ? service : rng.pick(targetSource.services());
        boolean database = targetSource.kind() == SourceKind.DATABASE;
        ServiceOutage outage = new ServiceOutage(subtype.equals("complete"), target, portOf(target, targetSource.kind()));
        for (SynthConfig.Source source : ctx.traffic.sources()) {
            // Web servers proxy to applications; a database's callers are the applications.
            boolean callers = source.kind() == SourceKind.APPLICATION || source.kind() == SourceKind.WEB && !database;
            boolean itself = source == targetSource
                    && (source.kind() == SourceKind.DATABASE || source.kind() == SourceKind.INFRASTRUCTURE);
            List<String> speakers = speakers(source, target);
            // The target reporting its own crash speaks its own messages; callers speak generic ones.
            String voice = speakers.isEmpty() ? target : null;
            Template[] found = Template.speaking(ctx.templates(source.kind(), "outage:down"), voice, source.services());
            if (database) {
                // An HTTP health check of a database would be no database's.
                found = java.util.Arrays.stream(found).filter(t -> !"http".equals(t.protocol)).toArray(Template[]::new);
            }
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
        d.port = port;
        d.signal = true;
        if (k == 0 || up) {
            downSince = d.elapsed; // the first line, or the first after a recovery: down from now
        }
        double down = d.elapsed - downSince;
        // A one-line outage (a forced line) shows the failure, not the recovery after it.
        boolean recovery = complete ? k == n - 1 && k > 0 : k >= downUntil && k > 0;
        if (!complete && k >= downUntil) {
            downUntil = k + 1 + rng.between(3, 6);
        }
        up = recovery && !complete;
        if (recovery && reporter.recovered().length > 0) {
            d.template = rng.pick(reporter.recovered());
            d.score = 0.6;
            d.seconds = Math.max(0.1, Math.round(down * 10) / 10.0);
        } else {
            // A caller times out only once the service has been down for the caller's whole timeout.
            boolean timeoutsDue = down >= SHORT_TIMEOUT || reporter.downUntimed().length == 0;
            d.template = rng.pick(timeoutsDue ? reporter.down() : reporter.downUntimed());
            d.score = 0.95;
            if (timesOut(d.template)) {
                double timeout = down >= LONG_TIMEOUT && rng.chance(0.3) ? LONG_TIMEOUT : SHORT_TIMEOUT;
                d.latency = Math.round(rng.uniform(0, 40) * 100) / 100.0 + timeout * 1000;
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
