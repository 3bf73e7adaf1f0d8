package io.synthlogs.sink;

import static io.synthlogs.sink.SinkLines.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {
    private static final int BATCH = 8192;

    @TempDir
    Path dir;

    /** Lines of 1 to 3,000 bytes, not all ASCII. */
    private static List<String> lines(int count) {
        Random random = new Random(7);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add("é".repeat(random.nextInt(1500)) + "\n");
        }
        return lines;
    }

    @Test
    void every_write_is_whole_lines_of_at_most_a_batch_but_for_a_longer_line_alone() throws IOException {
        List<String> lines = lines(400);
        Disk disk = new Disk();
        Path path = dir.resolve("manifest.jsonl");
        try (FileSink sink = new FileSink(path, BATCH, false, disk::open)) {
            write(sink, lines);
            // Written on the way, not only at the end: a killed process leaves what was written.
            assertThat(disk.written).hasSizeGreaterThan(50);
        }
        assertThat(Files.readString(path)).isEqualTo(String.join("", lines));
        assertThat(disk.written).allSatisfy(write -> {
            assertThat(write.last()).isEqualTo((byte) '\n');
            assertThat(write.size()).isLessThanOrEqualTo(BATCH);
        });
    }

    @Test
    void a_line_longer_than_a_batch_is_written_alone() throws IOException {
        Disk disk = new Disk();
        Path path = dir.resolve("long.jsonl");
        String longLine = "x".repeat(3 * BATCH) + "\n";
        try (FileSink sink = new FileSink(path, BATCH, false, disk::open)) {
            write(sink, List.of("a\n", longLine, "b\n"));
        }
        assertThat(disk.written).extracting(Disk.Write::size).containsExactly(2, longLine.length(), 2);
        assertThat(Files.readString(path)).isEqualTo("a\n" + longLine + "b\n");
    }

    @Test
    void a_failed_write_leaves_the_whole_lines_written_before_it() throws IOException {
        List<String> lines = lines(400);
        // The third write gets half through, then the disk is full.
        Disk disk = new Disk().failing(0, 2);
        Path path = dir.resolve("manifest.jsonl");
        FileSink sink = new FileSink(path, BATCH, false, disk::open);
        assertThatThrownBy(() -> write(sink, lines)).hasMessageContaining(Disk.FULL);
        // Nothing more is written after the failure: the cut-off batch would leave a gap.
        assertThatThrownBy(sink::close).hasMessage("not written: an earlier write to '" + path + "' failed");
        String content = Files.readString(path);
        assertThat(content).isNotEmpty().endsWith("\n");
        assertThat(content.getBytes(StandardCharsets.UTF_8)).hasSize(disk.written.get(0).size() + disk.written.get(1).size());
        assertThat(String.join("", lines)).startsWith(content);
        assertThat(disk.opened).noneMatch(Disk.Channel::isOpen);
    }

    @Test
    void an_existing_file_is_emptied_first() throws IOException {
        Path path = Files.writeString(dir.resolve("old.jsonl"), "an older run's manifest, longer than this run's\n");
        try (FileSink sink = new FileSink(path, BATCH, false)) {
            write(sink, List.of("{\"new\":1}\n"));
            sink.flush();
            assertThat(Files.readString(path)).isEqualTo("{\"new\":1}\n");
        }
        assertThat(Files.readString(path)).isEqualTo("{\"new\":1}\n");
    }

    @Test
    void page_aligned_a_line_break_ends_every_page_and_the_file_is_the_lines_but_for_the_padding() throws IOException {
        List<String> lines = SinkLines.lines(3000, 1200);
        Disk disk = new Disk();
        Path path = dir.resolve("aligned.jsonl");
        try (FileSink sink = new FileSink(path, BATCH, true, disk::open)) {
            write(sink, lines.subList(0, 2));
            sink.flush();
            assertThat(Files.readString(path)).as("the newest line waits for the next").isEqualTo(lines.get(0));
            write(sink, lines.subList(2, lines.size()));
        }
        byte[] bytes = Files.readAllBytes(path);
        SinkLines.assertAligned(path, bytes);
        assertThat(SinkLines.withoutPadding(new String(bytes, StandardCharsets.UTF_8))).isEqualTo(String.join("", lines));
        assertThat(disk.written).allSatisfy(write -> assertThat(write.last()).isEqualTo((byte) '\n'));
    }

    /** The manifest's buffer is small: an episode longer than it is kept back, and padded, like any other. */
    @Test
    void page_aligned_lines_longer_than_the_buffer_keep_the_lines_around_them_within_a_page() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int length = List.of(100, 3000, 5000, 9000, 4000, 20_000, 4000, 8100, 4000).get(i % 9);
            lines.add("{\"n\":" + i + ",\"p\":\"" + "x".repeat(length) + "\"}\n");
        }
        Path path = dir.resolve("long.jsonl");
        try (FileSink sink = new FileSink(path, 8192, true)) {
            for (int i = 0; i < lines.size(); i++) {
                write(sink, lines.subList(i, i + 1));
                if (i % 5 == 0) {
                    sink.flush();
                }
            }
        }
        byte[] bytes = Files.readAllBytes(path);
        SinkLines.assertShortLinesWithinPages(path, bytes);
        assertThat(SinkLines.withoutPadding(new String(bytes, StandardCharsets.UTF_8))).isEqualTo(String.join("", lines));
    }

    /** A flush keeps the newest line for the padding the next may need; the wait before a pause sends it, its page sealed. */
    @Test
    void page_aligned_the_newest_line_goes_out_before_a_pause_padded_to_its_page_end() throws IOException {
        Path path = dir.resolve("m.jsonl");
        FileSink sink = new FileSink(path, 1 << 13, true);
        write(sink, List.of("{\"e\":1}\n", "{\"e\":2}\n"));
        sink.flush();
        assertThat(Files.readString(path)).isEqualTo("{\"e\":1}\n");
        sink.awaitWritten();
        String sealed = Files.readString(path);
        assertThat(sealed).hasSize(PageAligner.PAGE).startsWith("{\"e\":1}\n{\"e\":2}").endsWith(" \n");
        write(sink, List.of("{\"e\":3}\n"));
        sink.close();
        assertThat(Files.readString(path)).isEqualTo(sealed + "{\"e\":3}\n");
    }

    @Test
    void a_closed_sink_refuses_lines() throws IOException {
        Path path = dir.resolve("closed.jsonl");
        FileSink sink = new FileSink(path, BATCH, true);
        write(sink, List.of("{\"a\":1}\n"));
        sink.close();
        sink.close();
        assertThatThrownBy(() -> write(sink, List.of("{\"a\":2}\n"))).hasMessage("'" + path + "' is closed");
        assertThat(Files.readString(path)).isEqualTo("{\"a\":1}\n");
    }

    @Test
    void a_batch_must_hold_at_least_a_byte() {
        assertThatThrownBy(() -> new FileSink(dir.resolve("x"), 0, false)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("batchBytes must be positive, got 0");
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
