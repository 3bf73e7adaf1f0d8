package io.synthlogs.junit;

import io.synthlogs.Episode;
import io.synthlogs.LogEntry;
import io.synthlogs.LogStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The types a {@code @SyntheticLogs} target may have, and how each is made from a stream. */
enum Injectable {
    LOG_STREAM("LogStream", LogStream.class, null),
    ENTRY_LIST("List<LogEntry>", List.class, LogEntry.class),
    ENTRY_STREAM("Stream<LogEntry>", Stream.class, LogEntry.class),
    EPISODE_LIST("List<Episode>", List.class, Episode.class),
    STRING("String", String.class, null),
    LINE_LIST("List<String>", List.class, String.class),
    PATH("Path", Path.class, null);

    private final String display;
    private final Class<?> raw;
    private final Class<?> element;

    Injectable(String display, Class<?> raw, Class<?> element) {
        this.display = display;
        this.raw = raw;
        this.element = element;
    }

    /** The kind for a declared type; empty when it is not supported. */
    static Optional<Injectable> of(Type type) {
        return Arrays.stream(values()).filter(k -> k.matches(type)).findFirst();
    }

    private boolean matches(Type type) {
        if (element == null) {
            return type == raw;
        }
        return type instanceof ParameterizedType p && p.getRawType() == raw
                && p.getActualTypeArguments()[0] == element;
    }

    /** The value for a target of this kind. */
    Object produce(GeneratedLines lines, Settings settings, FileMaker files, String targetName) {
        if (this == ENTRY_STREAM) {
            // Lazy: generated as the test consumes it, never held, so a large count fits a small heap.
            return lines.entries();
        }
        LogStream stream = lines.stream();
        return switch (this) {
            case LOG_STREAM -> stream;
            case ENTRY_LIST -> stream.entries();
            case ENTRY_STREAM -> throw new AssertionError("handled above");
            case EPISODE_LIST -> stream.episodes();
            case STRING -> String.join("\n", stream.render(settings.format(), settings.labels()));
            case LINE_LIST -> stream.render(settings.format(), settings.labels());
            case PATH -> stream.writeTo(files.newFile(targetName + settings.format().extension()), settings.format(),
                    settings.labels());
        };
    }

    /** Makes a fresh file path in the test's temporary directory. */
    @FunctionalInterface
    interface FileMaker {
        Path newFile(String name);
    }

    /** The supported types, for messages. */
    static String supported() {
        return Arrays.stream(values()).map(k -> k.display).collect(Collectors.joining(", "));
    }

    /** A type as a reader would write it: {@code List<LogEntry>}, not {@code java.util.List<io.synthlogs.LogEntry>}. */
    static String simpleName(Type type) {
        return type.getTypeName().replaceAll("(?:[a-z_][\\w]*\\.)+([A-Z])", "$1");
    }
}
