package io.synthlogs.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The ring between two threads: order, batched wake-ups on both sides, no lost wake-up. */
@Timeout(30)
class HandoffTest {

    @Test
    void items_circulating_between_two_threads_arrive_in_order_and_never_stall() throws Exception {
        // 8 boxes go round between two threads, each sleeping until 4 wait for it.
        Handoff<int[]> filled = new Handoff<>(8, 4);
        Handoff<int[]> free = new Handoff<>(8, 4);
        for (int i = 0; i < 8; i++) {
            free.give(new int[1]);
        }
        int total = 20_000;
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < total; i++) {
                    int[] box = free.take();
                    box[0] = i;
                    filled.give(box);
                }
                filled.wake();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        for (int i = 0; i < total; i++) {
            int[] box = filled.take();
            assertThat(box[0]).isEqualTo(i);
            free.give(box);
        }
        producer.get(10, TimeUnit.SECONDS);
    }

    @Test
    void a_sleeping_taker_wakes_once_enough_items_wait_or_when_woken() throws Exception {
        Handoff<Integer> ring = new Handoff<>(8, 3);
        List<Integer> taken = new ArrayList<>();
        AtomicInteger count = new AtomicInteger();
        Thread taker = daemon(() -> {
            try {
                while (count.get() < 4) {
                    Integer item = ring.take();
                    synchronized (taken) {
                        taken.add(item);
                    }
                    count.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        awaitParked(taker);

        ring.give(1);
        ring.give(2);
        Thread.sleep(200);
        assertThat(count.get()).as("taken before the third item woke the taker").isZero();

        ring.give(3);
        awaitCount(count, 3);
        awaitParked(taker);
        ring.give(4);
        Thread.sleep(200);
        assertThat(count.get()).as("a single item waits for more").isEqualTo(3);

        ring.wake();
        taker.join(5_000);
        assertThat(taken).containsExactly(1, 2, 3, 4);
    }

    @Test
    void an_item_given_before_the_taker_sleeps_is_taken_at_once() throws Exception {
        Handoff<String> ring = new Handoff<>(4, 4);
        ring.give("early");
        assertThat(ring.take()).isEqualTo("early");
    }

    @Test
    void interrupting_a_sleeping_taker_ends_its_wait() throws Exception {
        Handoff<String> ring = new Handoff<>(4, 1);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread taker = daemon(() -> {
            try {
                ring.take();
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        awaitParked(taker);
        taker.interrupt();
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    }

    @Test
    void a_giver_finding_the_ring_full_sleeps_until_enough_slots_are_free() throws Exception {
        Handoff<Integer> ring = new Handoff<>(4, 2);
        AtomicInteger given = new AtomicInteger();
        Thread giver = daemon(() -> {
            try {
                for (int i = 0; i < 5; i++) {
                    ring.give(i);
                    given.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        awaitCount(given, 4);
        awaitParked(giver);

        assertThat(ring.take()).isZero();
        Thread.sleep(200);
        assertThat(given.get()).as("given while only one slot was free").isEqualTo(4);

        assertThat(ring.take()).isEqualTo(1);
        giver.join(10_000);
        assertThat(given.get()).isEqualTo(5);
        assertThat(List.of(ring.take(), ring.take(), ring.take())).containsExactly(2, 3, 4);
    }

    @Test
    void bursts_through_a_small_ring_with_both_sides_sleeping_arrive_in_order() throws Exception {
        Handoff<Integer> ring = new Handoff<>(4, 3);
        int total = 20_000;
        CompletableFuture<Void> giver = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 0; i < total; i++) {
                    ring.give(i);
                }
                ring.wake();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        for (int i = 0; i < total; i++) {
            assertThat(ring.take()).isEqualTo(i);
        }
        giver.get(10, TimeUnit.SECONDS);
    }

    @Test
    void a_wake_threshold_outside_the_capacity_is_refused() {
        assertThatThrownBy(() -> new Handoff<String>(4, 5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("wakeAt must be in [1, 4], got 5");
        assertThatThrownBy(() -> new Handoff<String>(4, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Thread daemon(Runnable body) {
        Thread thread = new Thread(body, "handoff-test");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Until {@code thread} sleeps; fails after 10 s rather than hanging. */
    private static void awaitParked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.WAITING) {
            assertThat(System.nanoTime()).as("%s still %s after 10 s", thread.getName(), thread.getState())
                    .isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private static void awaitCount(AtomicInteger count, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (count.get() < expected) {
            assertThat(System.nanoTime()).as("count %s, expected %s within 10 s", count.get(), expected)
                    .isLessThan(deadline);
            Thread.sleep(1);
        }
    }
}
