package io.synthlogs.engine;

import java.nio.charset.StandardCharsets;

/**
 * SplitMix64: a small, fast, seedable generator. Each concern (traffic, content, anomalies) gets its
 * own stream split from the seed by name, so drawing one more value in one concern never shifts the
 * values of another.
 */
final class Rng {
    private static final double DOUBLE_UNIT = 0x1.0p-53;
    private long state;

    Rng(long seed) {
        this.state = seed;
    }

    /** An independent stream for {@code concern}, a pure function of this stream's seed and the name. */
    static Rng split(long seed, String concern) {
        long h = mix(seed ^ 0x5DEECE66DL);
        for (byte b : concern.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ b);
        }
        return new Rng(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** Uniform in [0, bound). */
    int nextInt(int bound) {
        return (int) (((nextLong() >>> 33) * bound) >>> 31);
    }

    /** Uniform in [min, max] inclusive. */
    int between(int min, int max) {
        return min + nextInt(max - min + 1);
    }

    /** Uniform in [min, max). */
    double uniform(double min, double max) {
        return min + nextDouble() * (max - min);
    }

    boolean chance(double p) {
        return nextDouble() < p;
    }

    <T> T pick(T[] items) {
        return items[nextInt(items.length)];
    }

    int pick(int[] items) {
        return items[nextInt(items.length)];
    }

    <T> T pick(java.util.List<T> items) {
        return items.get(nextInt(items.size()));
    }

    /** Exponential with the given mean. */
    double exponential(double mean) {
        return draw(Quantiles.EXPONENTIAL) * mean;
    }

    /** A draw of {@code distribution} (see {@link Quantiles}). */
    double draw(Quantiles distribution) {
        return distribution.at(nextDouble());
    }

    /** Index drawn with probability proportional to {@code cumulative[i] - cumulative[i-1]}. */
    int weighted(double[] cumulative) {
        double x = nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (x < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    static double[] cumulative(double[] weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        return c;
    }
}
