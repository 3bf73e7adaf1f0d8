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
    /** The next write starts at the last byte, a line break it moves: see {@link #reopenLastLine}. */
    private boolean reopened;

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
            if (reopened) {
                channel.position(written - 1);
            }
            while (batch.hasRemaining()) {
                channel.write(batch);
            }
        } catch (IOException | RuntimeException | Error e) {
            failed = true;
            try {
                cutBack();
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        written += length - (reopened ? 1 : 0);
        reopened = false;
    }

    /**
     * Makes the next write start one byte earlier, on the file's last line break, which it replaces:
     * a page-aligned sink pads a line it has written already (see {@link PageAligner}). That write
     * ends in a line break again; if it fails, the file is cut back to its end before it.
     */
    @Override
    public void reopenLastLine() {
        if (written == 0) {
            throw new IllegalStateException("'" + path + "' has no line to reopen");
        }
        reopened = true;
    }

    /** Back to the last whole write, its line break put back if a failed write began on it. */
    private void cutBack() throws IOException {
        channel.truncate(written);
        if (reopened) {
            channel.position(written - 1);
            ByteBuffer lineBreak = ByteBuffer.wrap(new byte[] {'\n'});
            while (lineBreak.hasRemaining()) {
                channel.write(lineBreak);
            }
        }
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
