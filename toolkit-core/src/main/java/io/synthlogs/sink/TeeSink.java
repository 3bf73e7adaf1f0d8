package io.synthlogs.sink;

import java.io.IOException;

/** Every line to two sinks (the original's {@code --output both}). */
public final class TeeSink implements LineSink {
    private final LineSink first;
    private final LineSink second;

    public TeeSink(LineSink first, LineSink second) {
        this.first = first;
        this.second = second;
    }

    @Override
    public void writeLine(byte[] bytes, int offset, int length) throws IOException {
        first.writeLine(bytes, offset, length);
        second.writeLine(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        first.flush();
        second.flush();
    }

    @Override
    public void awaitWritten() throws IOException {
        first.awaitWritten();
        second.awaitWritten();
    }

    @Override
    public void close() throws IOException {
        try {
            first.close();
        } finally {
            second.close();
        }
    }
}
