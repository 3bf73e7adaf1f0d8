package io.synthlogs.engine;

import java.util.function.DoubleUnaryOperator;

/**
 * A continuous distribution drawn by inverting its quantile function, tabulated at 4,096 evenly
 * spaced probabilities and interpolated between them: each of the 4,096 bins gets exactly its share
 * of draws. The two outermost bins, where a tail stretches, are computed exactly.
 *
 * <p>Why not {@code Math.log} and {@code Math.exp} at every draw: they were a tenth of the generating
 * thread (a timestamp gap and a response time a line), and {@code Math} may differ in the last bit
 * from one JVM or CPU to another. The tables are built with {@code StrictMath}, and a draw is
 * arithmetic on them, so a seed's lines are the same everywhere.
 */
final class Quantiles {
    private static final int BINS = 4096;
    /** Keeps a draw off 0 and 1, where the normal's quantile is infinite. */
    private static final double EDGE = 0x1.0p-53;

    /** Exp(1): the gap between two events of a steady rate, in units of the mean gap. */
    static final Quantiles EXPONENTIAL = new Quantiles(u -> -StrictMath.log1p(-u));

    /** The quantile at i / BINS, for the inner bins' edges (1 to BINS - 1). */
    private final double[] table = new double[BINS];
    private final DoubleUnaryOperator exact;

    private Quantiles(DoubleUnaryOperator quantile) {
        this.exact = quantile;
        for (int i = 1; i < BINS; i++) {
            table[i] = quantile.applyAsDouble((double) i / BINS);
        }
    }

    /** The log-normal with median 1 and shape {@code sigma}: multiply by the median wanted. */
    static Quantiles logNormal(double sigma) {
        return new Quantiles(u -> StrictMath.exp(sigma * normal(u)));
    }

    /** The value at probability {@code u}, uniform in [0, 1) for a draw. */
    double at(double u) {
        double x = u * BINS;
        int i = (int) x;
        if (i == 0 || i >= BINS - 1) {
            return exact.applyAsDouble(Math.min(1 - EDGE, Math.max(EDGE, u)));
        }
        return table[i] + (x - i) * (table[i + 1] - table[i]);
    }

    /**
     * The standard normal's quantile at {@code p} in (0, 1), by Acklam's rational approximation
     * (relative error below 1.2e-9).
     */
    static double normal(double p) {
        double plow = 0.02425;
        if (p < plow) {
            double q = StrictMath.sqrt(-2 * StrictMath.log(p));
            return (((((C1 * q + C2) * q + C3) * q + C4) * q + C5) * q + C6)
                    / ((((D1 * q + D2) * q + D3) * q + D4) * q + 1);
        }
        if (p > 1 - plow) {
            return -normal(1 - p);
        }
        double q = p - 0.5;
        double r = q * q;
        return (((((A1 * r + A2) * r + A3) * r + A4) * r + A5) * r + A6) * q
                / (((((B1 * r + B2) * r + B3) * r + B4) * r + B5) * r + 1);
    }

    private static final double A1 = -3.969683028665376e+01;
    private static final double A2 = 2.209460984245205e+02;
    private static final double A3 = -2.759285104469687e+02;
    private static final double A4 = 1.383577518672690e+02;
    private static final double A5 = -3.066479806614716e+01;
    private static final double A6 = 2.506628277459239e+00;
    private static final double B1 = -5.447609879822406e+01;
    private static final double B2 = 1.615858368580409e+02;
    private static final double B3 = -1.556989798598866e+02;
    private static final double B4 = 6.680131188771972e+01;
    private static final double B5 = -1.328068155288572e+01;
    private static final double C1 = -7.784894002430293e-03;
    private static final double C2 = -3.223964580411365e-01;
    private static final double C3 = -2.400758277161838e+00;
    private static final double C4 = -2.549732539343734e+00;
    private static final double C5 = 4.374664141464968e+00;
    private static final double C6 = 2.938163982698783e+00;
    private static final double D1 = 7.784695709041462e-03;
    private static final double D2 = 3.224671290700398e-01;
    private static final double D3 = 2.445134137142996e+00;
    private static final double D4 = 3.754408661907416e+00;
}
