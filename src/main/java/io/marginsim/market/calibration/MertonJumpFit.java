package io.marginsim.market.calibration;

import io.marginsim.market.GbmMarket;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.stat.descriptive.rank.Median;

import java.util.Arrays;

/**
 * Merton jump diffusion by maximum likelihood (R. C. Merton, "Option pricing when underlying stock returns are
 * discontinuous", Journal of Financial Economics 3, 1976): over one interval the log return is
 * {@code a + b Z + sum_{j <= N} Y_j}, {@code Z} standard normal, {@code N} Poisson with mean {@code L = lambda dt},
 * jump sizes {@code Y_j} normal with mean {@code jumpMean} and standard deviation {@code jumpStdev}. Its density is
 * the Poisson mixture {@code sum_k P(N = k) phi(r; a + k jumpMean, b^2 + k jumpStdev^2)}, truncated here at
 * {@value #MAX_JUMPS} jumps per interval (terms whose Poisson weight is below 1e-20 are dropped too).
 *
 * <p>{@code L} is kept in (0, 1) by a logistic transform: with more than one jump an interval on average, jumps
 * are not told apart from diffusion, and the neglected mass {@code P(N > 10)} stays below 1.1e-8. The diffusion
 * scale must stay above 1% of the sample standard deviation, which excludes the degenerate maximum of every
 * normal mixture (a zero-variance component sitting on one observation). A jump's size must spread at least as
 * much as one interval of diffusion ({@code jumpStdev >= b}): otherwise a frequent jump of nearly fixed size turns
 * the model into a mixture of shifted normals that fits small samples better without describing any jump. The simplex starts from robust
 * estimates: the median and MAD for the diffusion, returns beyond 3 MADs for the jumps. Standard errors come from
 * the observed information in {@code (a, b, L, jumpMean, jumpStdev)}, scaled to annual units.
 */
public final class MertonJumpFit {
    /** Largest number of jumps in one interval that the density sums over. */
    public static final int MAX_JUMPS = 10;
    private static final double MIN_WEIGHT = 1e-20;

    private MertonJumpFit() {
    }

    /**
     * @return parameters {@code diffusionVolatility} (annualised), {@code jumpIntensity} (jumps per year),
     *         {@code jumpMean} and {@code jumpStdev} (log jump size, per jump) and {@code location} (per interval);
     *         five free parameters
     */
    public static ModelFit fit(double[] returns, double intervalDays) {
        int n = returns.length;
        double sd = Math.sqrt(MaximumLikelihood.variance(returns));
        double median = new Median().evaluate(returns);
        double[] deviation = new double[n];
        for (int i = 0; i < n; i++) {
            deviation[i] = Math.abs(returns[i] - median);
        }
        double mad = Math.max(1.4826 * new Median().evaluate(deviation), 0.1 * sd);
        double[] outliers = Arrays.stream(returns).filter(r -> Math.abs(r - median) > 3 * mad).map(r -> r - median).toArray();
        double intensity = Math.min(Math.max(outliers.length, 1) / (double) n, 0.5);
        double jumpMean = outliers.length > 0 ? MaximumLikelihood.mean(outliers) : 0;
        double jumpStdev = outliers.length > 1 ? Math.sqrt(MaximumLikelihood.variance(outliers)) : 2 * mad;
        double floor = 0.01 * sd;
        // two starts: the outliers beyond 3 MADs as jumps, and frequent wide symmetric jumps
        double[][] starts = {
                {median, Math.log(mad), MaximumLikelihood.logit(intensity), jumpMean, Math.log(jumpStdev)},
                {median, Math.log(mad), MaximumLikelihood.logit(0.1), 0, Math.log(3 * mad)}};
        double[] best = MaximumLikelihood.maximiseFromStarts(t -> logLikelihood(returns, natural(t), floor), starts,
                new double[] {0.2 * mad, 0.3, 1.0, Math.max(0.5 * Math.abs(jumpMean), mad), 0.3});
        double[] theta = natural(best);
        double bestValue = logLikelihood(returns, theta, floor);
        MaximumLikelihood.StandardErrors errors = MaximumLikelihood.standardErrors(
                p -> logLikelihood(returns, p, floor), theta);
        double[] se = errors.values();
        double dt = intervalDays / GbmMarket.DAYS_PER_YEAR;
        String[] names = {"diffusionVolatility", "jumpIntensity", "jumpMean", "jumpStdev", "location"};
        String note = MaximumLikelihood.note(theta[2] * n < 1
                        ? "fewer than one jump expected in the whole sample: no jumps detected, and their size is not identified"
                        : "",
                errors.boundNote("location", "diffusionVolatility", "jumpIntensity", "jumpMean", "jumpStdev"),
                java.util.Arrays.stream(se).allMatch(Double::isNaN) && !errors.anyOnBound()
                        ? "no standard errors: the observed information is not positive definite" : "");
        return new ModelFit("merton",
                ModelFit.named(names, new double[] {theta[1] / Math.sqrt(dt), theta[2] / dt, theta[3], theta[4], theta[0]}),
                ModelFit.named(names, new double[] {se[1] / Math.sqrt(dt), se[2] / dt, se[3], se[4], se[0]}),
                bestValue, 5, note);
    }

    private static double[] natural(double[] x) {
        return new double[] {x[0], Math.exp(x[1]), MaximumLikelihood.logistic(x[2]), x[3], Math.exp(x[4])};
    }

    static double logLikelihood(double[] returns, double[] p, double diffusionFloor) {
        double a = p[0];
        double b = p[1];
        double perInterval = p[2];
        double jumpMean = p[3];
        double jumpStdev = p[4];
        if (!(b > diffusionFloor) || !(perInterval > 0 && perInterval < 1) || !(jumpStdev >= b)) {
            return MaximumLikelihood.IMPOSSIBLE;
        }
        PoissonDistribution jumps = new PoissonDistribution(null, perInterval, 1e-12, 10_000);
        double[] mean = new double[MAX_JUMPS + 1];
        double[] inverseVariance = new double[MAX_JUMPS + 1];
        double[] coefficient = new double[MAX_JUMPS + 1];
        int terms = 0;
        for (int k = 0; k <= MAX_JUMPS; k++) {
            double weight = jumps.probability(k);
            if (k > 0 && weight < MIN_WEIGHT) {
                break;
            }
            double variance = b * b + k * jumpStdev * jumpStdev;
            mean[k] = a + k * jumpMean;
            inverseVariance[k] = 1 / variance;
            coefficient[k] = weight / Math.sqrt(2 * Math.PI * variance);
            terms = k + 1;
        }
        double sum = 0;
        for (double r : returns) {
            double density = 0;
            for (int k = 0; k < terms; k++) {
                double d = r - mean[k];
                density += coefficient[k] * Math.exp(-0.5 * d * d * inverseVariance[k]);
            }
            if (!(density > 0)) {
                return MaximumLikelihood.IMPOSSIBLE;
            }
            sum += Math.log(density);
        }
        return sum;
    }
}
