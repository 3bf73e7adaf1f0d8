package io.synthlogs.config;

/**
 * A configuration value that cannot be used. The message names where it came from (file, line and
 * column, or the flag, annotation or HTTP field), the key path, the value and what is allowed.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String keyPath;

    public ConfigException(String location, String keyPath, String problem) {
        super(compose(location, keyPath, problem));
        this.keyPath = keyPath;
    }

    /** The dotted key path of the offending value, e.g. {@code anomalies.types.error_spike.error_rate}. */
    public String keyPath() {
        return keyPath;
    }

    private static String compose(String location, String keyPath, String problem) {
        StringBuilder sb = new StringBuilder();
        if (location != null && !location.isEmpty()) {
            sb.append(location).append(": ");
        }
        if (keyPath != null && !keyPath.isEmpty()) {
            sb.append(keyPath).append(": ");
        }
        return sb.append(problem).toString();
    }
}
