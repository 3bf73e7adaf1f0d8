package io.synthlogs.cli;

import io.synthlogs.Episode;
import io.synthlogs.LogGenerator;
import io.synthlogs.format.LineBlock;
import io.synthlogs.format.LineFields;
import io.synthlogs.sink.Handoff;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Generates a finite run's lines on a thread of its own, a block at a time, while the caller formats
 * and writes the block before: generating and formatting each take about half of a line's time, so a
 * run uses two cores. The lines are exactly those of the same generator on one thread; only where
 * they are formatted changes. Each block carries the episodes that closed within it and the one still
 * open at its end, so a run stopped after any block writes a manifest that matches its lines.
 */
final class LinePipeline implements AutoCloseable {
    /**
     * Lines per block and blocks in flight, measured on 2 cores: large enough that handing a block
     * over costs little per line, small enough that the blocks in flight stay in the shared cache.
     */
    private static final int BLOCK_LINES = 512;
    private static final int BLOCKS = 8;
    /**
     * A thread waiting for blocks sleeps until half of them are ready for it: one wake-up per four
     * blocks rather than per block. No thread can wait for more than are out of its hands: a waiting
     * thread holds none, so the blocks it waits for are in flight towards it or in the other's hands.
     */
    private static final int WAKE_AT = BLOCKS / 2;

    /** Lines with their episodes. Reused: valid until {@link #recycle}d. */
    static final class Block {
        /** The bytes of all its lines in one arena: what crosses between the cores is compact. */
        private final LineBlock lines;
        private final List<Episode> closed = new ArrayList<>();
        private Episode openAtEnd;
        private Throwable failure;

        Block(int capacity) {
            lines = new LineBlock(capacity);
        }

        int count() {
            return lines.size();
        }

        LineFields line(int i) {
            return lines.get(i);
        }

        /** Episodes whose last line is in this block. */
        List<Episode> closed() {
            return closed;
        }

        /** The episode still open after this block's last line, marked truncated; or {@code null}. */
        Episode openAtEnd() {
            return openAtEnd;
        }
    }

    /** One slot more than blocks: room for {@link #failed}. */
    private final Handoff<Block> filled = new Handoff<>(BLOCKS + 1, WAKE_AT);
    private final Handoff<Block> free = new Handoff<>(BLOCKS, WAKE_AT);
    /** Made here, so that the generating thread never fails for want of a block to report in. */
    private final Block[] blocks = new Block[BLOCKS];
    /** Reports a failure that struck while the generating thread held no block (waiting for one). */
    private final Block failed = new Block(0);
    private final Thread thread;
    private volatile boolean closing;
    /** The block being filled; touched by the generating thread only. */
    private Block current;

    /** Starts generating {@code total} lines from {@code generator}, which nobody else may use now. */
    LinePipeline(LogGenerator generator, long total) {
        for (int i = 0; i < BLOCKS; i++) {
            blocks[i] = new Block(BLOCK_LINES);
        }
        generator.onEpisode(episode -> current.closed.add(episode));
        thread = new Thread(() -> produce(generator, total), "synthlogs-generator");
        thread.setDaemon(true);
        thread.start();
    }

    private void produce(LogGenerator generator, long total) {
        long made = 0;
        int fresh = 0;
        try {
            while (made < total && !closing) {
                // Each block is used once from the start, then again as the formatting thread frees it.
                Block block = fresh < BLOCKS ? blocks[fresh++] : free.take();
                block.closed.clear();
                block.lines.clear();
                current = block;
                int n = (int) Math.min(BLOCK_LINES, total - made);
                for (int i = 0; i < n; i++) {
                    generator.nextLine(block.lines.add());
                }
                block.openAtEnd = generator.openEpisode(true).orElse(null);
                made += n;
                filled.give(block);
                current = null;
            }
            filled.wake();
        } catch (InterruptedException e) {
            // Closed while waiting: the consumer wants no more.
        } catch (RuntimeException | Error e) {
            // The failure travels in the block it struck, or in the spare one: no allocation (it may be
            // an OutOfMemoryError), and the ring always has room for it.
            Block report = current != null ? current : failed;
            report.failure = e;
            try {
                filled.give(report);
            } catch (InterruptedException closed) {
                return;
            }
            filled.wake();
        }
    }

    /**
     * The next block, in order; rethrows what went wrong while generating it. Recycle each block
     * before taking the next: a caller that held two could leave both threads waiting for blocks.
     */
    Block take() throws InterruptedException {
        Block block = filled.take();
        if (block.failure instanceof RuntimeException e) {
            throw e;
        }
        if (block.failure instanceof Error e) {
            throw e;
        }
        return block;
    }

    /** Gives a block taken and written back for filling. */
    void recycle(Block block) throws InterruptedException {
        free.give(block);
    }

    /** Stops generating; lines generated but not taken are dropped. */
    @Override
    public void close() {
        closing = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
