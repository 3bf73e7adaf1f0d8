package io.synthlogs.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A writer that failed to wake would leave a test waiting: each fails after 20 s instead. */
@Timeout(20)
class BackgroundWriterTest {

    /** A block as the batcher hands it over: a direct buffer, flipped for reading. */
    private static ByteBuffer bytes(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocateDirect(b.length).put(b).flip();
    }

    @Test
    void blocks_arrive_whole_and_in_order() throws IOException {
        ByteArrayOutputStream target = new ByteArrayOutputStream();
        BackgroundWriter writer = new BackgroundWriter("test-writer");
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            String block = "block " + i + "\n";
            expected.append(block);
            ByteBuffer returned = writer.handOver(BatchTarget.of(target), bytes(block), 1);
            assertThat(returned.isDirect()).isTrue();
            assertThat(returned.remaining()).isEqualTo(LineBatcher.CAPACITY);
        }
        writer.close();
        assertThat(target.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        assertThat(writer.linesWritten()).isEqualTo(2000);
    }

    @Test
    void a_flush_has_the_blocks_before_it_written_at_once_not_with_a_later_batch() throws Exception {
        // The thread sleeps until several blocks wait; a paced stream's flush must not wait for them.
        java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        OutputStream target = new ChunkStream() {
            @Override
            public synchronized void write(byte[] b, int off, int len) {
                written.write(b, off, len);
            }

            @Override
            public synchronized void flush() {
                if (written.size() > 0) {
                    arrived.countDown();
                }
            }
        };
        BackgroundWriter writer = new BackgroundWriter("test-writer");
        try {
            writer.handOver(BatchTarget.of(target), bytes("one line\n"), 1);
            writer.flush(BatchTarget.of(target));
            assertThat(arrived.await(10, java.util.concurrent.TimeUnit.SECONDS)).as("written and flushed").isTrue();
            synchronized (target) {
                assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("one line\n");
            }
        } finally {
            writer.close();
        }
    }

    @Test
    void a_failed_write_is_reported_to_the_producer_and_nothing_after_it_is_written() throws Exception {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        OutputStream full = new ChunkStream() {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (written.size() >= 10) {
                    throw new IOException("No space left on device");
                }
                written.write(b, off, len);
            }
        };
        BackgroundWriter writer = new BackgroundWriter("test-writer");
        BatchTarget target = BatchTarget.of(full);
        writer.handOver(target, bytes("0123456789\n"), 1);
        writer.handOver(target, bytes("0123456789\n"), 1);
        assertThatThrownBy(writer::sync).isInstanceOf(IOException.class).hasMessage("No space left on device");
        assertThatThrownBy(() -> writer.handOver(target, bytes("0123456789\n"), 1)).hasMessage("No space left on device");
        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("0123456789\n");
        assertThat(writer.linesWritten()).as("the failed block's line is not counted").isEqualTo(1);
        // Closing after a failure, and rolling back after closing, never wait for the stopped thread.
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5), () -> {
            assertThatThrownBy(writer::close).hasMessage("No space left on device");
            assertThatThrownBy(writer::sync).hasMessage("No space left on device");
            assertThatThrownBy(writer::close).hasMessage("No space left on device");
        });
    }
}
