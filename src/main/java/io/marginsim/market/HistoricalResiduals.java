package io.marginsim.market;

import io.marginsim.market.calibration.Calibration;
import io.marginsim.market.calibration.GarchFit;
import io.marginsim.market.calibration.ModelFit;
import io.marginsim.market.calibration.PriceSeries;
import io.marginsim.rng.ShockStream;
import io.marginsim.spec.SpecException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The residuals of filtered historical simulation (G. Barone-Adesi, K. Giannopoulos and L. Vosper, "VaR without
 * correlations for portfolios of derivative securities", Journal of Futures Markets 19, 1999): each asset's
 * history is filtered by a GARCH(1,1), and the simulation draws whole rows of the standardised residuals, so the
 * cross-sectional dependence and the fat tails of the data come along without a parametric model.
 *
 * <p>{@link #fit} makes them from a price history: per asset {@link GarchFit} (Gaussian QMLE on the demeaned log
 * returns), {@code z_t = (r_t - mean) / sqrt(h_t)} ({@link GarchFit#standardizedResiduals}), then each column is
 * shifted and scaled to sample mean 0 and variance 1 (divisor {@code T}), so that the bootstrapped innovation has
 * exactly the unit variance the simulation's GARCH recursion assumes.
 *
 * @param source    where the rows came from (a file name), for messages and reports
 * @param rows      number of residual rows {@code T} (>= 1)
 * @param residuals row-major {@code T x assets}, row {@code t} holding every asset's residual of date {@code t}
 * @param fitted    per asset, the GARCH(1,1) fitted to its history in the spec's units (annual {@code omega},
 *                  per-step {@code alpha}, {@code beta}) starting at the filter's forecast for the step after the
 *                  history; empty when the residuals were given directly
 */
public record HistoricalResiduals(String source, int rows, double[] residuals, List<Garch> fitted) {
    public HistoricalResiduals {
        if (rows < 1 || residuals.length % rows != 0 || residuals.length == 0) {
            throw new SpecException("historical", "must hold rows x assets residuals (at least one row) but had "
                    + residuals.length + " values for " + rows + " rows");
        }
        for (double r : residuals) {
            if (!Double.isFinite(r)) {
                throw new SpecException("historical", "residuals must be finite but one was " + r);
            }
        }
        residuals = residuals.clone();
        fitted = List.copyOf(fitted);
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

    @Override
    public double[] residuals() {
        return residuals.clone();
    }

    /** Number of assets per row. */
    public int assets() {
        return residuals.length / rows;
    }

    /**
     * The row index bootstrapped for one (step, path): {@code floor(uniform(w0) T)} with {@code w0} word 0 of block
     * 0 of stream {@link ShockStream#BOOTSTRAP}; clamped to {@code T - 1} against rounding.
     */
    public static int row(int word, int rows) {
        return Math.min((int) (ShockStream.uniform(word) * rows), rows - 1);
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

    /** Value equality: a record compares arrays by identity otherwise. */
    @Override
    public boolean equals(Object o) {
        return o instanceof HistoricalResiduals h && source.equals(h.source) && rows == h.rows
                && Arrays.equals(residuals, h.residuals) && fitted.equals(h.fitted);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, rows, Arrays.hashCode(residuals), fitted);
    }
}
