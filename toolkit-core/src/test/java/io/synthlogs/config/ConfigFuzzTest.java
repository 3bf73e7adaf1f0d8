package io.synthlogs.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.synthlogs.LogStream;
import io.synthlogs.Scenario;
import io.synthlogs.format.LogFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Throws seeded, mutated YAML at the loader. The only acceptable outcomes are a valid
 * {@link SynthConfig} that then generates lines, or a {@link ConfigException} that says where
 * (origin plus {@code line:column} or a key path). Anything else, or a hang, is a bug.
 *
 * <p>Failures are grouped by kind (exception class and a message prefix) and reported with the case
 * number, the mutations and the offending text, so one run shows every distinct problem. A case is
 * replayed with {@code new ConfigFuzzTest().mutate(new SplittableRandom(SEED).split() …)}: simply rerun
 * the test, the seed is fixed.
 */
class ConfigFuzzTest {
    static final long SEED = 0x5EED_C0DEL;
    static final int CASES = 10_000;
    static final int BATCH = 500;
    static final String ORIGIN = "fuzz";
    /** An origin then line:column, e.g. {@code fuzz:12:3: }. */
    private static final Pattern LINE_COLUMN = Pattern.compile("^(fuzz|bundled config\\.yaml):\\d+:\\d+: ");

    /** Small configs that are valid on their own, to mutate besides the bundled file. */
    static final List<String> VALID = List.of(
            "",
            "anomalies: {rate: 0.2}\n",
            "generator:\n  batch_size: 10\n  total_logs: 500\n",
            "timestamps:\n  start: 2023-05-01T12:00:00Z\n  increment: 0.5\n",
            "anomalies:\n  probability: 0.1\n  types:\n    error_spike: {duration_logs: 40, error_rate: 0.5}\n",
            "levels: {DEBUG: 0, INFO: 1, WARNING: 0.5, ERROR: 0.1, CRITICAL: 0}\n",
            "sources:\n  - name: web-server\n    weight: 1\n    services: [nginx]\n"
                    + "  - name: billing\n    kind: application\n    weight: 0.5\n    services: [billing-service, ledger]\n",
            "output:\n  format: text\n  include_labels: false\n  file:\n    stem: run-1\n    rotation_size_mb: 0.5\n",
            "anomalies:\n  rate: 1\n  types:\n    security_threat:\n      subtypes: [sql_injection, xss_attempt]\n"
                    + "    latency_degradation: {multiplier: 1000}\n",
            "sources:\n  - name: database\n    weight: 1\n    services: [postgresql]\nanomalies:\n  rate: 0.5\n");

    /** Values that are wrong, huge, odd or just unusual, to put where scalars were. */
    static final List<String> SCALARS = List.of(
            "", "~", "null", "true", "no", "on", "0", "-1", "-0.0", "1", "0.5", "1e308", "-1e308", "1e-320", "1e400",
            "99999999999999999999999", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
            "2147483648", ".nan", ".NaN", ".inf", "-.inf", "+.INF", "0x1F", "0o17", "0b101", "1_000", "1:30", "1.5e3",
            "2024-01-01", "2024-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z",
            "+10000-01-01T00:00:00Z", "now", "NOW", "'quoted'", "\"dq \\u0000 \\t \\\\ \\\"\"", "[]", "{}", "[a, b]",
            "{a: 1}", "[[[]]]", "|\n  block text", ">\n  folded", "!!binary aGVsbG8=", "!!str 5", "!!int x",
            "!!float 1", "!!bool yes", "!!timestamp 2001-12-14", "!!set {a, b}", "!!omap [a: 1]", "!custom x",
            "!!python/object:os.system {}", "&anchor 5", "*undefined", "json", "TEXT", "both", "stdout", "web",
            "application", "error_spike", "brute_force", "日本語", "🔥💥", "\u202Eevil", "zero\u200Bwidth", "a\u2028b",
            "'\u0007'", "\"\\uD800\"", "\"\\uDC00x\"", "'; DROP TABLE users--", "<script>alert(1)</script>",
            "%YAML", "@at", "`tick`", "- a", "? k", ": v", "# comment", "x: y: z", "a, b", "'unterminated",
            "\"unterminated", "[unclosed", "{unclosed");

    static final List<String> KNOWN_KEYS = List.of(
            "generator", "batch_size", "interval", "total_logs", "timestamps", "start", "rate", "increment", "sources",
            "name", "kind", "weight", "services", "levels", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL",
            "anomalies", "probability", "types", "error_spike", "latency_degradation", "security_threat",
            "resource_exhaustion", "service_outage", "data_anomaly", "enabled", "duration_logs", "error_rate",
            "multiplier", "subtypes", "output", "destination", "format", "include_labels", "file", "path", "stem",
            "rotation_size_mb", "max_files", "page_aligned");

