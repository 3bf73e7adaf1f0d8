package io.synthlogs.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthlogs.AnomalyType;
import io.synthlogs.LogEntry;
import io.synthlogs.LogStream;
import io.synthlogs.eval.Evaluation;
import io.synthlogs.eval.TypeBreakdown;
import io.synthlogs.junit.SyntheticLogs;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** In mixed traffic with every kind of anomaly, each detector finds the kind it was built for. */
class DetectorsByKindTest {

    // snippet:parameterized
    @ParameterizedTest
    @EnumSource(value = AnomalyType.class, names = {"ERROR_SPIKE", "LATENCY_DEGRADATION", "SECURITY_THREAT"})
    void each_detector_finds_its_kind_in_mixed_traffic(AnomalyType kind,
            @SyntheticLogs(count = 30_000, anomalyRate = 0.2, config = "brute-force.yaml") LogStream logs) {
        Evaluation eval = Evaluation.of(logs, detectorFor(kind, logs.unlabeled()));
        TypeBreakdown mine = eval.byType().get(kind);
        assertThat(mine.episodes()).as("episodes of %s", kind).isPositive();
        assertThat(mine.episodeRecall()).as("episode recall on %s\n%s", kind, eval.summary()).isGreaterThanOrEqualTo(0.9);
    }
    // end:parameterized

    private static Set<Long> detectorFor(AnomalyType kind, List<LogEntry> lines) {
        return switch (kind) {
            case ERROR_SPIKE -> new ErrorRateDetector().scan(lines);
            case LATENCY_DEGRADATION -> new LatencyEwmaDetector().scan(lines);
            case SECURITY_THREAT -> new FailedLoginDetector().scan(lines);
            default -> throw new IllegalArgumentException("no sample detector for " + kind);
        };
    }
}
