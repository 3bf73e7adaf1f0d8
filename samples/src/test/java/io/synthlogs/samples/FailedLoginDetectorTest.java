package io.synthlogs.samples;

import static io.synthlogs.AnomalyType.SECURITY_THREAT;
import static io.synthlogs.junit.assertj.DetectionAssertions.assertThat;

import io.synthlogs.LogStream;
import io.synthlogs.eval.Evaluation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailedLoginDetectorTest {

    // snippet:composed
    @Test
    void catches_every_brute_force_attack(@BruteForceTraffic LogStream logs) {
        Evaluation eval = Evaluation.of(logs, new FailedLoginDetector().scan(logs.unlabeled()));
        assertThat(eval).detectsEveryEpisodeOf(SECURITY_THREAT).hasPrecisionAtLeast(0.95).hasRecallAtLeast(0.85)
                .beatsBaseline().hasMedianDelayAtMost(Duration.ofSeconds(1));
    }
    // end:composed

    @Test
    void the_data_is_what_the_annotation_promises(@BruteForceTraffic LogStream logs) {
        assertThat(logs).hasSize(5_000).containsOnlyEpisodesOf(SECURITY_THREAT);
        org.assertj.core.api.Assertions.assertThat(logs.episodes()).allMatch(e -> "brute_force".equals(e.subtype()));
    }
}
