package io.synthlogs.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lines reach the stream whole and in order, across batch boundaries and past the batch size. */
class StreamSinkTest {

    @Test
    void lines_of_every_size_arrive_in_order_through_a_plain_stream() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String expected = writeMixedLines(out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void awaiting_the_writes_returns_once_written_and_reports_a_reader_that_went_away() throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        boolean[] closed = {false};
        OutputStream pipe = new ChunkStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) throws IOException {
                if (closed[0]) {
                    throw new IOException("Broken pipe");
                }
                written.write(b, off, len);
            }
        };
        StreamSink sink = new StreamSink(pipe, false);
        byte[] line = "a line\n".getBytes(StandardCharsets.UTF_8);
        sink.writeLine(line, 0, line.length);
        sink.awaitWritten();
        synchronized (pipe) {
            assertThat(written.toString(StandardCharsets.UTF_8)).as("written when awaitWritten returns").isEqualTo("a line\n");
            closed[0] = true;
        }
        // A paced stream's next batch learns before its pause that the reader is gone, not a batch later.
        sink.writeLine(line, 0, line.length);
        org.assertj.core.api.Assertions.assertThatThrownBy(sink::awaitWritten).isInstanceOf(IOException.class)
                .hasMessage("Broken pipe");
        org.assertj.core.api.Assertions.assertThatThrownBy(sink::close).isInstanceOf(IOException.class);
    }

    @Test
    void lines_of_every_size_arrive_in_order_through_a_file_channel(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("out.jsonl");
        String expected;
        try (OutputStream out = Files.newOutputStream(file)) {
            // Files.newOutputStream is not a FileOutputStream: the sink writes through a stream channel.
            expected = writeMixedLines(out);
        }
        assertThat(Files.readString(file)).isEqualTo(expected);
        Path viaChannel = dir.resolve("channel.jsonl");
        try (OutputStream out = new java.io.FileOutputStream(viaChannel.toFile())) {
            expected = writeMixedLines(out);
        }
        assertThat(Files.readString(viaChannel)).isEqualTo(expected);
    }

    /** Short lines, and now and then one larger than a whole batch (it goes on its own). */
    private static String writeMixedLines(OutputStream out) throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        StringBuilder expected = new StringBuilder();
        StreamSink sink = new StreamSink(out, false);
        for (int i = 0; i < 20_000; i++) {
            int length = i % 5_000 == 4_999 ? LineBatcher.CAPACITY + random.nextInt(1_000) : random.nextInt(600);
            String line = "x".repeat(length) + i + "\n";
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            sink.writeLine(bytes, 0, bytes.length);
            expected.append(line);
        }
        sink.close();
        return expected.toString();
    }
}
