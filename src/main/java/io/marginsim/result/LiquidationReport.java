package io.marginsim.result;

import io.marginsim.stats.LiquidationStats;
import io.marginsim.stats.RankedSample;

import java.util.Map;

/**
 * The {@code liquidation} section of a report, present only for specs with a {@code liquidation} object. Field
 * names are the JSON keys documented in README.
 *
 * @param liquidationProbability      share of paths with at least one liquidation event
 * @param liquidationProbabilityCi95  Wilson 95% interval
 * @param expectedLiquidations        mean number of liquidation events per path
 * @param liquidationLossQuantiles    quantiles over all paths (zero where nothing was liquidated) of fees +
 *                                    slippage + adverse move between breach and fill
 * @param meanLiquidationLoss         mean of the same over all paths
 * @param badDebtProbability          share of paths whose equity was negative when closed
 * @param badDebtProbabilityCi95      Wilson 95% interval
 * @param badDebtQuantiles            quantiles over all paths (zero where none) of the bad debt
 * @param meanBadDebt                 expected bad debt per path
 */
public record LiquidationReport(double liquidationProbability, double[] liquidationProbabilityCi95,
                                double expectedLiquidations, Map<String, Double> liquidationLossQuantiles,
                                double meanLiquidationLoss, double badDebtProbability, double[] badDebtProbabilityCi95,
                                Map<String, Double> badDebtQuantiles, double meanBadDebt) {

    /** Quantile levels of the liquidation loss and the bad debt: the tail is what matters. */
    public static final double[] LEVELS = {0.50, 0.90, 0.95, 0.99, 0.999};

    static LiquidationReport of(LiquidationStats s) {
        long n = s.paths();
        return new LiquidationReport((double) s.liquidatedPaths() / n,
                Intervals.wilson(s.liquidatedPaths(), n, Intervals.Z95), (double) s.events() / n,
                quantiles(s.loss()), s.meanLoss(), (double) s.badDebtPaths() / n,
                Intervals.wilson(s.badDebtPaths(), n, Intervals.Z95), quantiles(s.badDebt()), s.meanBadDebt());
    }

    private static Map<String, Double> quantiles(RankedSample sample) {
        double[] values = ReportBuilder.nearestRanks(sample, LEVELS);
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (int l = 0; l < LEVELS.length; l++) {
            out.put(ReportBuilder.key(LEVELS[l]), values[l]);
        }
        return out;
    }
}
