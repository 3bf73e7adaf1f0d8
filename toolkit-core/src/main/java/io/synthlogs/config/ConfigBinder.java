package io.synthlogs.config;

import io.synthlogs.AnomalyType;
import io.synthlogs.Level;
import io.synthlogs.format.LogFormat;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns a merged {@link ConfigValue} tree into a validated {@link SynthConfig}. */
final class ConfigBinder {
    private static final List<String> ROOT_KEYS = List.of("generator", "timestamps", "sources", "levels", "anomalies", "output");
    private static final List<String> GENERATOR_KEYS = List.of("batch_size", "interval", "total_logs");
    private static final List<String> TIMESTAMP_KEYS = List.of("start", "rate", "increment");
    private static final List<String> SOURCE_KEYS = List.of("name", "kind", "weight", "services");
    private static final List<String> ANOMALY_KEYS = List.of("rate", "probability", "types");
    private static final List<String> OUTPUT_KEYS = List.of("destination", "format", "include_labels", "file");
    private static final List<String> FILE_KEYS = List.of("path", "stem", "rotation_size_mb", "max_files", "page_aligned");

    // As epoch seconds: parsing text here would load the date-time parser on every start-up.
    private static final Instant EARLIEST = Instant.ofEpochSecond(-62_167_219_200L); // 0000-01-01T00:00:00Z
    /** Leaves room for a run of years after the start without leaving four-digit years. */
    private static final Instant LATEST = Instant.ofEpochSecond(221_845_392_000L); // 9000-01-01T00:00:00Z

    private ConfigBinder() {}

    static SynthConfig bind(ConfigValue root) {
        Section top = Section.of("", root, ROOT_KEYS);
        return new SynthConfig(
                generator(top.section("generator", GENERATOR_KEYS)),
                timestamps(top.section("timestamps", TIMESTAMP_KEYS)),
                sources(top),
                levels(top.section("levels", names(Level.values()))),
                anomalies(top.section("anomalies", ANOMALY_KEYS)),
                output(top.section("output", OUTPUT_KEYS)));
    }

    private static SynthConfig.Generator generator(Section s) {
        return new SynthConfig.Generator(
                (int) s.integer("batch_size", 1, 1_000_000),
                s.number("interval", 0, 3600),
                s.integer("total_logs", 0, Long.MAX_VALUE));
    }

    private static SynthConfig.Timestamps timestamps(Section s) {
        ConfigValue startValue = s.value("start");
        Optional<Instant> start = Optional.empty();
        String text = String.valueOf(startValue.raw()).trim();
        if (!text.equalsIgnoreCase("now")) {
            try {
                start = Optional.of(Instant.parse(text));
            } catch (DateTimeParseException e) {
                throw s.error("start", startValue, "is not 'now' or an ISO-8601 instant such as 2024-01-01T00:00:00Z");
            }
            if (start.get().isBefore(EARLIEST) || start.get().isAfter(LATEST)) {
                throw s.error("start", startValue, "is outside 0000-01-01 to 9000-01-01 (later starts leave a run too"
                        + " few years of four-digit timestamps)");
            }
        }
        return new SynthConfig.Timestamps(start, s.number("rate", 1e-6, 1e9));
    }

    private static List<SynthConfig.Source> sources(Section top) {
        ConfigValue list = top.value("sources");
        if (!(list.raw() instanceof List)) {
            throw top.error("sources", list, "is not a list of sources");
        }
        List<SynthConfig.Source> sources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        java.util.Map<String, String> serviceOwners = new java.util.HashMap<>();
        double total = 0;
        for (ConfigValue item : list.asList()) {
            Section s = Section.of("sources[" + sources.size() + "]", item, SOURCE_KEYS);
            String name = s.name("name");
            if (!names.add(name)) {
                throw s.error("name", s.value("name"), "is used by another source; source names must be unique");
            }
            SourceKind kind;
            if (s.has("kind")) {
                kind = SourceKind.valueOf(s.choice("kind", "web", "application", "database", "infrastructure")
                        .toUpperCase(java.util.Locale.ROOT));
            } else {
                kind = SourceKind.fromSourceName(name);
                if (kind == null) {
                    throw s.error("kind: is required for a source named '" + name
                            + "'; allowed: web, application, database, infrastructure");
                }
            }
            double weight = s.number("weight", 0, 1e6);
            total += weight;
            List<String> services = s.names("services");
            for (String service : services) {
                String owner = serviceOwners.putIfAbsent(service, name);
                if (owner != null) {
                    throw new ConfigException(s.value("services").location(), s.path() + ".services",
                            "'" + service + "' is listed by source '" + owner + "' too; a service belongs to one source");
                }
            }
            sources.add(new SynthConfig.Source(name, kind, weight, services));
        }
        if (sources.isEmpty()) {
            throw top.error("sources", list, "must list at least one source");
        }
        if (total <= 0) {
            throw top.error("sources", list, "has no source with a positive weight");
        }
        return sources;
    }

