package io.synthlogs.sink;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Collects whole lines in one large buffer and hands them on in single writes, so each write holds
 * only complete lines. One write per 256 KiB (or the size given), not per line. The buffer of a
 * batcher with a writer thread is direct: a file channel writes it without copying it first. Given
 * a {@link BackgroundWriter}, a full buffer is handed over whole and a spare one taken in its place.
 */
final class LineBatcher {
    static final int CAPACITY = 1 << 18;
    /** A page of spaces but for its last byte, a line break: any padding and the break after it. */
    private static final byte[] SPACES_AND_BREAK = new byte[PageAligner.PAGE];

    static {
        java.util.Arrays.fill(SPACES_AND_BREAK, (byte) ' ');
        SPACES_AND_BREAK[PageAligner.PAGE - 1] = '\n';
    }

    private BatchTarget target;
    private final BackgroundWriter writer;
    /** How far a buffer is filled before it is written: its limit. */
    private final int fill;
    private ByteBuffer buffer;

    /**
     * Writes to {@code target} on the caller's thread, in writes of at most {@code capacity} bytes
     * (but for a longer line, written alone). Its buffer is on the heap, freed with the batcher: such
     * batchers serve small files (a manifest, a test's lines), and a file channel copies a heap
     * buffer through its thread's cached direct one.
     */
    LineBatcher(BatchTarget target, int capacity) {
        this(target, null, ByteBuffer.allocate(capacity), capacity);
    }

    /** Writes to {@code target} on the writer's thread, which hands back buffers of {@link #CAPACITY}. */
    LineBatcher(BatchTarget target, BackgroundWriter writer) {
        this(target, writer, CAPACITY);
    }

    /** As above, writing a buffer once {@code fill} bytes (at most {@link #CAPACITY}) are in it. */
    LineBatcher(BatchTarget target, BackgroundWriter writer, int fill) {
        this(target, writer, ByteBuffer.allocateDirect(CAPACITY), fill);
    }

    private LineBatcher(BatchTarget target, BackgroundWriter writer, ByteBuffer buffer, int fill) {
        if (fill < 1 || fill > buffer.capacity()) {
            throw new IllegalArgumentException("fill must be within [1, " + buffer.capacity() + "], got " + fill);
        }
        this.target = target;
        this.writer = writer;
        this.fill = fill;
        this.buffer = buffer.limit(fill);
    }

    /**
     * Sends later lines to {@code next}; what is buffered must have been drained, so that no line
     * reaches a target other than the one it was added for.
     */
    void retarget(BatchTarget next) {
        if (buffer.position() != 0) {
            throw new IllegalStateException("lines still buffered for the previous target");
        }
        target = next;
    }

    void add(byte[] bytes, int offset, int length) throws IOException {
        if (length > buffer.remaining()) {
            drain();
        }
        if (length > fill) {
            // A line larger than a whole batch goes on its own, in a buffer of its own.
            ByteBuffer own = ByteBuffer.wrap(java.util.Arrays.copyOfRange(bytes, offset, offset + length));
            if (writer != null) {
                writer.queue(target, own);
            } else {
                target.write(own);
            }
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
        if (writer != null) {
            buffer = writer.handOver(target, buffer).limit(fill);
        } else {
            target.write(buffer);
            buffer.clear().limit(fill);
        }
    }

    /**
     * Puts {@code spaces} (fewer than a page) before the line break that ends the last line added: in
     * the buffer while the line is there, else by a write that starts on its break in the target (see
     * {@link BatchTarget#reopenLastLine}).
     */
    void padLastLine(int spaces) throws IOException {
        int lineBreak = buffer.position() - 1;
        if (lineBreak >= 0 && spaces <= buffer.remaining()) {
            buffer.position(lineBreak).put(SPACES_AND_BREAK, PageAligner.PAGE - 1 - spaces, spaces + 1);
            return;
        }
        drain();
        if (writer == null) {
            target.reopenLastLine();
        } else {
            writer.reopenLastLine(target);
        }
        add(SPACES_AND_BREAK, PageAligner.PAGE - 1 - spaces, spaces + 1);
    }

    void flush() throws IOException {
        drain();
        if (writer == null) {
            target.flush();
        } else {
            writer.flush(target);
        }
    }

    /** Flushes and waits until the writer's thread has written everything: see {@link LineSink#awaitWritten}. */
    void awaitWritten() throws IOException {
        flush();
        if (writer != null) {
            writer.sync();
        }
    }
}
