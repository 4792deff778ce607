package io.marginsim.market;

import io.marginsim.problem.CompiledProblem;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Student-t innovations: unit variance, the t's tails and kurtosis, and the t copula's joint crashes. */
class StudentTTest {
    private static final int PATHS = 4000;
    private static final int DAYS = 8;

    /** Standardised one-step shocks ({@code u}) of asset {@code a}: all steps of all paths, i.i.d. */
    private static double[] innovations(String json, int paths, int a) {
        CompiledProblem p = Draws.problem(json);
        return Draws.scaled(Draws.flat(Draws.shocks(p, paths, a)), 1 / p.stepVolatility.get(a));
    }

    @ParameterizedTest(name = "nu = {0}")
    @ValueSource(doubles = {5, 4.5})
    void unitVarianceAndTheTailsOfTheScaledT(double nu) {
        double[] u = innovations(Draws.oneAsset(0.6, "\"degreesOfFreedom\": " + nu, "", DAYS, 1), PATHS, 0);
        int n = u.length;
        // var of the sample variance is (mu4 - 1) / n, mu4 = 3 + 6 / (nu - 4); nu = 4.5 has mu4 = 15
        double mu4 = 3 + 6 / (nu - 4);
        assertThat(Draws.variance(u)).isCloseTo(1, within(4 * Math.sqrt((mu4 - 1) / n)));
        // kurtosis' own SE is infinite for nu <= 8, so the tails are tested by exceedance counts (binomial SE)
        TDistribution t = new TDistribution(nu);
        double scale = Math.sqrt(nu / (nu - 2));
        for (double x : new double[] {2, 3, 4}) {
            double expected = 2 * (1 - t.cumulativeProbability(x * scale));
            assertThat(Draws.twoSidedTail(u, x)).as("P(|u| > %s)", x)
                    .isCloseTo(expected, within(4 * Math.sqrt(expected * (1 - expected) / n)));
        }
    }

    @Test
    void excessKurtosisIsSixOverNuMinusFour() {
        double nu = 12;
        double[] u = innovations(Draws.oneAsset(0.6, "\"degreesOfFreedom\": 12", "", 16, 1), 4000, 0);
        // the kurtosis' SE comes from 16 independent batches of paths (finite for nu > 8)
        int batches = 16;
        int size = u.length / batches;
        double[] k = new double[batches];
        for (int b = 0; b < batches; b++) {
            k[b] = Draws.excessKurtosis(java.util.Arrays.copyOfRange(u, b * size, (b + 1) * size));
        }
        double se = Math.sqrt(Draws.variance(k) / batches);
        assertThat(Draws.excessKurtosis(u)).isCloseTo(6 / (nu - 4), within(4 * se + 0.02));
    }

    @Test
    void theTCopulaKeepsTheCorrelationAndMakesCrashesJoint() {
        String spec = """
                {"assets": [{"name": "A", "price": 100, "volatility": 0.5}, {"name": "B", "price": 100, "volatility": 0.5}],
                 "correlation": [[1, 0.3], [0.3, 1]],
                 "market": {"copula": "t", "copulaDegreesOfFreedom": 4},
                 "account": {"cash": 100, "collateral": [{"asset": "A", "amount": 1}]},
                 "horizonDays": 8, "stepsPerDay": 1, "seed": 3, "engine": "scalar"}""";
        double[] a = innovations(spec, 5000, 0);
        double[] b = innovations(spec, 5000, 1);
        int n = a.length;
        // one mixing variable multiplies both normals, and E[M^2] = 1, so corr = rho; SE (1 - rho^2)/sqrt(n)
        // is the normal-theory value, doubled for the t(4)'s heavier tails
        assertThat(Draws.correlation(a, b)).isCloseTo(0.3, within(8 * (1 - 0.09) / Math.sqrt(n)));
        double q = -2;
        int joint = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] < q && b[i] < q) {
                joint++;
            }
        }
        double expected = jointCrash(4, 0.3, q);
        assertThat((double) joint / n).isCloseTo(expected, within(4 * Math.sqrt(expected / n)));
        // the Gaussian copula with the same correlation crashes jointly far less often
        assertThat(expected).isGreaterThan(2 * gaussianJointCrash(0.3, q));
    }

    /**
     * {@code P(u_A < q, u_B < q)} for the unit-variance bivariate t: the bivariate normal probability at
     * {@code q sqrt(W / (nu - 2))}, integrated over {@code W ~ chi-square(nu)} (composite Simpson).
     */
    private static double jointCrash(double nu, double rho, double q) {
        ChiSquaredDistribution w = new ChiSquaredDistribution(nu);
        return simpson(x -> w.density(x) * gaussianJointCrash(rho, q * Math.sqrt(x / (nu - 2))), 0, 80, 800);
    }

    /** Bivariate standard normal {@code P(X < q, Y < q)} by one-dimensional integration over {@code X}. */
    private static double gaussianJointCrash(double rho, double q) {
        if (q < -12) {
            return 0; // below 1e-32, far under the test's resolution
        }
        NormalDistribution n = new NormalDistribution();
        double s = Math.sqrt(1 - rho * rho);
        return simpson(x -> n.density(x) * n.cumulativeProbability((q - rho * x) / s), -12, q, 400);
    }

    /** Composite Simpson's rule on {@code n} (even) intervals: the integrands here are smooth and bounded. */
    private static double simpson(java.util.function.DoubleUnaryOperator f, double a, double b, int n) {
        double h = (b - a) / n;
        double sum = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < n; i++) {
            sum += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
        }
        return sum * h / 3;
    }
}
