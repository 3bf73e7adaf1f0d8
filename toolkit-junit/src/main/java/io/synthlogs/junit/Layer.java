package io.synthlogs.junit;

import io.synthlogs.AnomalyType;
import io.synthlogs.format.LogFormat;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The settings one declaration makes, {@code null} where it leaves an attribute unset. Values are
 * validated as the layer is read, so each error names the declaration that made it.
 *
 * @param where the declaration, e.g. {@code @SyntheticLogs on parameter [LogStream logs] in …}
 */
record Layer(
        Kind kind, String where, Integer count, Double anomalyRate, List<AnomalyType> anomalies, List<String> sources,
        Long seed, Instant start, String config, LogFormat format, Boolean labels) {

    enum Kind { PARAMETER_OR_FIELD, DEFAULTS, CONFIGURATION }

    private static final String NONE_CANNOT_BE_INJECTED = "NONE labels normal lines and cannot be injected; allowed: "
            + AnomalyType.injectable();
    private static final String NOT_AN_INSTANT = "not an ISO-8601 instant; write e.g. 2024-01-01T00:00:00Z";

    static Layer of(SyntheticLogs a, String element) {
        String at = "@SyntheticLogs on " + element;
        return new Layer(Kind.PARAMETER_OR_FIELD, at, count(a.count(), at), rate(a.anomalyRate()),
                anomalies(a.anomalies(), at), a.sources().length == 0 ? null : List.of(a.sources()),
                a.seed() == SyntheticLogsConstants.NOT_SET_LONG ? null : a.seed(), start(a.start(), at),
                a.config().isEmpty() ? null : a.config(), format(a.format(), at), labels(a.labels()));
    }

    static Layer of(SyntheticLogsDefaults d, String element) {
        String at = "@SyntheticLogsDefaults on " + element;
        return new Layer(Kind.DEFAULTS, at, count(d.count(), at), rate(d.anomalyRate()),
                anomalies(d.anomalies(), at), d.sources().length == 0 ? null : List.of(d.sources()), null,
                start(d.start(), at), d.config().isEmpty() ? null : d.config(), format(d.format(), at),
                labels(d.labels()));
    }

    static Layer fromConfiguration(ExtensionContext context) {
        return new Layer(Kind.CONFIGURATION, "configuration parameters",
                read(context, SyntheticLogsConstants.COUNT_PROPERTY_NAME, Layer::nonNegative),
                read(context, SyntheticLogsConstants.ANOMALY_RATE_PROPERTY_NAME, Double::valueOf),
                read(context, SyntheticLogsConstants.ANOMALIES_PROPERTY_NAME, Layer::injectable),
                read(context, SyntheticLogsConstants.SOURCES_PROPERTY_NAME, Layer::split),
                null,
                read(context, SyntheticLogsConstants.START_PROPERTY_NAME, Layer::instant),
                read(context, SyntheticLogsConstants.CONFIG_PROPERTY_NAME, String::trim),
                read(context, SyntheticLogsConstants.FORMAT_PROPERTY_NAME, LogFormat::parse),
                read(context, SyntheticLogsConstants.LABELS_PROPERTY_NAME, Layer::bool));
    }

    /**
     * The data settings among the configuration parameters, as given, by key: what a rerun must set
     * again to get the same data. (The seed is not among them: the rerun names it anyway.)
     */
    static Map<String, String> configurationParameters(ExtensionContext context) {
        Map<String, String> set = new LinkedHashMap<>();
        for (String key : SyntheticLogsConstants.DATA_PROPERTY_NAMES) {
            context.getConfigurationParameter(key).map(String::trim).filter(v -> !v.isEmpty())
                    .ifPresent(v -> set.put(key, v));
        }
        return set;
    }

    /** Where {@code attribute} was set by this layer, for error messages. */
    String origin(String attribute) {
        return switch (kind) {
            case CONFIGURATION -> "configuration parameter synthlogs." + attribute;
            case DEFAULTS -> "@SyntheticLogsDefaults(" + attribute + ")" + where.substring(where.indexOf(" on "));
            case PARAMETER_OR_FIELD -> "@SyntheticLogs(" + attribute + ")" + where.substring(where.indexOf(" on "));
        };
    }

    /**
     * What was wrong with the value an attribute was set to, named as {@link #origin} names it:
     * {@code @SyntheticLogs(anomalyRate = 1.5) on …: problem}, or {@code Configuration parameter
     * synthlogs.anomalyRate = '1.5' cannot be used: problem} as {@link #read} words it.
     */
    static String problem(String origin, Object value, String problem) {
        int close = origin.indexOf(')');
        if (origin.startsWith("@") && close > 0) {
            return origin.substring(0, close) + " = " + value + origin.substring(close) + ": " + problem;
        }
        return "Configuration parameter " + origin.substring(origin.lastIndexOf(' ') + 1) + " = '" + value
                + "' cannot be used: " + problem;
    }

    private static Integer count(int value, String at) {
        if (value == SyntheticLogsConstants.NOT_SET_INT) {
            return null;
        }
        if (value < 0) {
            throw misuse(at, "count = " + value, "count must be >= 0");
        }
        return value;
    }

    private static Double rate(double value) {
        // The configuration validates the range and names this layer as the origin.
        return Double.isNaN(value) ? null : value;
    }

    private static List<AnomalyType> anomalies(AnomalyType[] values, String at) {
        if (Arrays.asList(values).contains(AnomalyType.NONE)) {
            throw misuse(at, "anomalies = NONE", NONE_CANNOT_BE_INJECTED);
        }
        return values.length == 0 ? null : List.of(values);
    }

    /** Wire names, as a configuration parameter spells them ({@code error_spike,security_threat}). */
    private static List<AnomalyType> injectable(String value) {
        String allowed = "; allowed: " + AnomalyType.injectable().stream().map(AnomalyType::wireName)
                .collect(java.util.stream.Collectors.joining(", "));
        List<AnomalyType> types = new java.util.ArrayList<>();
        for (String name : split(value)) {
            AnomalyType type;
            try {
                type = AnomalyType.parse(name);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown anomaly type '" + name + "'" + allowed);
            }
            if (type == AnomalyType.NONE) {
                throw new IllegalArgumentException("none labels normal lines and cannot be injected" + allowed);
            }
            types.add(type);
        }
        return types;
    }

    private static Instant start(String value, String at) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw misuse(at, "start = \"" + value + "\"", NOT_AN_INSTANT);
        }
    }

    private static LogFormat format(String value, String at) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LogFormat.parse(value);
        } catch (IllegalArgumentException e) {
            throw misuse(at, "format = \"" + value + "\"", e.getMessage());
        }
    }

    private static Boolean labels(LabelMode mode) {
        return mode == LabelMode.NOT_SET ? null : mode == LabelMode.INCLUDE;
    }

    private static ExtensionConfigurationException misuse(String at, String attribute, String problem) {
        int on = at.indexOf(" on ");
        return new ExtensionConfigurationException(at.substring(0, on) + "(" + attribute + ")" + at.substring(on)
                + ": " + problem);
    }

    private static <T> T read(ExtensionContext context, String key, Function<String, T> parse) {
        Optional<String> raw = context.getConfigurationParameter(key).map(String::trim).filter(v -> !v.isEmpty());
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return parse.apply(raw.get());
        } catch (RuntimeException e) {
            throw new ExtensionConfigurationException("Configuration parameter " + key + " = '" + raw.get()
                    + "' cannot be used: " + (e instanceof NumberFormatException ? "not a number" : e.getMessage()));
        }
    }

    private static Integer nonNegative(String value) {
        long count;
        try {
            count = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number; allowed: 0 to " + Integer.MAX_VALUE);
        }
        if (count < 0 || count > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("not within [0, " + Integer.MAX_VALUE + "]");
        }
        return (int) count;
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(NOT_AN_INSTANT);
        }
    }

    static List<String> split(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static boolean bool(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("allowed: true, false");
    }
}
