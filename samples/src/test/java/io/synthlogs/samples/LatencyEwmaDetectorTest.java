package io.synthlogs.samples;

import static io.synthlogs.AnomalyType.LATENCY_DEGRADATION;
import static io.synthlogs.junit.assertj.DetectionAssertions.assertThat;

import io.synthlogs.Episode;
import io.synthlogs.LogEntry;
import io.synthlogs.LogStream;
import io.synthlogs.eval.Evaluation;
import io.synthlogs.junit.SyntheticLogs;
import io.synthlogs.junit.SyntheticLogsDefaults;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

// snippet:defaults
@SyntheticLogsDefaults(count = 10_000, anomalyRate = 0.2, anomalies = LATENCY_DEGRADATION)
class LatencyEwmaDetectorTest {

    @Test
    void catches_every_slowdown_before_it_peaks(@SyntheticLogs LogStream logs) {
        Evaluation eval = Evaluation.of(logs, new LatencyEwmaDetector().scan(logs.unlabeled()));
        assertThat(eval).hasEpisodeRecallAtLeast(0.9).hasPrecisionAtLeast(0.9).beatsBaseline()
                .hasMedianDelayAtMost(Duration.ofSeconds(3));
    }
    // end:defaults

    @RepeatedTest(3)
    void every_repetition_sees_new_data_and_the_detector_still_holds(@SyntheticLogs(count = 5_000) LogStream logs) {
        assertThat(Evaluation.of(logs, new LatencyEwmaDetector().scan(logs.unlabeled())))
                .hasEpisodeRecallAtLeast(0.85).hasPrecisionAtLeast(0.85);
    }

    @Test
    void flags_the_degraded_service_and_no_other(
            @SyntheticLogs(name = "traffic") List<LogEntry> lines, @SyntheticLogs(name = "traffic") List<Episode> truth) {
        var flagged = new LatencyEwmaDetector().scan(lines.stream().map(LogEntry::withoutLabels).toList());
        long onAffectedService = flagged.stream().map(i -> lines.get(i.intValue()))
                .filter(line -> truth.stream().anyMatch(e -> e.contains(line.index()) && e.services().contains(line.service())))
                .count();
        org.assertj.core.api.Assertions.assertThat(onAffectedService).isGreaterThanOrEqualTo(flagged.size() * 9L / 10);
    }

    @Test
    void a_quiet_stream_raises_almost_nothing(@SyntheticLogs(anomalyRate = 0) LogStream logs) {
        // Heavy-tailed normal latencies trip the ratio now and then: measured about 0.6 % of lines.
        org.assertj.core.api.Assertions.assertThat(new LatencyEwmaDetector().scan(logs.unlabeled()))
                .hasSizeLessThan(logs.size() / 100);
    }
}
