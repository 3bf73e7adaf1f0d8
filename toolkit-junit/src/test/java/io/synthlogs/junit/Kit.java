package io.synthlogs.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.synthlogs.LogStream;
import io.synthlogs.format.LogFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.OutputDirectoryCreator;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs sample test classes through the Jupiter engine and reads what they reported. */
final class Kit {
    private Kit() {}

    static EngineExecutionResults run(Class<?> testClass, String... config) {
        return run(List.of(selectClass(testClass)), config);
    }

    static EngineExecutionResults run(List<? extends DiscoverySelector> selectors, String... config) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < config.length; i += 2) {
            parameters.put(config[i], config[i + 1]);
        }
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectors)
                .configurationParameters(parameters)
                .outputDirectoryCreator(new TempOutput())
                .execute();
    }

    /** Report entries with {@code key}, by the display name of the test that published them. */
    static Map<String, List<String>> entries(EngineExecutionResults results, String key) {
        Map<String, List<String>> found = new LinkedHashMap<>();
        results.allEvents().reportingEntryPublished().stream().forEach(event -> {
            ReportEntry entry = event.getRequiredPayload(ReportEntry.class);
            String value = entry.getKeyValuePairs().get(key);
            if (value != null) {
                found.computeIfAbsent(name(event), k -> new ArrayList<>()).add(value);
            }
        });
        return found;
    }

    /** The single report entry {@code key} of the test whose display name is {@code test}. */
    static String entry(EngineExecutionResults results, String test, String key) {
        List<String> values = entries(results, key).get(test);
        if (values == null || values.size() != 1) {
            throw new AssertionError("expected one entry " + key + " for " + test + ", got " + entries(results, key));
        }
        return values.get(0);
    }

    /** The failure of the test whose display name is {@code test}. */
    static Throwable failure(EngineExecutionResults results, String test) {
        return results.allEvents().failed().stream().filter(e -> name(e).equals(test)).findFirst()
                .flatMap(e -> e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable())
                .orElseThrow(() -> new AssertionError("no failure of " + test + " in " + results.allEvents().failed()
                        .stream().map(Kit::name).toList()));
    }

    static String name(Event event) {
        return event.getTestDescriptor().getDisplayName();
    }

    /** A fingerprint of a stream's labeled lines, for comparing data across runs. */
    static String digest(LogStream stream) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String line : stream.render(LogFormat.JSON)) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fingerprint of a file of labeled JSON lines, comparable with {@link #digest(LogStream)}. */
    static String digest(Path file) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Report files go to a fresh directory per run under the module's {@code target}, which a clean
     * build removes: under {@code /tmp} every test run left thousands of directories behind.
     */
    static final class TempOutput implements OutputDirectoryCreator {
        private final Path root;

        TempOutput() {
            try {
                root = Files.createTempDirectory(Files.createDirectories(Path.of("target", "kit-reports")), "run-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Path getRootDirectory() {
            return root;
        }

        @Override
        public Path createOutputDirectory(TestDescriptor descriptor) throws IOException {
            String name = descriptor.getUniqueId().toString().replaceAll("[^A-Za-z0-9._-]", "_");
            return Files.createDirectories(root.resolve(name));
        }
    }
}
