package io.synthlogs.cli;

import io.synthlogs.Scenario;
import io.synthlogs.config.ConfigLoader;
import io.synthlogs.config.SynthConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code synthlogs [options]}: generates labeled logs. Flags override the configuration file. */
@Command(
        name = "synthlogs",
        mixinStandardHelpOptions = true,
        subcommands = ServeCommand.class,
        versionProvider = Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = {
            "Generates realistic, labeled synthetic logs with injected anomalies.",
            "Lines go to stdout and/or rotating files; progress and the seed go to stderr only."
        },
        footer = {
            "",
            "Examples:",
            "  synthlogs --total 5000 --output stdout --seed 42",
            "  synthlogs --format text --anomaly-rate 0.2",
            "  synthlogs --total 0 --interval 0.5 --output stdout     (stream until Ctrl-C)",
            "",
            "Exit codes: 0 done, 1 failure while writing, 2 usage or configuration error."
        })
public final class SynthlogsCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Option(names = {"-n", "--total"}, paramLabel = "N", description = "Lines to generate; 0 streams until stopped.")
    String total;

    @Option(names = {"-b", "--batch-size"}, paramLabel = "N", description = "Lines per batch; a paced run (--total 0 or --interval) flushes each batch at once.")
    String batchSize;

    @Option(names = {"-o", "--output"}, paramLabel = "DEST", description = "Destination: stdout, file or both.")
    String output;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", description = "Line format: json or text.")
    String format;

    @Option(names = {"-p", "--output-path"}, paramLabel = "DIR", description = "Directory for log files.")
    String outputPath;

    @Option(names = {"-a", "--anomaly-rate"}, paramLabel = "RATE",
            description = "Expected fraction of lines labeled anomalous, 0.0 to 1.0.")
    String anomalyRate;

    @Option(names = "--no-labels", description = "Leave out the labels (_labels in JSON, [ANOMALY:…] in text).")
    boolean noLabels;

    @Option(names = {"-i", "--interval"}, paramLabel = "SECONDS",
            description = "Pause between batches. A finite run is not paced unless this is given.")
    String interval;

    @Option(names = "--seed", paramLabel = "N", converter = WholeNumber.Seed.class,
            description = "Seed; the same seed gives the same lines, byte for byte.")
    Long seed;

    @Option(names = "--start", paramLabel = "INSTANT",
            description = "Timestamp of the first line (ISO-8601, or 'now'). With --seed alone: 2024-01-01T00:00:00Z.")
    String start;

    @Option(names = "--manifest", paramLabel = "FILE", description = "Write the episodes (the ground truth) to FILE as JSON lines.")
    Path manifest;

    @Option(names = "--max-file-size", paramLabel = "SIZE", converter = ByteSize.class,
            description = "Rotate files before they pass SIZE (e.g. 64KB, 10MB).")
    Long maxFileSize;

    @Option(names = "--max-files", paramLabel = "N", description = "Keep only the newest N files of this run (0 keeps all).")
    String maxFiles;

    @Option(names = "--page-aligned", negatable = true,
            description = "Pad lines so that none (up to 4 KiB long) crosses a 4 KiB page of its file (log files and manifest):"
                    + " even kill -9 then leaves whole lines. --no-page-aligned: files equal the stdout output byte for byte.")
    Boolean pageAligned;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (manifest != null && (manifest.toString().isEmpty() || Files.isDirectory(manifest))) {
            throw new Errors.UsageException("--manifest: '" + manifest + "' is " + (manifest.toString().isEmpty()
                    ? "empty" : "a directory") + "; give the path of a file to write");
        }
        SynthConfig synth = configuration();
        Scenario scenario = scenario(synth);
        boolean paced = synth.generator().totalLogs() == 0 || interval != null;
        List<String> ignored = ignoredFileOptions(synth);
        if (!ignored.isEmpty()) {
            err.printf("synthlogs: %s only affect%s files, and this run writes none (--output file or both writes files)%n",
                    String.join(", ", ignored), ignored.size() == 1 ? "s" : "");
        }
        err.printf("synthlogs: seed %d, start %s (rerun with --seed %d --start %s)%n", scenario.seed(), scenario.start(),
                scenario.seed(), scenario.start());
        err.flush();
        return new GenerateRun(scenario, paced, manifest, err).execute();
    }

    private SynthConfig configuration() {
        ConfigLoader.Builder builder = config.builder();
        // Numbers are taken as text and read as the configuration file's values are, so a wrong one gets
        // the same message, naming what is allowed ("'abc' is not a whole number; allowed: …").
        setNumber(builder, "generator.total_logs", total, "--total");
        setNumber(builder, "generator.batch_size", batchSize, "--batch-size");
        setNumber(builder, "generator.interval", interval, "--interval");
        set(builder, "output.destination", output, "--output");
        set(builder, "output.format", format, "--format");
        set(builder, "output.file.path", outputPath, "--output-path");
        setNumber(builder, "anomalies.rate", anomalyRate, "--anomaly-rate");
        setNumber(builder, "output.file.max_files", maxFiles, "--max-files");
        set(builder, "output.file.page_aligned", pageAligned, pageAligned == Boolean.FALSE ? "--no-page-aligned" : "--page-aligned");
        if (maxFileSize != null) {
            builder.set("output.file.rotation_size_mb", maxFileSize / (double) SynthConfig.FileOutput.BYTES_PER_MB, "--max-file-size");
        }
        if (noLabels) {
            builder.set("output.include_labels", false, "--no-labels");
        }
        if (start != null) {
            builder.set("timestamps.start", start, "--start");
        }
        return builder.build();
    }

    /** The file options given on the command line of a run that writes no files: a mistake worth a word. */
    private List<String> ignoredFileOptions(SynthConfig synth) {
        List<String> given = new ArrayList<>();
        if (synth.output().destination().toFile()) {
            return given;
        }
        if (outputPath != null) {
            given.add("--output-path");
        }
        if (maxFileSize != null) {
            given.add("--max-file-size");
        }
        if (maxFiles != null) {
            given.add("--max-files");
        }
        if (pageAligned != null && manifest == null) {
            given.add(pageAligned ? "--page-aligned" : "--no-page-aligned");
        }
        return given;
    }

    private static void set(ConfigLoader.Builder builder, String key, Object value, String flag) {
        if (value != null) {
            builder.set(key, value, flag);
        }
    }

    private static void setNumber(ConfigLoader.Builder builder, String key, String text, String flag) {
        if (text != null) {
            builder.setNumber(key, text, flag);
        }
    }

    /**
     * With a seed, a run reproduces: the start is the configured or given one, else a fixed default.
     * Without one, a fresh seed is drawn and the run starts now; both are printed to stderr.
     */
    private Scenario scenario(SynthConfig synth) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant given = StartOption.parse(start, now);
        Instant configured = synth.timestamps().start().orElse(null);
        long chosenSeed = seed != null ? seed : new SecureRandom().nextLong();
        Instant chosenStart = given != null ? given : configured != null ? configured : seed != null ? Scenario.DEFAULT_START : now;
        return new Scenario(synth, chosenSeed, chosenStart);
    }
}
