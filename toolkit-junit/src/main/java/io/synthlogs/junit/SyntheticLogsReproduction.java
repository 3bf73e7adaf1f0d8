package io.synthlogs.junit;

import io.synthlogs.AnomalyType;
import io.synthlogs.Episode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Attached as a suppressed, stack-less throwable to the failure of a test that received synthetic
 * logs: which seed and scenario produced them and how to get exactly them back.
 */
final class SyntheticLogsReproduction extends Throwable {
    private static final long serialVersionUID = 1L;
    private static final int EPISODES_SHOWN = 3;

    SyntheticLogsReproduction(String message) {
        super(message, null, false, false);
    }

    /**
     * The message for a failed test.
     *
     * @param testClass binary name of the test class
     * @param method the test method's name
     * @param attached where each stream that could be attached was written
     * @param parameters the {@code synthlogs.*} configuration parameters that were set (but the seed),
     *     which the rerun must set again
     */
    static SyntheticLogsReproduction of(Collection<Generated> streams, String testClass, String method,
            Map<Generated, String> attached, Map<String, String> parameters) {
        StringBuilder out = new StringBuilder("synthetic logs of this test (see below to reproduce them)");
        long root = 0;
        for (Generated g : streams) {
            GeneratedLines s = g.lines();
            root = g.root().seed();
            out.append("\n  ").append(String.join(" and ", g.targets())).append(": seed ").append(s.seed())
                    .append(g.pinned() ? " (pinned by @SyntheticLogs(seed))" : " (derived from " + g.root().describe() + ")")
                    .append("\n    scenario: ").append(s.scenario().describe()).append(", count=").append(s.count())
                    .append("\n    episodes: ").append(episodes(s.episodes()));
            if (attached.containsKey(g)) {
                out.append("\n    attached: ").append(attached.get(g));
            }
            out.append("\n    pin the data:  @SyntheticLogs(seed = ").append(s.seed())
                    .append("L) with the other attributes unchanged")
                    // The parameters chose data too: a pinned seed without them gives other lines.
                    .append(parameters.isEmpty() ? "" : ", and the same " + String.join(", ", parameters.keySet()));
        }
        out.append("\n  rerun exactly:   ").append(rerun(testClass, method, root, parameters));
        return new SyntheticLogsReproduction(out.toString());
    }

    /**
     * The Maven command that reruns the test with the same root seed and configuration parameters,
     * from the directory tests run in.
     */
    static String rerun(String testClass, String method, long rootSeed, Map<String, String> parameters) {
        StringBuilder settings = new StringBuilder();
        parameters.forEach((key, value) -> settings.append(" -D").append(key).append("='")
                .append(value.replace("'", "'\\''")).append('\''));
        return rerun(testClass, method, rootSeed, Path.of(System.getProperty("user.dir")), settings.toString());
    }

    /**
     * The Maven command that reruns the test with the same root seed. Tests run in their module's
     * directory; in a multi-module build the command starts from the top and selects that module
     * (building what it depends on), through the Maven wrapper where there is one.
     */
    static String rerun(String testClass, String method, long rootSeed, Path workingDirectory, String settings) {
        String selection = "-Dtest='" + testClass + "#" + method + "' -D" + SyntheticLogsConstants.SEED_PROPERTY_NAME
                + "=" + rootSeed + settings;
        Path module = workingDirectory.toAbsolutePath().normalize();
        if (!Files.isRegularFile(module.resolve("pom.xml"))) {
            return "mvn test " + selection;
        }
        Path top = module;
        while (top.getParent() != null && Files.isRegularFile(top.getParent().resolve("pom.xml"))) {
            top = top.getParent();
        }
        String maven = Files.isRegularFile(top.resolve("mvnw")) ? "./mvnw" : "mvn";
        if (top.equals(module)) {
            return maven + " test " + selection;
        }
        // Other modules have no test of that name: tell Surefire that is fine.
        return "cd '" + top + "' && " + maven + " -pl " + top.relativize(module).toString().replace('\\', '/')
                + " -am test " + selection + " -Dsurefire.failIfNoSpecifiedTests=false";
    }

    /** One line: count, count per kind, the first few episodes with their line ranges. */
    static String episodes(List<Episode> episodes) {
        if (episodes.isEmpty()) {
            return "none";
        }
        Map<AnomalyType, Long> perType = new TreeMap<>(
                episodes.stream().collect(Collectors.groupingBy(Episode::type, Collectors.counting())));
        String kinds = perType.entrySet().stream().map(e -> e.getKey().wireName() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        String first = episodes.stream().limit(EPISODES_SHOWN)
                .map(e -> e.id() + " " + e.type().wireName() + " lines " + e.firstIndex() + ".." + e.lastIndex())
                .collect(Collectors.joining(", "));
        return episodes.size() + " (" + kinds + "); first: " + first + (episodes.size() > EPISODES_SHOWN ? ", …" : "");
    }
}
