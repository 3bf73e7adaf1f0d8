package io.synthlogs.sink;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Collects whole lines in one large buffer and hands them on in single writes, so each write holds
 * only complete lines. One write per 256 KiB, not per line. Given a {@link BackgroundWriter}, a full
 * buffer is handed over whole and a spare one taken in its place: no copy.
 */
final class LineBatcher {
    static final int CAPACITY = 1 << 18;

    private final OutputStream out;
    private final BackgroundWriter writer;
    private byte[] buffer = new byte[CAPACITY];
    private int used;

    /** Writes through {@code out} on the caller's thread. */
    LineBatcher(OutputStream out) {
        this(out, null);
    }

    /** Writes through {@code out} on the writer's thread. */
    LineBatcher(OutputStream out, BackgroundWriter writer) {
        this.out = out;
        this.writer = writer;
    }

    void add(byte[] bytes, int offset, int length) throws IOException {
        if (used + length > buffer.length) {
            drain();
        }
        if (length > buffer.length) {
            byte[] own = java.util.Arrays.copyOfRange(bytes, offset, offset + length);
            if (writer != null) {
                writer.handOver(out, own, length);
            } else {
                out.write(own, 0, length);
            }
            return;
        }
        System.arraycopy(bytes, offset, buffer, used, length);
        used += length;
    }

    /** Writes the buffered lines without flushing the stream. */
    void drain() throws IOException {
        if (used == 0) {
            return;
        }
        int n = used;
        used = 0;
        if (writer != null) {
            buffer = writer.handOver(out, buffer, n);
        } else {
            out.write(buffer, 0, n);
        }
    }

    void flush() throws IOException {
        drain();
        if (writer == null) {
            out.flush();
        } else {
            writer.flush(out);
        }
    }
}
