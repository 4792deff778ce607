package io.marginsim.stats;

import io.marginsim.problem.PathBlock;

/**
 * Mergeable liquidation outcomes of a set of paths: counts of liquidated paths, liquidation events and paths with
 * bad debt, and samples of the per-path liquidation loss and bad debt (zero on paths without any) for exact
 * quantiles. Present in {@link PathStats} only for problems with a {@code liquidation} object.
 *
 * <p>The samples are in host memory when the statistics are built from {@link PathBlock}s, or wherever an engine
 * keeps them ({@link #LiquidationStats(RankedSample, RankedSample)}), which then adds its own counts and sums
 * through {@link #addReduced} and the values to the samples.
 */
public final class LiquidationStats {
    private long paths;
    private long liquidatedPaths;
    private long events;
    private long badDebtPaths;
    private double lossSum;
    private double badDebtSum;
    private final RankedSample loss;
    private final RankedSample badDebt;

    /** Empty statistics whose samples live in host memory. */
    public LiquidationStats() {
        this(new ArraySample(), new ArraySample());
    }

    /** Empty statistics over two empty samples that an engine fills itself. */
    public LiquidationStats(RankedSample loss, RankedSample badDebt) {
        if (loss.size() != 0 || badDebt.size() != 0) {
            throw new IllegalArgumentException("samples must start empty but held " + loss.size() + " and "
                    + badDebt.size() + " values");
        }
        this.loss = loss;
        this.badDebt = badDebt;
    }

    /**
     * Adds {@code count} paths already reduced by an engine to counts and sums (so that per-path outcomes need not
     * leave its device); the engine adds their values to the samples it passed to the constructor.
     */
    public void addReduced(long count, long liquidatedPaths, long events, long badDebtPaths, double lossSum,
                           double badDebtSum) {
        paths += count;
        this.liquidatedPaths += liquidatedPaths;
        this.events += events;
        this.badDebtPaths += badDebtPaths;
        this.lossSum += lossSum;
        this.badDebtSum += badDebtSum;
    }

    /** Outcomes read back by {@link PathStatsEncoding}: counts and sums as they were, samples of {@code paths} values. */
    LiquidationStats(long paths, long liquidatedPaths, long events, long badDebtPaths, double lossSum,
                     double badDebtSum, double[] loss, double[] badDebt) {
        this();
        this.paths = paths;
        this.liquidatedPaths = liquidatedPaths;
        this.events = events;
        this.badDebtPaths = badDebtPaths;
        this.lossSum = lossSum;
        this.badDebtSum = badDebtSum;
        ((ArraySample) this.loss).addAll(loss, loss.length);
        ((ArraySample) this.badDebt).addAll(badDebt, badDebt.length);
    }

    void add(PathBlock block) {
        if (!(loss instanceof ArraySample lossValues) || !(badDebt instanceof ArraySample badDebtValues)) {
            throw new IllegalArgumentException("per-path blocks go into host samples, but these liquidation "
                    + "statistics keep theirs in " + loss.getClass().getSimpleName());
        }
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
        lossValues.addAll(block.liquidationLoss, block.size());
        badDebtValues.addAll(block.badDebt, block.size());
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

    /** Frees the samples' device memory, if any. */
    void close() {
        loss.close();
        badDebt.close();
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
