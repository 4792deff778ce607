package io.marginsim.engine;

import java.util.Arrays;
import java.util.List;

/**
 * A validated spec flattened into the arrays every engine reads: no objects, no maps, no validation left to
 * do. Engines must treat every array as read-only.
 *
 * <h2>Math (the scalar reference engine is its executable form)</h2>
 * For asset {@code a} at step {@code t = 1..steps}, with {@code z} the standard normals of
 * {@link io.marginsim.rng.ShockStream} at counter step {@code t - 1}:
 * <pre>
 *   logPrice[a] += logDrift[a] + sum_{b &lt;= a} shockLoading[a * assets + b] * z[b]
 * </pre>
 * <b>Cross mode</b> (one pool):
 * <pre>
 *   equity      = cash + sum_a valueUnits[a] * P[a] + sum_i size[i] * (P[asset[i]] - entry[i])
 *   requirement = sum_a requirementUnits[a] * P[a] + sum_i tiered_i(notional_i)
 *   shortfall   = requirement - equity
 * </pre>
 * <b>Isolated mode</b>: position {@code i} has equity {@code margin[i] + size[i] * (P - entry[i])} against its
 * own {@code tiered_i(notional_i)}, and the path's shortfall is the largest over positions.
 * {@code notional_i = |size[i]| * (markBasis[i] ? P : entry[i])} and
 * {@code tiered_i(n) = n * rate[k] - deduction[k]} for the last tier {@code k} of position {@code i} whose floor
 * is at most {@code n}.
 *
 * <p><b>Account-side mechanics</b> ({@link #frictions}): carrying costs each step and what a breach triggers
 * (latency, slippage, fee, partial liquidation, bad debt). With {@link Frictions#NONE} a breach closes the account
 * (or, isolated, the position) at the breach step's price at no cost; otherwise see {@link Frictions}.
 */
public final class CompiledProblem {
    public final int assets;
    public final int steps;
    public final double stepDays;
    public final long seed;
    public final String[] assetNames;
    public final double[] initialLogPrice;
    /** Per-step log drift {@code (mu - sigma^2 / 2) * dt}. */
    public final double[] logDrift;
    /** Lower-triangular, row-major, {@code assets x assets}: {@code diag(sigma * sqrt(dt)) * cholesky(corr)}. */
    public final double[] shockLoading;

    public final boolean isolated;
    public final double cash;
    /** Per asset: units counted in equity (collateral after haircut, minus debt). Cross mode only. */
    public final double[] valueUnits;
    /** Per asset: units whose value is added to the requirement (lending: amount x (1 - threshold)). */
    public final double[] requirementUnits;

    public final int positions;
    public final int[] positionAsset;
    public final double[] positionSize;
    public final double[] positionEntry;
    /** Isolated margin of each position (zero in cross mode). */
    public final double[] positionMargin;
    public final boolean[] markBasis;
    /** Tiers of position {@code i} are indices {@code tierStart[i] .. tierStart[i + 1] - 1}, ascending floors. */
    public final int[] tierStart;
    public final double[] tierFloor;
    public final double[] tierRate;
    public final double[] tierDeduction;
    /** Carrying costs and liquidation policy; {@link Frictions#NONE} for the plain breach model. */
    public final Frictions frictions;

    public CompiledProblem(Market market, Account account, int steps, double stepDays, long seed) {
        this(market, account, steps, stepDays, seed, Frictions.NONE);
    }

    public CompiledProblem(Market market, Account account, int steps, double stepDays, long seed, Frictions frictions) {
        this.assets = market.names().length;
        this.steps = steps;
        this.stepDays = stepDays;
        this.seed = seed;
        this.assetNames = market.names().clone();
        this.initialLogPrice = market.initialLogPrice().clone();
        this.logDrift = market.logDrift().clone();
        this.shockLoading = market.shockLoading().clone();
        this.isolated = account.isolated();
        this.cash = account.cash();
        this.valueUnits = account.valueUnits().clone();
        this.requirementUnits = account.requirementUnits().clone();
        this.positions = account.positionAsset().length;
        this.positionAsset = account.positionAsset().clone();
        this.positionSize = account.positionSize().clone();
        this.positionEntry = account.positionEntry().clone();
        this.positionMargin = account.positionMargin().clone();
        this.markBasis = account.markBasis().clone();
        this.tierStart = account.tierStart().clone();
        this.tierFloor = account.tierFloor().clone();
        this.tierRate = account.tierRate().clone();
        this.tierDeduction = account.tierDeduction().clone();
        this.frictions = frictions;
    }

    /**
     * Features this problem uses that only the scalar reference engine implements so far, named for users
     * (e.g. {@code "funding"}); empty when every engine can run it. The fast engines refuse a problem with any,
     * and {@code auto} then runs the reference instead and says why.
     */
    public List<String> referenceOnlyFeatures() {
        return frictions.features();
    }

    /** Number of Philox blocks (four normals each) drawn per step and path. */
    public int blocksPerStep() {
        return (assets + 3) / 4;
    }

    /** Tiered maintenance requirement of position {@code i} at the given notional. */
    public double tieredRequirement(int i, double notional) {
        int k = bracket(i, notional);
        return notional * tierRate[k] - tierDeduction[k];
    }

    /** Index into the tier arrays of the bracket of position {@code i} that applies at {@code notional}. */
    public int bracket(int i, double notional) {
        int k = tierStart[i];
        int end = tierStart[i + 1];
        while (k + 1 < end && tierFloor[k + 1] <= notional) {
            k++;
        }
        return k;
    }

    /** Notional of position {@code i} on the basis its rule uses. */
    public double notional(int i, double price) {
        return Math.abs(positionSize[i]) * (markBasis[i] ? price : positionEntry[i]);
    }

    /** Market half of the problem: per-asset dynamics already scaled to one step. */
    public record Market(String[] names, double[] initialLogPrice, double[] logDrift, double[] shockLoading) {
    }

    /** Account half of the problem, in the flat layout described on {@link CompiledProblem}. */
    public record Account(boolean isolated, double cash, double[] valueUnits, double[] requirementUnits,
                          int[] positionAsset, double[] positionSize, double[] positionEntry,
                          double[] positionMargin, boolean[] markBasis, int[] tierStart, double[] tierFloor,
                          double[] tierRate, double[] tierDeduction) {
    }

    @Override
    public String toString() {
        return "CompiledProblem[assets=" + Arrays.toString(assetNames) + ", positions=" + positions
                + ", steps=" + steps + ", isolated=" + isolated + "]";
    }
}
