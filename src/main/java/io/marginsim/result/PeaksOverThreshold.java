package io.marginsim.result;

import org.apache.commons.math3.exception.MathIllegalStateException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Peaks over threshold (Coles 2001, chapter 4): a {@link GpdFit} to the losses above a high threshold, and from it
 * loss quantiles and expected shortfall beyond what the number of paths resolves.
 *
 * <p>Threshold rule: the {@code (k + 1)}-th largest loss with {@code k = max(ceil(0.025 n), 100)}, i.e. about the
 * 97.5% loss quantile, lowered so that at least {@value #MIN_EXCEEDANCES} losses can exceed it, and raised when fewer
 * than {@code k + 1} largest losses are given ({@link LossStatistics#TAIL_CAP} in a report); the exceedances are
 * the losses strictly above it (fewer than {@code k} when losses tie at the threshold). With fewer than
 * {@value #MIN_EXCEEDANCES} exceedances there is no fit, only a warning.
 *
 * <p>With {@code zeta = exceedances / n}, the loss quantile at level {@code p} (tail {@code a = 1 - p < zeta}) is
 * {@code u + sigma ((a / zeta)^-xi - 1) / xi} (Coles 2001, eq. 4.13) and the expected shortfall, for {@code xi < 1},
 * {@code (x_p + sigma - xi u) / (1 - xi)} (McNeil, Frey and Embrechts 2005, eq. 7.19). Their 95% intervals are by the delta method with the observed-information
 * covariance of {@code (xi, sigma)} and the binomial variance {@code zeta (1 - zeta) / n} of {@code zeta}, taken as
 * independent (Coles 2001, section 4.3.3); the shape's interval is Wald, {@code xi +- 1.96 se}. Intervals of
 * extrapolated quantiles are symmetric and so too narrow on the upper side for heavy tails, where a profile likelihood
 * would be longer upward.
 */
public final class PeaksOverThreshold {
    public static final double THRESHOLD_TAIL = 0.025;
    public static final int MIN_EXCEEDANCES = 100;
    /** Levels of the extreme quantiles reported, and their tails {@code 1 - level} written exactly. */
    public static final double[] LEVELS = {0.999, 0.9999};
    static final double[] TAILS = {0.001, 0.0001};
    /** Thresholds of the mean-excess diagnostic; the highest leaves at least {@value #MEAN_EXCESS_MIN_COUNT} above. */
    static final int MEAN_EXCESS_POINTS = 24;
    static final int MEAN_EXCESS_MIN_COUNT = 10;

    private final double threshold;
    private final long exceedances;
    private final long n;
    private final GpdFit fit;
    private final List<LossReport.MeanExcess> meanExcess;
    private final List<String> warnings = new ArrayList<>();

    private PeaksOverThreshold(double threshold, long exceedances, long n, GpdFit fit,
                               List<LossReport.MeanExcess> meanExcess) {
        this.threshold = threshold;
        this.exceedances = exceedances;
        this.n = n;
        this.fit = fit;
        this.meanExcess = meanExcess;
    }

    /** How many of the largest losses the rule looks at, the threshold itself not counted. */
    public static long thresholdCount(long n) {
        return Math.max((long) Math.ceil(THRESHOLD_TAIL * n), MIN_EXCEEDANCES);
    }

    /**
     * Fits the tail of a sample of {@code n} losses given its {@code m} largest, in descending order; {@code m} should
     * be at least {@code thresholdCount(n) + 1} (or {@code n}), else the threshold is the smallest loss given.
     */
    public static PeaksOverThreshold fit(double[] largestDescending, long n) {
        int m = largestDescending.length;
        if (m == 0 || n < m) {
            throw new IllegalArgumentException("need 1 to n = " + n + " largest losses but got " + m);
        }
        List<LossReport.MeanExcess> meanExcess = meanExcess(largestDescending);
        int k = (int) Math.min(thresholdCount(n), m - 1);
        double u = largestDescending[k];
        int above = 0;
        while (above < k && largestDescending[above] > u) {
            above++;
        }
        if (above < MIN_EXCEEDANCES) {
            PeaksOverThreshold none = new PeaksOverThreshold(u, above, n, null, meanExcess);
            none.warnings.add(above == 0
                    ? "no loss exceeds the threshold " + u + " (the " + (k + 1) + " largest losses are all equal): "
                    + "no tail fit"
                    : "only " + above + " losses exceed the threshold " + u + ", fewer than the "
                    + MIN_EXCEEDANCES + " a tail fit needs: no tail fit");
            return none;
        }
        double[] excesses = new double[above];
        for (int i = 0; i < above; i++) {
            excesses[i] = largestDescending[i] - u;
        }
        GpdFit fit;
        try {
            fit = GpdFit.fit(excesses);
        } catch (MathIllegalStateException | IllegalArgumentException e) {
            PeaksOverThreshold failed = new PeaksOverThreshold(u, above, n, null, meanExcess);
            failed.warnings.add("the likelihood maximisation failed (" + e.getMessage() + "): no tail fit");
            return failed;
        }
        PeaksOverThreshold pot = new PeaksOverThreshold(u, above, n, fit, meanExcess);
        if (fit.atShapeGuard()) {
            pot.warnings.add("the shape estimate stopped at the guard xi > " + GpdFit.MIN_SHAPE
                    + ": the tail looks bounded and the fit is not regular; its intervals are unreliable");
        }
        if (fit.covariance() == null) {
            pot.warnings.add("the observed information is not positive definite: no intervals");
        }
        if (fit.shape() >= 1) {
            pot.warnings.add("shape " + fit.shape() + " >= 1: the fitted tail has no mean, so its expected "
                    + "shortfall is infinite");
        }
        return pot;
    }

    /** Whether there is a fit to extrapolate from. */
    public boolean fitted() {
        return fit != null;
    }

    /**
     * {@code {quantile, low, high}} of the loss at tail probability {@code tail = 1 - level}, or null without a fit
     * or when the level is not beyond the threshold ({@code tail >= zeta}).
     */
    public double[] quantile(double tail) {
        if (fit == null || !(tail < rate())) {
            return null;
        }
        return withInterval(t -> threshold + GpdFit.excessQuantile(t[0], t[1], tail / t[2]));
    }

    /**
     * {@code {es, low, high}} of the mean loss beyond the quantile at {@code tail}, or null where {@link #quantile} is
     * null or the shape is 1 or more (infinite mean).
     */
    public double[] expectedShortfall(double tail) {
        if (quantile(tail) == null || fit.shape() >= 1) {
            return null;
        }
        return withInterval(t -> (threshold + GpdFit.excessQuantile(t[0], t[1], tail / t[2]) + t[1]
                - t[0] * threshold) / (1 - t[0]));
    }

    /** The report's view, quantiles and expected shortfalls at {@link #LEVELS}. */
    public LossReport.TailFit toReport() {
        List<String> all = new ArrayList<>(warnings);
        Map<String, Double> quantiles = new LinkedHashMap<>();
        Map<String, double[]> quantilesCi = new LinkedHashMap<>();
        Map<String, Double> es = new LinkedHashMap<>();
        Map<String, double[]> esCi = new LinkedHashMap<>();
        Double shape = null;
        Double scale = null;
        double[] shapeCi = null;
        if (fit != null) {
            shape = fit.shape();
            scale = fit.scale();
            double se = fit.shapeStandardError();
            shapeCi = Double.isNaN(se) ? null : new double[] {shape - Intervals.Z95 * se, shape + Intervals.Z95 * se};
            for (int l = 0; l < LEVELS.length; l++) {
                String key = ReportBuilder.key(LEVELS[l]);
                double[] q = quantile(TAILS[l]);
                if (q == null) {
                    all.add("level " + key + " is not beyond the threshold's level " + (1 - rate())
                            + ": no fitted quantile there");
                    continue;
                }
                quantiles.put(key, q[0]);
                quantilesCi.put(key, interval(q));
                double[] e = expectedShortfall(TAILS[l]);
                es.put(key, e == null ? null : e[0]);
                esCi.put(key, e == null ? null : interval(e));
            }
        }
        return new LossReport.TailFit(threshold, exceedances, shape, scale, shapeCi, quantiles, quantilesCi, es, esCi,
                meanExcess, all.isEmpty() ? null : String.join("; ", all));
    }

    private static double[] interval(double[] estimate) {
        return Double.isNaN(estimate[1]) ? null : new double[] {estimate[1], estimate[2]};
    }

    public double threshold() {
        return threshold;
    }

    public long exceedances() {
        return exceedances;
    }

    /** The fit, or null. */
    public GpdFit gpd() {
        return fit;
    }

    /** Share of all losses above the threshold. */
    double rate() {
        return (double) exceedances / n;
    }

    /**
     * {@code {g, low, high}} for a function {@code g(xi, sigma, zeta)}: the delta method with central-difference
     * gradients; low and high are NaN without a covariance.
     */
    private double[] withInterval(ToDoubleFunction<double[]> g) {
        double[] at = {fit.shape(), fit.scale(), rate()};
        double value = g.applyAsDouble(at);
        double[][] cov = fit.covariance();
        if (cov == null) {
            return new double[] {value, Double.NaN, Double.NaN};
        }
        double[] step = {1e-6, 1e-6 * at[1], 1e-6 * at[2]};
        double[] grad = new double[3];
        for (int i = 0; i < 3; i++) {
            double[] up = at.clone();
            double[] down = at.clone();
            up[i] += step[i];
            down[i] -= step[i];
            grad[i] = (g.applyAsDouble(up) - g.applyAsDouble(down)) / (2 * step[i]);
        }
        double variance = grad[0] * grad[0] * cov[0][0] + 2 * grad[0] * grad[1] * cov[0][1]
                + grad[1] * grad[1] * cov[1][1] + grad[2] * grad[2] * at[2] * (1 - at[2]) / n;
        double half = Intervals.Z95 * Math.sqrt(variance);
        return new double[] {value, value - half, value + half};
    }

    /**
     * Mean excess over {@value #MEAN_EXCESS_POINTS} thresholds evenly spaced from the smallest loss given to the
     * loss with {@value #MEAN_EXCESS_MIN_COUNT} larger ones (Coles 2001, section 4.3.1: above a threshold where the
     * GPD holds, the mean excess is linear in the threshold, with slope {@code xi / (1 - xi)}).
     */
    static List<LossReport.MeanExcess> meanExcess(double[] descending) {
        List<LossReport.MeanExcess> out = new ArrayList<>();
        int m = descending.length;
        double low = descending[m - 1];
        double high = descending[Math.min(m - 1, MEAN_EXCESS_MIN_COUNT)];
        int points = high > low ? MEAN_EXCESS_POINTS : 1;
        for (int j = 0; j < points; j++) {
            double t = points == 1 ? low : low + (high - low) * j / (points - 1);
            double sum = 0;
            int count = 0;
            while (count < m && descending[count] > t) {
                sum += descending[count++];
            }
            if (count > 0) {
                out.add(new LossReport.MeanExcess(t, sum / count - t, count));
            }
        }
        return out;
    }
}
