package io.synthlogs.config;

import io.synthlogs.IoReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds a {@link SynthConfig} from layers: the bundled {@code config.yaml} first, then files, YAML
 * text and single overrides, each laid over the ones before. Every error names its origin.
 *
 * <pre>{@code
 * SynthConfig config = ConfigLoader.builder()
 *         .file(Path.of("config.yaml"))
 *         .set("anomalies.rate", 0.2, "--anomaly-rate")
 *         .build();
 * }</pre>
 */
public final class ConfigLoader {
    /** Classpath location of the bundled default configuration. */
    public static final String BUNDLED_RESOURCE = "/io/synthlogs/config/config.yaml";
    private static final String BUNDLED_ORIGIN = "bundled config.yaml";

    private ConfigLoader() {}

    /** The bundled defaults. */
    public static SynthConfig defaults() {
        return builder().build();
    }

    /** The bundled defaults overlaid by {@code file}. */
    public static SynthConfig load(Path file) {
        return builder().file(file).build();
    }

    /** The text of the bundled {@code config.yaml}. */
    public static String bundledYaml() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled " + BUNDLED_RESOURCE + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The bundled defaults, parsed once: trees are never changed once built, so every builder shares it. */
    private static final class Bundled {
        static final ConfigValue TREE = layer(YamlReader.read(bundledYaml(), BUNDLED_ORIGIN));
    }

    /** Collects layers; {@link #build()} merges and validates them. */
    public static final class Builder {
        private ConfigValue tree = Bundled.TREE;
        /** The layers written as YAML (bundled, files, text, resources), without the single overrides. */
        private ConfigValue written = Bundled.TREE;
        /** The key paths the single overrides set. */
        private final java.util.Set<String> overridden = new java.util.HashSet<>();

        private Builder() {}

        /** Lays a YAML file over what is there. A missing or unreadable file is a {@link ConfigException}. */
        public Builder file(Path file) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException | UncheckedIOException e) {
                throw new ConfigException(file.toString().isEmpty() ? "''" : file.toString(), "",
                        "cannot read the configuration file: " + why(file, e instanceof UncheckedIOException u ? u.getCause() : e));
            }
            return yaml(text, file.toString());
        }

        /** Why a configuration file could not be read, in words rather than an exception's name. */
        private static String why(Path file, Exception e) {
            if (e instanceof java.nio.charset.CharacterCodingException) {
                return "it is not UTF-8 text";
            }
            if (Files.isDirectory(file)) {
                return "it is a directory";
            }
            return e instanceof IOException failure ? IoReason.of(failure) : e.toString();
        }

        /** Lays YAML text over what is there; {@code origin} names it in errors. */
        public Builder yaml(String text, String origin) {
            ConfigValue layer = layer(YamlReader.read(text, origin));
            tree = tree.overlay(layer);
            written = written.overlay(layer);
            return this;
        }

        /** Lays a classpath resource over what is there. */
        public Builder resource(String name, ClassLoader loader) {
            String path = name.startsWith("/") ? name.substring(1) : name;
            try (InputStream in = loader.getResourceAsStream(path)) {
                if (in == null) {
                    throw new ConfigException(name, "", "no such classpath resource");
                }
                return yaml(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
            } catch (IOException e) {
                throw new ConfigException(name, "", "cannot read the resource: " + e.getMessage());
            }
        }

        /**
         * Sets one value at a dotted key path, e.g. {@code set("generator.total_logs", 500L, "--total")}.
         * Values are Long, Double, Boolean, String or lists of String (a BigInteger for a whole number
         * too big for a long, which validation then refuses by its range).
         */
        public Builder set(String keyPath, Object value, String origin) {
            Object raw = value;
            if (value instanceof Integer i) {
                raw = i.longValue();
            } else if (value instanceof Float f) {
                raw = f.doubleValue();
            } else if (value instanceof java.util.List<?> list) {
                raw = list.stream().map(item -> new ConfigValue(item, origin)).toList();
            }
            tree = tree.overlay(layer(ConfigValue.at(keyPath, raw, origin)));
            overridden.add(keyPath);
            return this;
        }

        /**
         * Sets a number written as text, a command-line flag's, read as a YAML file's number would be:
         * {@code 500} is a whole number, {@code 0.2} a number ({@code 1_000} too); anything else stays
         * the text as typed. So a wrong flag gets the same message, with what is allowed, as the same
         * value in a file.
         */
        public Builder setNumber(String keyPath, String text, String origin) {
            Object value = YamlReader.scalar(text.strip());
            // Numbers as YAML reads them; YAML's yes, ~ and null stay the words typed, so an error shows them.
            return set(keyPath, value instanceof Number ? value : text, origin);
        }

        /**
         * Merges the layers and validates the result. A value in a file that a single override replaces
         * is validated too: a mistake there is reported, rather than passing today and failing on the
         * next run without the flag. (Only such a value: a file that is sound with its flags, say one
         * disabling every kind under a rate of 0 given as a flag, is not refused for a rule spanning
         * keys that the flags satisfy.)
         */
        public SynthConfig build() {
            SynthConfig config = ConfigBinder.bind(tree);
            if (!overridden.isEmpty()) {
                try {
                    ConfigBinder.bind(written);
                } catch (ConfigException e) {
                    if (overridden.contains(e.keyPath())) {
                        throw e;
                    }
                }
            }
            return config;
        }
    }

    /** Resolves aliases within one layer, so a later layer's alias overrides an earlier layer's key. */
    private static ConfigValue layer(ConfigValue root) {
        if (!root.isMap()) {
            throw new ConfigException(root.location(), "", "the configuration must be a mapping of sections, got " + root.show());
        }
        Map<String, ConfigValue> top = new LinkedHashMap<>(root.asMap());
        alias(top, "anomalies", "probability", "rate", false);
        alias(top, "timestamps", "increment", "rate", true);
        return new ConfigValue(top, root.location());
    }

    private static void alias(Map<String, ConfigValue> top, String section, String alias, String key, boolean invert) {
        ConfigValue node = top.get(section);
        if (node == null || !node.isMap() || !node.asMap().containsKey(alias)) {
            return;
        }
        Map<String, ConfigValue> map = new LinkedHashMap<>(node.asMap());
        ConfigValue value = map.remove(alias);
        if (map.containsKey(key)) {
            throw new ConfigException(value.location(), section + "." + alias,
                    "give either " + section + "." + key + " or " + section + "." + alias + ", not both");
        }
        Object raw = value.raw();
        if (invert) {
            if (!(raw instanceof Number n) || !(n.doubleValue() > 0) || Double.isInfinite(n.doubleValue())) {
                throw new ConfigException(value.location(), section + "." + alias,
                        value.show() + " is not a positive number of seconds");
            }
            raw = 1.0 / n.doubleValue();
        }
        map.put(key, new ConfigValue(raw, value.location()));
        top.put(section, new ConfigValue(map, node.location()));
    }
}
