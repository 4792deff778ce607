package io.marginsim.market.calibration;

import io.marginsim.check.SpecException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every fit of a price series: per asset GBM (moments), Student-t, GARCH(1,1) and Merton jumps, all on the same
 * log returns so their AICs compare; the return correlation; and with two or more assets DCC(1,1) against
 * constant correlation on the GARCH-standardised residuals.
 *
 * @param dcc                 null with one asset
 * @param constantCorrelation null with one asset
 */
public record Calibration(PriceSeries series, List<AssetFits> assets, ReturnCorrelation correlation, ModelFit dcc,
                          ModelFit constantCorrelation) {

    /** The fits of one asset. */
    public record AssetFits(String name, double lastPrice, ModelFit gbm, ModelFit studentT, ModelFit garch,
                            ModelFit merton) {
        public List<ModelFit> models() {
            return List.of(gbm, studentT, garch, merton);
        }

        /** The model with the smallest AIC. */
        public ModelFit preferred() {
            return models().stream().min(Comparator.comparingDouble(ModelFit::aic)).orElseThrow();
        }
    }

    /**
     * Log returns with a smaller standard deviation than this never vary: what remains is the rounding of a constant
     * (or constantly growing) price, which no likelihood can be fitted to.
     */
    public static final double MIN_RETURN_STDEV = 1e-10;
    /** Per model, the parameters {@link CalibrationReport#fragment} writes. */
    private static final Map<String, List<String>> WRITTEN = Map.of("gbm", List.of("volatility", "drift"),
            "student-t", List.of("degreesOfFreedom"), "garch", List.of("omega", "alpha", "beta"),
            "merton", List.of("jumpIntensity", "jumpMean", "jumpStdev"));

    /**
     * Fits every model; a {@link SpecException} naming the column when its returns never vary or when a fit it
     * would hand on (the fragment's values, every log-likelihood) is not a finite number, so no such value is ever
     * printed or written.
     */
    public static Calibration of(PriceSeries series) {
        int k = series.names().size();
        double interval = series.intervalDays();
        List<AssetFits> assets = new ArrayList<>();
        double[][] returns = new double[k][];
        double[][] residuals = new double[k][];
        for (int a = 0; a < k; a++) {
            returns[a] = series.logReturns(a);
            String column = series.source() + " column " + series.names().get(a);
            double stdev = Math.sqrt(MaximumLikelihood.variance(returns[a]));
            if (!(stdev >= MIN_RETURN_STDEV)) {
                throw new SpecException(column, "must vary to be calibrated but its log returns never vary (standard "
                        + "deviation " + (stdev == 0 ? "0" : String.format(Locale.ROOT, "%.3g", stdev))
                        + ", below 1e-10), so there is nothing to fit");
            }
            ModelFit garch = GarchFit.fit(returns[a], interval);
            residuals[a] = GarchFit.standardizedResiduals(returns[a], garch);
            AssetFits fits = new AssetFits(series.names().get(a), series.lastPrice(a), GbmFit.fit(returns[a], interval),
                    StudentTFit.fit(returns[a], interval), garch, MertonJumpFit.fit(returns[a], interval));
            for (ModelFit m : fits.models()) {
                requireFinite(column, m, WRITTEN.get(m.model()));
            }
            assets.add(fits);
        }
        ReturnCorrelation correlation = ReturnCorrelation.estimate(returns);
        ModelFit dcc = k >= 2 ? DccFit.fit(residuals) : null;
        ModelFit constant = k >= 2 ? DccFit.constant(residuals) : null;
        if (dcc != null) {
            requireFinite(series.source(), dcc, List.of("a", "b"));
            requireFinite(series.source(), constant, List.of());
        }
        return new Calibration(series, List.copyOf(assets), correlation, dcc, constant);
    }

    /**
     * Refuses a fit whose log-likelihood or one of the {@code written} parameters (those the fragment carries) is not
     * finite: a log-likelihood at {@link MaximumLikelihood#IMPOSSIBLE} means no parameters of the model could explain
     * the data at all.
     */
    static void requireFinite(String column, ModelFit m, List<String> written) {
        if (!(m.logLikelihood() > MaximumLikelihood.IMPOSSIBLE / 2) || Double.isInfinite(m.logLikelihood())) {
            throw new SpecException(column, "must have returns the " + m.model() + " model can be fitted to but its "
                    + "log-likelihood came out as " + (Double.isNaN(m.logLikelihood()) ? "NaN"
                    : m.logLikelihood() > 0 ? "infinity" : "minus infinity (a likelihood of 0)")
                    + " (prices too extreme to fit)");
        }
        for (String name : written) {
            if (!Double.isFinite(m.get(name))) {
                throw new SpecException(column, "must have returns the " + m.model() + " model can be fitted to but "
                        + "its " + name + " came out as " + m.get(name) + " (prices too extreme to fit)");
            }
        }
    }

    /** DCC or constant correlation, whichever has the smaller AIC; null with one asset. */
    public ModelFit preferredCorrelationModel() {
        if (dcc == null) {
            return null;
        }
        return dcc.aic() < constantCorrelation.aic() ? dcc : constantCorrelation;
    }
}
