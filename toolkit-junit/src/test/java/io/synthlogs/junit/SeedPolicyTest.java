package io.synthlogs.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.synthlogs.LogStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** STABLE seeds depend only on the root seed and the test; RANDOM ones change per run. */
class SeedPolicyTest {

    private static Map<String, List<String>> seeds(EngineExecutionResults results) {
        return Kit.entries(results, "synthlogs.seed");
    }

    @Test
    void stable_seeds_are_the_same_every_run() {
        assertThat(seeds(Kit.run(Three.class))).isEqualTo(seeds(Kit.run(Three.class))).hasSize(3);
        assertThat(Kit.entries(Kit.run(Three.class), "digest")).isEqualTo(Kit.entries(Kit.run(Three.class), "digest"));
    }

    @Test
    void stable_seeds_survive_reordering_and_running_a_subset() {
        Map<String, List<String>> all = seeds(Kit.run(Three.class));
        EngineExecutionResults reversed = Kit.run(List.of(selectMethod(Three.class, "c", "io.synthlogs.LogStream,org.junit.jupiter.api.TestReporter"),
                selectMethod(Three.class, "a", "io.synthlogs.LogStream,org.junit.jupiter.api.TestReporter")));
        assertThat(seeds(reversed)).hasSize(2).containsAllEntriesOf(Map.of(
                "a(LogStream, TestReporter)", all.get("a(LogStream, TestReporter)"), "c(LogStream, TestReporter)", all.get("c(LogStream, TestReporter)")));
    }

    @Test
    void a_test_in_another_class_does_not_shift_the_seeds_of_this_one() {
        Map<String, List<String>> alone = seeds(Kit.run(Three.class));
        EngineExecutionResults together = Kit.run(List.of(
                org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(Other.class),
                org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(Three.class)));
        assertThat(seeds(together)).containsAllEntriesOf(alone);
    }

    @Test
    void the_seed_is_derived_from_root_seed_test_id_and_parameter_index() {
        Map<String, List<String>> seeds = seeds(Kit.run(Three.class));
        String testKey = "[class:io.synthlogs.junit.SeedPolicyTest$Three]/[method:b(io.synthlogs.LogStream, io.synthlogs.LogStream)]";
        assertThat(seeds.get("b(LogStream, LogStream)")).containsExactly(
                Long.toString(Seeds.derive(42, testKey, "parameter:0")),
                Long.toString(Seeds.derive(42, testKey, "parameter:1")));
    }

    @Test
    void another_root_seed_gives_other_data() {
        Map<String, List<String>> digests = Kit.entries(Kit.run(Three.class), "digest");
        Map<String, List<String>> other = Kit.entries(Kit.run(Three.class, "synthlogs.seed", "43"), "digest");
        assertThat(other.get("c(LogStream, TestReporter)")).isNotEqualTo(digests.get("c(LogStream, TestReporter)"));
    }

    @Test
    void random_seeds_differ_from_run_to_run() {
        EngineExecutionResults first = Kit.run(Three.class, "synthlogs.seed.policy", "RANDOM");
        EngineExecutionResults second = Kit.run(Three.class, "synthlogs.seed.policy", "random");
        assertThat(seeds(first).get("c(LogStream, TestReporter)")).isNotEqualTo(seeds(second).get("c(LogStream, TestReporter)"));
        assertThat(Kit.entries(first, "digest").get("c(LogStream, TestReporter)"))
                .isNotEqualTo(Kit.entries(second, "digest").get("c(LogStream, TestReporter)"));
        // One root seed per run, shared by all tests of the run.
        assertThat(Kit.entries(first, "synthlogs.rootSeed").values().stream().flatMap(List::stream).distinct())
                .hasSize(1);
    }

    @Test
    void a_given_root_seed_wins_over_the_random_policy() {
        assertThat(seeds(Kit.run(Three.class, "synthlogs.seed.policy", "RANDOM", "synthlogs.seed", "7")))
                .isEqualTo(seeds(Kit.run(Three.class, "synthlogs.seed", "7")));
    }

    @Test
    void a_pinned_seed_ignores_the_root_seed() {
        assertThat(seeds(Kit.run(PinnedSeed.class, "synthlogs.seed.policy", "RANDOM")))
                .containsEntry("m(LogStream)", List.of("12345"));
    }

    static class Three {
        @Test
        void a(@SyntheticLogs(count = 100) LogStream logs, TestReporter reporter) {
            reporter.publishEntry("digest", Kit.digest(logs));
        }

        @Test
        void b(@SyntheticLogs(count = 100) LogStream first, @SyntheticLogs(count = 100) LogStream second) {
            assertThat(first.seed()).isNotEqualTo(second.seed());
        }

        @Test
        void c(@SyntheticLogs(count = 100) LogStream logs, TestReporter reporter) {
            reporter.publishEntry("digest", Kit.digest(logs));
        }
    }

    static class Other {
        @Test
        void a(@SyntheticLogs(count = 100) LogStream logs) {}
    }

    static class PinnedSeed {
        @Test
        void m(@SyntheticLogs(count = 10, seed = 12345) LogStream logs) {
            assertThat(logs.seed()).isEqualTo(12345);
        }
    }
}
