package io.synthlogs.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What one test generated: its streams by key and its temporary directory. Lives in the test's
 * {@code ExtensionContext.Store}; JUnit closes it when the test ends, which deletes the directory.
 */
final class TestState implements AutoCloseable {
    private final Map<String, Generated> streams = new LinkedHashMap<>();
    /** Where a failure attached each stream, so that later failures (dynamic tests, say) name it rather than copy it. */
    private final Map<Generated, String> attachments = new java.util.IdentityHashMap<>();
    private Path directory;

    Generated stream(String key) {
        return streams.get(key);
    }

    void add(Generated generated) {
        streams.put(generated.key(), generated);
    }

    Collection<Generated> streams() {
        return streams.values();
    }

    synchronized String attachment(Generated generated) {
        return attachments.get(generated);
    }

    synchronized void attached(Generated generated, String path) {
        attachments.put(generated, path);
    }

    /** A path for a new file named {@code name} (made unique) in this test's temporary directory. */
    Path newFile(String name) {
        try {
            if (directory == null) {
                directory = Files.createTempDirectory("synthlogs-");
            }
            Path file = directory.resolve(name);
            for (int n = 2; Files.exists(file); n++) {
                file = directory.resolve(n + "-" + name);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for @SyntheticLogs files", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
