package io.synthlogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real ./synthlogs launcher, run as a newcomer runs it: as a process, from another directory. */
class LauncherIT {
    private static final Path ROOT = Path.of(System.getProperty("synthlogs.root", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path cwd;

    record Result(int code, byte[] out, String err) {
        String stdout() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    private Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("synthlogs").toString()));
        command.addAll(Arrays.asList(args));
        return finish(new ProcessBuilder(command));
    }

    /** Runs a bash {@code script} in which {@code "$SYNTHLOGS"} is the launcher (for pipes and redirections). */
    private Result shell(String script) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script);
        builder.environment().put("SYNTHLOGS", ROOT.resolve("synthlogs").toString());
        return finish(builder);
    }

    /** Starts {@code builder} in the test's directory and waits (up to 2 minutes) for its output. */
    private Result finish(ProcessBuilder builder) throws Exception {
        Process process = builder.directory(cwd.toFile())
                .redirectOutput(cwd.resolve("stdout").toFile()).redirectError(cwd.resolve("stderr").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Result(process.exitValue(), Files.readAllBytes(cwd.resolve("stdout")), Files.readString(cwd.resolve("stderr")));
    }

    @Test
    void the_same_seed_gives_the_same_bytes_whatever_the_batch_size() throws Exception {
        Result first = run("--total", "3000", "--output", "stdout", "--seed", "7");
        Result again = run("--total", "3000", "--output", "stdout", "--seed", "7", "--batch-size", "1");
        Result other = run("--total", "3000", "--output", "stdout", "--seed", "8");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(again.out()).isEqualTo(first.out());
        assertThat(other.out()).isNotEqualTo(first.out());
        String[] lines = first.stdout().split("\n");
        assertThat(lines).hasSize(3000);
        for (String line : lines) {
            assertThat(JSON.readTree(line).has("_labels")).isTrue();
        }
        assertThat(first.err()).contains("seed 7, start 2024-01-01T00:00:00Z").contains("wrote 3000 lines");
    }

    /** Stdout runs generate on a second thread; a paced run (--interval) on one: same lines, same truth. */
    @Test
    void two_threads_write_the_same_lines_and_manifest_as_one() throws Exception {
        Result pipelined = run("--total", "20000", "--output", "stdout", "--seed", "5", "-a", "0.2", "--manifest", "two.jsonl");
        byte[] twoThreads = Files.readAllBytes(cwd.resolve("two.jsonl"));
        Result paced = run("--total", "20000", "--output", "stdout", "--seed", "5", "-a", "0.2", "--interval", "0",
                "--manifest", "one.jsonl");
        assertThat(pipelined.code()).as(pipelined.err()).isZero();
        assertThat(paced.code()).as(paced.err()).isZero();
        assertThat(pipelined.out()).isEqualTo(paced.out());
        assertThat(twoThreads).isEqualTo(Files.readAllBytes(cwd.resolve("one.jsonl")));
        assertThat(new String(twoThreads, StandardCharsets.UTF_8).lines().count()).isGreaterThan(10);
        assertThat(pipelined.err()).contains("wrote 20000 lines");
    }

    /** A run stopped mid-way: whole lines, and a manifest that accounts for exactly the lines written. */
    @Test
    void sigterm_on_a_fast_run_leaves_a_manifest_that_matches_the_lines() throws Exception {
        Path lines = cwd.resolve("lines.jsonl");
        Path manifest = cwd.resolve("m.jsonl");
        Process process = new ProcessBuilder(ROOT.resolve("synthlogs").toString(), "--total", "500000000", "--output",
                "stdout", "--seed", "9", "-a", "0.2", "--manifest", manifest.toString())
                .directory(cwd.toFile()).redirectOutput(lines.toFile()).redirectError(cwd.resolve("log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((!Files.exists(lines) || Files.size(lines) < 4_000_000) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        process.toHandle().descendants().forEach(ProcessHandle::destroy); // SIGTERM to the JVM under the launcher
        process.destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(cwd.resolve("log"))).isZero();

        String content = Files.readString(lines);
        assertThat(content).endsWith("\n");
        java.util.Map<String, Long> linesPerEpisode = new java.util.HashMap<>();
        long count = 0;
        for (String line : content.split("\n")) {
            var labels = JSON.readTree(line).get("_labels");
            if (labels.get("is_anomaly").asBoolean()) {
                linesPerEpisode.merge(labels.get("episode_id").asText(), 1L, Long::sum);
            }
            count++;
        }
        assertThat(count).isGreaterThan(1000).isLessThan(500_000_000);
        java.util.Map<String, Long> inManifest = new java.util.HashMap<>();
        for (String episode : Files.readAllLines(manifest)) {
            var node = JSON.readTree(episode);
            inManifest.put(node.get("episode_id").asText(), node.get("line_count").asLong());
            assertThat(node.get("last_line").asLong()).isLessThan(count);
        }
        assertThat(inManifest).isEqualTo(linesPerEpisode);
    }

    @Test
    void files_concatenated_in_counter_order_equal_stdout_but_for_the_padding_or_byte_for_byte_unaligned() throws Exception {
        Result both = run("--total", "5000", "--output", "both", "--seed", "3", "-p", "aligned", "--max-file-size", "64KB");
        assertThat(both.code()).as(both.err()).isZero();
        String aligned = new String(concatenated(cwd.resolve("aligned")), StandardCharsets.UTF_8);
        assertThat(aligned).contains(" \n");
        assertThat(aligned.replaceAll(" +\n", "\n")).isEqualTo(new String(both.out(), StandardCharsets.UTF_8));
        Result unaligned = run("--total", "5000", "--output", "both", "--seed", "3", "-p", "unaligned", "--max-file-size", "64KB",
                "--no-page-aligned");
        assertThat(unaligned.code()).as(unaligned.err()).isZero();
        assertThat(concatenated(cwd.resolve("unaligned"))).isEqualTo(unaligned.out()).isEqualTo(both.out());
    }

    /** The files in {@code dir}, each at most 64 KiB, concatenated in counter order. */
    private static byte[] concatenated(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.sorted((a, b) -> Integer.compare(counter(a), counter(b))).toList();
        }
        assertThat(files).hasSizeGreaterThan(5);
        var concatenated = new java.io.ByteArrayOutputStream();
        for (Path file : files) {
            assertThat(Files.size(file)).isLessThanOrEqualTo(64 * 1024);
            concatenated.write(Files.readAllBytes(file));
        }
        return concatenated.toByteArray();
    }

    private static int counter(Path p) {
        String name = p.getFileName().toString();
        return Integer.parseInt(name.substring(name.lastIndexOf('_') + 1, name.indexOf('.')));
    }

    @Test
    void the_default_run_writes_1000_lines_to_the_output_folder() throws Exception {
        Result result = run();
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).isEmpty();
        try (Stream<Path> listing = Files.list(cwd.resolve("output"))) {
            Path file = listing.findFirst().orElseThrow();
            assertThat(file.getFileName().toString()).matches("logs_\\d{8}_\\d{6}_0\\.json");
            assertThat(Files.readAllLines(file)).hasSize(1000);
        }
    }

    @Test
    void a_config_yaml_in_the_current_directory_is_used() throws Exception {
        Files.writeString(cwd.resolve("config.yaml"), "generator: {total_logs: 7}\noutput: {destination: stdout, format: text}\n");
        Result result = run("--seed", "1");
        assertThat(result.stdout().split("\n")).hasSize(7).allMatch(l -> l.startsWith("[2024-01-01T"));
    }

    @Test
    void file_options_on_a_run_without_files_are_pointed_out_on_stderr() throws Exception {
        Result result = run("--total", "3", "-o", "stdout", "--seed", "1", "-p", "unused", "--max-files", "2");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.err()).contains("synthlogs: --output-path, --max-files only affect files, and this run writes"
                + " none (--output file or both writes files)");
        assertThat(result.stdout().split("\n")).hasSize(3).allMatch(l -> l.startsWith("{\"timestamp\""));
        assertThat(cwd.resolve("unused")).doesNotExist();
        // Page alignment affects the manifest too: pointed out only when there is none.
        assertThat(run("--total", "3", "-o", "stdout", "--page-aligned").err())
                .contains("synthlogs: --page-aligned only affects files, and this run writes none");
        assertThat(run("--total", "3", "-o", "stdout", "--page-aligned", "--manifest", "m.jsonl").err())
                .doesNotContain("only affect");
        Result both = run("--total", "3", "-o", "both", "--seed", "1", "-p", "used", "--max-files", "2");
        assertThat(both.err()).doesNotContain("only affect");
        assertThat(cwd.resolve("used")).isDirectory();
    }

    /**
     * The bar is for a person at a terminal: {@code script} gives the run one (a pseudo-terminal). With
     * stderr alone sent to a file, standard input and output stay the terminal, which is all
     * {@code System.console()} looks at: the bar must still stay out of the file.
     */
    @Test
    void a_progress_bar_shows_on_a_terminal_and_stays_out_of_a_redirected_stderr() throws Exception {
        assertThat(shell("command -v script").code()).as("script(1), from Debian's bsdutils, gives the run a terminal")
                .isZero();
        String run = "\"$SYNTHLOGS\" --total 300000 --seed 1 -p out";
        Result terminal = shell("script -qec '" + run + "' /dev/null");
        assertThat(terminal.code()).as(terminal.err()).isZero();
        // The bar groups digits as the user's locale does, here as this JVM's (the same environment).
        String all = String.format("%,d", 300_000);
        assertThat(terminal.stdout()).contains("\r[").contains("100% " + all + "/" + all + " lines")
                .contains("wrote 300000 lines");

        Result redirected = shell("script -qec '" + run + " 2>err.txt' /dev/null");
        assertThat(redirected.code()).as(redirected.err()).isZero();
        String err = Files.readString(cwd.resolve("err.txt"));
        assertThat(err).contains("wrote 300000 lines").doesNotContain("\r", "%");
    }

    @Test
    void config_errors_exit_2_without_a_stack_trace() throws Exception {
        Files.writeString(cwd.resolve("bad.yaml"), "generator:\n  batch_size: 0\n");
        Result result = run("--config", "bad.yaml");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("bad.yaml:2:15: generator.batch_size: 0 is not within [1, 1000000]")
                .doesNotContain("\tat ");
    }

    @Test
    void a_full_disk_exits_1_with_one_line() throws Exception {
        Process process = new ProcessBuilder(ROOT.resolve("synthlogs").toString(), "--output", "stdout", "--total", "100000")
                .directory(cwd.toFile()).redirectOutput(new File("/dev/full")).redirectError(cwd.resolve("err").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(Files.readString(cwd.resolve("err"))).contains("synthlogs: cannot write to stdout: No space left on device")
                .doesNotContain("\tat ");
        // Writing files too, the failure is still stdout's, not the file's being written.
        Process both = new ProcessBuilder(ROOT.resolve("synthlogs").toString(), "--output", "both", "-p", "out", "--total", "300000")
                .directory(cwd.toFile()).redirectOutput(new File("/dev/full")).redirectError(cwd.resolve("err").toFile()).start();
        assertThat(both.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(both.exitValue()).isEqualTo(1);
        assertThat(Files.readString(cwd.resolve("err"))).contains("synthlogs: cannot write to stdout: No space left on device")
                .doesNotContain("cannot write '");
        assertEveryLineWhole(cwd.resolve("out"));
    }

    @Test
    void a_closed_pipe_ends_an_endless_stream_quietly_and_at_once() throws Exception {
        Result result = shell("\"$SYNTHLOGS\" --total 0 --output stdout --interval 0.01 | head -5; echo \"status ${PIPESTATUS[0]}\" >&2");
        assertThat(result.stdout().split("\n")).hasSize(5);
        assertThat(result.err()).contains("status 0").doesNotContain("Exception").doesNotContain("Broken pipe");
    }

    @Test
    void a_manifest_whose_reader_went_away_fails_the_run_and_says_so() throws Exception {
        Result result = shell("\"$SYNTHLOGS\" --total 3000000 -o stdout -a 0.3 --seed 1 --manifest >(head -c 100 > /dev/null) > /dev/null");
        assertThat(result.code()).as(result.err()).isEqualTo(1);
        assertThat(result.err()).containsPattern("synthlogs: cannot write manifest '/dev/fd/\\d+': Broken pipe").doesNotContain("\tat ");
    }

    @Test
    void a_closed_pipe_still_leaves_the_files_and_the_manifest_complete() throws Exception {
        Result result = shell("\"$SYNTHLOGS\" --total 200000 --output both -p out --manifest m.jsonl --anomaly-rate 0.3 --seed 2"
                + " | head -n 5 > /dev/null");
        assertThat(result.err()).as("where the files are, as a finished run says")
                .containsPattern("synthlogs: standard output was closed; wrote \\d+ lines \\(\\d+ anomalous, \\d+ episodes?\\) to out/");
        assertEveryLineWhole(cwd.resolve("out"));
        String manifest = Files.readString(cwd.resolve("m.jsonl"));
        assertThat(manifest).isNotEmpty().endsWith("\n");
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (String line : manifest.split("\n")) {
            listed.add(JSON.readTree(line).get("episode_id").asText());
        }
        // The run stopped as a signalled one does: every episode in the files is in the manifest.
        try (Stream<Path> files = Files.list(cwd.resolve("out"))) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    var labels = JSON.readTree(line).get("_labels");
                    if (labels.get("is_anomaly").asBoolean()) {
                        assertThat(listed).as(line).contains(labels.get("episode_id").asText());
                    }
                }
            }
        }
    }

    @Test
    void sigterm_finishes_the_line_closes_every_file_and_exits_0() throws Exception {
        Path out = cwd.resolve("stream");
        Process process = new ProcessBuilder(ROOT.resolve("synthlogs").toString(), "--total", "0", "--interval", "0.01",
                "--batch-size", "500", "-p", out.toString(), "--max-file-size", "256KB", "--manifest", cwd.resolve("m.jsonl").toString())
                .directory(cwd.toFile()).redirectErrorStream(true).redirectOutput(cwd.resolve("log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (fileCount(out) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(fileCount(out)).as("files written before the signal").isGreaterThanOrEqualTo(3);
        process.destroy(); // SIGTERM
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(cwd.resolve("log"))).isZero();
        assertEveryLineWhole(out);
    }

    /**
     * A killed process can be stopped inside a write: Linux checks for a fatal signal between the
     * pages (folios) of a buffered write, so the write being made at that instant can end at a page
     * boundary. By default a line break ends every page, so wherever the kernel cuts the write, the
     * files hold whole lines only. A fast run is killed three times, its writer busy writing.
     */
    @Test
    void kill_9_leaves_only_whole_lines_in_files() throws Exception {
        for (int kill = 0; kill < 3; kill++) {
            for (Path file : killMidRun(cwd.resolve("fast-" + kill), "--total", "100000000", "--max-file-size", "1MB")) {
                assertPageAlignedWholeLines(file, "timestamp");
            }
        }
    }

    /**
     * A reader of a paced run's files sees each batch whole during the pause after it: the newest line,
     * which the next may need padding before, is padded to the end of its page before the pause
     * instead. The manifest too shows every episode its lines hold by then.
     */
    @Test
    void a_paced_run_shows_each_batch_whole_in_its_file_during_the_pause() throws Exception {
        Path out = cwd.resolve("paced-batches");
        Path manifest = cwd.resolve("paced-manifest.jsonl");
        Process process = new ProcessBuilder(ROOT.resolve("synthlogs").toString(), "--total", "0", "--interval", "3",
                "--batch-size", "400", "-a", "0.3", "--seed", "4", "-p", out.toString(), "--manifest", manifest.toString())
                .directory(cwd.toFile()).redirectErrorStream(true).redirectOutput(cwd.resolve("log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (fileCount(out) == 0 || Files.size(onlyFile(out)) == 0) {
                assertThat(System.nanoTime()).as("a first batch within a minute").isLessThan(deadline);
                Thread.sleep(20);
            }
            Thread.sleep(500); // well within the 3 s pause
            List<String> lines = Files.readAllLines(onlyFile(out));
            assertThat(lines).as("the first batch, whole, before the second").hasSize(400)
                    .allSatisfy(line -> assertThat(readTree(line).has("timestamp")).isTrue());
            List<String> episodes = Files.readAllLines(manifest);
            assertThat(episodes).as("the episodes within the first batch").isNotEmpty()
                    .allSatisfy(e -> assertThat(readTree(e).get("last_line").asLong()).isLessThan(400));
            long closedInBatch = lines.stream().map(l -> readTree(l).path("_labels").path("episode_id").asText())
                    .filter(id -> !id.equals("null")).distinct().count();
            assertThat(episodes.size()).as("every episode closed within the batch, at most the open one left")
                    .isBetween((int) closedInBatch - 1, (int) closedInBatch);
        } finally {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static Path onlyFile(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.findFirst().orElseThrow();
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A paced run flushes every batch (its newest line padded to the end of its page before each pause): whole lines too. */
    @Test
    void kill_9_leaves_only_whole_lines_in_the_files_of_a_paced_run() throws Exception {
        for (Path file : killMidRun(cwd.resolve("paced"), "--total", "0", "--interval", "0.001",
                "--batch-size", "333", "--max-file-size", "100KB")) {
            assertPageAlignedWholeLines(file, "timestamp");
        }
    }

    /**
     * Without the padding, a kill during a write can cut a line where the write crosses a page
     * (measured here: 2-9 kills in 30). What remains guaranteed: every file is whole lines, except
     * that the newest file with data may end in part of a line, cut at a multiple of 4096 bytes.
     */
    @Test
    void kill_9_without_page_alignment_cuts_at_most_the_newest_file_at_a_page_boundary() throws Exception {
        List<Path> withData = killMidRun(cwd.resolve("killed"), "--total", "0", "--interval", "0.001",
                "--batch-size", "333", "--max-file-size", "100KB", "--no-page-aligned");
        for (Path file : withData) {
            byte[] bytes = Files.readAllBytes(file);
            String content = new String(bytes, StandardCharsets.UTF_8);
            assertThat(content).as(file + ": no padding").doesNotContain(" \n");
            if (!content.endsWith("\n")) {
                assertThat(file).as("only the newest file with data can end mid-line").isEqualTo(withData.get(withData.size() - 1));
                assertThat(bytes.length % 4096).as(file + " ends mid-line, but not at a page boundary").isZero();
                content = content.substring(0, content.lastIndexOf('\n') + 1);
            }
            assertWholeLines(file, content);
        }
    }

    /**
     * {@code file} has a line break before every multiple of 4096 bytes (so no kill can cut a line
     * of it) and, without the padding, is whole JSON lines each with {@code field}.
     */
    private static void assertPageAlignedWholeLines(Path file, String field) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int end = 4096; end <= bytes.length; end += 4096) {
            assertThat(bytes[end - 1]).as(file + ": the byte before offset " + end).isEqualTo((byte) '\n');
        }
        String content = new String(bytes, StandardCharsets.UTF_8).replaceAll(" +\n", "\n");
        assertThat(content).as(file.toString()).endsWith("\n");
        for (String line : content.split("\n")) {
            assertThat(JSON.readTree(line).get(field)).as(line).isNotNull();
        }
    }

    /**
     * Starts a run writing files to {@code out}, kills it with SIGKILL once 4 have data (a rotation
     * creates the next file before the writer thread has written the last one's lines); the files with
     * data, in order.
     */
    private List<Path> killMidRun(Path out, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("synthlogs").toString(), "-p", out.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(cwd.toFile()).redirectErrorStream(true).redirectOutput(cwd.resolve("log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (filesWithData(out) < 4 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(process.isAlive()).as("still running when killed").isTrue();
        kill9(process);
        List<Path> withData = new ArrayList<>();
        try (Stream<Path> listing = Files.list(out)) {
            for (Path file : listing.sorted(java.util.Comparator.comparingInt(LauncherIT::counter)).toList()) {
                if (Files.size(file) > 0) {
                    withData.add(file);
                }
            }
        }
        assertThat(withData).hasSizeGreaterThanOrEqualTo(3);
        return withData;
    }

    /**
     * Whenever the run is looked at (or killed), the manifest names no line the log files lack: an
     * episode is written once its lines are. Watched while a run writes files and a slowly read
     * stdout (which stalls the run with file lines still buffered, as a kill can find it): the
     * manifest is read first, then the files, which only grow, so each look is fair to the run.
     */
    @Test
    void the_manifest_never_runs_ahead_of_the_log_files() throws Exception {
        Path out = cwd.resolve("watched");
        Path manifest = cwd.resolve("watched.jsonl");
        Process process = new ProcessBuilder(ROOT.resolve("synthlogs").toString(), "-o", "both", "-p", out.toString(),
                "--total", "100000", "--max-file-size", "1MB", "--anomaly-rate", "0.3", "--manifest", manifest.toString())
                .directory(cwd.toFile()).redirectError(cwd.resolve("log").toFile()).start();
        Thread slowReader = new Thread(() -> {
            byte[] chunk = new byte[1 << 16];
            try (var stdout = process.getInputStream()) {
                while (stdout.read(chunk) >= 0) {
                    Thread.sleep(2);
                }
            } catch (IOException | InterruptedException e) {
                // the run is over
            }
        });
        slowReader.start();
        java.util.Map<Path, long[]> counted = new java.util.HashMap<>(); // per file: bytes read, lines seen
        int looks = 0;
        boolean named = false;
        do {
            long lastNamed = -1;
            if (Files.exists(manifest)) {
                String text = Files.readString(manifest);
                for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
                    if (!line.isBlank()) {
                        lastNamed = Math.max(lastNamed, JSON.readTree(line).get("last_line").asLong());
                        named = true;
                    }
                }
            }
            long lines = 0;
            if (Files.isDirectory(out)) {
                try (Stream<Path> listing = Files.list(out)) {
                    for (Path file : listing.toList()) {
                        lines += linesSoFar(file, counted.computeIfAbsent(file, f -> new long[2]));
                    }
                }
            }
            assertThat(lastNamed).as("the manifest's last line named, against the lines in the files").isLessThan(lines);
            looks++;
        } while (process.isAlive() || looks < 2);
        slowReader.join();
        assertThat(process.waitFor()).as(Files.readString(cwd.resolve("log"))).isZero();
        assertThat(looks).isGreaterThan(10);
        assertThat(named).as("episodes in the manifest").isTrue();
    }

    /** Lines in {@code file} so far, reading only what was added since the last call ({@code seen}: bytes read, lines). */
    private static long linesSoFar(Path file, long[] seen) throws IOException {
        try (var channel = java.nio.channels.FileChannel.open(file)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1 << 16);
            for (int n; (n = channel.read(buffer, seen[0])) > 0; buffer.clear()) {
                for (int i = 0; i < n; i++) {
                    if (buffer.get(i) == '\n') {
                        seen[1]++;
                    }
                }
                seen[0] += n;
            }
        }
        return seen[1];
    }

    /**
     * A fast run's manifest is whole lines after a kill. (Its whole-line writes without the alignment
     * are FileSinkTest's; a character-buffered manifest ended mid-line at every kill.)
     */
    @Test
    void kill_9_leaves_a_manifest_of_whole_lines() throws Exception {
        Path manifest = cwd.resolve("m.jsonl");
        Process process = new ProcessBuilder(ROOT.resolve("synthlogs").toString(), "--total", "100000000", "-o", "stdout",
                "--anomaly-rate", "0.3", "--manifest", manifest.toString())
                .directory(cwd.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(cwd.resolve("log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((!Files.exists(manifest) || Files.size(manifest) < 64 * 1024) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(process.isAlive()).as("still running when killed").isTrue();
        kill9(process);
        assertThat(Files.size(manifest)).isGreaterThanOrEqualTo(64 * 1024);
        assertPageAlignedWholeLines(manifest, "episode_id");
    }

    /** Kills the launcher's JVM with SIGKILL, then whatever is left of the process tree. */
    private static void kill9(Process process) throws Exception {
        new ProcessBuilder("kill", "-9", Long.toString(process.toHandle().children().findFirst()
                .map(ProcessHandle::pid).orElse(process.pid()))).start().waitFor();
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    private static long filesWithData(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(f -> f.toFile().length() > 0).count();
        }
    }

    private static long fileCount(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.count();
        }
    }

    private static void assertEveryLineWhole(Path dir) throws IOException {
        try (Stream<Path> listing = Files.list(dir)) {
            for (Path file : listing.toList()) {
                assertWholeLines(file, Files.readString(file));
            }
        }
    }

    /** {@code content} (of {@code file}) is nothing, or JSON lines each with a timestamp, the last ended too. */
    private static void assertWholeLines(Path file, String content) throws IOException {
        if (content.isEmpty()) {
            return;
        }
        assertThat(content).as(file.toString()).endsWith("\n");
        for (String line : content.split("\n")) {
            assertThat(JSON.readTree(line).get("timestamp")).as(line).isNotNull();
        }
    }
}
