package io.synthlogs.server;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts open streams against the limit and closes them all on shutdown. Each stream holds a
 * {@link Slot}; a stream's thread waits between batches on its slot, so shutdown wakes it at once.
 */
final class StreamRegistry {
    private final int max;
    private final Set<Slot> open = ConcurrentHashMap.newKeySet();
    private volatile boolean shuttingDown;

    StreamRegistry(int max) {
        this.max = max;
    }

    /**
     * Takes a slot for a new stream.
     *
     * @param onShutdown what ends this stream when the server stops (e.g. closing a WebSocket)
     * @throws ApiError 429 when {@code max} streams are open, 503 while shutting down
     */
    Slot open(Runnable onShutdown) {
        if (shuttingDown) {
            throw new ApiError(503, "the server is shutting down", null, null);
        }
        Slot slot = new Slot(onShutdown);
        synchronized (open) {
            if (open.size() >= max) {
                throw new ApiError(429, "too many open streams: the limit is " + max
                        + "; close a stream (SSE, NDJSON or WebSocket) and try again", null, "at most " + max);
            }
            open.add(slot);
        }
        return slot;
    }

    int active() {
        return open.size();
    }

    int max() {
        return max;
    }

    /** Ends every stream: waiting threads wake and return, WebSockets are closed. */
    void closeAll() {
        shuttingDown = true;
        for (Slot slot : Set.copyOf(open)) {
            slot.shutdown();
        }
    }

    /** Waits up to {@code millis} for every stream to end (after {@link #closeAll()}); false on timeout. */
    boolean awaitEmpty(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (open) {
            while (!open.isEmpty()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                open.wait(left);
            }
        }
        return true;
    }

    /** One open stream's place; close it exactly when the stream ends (closing twice is harmless). */
    final class Slot implements AutoCloseable {
        private final CountDownLatch stopped = new CountDownLatch(1);
        private final AtomicBoolean released = new AtomicBoolean();
        private final Runnable onShutdown;

        private Slot(Runnable onShutdown) {
            this.onShutdown = onShutdown;
        }

        /** Waits up to {@code millis}; false when the stream should end now (server stopping). */
        boolean await(long millis) throws InterruptedException {
            return !stopped.await(millis, TimeUnit.MILLISECONDS);
        }

        boolean stopping() {
            return stopped.getCount() == 0;
        }

        /** Wakes the stream; its owner closes the slot once the stream has really ended. */
        private void shutdown() {
            stopped.countDown();
            onShutdown.run();
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                synchronized (open) {
                    open.remove(this);
                    open.notifyAll();
                }
            }
        }
    }
}
