package io.synthlogs.server;

import io.synthlogs.AnomalyType;
import io.synthlogs.Level;
import io.synthlogs.config.SynthConfig;
import io.synthlogs.config.SynthConfig.AnomalyKind;
import io.synthlogs.config.SynthConfig.Anomalies;
import io.synthlogs.config.SynthConfig.Generator;
import io.synthlogs.engine.Engine;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small, validated edits of an immutable {@link SynthConfig}, and its JSON view for {@code GET /api/config}. */
final class ConfigPatch {
    private ConfigPatch() {}

    /** The config with some generator settings replaced; {@code null} keeps a setting. */
    static SynthConfig generator(SynthConfig c, Integer batchSize, Double interval, Long totalLogs) {
        Generator g = c.generator();
        Generator next = new Generator(batchSize == null ? g.batchSize() : batchSize,
                interval == null ? g.interval() : interval, totalLogs == null ? g.totalLogs() : totalLogs);
        return new SynthConfig(next, c.timestamps(), c.sources(), c.levels(), c.anomalies(), c.output());
    }

    /**
     * The config with another anomaly rate and some kinds switched on or off.
     *
     * @throws ApiError when the result has a positive rate but no enabled kind, or none the sources can show
     */
    static SynthConfig anomalies(SynthConfig c, Double rate, Map<AnomalyType, Boolean> enabled) {
        Map<AnomalyType, AnomalyKind> kinds = new EnumMap<>(c.anomalies().types());
        enabled.forEach((type, on) -> {
            AnomalyKind k = kinds.get(type);
            kinds.put(type, new AnomalyKind(on, k.weight(), k.durationLogs(), k.errorRate(), k.multiplier(), k.subtypes()));
        });
        Anomalies next = new Anomalies(rate == null ? c.anomalies().rate() : rate, kinds);
        if (next.rate() > 0 && next.active().isEmpty()) {
            throw ApiError.badRequest("anomaly_rate", "no anomaly type would be enabled (with a positive weight) while"
                    + " anomaly_rate is " + next.rate() + "; enable one or set anomaly_rate to 0",
                    AnomalyType.injectable().stream().map(t -> t.wireName() + "_enabled").toList());
        }
        SynthConfig result = new SynthConfig(c.generator(), c.timestamps(), c.sources(), c.levels(), next, c.output());
        Engine.anomaliesItCannotShow(result).ifPresent(problem -> {
            // Blamed on what this request changed: the rate, else the first kind it switched on.
            String field = rate != null ? "anomaly_rate" : enabled.entrySet().stream().filter(Map.Entry::getValue)
                    .map(e -> e.getKey().wireName() + "_enabled").findFirst().orElse("anomaly_rate");
            throw ApiError.badRequest(field, problem, "a kind the configured sources can show, or anomaly_rate 0");
        });
        return result;
    }

    /** The config with another anomaly rate only. */
    static SynthConfig withRate(SynthConfig c, double rate) {
        return rate == c.anomalies().rate() ? c : anomalies(c, rate, Map.of());
    }

    /** The effective configuration in the YAML's own snake_case shape. */
    static Map<String, Object> toJson(SynthConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("generator", ordered("batch_size", c.generator().batchSize(), "interval", c.generator().interval(),
                "total_logs", c.generator().totalLogs()));
        m.put("timestamps", ordered("start", c.timestamps().start().map(Object::toString).orElse("now"),
                "rate", c.timestamps().rate()));
        m.put("sources", c.sources().stream().map(s -> ordered("name", s.name(), "kind",
                s.kind().name().toLowerCase(java.util.Locale.ROOT), "weight", s.weight(), "services", s.services())).toList());
        Map<String, Object> levels = new LinkedHashMap<>();
        for (Level level : Level.values()) {
            levels.put(level.name(), c.levels().getOrDefault(level, 0.0));
        }
        m.put("levels", levels);
        Map<String, Object> types = new LinkedHashMap<>();
        c.anomalies().types().forEach((type, k) -> types.put(type.wireName(), kind(type, k)));
        m.put("anomalies", ordered("rate", c.anomalies().rate(), "types", types));
        m.put("output", ordered("format", c.output().format().wireName(), "include_labels", c.output().includeLabels()));
        return m;
    }

    private static Map<String, Object> kind(AnomalyType type, AnomalyKind k) {
        Map<String, Object> m = ordered("enabled", k.enabled(), "weight", k.weight(), "duration_logs", k.durationLogs());
        if (type == AnomalyType.ERROR_SPIKE) {
            m.put("error_rate", k.errorRate());
        }
        if (type == AnomalyType.LATENCY_DEGRADATION) {
            m.put("multiplier", k.multiplier());
        }
        if (!type.subtypes().isEmpty()) {
            m.put("subtypes", k.subtypes().isEmpty() ? type.subtypes() : k.subtypes());
        }
        return m;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** The {@code *_enabled} field names of {@code PUT /api/config/anomalies}, by kind. */
    static Map<String, AnomalyType> enabledFields() {
        Map<String, AnomalyType> m = new LinkedHashMap<>();
        for (AnomalyType type : AnomalyType.injectable()) {
            m.put(type.wireName() + "_enabled", type);
        }
        return m;
    }

    static List<String> injectableNames() {
        return AnomalyType.injectable().stream().map(AnomalyType::wireName).toList();
    }
}
