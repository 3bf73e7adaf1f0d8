package io.synthlogs.cli;

import io.synthlogs.LogGenerator;
import io.synthlogs.Scenario;
import io.synthlogs.config.SynthConfig;
import io.synthlogs.format.EpisodeJson;
import io.synthlogs.format.LineBuffer;
import io.synthlogs.format.LineFields;
import io.synthlogs.format.LogFormat;
import io.synthlogs.sink.LineSink;
import io.synthlogs.sink.RotatingFileSink;
import io.synthlogs.sink.StreamSink;
import io.synthlogs.sink.TeeSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One generating run: lines from the generator, rendered, to the sinks in batches, episodes to the
 * manifest, paced when asked, stopping cleanly at a line boundary on SIGINT/SIGTERM.
 */
final class GenerateRun {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private final Scenario scenario;
    private final SynthConfig config;
    private final boolean paced;
    private final Path manifestPath;
    private final PrintWriter err;

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
        BufferedWriter manifest = null;
        Counts counts = new Counts();
        try {
            SynthConfig.Output output = config.output();
            if (output.destination().toFile()) {
                files = openFiles(output);
            }
            LineSink stdout = output.destination().toStdout() ? StreamSink.stdout() : null;
            sink = stdout == null ? files : files == null ? stdout : new TeeSink(stdout, files);
            manifest = openManifest();
            generate(sink, manifest, stop, counts);
            sink.close();
            if (manifest != null) {
                manifest.close();
            }
        } catch (IOException | UncheckedIOException e) {
            IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            // Whatever happened to stdout, the files and the manifest keep every whole line they got.
            closeQuietly(files, manifest);
            if (isBrokenPipe(io)) {
                return 0;
            }
            throw new Errors.RunFailure("cannot write " + where(files) + ": " + reason(io));
        } catch (RuntimeException | StackOverflowError e) {
            closeQuietly(sink, manifest);
            throw e;
        } finally {
            stop.uninstall();
        }
        summary(counts, files);
        return 0;
    }

    private void generate(LineSink sink, BufferedWriter manifest, StopSignal stop, Counts counts) throws IOException {
        LogGenerator generator = LogGenerator.of(scenario).forgetEpisodes();
        generator.onEpisode(episode -> {
            counts.episodes++;
            if (manifest != null) {
                try {
                    manifest.write(EpisodeJson.toJson(episode));
                    manifest.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        LogFormat format = config.output().format();
        boolean labels = config.output().includeLabels();
        long total = config.generator().totalLogs();
        int batchSize = config.generator().batchSize();
        long intervalMillis = paced ? Math.round(config.generator().interval() * 1000) : 0;
        Progress progress = Progress.forRun(total, config.output().destination(), err);
        LineBuffer line = new LineBuffer(1024);
        // One thread: a generated line is rendered while it is still in this core's cache. (Handing
        // lines to a second thread was measured: no faster, and half again the CPU time.)
        while (!stop.requested() && (total == 0 || counts.lines < total)) {
            long inBatch = total == 0 ? batchSize : Math.min(batchSize, total - counts.lines);
            for (long i = 0; i < inBatch && !stop.requested(); i++) {
                LineFields entry = generator.nextLine();
                line.reset();
                format.append(line, entry, labels);
                line.append('\n');
                sink.writeLine(line.array(), 0, line.length());
                counts.lines++;
                if (entry.isAnomaly()) {
                    counts.anomalous++;
                }
            }
            if (paced) {
                // A paced stream is read as it comes: each batch goes out at once. An unpaced run
                // lets the sink write full blocks (still whole lines) and flushes at the end.
                sink.flush();
                if (manifest != null) {
                    manifest.flush();
                }
            }
            progress.update(counts.lines);
            if (intervalMillis > 0 && (total == 0 || counts.lines < total)) {
                stop.sleep(intervalMillis);
            }
        }
        // The episode still open when the run ends (or is stopped) goes to the manifest as truncated.
        generator.finish();
        if (manifest != null) {
            manifest.flush();
        }
        progress.done();
    }

    private RotatingFileSink openFiles(SynthConfig.Output output) throws IOException {
        SynthConfig.FileOutput file = output.file();
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
        Path dir = Path.of(file.path());
        try {
            return new RotatingFileSink(dir, file.stem(), output.format().extension(), file.rotationBytes(), file.maxFiles(), stamp);
        } catch (IOException e) {
            throw new Errors.RunFailure("cannot write to output directory '" + dir + "': " + reason(e));
        }
    }

    private BufferedWriter openManifest() {
        if (manifestPath == null) {
            return null;
        }
        try {
            Path parent = manifestPath.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.newBufferedWriter(manifestPath, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Errors.RunFailure("cannot write manifest '" + manifestPath + "': " + reason(e));
        }
    }

    private void summary(Counts counts, RotatingFileSink files) {
        String target = files == null ? "stdout" : files.files().size() == 1 ? files.current().toString()
                : files.files().size() + " files in " + files.current().getParent();
        if (files != null && config.output().destination().toStdout()) {
            target = "stdout and " + target;
        }
        err.printf("synthlogs: wrote %d line%s (%d anomalous, %d episode%s) to %s%n", counts.lines,
                counts.lines == 1 ? "" : "s", counts.anomalous, counts.episodes, counts.episodes == 1 ? "" : "s", target);
        err.flush();
    }

    private static String where(RotatingFileSink files) {
        return files == null ? "to stdout" : "'" + files.current() + "'";
    }

    static boolean isBrokenPipe(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Broken pipe") || message.contains("Stream closed");
    }

    private static String reason(IOException e) {
        String message = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static void closeQuietly(AutoCloseable... closeables) {
        for (AutoCloseable c : closeables) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // The first failure is the one reported.
                }
            }
        }
    }

    private static final class Counts {
        long lines;
        long anomalous;
        long episodes;
    }
}
