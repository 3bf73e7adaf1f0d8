package io.synthlogs.engine;

import io.synthlogs.Level;
import io.synthlogs.config.SourceKind;
import io.synthlogs.config.SynthConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What anomaly patterns draw on: the configured sources by kind, the templates and the value writers. */
final class PatternContext {
    final TemplateCatalog catalog;
    final TrafficModel traffic;
    final Values values;
    private final Map<SourceKind, List<SynthConfig.Source>> byKind = new EnumMap<>(SourceKind.class);
    /** {@link #timedTemplates}, found once per kind: every latency episode asks. */
    private final Map<SourceKind, Template[]> timed = new EnumMap<>(SourceKind.class);

    PatternContext(TemplateCatalog catalog, TrafficModel traffic, Values values) {
        this.catalog = catalog;
        this.traffic = traffic;
        this.values = values;
        for (SourceKind kind : SourceKind.values()) {
            byKind.put(kind, new ArrayList<>());
        }
        for (SynthConfig.Source source : traffic.sources()) {
            byKind.get(source.kind()).add(source);
        }
    }

    boolean has(SourceKind kind) {
        return !byKind.get(kind).isEmpty();
    }

    /** A configured source of the first of {@code kinds} that is configured, or {@code null}. */
    SynthConfig.Source sourceOf(Rng rng, SourceKind... kinds) {
        for (SourceKind kind : kinds) {
            if (has(kind)) {
                return rng.pick(byKind.get(kind));
            }
        }
        return null;
    }

    /** A configured source of any of {@code kinds}, drawn among all of them. */
    SynthConfig.Source anySourceOf(Rng rng, SourceKind... kinds) {
        List<SynthConfig.Source> candidates = new ArrayList<>();
        for (SourceKind kind : kinds) {
            candidates.addAll(byKind.get(kind));
        }
        return candidates.isEmpty() ? null : rng.pick(candidates);
    }

    /** The source that holds {@code service}, or {@code null}. */
    SynthConfig.Source sourceHolding(String service) {
        for (SynthConfig.Source source : traffic.sources()) {
            if (source.services().contains(service)) {
                return source;
            }
        }
        return null;
    }

    /** Prefers a service whose name contains one of the hints, else any. */
    static String service(SynthConfig.Source source, Rng rng, String... hints) {
        for (String hint : hints) {
            for (String service : source.services()) {
                if (service.contains(hint)) {
                    return service;
                }
            }
        }
        return rng.pick(source.services());
    }

    Template[] templates(SourceKind kind, Level level, String role) {
        return catalog.find(kind, level, role);
    }

    Template[] templates(SourceKind kind, String role) {
        return catalog.find(kind, null, role);
    }

    /** The normal INFO templates of a source kind that show a response time; callers must not modify it. */
    Template[] timedTemplates(SourceKind kind) {
        Template[] found = timed.get(kind);
        if (found == null) {
            found = Arrays.stream(templates(kind, Level.INFO, TemplateCatalog.NORMAL))
                    .filter(t -> t.uses(Var.LATENCY))
                    .toArray(Template[]::new);
            timed.put(kind, found);
        }
        return found;
    }

    static double round2(double v) {
        return Math.round(Math.max(0, Math.min(1, v)) * 100) / 100.0;
    }
}
