package io.synthlogs;

/**
 * The ground truth of one log line.
 *
 * <p>{@code isAnomaly} is true for every line the anomaly produced (the lines of an episode);
 * {@code signal} says whether this very line shows it on its own (an error, a slow response, a payload,
 * a high usage, a corrupted field). Only the ramp-up of a latency degradation produces anomalous lines
 * without signal. {@code anomalyScore} is the ground-truth intensity in [0, 1], not a detector score.
 *
 * @param isAnomaly whether the line belongs to an anomaly episode
 * @param anomalyType the kind; {@link AnomalyType#NONE} on normal lines, never {@code null}
 * @param anomalyScore intensity of the anomaly at this line, 0 on normal lines
 * @param subtype the subtype ({@code brute_force}, {@code memory}, …); {@code null} when none
 * @param episodeId the episode this line belongs to; {@code null} on normal lines
 * @param signal whether this line by itself shows the anomaly
 * @param eventId the stable id of the message template, e.g. {@code W003}; never {@code null}
 * @param eventTemplate the template in Loghub style, variables as {@code <*>}; never {@code null}
 * @param field for data anomalies, the name of the corrupted JSON field; otherwise {@code null}
 */
public record Labels(
        boolean isAnomaly,
        AnomalyType anomalyType,
        double anomalyScore,
        String subtype,
        String episodeId,
        boolean signal,
        String eventId,
        String eventTemplate,
        String field) {

    /** Labels of a normal line rendered from the given template. */
    public static Labels normal(String eventId, String eventTemplate) {
        return new Labels(false, AnomalyType.NONE, 0.0, null, null, false, eventId, eventTemplate, null);
    }
}
