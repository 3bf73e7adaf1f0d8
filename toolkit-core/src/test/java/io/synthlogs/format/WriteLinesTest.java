package io.synthlogs.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthlogs.AnomalyType;
import io.synthlogs.Fixtures;
import io.synthlogs.LogStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteLinesTest {
    @TempDir
    Path dir;

    private final LogStream stream = Fixtures.streamOf(AnomalyType.DATA_ANOMALY, 4, 3000);

    @Test
    void a_stream_written_to_a_file_is_its_rendered_lines_and_replaces_what_was_there() throws Exception {
        Path file = Files.writeString(dir.resolve("lines.log"), "x".repeat(2_000_000));
        assertThat(stream.writeTo(file, LogFormat.TEXT, false)).isEqualTo(file);
        assertThat(Files.readAllLines(file)).isEqualTo(stream.render(LogFormat.TEXT, false));
        assertThat(LogFormat.JSON.writeLines(file, stream.entries().iterator(), true)).isEqualTo(file);
        assertThat(Files.readAllLines(file)).isEqualTo(stream.render(LogFormat.JSON, true));
    }

    @Test
    void a_file_that_cannot_be_written_is_named_in_the_failure() {
        assertThatThrownBy(() -> stream.writeTo(Path.of("/dev/full"), LogFormat.JSON))
                .isInstanceOf(UncheckedIOException.class).hasMessage("cannot write /dev/full: No space left on device");
        Path missing = dir.resolve("no/such/dir/lines.json");
        assertThatThrownBy(() -> stream.writeTo(missing, LogFormat.JSON))
                .isInstanceOf(UncheckedIOException.class).hasMessageStartingWith("cannot write " + missing + ": ");
    }
}
