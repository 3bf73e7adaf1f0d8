package io.synthlogs.cli;

import io.synthlogs.Episode;
import io.synthlogs.IoReason;
import io.synthlogs.format.EpisodeJson;
import io.synthlogs.sink.FileSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;

/**
 * A run's manifest: its episodes as JSON lines, written in whole lines (see {@link FileSink}) whenever
 * {@link #BATCH_BYTES} of them have gathered and at each flush. An episode waits until the run's lines
 * up to its last one have been written, so that a killed run's manifest never names lines its log
 * files lack. A failed write is a {@link Failure}, so that the run's error names the manifest rather
 * than the log files.
 */
final class Manifest {
    /** Small: episodes are few, and a killed run's manifest then lags its log files little. */
    static final int BATCH_BYTES = 8 << 10;

    private final Path path;
    private final FileSink file;
    /** Episodes whose lines are not all written yet, in the order they closed. */
    private final ArrayDeque<Episode> waiting = new ArrayDeque<>();

    private Manifest(Path path, FileSink file) {
        this.path = path;
        this.file = file;
    }

    /**
     * Creates (or empties) the manifest and its directory; a path it cannot have fails the run.
     * {@code pageAligned}: see {@link FileSink}.
     */
    static Manifest open(Path path, boolean pageAligned) {
        try {
            Path parent = path.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new Manifest(path, new FileSink(path, BATCH_BYTES, pageAligned));
        } catch (IOException e) {
            throw failure(path, e);
        }
    }

    static Errors.RunFailure failure(Path path, IOException e) {
        return new Errors.RunFailure("cannot write manifest '" + path + "': " + IoReason.of(e));
    }

    /** Takes an episode; it is written once {@code linesWritten} (the run's lines written so far) covers it. */
    void write(Episode episode, long linesWritten) throws Failure {
        waiting.addLast(episode);
        writeReady(linesWritten);
    }

    /** Writes the episodes taken whose lines {@code linesWritten} covers, in the order they closed. */
    void writeReady(long linesWritten) throws Failure {
        while (!waiting.isEmpty() && waiting.peekFirst().lastIndex() < linesWritten) {
            writeNow(waiting.removeFirst());
        }
    }

    private void writeNow(Episode episode) throws Failure {
        byte[] json = (EpisodeJson.toJson(episode) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            file.writeLine(json, 0, json.length);
        } catch (IOException e) {
            throw new Failure(path, e);
        }
    }

    /**
     * Writes the episodes {@code linesWritten} covers and flushes; {@code pause}: before a paced run's
     * pause, when the newest episode too goes out now (see {@link FileSink#awaitWritten}).
     */
    void flush(long linesWritten, boolean pause) throws Failure {
        writeReady(linesWritten);
        try {
            if (pause) {
                file.awaitWritten();
            } else {
                file.flush();
            }
        } catch (IOException e) {
            throw new Failure(path, e);
        }
    }

    /**
     * Writes the episodes {@code linesWritten} covers (every one, after a run that ended well) and
     * closes the file; after a failure, those naming lines never written are left out.
     */
    void close(long linesWritten) throws Failure {
        writeReady(linesWritten);
        try {
            file.close();
        } catch (IOException e) {
            throw new Failure(path, e);
        }
    }

    /** As {@link #close}, on the way out of a failure that matters more than this one's. */
    void closeQuietly(long linesWritten) {
        try {
            close(linesWritten);
        } catch (Failure ignored) {
            // The failure being reported is the run's.
        }
    }

    /** After a run that failed before its first line (its files could not be opened): no empty manifest stays. */
    void deleteIfEmpty() {
        try {
            if (Files.size(path) == 0) {
                Files.delete(path);
            }
        } catch (IOException ignored) {
            // The failure being reported matters more than an empty file left behind.
        }
    }

    /** Writing the manifest failed; {@link #runFailure} is the run's error. */
    static final class Failure extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Path path;

        Failure(Path path, IOException cause) {
            super(cause.getMessage(), cause);
            this.path = path;
        }

        Errors.RunFailure runFailure() {
            return failure(path, (IOException) getCause());
        }
    }
}
