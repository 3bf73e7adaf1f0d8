package io.synthlogs.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;

/**
 * One file that a sink writes in batches of whole lines, on one thread at a time (a rotating sink's
 * writer thread, or the caller's). A write that fails cuts the file back to the end of the last whole
 * batch, so the file ends with a whole line.
 */
final class FileTarget implements BatchTarget {
    final Path path;
    private final SeekableByteChannel channel;
    /** Bytes of whole batches in the file. The fields below are written on the writing thread. */
    volatile long written;
    /** A write to this file, or closing it, failed (set before the failure is reported). */
    volatile boolean failed;
    /** Closed with every write to it done: it may be deleted by rotation. */
    volatile boolean whole;

    FileTarget(Path path, SeekableByteChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    @Override
    public void write(ByteBuffer batch) throws IOException {
        if (failed) {
            // Writing on would leave a gap where the failed batch was cut off.
            throw new IOException("not written: an earlier write to '" + path + "' failed");
        }
        int length = batch.remaining();
        try {
            while (batch.hasRemaining()) {
                channel.write(batch);
            }
        } catch (IOException | RuntimeException | Error e) {
            failed = true;
            try {
                channel.truncate(written);
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        written += length;
    }

    @Override
    public void flush() {
        // Each write reached the file already.
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } catch (IOException | RuntimeException e) {
            // A file system can report a lost write only at the close (NFS, quotas).
            failed = true;
            throw e;
        }
        whole = !failed;
    }

    @Override
    public void closeIncomplete() throws IOException {
        channel.close(); // never whole: rotation must not count it as a file worth keeping others for
    }

    void closeQuietly() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Only reached after the failure being reported, or when closed already.
        }
    }
}
