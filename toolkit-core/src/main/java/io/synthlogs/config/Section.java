package io.synthlogs.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A mapping in the configuration tree being bound, with typed, range-checked getters whose errors name
 * the location, the key path, the value and what is allowed.
 */
final class Section {
    private final String path;
    private final ConfigValue node;
    private final Map<String, ConfigValue> map;

    private Section(String path, ConfigValue node) {
        this.path = path;
        this.node = node;
        this.map = node.asMap();
    }

    /** The mapping at {@code path}; fails unless it is a mapping whose keys are all in {@code allowed}. */
    static Section of(String path, ConfigValue node, Collection<String> allowed) {
        if (node == null || !node.isMap()) {
            String shown = node == null ? "nothing" : node.show();
            throw new ConfigException(node == null ? null : node.location(), path, "expected a mapping, got " + shown);
        }
        for (Map.Entry<String, ConfigValue> e : node.asMap().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                String suggestion = Suggest.closest(e.getKey(), allowed);
                throw new ConfigException(e.getValue().location(), join(path, e.getKey()),
                        "unknown key" + (suggestion == null ? "; allowed" : "; did you mean '" + suggestion + "'? Allowed")
                                + " here: " + String.join(", ", allowed));
            }
        }
        return new Section(path, node);
    }

    String path() {
        return path;
    }

    boolean has(String key) {
        return map.containsKey(key) && map.get(key).raw() != null;
    }

    ConfigValue value(String key) {
        ConfigValue v = map.get(key);
        if (v == null || v.raw() == null) {
            throw new ConfigException(v == null ? node.location() : v.location(), join(path, key), "a value is required");
        }
        return v;
    }

    Section section(String key, Collection<String> allowed) {
        return of(join(path, key), value(key), allowed);
    }

    double number(String key, double min, double max) {
        ConfigValue v = value(key);
        if (!(v.raw() instanceof Number n) || Double.isNaN(n.doubleValue())) {
            throw error(key, v, "is not a number; allowed: a number within [" + fmt(min) + ", " + fmt(max) + "]");
        }
        double d = n.doubleValue();
        if (d < min || d > max) {
            throw error(key, v, "is not within [" + fmt(min) + ", " + fmt(max) + "]");
        }
        return d;
    }

    long integer(String key, long min, long max) {
        ConfigValue v = value(key);
        Object raw = v.raw();
        if (!isWhole(raw)) {
            throw error(key, v, "is not a whole number; allowed: a whole number within [" + min + ", " + max + "]");
        }
        boolean within = raw instanceof Long l ? l >= min && l <= max
                : raw instanceof Double d && d >= min && d <= max; // a BigInteger is beyond any long
        if (!within) {
            throw error(key, v, "is not within [" + min + ", " + max + "]");
        }
        return ((Number) raw).longValue();
    }

    boolean bool(String key) {
        ConfigValue v = value(key);
        if (!(v.raw() instanceof Boolean b)) {
            throw error(key, v, "is not a boolean; allowed: true, false");
        }
        return b;
    }

    String string(String key) {
        ConfigValue v = value(key);
        if (!(v.raw() instanceof String s) || s.isBlank()) {
            throw error(key, v, "is not a non-empty string");
        }
        return s;
    }

    /** A name that appears in every line: printable, no line breaks or control characters. */
    String name(String key) {
        String name = string(key);
        checkPrintable(key, value(key), name);
        return name;
    }

    /** A list of {@link #name names}. */
    List<String> names(String key) {
        List<String> names = strings(key);
        for (String name : names) {
            checkPrintable(key, value(key), name);
        }
        return names;
    }

    private void checkPrintable(String key, ConfigValue v, String name) {
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw error(key, v, "contains a control character (such as a line break); names appear in every line");
            }
        }
    }

    String choice(String key, String... allowed) {
        ConfigValue v = value(key);
        String s = v.raw() == null ? "" : String.valueOf(v.raw()).trim().toLowerCase(java.util.Locale.ROOT);
        if (!Arrays.asList(allowed).contains(s)) {
            throw error(key, v, "is not one of " + String.join(", ", allowed));
        }
        return s;
    }

    List<String> strings(String key) {
        ConfigValue v = value(key);
        if (!(v.raw() instanceof List)) {
            throw error(key, v, "is not a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (ConfigValue item : v.asList()) {
            if (!(item.raw() instanceof String s) || s.isBlank()) {
                throw new ConfigException(item.location(), join(path, key) + "[" + out.size() + "]",
                        item.show() + " is not a non-empty string");
            }
            if (out.contains(s)) {
                throw new ConfigException(item.location(), join(path, key) + "[" + out.size() + "]",
                        "'" + s + "' is listed twice");
            }
            out.add(s);
        }
        if (out.isEmpty()) {
            throw error(key, v, "must not be empty");
        }
        return out;
    }

    ConfigException error(String key, ConfigValue v, String problem) {
        return new ConfigException(v.location(), join(path, key), v.show() + " " + problem);
    }

    ConfigException error(String problem) {
        return new ConfigException(node.location(), path, problem);
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A whole number, however written: {@code 5}, {@code 99999999999999999999}, {@code 5000.0}, {@code 1e23}. */
    private static boolean isWhole(Object raw) {
        return raw instanceof Long || raw instanceof java.math.BigInteger
                || raw instanceof Double d && !d.isInfinite() && d == Math.rint(d);
    }

    static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
