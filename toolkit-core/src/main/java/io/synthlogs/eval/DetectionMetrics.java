package io.synthlogs.eval;

import java.util.List;

/**
 * Every metric of one set of flags against one stream's truth. See the package documentation for
 * the definitions.
 *
 * @param lines the line-level confusion matrix
 * @param pointAdjusted the confusion matrix after point adjustment; only report it beside {@code lines}
 * @param episodes one outcome per episode, in stream order
 * @param runs the flag runs, in stream order
 * @param delay detection delays over the detected episodes
 */
public record DetectionMetrics(
        ConfusionMatrix lines, ConfusionMatrix pointAdjusted, List<EpisodeOutcome> episodes, List<FlagRun> runs,
        DelayStats delay) {

    public DetectionMetrics {
        episodes = List.copyOf(episodes);
        runs = List.copyOf(runs);
    }

    public double precision() {
        return lines.precision();
    }

    public double recall() {
        return lines.recall();
    }

    public double f1() {
        return lines.f1();
    }

    /** F1 after point adjustment; flatters detectors, never report it alone. */
    public double pointAdjustedF1() {
        return pointAdjusted.f1();
    }

    /** How many episodes some flag detected. */
    public long detectedEpisodes() {
        return episodes.stream().filter(EpisodeOutcome::detected).count();
    }

    /** Detected episodes / all episodes. */
    public double episodeRecall() {
        return ConfusionMatrix.ratio(detectedEpisodes(), episodes.size());
    }

    /** Flag runs touching an episode / all flag runs. */
    public double eventPrecision() {
        return ConfusionMatrix.ratio(runs.stream().filter(FlagRun::touchesEpisode).count(), runs.size());
    }

    /** The episodes no flag detected, in stream order. */
    public List<EpisodeOutcome> missedEpisodes() {
        return episodes.stream().filter(o -> !o.detected()).toList();
    }

    /** One line: precision, recall, F1 (point-adjusted beside it), episode recall, event precision. */
    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "precision %.3f, recall %.3f, F1 %.3f (point-adjusted %.3f), episode recall %.3f (%d/%d), "
                        + "event precision %.3f (%d runs)",
                precision(), recall(), f1(), pointAdjustedF1(), episodeRecall(), detectedEpisodes(), episodes.size(),
                eventPrecision(), runs.size());
    }
}
