package io.synthlogs.engine;

import io.synthlogs.Level;
import io.synthlogs.config.SourceKind;
import io.synthlogs.config.SynthConfig;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Normal traffic: which source, service, level and template the next ordinary line has. */
final class TrafficModel {
    private static final int MAX_REDRAWS = 64;

    private final List<SynthConfig.Source> sources;
    private final double[] sourceWeights;
    private final Level[] levels = Level.values();
    private final double[] levelWeights;
    /**
     * Normal templates by source, service (both by index) and level: a product's own messages only for
     * that product's lines, each as many times as its weight.
     */
    private final Template[][][][] normal;

    TrafficModel(SynthConfig config, TemplateCatalog catalog) {
        this.sources = config.sources();
        this.sourceWeights = Rng.cumulative(sources.stream().mapToDouble(SynthConfig.Source::weight).toArray());
        double[] lw = new double[levels.length];
        for (Level level : levels) {
            lw[level.ordinal()] = config.levels().get(level);
        }
        this.levelWeights = Rng.cumulative(lw);
        this.normal = new Template[sources.size()][][][];
        for (int s = 0; s < sources.size(); s++) {
            SynthConfig.Source source = sources.get(s);
            normal[s] = new Template[source.services().size()][][];
            for (int v = 0; v < source.services().size(); v++) {
                Template[][] byLevel = new Template[levels.length][];
                for (Level level : levels) {
                    byLevel[level.ordinal()] = byWeight(Template.speaking(catalog.find(source.kind(), level,
                            TemplateCatalog.NORMAL), source.services().get(v), source.services()));
                }
                normal[s][v] = byLevel;
            }
        }
    }

    /**
     * Each template as many times as its {@link Template#weight}: a uniform pick is then a weighted
     * one, at the cost of one draw as before.
     */
    private static Template[] byWeight(Template[] templates) {
        return java.util.Arrays.stream(templates)
                .flatMap(t -> java.util.stream.Stream.generate(() -> t).limit(t.weight))
                .toArray(Template[]::new);
    }

    List<SynthConfig.Source> sources() {
        return sources;
    }

    /**
     * Fills the draft with a normal line. {@code silenced}, when not null, is a service that is down
     * and so logs nothing of its own.
     */
    void fill(Draft d, Rng rng, String silenced) {
        int s = rng.weighted(sourceWeights);
        List<String> services = sources.get(s).services();
        int v = rng.nextInt(services.size());
        // A silenced service is redrawn a bounded number of times; where it is all there is (one
        // source, one service), it speaks after all rather than stalling the stream.
        for (int attempt = 0; services.get(v).equals(silenced) && attempt < MAX_REDRAWS; attempt++) {
            if (services.size() == 1) {
                s = rng.weighted(sourceWeights);
                services = sources.get(s).services();
            }
            v = rng.nextInt(services.size());
        }
        d.source = sources.get(s);
        d.service = services.get(v);
        d.template = pick(normal[s][v], levels[rng.weighted(levelWeights)], rng);
    }

    /** The normal templates of one service of a configured source, by level. */
    Template[][] normalOf(SynthConfig.Source source, String service) {
        int s = sources.indexOf(source);
        return normal[s][source.services().indexOf(service)];
    }

    /** A normal template of this level, falling back to INFO where a level has none. */
    static Template pick(Template[][] byLevel, Level level, Rng rng) {
        Template[] candidates = byLevel[level.ordinal()];
        if (candidates.length == 0) {
            candidates = byLevel[Level.INFO.ordinal()];
        }
        return candidates[rng.nextInt(candidates.length)];
    }
}
