package io.synthlogs.eval;

import io.synthlogs.AnomalyType;

/**
 * The metrics restricted to one kind of anomaly. Precision has no per-kind meaning (a false
 * positive has no kind), so only recall-side figures are broken down.
 *
 * @param type the kind
 * @param episodes episodes of this kind
 * @param detectedEpisodes of which detected
 * @param anomalousLines lines labeled with this kind
 * @param flaggedLines of which flagged
 * @param delay detection delays over this kind's detected episodes
 */
public record TypeBreakdown(
        AnomalyType type, int episodes, int detectedEpisodes, long anomalousLines, long flaggedLines, DelayStats delay) {

    /** Detected episodes / episodes of this kind. */
    public double episodeRecall() {
        return ConfusionMatrix.ratio(detectedEpisodes, episodes);
    }

    /** Flagged lines / lines of this kind. */
    public double lineRecall() {
        return ConfusionMatrix.ratio(flaggedLines, anomalousLines);
    }
}
