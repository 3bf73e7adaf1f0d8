package io.synthlogs.cli;

import io.synthlogs.Episode;
import io.synthlogs.IoReason;
import io.synthlogs.LogGenerator;
import io.synthlogs.Scenario;
import io.synthlogs.config.SynthConfig;
import io.synthlogs.format.LineBuffer;
import io.synthlogs.format.LineFields;
import io.synthlogs.format.LogFormat;
import io.synthlogs.sink.LineSink;
import io.synthlogs.sink.RotatingFileSink;
import io.synthlogs.sink.StreamSink;
import io.synthlogs.sink.TeeSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.LongSupplier;

/**
 * One generating run: lines from the generator, rendered, to the sinks in batches, episodes to the
 * manifest, paced when asked, stopping cleanly at a line boundary on SIGINT/SIGTERM.
 */
final class GenerateRun {
    private final Scenario scenario;
    private final SynthConfig config;
    private final boolean paced;
    private final Path manifestPath;
    private final PrintWriter err;
    /** Whether this run created the output directory (so that a run failing at its start can take it back). */
    private boolean madeOutputDirectory;

    GenerateRun(Scenario scenario, boolean paced, Path manifestPath, PrintWriter err) {
        this.scenario = scenario;
        this.config = scenario.config();
        this.paced = paced;
        this.manifestPath = manifestPath;
        this.err = err;
    }

    int execute() {
        StopSignal stop = StopSignal.install();
        RotatingFileSink files = null;
        LineSink sink = null;
        Manifest manifest = null;
        Counts counts = new Counts();
        // What a killed or failed run leaves are its files: the manifest keeps pace with them, else with stdout.
        LongSupplier linesWritten = () -> 0;
        StdoutBesideFiles beside = null;
        try {
            SynthConfig.Output output = config.output();
            if (output.destination().toFile()) {
                files = openFiles(output);
            }
            // After the log files: opening empties an existing manifest, which an output directory that
            // cannot be made must not cost. A manifest path that fails takes the (empty) log files along.
            try {
                manifest = manifestPath == null ? null : Manifest.open(manifestPath, output.file().pageAligned());
            } catch (RuntimeException e) {
                discardUnwritten(files, madeOutputDirectory);
                throw e;
            }
            if (files != null) {
                if (!output.destination().toStdout()) {
                    // Said at the start: a stream piped into another command would otherwise show nothing.
                    err.printf("synthlogs: writing lines to files, from '%s' (-o stdout writes them to standard output)%n",
                            files.current());
                    err.flush();
                }
            }
            StreamSink stdout = output.destination().toStdout() ? StreamSink.stdout() : null;
            if (stdout != null && files != null) {
                beside = new StdoutBesideFiles(stdout, stop);
            }
            sink = stdout == null ? files : files == null ? stdout : new TeeSink(beside, files);
            linesWritten = files != null ? files::linesWritten : stdout::linesWritten;
            generate(sink, linesWritten, manifest, stop, counts);
            sink.close();
            if (manifest != null) {
                manifest.close(linesWritten.getAsLong());
            }
        } catch (IOException | UncheckedIOException e) {
            return endAfterFailure(e instanceof UncheckedIOException u ? u.getCause() : (IOException) e, files, sink,
                    manifest, linesWritten);
        } catch (RuntimeException | StackOverflowError e) {
            closeCapturing(sink == null ? files : sink); // the failure being thrown matters more
            if (manifest != null) {
                manifest.closeQuietly(linesWritten.getAsLong());
                if (counts.lines == 0) {
                    manifest.deleteIfEmpty();
                }
            }
            throw e;
        } finally {
            stop.uninstall();
        }
        IOException stdoutFailure = beside == null ? null : beside.failure();
        if (stdoutFailure != null && !isBrokenPipe(stdoutFailure)) {
            throw new Errors.RunFailure("cannot write to stdout: " + IoReason.of(stdoutFailure));
        }
        // A reader of stdout that left stopped the run; the files are whole up to here: say where.
        summary(counts, files, stdoutFailure != null ? "standard output was closed; " : "");
        return 0;
    }

