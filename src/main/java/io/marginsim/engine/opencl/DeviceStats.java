package io.marginsim.engine.opencl;

import io.marginsim.problem.BreachBins;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.stats.LiquidationStats;
import io.marginsim.stats.PathStats;

/**
 * The statistics of one run and the device samples behind them, which the chunk slots fill: worst shortfall and
 * terminal equity always, liquidation loss and bad debt (with the liquidation counts and sums) when the problem has
 * a {@code liquidation} object, as {@link io.marginsim.problem.PathBlock#forProblem} tracks them.
 *
 * @param liquidation null, like {@code loss} and {@code badDebt}, for a problem without liquidation outcomes
 */
record DeviceStats(PathStats stats, DeviceSample worst, DeviceSample terminal, LiquidationStats liquidation,
                   DeviceSample loss, DeviceSample badDebt) {

    static DeviceStats create(RadixSelect select, CompiledProblem problem) {
        DeviceSample worst = new DeviceSample(select);
        DeviceSample terminal = new DeviceSample(select);
        int bins = BreachBins.perStep(problem.monitoring);
        if (problem.frictions.liquidation() == null) {
            return new DeviceStats(new PathStats(problem.steps, bins, worst, terminal), worst, terminal, null, null,
                    null);
        }
        DeviceSample loss = new DeviceSample(select);
        DeviceSample badDebt = new DeviceSample(select);
        LiquidationStats liquidation = new LiquidationStats(loss, badDebt);
        return new DeviceStats(new PathStats(problem.steps, bins, worst, terminal, liquidation), worst, terminal,
                liquidation, loss, badDebt);
    }

    boolean tracksLiquidation() {
        return liquidation != null;
    }
}
