package io.synthlogs.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of a configuration tree before binding: a map, a list or a scalar, with where it was
 * written ({@code config.yaml:12:17}, {@code --anomaly-rate}, …) so errors can point at it.
 *
 * @param raw a {@code Map<String, ConfigValue>}, a {@code List<ConfigValue>}, a String, Long, Double,
 *     BigInteger (a whole number too big for a long),
 *     Boolean, or {@code null}
 * @param location where the value was written
 */
record ConfigValue(Object raw, String location) {

    @SuppressWarnings("unchecked")
    Map<String, ConfigValue> asMap() {
        return (Map<String, ConfigValue>) raw;
    }

    @SuppressWarnings("unchecked")
    List<ConfigValue> asList() {
        return (List<ConfigValue>) raw;
    }

    boolean isMap() {
        return raw instanceof Map;
    }

    /**
     * This tree with {@code top} laid over it: maps merge key by key, anything else is replaced. A
     * section left empty ({@code anomalies:} with every key commented out) changes nothing; a value
     * where a section belongs is refused where it was written, before a later layer (a flag) could
     * lay a part of a section over it and take the blame.
     */
    ConfigValue overlay(ConfigValue top) {
        return overlay(top, "");
    }

    private ConfigValue overlay(ConfigValue top, String path) {
        if (top == null || isMap() && top.raw() == null) {
            return this;
        }
        if (isMap() && !top.isMap()) {
            throw new ConfigException(top.location(), path, "expected a mapping, got " + top.show());
        }
        if (!isMap() || !top.isMap()) {
            return top;
        }
        Map<String, ConfigValue> merged = new LinkedHashMap<>(asMap());
        top.asMap().forEach((key, value) -> merged.merge(key, value,
                (below, above) -> below.overlay(above, path.isEmpty() ? key : path + "." + key)));
        return new ConfigValue(merged, top.location());
    }

    /** A tree holding only {@code value} at the dotted {@code keyPath}. */
    static ConfigValue at(String keyPath, Object value, String location) {
        ConfigValue node = new ConfigValue(value, location);
        String[] keys = keyPath.split("\\.");
        for (int i = keys.length - 1; i >= 0; i--) {
            Map<String, ConfigValue> map = new LinkedHashMap<>();
            map.put(keys[i], node);
            node = new ConfigValue(map, location);
        }
        return node;
    }

    /** The value rendered as a user wrote it, for messages. */
    String show() {
        if (raw instanceof String s) {
            return "'" + s + "'";
        }
        if (raw instanceof Map || raw instanceof List) {
            return raw instanceof Map ? "a mapping" : "a list";
        }
        if (raw instanceof Double d && Math.abs(d) >= 1e15 && !d.isInfinite()) {
            // JDK 17 prints 1e23 as 9.999999999999999E22; fifteen digits give back what was written.
            return new java.math.BigDecimal(d).round(new java.math.MathContext(15)).stripTrailingZeros().toString();
        }
        if (raw instanceof Double d && Math.abs(d) < 1e-3 && Math.abs(d) >= 1e-12) {
            // As a config file writes it, 0.0000001, not 1.0E-7.
            return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(raw);
    }
}
