package io.synthlogs.sink;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Collects whole lines in one large buffer and hands them on in single writes, so each write holds
 * only complete lines. One write per 256 KiB, not per line. The buffer is direct: a file channel
 * writes it without copying it first. Given a {@link BackgroundWriter}, a full buffer is handed over
 * whole and a spare one taken in its place.
 */
final class LineBatcher {
    static final int CAPACITY = 1 << 18;

    private final BatchTarget target;
    private final BackgroundWriter writer;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(CAPACITY);

    /** Writes to {@code target} on the caller's thread. */
    LineBatcher(BatchTarget target) {
        this(target, null);
    }

    /** Writes to {@code target} on the writer's thread. */
    LineBatcher(BatchTarget target, BackgroundWriter writer) {
        this.target = target;
        this.writer = writer;
    }

    void add(byte[] bytes, int offset, int length) throws IOException {
        if (length > buffer.remaining()) {
            drain();
        }
        if (length > buffer.capacity()) {
            // A line larger than a whole batch goes on its own.
            hand(ByteBuffer.wrap(java.util.Arrays.copyOfRange(bytes, offset, offset + length)));
            return;
        }
        buffer.put(bytes, offset, length);
    }

    /** Writes the buffered lines without flushing the target. */
    void drain() throws IOException {
        if (buffer.position() == 0) {
            return;
        }
        buffer.flip();
        ByteBuffer next = hand(buffer);
        buffer = next != null ? next : buffer.clear();
    }

    /** Writes {@code batch} or queues it; returns the writer's buffer to fill next, if queued. */
    private ByteBuffer hand(ByteBuffer batch) throws IOException {
        if (writer != null) {
            return writer.handOver(target, batch);
        }
        target.write(batch);
        return null;
    }

    void flush() throws IOException {
        drain();
        if (writer == null) {
            target.flush();
        } else {
            writer.flush(target);
        }
    }
}
