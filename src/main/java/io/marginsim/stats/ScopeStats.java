package io.marginsim.stats;

import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ScopeBlock;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Mergeable per-scope statistics of a set of paths, for accounts with several margin scopes (isolated positions):
 * each scope's first-breach counts by step (exact), sums of its equity at close and, with liquidation mechanics, of
 * its liquidation loss and bad debt; and which scope breached first on each breached path. Counts and sums only, so
 * memory is {@code scopes * (steps + 1)} counters whatever the number of paths.
 *
 * <p>First means the earliest breach step. Several scopes breaching at the same step (one price move taking two
 * positions on the same asset past their barriers) are counted as a tie rather than given to either, so the shares
 * per scope plus the tie share add up to the account's breach probability.
 */
public final class ScopeStats {
    private final int scopes;
    private final int steps;
    private final double[] initialEquity;
    private final boolean liquidation;
    private long paths;
    /** {@code breachesAtStep[s * (steps + 1) + t]}: paths whose scope {@code s} first breaches at step {@code t}. */
    private final long[] breachesAtStep;
    /** Paths on which scope {@code s} breached strictly before every other scope. */
    private final long[] firstAlone;
    /** Paths on which two or more scopes breached at the earliest breach step. */
    private long tiedFirst;
    private final double[] closeEquitySum;
    /** Sum of the equity at close over the paths where the scope breached. */
    private final double[] breachedCloseEquitySum;
    private final double[] liquidationLossSum;
    private final double[] badDebtSum;
    private final long[] badDebtPaths;

    /** Empty statistics of {@code initialEquity.length} scopes with these starting equities. */
    public ScopeStats(int steps, double[] initialEquity, boolean liquidation) {
        if (steps < 1 || initialEquity.length < 1) {
            throw new IllegalArgumentException("steps and scopes must be >= 1 but were " + steps + " and "
                    + initialEquity.length);
        }
        this.steps = steps;
        this.scopes = initialEquity.length;
        this.initialEquity = initialEquity.clone();
        this.liquidation = liquidation;
        breachesAtStep = new long[scopes * (steps + 1)];
        firstAlone = new long[scopes];
        closeEquitySum = new double[scopes];
        breachedCloseEquitySum = new double[scopes];
        int tracked = liquidation ? scopes : 0;
        liquidationLossSum = new double[tracked];
        badDebtSum = new double[tracked];
        badDebtPaths = new long[tracked];
    }

    /** Empty statistics shaped for the scopes of {@code block}. */
    static ScopeStats like(int steps, ScopeBlock block) {
        return new ScopeStats(steps, block.initialEquity, block.tracksLiquidation);
    }

    /** Empty statistics of the same scopes as {@code other}. */
    static ScopeStats like(ScopeStats other) {
        return new ScopeStats(other.steps, other.initialEquity, other.liquidation);
    }

    /** Adds every path of {@code block}, which an engine must have written in full. */
    void add(ScopeBlock block) {
        requireSameShape(block.initialEquity, block.tracksLiquidation);
        int size = block.size();
        for (int slot = 0; slot < size; slot++) {
            int earliest = Integer.MAX_VALUE;
            int first = -1;
            boolean tied = false;
            for (int s = 0; s < scopes; s++) {
                int k = block.at(slot, s);
                int step = block.breachStep[k];
                if (step == ScopeBlock.UNWRITTEN || step > steps || step < 0) {
                    throw new IllegalStateException("scope " + s + " of path " + slot + " has breach step " + step
                            + ": the engine did not write every scope's outcome");
                }
                double equity = block.closeEquity[k];
                closeEquitySum[s] += equity;
                if (step != PathBlock.NO_BREACH) {
                    breachesAtStep[s * (steps + 1) + step]++;
                    breachedCloseEquitySum[s] += equity;
                    if (step < earliest) {
                        earliest = step;
                        first = s;
                        tied = false;
                    } else if (step == earliest) {
                        tied = true;
                    }
                }
                if (liquidation) {
                    liquidationLossSum[s] += block.liquidationLoss[k];
                    badDebtSum[s] += block.badDebt[k];
                    if (block.badDebt[k] > 0) {
                        badDebtPaths[s]++;
                    }
                }
            }
            if (tied) {
                tiedFirst++;
            } else if (first >= 0) {
                firstAlone[first]++;
            }
        }
        paths += size;
    }

    /** Adds the paths of {@code other}, which must describe the same scopes. */
    void merge(ScopeStats other) {
        if (other.steps != steps) {
            throw new IllegalArgumentException("cannot merge scope statistics of " + other.steps + " steps into "
                    + steps);
        }
        requireSameShape(other.initialEquity, other.liquidation);
        paths += other.paths;
        add(breachesAtStep, other.breachesAtStep);
        add(firstAlone, other.firstAlone);
        tiedFirst += other.tiedFirst;
        add(closeEquitySum, other.closeEquitySum);
        add(breachedCloseEquitySum, other.breachedCloseEquitySum);
        add(liquidationLossSum, other.liquidationLossSum);
        add(badDebtSum, other.badDebtSum);
        add(badDebtPaths, other.badDebtPaths);
    }

