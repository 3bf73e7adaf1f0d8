/**
 * Scoring a detector's flags against a {@link io.synthlogs.LogStream}'s ground truth.
 *
 * <p>Definitions (a ratio whose denominator is 0 is reported as 0):
 * <ul>
 *   <li><b>precision, recall, F1</b> (line level): a line is positive when its labels say
 *       {@code isAnomaly}; a flagged positive line is a true positive. Precision = TP / (TP + FP),
 *       recall = TP / (TP + FN), F1 = 2PR / (P + R).</li>
 *   <li><b>episode recall</b>: detected episodes / all episodes. An episode is detected when some flag
 *       lies in {@code [firstIndex, lastIndex + tolerance]}; the tolerance (lines after the end) is set
 *       by {@link io.synthlogs.eval.EvaluationOptions}.</li>
 *   <li><b>event precision</b>: flag runs that touch an episode (its span widened by the tolerance)
 *       / all flag runs. A run is a maximal group of flags in which each flag is at most
 *       {@code runGap} lines after the previous one ({@code runGap = 1}: consecutive lines).</li>
 *   <li><b>detection delay</b> of a detected episode: lines from its first line to the first flag
 *       that detects it, and the simulated time between those two lines. Median and p90 use the
 *       nearest-rank rule: the p-quantile of n sorted values is the value at rank ⌈p·n⌉.</li>
 *   <li><b>point-adjusted F1</b>: F1 after counting every line of an episode as flagged when any one
 *       of its own lines was flagged. It is commonly reported and flatters detectors; it is only ever
 *       shown beside the unadjusted F1.</li>
 *   <li><b>baseline</b>: the same metrics for the trivial detector that flags every ERROR or CRITICAL
 *       line, so a detector's lift over it is visible.</li>
 * </ul>
 */
package io.synthlogs.eval;
