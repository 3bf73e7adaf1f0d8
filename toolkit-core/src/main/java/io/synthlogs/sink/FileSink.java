package io.synthlogs.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Lines to one file, such as a run's manifest of episodes. Every write the file receives ends at a
 * line break, so a reader, or a process killed between two writes, never leaves part of a line (a
 * character-buffered writer empties its buffer wherever it is full, mid-line); a failed write cuts the
 * file back to its last whole line. Lines are written on the caller's thread, whenever
 * {@code batchBytes} of them have gathered and at each {@link #flush}. Page-aligned, no line crosses a
 * 4 KiB page, so that even a kill during a write leaves whole lines (see {@link PageAligner}); the
 * newest line then waits for the next, {@link #awaitWritten} or the close.
 */
public final class FileSink implements LineSink {
    private final FileTarget file;
    private final LineBatcher batcher;
    private final boolean pageAligned;
    /** Bytes given to the batcher, padding included. */
    private long size;
    private boolean closed;

    /** Creates the file, or empties it if it exists; its directory must exist. */
    public FileSink(Path path, int batchBytes, boolean pageAligned) throws IOException {
        this(path, batchBytes, pageAligned, p -> Files.newByteChannel(p, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
    }

    FileSink(Path path, int batchBytes, boolean pageAligned, FileOpener opener) throws IOException {
        if (batchBytes < 1) {
            throw new IllegalArgumentException("batchBytes must be positive, got " + batchBytes);
        }
        this.file = new FileTarget(path, opener.open(path));
        try {
            this.batcher = new LineBatcher(file, batchBytes, pageAligned);
        } catch (RuntimeException | OutOfMemoryError e) {
            file.closeQuietly();
            throw e;
        }
        this.pageAligned = pageAligned;
    }

    public Path path() {
        return file.path;
    }

    @Override
    public void writeLine(byte[] bytes, int offset, int length) throws IOException {
        if (closed) {
            throw new IOException("'" + file.path + "' is closed");
        }
        if (pageAligned) {
            int spaces = PageAligner.padding(size, length);
            if (spaces > 0) {
                batcher.padLastLine(spaces);
                size += spaces;
            }
        }
        batcher.add(bytes, offset, length);
        size += length;
    }

    @Override
    public void flush() throws IOException {
        batcher.flush();
    }

    /** {@inheritDoc} Page-aligned, the newest line is first padded to the end of its page, so that it goes out now. */
    @Override
    public void awaitWritten() throws IOException {
        if (pageAligned) {
            size += batcher.seal(size, Long.MAX_VALUE);
        }
        flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            batcher.finish();
        } catch (IOException | RuntimeException e) {
            file.closeQuietly();
            throw e;
        }
        file.close();
    }
}
