package io.synthlogs;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of anomaly the engine injects; {@link #NONE} labels normal lines.
 *
 * <p>Each kind has a wire name ({@code error_spike}, …) used in configuration, JSON labels, the CLI
 * and the server, and the subtypes of the original tool where it had them.
 */
public enum AnomalyType {
    NONE("none"),
    ERROR_SPIKE("error_spike"),
    LATENCY_DEGRADATION("latency_degradation"),
    SECURITY_THREAT("security_threat", "brute_force", "sql_injection", "xss_attempt", "unauthorized_access"),
    RESOURCE_EXHAUSTION("resource_exhaustion", "memory", "cpu", "disk", "connections"),
    SERVICE_OUTAGE("service_outage", "complete", "intermittent"),
    DATA_ANOMALY("data_anomaly", "null_values", "out_of_range", "format_error");

    private final String wireName;
    private final List<String> subtypes;

    AnomalyType(String wireName, String... subtypes) {
        this.wireName = wireName;
        this.subtypes = List.of(subtypes);
    }

    /** The snake_case name used in JSON, YAML, CLI and HTTP, e.g. {@code error_spike}. */
    public String wireName() {
        return wireName;
    }

    /** The subtypes this kind draws from; empty for kinds without subtypes. Never {@code null}. */
    public List<String> subtypes() {
        return subtypes;
    }

    /** The six injectable kinds, that is every value except {@link #NONE}. */
    public static List<AnomalyType> injectable() {
        return Arrays.stream(values()).filter(t -> t != NONE).toList();
    }

    /**
     * Parses a wire name ({@code error_spike}) or constant name ({@code ERROR_SPIKE}).
     *
     * @throws IllegalArgumentException naming the value and listing the valid names
     */
    public static AnomalyType parse(String name) {
        String wire = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (AnomalyType type : values()) {
            if (type.wireName.equals(wire)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown anomaly type '" + name + "'; allowed: " + wireNames());
    }

    /** The valid wire names, comma-separated, for error messages. */
    public static String wireNames() {
        return Arrays.stream(values()).map(AnomalyType::wireName).collect(Collectors.joining(", "));
    }
}
