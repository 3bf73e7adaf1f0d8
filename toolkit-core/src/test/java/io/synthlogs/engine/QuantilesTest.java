package io.synthlogs.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Tabulated distributions draw what their exact counterparts would, tails included. */
class QuantilesTest {
    private static final int DRAWS = 400_000;

    private static double[] draws(Quantiles distribution, long seed) {
        Rng rng = new Rng(seed);
        double[] values = new double[DRAWS];
        for (int i = 0; i < DRAWS; i++) {
            values[i] = rng.draw(distribution);
        }
        Arrays.sort(values);
        return values;
    }

    private static double quantile(double[] sorted, double p) {
        return sorted[(int) (p * sorted.length)];
    }

    @Test
    void exponential_draws_have_its_mean_and_quantiles() {
        double[] x = draws(Quantiles.EXPONENTIAL, 1);
        assertThat(Arrays.stream(x).average().orElseThrow()).isCloseTo(1.0, within(0.01));
        for (double p : new double[] {0.1, 0.5, 0.9, 0.99, 0.999}) {
            assertThat(quantile(x, p)).as("quantile %s", p).isCloseTo(-Math.log1p(-p), within(0.03 * (1 - Math.log1p(-p))));
        }
        assertThat(x[0]).isGreaterThanOrEqualTo(0);
    }

    @Test
    void log_normal_draws_have_its_median_spread_and_tails() {
        double sigma = 0.55;
        double[] x = draws(Quantiles.logNormal(sigma), 2);
        assertThat(quantile(x, 0.5)).isCloseTo(1.0, within(0.01));
        // The quantiles of the standard normal, to 4 places.
        double[][] z = {{0.05, -1.6449}, {0.25, -0.6745}, {0.75, 0.6745}, {0.95, 1.6449}, {0.999, 3.0902}};
        for (double[] pz : z) {
            double expected = Math.exp(sigma * pz[1]);
            assertThat(quantile(x, pz[0])).as("quantile %s", pz[0]).isCloseTo(expected, within(0.03 * expected));
        }
        double logMean = Arrays.stream(x).map(Math::log).average().orElseThrow();
        double logSd = Math.sqrt(Arrays.stream(x).map(v -> Math.pow(Math.log(v) - logMean, 2)).average().orElseThrow());
        assertThat(logMean).isCloseTo(0, within(0.01));
        assertThat(logSd).isCloseTo(sigma, within(0.01));
        assertThat(x[0]).isPositive();
        assertThat(x[x.length - 1]).isFinite();
    }

    @Test
    void the_normal_quantile_matches_known_values_and_is_symmetric() {
        assertThat(Quantiles.normal(0.5)).isCloseTo(0, within(1e-9));
        assertThat(Quantiles.normal(0.975)).isCloseTo(1.959964, within(1e-6));
        assertThat(Quantiles.normal(0.01)).isCloseTo(-2.326348, within(1e-6));
        assertThat(Quantiles.normal(1e-9)).isCloseTo(-5.997807, within(1e-5));
        assertThat(Quantiles.normal(0.3)).isCloseTo(-Quantiles.normal(0.7), within(1e-9));
    }
}
