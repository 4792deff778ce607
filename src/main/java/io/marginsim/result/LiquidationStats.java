package io.marginsim.result;

import io.marginsim.engine.PathBlock;

/**
 * Mergeable liquidation outcomes of a set of paths: counts of liquidated paths, liquidation events and paths with
 * bad debt, and host samples of the per-path liquidation loss and bad debt (zero on paths without any) for exact
 * quantiles. Present in {@link PathStats} only for problems with a {@code liquidation} object.
 */
public final class LiquidationStats {
    private long paths;
    private long liquidatedPaths;
    private long events;
    private long badDebtPaths;
    private double lossSum;
    private double badDebtSum;
    private final ArraySample loss = new ArraySample();
    private final ArraySample badDebt = new ArraySample();

    LiquidationStats() {
    }

    /** Outcomes read back by {@link PathStatsEncoding}: counts and sums as they were, samples of {@code paths} values. */
    LiquidationStats(long paths, long liquidatedPaths, long events, long badDebtPaths, double lossSum,
                     double badDebtSum, double[] loss, double[] badDebt) {
        this.paths = paths;
        this.liquidatedPaths = liquidatedPaths;
        this.events = events;
        this.badDebtPaths = badDebtPaths;
        this.lossSum = lossSum;
        this.badDebtSum = badDebtSum;
        this.loss.addAll(loss, loss.length);
        this.badDebt.addAll(badDebt, badDebt.length);
    }

    void add(PathBlock block) {
        for (int i = 0; i < block.size(); i++) {
            if (block.liquidations[i] > 0) {
                liquidatedPaths++;
            }
            events += block.liquidations[i];
            if (block.badDebt[i] > 0) {
                badDebtPaths++;
            }
            lossSum += block.liquidationLoss[i];
            badDebtSum += block.badDebt[i];
        }
        loss.addAll(block.liquidationLoss, block.size());
        badDebt.addAll(block.badDebt, block.size());
        paths += block.size();
    }

    void merge(LiquidationStats other) {
        paths += other.paths;
        liquidatedPaths += other.liquidatedPaths;
        events += other.events;
        badDebtPaths += other.badDebtPaths;
        lossSum += other.lossSum;
        badDebtSum += other.badDebtSum;
        loss.addAll(other.loss);
        badDebt.addAll(other.badDebt);
    }

    public long paths() {
        return paths;
    }

    /** Paths with at least one liquidation event. */
    public long liquidatedPaths() {
        return liquidatedPaths;
    }

    /** Liquidation events over all paths. */
    public long events() {
        return events;
    }

    /** Paths whose equity was below zero when the account (or a position, isolated) was closed. */
    public long badDebtPaths() {
        return badDebtPaths;
    }

    /** Fees + slippage + adverse move during latency, per path. */
    public RankedSample loss() {
        return loss;
    }

    /** Bad debt per path, zero on paths without any. */
    public RankedSample badDebt() {
        return badDebt;
    }

    /** Sum of the liquidation loss over all paths, as accumulated (for encoding; {@link #meanLoss} divides it). */
    double lossSum() {
        return lossSum;
    }

    /** Sum of the bad debt over all paths, as accumulated. */
    double badDebtSum() {
        return badDebtSum;
    }

    /**
     * Mean bad debt per path. Summed in double as chunks finish, so the last bits may differ between chunk sizes;
     * quantiles are exact order statistics and do not.
     */
    public double meanBadDebt() {
        return paths == 0 ? Double.NaN : badDebtSum / paths;
    }

    /** Mean liquidation loss per path, summed like {@link #meanBadDebt}. */
    public double meanLoss() {
        return paths == 0 ? Double.NaN : lossSum / paths;
    }
}
