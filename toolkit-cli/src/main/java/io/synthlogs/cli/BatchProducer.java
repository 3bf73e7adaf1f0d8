package io.synthlogs.cli;

import io.synthlogs.Episode;
import io.synthlogs.LogEntry;
import io.synthlogs.LogGenerator;
import io.synthlogs.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Generates batches on a thread of its own while the caller renders and writes the previous ones, so
 * a run uses two cores. Order and content are exactly those of one generator on one thread: the
 * generator is still single-threaded, only its consumer is elsewhere.
 */
final class BatchProducer implements AutoCloseable {
    /** Lines kept in flight at most, whatever the batch size. */
    private static final int LINES_IN_FLIGHT = 16_384;

    /**
     * One batch of lines with the episodes that closed while it was generated, and the episode still
     * open at its end (marked truncated), for a run that stops after this batch.
     */
    record Batch(LogEntry[] lines, List<Episode> closed, Episode openAtEnd, RuntimeException failure) {}

    private final BlockingQueue<Batch> queue;
    private final Thread thread;
    private volatile boolean closed;

    BatchProducer(Scenario scenario, long total, int batchSize) {
        this.queue = new ArrayBlockingQueue<>(Math.max(2, LINES_IN_FLIGHT / batchSize));
        this.thread = new Thread(() -> produce(scenario, total, batchSize), "synthlogs-generator");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next batch, or an empty one when a finite run is complete. */
    Batch take() throws InterruptedException {
        Batch batch = queue.take();
        if (batch.failure() != null) {
            throw batch.failure();
        }
        return batch;
    }

    private void produce(Scenario scenario, long total, int batchSize) {
        LogGenerator generator = LogGenerator.of(scenario).forgetEpisodes();
        List<Episode> closedNow = new ArrayList<>();
        generator.onEpisode(closedNow::add);
        long produced = 0;
        try {
            while (!closed) {
                int size = total == 0 ? batchSize : (int) Math.min(batchSize, total - produced);
                LogEntry[] lines = new LogEntry[size];
                for (int i = 0; i < size; i++) {
                    lines[i] = generator.next();
                }
                produced += size;
                boolean last = total != 0 && produced >= total;
                if (last) {
                    generator.finish();
                }
                Episode open = last ? null : generator.openEpisode().map(BatchProducer::truncated).orElse(null);
                queue.put(new Batch(lines, List.copyOf(closedNow), open, null));
                closedNow.clear();
                if (last) {
                    queue.put(new Batch(new LogEntry[0], List.of(), null, null));
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            queue.offer(new Batch(new LogEntry[0], List.of(), null, e));
        }
    }

    private static Episode truncated(Episode open) {
        var parameters = new LinkedHashMap<String, Object>(open.parameters());
        parameters.put("truncated", true);
        return new Episode(open.id(), open.type(), open.subtype(), open.firstIndex(), open.lastIndex(), open.start(),
                open.end(), open.lineCount(), open.services(), parameters);
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
