package io.marginsim.market.calibration;

import io.marginsim.check.SpecException;
import io.marginsim.market.Garch;
import io.marginsim.market.GbmMarket;
import io.marginsim.market.HistoricalResiduals;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes {@link HistoricalResiduals} from a price history: per asset {@link GarchFit} (Gaussian QMLE on the demeaned
 * log returns), {@code z_t = (r_t - mean) / sqrt(h_t)} ({@link GarchFit#standardizedResiduals}), then each column is
 * shifted and scaled to sample mean 0 and variance 1 (divisor {@code T}), so that the bootstrapped innovation has
 * exactly the unit variance the simulation's GARCH recursion assumes.
 */
public final class HistoricalFit {
    private HistoricalFit() {
    }

    /**
     * Filters a price history and returns its standardised residuals in the order of {@code assets}.
     *
     * @param assets the spec's asset names; each must be a column of {@code series}
     * @param source the file as the spec names it, for messages
     */
    public static HistoricalResiduals fit(PriceSeries series, List<String> assets, String source) {
        int n = assets.size();
        int[] column = new int[n];
        for (int a = 0; a < n; a++) {
            column[a] = series.names().indexOf(assets.get(a));
            if (column[a] < 0) {
                throw new SpecException("prices", "must have a column for every asset of the spec but " + source
                        + " has no column \"" + assets.get(a) + "\" (its columns: " + series.names() + ")");
            }
        }
        int rows = series.rows() - 1;
        double dt = series.intervalDays() / GbmMarket.DAYS_PER_YEAR;
        double[] residuals = new double[rows * n];
        List<Garch> fitted = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            double[] r = series.logReturns(column[a]);
            // the threshold calibrate uses: below it the returns are the rounding of a constant (or constantly growing)
            // price, whose GARCH fit and standardised residuals would be noise
            if (!(Math.sqrt(variance(r)) >= Calibration.MIN_RETURN_STDEV)) {
                throw new SpecException("prices", "must vary: every log return of column \"" + assets.get(a)
                        + "\" in " + source + " is the same (to rounding), which leaves no residual to bootstrap");
            }
            ModelFit garch = GarchFit.fit(r, series.intervalDays());
            double[] z = standardised(GarchFit.standardizedResiduals(r, garch));
            for (int t = 0; t < rows; t++) {
                residuals[t * n + a] = z[t];
            }
            fitted.add(annualised(garch, r, dt));
        }
        return new HistoricalResiduals(source, rows, residuals, fitted);
    }

    /**
     * The fit in the spec's units: {@code omega / dt} annual, {@code alpha} and {@code beta} as fitted, and the
     * initial volatility {@code sqrt(h_{T+1} / dt)} from the filter's forecast past the last return.
     */
    private static Garch annualised(ModelFit garch, double[] r, double dt) {
        double[] h = GarchFit.conditionalVariances(r, garch);
        return new Garch(garch.get("omega") / dt, garch.get("alpha"), garch.get("beta"), Math.sqrt(h[r.length] / dt));
    }

    private static double[] standardised(double[] z) {
        double mean = 0;
        for (double v : z) {
            mean += v;
        }
        mean /= z.length;
        double sd = Math.sqrt(variance(z));
        double[] out = new double[z.length];
        for (int t = 0; t < z.length; t++) {
            out[t] = (z[t] - mean) / sd;
        }
        return out;
    }

    /** Variance with divisor {@code T}. */
    private static double variance(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return s / x.length;
    }
}