    private void requireSameShape(double[] equity, boolean withLiquidation) {
        if (!Arrays.equals(equity, initialEquity) || withLiquidation != liquidation) {
            throw new IllegalArgumentException("scope statistics of " + equity.length + " scopes starting at "
                    + Arrays.toString(equity) + (withLiquidation ? " with" : " without")
                    + " liquidation outcomes cannot join those of " + scopes + " scopes starting at "
                    + Arrays.toString(initialEquity));
        }
    }

    private static void add(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    private static void add(double[] into, double[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    public int scopes() {
        return scopes;
    }

    public int steps() {
        return steps;
    }

    public long paths() {
        return paths;
    }

    public boolean tracksLiquidation() {
        return liquidation;
    }

    /** Scope {@code s}'s equity at the start. */
    public double initialEquity(int s) {
        return initialEquity[s];
    }

    /** Copy of scope {@code s}'s first-breach counts by step; index 0 is always zero. */
    public long[] breachesAtStep(int s) {
        return Arrays.copyOfRange(breachesAtStep, s * (steps + 1), (s + 1) * (steps + 1));
    }

    /** Paths on which scope {@code s} breached. */
    public long breaches(int s) {
        long sum = 0;
        for (int t = 1; t <= steps; t++) {
            sum += breachesAtStep[s * (steps + 1) + t];
        }
        return sum;
    }

    /** Paths on which scope {@code s} breached strictly before every other scope. */
    public long firstAlone(int s) {
        return firstAlone[s];
    }

    /** Paths on which two or more scopes breached first, at the same step. */
    public long tiedFirst() {
        return tiedFirst;
    }

    /** Mean over all paths of scope {@code s}'s loss at close: its starting equity less its equity when closed. */
    public double meanLoss(int s) {
        return paths == 0 ? Double.NaN : initialEquity[s] - closeEquitySum[s] / paths;
    }

    /** Mean of the same over the paths where scope {@code s} breached; NaN when it never did. */
    public double meanLossGivenBreach(int s) {
        long n = breaches(s);
        return n == 0 ? Double.NaN : initialEquity[s] - breachedCloseEquitySum[s] / n;
    }

    /** Mean liquidation loss of scope {@code s} per path; NaN without liquidation outcomes. */
    public double meanLiquidationLoss(int s) {
        return liquidation && paths > 0 ? liquidationLossSum[s] / paths : Double.NaN;
    }

    /** Mean bad debt of scope {@code s} per path; NaN without liquidation outcomes. */
    public double meanBadDebt(int s) {
        return liquidation && paths > 0 ? badDebtSum[s] / paths : Double.NaN;
    }

    /** Paths on which scope {@code s} closed with negative equity; zero without liquidation outcomes. */
    public long badDebtPaths(int s) {
        return liquidation ? badDebtPaths[s] : 0;
    }

    /** Bytes {@link #writeTo} takes. */
    int encodedSize() {
        int perScope = 8 * (steps + 1) + 8 + 8 + 8 + 8 + (liquidation ? 24 : 0);
        return 4 + 1 + 8 + 8 + scopes * perScope;
    }

    /**
     * Writes these statistics for {@link #readFrom}: the scopes' starting equities first, so that the reader can
     * shape its statistics before the counts (as they are) and sums (IEEE 754 bits) follow.
     */
    void writeTo(ByteBuffer out) {
        out.putInt(scopes).put((byte) (liquidation ? 1 : 0)).putLong(paths).putLong(tiedFirst);
        for (double equity : initialEquity) {
            out.putDouble(equity);
        }
        for (int s = 0; s < scopes; s++) {
            out.putLong(firstAlone[s]).putDouble(closeEquitySum[s]).putDouble(breachedCloseEquitySum[s]);
            for (int t = 0; t <= steps; t++) {
                out.putLong(breachesAtStep[s * (steps + 1) + t]);
            }
            if (liquidation) {
                out.putDouble(liquidationLossSum[s]).putDouble(badDebtSum[s]).putLong(badDebtPaths[s]);
            }
        }
    }

    /** Statistics of {@code steps} steps as {@link #writeTo} wrote them. */
    static ScopeStats readFrom(ByteBuffer in, int steps) {
        int scopes = in.getInt();
        if (scopes < 1 || (long) scopes * (steps + 1) * 8 > in.remaining()) {
            throw new IllegalArgumentException("bytes must hold the statistics of at least one scope but say "
                    + scopes + " scopes with " + in.remaining() + " bytes left");
        }
        boolean liquidation = in.get() == 1;
        long paths = in.getLong();
        long tied = in.getLong();
        double[] equity = new double[scopes];
        for (int s = 0; s < scopes; s++) {
            equity[s] = in.getDouble();
        }
        ScopeStats stats = new ScopeStats(steps, equity, liquidation);
        stats.paths = paths;
        stats.tiedFirst = tied;
        for (int s = 0; s < scopes; s++) {
            stats.firstAlone[s] = in.getLong();
            stats.closeEquitySum[s] = in.getDouble();
            stats.breachedCloseEquitySum[s] = in.getDouble();
            for (int t = 0; t <= steps; t++) {
                stats.breachesAtStep[s * (steps + 1) + t] = in.getLong();
            }
            if (liquidation) {
                stats.liquidationLossSum[s] = in.getDouble();
                stats.badDebtSum[s] = in.getDouble();
                stats.badDebtPaths[s] = in.getLong();
            }
        }
        return stats;
    }
}
