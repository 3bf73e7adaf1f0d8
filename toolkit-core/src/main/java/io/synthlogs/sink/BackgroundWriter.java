package io.synthlogs.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * Does a sink's system calls on a thread of its own, so generating the next block of lines overlaps
 * with the kernel copying the last one (on this project's machines, writing to the page cache costs
 * as much CPU as generating). Blocks keep their order and each is written whole; a write failure is
 * reported to the producer at its next call, and nothing after the failure is written. Once closed,
 * it waits for nothing: a sink can always roll back and close after a failure.
 */
final class BackgroundWriter {
    private static final int QUEUED_BLOCKS = 8;
    /** The thread sleeps until this many blocks wait, or a flush or a barrier comes: see {@link Handoff}. */
    private static final int WAKE_AT = QUEUED_BLOCKS / 2;

    private final Handoff<Task> queue = new Handoff<>(QUEUED_BLOCKS, WAKE_AT);
    private final BlockingQueue<ByteBuffer> spare = new ArrayBlockingQueue<>(QUEUED_BLOCKS + 2);
    private final Thread thread;
    private volatile IOException failure;
    private volatile boolean closed;
    /** Lines of the blocks written whole; only the thread writes it. */
    private volatile long linesWritten;

    /** What the thread does next, in the order the producer asked. */
    private sealed interface Task {}

    /** Writes a block of {@code lines} lines to its target. */
    private record Block(BatchTarget out, ByteBuffer data, int lines) implements Task {}

    /** Flushes a target. */
    private record Flush(BatchTarget out) implements Task {}

    /** Closes a target after its blocks; done even after a failure, so that no file is left open. */
    private record Release(BatchTarget out) implements Task {}

    /** Counted down once every task before it is done. */
    private record Barrier(CountDownLatch done) implements Task {}

    BackgroundWriter(String name) {
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues {@code block} (its remaining bytes) for {@code target}, taking ownership of it, and
     * returns an empty direct buffer of {@link LineBatcher#CAPACITY} bytes to fill next.
     */
    ByteBuffer handOver(BatchTarget target, ByteBuffer block, int lines) throws IOException {
        queue(target, block, lines);
        ByteBuffer next = spare.poll();
        return next != null ? next : ByteBuffer.allocateDirect(LineBatcher.CAPACITY);
    }

    /** Queues {@code block} (its remaining bytes, {@code lines} lines) for {@code target}, taking ownership of it. */
    void queue(BatchTarget target, ByteBuffer block, int lines) throws IOException {
        check();
        put(new Block(target, block, lines), false);
    }

    /** Lines of the blocks written so far, whole, to any target. */
    long linesWritten() {
        return linesWritten;
    }

    /** Queues a flush of {@code target}, after the blocks queued before it. */
    void flush(BatchTarget target) throws IOException {
        check();
        put(new Flush(target), true);
    }

    /**
     * Closes {@code target} once the blocks queued for it are written, without waiting for that: a
     * rotating sink moves on to its next file at once. Unlike a write, queued even after a failure.
     */
    void release(BatchTarget target) throws IOException {
        put(new Release(target), false);
    }

    /** Waits until everything queued is written; rethrows a write failure. */
    void sync() throws IOException {
        if (!closed) {
            CountDownLatch done = new CountDownLatch(1);
            put(new Barrier(done), true);
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for writes to finish", e);
            }
        }
        check();
    }

    /** Queues {@code task}; {@code now}: wakes the thread for it rather than for a batch of blocks. */
    private void put(Task task, boolean now) throws IOException {
        if (closed) {
            throw new IOException("the sink is closed");
        }
        try {
            queue.give(task);
            if (now) {
                queue.wake();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while queueing a write", e);
        }
    }

    private void check() throws IOException {
        IOException failed = failure;
        if (failed != null) {
            IOException copy = new IOException(failed.getMessage(), failed);
            copy.setStackTrace(failed.getStackTrace());
            throw copy;
        }
    }

    private void run() {
        while (true) {
            Task task;
            try {
                task = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (task instanceof Barrier barrier) {
                barrier.done().countDown();
            } else if (task instanceof Release release) {
                // After a failure its later blocks were dropped: closed, but not whole.
                attempt(failure == null ? release.out()::close : release.out()::closeIncomplete);
            } else if (task instanceof Block block) {
                if (failure == null) {
                    attempt(() -> block.out().write(block.data()));
                    if (failure == null) {
                        linesWritten += block.lines();
                    }
                }
                if (block.data().isDirect() && block.data().capacity() == LineBatcher.CAPACITY) {
                    spare.offer(block.data().clear());
                }
            } else if (failure == null && task instanceof Flush flush) {
                attempt(flush.out()::flush);
            }
        }
    }

    private interface Step {
        void run() throws IOException;
    }

    /** Runs {@code step}, keeping the first failure; whatever goes wrong, the thread lives on to release barriers. */
    private void attempt(Step step) {
        try {
            step.run();
        } catch (IOException e) {
            keep(e);
        } catch (RuntimeException | Error e) {
            keep(new IOException(e.toString(), e));
        }
    }

    private void keep(IOException e) {
        if (failure == null) {
            failure = e;
        }
    }

    /** Writes what is queued, then lets the thread go. Idempotent. */
    void close() throws IOException {
        if (closed) {
            check();
            return;
        }
        try {
            sync();
        } finally {
            closed = true;
            thread.interrupt();
        }
    }
}
