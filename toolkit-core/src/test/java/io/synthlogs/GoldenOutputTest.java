package io.synthlogs;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlogs.config.ConfigLoader;
import io.synthlogs.format.EpisodeJson;
import io.synthlogs.format.LogFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import io.synthlogs.format.LineBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the exact bytes of a seed's first lines in every format, so an optimization that changes
 * output is caught. A deliberate change of content regenerates the files with
 * {@code -Dsynthlogs.golden.update=src/test/resources/golden} and says so in its commit.
 */
class GoldenOutputTest {
    private static final LogStream STREAM = LogStream.generate(
            Scenario.of(ConfigLoader.builder().set("anomalies.rate", 0.3, "golden").build(), 42), 400);

    @Test
    void json_lines_are_byte_identical_to_the_golden_file() throws IOException {
        check("seed42.jsonl", String.join("\n", STREAM.render(LogFormat.JSON)) + "\n");
    }

    @Test
    void text_lines_are_byte_identical_to_the_golden_file() throws IOException {
        check("seed42.log", String.join("\n", STREAM.render(LogFormat.TEXT)) + "\n");
    }

    @Test
    void unlabeled_json_lines_are_byte_identical_to_the_golden_file() throws IOException {
        check("seed42-unlabeled.jsonl", String.join("\n", STREAM.render(LogFormat.JSON, false)) + "\n");
    }

    /** The writers' path (the CLI's): rendered from the engine's fields, no {@code LogEntry} built. */
    @ParameterizedTest
    @CsvSource({"JSON, true, seed42.jsonl", "TEXT, true, seed42.log", "JSON, false, seed42-unlabeled.jsonl"})
    void lines_written_without_entries_are_byte_identical_to_the_golden_file(LogFormat format, boolean labels, String file)
            throws IOException {
        LogGenerator generator = LogGenerator.of(STREAM.scenario());
        LineBuffer out = new LineBuffer();
        for (int i = 0; i < STREAM.size(); i++) {
            format.append(out, generator.nextLine(), labels);
            out.append('\n');
        }
        check(null, file, out.toString());
    }

    @Test
    void the_manifest_is_byte_identical_to_the_golden_file() throws IOException {
        check("seed42-manifest.jsonl", STREAM.episodes().stream().map(EpisodeJson::toJson).collect(Collectors.joining("\n")) + "\n");
    }

    private static void check(String name, String actual) throws IOException {
        check(System.getProperty("synthlogs.golden.update"), name, actual);
    }

    private static void check(String update, String name, String actual) throws IOException {
        if (update != null) {
            Files.createDirectories(Path.of(update));
            Files.writeString(Path.of(update, name), actual, StandardCharsets.UTF_8);
        }
        try (InputStream in = GoldenOutputTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            String expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> want = expected.lines().toList();
            List<String> got = actual.lines().toList();
            for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
                assertThat(got.get(i)).as("%s line %d", name, i + 1).isEqualTo(want.get(i));
            }
            assertThat(actual).isEqualTo(expected);
        }
    }
}