    /** One mutation: a name for reports and a function of (text, random) to mutated text. */
    record Mutation(String name, BiFunction<String, SplittableRandom, String> apply) {}

    static final List<Mutation> MUTATIONS = List.of(
            new Mutation("delete-line", (t, r) -> lines(t, r, (ls, i) -> ls.remove(i))),
            new Mutation("duplicate-line", (t, r) -> lines(t, r, (ls, i) -> ls.add(i, ls.get(i)))),
            new Mutation("swap-lines", (t, r) -> lines(t, r, (ls, i) -> {
                int j = r.nextInt(ls.size());
                String a = ls.get(i);
                ls.set(i, ls.get(j));
                ls.set(j, a);
            })),
            new Mutation("reindent", (t, r) -> lines(t, r, (ls, i) -> {
                String line = ls.get(i).stripLeading();
                int indent = Math.max(0, ls.get(i).length() - line.length() + r.nextInt(-4, 5));
                ls.set(i, " ".repeat(indent) + line);
            })),
            new Mutation("tab-indent", (t, r) -> lines(t, r, (ls, i) -> ls.set(i, "\t" + ls.get(i).stripLeading()))),
            new Mutation("replace-scalar", ConfigFuzzTest::replaceScalar),
            new Mutation("unknown-key", (t, r) -> lines(t, r, (ls, i) -> {
                String line = ls.get(i);
                String indent = line.substring(0, line.length() - line.stripLeading().length());
                String key = r.nextBoolean() ? "unknown_" + r.nextInt(1000) : typo(pick(r, KNOWN_KEYS), r);
                ls.add(i, indent + key + ": " + pick(r, SCALARS));
            })),
            new Mutation("anchor-alias", ConfigFuzzTest::anchorAndAlias),
            new Mutation("alias-bomb", ConfigFuzzTest::aliasBomb),
            new Mutation("recursive-alias", (t, r) -> withValue(t, r, r.nextBoolean() ? "&loop [*loop]" : "&loop {a: *loop}")),
            new Mutation("deep-nesting", (t, r) -> {
                int depth = r.nextInt(1, 80);
                String deep = r.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                        : "{a: ".repeat(depth) + "1" + "}".repeat(depth);
                return withValue(t, r, deep);
            }),
            new Mutation("control-char", (t, r) -> insertAt(t, r, String.valueOf((char) r.nextInt(0, 0x20)))),
            new Mutation("odd-surrogate", (t, r) -> insertAt(t, r, String.valueOf((char) r.nextInt(0xD800, 0xE000)))),
            new Mutation("unicode", (t, r) -> insertAt(t, r, pick(r, List.of("é", "日本", "🔥", "\u2028", "\uFEFF", "\u00A0",
                    "\u0085", "\u202E", "\uFFFE", "\uFFFF")))),
            new Mutation("yaml-syntax-char", (t, r) -> insertAt(t, r, pick(r, List.of(":", "-", "?", "|", ">", "{", "}", "[",
                    "]", "#", "&", "*", "!", "%", "@", "`", "'", "\"", ",", ": ", "- ", "\n", "\r\n", "\r", "---\n",
                    "...\n")))),
            new Mutation("truncate", (t, r) -> t.isEmpty() ? t : t.substring(0, r.nextInt(t.length()))),
            new Mutation("typo-key", ConfigFuzzTest::typoKey),
            new Mutation("long-string", (t, r) -> withValue(t, r, "x".repeat(r.nextInt(1_000, 64_000)))),
            new Mutation("known-key-value", ConfigFuzzTest::knownKeyValue));

