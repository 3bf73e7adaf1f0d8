package io.synthlogs.sink;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Lines to an output stream, such as standard output, buffered in whole lines. */
public final class StreamSink implements LineSink {
    private final OutputStream out;
    private final BackgroundWriter writer = new BackgroundWriter("synthlogs-stream-writer");
    private final LineBatcher batcher;
    private final boolean closeStream;

    public StreamSink(OutputStream out, boolean closeStream) {
        this.out = out;
        this.batcher = new LineBatcher(BatchTarget.of(out), writer);
        this.closeStream = closeStream;
    }

    /**
     * Standard output through the raw file descriptor: {@code System.out} flushes every line and
     * caps throughput; this writes one 256 KiB block at a time, on a background thread.
     */
    public static StreamSink stdout() {
        return new StreamSink(new FileOutputStream(FileDescriptor.out), false);
    }

    @Override
    public void writeLine(byte[] bytes, int offset, int length) throws IOException {
        batcher.add(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        batcher.flush();
    }

    @Override
    public void awaitWritten() throws IOException {
        batcher.awaitWritten();
    }

    /** How many lines have been written to the stream whole; a line still buffered is not counted. */
    public long linesWritten() {
        return batcher.linesWritten();
    }

    @Override
    public void close() throws IOException {
        try {
            batcher.flush();
            writer.close();
            out.flush();
        } finally {
            try {
                writer.close();
            } catch (IOException alreadyReported) {
                // The first failure is the one thrown above.
            }
            if (closeStream) {
                out.close();
            }
        }
    }
}
