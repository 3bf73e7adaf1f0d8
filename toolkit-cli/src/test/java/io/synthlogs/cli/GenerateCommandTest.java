package io.synthlogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command in-process: files, manifest, rotation and every kind of bad input. */
class GenerateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var cli = Main.commandLine(new SynthlogsCommand());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    private List<String> linesOfAllFiles(Path out) throws Exception {
        List<String> lines = new ArrayList<>();
        for (Path file : files(out)) {
            lines.addAll(Files.readAllLines(file));
        }
        return lines;
    }

    /** The log files in {@code out}, in counter order. */
    private static List<Path> files(Path out) throws Exception {
        try (Stream<Path> listing = Files.list(out)) {
            return listing.filter(p -> p.getFileName().toString().startsWith("logs_"))
                    .sorted((a, b) -> Integer.compare(counter(a), counter(b))).toList();
        }
    }

    private static int counter(Path p) {
        String name = p.getFileName().toString();
        return Integer.parseInt(name.substring(name.lastIndexOf('_') + 1, name.indexOf('.')));
    }

    @Test
    void writes_rotating_files_and_a_manifest_that_agrees_with_the_labels() throws Exception {
        Path out = dir.resolve("out");
        Path manifest = dir.resolve("truth/episodes.jsonl");
        int code = run("--total", "4000", "--seed", "5", "-a", "0.2", "-p", out.toString(), "--max-file-size", "64KB",
                "--manifest", manifest.toString());
        assertThat(code).as(err.toString()).isZero();
        List<String> lines = linesOfAllFiles(out);
        assertThat(lines).hasSize(4000);
        try (Stream<Path> listing = Files.list(out)) {
            assertThat(listing.count()).isGreaterThan(10);
        }
        List<JsonNode> episodes = new ArrayList<>();
        for (String line : Files.readAllLines(manifest)) {
            episodes.add(JSON.readTree(line));
        }
        assertThat(episodes).isNotEmpty();
        long labeled = 0;
        for (String line : lines) {
            JsonNode labels = JSON.readTree(line).get("_labels");
            if (labels.get("is_anomaly").asBoolean()) {
                labeled++;
            }
        }
        long inManifest = episodes.stream().mapToLong(e -> e.get("line_count").asLong()).sum();
        assertThat(inManifest).isEqualTo(labeled);
        for (JsonNode episode : episodes) {
            JsonNode first = JSON.readTree(lines.get(episode.get("first_line").asInt())).get("_labels");
            JsonNode last = JSON.readTree(lines.get(episode.get("last_line").asInt())).get("_labels");
            assertThat(first.get("episode_id").asText()).isEqualTo(episode.get("episode_id").asText());
            assertThat(last.get("episode_id").asText()).isEqualTo(episode.get("episode_id").asText());
            assertThat(first.get("anomaly_type").asText()).isEqualTo(episode.get("anomaly_type").asText());
        }
        assertThat(err.toString()).contains("seed 5").contains("wrote 4000 lines")
                .contains("synthlogs: writing lines to files, from '" + out.resolve("logs_"))
                .contains("_0.json' (-o stdout writes them to standard output)");
    }

    @Test
    void config_files_given_twice_are_laid_over_each_other_in_order() throws Exception {
        Path base = Files.writeString(dir.resolve("base.yaml"), "generator: {total_logs: 7, batch_size: 3}\n"
                + "output: {file: {rotation_size_mb: 0.002}}\n");
        Path over = Files.writeString(dir.resolve("over.yaml"), "generator: {total_logs: 30}\n");
        Path out = dir.resolve("layered");
        assertThat(run("-c", base.toString(), "-c", over.toString(), "-p", out.toString(), "--seed", "1"))
                .as(err.toString()).isZero();
        assertThat(linesOfAllFiles(out)).hasSize(30); // over.yaml's total
        assertThat(files(out)).hasSizeGreaterThan(3); // base.yaml's small files
        assertThat(help("-c", base.toString(), "-c", over.toString(), "--help"))
                .contains("When left out (from '" + over + "' over '" + base + "')").contains("--total 30");
        assertThat(run("-c", dir.resolve("missing.yaml").toString(), "-c", over.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("file '" + dir.resolve("missing.yaml") + "' does not exist");
    }

    @Test
    void the_last_of_a_repeated_option_wins() throws Exception {
        Path out = dir.resolve("repeated");
        assertThat(run("-p", out.toString(), "-n", "7", "--seed", "1", "--max-file-size", "4KB", "-n", "300",
                "--page-aligned", "--no-page-aligned")).as(err.toString()).isZero();
        assertThat(linesOfAllFiles(out)).hasSize(300);
        for (Path file : files(out)) {
            assertThat(Files.readString(file)).as("no padding").doesNotContain(" \n");
        }
    }

    @Test
    void files_and_manifest_end_a_line_at_every_page_and_are_the_unaligned_run_but_for_the_padding() throws Exception {
        String[] common = {"--total", "20000", "--seed", "9", "-a", "0.3", "--max-file-size", "1MB"};
        assertThat(run(concat(common, "-p", dir.resolve("plain").toString(), "--manifest", dir.resolve("plain.jsonl").toString(),
                "--no-page-aligned"))).as(err.toString()).isZero();
        assertThat(run(concat(common, "-p", dir.resolve("aligned").toString(), "--manifest", dir.resolve("aligned.jsonl").toString())))
                .as(err.toString()).isZero();
        List<Path> aligned = files(dir.resolve("aligned"));
        assertThat(aligned).hasSizeGreaterThan(5);
        StringBuilder all = new StringBuilder();
        for (Path file : aligned) {
            byte[] bytes = Files.readAllBytes(file);
            assertLineBreakEndsEveryPage(file, bytes);
            all.append(new String(bytes, StandardCharsets.UTF_8));
        }
        StringBuilder plain = new StringBuilder();
        for (Path file : files(dir.resolve("plain"))) {
            plain.append(Files.readString(file));
        }
        assertThat(all.length()).as("padded").isGreaterThan(plain.length());
        assertThat(all.toString().replaceAll(" +\n", "\n")).isEqualTo(plain.toString());
        byte[] manifest = Files.readAllBytes(dir.resolve("aligned.jsonl"));
        assertThat(manifest.length).isGreaterThan(8192);
        assertLineBreakEndsEveryPage(dir.resolve("aligned.jsonl"), manifest);
        assertThat(new String(manifest, StandardCharsets.UTF_8).replaceAll(" +\n", "\n"))
                .isEqualTo(Files.readString(dir.resolve("plain.jsonl")));
    }

    private static void assertLineBreakEndsEveryPage(Path file, byte[] bytes) {
        for (int end = 4096; end <= bytes.length; end += 4096) {
            assertThat(bytes[end - 1]).as(file + ": the byte before offset " + end).isEqualTo((byte) '\n');
        }
    }

    private static String[] concat(String[] first, String... more) {
        return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void text_format_and_no_labels_reach_the_files() throws Exception {
        Path out = dir.resolve("text");
        assertThat(run("-n", "50", "--seed", "1", "-f", "text", "--no-labels", "-p", out.toString())).isZero();
        try (Stream<Path> listing = Files.list(out)) {
            Path file = listing.findFirst().orElseThrow();
            assertThat(file.getFileName().toString()).endsWith("_0.log");
            assertThat(Files.readAllLines(file)).hasSize(50).allMatch(l -> l.startsWith("[2024-01-01T") && !l.contains("[ANOMALY:"));
        }
    }

    @Test
    void max_files_keeps_the_newest() throws Exception {
        Path out = dir.resolve("kept");
        assertThat(run("-n", "3000", "--seed", "2", "-p", out.toString(), "--max-file-size", "16KB", "--max-files", "2")).isZero();
        try (Stream<Path> listing = Files.list(out)) {
            assertThat(listing.count()).isEqualTo(2);
        }
        assertThat(err.toString()).containsPattern("wrote 3000 lines \\(\\d+ anomalous, \\d+ episodes?\\) to \\d+ files in "
                + java.util.regex.Pattern.quote(out.toString()) + " \\(only the newest 2 kept\\)");
    }

    @Test
    void a_number_that_is_not_one_or_too_big_is_told_what_is_allowed() throws Exception {
        assertThat(run("--total", "abc")).isEqualTo(2);
        assertThat(err.toString()).contains("--total: generator.total_logs: 'abc' is not a whole number; "
                + "allowed: a whole number within [0, 9223372036854775807]");
        assertThat(run("--total", "99999999999999999999")).isEqualTo(2);
        assertThat(err.toString()).contains("generator.total_logs: 99999999999999999999 is not within [0, 9223372036854775807]");
        assertThat(run("--total", "1e23")).isEqualTo(2);
        assertThat(err.toString()).contains("generator.total_logs: 1E+23 is not within [0, 9223372036854775807]");
        assertThat(run("--anomaly-rate", "lots")).isEqualTo(2);
        assertThat(err.toString()).contains("--anomaly-rate: anomalies.rate: 'lots' is not a number; allowed: a number within [0, 1]");
        assertThat(run("--interval", "soon")).isEqualTo(2);
        assertThat(err.toString()).contains("--interval: generator.interval: 'soon' is not a number; allowed: a number within [0, 3600]");
        assertThat(run("--seed", "abc")).isEqualTo(2);
        assertThat(err.toString()).contains("'abc' is not a whole number; allowed: a whole number within "
                + "[-9223372036854775808, 9223372036854775807]");
        assertThat(run("serve", "--port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("--port': 70000 is not within [0, 65535]");
        assertThat(err.toString()).doesNotContain("is not a long", "is not a double", "is not an int", "Exception");
        // Written as in a YAML file, so digit groups work.
        Path out = dir.resolve("grouped");
        assertThat(run("--total", "1_000", "--seed", "3", "-p", out.toString())).isZero();
        assertThat(linesOfAllFiles(out)).hasSize(1000);
    }

    @Test
    void usage_and_config_errors_exit_2_with_one_clear_paragraph() throws Exception {
        assertThat(run("--anomaly-rate", "1.5")).isEqualTo(2);
        assertThat(err.toString()).contains("--anomaly-rate: anomalies.rate: 1.5 is not within [0, 1]");
        assertThat(run("--output", "printer")).isEqualTo(2);
        assertThat(err.toString()).contains("--output: output.destination: 'printer' is not one of stdout, file, both");
        assertThat(run("--total", "-1")).isEqualTo(2);
        assertThat(run("--config", dir.resolve("missing.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("missing.yaml' does not exist");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "anomalies:\n  rate: lots\n");
        assertThat(run("--config", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains(bad + ":2:9: anomalies.rate: 'lots' is not a number");
        assertThat(run("--start", "yesterday")).isEqualTo(2);
        assertThat(run("--anomaly_rate", "0.1")).isEqualTo(2);
        assertThat(err.toString()).contains("Did you mean --anomaly-rate?");
        assertThat(run("--manifest", "")).isEqualTo(2);
        assertThat(err.toString()).contains("synthlogs: --manifest: '' is empty; give the path of a file to write");
        assertThat(run("--manifest", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("' is a directory; give the path of a file to write");
        assertThat(run("-c", "")).isEqualTo(2);
        assertThat(err.toString()).contains("synthlogs: --config: the path is empty; give a YAML file");
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--frobnicate'").contains("synthlogs --help");
        err.getBuffer().setLength(0);
        // picocli itself suggests nothing for a transposition; the edit distance does.
        assertThat(run("serve", "--prot", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("Did you mean --port?").contains("Run 'synthlogs serve --help' for usage.");
        assertThat(run("--max-file-size", "ten")).isEqualTo(2);
        assertThat(run("--max-file-size", "0.1B")).isEqualTo(2);
        assertThat(err.toString()).contains("'0.1B' is less than one byte");
        assertThat(run("--max-file-size", "0.9B")).isEqualTo(2); // not rounded up to a byte
        assertThat(err.toString()).contains("'0.9B' is less than one byte");
        assertThat(run("--max-file-size", "2000GB")).isEqualTo(2);
        assertThat(err.toString()).contains("'2000GB' is more than the largest file size, 1000000MB");
        assertThat(run("serve", "--port", "0", "--start", "9500-01-01T00:00:00Z")).isEqualTo(2);
        assertThat(err.toString()).contains("--start: timestamps.start: '9500-01-01T00:00:00Z' is outside 0000-01-01 to 9000-01-01");
        assertThat(run("-c", "nope.yaml", "serve", "--port", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("synthlogs: --config before 'serve' belongs to generating and would do"
                + " nothing here; give serve's options after it, e.g. 'synthlogs serve --config FILE'");
        Path databaseOnly = Files.writeString(dir.resolve("db.yaml"), """
                sources: [{name: database, kind: database, weight: 1, services: [postgresql]}]
                anomalies:
                  rate: 0.2
                  types: {error_spike: {enabled: false}, latency_degradation: {enabled: false},
                          resource_exhaustion: {enabled: false}, service_outage: {enabled: false},
                          data_anomaly: {enabled: false}}
                """);
        assertThat(run("--config", databaseOnly.toString(), "--output-path", dir.resolve("out").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("synthlogs: anomalies: the anomaly rate is 0.2, but the sources [database] can"
                + " show none of the enabled anomaly kinds [security_threat]; they can show: error_spike,");
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(err.toString()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void the_smallest_file_size_is_one_byte_a_line_to_a_file() throws Exception {
        Path out = dir.resolve("tiny");
        assertThat(run("-n", "5", "--seed", "1", "-p", out.toString(), "--max-file-size", "1")).as(err.toString()).isZero();
        try (Stream<Path> listing = Files.list(out)) {
            assertThat(listing.count()).isEqualTo(5);
        }
        assertThat(linesOfAllFiles(out)).hasSize(5);
    }

    @Test
    void an_unwritable_output_path_exits_1_and_says_why() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        assertThat(run("-n", "10", "-p", file.resolve("sub").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("cannot write to output directory").doesNotContain("\tat ");
        err.getBuffer().setLength(0);
        assertThat(run("-n", "10", "-p", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("cannot write to output directory '" + file + "': '" + file
                + "' exists and is not a directory");
        err.getBuffer().setLength(0);
        assertThat(run("-n", "10", "-p", dir.resolve("out").toString(), "--manifest", file.resolve("m.jsonl").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("cannot write manifest '" + file.resolve("m.jsonl") + "': '" + file
                + "' exists and is not a directory");
        assertThat(dir.resolve("out")).as("no log file is made for a run that fails at its start").doesNotExist();
        Path manifest = dir.resolve("m.jsonl");
        assertThat(run("-n", "10", "-p", file.toString(), "--manifest", manifest.toString())).isEqualTo(1);
        assertThat(manifest).as("nor an empty manifest").doesNotExist();
        Path existing = Files.writeString(dir.resolve("earlier.jsonl"), "an earlier run's manifest\n");
        assertThat(run("-n", "10", "-p", file.toString(), "--manifest", existing.toString())).isEqualTo(1);
        assertThat(existing).as("a run that fails at its start leaves an earlier manifest as it was")
                .hasContent("an earlier run's manifest");
    }

    @Test
    void a_path_the_system_refuses_gets_its_reason_in_words_not_the_path_again() throws Exception {
        // /proc refuses to make anything: mkdir(2) and open(2) answer ENOENT, whose Java exception is only the path.
        assertThat(run("-n", "10", "-p", "/proc/synthlogs-test")).isEqualTo(1);
        assertThat(err.toString()).contains("synthlogs: cannot write to output directory '/proc/synthlogs-test': "
                + "no such file or directory\n");
        err.getBuffer().setLength(0);
        assertThat(run("-n", "10", "-p", dir.resolve("out").toString(), "--manifest", "/proc/synthlogs-test.jsonl")).isEqualTo(1);
        assertThat(err.toString()).contains("synthlogs: cannot write manifest '/proc/synthlogs-test.jsonl': no such file or directory\n");
    }

    @Test
    void a_manifest_that_cannot_be_written_is_named_in_the_error_not_the_log_files() throws Exception {
        assertThat(run("-n", "300000", "--anomaly-rate", "0.3", "-p", dir.resolve("out").toString(),
                "--manifest", "/dev/full")).isEqualTo(1);
        assertThat(err.toString()).contains("synthlogs: cannot write manifest '/dev/full': No space left on device")
                .doesNotContain("cannot write '").doesNotContain("\tat ");
    }

    @Test
    void help_shows_what_each_option_is_when_left_out_by_the_configuration_in_use() throws Exception {
        Path yaml = Files.writeString(dir.resolve("c.yaml"),
                "generator: {total_logs: 7}\noutput: {file: {rotation_size_mb: 0.5, page_aligned: true}}\n");
        assertThat(help("-c", yaml.toString(), "--help")).contains("When left out (from '" + yaml + "'):",
                "  --total 7  --batch-size 100  --format json  --anomaly-rate 0.05",
                "  --output file  --output-path ./output  --max-file-size 512KB  --max-files 0  --page-aligned\n",
                "  labels included (--no-labels leaves them out)");
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "generatr: {}\n");
        assertThat(help("-c", broken.toString(), "--help")).contains("When left out: cannot read '" + broken + "': ",
                "generatr: unknown key");
        assertThat(help("--help")).contains("When left out (from ", "--max-file-size 10MB", "--no-page-aligned");
    }

    private static String help(String... args) {
        StringWriter out = new StringWriter();
        var cli = Main.commandLine(new SynthlogsCommand());
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void help_and_version_exit_0() {
        assertThat(run("--help")).isZero();
        assertThat(run("--version")).isZero();
    }
}
