package io.marginsim.market.calibration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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

    public static Calibration of(PriceSeries series) {
        int k = series.names().size();
        double interval = series.intervalDays();
        List<AssetFits> assets = new ArrayList<>();
        double[][] returns = new double[k][];
        double[][] residuals = new double[k][];
        for (int a = 0; a < k; a++) {
            returns[a] = series.logReturns(a);
            ModelFit garch = GarchFit.fit(returns[a], interval);
            residuals[a] = GarchFit.standardizedResiduals(returns[a], garch);
            assets.add(new AssetFits(series.names().get(a), series.lastPrice(a), GbmFit.fit(returns[a], interval),
                    StudentTFit.fit(returns[a], interval), garch, MertonJumpFit.fit(returns[a], interval)));
        }
        ReturnCorrelation correlation = ReturnCorrelation.estimate(returns);
        ModelFit dcc = k >= 2 ? DccFit.fit(residuals) : null;
        ModelFit constant = k >= 2 ? DccFit.constant(residuals) : null;
        return new Calibration(series, List.copyOf(assets), correlation, dcc, constant);
    }

    /** DCC or constant correlation, whichever has the smaller AIC; null with one asset. */
    public ModelFit preferredCorrelationModel() {
        if (dcc == null) {
            return null;
        }
        return dcc.aic() < constantCorrelation.aic() ? dcc : constantCorrelation;
    }
}