    /**
     * After a write failed: the files keep every whole line they got, and the manifest names only
     * lines written; then the failure is the run's error (exit 1), unless it was stdout's reader
     * leaving a run without files (exit 0, quietly).
     */
    private int endAfterFailure(IOException io, RotatingFileSink files, LineSink sink, Manifest manifest,
            LongSupplier linesWritten) {
        IOException filesFailure = closeCapturing(files);
        if (io instanceof Manifest.Failure failure) {
            if (files == null) {
                closeCapturing(sink); // stdout gets the lines it has buffered all the same
            }
            manifest.closeQuietly(0);
            throw failure.runFailure(); // even when it is a pipe whose reader left
        }
        try {
            if (manifest != null) {
                manifest.close(linesWritten.getAsLong());
            }
        } catch (Manifest.Failure failure) {
            throw failure.runFailure();
        }
        if (files != null && files.failed()) {
            throw new Errors.RunFailure("cannot write " + where(files) + ": "
                    + IoReason.of(filesFailure != null ? filesFailure : io));
        }
        if (isBrokenPipe(io)) {
            return 0;
        }
        throw new Errors.RunFailure("cannot write " + where(files) + ": " + IoReason.of(io));
    }

    private void generate(LineSink sink, LongSupplier linesWritten, Manifest manifest, StopSignal stop, Counts counts)
            throws IOException {
        LogGenerator generator = LogGenerator.of(scenario).forgetEpisodes();
        Lines lines = new Lines(sink, linesWritten, manifest, counts, config.output().format(),
                config.output().includeLabels());
        long total = config.generator().totalLogs();
        Progress progress = Progress.forRun(total, config.output().destination(), err);
        if (!paced && generatorThreadPays()) {
            generatePipelined(generator, lines, stop, progress);
        } else {
            generateInline(generator, lines, stop, progress);
        }
        progress.done();
    }

    /**
     * Whether a thread of its own for generating makes a fast run faster: on two cores or more, to
     * stdout and to files alike. Writing files, the sink's thread spends much of a core on the
     * kernel's copy, so three threads share two cores; since the threads hand work over in batches
     * and a rotation no longer waits for the writer, they share them well. Measured on 2 cores, 12
     * alternating runs of 5 M JSON lines to files rotated at 10 MB: median 3.59 s on one thread,
     * 3.30 s on two (earlier, with a wake-up per block and a wait at each rotation, two threads lost).
     */
    private static boolean generatorThreadPays() {
        return Runtime.getRuntime().availableProcessors() >= 2;
    }

