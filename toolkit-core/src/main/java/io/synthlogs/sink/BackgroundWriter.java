package io.synthlogs.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;

/**
 * Does a sink's system calls on a thread of its own, so generating the next block of lines overlaps
 * with the kernel copying the last one (on this project's machines, writing to the page cache costs
 * as much CPU as generating). Blocks keep their order and each is written whole; a write failure is
 * reported to the producer at its next call, and nothing after the failure is written.
 */
final class BackgroundWriter {
    private static final int QUEUED_BLOCKS = 8;

    private final BlockingQueue<Task> queue = new ArrayBlockingQueue<>(QUEUED_BLOCKS);
    private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(QUEUED_BLOCKS + 2);
    private final Thread thread;
    private volatile IOException failure;

    /** One block for one stream, or (with no data) a barrier the producer waits on. */
    private record Task(OutputStream out, byte[] data, int length, CountDownLatch done) {}

    BackgroundWriter(String name) {
        thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues {@code block} (its first {@code length} bytes) for {@code target}, taking ownership of
     * it, and returns an empty buffer of at least {@link LineBatcher#CAPACITY} bytes to fill next.
     */
    byte[] handOver(OutputStream target, byte[] block, int length) throws IOException {
        check();
        put(new Task(target, block, length, null));
        byte[] next = spare.poll();
        return next != null ? next : new byte[LineBatcher.CAPACITY];
    }

    /** Waits until every queued block is written; rethrows a write failure. */
    void sync() throws IOException {
        CountDownLatch done = new CountDownLatch(1);
        put(new Task(null, null, 0, done));
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for writes to finish", e);
        }
        check();
    }

    private void put(Task task) throws IOException {
        try {
            queue.put(task);
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
        try {
            while (true) {
                Task task = queue.take();
                if (task.done() != null) {
                    task.done().countDown();
                    continue;
                }
                if (failure == null) {
                    try {
                        task.out().write(task.data(), 0, task.length());
                    } catch (IOException e) {
                        failure = e;
                    }
                }
                if (task.data().length >= LineBatcher.CAPACITY) {
                    spare.offer(task.data());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued, then lets the thread go. */
    void close() throws IOException {
        try {
            sync();
        } finally {
            thread.interrupt();
        }
    }
}
