package io.synthlogs.sink;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Collects whole lines in one large buffer and hands them to a stream in single writes, so each
 * write holds only complete lines. One write per 256 KiB, not per line.
 */
final class LineBatcher {
    static final int CAPACITY = 1 << 18;

    private final OutputStream out;
    private final byte[] buffer = new byte[CAPACITY];
    private int used;

    LineBatcher(OutputStream out) {
        this.out = out;
    }

    void add(byte[] bytes, int offset, int length) throws IOException {
        if (used + length > buffer.length) {
            drain();
        }
        if (length > buffer.length) {
            out.write(bytes, offset, length);
            return;
        }
        System.arraycopy(bytes, offset, buffer, used, length);
        used += length;
    }

    /** Writes the buffered lines without flushing the stream. */
    void drain() throws IOException {
        if (used > 0) {
            int n = used;
            used = 0;
            out.write(buffer, 0, n);
        }
    }

    void flush() throws IOException {
        drain();
        out.flush();
    }
}
