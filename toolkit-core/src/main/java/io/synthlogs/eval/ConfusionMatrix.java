package io.synthlogs.eval;

/**
 * Line-level counts of flagged and labeled lines. Ratios with a zero denominator are 0.
 *
 * @param truePositives flagged lines labeled anomalous
 * @param falsePositives flagged lines labeled normal
 * @param falseNegatives unflagged lines labeled anomalous
 * @param trueNegatives unflagged lines labeled normal
 */
public record ConfusionMatrix(long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {

    /** TP / (TP + FP). */
    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    /** TP / (TP + FN). */
    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    /** The harmonic mean of precision and recall. */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** All lines counted. */
    public long total() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }

    static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0 : numerator / denominator;
    }

    /** A small table for failure messages. */
    public String table() {
        int w = Math.max(8, String.valueOf(Math.max(Math.max(truePositives, falsePositives),
                Math.max(falseNegatives, trueNegatives))).length() + 2);
        String f = "%-18s%" + w + "s%" + w + "s%n";
        return String.format(f, "", "anomaly", "normal")
                + String.format(f, "flagged", truePositives, falsePositives)
                + String.format(f, "not flagged", falseNegatives, trueNegatives);
    }
}
