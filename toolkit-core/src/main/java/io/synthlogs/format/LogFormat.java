package io.synthlogs.format;

import io.synthlogs.LogEntry;
import io.synthlogs.sink.FileSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;

/** How a {@link LogEntry} becomes one line of text. */
public enum LogFormat {
    /** One JSON object per line with an optional {@code _labels} object. */
    JSON("json", ".json"),
    /** The original tool's human-readable layout with an optional {@code [ANOMALY:type:score]} tag. */
    TEXT("text", ".log");

    private final String wireName;
    private final String extension;

    LogFormat(String wireName, String extension) {
        this.wireName = wireName;
        this.extension = extension;
    }

    /** The name used in config, CLI and HTTP: {@code json} or {@code text}. */
    public String wireName() {
        return wireName;
    }

    /** The file name extension for this format, with its dot. */
    public String extension() {
        return extension;
    }

    /** Appends the line for {@code entry}, without a line break. */
    public void append(LineBuffer out, LogEntry entry, boolean includeLabels) {
        append(out, out.scratchFields().set(entry), includeLabels);
    }

    /** Appends the line {@code fields} hold, without a line break. */
    public void append(LineBuffer out, LineFields fields, boolean includeLabels) {
        if (this == JSON) {
            JsonLineFormat.append(out, fields, includeLabels);
        } else {
            TextLineFormat.append(out, fields, includeLabels);
        }
    }

    /** The line for {@code entry} as a string, without a line break. */
    public String render(LogEntry entry, boolean includeLabels) {
        LineBuffer buffer = new LineBuffer();
        append(buffer, entry, includeLabels);
        return buffer.toString();
    }

    /**
     * Writes each entry as one line to {@code file}, replacing it, in whole-line writes: a failure
     * leaves the whole lines written before it and is thrown naming the file.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public Path writeLines(Path file, Iterator<? extends LogEntry> entries, boolean includeLabels) {
        try (FileSink sink = new FileSink(file, 1 << 16, false)) {
            LineBuffer buffer = new LineBuffer();
            while (entries.hasNext()) {
                buffer.reset();
                append(buffer, entries.next(), includeLabels);
                buffer.append('\n');
                sink.writeLine(buffer.array(), 0, buffer.length());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    /**
     * Parses {@code json} or {@code text}, case-insensitively.
     *
     * @throws IllegalArgumentException naming the value and the allowed names
     */
    public static LogFormat parse(String name) {
        String lower = name.trim().toLowerCase(Locale.ROOT);
        for (LogFormat format : values()) {
            if (format.wireName.equals(lower)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "'; allowed: " + String.join(", ", wireNames()));
    }

    public static String[] wireNames() {
        return Arrays.stream(values()).map(LogFormat::wireName).toArray(String[]::new);
    }
}