    /**
     * A finite run as fast as it goes: generated on a second thread, formatted and written here. The
     * sink writes full blocks (still whole lines) and flushes at the end.
     */
    private void generatePipelined(LogGenerator generator, Lines lines, StopSignal stop, Progress progress)
            throws IOException {
        long total = config.generator().totalLogs();
        Episode open = null;
        try (LinePipeline pipeline = new LinePipeline(generator, total)) {
            while (!stop.requested() && lines.counts.lines < total) {
                LinePipeline.Block block = pipeline.take();
                for (int i = 0; i < block.count(); i++) {
                    lines.write(block.line(i));
                }
                for (Episode episode : block.closed()) {
                    lines.episode(episode);
                }
                lines.releaseEpisodes();
                open = block.openAtEnd();
                pipeline.recycle(block);
                progress.update(lines.counts.lines);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // The episode still open when the run ends (or is stopped) goes to the manifest as truncated.
        if (open != null) {
            lines.episode(open);
        }
    }

    /**
     * Batch by batch on this thread: a stream or a run with --interval flushes each batch at once and
     * pauses between them; a fast run lets the sink write full blocks and flushes at the end.
     */
    private void generateInline(LogGenerator generator, Lines lines, StopSignal stop, Progress progress)
            throws IOException {
        generator.onEpisode(episode -> {
            try {
                lines.episode(episode);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        long total = config.generator().totalLogs();
        int batchSize = config.generator().batchSize();
        long intervalMillis = paced ? Math.round(config.generator().interval() * 1000) : 0;
        Counts counts = lines.counts;
        while (!stop.requested() && (total == 0 || counts.lines < total)) {
            long inBatch = total == 0 ? batchSize : Math.min(batchSize, total - counts.lines);
            for (long i = 0; i < inBatch && !stop.requested(); i++) {
                lines.write(generator.nextLine());
            }
            if (paced) {
                // Before a pause, wait for the batch to be written: a write that failed (a reader gone)
                // then ends the run now. Without a pause the next batch follows at once; no waiting.
                lines.flush(intervalMillis > 0);
            } else {
                lines.releaseEpisodes();
            }
            progress.update(counts.lines);
            if (intervalMillis > 0 && (total == 0 || counts.lines < total)) {
                stop.sleep(intervalMillis);
            }
        }
        // The episode still open when the run ends (or is stopped) goes to the manifest as truncated.
        generator.finish();
    }

    /** Formats lines into the sink and episodes into the manifest, counting both. */
    private static final class Lines {
        private final LineSink sink;
        private final LongSupplier linesWritten;
        private final Manifest manifest;
        private final Counts counts;
        private final LogFormat format;
        private final boolean labels;
        private final LineBuffer line = new LineBuffer(1024);

        Lines(LineSink sink, LongSupplier linesWritten, Manifest manifest, Counts counts, LogFormat format, boolean labels) {
            this.sink = sink;
            this.linesWritten = linesWritten;
            this.manifest = manifest;
            this.counts = counts;
            this.format = format;
            this.labels = labels;
        }

        void write(LineFields fields) throws IOException {
            line.reset();
            format.append(line, fields, labels);
            line.append('\n');
            sink.writeLine(line.array(), 0, line.length());
            counts.lines++;
            if (fields.isAnomaly()) {
                counts.anomalous++;
            }
        }

        void episode(Episode episode) throws IOException {
            counts.episodes++;
            if (manifest != null) {
                manifest.write(episode, linesWritten.getAsLong());
            }
        }

        /** Hands the manifest the episodes whose lines the sink has written by now (see {@link Manifest}). */
        void releaseEpisodes() throws IOException {
            if (manifest != null) {
                manifest.writeReady(linesWritten.getAsLong());
            }
        }

        /** Sends what is buffered on (a paced stream is read as it comes); {@code wait}: until written. */
        void flush(boolean wait) throws IOException {
            if (wait) {
                sink.awaitWritten();
            } else {
                sink.flush();
            }
            if (manifest != null) {
                manifest.flush(linesWritten.getAsLong(), wait);
            }
        }
    }

    private RotatingFileSink openFiles(SynthConfig.Output output) throws IOException {
        SynthConfig.FileOutput file = output.file();
        // Made here, not as a constant: a run to stdout need not load the pattern parser.
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"));
        Path dir = Path.of(file.path());
        madeOutputDirectory = !Files.isDirectory(dir);
        try {
            return new RotatingFileSink(dir, file.stem(), output.format().extension(), file.rotationBytes(), file.maxFiles(), stamp,
                    file.pageAligned());
        } catch (IOException e) {
            throw new Errors.RunFailure("cannot write to output directory '" + dir + "': " + IoReason.of(e));
        }
    }

    /** Closes the sink before its first line and deletes its files, all empty, and the directory if the run made it. */
    private static void discardUnwritten(RotatingFileSink files, boolean madeDirectory) {
        if (files == null) {
            return;
        }
        closeCapturing(files); // empty, and about to go
        try {
            for (Path file : files.files()) {
                Files.deleteIfExists(file);
            }
            if (madeDirectory) {
                Files.deleteIfExists(files.current().getParent());
            }
        } catch (IOException ignored) {
            // An empty file or directory left behind; the failure being reported matters more.
        }
    }

    /** What the run wrote where; {@code stdoutClosed}: said before it when standard output went away. */
    private void summary(Counts counts, RotatingFileSink files, String stdoutClosed) {
        String target = files == null ? "stdout" : files.opened() == 1 ? files.current().toString()
                : files.opened() + " files in " + files.current().getParent();
        if (files != null && files.files().size() < files.opened()) {
            target += " (only the newest " + files.files().size() + " kept)";
        }
        if (files != null && config.output().destination().toStdout() && stdoutClosed.isEmpty()) {
            target = "stdout and " + target;
        }
        err.printf("synthlogs: %swrote %d line%s (%d anomalous, %d episode%s) to %s%n", stdoutClosed, counts.lines,
                counts.lines == 1 ? "" : "s", counts.anomalous, counts.episodes, counts.episodes == 1 ? "" : "s", target);
        err.flush();
    }

    /** What a run that failed while writing could not write: stdout, or the file that failed. */
    private String where(RotatingFileSink files) {
        if (files == null || !files.failed() && config.output().destination().toStdout()) {
            return "to stdout";
        }
        return "'" + files.failedFile().orElse(files.current()) + "'";
    }

    static boolean isBrokenPipe(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Broken pipe") || message.contains("Stream closed");
    }

    /** Closes {@code closeable} (if any), returning what its close threw rather than throwing it. */
    private static IOException closeCapturing(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
            return null;
        } catch (IOException e) {
            return e;
        } catch (Exception e) {
            return new IOException(e.toString(), e);
        }
    }

    private static final class Counts {
        long lines;
        long anomalous;
        long episodes;
    }
}
