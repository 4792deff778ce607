package io.marginsim.market.calibration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marginsim.engine.MarketPath;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.spec.SpecReader;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Calibrate, then simulate the fragment unchanged for one step of the data's interval: the simulated log return
 * must follow the fitted law. Mean, variance and seven quantiles are compared within 4.5 Monte Carlo standard
 * errors (mean: {@code sd / sqrt(N)}; variance: {@code sqrt((m4 - var^2) / N)}; quantile {@code q_p}:
 * {@code sqrt(p (1 - p) / N) / f(q_p)}), 36 checks in all, each missed by a correct simulation with probability
 * about 7e-6. The fitted law is written out here from the fit's own estimates, independently of the fragment.
 */
class FragmentRoundTripTest {
    private static final int PATHS = 200_000;
    private static final double DT = 1.0 / 365;
    private static final double[] LEVELS = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};
    private static final double TOLERANCE = 4.5;

    /** A law of one interval's log return: its cdf, pdf, mean and variance. */
    private record Law(DoubleUnaryOperator cdf, DoubleUnaryOperator pdf, double mean, double variance) {
        double quantile(double p) {
            double lo = mean - 100 * Math.sqrt(variance);
            double hi = mean + 100 * Math.sqrt(variance);
            for (int i = 0; i < 200; i++) {
                double mid = 0.5 * (lo + hi);
                if (cdf.applyAsDouble(mid) < p) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return 0.5 * (lo + hi);
        }
    }

    private static Calibration calibrate(double[] returns) {
        return Calibration.of(PriceSeries.parse(SyntheticReturns.csv(List.of("BTC"), new double[][] {returns}),
                "synthetic.csv"));
    }

    /** The fragment of {@code choice}, merged into a one-step spec with an account, and its simulated returns. */
    private static double[] simulateOneStep(Calibration c, ModelChoice choice) {
        ObjectNode fragment = CalibrationReport.fragment(c, CalibrationReport.choose(c, choice));
        assertThat(fragment.path("stepsPerDay").asInt()).isEqualTo(1);
        ObjectNode spec = CalibrationReport.probeSpec(fragment).put("paths", PATHS).put("seed", 11);
        CompiledProblem problem = ProblemCompiler.compile(SpecReader.parse(spec.toString(), "merged", false));
        assertThat(problem.steps).isEqualTo(1);
        return Arrays.stream(MarketPath.logReturns(problem, 0, PATHS)).mapToDouble(r -> r[0]).toArray();
    }

    private static void assertFollows(double[] x, Law law, String model) {
        int n = x.length;
        double mean = Arrays.stream(x).average().orElseThrow();
        double variance = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / (n - 1);
        double m4 = Arrays.stream(x).map(v -> Math.pow(v - mean, 4)).sum() / n;
        assertThat(mean).as("%s mean", model).isCloseTo(law.mean(), within(TOLERANCE * Math.sqrt(variance / n)));
        assertThat(variance).as("%s variance", model).isCloseTo(law.variance(),
                within(TOLERANCE * Math.sqrt((m4 - variance * variance) / n)));
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        for (double p : LEVELS) {
            double q = law.quantile(p);
            double se = Math.sqrt(p * (1 - p) / n) / law.pdf().applyAsDouble(q);
            assertThat(sorted[(int) Math.floor(p * n)]).as("%s quantile %s", model, p).isCloseTo(q, within(TOLERANCE * se));
        }
    }

    private static Law normal(double mean, double variance) {
        NormalDistribution d = new NormalDistribution(null, mean, Math.sqrt(variance));
        return new Law(d::cumulativeProbability, d::density, mean, variance);
    }

    @Test
    void gbmFragmentReproducesTheMomentFit() {
        Calibration c = calibrate(new SyntheticReturns(31).gbm(1500, 0.7, 0.4, DT));
        ModelFit fit = c.assets().getFirst().gbm();
        double s = fit.get("volatility") * Math.sqrt(DT);
        assertFollows(simulateOneStep(c, ModelChoice.GBM), normal((fit.get("drift") - 0.5 * s * s / DT) * DT, s * s),
                "gbm");
    }

    @Test
    void studentTFragmentReproducesLocationScaleAndDegreesOfFreedom() {
        Calibration c = calibrate(new SyntheticReturns(32).studentT(3000, 0.001, 0.025, 6));
        ModelFit fit = c.assets().getFirst().studentT();
        double nu = fit.get("degreesOfFreedom");
        double location = fit.get("location");
        double scale = fit.get("scale");
        TDistribution t = new TDistribution(null, nu);
        Law law = new Law(r -> t.cumulativeProbability((r - location) / scale),
                r -> t.density((r - location) / scale) / scale, location, scale * scale * nu / (nu - 2));
        assertFollows(simulateOneStep(c, ModelChoice.STUDENT_T), law, "student-t");
    }

    @Test
    void garchFragmentStartsAtTheFiltersForecastNotTheLongRunVariance() {
        double[] returns = new SyntheticReturns(33).garch(2000, 2e-5, 0.12, 0.85);
        Calibration c = calibrate(returns);
        ModelFit fit = c.assets().getFirst().garch();
        // the filter written out: h_1 the sample variance, h_t+1 = omega + alpha e_t^2 + beta h_t
        double h = MaximumLikelihood.variance(returns);
        for (double r : returns) {
            double e = r - fit.get("mean");
            h = fit.get("omega") + fit.get("alpha") * e * e + fit.get("beta") * h;
        }
        double longRun = fit.get("omega") / (1 - fit.get("alpha") - fit.get("beta"));
        assertThat(Math.abs(h / longRun - 1)).as("the series ends away from its long-run variance").isGreaterThan(0.1);
        assertFollows(simulateOneStep(c, ModelChoice.GARCH), normal(fit.get("mean"), h), "garch");
    }

    @Test
    void mertonFragmentCarriesTheDiffusionVolatilitySoTheVarianceIsNotCountedTwice() {
        Calibration c = calibrate(new SyntheticReturns(34).merton(3000, 0.0005, 0.02, 0.1, -0.04, 0.06));
        ModelFit fit = c.assets().getFirst().merton();
        double a = fit.get("location");
        double b = fit.get("diffusionVolatility") * Math.sqrt(DT);
        double lambda = fit.get("jumpIntensity") * DT;
        double m = fit.get("jumpMean");
        double s = fit.get("jumpStdev");
        PoissonDistribution jumps = new PoissonDistribution(lambda);
        int terms = 12;
        Law law = new Law(r -> {
            double sum = 0;
            for (int k = 0; k < terms; k++) {
                double sd = Math.sqrt(b * b + k * s * s);
                sum += jumps.probability(k) * 0.5 * Erf.erfc(-(r - a - k * m) / (sd * Math.sqrt(2)));
            }
            return sum;
        }, r -> {
            double sum = 0;
            for (int k = 0; k < terms; k++) {
                double var = b * b + k * s * s;
                sum += jumps.probability(k) * Math.exp(-0.5 * Math.pow(r - a - k * m, 2) / var) / Math.sqrt(2 * Math.PI * var);
            }
            return sum;
        }, a + lambda * m, b * b + lambda * (s * s + m * m));
        assertFollows(simulateOneStep(c, ModelChoice.MERTON), law, "merton");
    }
}
