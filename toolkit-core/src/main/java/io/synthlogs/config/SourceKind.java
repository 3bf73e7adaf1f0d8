package io.synthlogs.config;

import java.util.Locale;

/** What a source is, which decides the message templates and fields its lines get. */
public enum SourceKind {
    WEB("web-server"),
    APPLICATION("application"),
    DATABASE("database"),
    INFRASTRUCTURE("infrastructure");

    private final String defaultName;

    SourceKind(String defaultName) {
        this.defaultName = defaultName;
    }

    /** The wire name used in YAML {@code kind:}, e.g. {@code web}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind a source of this name has when its config gives no {@code kind}, or {@code null}. */
    static SourceKind fromSourceName(String sourceName) {
        for (SourceKind kind : values()) {
            if (kind.defaultName.equals(sourceName) || kind.wireName().equals(sourceName)) {
                return kind;
            }
        }
        return null;
    }
}
