package io.synthlogs.cli;

import io.synthlogs.sink.LineSink;
import java.io.IOException;

/**
 * Standard output beside files ({@code -o both}). When it fails (its reader left, a full disk), the
 * files go on alone and the run is asked to stop, as a signal would: it ends at a block's end, so
 * that the files and the manifest end as a stopped run's do, the episode under way recorded as
 * truncated. The failure is reported then.
 */
final class StdoutBesideFiles implements LineSink {
    private final LineSink stdout;
    private final StopSignal stop;
    private IOException failure;

    StdoutBesideFiles(LineSink stdout, StopSignal stop) {
        this.stdout = stdout;
        this.stop = stop;
    }

    /** Why standard output failed, or {@code null}. */
    IOException failure() {
        return failure;
    }

    @Override
    public void writeLine(byte[] bytes, int offset, int length) {
        if (failure == null) {
            try {
                stdout.writeLine(bytes, offset, length);
            } catch (IOException e) {
                failed(e);
            }
        }
    }

    @Override
    public void flush() {
        attempt(stdout::flush);
    }

    @Override
    public void awaitWritten() {
        attempt(stdout::awaitWritten);
    }

    private interface Call {
        void run() throws IOException;
    }

    /** Runs {@code call} on stdout until it first fails. (Lines take the same path spelled out: no lambda a line.) */
    private void attempt(Call call) {
        if (failure == null) {
            try {
                call.run();
            } catch (IOException e) {
                failed(e);
            }
        }
    }

    @Override
    public void close() {
        try {
            stdout.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
    }

    private void failed(IOException e) {
        failure = e;
        stop.request();
    }
}
