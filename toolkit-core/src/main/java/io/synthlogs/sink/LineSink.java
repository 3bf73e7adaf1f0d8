package io.synthlogs.sink;

import java.io.Closeable;
import java.io.IOException;

/**
 * Where rendered lines go. A sink receives whole lines (each ending in {@code \n}) and never splits
 * one across writes, files or rotations, so whatever it leaves behind, even after {@code kill -9},
 * consists of complete lines.
 */
public interface LineSink extends Closeable {

    /** Takes one whole line, line break included, from {@code bytes[offset, offset + length)}. */
    void writeLine(byte[] bytes, int offset, int length) throws IOException;

    /** Pushes buffered lines out: called at batch ends. */
    void flush() throws IOException;

    /** Flushes and releases the sink. */
    @Override
    void close() throws IOException;
}
