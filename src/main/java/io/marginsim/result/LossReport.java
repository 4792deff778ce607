package io.marginsim.result;

import java.util.List;
import java.util.Map;

/**
 * The loss distribution of a run, loss = initial equity - terminal equity per path (positive = money lost). Field
 * names are the JSON keys under {@code loss} documented in README; maps are keyed by probability level.
 *
 * @param var       nearest-rank loss quantiles (value at risk) at 0.99 and 0.999
 * @param varCi95   distribution-free 95% interval of each VaR (order statistics bracketing the quantile)
 * @param es        expected shortfall: mean of the {@code ceil((1 - p) n)} largest losses
 * @param esCi95    CLT 95% interval of each ES
 * @param esMethod  {@code exact} (every one of those losses read) or {@code sampled} (more than
 *                  {@link LossStatistics#TAIL_CAP} of them: those beyond it read at evenly spaced ranks)
 * @param tailFit   peaks-over-threshold fit of the largest losses
 */
public record LossReport(Map<String, Double> var, Map<String, double[]> varCi95, Map<String, Double> es,
                         Map<String, double[]> esCi95, Map<String, String> esMethod, TailFit tailFit) {

    /**
     * A generalised Pareto distribution fitted by maximum likelihood to the losses above a threshold. When there is
     * no usable fit the numbers are null and {@code warning} says why; {@code warning} is null when nothing is
     * doubtful.
     *
     * @param threshold     the loss above which the excesses were fitted
     * @param exceedances   losses strictly above the threshold
     * @param shape         xi; above 0 heavy-tailed, 0 exponential, below 0 bounded
     * @param scale         sigma
     * @param shapeCi95     Wald 95% interval of the shape from the observed information
     * @param quantiles     loss quantiles at 0.999 and 0.9999 from the fitted tail
     * @param quantilesCi95 delta-method 95% intervals of those quantiles
     * @param es            expected shortfall at 0.999 and 0.9999 from the fitted tail; null when the shape is 1 or
     *                      more (infinite mean)
     * @param esCi95        delta-method 95% intervals of those
     * @param meanExcess    mean excess over a grid of thresholds: roughly linear above a threshold where the GPD holds
     */
    public record TailFit(double threshold, long exceedances, Double shape, Double scale, double[] shapeCi95,
                          Map<String, Double> quantiles, Map<String, double[]> quantilesCi95,
                          Map<String, Double> es, Map<String, double[]> esCi95,
                          List<MeanExcess> meanExcess, String warning) {
    }

    /** Mean of {@code loss - threshold} over the {@code count} losses above {@code threshold}. */
    public record MeanExcess(double threshold, double meanExcess, long count) {
    }
}