    @Test
    void mutated_configs_load_or_fail_with_a_located_config_exception() {
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> corpus = new ArrayList<>(VALID);
        corpus.add(ConfigLoader.bundledYaml());
        Outcomes outcomes = new Outcomes();
        for (int start = 0; start < CASES; start += BATCH) {
            int first = start;
            // Each batch gets its own random stream, so a hang or failure replays from its case number.
            SplittableRandom batchRandom = random.split();
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                for (int n = first; n < first + BATCH; n++) {
                    runCase(n, batchRandom, corpus, outcomes);
                }
            }, () -> "cases " + first + ".." + (first + BATCH - 1) + " did not finish in 20 s; seed " + SEED);
        }
        assertThat(outcomes.failures).as(outcomes::report).isEmpty();
        // The fuzzer must reach both sides of the loader, or it tests too little.
        assertThat(outcomes.valid).as("valid configs among %d", CASES).isGreaterThan(CASES / 20);
        assertThat(outcomes.rejected).as("rejected configs among %d", CASES).isGreaterThan(CASES / 4);
    }

    private static void runCase(int n, SplittableRandom random, List<String> corpus, Outcomes outcomes) {
        int base = random.nextInt(corpus.size());
        String text = corpus.get(base);
        List<String> applied = new ArrayList<>();
        int count = random.nextInt(1, 5);
        for (int m = 0; m < count; m++) {
            Mutation mutation = MUTATIONS.get(random.nextInt(MUTATIONS.size()));
            text = mutation.apply().apply(text, random);
            applied.add(mutation.name());
        }
        String what = "case " + n + " (corpus " + base + ", " + applied + ")";
        SynthConfig config;
        try {
            config = ConfigLoader.builder().yaml(text, ORIGIN).build();
        } catch (ConfigException e) {
            String message = String.valueOf(e.getMessage());
            boolean located = message.startsWith(ORIGIN) || message.startsWith("bundled config.yaml");
            boolean precise = LINE_COLUMN.matcher(message).find() || (e.keyPath() != null && !e.keyPath().isEmpty());
            if (located && precise) {
                outcomes.rejected++;
            } else {
                outcomes.fail("ConfigException without origin and line:column or key path: "
                        + message.replaceAll(":\\d+:\\d+", ":L:C").replaceAll("'.*", "…"), what, text, e);
            }
            return;
        } catch (Throwable e) {
            outcomes.fail(e.getClass().getName() + " from ConfigLoader", what, text, e);
            return;
        }
        try {
            LogStream logs = LogStream.generate(Scenario.of(config, n), 200);
            assertThat(logs.size()).isEqualTo(200);
            logs.render(config.output().format(), config.output().includeLabels());
            outcomes.valid++;
        } catch (Throwable e) {
            outcomes.fail(e.getClass().getName() + " while generating from a valid config", what, text, e);
        }
    }

    /** Collected results; failures keep the first two examples of each kind and count the rest. */
    static final class Outcomes {
        int valid;
        int rejected;
        final Map<String, List<String>> failures = new LinkedHashMap<>();
        final Map<String, Integer> counts = new LinkedHashMap<>();

        void fail(String kind, String what, String text, Throwable e) {
            counts.merge(kind, 1, Integer::sum);
            List<String> examples = failures.computeIfAbsent(kind, k -> new ArrayList<>());
            if (examples.size() < 2) {
                String shown = text.length() > 600 ? text.substring(0, 600) + "…[" + text.length() + " chars]" : text;
                examples.add(what + ": " + e + "\n--- text ---\n" + escape(shown) + "\n------------");
            }
        }

        String report() {
            StringBuilder out = new StringBuilder(failures.size() + " kinds of failure (valid " + valid + ", rejected "
                    + rejected + "):");
            failures.forEach((kind, examples) -> {
                out.append("\n\n== ").append(kind).append(" (").append(counts.get(kind)).append(" cases)");
                examples.forEach(x -> out.append("\n").append(x));
            });
            return out.toString();
        }
    }

    // --- mutations -----------------------------------------------------------------------------

    @FunctionalInterface
    interface LineEdit {
        void edit(List<String> lines, int index);
    }

    static String lines(String text, SplittableRandom r, LineEdit edit) {
        List<String> ls = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        edit.edit(ls, r.nextInt(ls.size()));
        return String.join("\n", ls);
    }

    static String insertAt(String text, SplittableRandom r, String insert) {
        int at = text.isEmpty() ? 0 : r.nextInt(text.length() + 1);
        return text.substring(0, at) + insert + text.substring(at);
    }

    static <T> T pick(SplittableRandom r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }

    /** Indexes of lines of the form {@code key: value} or {@code key:}. */
    static List<Integer> keyLines(List<String> ls) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i < ls.size(); i++) {
            String s = ls.get(i).strip();
            if (!s.startsWith("#") && s.matches("(- )?[A-Za-z_]+:.*")) {
                found.add(i);
            }
        }
        return found;
    }

    /** Replaces the value of a random {@code key:} line (keeping a trailing comment out). */
    static String withValue(String text, SplittableRandom r, String value) {
        List<String> ls = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        List<Integer> keyed = keyLines(ls);
        if (keyed.isEmpty()) {
            return text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + "generator: " + value + "\n";
        }
        int i = pick(r, keyed);
        String line = ls.get(i);
        int colon = line.indexOf(':');
        ls.set(i, line.substring(0, colon + 1) + " " + value);
        return String.join("\n", ls);
    }

    static String replaceScalar(String text, SplittableRandom r) {
        return withValue(text, r, pick(r, SCALARS));
    }

    /** Sets a known key path, in flow style appended at the end, to an odd value: reaches the binder more often. */
    static String knownKeyValue(String text, SplittableRandom r) {
        String[] paths = {
            "generator: {batch_size: %s}", "generator: {interval: %s}", "generator: {total_logs: %s}",
            "timestamps: {start: %s}", "timestamps: {rate: %s}", "timestamps: {increment: %s}",
            "levels: {INFO: %s}", "levels: {DEBUG: %s, INFO: %s, WARNING: %s, ERROR: %s, CRITICAL: %s}",
            "anomalies: {rate: %s}", "anomalies: {probability: %s}",
            "anomalies: {types: {error_spike: {error_rate: %s}}}",
            "anomalies: {types: {latency_degradation: {multiplier: %s}}}",
            "anomalies: {types: {service_outage: {duration_logs: %s}}}",
            "anomalies: {types: {data_anomaly: {weight: %s}}}",
            "anomalies: {types: {security_threat: {subtypes: [%s]}}}",
            "anomalies: {types: {resource_exhaustion: {enabled: %s}}}",
            "output: {destination: %s}", "output: {format: %s}", "output: {include_labels: %s}",
            "output: {file: {stem: %s}}", "output: {file: {rotation_size_mb: %s}}", "output: {file: {max_files: %s}}",
            "output: {file: {page_aligned: %s}}",
            "sources: [{name: %s, weight: 1, services: [a]}]", "sources: [{name: web-server, weight: %s, services: [a]}]",
            "sources: [{name: x, kind: %s, weight: 1, services: [a]}]",
            "sources: [{name: application, weight: 1, services: [%s]}]",
        };
        String template = pick(r, List.of(paths));
        Object[] values = new Object[5];
        for (int i = 0; i < values.length; i++) {
            String v = pick(r, SCALARS);
            // Block scalars and line breaks cannot sit inside flow style; keep those for other mutations.
            values[i] = v.contains("\n") ? "x" : v;
        }
        return String.format(template, values) + "\n";
    }

    static String typo(String key, SplittableRandom r) {
        if (key.length() < 2) {
            return key + "x";
        }
        int i = r.nextInt(key.length() - 1);
        return key.substring(0, i) + key.charAt(i + 1) + key.charAt(i) + key.substring(i + 2);
    }

    static String typoKey(String text, SplittableRandom r) {
        List<String> ls = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        List<Integer> keyed = keyLines(ls);
        if (keyed.isEmpty()) {
            return text;
        }
        int i = pick(r, keyed);
        String line = ls.get(i);
        int colon = line.indexOf(':');
        String head = line.substring(0, colon);
        String indent = head.substring(0, head.length() - head.stripLeading().length());
        String key = head.strip();
        String dash = key.startsWith("- ") ? "- " : "";
        ls.set(i, indent + dash + typo(key.substring(dash.length()), r) + line.substring(colon));
        return String.join("\n", ls);
    }

    /** Puts an anchor on one value and aliases it somewhere else, or aliases an undefined anchor. */
    static String anchorAndAlias(String text, SplittableRandom r) {
        List<String> ls = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        List<Integer> keyed = keyLines(ls);
        if (keyed.size() < 2 || r.nextInt(5) == 0) {
            return withValue(text, r, "*nowhere");
        }
        int from = pick(r, keyed);
        int to = pick(r, keyed);
        String line = ls.get(from);
        int colon = line.indexOf(':');
        ls.set(from, line.substring(0, colon + 1) + " &a1" + line.substring(colon + 1));
        String target = ls.get(to);
        int c2 = target.indexOf(':');
        ls.set(to, target.substring(0, c2 + 1) + " *a1");
        return String.join("\n", ls);
    }

    /**
     * A billion-laughs style chain under an unknown or known key. Kept to at most ~5,000 expanded
     * nodes so a regression cannot take the test JVM down; the exponential case is pinned, in a child
     * JVM, by {@link ConfigRobustnessTest}.
     */
    static String aliasBomb(String text, SplittableRandom r) {
        int width = r.nextInt(2, 10);
        int levels = Math.max(1, (int) Math.floor(Math.log(5_000) / Math.log(width)) - r.nextInt(2));
        StringBuilder bomb = new StringBuilder("lol0: &l0 [lol]\n");
        for (int level = 1; level <= levels; level++) {
            bomb.append("lol").append(level).append(": &l").append(level).append(" [");
            for (int w = 0; w < width; w++) {
                bomb.append(w == 0 ? "" : ", ").append("*l").append(level - 1);
            }
            bomb.append("]\n");
        }
        return r.nextBoolean() ? bomb + text : text + (text.endsWith("\n") || text.isEmpty() ? "" : "\n") + bomb;
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp == '\n' || (cp >= 0x20 && cp < 0x7F)) {
                out.appendCodePoint(cp);
            } else {
                out.append(String.format("\\u%04X", cp));
            }
        });
        return out.toString();
    }
}
