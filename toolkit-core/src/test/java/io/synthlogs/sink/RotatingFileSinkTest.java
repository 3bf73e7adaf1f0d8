package io.synthlogs.sink;

import static io.synthlogs.sink.SinkLines.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RotatingFileSinkTest {
    @TempDir
    Path dir;

    private static List<String> lines(int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add("{\"line\":" + i + ",\"pad\":\"" + "x".repeat(i % 37) + "\"}\n");
        }
        return lines;
    }

    @Test
    void rotates_before_the_limit_is_crossed_and_loses_or_splits_nothing() throws IOException {
        List<String> lines = lines(5000);
        RotatingFileSink sink = new RotatingFileSink(dir, "logs", ".json", 4096, 0, "20240101_000000");
        write(sink, lines);
        sink.close();
        List<Path> files = sink.files();
        assertThat(files).hasSizeGreaterThan(10);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            assertThat(file.getFileName().toString()).isEqualTo("logs_20240101_000000_" + i + ".json");
            assertThat(Files.size(file)).isLessThanOrEqualTo(4096);
            String content = Files.readString(file);
            assertThat(content).endsWith("\n");
            all.append(content);
        }
        assertThat(all.toString()).isEqualTo(String.join("", lines));
        assertThat(sink.failed()).isFalse();
    }

    @Test
    void awaiting_the_writes_leaves_every_line_so_far_in_the_file_before_close() throws IOException {
        List<String> lines = lines(300);
        RotatingFileSink sink = new RotatingFileSink(dir, "logs", ".json", 1 << 20, 0, "20240101_000000");
        try {
            write(sink, lines);
            sink.awaitWritten();
            assertThat(Files.readString(sink.current())).isEqualTo(String.join("", lines));
        } finally {
            sink.close();
        }
    }

    @Test
    void keeps_only_the_newest_files_of_this_run() throws IOException {
        Path stranger = Files.writeString(dir.resolve("logs_19990101_000000_0.json"), "not ours\n");
        RotatingFileSink sink = new RotatingFileSink(dir, "logs", ".json", 1024, 3, "20240101_000000");
        write(sink, lines(2000));
        sink.close();
        assertThat(sink.files()).hasSize(3);
        List<Integer> counters = sink.files().stream().map(RotatingFileSinkTest::counter).toList();
        assertThat(counters.get(1)).isEqualTo(counters.get(0) + 1);
        assertThat(counters.get(2)).isEqualTo(counters.get(0) + 2);
        assertThat(counters.get(0)).isGreaterThan(0);
        assertThat(Files.readString(sink.current())).endsWith("{\"line\":1999,\"pad\":\"" + "x".repeat(1999 % 37) + "\"}\n");
        try (var listing = Files.list(dir)) {
            assertThat(listing.filter(p -> p.getFileName().toString().startsWith("logs_2024")).count()).isEqualTo(3);
        }
        assertThat(Files.readString(stranger)).isEqualTo("not ours\n");
    }

    private static int counter(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(name.lastIndexOf('_') + 1, name.indexOf('.')));
    }

    @Test
    void never_overwrites_the_files_of_another_run_with_the_same_stamp() throws IOException {
        Path earlier = Files.writeString(dir.resolve("logs_20240101_000000_0.json"), "earlier\n");
        RotatingFileSink sink = new RotatingFileSink(dir, "logs", ".json", 1 << 20, 0, "20240101_000000");
        write(sink, lines(10));
        sink.close();
        assertThat(Files.readString(earlier)).isEqualTo("earlier\n");
        assertThat(sink.current().getFileName().toString()).isEqualTo("logs_20240101_000000-2_0.json");
    }

    @Test
    void a_run_that_takes_the_name_between_the_look_and_the_creation_moves_this_one_to_the_next_suffix()
            throws IOException {
        FileOpener racing = new FileOpener() {
            private boolean raced;

            @Override
            public java.nio.channels.SeekableByteChannel open(Path path) throws IOException {
                if (!raced) {
                    raced = true;
                    Files.writeString(path, "the other run's\n"); // created after the sink looked
                }
                return Files.newByteChannel(path, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
            }
        };
        RotatingFileSink sink = new RotatingFileSink(dir, "logs", ".json", 4096, 0, "s", false, racing);
        write(sink, List.of("{\"mine\":1}\n"));
        sink.close();
        assertThat(sink.files()).containsExactly(dir.resolve("logs_s-2_0.json"));
        assertThat(Files.readString(dir.resolve("logs_s-2_0.json"))).isEqualTo("{\"mine\":1}\n");
        assertThat(Files.readString(dir.resolve("logs_s_0.json"))).isEqualTo("the other run's\n");
    }

    @Test
    void a_line_longer_than_the_limit_gets_a_file_of_its_own() throws IOException {
        RotatingFileSink sink = new RotatingFileSink(dir, "big", ".log", 100, 0, "s");
        write(sink, List.of("short\n", "y".repeat(300) + "\n", "after\n"));
        sink.close();
        assertThat(sink.files()).hasSize(3);
        assertThat(Files.readString(sink.files().get(1))).hasSize(301);
    }

    @Test
    void a_rotated_file_is_closed_by_the_writer_without_the_sink_waiting_for_it() throws IOException {
        Disk disk = new Disk();
        RotatingFileSink sink = new RotatingFileSink(dir, "logs", ".json", 4096, 0, "s", false, disk::open);
        try {
            write(sink, lines(2000));
            sink.awaitWritten();
            assertThat(disk.opened).hasSizeGreaterThan(10);
            assertThat(disk.opened.subList(0, disk.opened.size() - 1)).noneMatch(Disk.Channel::isOpen);
            assertThat(disk.opened.get(disk.opened.size() - 1).isOpen()).isTrue();
        } finally {
            sink.close();
        }
        assertThat(disk.opened).noneMatch(Disk.Channel::isOpen);
    }

    @Test
    void a_disk_that_fills_up_leaves_whole_lines_and_no_empty_files_after_the_failure() throws IOException {
        List<String> lines = lines(5000);
        Disk disk = new Disk().full(60_000);
        RotatingFileSink sink = new RotatingFileSink(dir, "logs", ".json", 4096, 0, "s", false, disk::open);
        assertThat(writeUntilFailure(sink, lines)).hasMessageContaining(Disk.FULL);
        assertThat(sink.failed()).isTrue();
        assertThat(disk.opened).noneMatch(Disk.Channel::isOpen);
        StringBuilder all = new StringBuilder();
        for (Path file : sink.files()) {
            String content = Files.readString(file);
            assertThat(content).as(file.toString()).isNotEmpty().endsWith("\n");
            all.append(content);
        }
        // The failing batch was cut off: less than the disk took, and a run of whole lines from the first.
        assertThat(all.length()).isLessThan(60_000).isGreaterThan(50_000);
        assertThat(String.join("", lines)).startsWith(all.toString());
        try (var listing = Files.list(dir)) {
            assertThat(listing.count()).isEqualTo(sink.files().size());
        }
    }

    @RepeatedTest(5)
    void a_disk_that_fills_up_with_max_files_keeps_the_newest_files_with_data() throws IOException {
        // The files opened after the failure stay empty; they used to count as whole, so rotation
        // deleted every good file for them (5 runs in 6 left an empty directory).
        List<String> lines = lines(5000);
        Disk disk = new Disk().full(40_000);
        RotatingFileSink sink = new RotatingFileSink(dir, "logs", ".json", 4096, 2, "s", false, disk::open);
        assertThat(writeUntilFailure(sink, lines)).hasMessageContaining(Disk.FULL);
        List<Path> left;
        try (var listing = Files.list(dir)) {
            left = listing.sorted(java.util.Comparator.comparingInt(RotatingFileSinkTest::counter)).toList();
        }
        assertThat(left).hasSize(2).isEqualTo(sink.files());
        StringBuilder all = new StringBuilder();
        for (Path file : left) {
            String content = Files.readString(file);
            assertThat(content).as(file.toString()).isNotEmpty().endsWith("\n");
            all.append(content);
        }
        assertThat(counter(left.get(1)) - counter(left.get(0))).isEqualTo(1);
        // The newest data: what the disk took, cut back to whole lines, ends where the kept files end.
        String stream = String.join("", lines);
        int end = stream.indexOf(all.toString()) + all.length();
        assertThat(end).isGreaterThan(all.length()).isBetween(40_000 - 4096, 40_000);
    }

    @Test
    void a_failure_while_the_sink_is_files_ahead_leaves_the_failed_file_whole_even_with_max_files() throws IOException {
        List<String> lines = lines(80_000);
        // The second batch of file 1 fails half written, once the sink has opened files 2 and 3.
        Disk disk = new Disk().failing(1, 1).holdingFailureUntilOpened(4);
        RotatingFileSink sink = new RotatingFileSink(dir, "logs", ".json", 600_000, 1, "s", false, disk::open);
        assertThat(writeUntilFailure(sink, lines)).hasMessageContaining(Disk.FULL);
        assertThat(disk.opened).hasSizeGreaterThanOrEqualTo(4).noneMatch(Disk.Channel::isOpen);
        Path failed = dir.resolve("logs_s_1.json");
        assertThat(sink.failedFile()).contains(failed);
        // File 0 was written whole and rotated away (max 1 file); the empty files after the failure are gone.
        assertThat(sink.files()).containsExactly(failed);
        try (var listing = Files.list(dir)) {
            assertThat(listing.toList()).containsExactly(failed);
        }
        // Cut back to its first batch: whole lines, in order.
        String content = Files.readString(failed);
        assertThat(content).startsWith("{").endsWith("\n");
        assertThat(content.length()).isBetween(LineBatcher.CAPACITY - 100, LineBatcher.CAPACITY);
        assertThat(String.join("", lines)).contains(content);
    }

    @ParameterizedTest(name = "page-aligned: {0}")
    @ValueSource(booleans = {false, true})
    void a_file_that_cannot_be_created_at_a_rotation_ends_the_run_with_the_files_before_it_whole(boolean pageAligned)
            throws IOException {
        List<String> lines = lines(5000);
        Disk disk = new Disk().failingToOpen(2);
        RotatingFileSink sink = new RotatingFileSink(dir, "logs", ".json", 4096, 0, "s", pageAligned, disk::open);
        assertThat(writeUntilFailure(sink, lines)).hasMessageContaining("Read-only file system");
        assertThat(sink.failed()).isTrue();
        // Closing after the failure opens no further file.
        assertThat(disk.opened).hasSize(2).noneMatch(Disk.Channel::isOpen);
        assertThat(sink.files()).hasSize(2);
        String all = Files.readString(sink.files().get(0)) + Files.readString(sink.files().get(1));
        assertThat(all).endsWith("\n").hasSizeGreaterThan(2 * 4096 - 200);
        assertThat(String.join("", lines)).startsWith(SinkLines.withoutPadding(all));
        assertThat(sink.current().getFileName().toString()).isEqualTo("logs_s_1.json");
    }

    /** Written in one go, or as a paced run writes: flushed every few lines, each flush writing a line the next may pad. */
    @ParameterizedTest(name = "files of at most {0} bytes, flushed often: {1}")
    @CsvSource({"5000, false", "8192, false", "65536, false", "1048576, false",
        "5000, true", "8192, true", "65536, true", "1048576, true"})
    void page_aligned_files_break_a_line_at_every_page_boundary_and_are_the_stream_but_for_the_padding(int maxBytes,
            boolean flushedOften) throws IOException {
        List<String> lines = SinkLines.lines(flushedOften ? 3000 : 20_000, 1500);
        RotatingFileSink sink = new RotatingFileSink(dir, "logs", ".json", maxBytes, 0, "s", true);
        java.util.Random random = new java.util.Random(5);
        List<Object[]> seen = new ArrayList<>();
        for (int from = 0; from < lines.size(); ) {
            int to = flushedOften ? Math.min(lines.size(), from + 1 + random.nextInt(5)) : lines.size();
            write(sink, lines.subList(from, to));
            if (flushedOften && random.nextBoolean()) {
                sink.awaitWritten();
                seen.add(new Object[] {sink.current(), Files.readString(sink.current())});
            } else if (flushedOften) {
                sink.flush();
            }
            from = to;
        }
        sink.close();
        assertAlignedFilesOf(sink, lines, maxBytes, flushedOften);
        // A reader following a file never sees what it read change: bytes once written stay.
        for (Object[] snapshot : seen) {
            assertThat(Files.readString((Path) snapshot[0])).startsWith((String) snapshot[1]);
        }
    }

    /**
     * Each file of {@code sink} is within {@code maxBytes} and aligned; together, without the padding,
     * they are {@code lines}. {@code paused}: a pause may have sealed a file's last page.
     */
    private static void assertAlignedFilesOf(RotatingFileSink sink, List<String> lines, int maxBytes, boolean paused)
            throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path file : sink.files()) {
            byte[] bytes = Files.readAllBytes(file);
            assertThat(bytes.length).as(file.toString()).isPositive().isLessThanOrEqualTo(maxBytes);
            SinkLines.assertAligned(file, bytes);
            if (!paused) {
                // Padding otherwise only ever makes room for a line in the same file: none ends a file.
                assertThat(bytes[bytes.length - 2]).as(file + " ends in padding").isNotEqualTo((byte) ' ');
            }
            all.append(new String(bytes, StandardCharsets.UTF_8));
        }
        assertThat(SinkLines.withoutPadding(all.toString())).isEqualTo(String.join("", lines));
    }

    @Test
    void page_aligned_writes_stop_short_of_whole_pages_which_the_kernel_copies_slowly() throws IOException {
        Disk disk = new Disk();
        RotatingFileSink sink = new RotatingFileSink(dir, "logs", ".json", 1 << 22, 0, "s", true, disk::open);
        write(sink, SinkLines.lines(8000, 1200));
        sink.close();
        assertThat(disk.written).hasSizeGreaterThan(10).allSatisfy(write ->
                assertThat(write.size()).isLessThanOrEqualTo(PageAligner.BATCH_FILL));
        assertThat(PageAligner.BATCH_FILL % PageAligner.PAGE).isNotZero();
    }

    /** Lines longer than a page, or than a whole buffer, cannot be kept within a page; the lines around them are. */
    @Test
    void page_aligned_lines_around_very_long_ones_are_kept_within_a_page() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int length = List.of(100, 3000, 3500, 6000, 300_000, 4000, 2500, 4000).get(i % 8);
            lines.add("{\"n\":" + i + ",\"p\":\"" + "x".repeat(length) + "\"}\n");
        }
        RotatingFileSink sink = new RotatingFileSink(dir, "logs", ".json", 1 << 30, 0, "s", true);
        java.util.Random random = new java.util.Random(3);
        for (String line : lines) {
            write(sink, List.of(line));
            if (random.nextInt(3) == 0) {
                sink.awaitWritten();
            }
        }
        sink.close();
        byte[] bytes = Files.readAllBytes(sink.current());
        SinkLines.assertShortLinesWithinPages(sink.current(), bytes);
        assertThat(SinkLines.withoutPadding(new String(bytes, StandardCharsets.UTF_8))).isEqualTo(String.join("", lines));
        assertThat(sink.linesWritten()).isEqualTo(lines.size());
    }

    /**
     * The newest line waits for the padding the next may need, but the wait before a paced run's pause
     * pads it to the end of its page at once, so a reader sees the whole batch.
     */
    @Test
    void page_aligned_sends_the_newest_line_padded_to_its_page_end_before_a_pause() throws IOException {
        RotatingFileSink sink = new RotatingFileSink(dir, "logs", ".json", 1 << 20, 0, "s", true);
        write(sink, List.of("{\"a\":1}\n", "{\"a\":2}\n", "{\"a\":3}\n"));
        sink.awaitWritten();
        String sealed = Files.readString(sink.current());
        assertThat(sealed).hasSize(PageAligner.PAGE).startsWith("{\"a\":1}\n{\"a\":2}\n{\"a\":3}").endsWith(" \n");
        assertThat(sink.linesWritten()).isEqualTo(3);
        sink.awaitWritten(); // nothing new: no more padding
        write(sink, List.of("{\"a\":4}\n"));
        sink.close();
        assertThat(Files.readString(sink.current())).isEqualTo(sealed + "{\"a\":4}\n");
    }

    /** Where a page ends past the size limit, the newest line goes out unpadded, and a line crossing the page starts a new file. */
    @Test
    void page_aligned_sealing_never_passes_the_size_limit() throws IOException {
        RotatingFileSink sink = new RotatingFileSink(dir, "logs", ".json", 5000, 0, "s", true);
        String line = "{\"p\":\"" + "x".repeat(590) + "\"}\n";
        write(sink, java.util.Collections.nCopies(7, line)); // 4200 bytes: the second page is begun
        sink.awaitWritten();
        assertThat(Files.size(sink.current())).isEqualTo(7 * line.length() + (PageAligner.PAGE - 6 * line.length()));
        write(sink, List.of(line, line));
        sink.close();
        assertThat(sink.files()).hasSize(2);
        assertAlignedFilesOf(sink, java.util.Collections.nCopies(9, line), 5000, false);
    }

    @Test
    void a_failed_write_is_known_before_the_close() throws IOException {
        RotatingFileSink sink = new RotatingFileSink(dir, "logs", ".json", 4096, 0, "s", false, new Disk().full(20_000)::open);
        IOException failure = awaitEachBatchUntilFailure(sink);
        assertThat(failure).hasMessageContaining(Disk.FULL);
        assertThat(sink.failed()).isTrue();
        assertThat(catchThrowable(sink::close)).isInstanceOf(IOException.class);
    }

    @Test
    void a_file_whose_close_fails_is_the_failed_one() throws IOException {
        Disk disk = new Disk().failingToClose(0);
        RotatingFileSink sink = new RotatingFileSink(dir, "logs", ".json", 4096, 0, "s", false, disk::open);
        IOException failure = awaitEachBatchUntilFailure(sink);
        assertThat(failure).hasMessageContaining("Input/output error");
        assertThat(sink.failed()).as("known before the close").isTrue();
        assertThat(catchThrowable(sink::close)).hasMessageContaining("Input/output error");
        assertThat(sink.failedFile()).contains(dir.resolve("logs_s_0.json"));
    }

    /** Writes batches of 10 lines, waiting for each to be written, until one fails (not closing the sink). */
    private static IOException awaitEachBatchUntilFailure(RotatingFileSink sink) {
        try {
            for (int i = 0; i < 1000; i++) {
                write(sink, lines(10));
                sink.awaitWritten();
            }
        } catch (IOException e) {
            return e;
        }
        return null;
    }

    /** Writes until the sink fails, then closes it; returns the first failure, {@code null} if none came. */
    private static IOException writeUntilFailure(RotatingFileSink sink, List<String> lines) {
        IOException failure = null;
        try {
            write(sink, lines);
        } catch (IOException e) {
            failure = e;
        }
        try {
            sink.close();
        } catch (IOException e) {
            failure = failure == null ? e : failure;
        }
        return failure;
    }
}
