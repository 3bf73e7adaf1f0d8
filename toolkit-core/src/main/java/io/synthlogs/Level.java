package io.synthlogs;

/** Severity of a log line, from least to most severe. */
public enum Level {
    DEBUG,
    INFO,
    WARNING,
    ERROR,
    CRITICAL;

    /** Whether this level is ERROR or CRITICAL: the lines a naive detector would flag. */
    public boolean isError() {
        return this == ERROR || this == CRITICAL;
    }

    /**
     * Parses a level name case-insensitively; {@code WARN} is accepted for {@code WARNING}.
     *
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static Level parse(String name) {
        String upper = name.trim().toUpperCase(java.util.Locale.ROOT);
        if (upper.equals("WARN")) {
            return WARNING;
        }
        for (Level level : values()) {
            if (level.name().equals(upper)) {
                return level;
            }
        }
        throw new IllegalArgumentException(
                "unknown level '" + name + "'; allowed: DEBUG, INFO, WARNING, ERROR, CRITICAL");
    }
}
