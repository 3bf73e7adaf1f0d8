package io.synthlogs.sink;

import java.io.Closeable;
import java.io.IOException;

/**
 * Where rendered lines go. A sink receives whole lines (each ending in {@code \n}) and never splits
 * one across writes, files or rotations, so whatever it leaves behind consists of complete lines. One
 * exception: a process killed ({@code kill -9}) during a write can have that write cut by the kernel
 * at a page boundary, leaving part of a line at the end of the file being written (Linux checks for a
 * fatal signal between the pages of a buffered write). Page-aligned file sinks close that gap by
 * ending a line at every page boundary (see {@link RotatingFileSink} and {@link FileSink}).
 */
public interface LineSink extends Closeable {

    /** Takes one whole line, line break included, from {@code bytes[offset, offset + length)}. */
    void writeLine(byte[] bytes, int offset, int length) throws IOException;

    /** Pushes buffered lines out: called at batch ends. */
    void flush() throws IOException;

    /**
     * Pushes buffered lines out and waits until they are written, rethrowing a failure to write
     * them. A paced run calls it before each pause, so a reader that went away (a closed pipe) ends
     * the run at the next batch rather than the one after. Sinks that write as they flush need not
     * override it.
     */
    default void awaitWritten() throws IOException {
        flush();
    }

    /** Flushes and releases the sink. */
    @Override
    void close() throws IOException;
}
