package io.marginsim.market;

import io.marginsim.check.SpecException;
import io.marginsim.rng.ShockStream;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The residuals of filtered historical simulation (G. Barone-Adesi, K. Giannopoulos and L. Vosper, "VaR without
 * correlations for portfolios of derivative securities", Journal of Futures Markets 19, 1999): each asset's
 * history is filtered by a GARCH(1,1), and the simulation draws whole rows of the standardised residuals, so the
 * cross-sectional dependence and the fat tails of the data come along without a parametric model.
 *
 * <p>{@code market.calibration.HistoricalFit} makes them from a price history.
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
