package io.synthlogs.eval;

import io.synthlogs.Episode;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Whether and how fast one episode was detected.
 *
 * @param episode the ground truth
 * @param firstFlag index of the first flag in {@code [firstIndex, lastIndex + tolerance]}, or -1
 * @param delayLines {@code firstFlag - firstIndex}; -1 when not detected
 * @param delayTime simulated time from the episode's first line to the flagged line; {@code null} when
 *     not detected
 */
public record EpisodeOutcome(Episode episode, long firstFlag, long delayLines, Duration delayTime) {

    /** Whether some flag detected the episode. */
    public boolean detected() {
        return firstFlag >= 0;
    }

    /** The detecting flag, if any. */
    public OptionalLong detectingFlag() {
        return detected() ? OptionalLong.of(firstFlag) : OptionalLong.empty();
    }
}
