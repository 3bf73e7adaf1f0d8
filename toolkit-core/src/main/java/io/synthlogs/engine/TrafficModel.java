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
    private final Map<SourceKind, Template[][]> normalByLevel = new EnumMap<>(SourceKind.class);

    TrafficModel(SynthConfig config, TemplateCatalog catalog) {
        this.sources = config.sources();
        this.sourceWeights = Rng.cumulative(sources.stream().mapToDouble(SynthConfig.Source::weight).toArray());
        double[] lw = new double[levels.length];
        for (Level level : levels) {
            lw[level.ordinal()] = config.levels().get(level);
        }
        this.levelWeights = Rng.cumulative(lw);
        for (SourceKind kind : SourceKind.values()) {
            Template[][] byLevel = new Template[levels.length][];
            for (Level level : levels) {
                byLevel[level.ordinal()] = catalog.find(kind, level, TemplateCatalog.NORMAL);
            }
            normalByLevel.put(kind, byLevel);
        }
    }

    List<SynthConfig.Source> sources() {
        return sources;
    }

    /**
     * Fills the draft with a normal line. {@code silenced}, when not null, is a service that is down
     * and so logs nothing of its own.
     */
    void fill(Draft d, Rng rng, String silenced) {
        SynthConfig.Source source = sources.get(rng.weighted(sourceWeights));
        String service = rng.pick(source.services());
        // A silenced service is redrawn a bounded number of times; where it is all there is (one
        // source, one service), it speaks after all rather than stalling the stream.
        for (int attempt = 0; service.equals(silenced) && attempt < MAX_REDRAWS; attempt++) {
            if (source.services().size() > 1) {
                service = rng.pick(source.services());
            } else {
                source = sources.get(rng.weighted(sourceWeights));
                service = rng.pick(source.services());
            }
        }
        d.source = source;
        d.service = service;
        d.template = pick(source.kind(), levels[rng.weighted(levelWeights)], rng);
    }

    /** A normal template of this kind and level, falling back to INFO where a level has none. */
    Template pick(SourceKind kind, Level level, Rng rng) {
        Template[] candidates = normalByLevel.get(kind)[level.ordinal()];
        if (candidates.length == 0) {
            candidates = normalByLevel.get(kind)[Level.INFO.ordinal()];
        }
        return candidates[rng.nextInt(candidates.length)];
    }
}
