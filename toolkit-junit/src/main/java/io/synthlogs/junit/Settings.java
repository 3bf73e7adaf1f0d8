package io.synthlogs.junit;

import io.synthlogs.AnomalyType;
import io.synthlogs.Scenario;
import io.synthlogs.config.ConfigException;
import io.synthlogs.config.ConfigLoader;
import io.synthlogs.config.SynthConfig;
import io.synthlogs.format.LogFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The settings of one target after layering: each attribute from the first layer that sets it, or
 * the built-in default from {@link SyntheticLogsConstants}.
 *
 * @param anomalyRate {@code null}: the configuration's rate
 * @param seed {@code null}: derived from the root seed
 * @param start {@code null}: the configuration's {@code timestamps.start}, or
 *     {@link SyntheticLogsConstants#DEFAULT_START} where that says "now"
 * @param config {@code null}: the bundled configuration only
 * @param origins for each attribute set by a layer, the declaration that set it
 */
record Settings(
        int count, Double anomalyRate, List<AnomalyType> anomalies, List<String> sources, Long seed, Instant start,
        String config, LogFormat format, boolean labels, Map<String, String> origins) {

    private static final String RATE_KEY = "anomalies.rate";

    /** Merges layers given from the closest (the target itself) to the farthest. */
    static Settings merge(List<Layer> layers) {
        Map<String, String> origins = new LinkedHashMap<>();
        return new Settings(
                pick(layers, "count", Layer::count, SyntheticLogsConstants.DEFAULT_COUNT, origins),
                pick(layers, "anomalyRate", Layer::anomalyRate, null, origins),
                pick(layers, "anomalies", Layer::anomalies, List.of(), origins),
                pick(layers, "sources", Layer::sources, List.of(), origins),
                pick(layers, "seed", Layer::seed, null, origins),
                pick(layers, "start", Layer::start, null, origins),
                pick(layers, "config", Layer::config, null, origins),
                pick(layers, "format", Layer::format, LogFormat.parse(SyntheticLogsConstants.DEFAULT_FORMAT), origins),
                pick(layers, "labels", Layer::labels, SyntheticLogsConstants.DEFAULT_LABELS, origins),
                origins);
    }

    private static <T> T pick(List<Layer> layers, String attribute, Function<Layer, T> get, T fallback,
            Map<String, String> origins) {
        for (Layer layer : layers) {
            T value = get.apply(layer);
            if (value != null) {
                origins.put(attribute, layer.origin(attribute));
                return value;
            }
        }
        return fallback;
    }

    /** The scenario these settings describe, for {@code seed}. */
    Scenario scenario(ClassLoader loader, long seed) {
        SynthConfig config = synthConfig(loader);
        try {
            return start != null ? new Scenario(config, seed, start) : Scenario.of(config, seed);
        } catch (ConfigException e) {
            // The sources cannot show the kinds asked for: name whatever chose either.
            String where = originsOf("sources", "anomalies", "anomalyRate", "config");
            throw new ExtensionConfigurationException((where.isEmpty() ? "" : where + ": ") + e.getMessage(), e);
        }
    }

    /**
     * Where {@code attributes} were set, those set in one place together: {@code @SyntheticLogs(sources,
     * anomalies) on parameter […] and configuration parameter synthlogs.anomalyRate}.
     */
    private String originsOf(String... attributes) {
        Map<String, List<String>> byPlace = new LinkedHashMap<>();
        for (String attribute : attributes) {
            String origin = origins.get(attribute);
            if (origin == null) {
                continue;
            }
            int open = origin.indexOf('(');
            int close = origin.indexOf(')');
            if (open < 0 || close < open) {
                byPlace.put(origin, null); // a configuration parameter names its one key
            } else {
                byPlace.computeIfAbsent(origin.substring(0, open) + "()" + origin.substring(close + 1),
                        k -> new ArrayList<>()).add(origin.substring(open + 1, close));
            }
        }
        List<String> places = new ArrayList<>();
        byPlace.forEach((place, names) -> places.add(names == null ? place
                : place.replace("()", "(" + String.join(", ", names) + ")")));
        return String.join(" and ", places);
    }

    /** The configuration these settings describe. */
    SynthConfig synthConfig(ClassLoader loader) {
        ConfigLoader.Builder builder = ConfigLoader.builder();
        try {
            if (config != null) {
                builder.resource(config, loader);
            }
            if (anomalyRate != null) {
                builder.set(RATE_KEY, anomalyRate, origins.get("anomalyRate"));
            }
            for (AnomalyType type : anomalies.isEmpty() ? List.<AnomalyType>of() : AnomalyType.injectable()) {
                builder.set("anomalies.types." + type.wireName() + ".enabled", anomalies.contains(type),
                        origins.get("anomalies"));
            }
            SynthConfig built = builder.build();
            return sources.isEmpty() ? built : built.withSources(sources);
        } catch (ConfigException e) {
            String rateOrigin = origins.get("anomalyRate");
            String rateError = rateOrigin + ": " + RATE_KEY + ": ";
            if (RATE_KEY.equals(e.keyPath()) && rateOrigin != null && e.getMessage().startsWith(rateError)) {
                // Named as the attribute that set it, as the other attributes' mistakes are.
                throw new ExtensionConfigurationException(Layer.problem(rateOrigin, anomalyRate,
                        e.getMessage().substring(rateError.length())), e);
            }
            String origin = config != null && e.getMessage().startsWith(config + ":") ? origins.get("config") + ": " : "";
            throw new ExtensionConfigurationException(origin + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(origins.get("sources") + ": " + e.getMessage(), e);
        }
    }

    /**
     * The data attributes {@code own} sets that differ from these settings, e.g. {@code count = 10
     * (the stream has 5000)}; empty when targets may share the stream.
     */
    List<String> conflicts(Layer own) {
        List<String> found = new ArrayList<>();
        check(found, "count", own.count(), count);
        check(found, "anomalyRate", own.anomalyRate(), anomalyRate);
        check(found, "anomalies", own.anomalies(), anomalies);
        check(found, "sources", own.sources(), sources);
        check(found, "seed", own.seed(), seed);
        check(found, "start", own.start(), start == null ? "the configuration's" : start);
        check(found, "config", own.config(), config);
        return found;
    }

    private static void check(List<String> found, String attribute, Object wanted, Object actual) {
        if (wanted != null && !Objects.equals(wanted, actual)) {
            found.add(attribute + " = " + wanted + " (the stream has " + (actual == null ? "none set" : actual) + ")");
        }
    }
}
