package io.synthlogs.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Real files on a disk that fails on cue, for a file sink's opener, and that records each write: full after some bytes
 * in all, or at one write to one file (half of it written, then an error), or unable to create a file.
 * A failing write can be held back until the sink has opened more files, so that the sink is surely
 * ahead of its writer when the failure comes.
 */
final class Disk {
    static final String FULL = "No space left on device";

    final List<Channel> opened = new CopyOnWriteArrayList<>();
    /** Every write that went through whole, in order. */
    final List<Write> written = new CopyOnWriteArrayList<>();
    private long room = Long.MAX_VALUE;
    private int failFile = -1;
    private int failWrite = -1;
    private int failOpen = -1;
    private int failClose = -1;
    private int holdUntilOpened;

    /** Full once {@code bytes} are written, over all files. */
    Disk full(long bytes) {
        room = bytes;
        return this;
    }

    /** Write number {@code write} (from 0) to file number {@code file} gets half through, then fails. */
    Disk failing(int file, int write) {
        failFile = file;
        failWrite = write;
        return this;
    }

    /** Creating file number {@code file} fails. */
    Disk failingToOpen(int file) {
        failOpen = file;
        return this;
    }

    /** Closing file number {@code file} fails (after closing it), as NFS reports a lost write. */
    Disk failingToClose(int file) {
        failClose = file;
        return this;
    }

    /** A failing write waits (up to 10 s) until {@code files} files have been opened. */
    Disk holdingFailureUntilOpened(int files) {
        holdUntilOpened = files;
        return this;
    }

    SeekableByteChannel open(Path path) throws IOException {
        synchronized (this) {
            if (opened.size() == failOpen) {
                failOpen = -1;
                throw new java.nio.file.FileSystemException(path.toString(), null, "Read-only file system");
            }
            Channel c = new Channel(opened.size(), Files.newByteChannel(path, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE));
            opened.add(c);
            notifyAll();
            return c;
        }
    }

    /** A write of {@code size} bytes to file number {@code file}, ending in byte {@code last}. */
    record Write(int file, int size, byte last) {}

    private synchronized void awaitOpened() throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        try {
            while (opened.size() < holdUntilOpened && System.nanoTime() < deadline) {
                wait(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    final class Channel implements SeekableByteChannel {
        private final int index;
        private final SeekableByteChannel file;
        private int writes;

        Channel(int index, SeekableByteChannel file) {
            this.index = index;
            this.file = file;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            long allowed;
            synchronized (Disk.this) {
                boolean cued = index == failFile && writes == failWrite;
                writes++;
                allowed = cued ? src.remaining() / 2 : Math.min(room, src.remaining());
                room -= allowed;
            }
            ByteBuffer part = src.duplicate();
            part.limit(part.position() + (int) allowed);
            int n = file.write(part);
            src.position(src.position() + n);
            if (src.hasRemaining()) {
                awaitOpened();
                throw new IOException(FULL);
            }
            if (n > 0) {
                written.add(new Write(index, n, src.get(src.position() - 1)));
            }
            return n;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return file.read(dst);
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public SeekableByteChannel position(long p) throws IOException {
            file.position(p);
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public SeekableByteChannel truncate(long size) throws IOException {
            file.truncate(size);
            return this;
        }

        @Override
        public boolean isOpen() {
            return file.isOpen();
        }

        @Override
        public void close() throws IOException {
            file.close();
            if (index == failClose) {
                throw new IOException("Input/output error");
            }
        }
    }
}
