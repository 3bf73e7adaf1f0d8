package io.synthlogs.eval;

/**
 * A maximal group of flags at most {@link EvaluationOptions#runGap()} lines apart: one "alert".
 *
 * @param first index of the first flag of the run
 * @param last index of the last flag of the run
 * @param flags how many flags the run holds
 * @param touchesEpisode whether the run overlaps an episode's span widened by the tolerance
 */
public record FlagRun(long first, long last, int flags, boolean touchesEpisode) {}