    private static Map<Level, Double> levels(Section s) {
        Map<Level, Double> levels = new EnumMap<>(Level.class);
        double total = 0;
        for (Level level : Level.values()) {
            double w = s.has(level.name()) ? s.number(level.name(), 0, 1e6) : 0;
            levels.put(level, w);
            total += w;
        }
        if (total <= 0) {
            throw s.error("no level has a positive weight");
        }
        return levels;
    }

    private static SynthConfig.Anomalies anomalies(Section s) {
        double rate = s.number("rate", 0, 1);
        List<String> typeNames = AnomalyType.injectable().stream().map(AnomalyType::wireName).toList();
        Section types = s.section("types", typeNames);
        Map<AnomalyType, SynthConfig.AnomalyKind> kinds = new EnumMap<>(AnomalyType.class);
        for (AnomalyType type : AnomalyType.injectable()) {
            kinds.put(type, kind(type, types));
        }
        SynthConfig.Anomalies anomalies = new SynthConfig.Anomalies(rate, kinds);
        if (rate > 0 && anomalies.active().isEmpty()) {
            throw types.error("no anomaly type is enabled with a positive weight, but anomalies.rate is " + rate
                    + "; enable one or set the rate to 0");
        }
        return anomalies;
    }

    private static SynthConfig.AnomalyKind kind(AnomalyType type, Section types) {
        List<String> allowed = new ArrayList<>(List.of("enabled", "weight", "duration_logs"));
        if (type == AnomalyType.ERROR_SPIKE) {
            allowed.add("error_rate");
        }
        if (type == AnomalyType.LATENCY_DEGRADATION) {
            allowed.add("multiplier");
        }
        if (!type.subtypes().isEmpty()) {
            allowed.add("subtypes");
        }
        Section s = types.section(type.wireName(), allowed);
        List<String> subtypes = List.of();
        if (!type.subtypes().isEmpty()) {
            subtypes = s.strings("subtypes");
            for (String subtype : subtypes) {
                if (!type.subtypes().contains(subtype)) {
                    String hint = Suggest.closest(subtype, type.subtypes());
                    throw s.error("subtypes", s.value("subtypes"), "contains unknown subtype '" + subtype + "'"
                            + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                            + "; allowed: " + String.join(", ", type.subtypes()));
                }
            }
        }
        return new SynthConfig.AnomalyKind(
                s.bool("enabled"),
                s.number("weight", 0, 1e6),
                (int) s.integer("duration_logs", 1, 1_000_000),
                type == AnomalyType.ERROR_SPIKE ? s.number("error_rate", 0.01, 1) : 0,
                type == AnomalyType.LATENCY_DEGRADATION ? s.number("multiplier", 1, 1000) : 1,
                subtypes);
    }

    private static SynthConfig.Output output(Section s) {
        Section file = s.section("file", FILE_KEYS);
        return new SynthConfig.Output(
                SynthConfig.Destination.valueOf(s.choice("destination", "stdout", "file", "both").toUpperCase(java.util.Locale.ROOT)),
                LogFormat.parse(s.choice("format", LogFormat.wireNames())),
                s.bool("include_labels"),
                new SynthConfig.FileOutput(
                        file.string("path"),
                        stem(file),
                        rotationSizeMb(file),
                        (int) file.integer("max_files", 0, 1_000_000),
                        file.bool("page_aligned")));
    }

    /** At least one byte: a file rotates before a line would push it past the size, so any size works. */
    private static double rotationSizeMb(Section file) {
        ConfigValue v = file.value("rotation_size_mb");
        String allowed = "a size in MB from one byte to " + Section.fmt(SynthConfig.FileOutput.MAX_ROTATION_MB)
                + " (1 MB = " + SynthConfig.FileOutput.BYTES_PER_MB + " bytes)";
        if (!(v.raw() instanceof Number n) || Double.isNaN(n.doubleValue())) {
            throw file.error("rotation_size_mb", v, "is not a number; allowed: " + allowed);
        }
        double mb = n.doubleValue();
        if (mb * SynthConfig.FileOutput.BYTES_PER_MB < 1 || mb > SynthConfig.FileOutput.MAX_ROTATION_MB) {
            throw file.error("rotation_size_mb", v, "is out of range; allowed: " + allowed);
        }
        return mb;
    }

    private static String stem(Section file) {
        String stem = file.string("stem");
        if (!stem.matches("[A-Za-z0-9._-]+")) {
            throw file.error("stem", file.value("stem"), "may contain only letters, digits, '.', '_' and '-'");
        }
        return stem;
    }

    private static List<String> names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> v : values) {
            names.add(v.name());
        }
        return names;
    }
}
