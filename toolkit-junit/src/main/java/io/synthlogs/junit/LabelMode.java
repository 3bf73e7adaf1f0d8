package io.synthlogs.junit;

/** Whether rendered targets ({@code String}, {@code List<String>}, {@code Path}) carry the labels. */
public enum LabelMode {
    /** Take the value from the defaults (in the end: include). */
    NOT_SET,
    /** Render the {@code _labels} object (JSON) or {@code [ANOMALY:…]} tag (text). */
    INCLUDE,
    /** Render the lines as a detector would see them in production. */
    OMIT
}
