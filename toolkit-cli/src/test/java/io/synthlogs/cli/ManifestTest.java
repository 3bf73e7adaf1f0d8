package io.synthlogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlogs.AnomalyType;
import io.synthlogs.Episode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {
    @TempDir
    Path dir;

    private static Episode episode(String id, long first, long last) {
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        return new Episode(id, AnomalyType.ERROR_SPIKE, null, first, last, t, t, last - first + 1, List.of("api"), Map.of());
    }

    /** After a kill the manifest must never name lines the log files lack: an episode waits for its lines. */
    @Test
    void an_episode_is_written_once_the_lines_up_to_its_last_are_written() throws IOException {
        Path path = dir.resolve("m.jsonl");
        Manifest manifest = Manifest.open(path, false);
        manifest.write(episode("ep-00001", 10, 19), 15);
        manifest.write(episode("ep-00002", 30, 39), 20);
        manifest.flush(20, false);
        assertThat(Files.readString(path)).contains("\"episode_id\":\"ep-00001\"").doesNotContain("ep-00002");
        manifest.flush(39, false);
        assertThat(Files.readString(path)).doesNotContain("ep-00002"); // line 39 is the 40th line
        manifest.flush(40, false);
        assertThat(Files.readString(path)).contains("ep-00002");
        manifest.write(episode("ep-00003", 50, 59), 40);
        manifest.close(Long.MAX_VALUE); // a run that ended well: every line is written
        assertThat(Files.readAllLines(path)).hasSize(3).last().asString().contains("ep-00003");
    }

    @Test
    void a_run_that_failed_leaves_out_the_episodes_whose_lines_were_never_written() throws IOException {
        Path path = dir.resolve("m.jsonl");
        Manifest manifest = Manifest.open(path, true);
        manifest.write(episode("ep-00001", 10, 19), 5);
        manifest.write(episode("ep-00002", 30, 39), 5);
        manifest.close(35); // the disk filled up after 35 lines
        assertThat(Files.readAllLines(path)).hasSize(1).first().asString().contains("ep-00001");
    }
}
