package io.synthlogs.cli;

import java.util.concurrent.locks.LockSupport;

/**
 * Passes items from one thread to one other, in order, through a fixed ring that never fills: the two
 * threads circulate at most {@code capacity} items between them. A taker that finds the ring empty
 * sleeps until {@code wakeAt} items wait for it, or until the giver calls {@link #wake()}, so threads
 * that trade many items wake each other once per batch instead of once per item. (A blocking queue
 * wakes its taker on every item: in a text run, where the formatting thread is faster than the
 * generating one and waits for each block, waking it took about 4 % of the generating thread.)
 */
final class Handoff<T> {
    private final Object[] ring;
    private final int wakeAt;
    /** Items given so far; written by the giver only. */
    private volatile long given;
    /** Items taken so far; written by the taker only. */
    private volatile long taken;
    /** The taker while it sleeps, else {@code null}. */
    private volatile Thread sleeper;

    Handoff(int capacity, int wakeAt) {
        if (wakeAt < 1 || wakeAt > capacity) {
            throw new IllegalArgumentException("wakeAt must be in [1, " + capacity + "], got " + wakeAt);
        }
        this.ring = new Object[capacity];
        this.wakeAt = wakeAt;
    }

    /**
     * Adds {@code item} after those given before; wakes a sleeping taker once {@code wakeAt} items
     * wait. Called by the giving thread only.
     *
     * @throws IllegalStateException if the ring is full: more than {@code capacity} items circulate
     */
    void give(T item) {
        long g = given;
        long waiting = g + 1 - taken;
        if (waiting > ring.length) {
            throw new IllegalStateException("handoff full: more than " + ring.length + " items in circulation");
        }
        ring[(int) (g % ring.length)] = item;
        given = g + 1;
        if (waiting >= wakeAt) {
            wake();
        }
    }

    /** Wakes a sleeping taker whatever waits: after the last item, or one that must not wait. */
    void wake() {
        Thread t = sleeper;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** The next item, sleeping while there is none. Called by the taking thread only. */
    @SuppressWarnings("unchecked")
    T take() throws InterruptedException {
        long t = taken;
        if (given == t) {
            sleepWhileEmpty(t);
        }
        int slot = (int) (t % ring.length);
        T item = (T) ring[slot];
        ring[slot] = null;
        taken = t + 1;
        return item;
    }

    /** Sleeps until woken with an item waiting; the giver sees {@link #sleeper} before or after it gives. */
    private void sleepWhileEmpty(long t) throws InterruptedException {
        sleeper = Thread.currentThread();
        try {
            while (given == t) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                LockSupport.park(this);
            }
        } finally {
            sleeper = null;
        }
    }
}
