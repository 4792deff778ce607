package io.marginsim.stats;

import io.marginsim.problem.BreachBins;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ScopeBlock;

/**
 * Mergeable statistics of a set of paths: first-breach counts by step and by bin within the step ({@link BreachBins}:
 * one bin a step under discrete monitoring, the crossing time's under continuous; exact), and the worst-shortfall and
 * terminal-equity samples from which exact quantiles are taken. Merging is associative and commutative up to
 * the order of samples, which quantiles ignore, so chunks, threads and devices can be combined freely.
 *
 * <p>The breach histogram costs one counter per bin of each step. The samples cost one value per path each, held
 * where the engine put them: host arrays for CPU engines, device memory for the OpenCL engine. Close the statistics
 * when done with them so that device memory is freed at once.
 */
public final class PathStats implements AutoCloseable {
    private final int steps;
    /** Bins of each step in {@link #breachesAtSlot}. */
    private final int binsPerStep;
    private long paths;
    /** {@code breachesAtSlot[k]}: paths whose first breach is in slot {@code k} ({@link BreachBins}; 0 unused). */
    private final long[] breachesAtSlot;
    private final RankedSample worstShortfall;
    private final RankedSample terminalEquity;
    /** Null unless paths with liquidation outcomes were added (problems with a {@code liquidation} object). */
    private LiquidationStats liquidation;
    /**
     * Each isolated position's statistics, present only while every path added so far carried them: an engine
     * that reduces paths itself ({@link #addBreaches}) does not compute them, and a merge with its paths drops them.
     */
    private ScopeStats scopes;
    private boolean scopesComplete = true;

    /**
     * Bytes of memory the per-path samples of one path take: 8 per value, in two samples (worst shortfall and
     * terminal equity) and two more with liquidation outcomes (loss and bad debt), counted twice because a growing
     * or merged sample is copied while the original is still held. Per-position statistics ({@link ScopeStats}) add
     * nothing per path: counts and sums per position and step, and per-path outcomes only for the chunk in flight.
     */
    public static long bytesPerPath(boolean liquidation) {
        return 2L * Double.BYTES * (liquidation ? 4 : 2);
    }

    /** Empty statistics of whole steps (one bin a step) whose samples live in host memory. */
    public PathStats(int steps) {
        this(steps, 1);
    }

    /** Empty statistics with {@code binsPerStep} bins a step whose samples live in host memory. */
    public PathStats(int steps, int binsPerStep) {
        this(steps, binsPerStep, new ArraySample(), new ArraySample(), null);
    }

    /**
     * Empty statistics over samples an engine fills itself; the engine adds each path's values to the samples and
     * its breach step through {@link #addBreaches}, so that {@link #paths()} equals the samples' size.
     */
    public PathStats(int steps, int binsPerStep, RankedSample worstShortfall, RankedSample terminalEquity) {
        this(steps, binsPerStep, worstShortfall, terminalEquity, null);
    }

    /**
     * As {@link #PathStats(int, int, RankedSample, RankedSample)} with liquidation outcomes the engine fills itself
     * (through {@link LiquidationStats#addReduced} and its samples), for problems with a {@code liquidation} object;
     * closing these statistics closes its samples too.
     *
     * @param liquidation empty, or null for a problem without liquidation outcomes
     */
    public PathStats(int steps, int binsPerStep, RankedSample worstShortfall, RankedSample terminalEquity,
                     LiquidationStats liquidation) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1 but was " + steps);
        }
        if (binsPerStep < 1 || (long) steps * binsPerStep >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("binsPerStep must be >= 1 with fewer than 2^31 bins in all but was "
                    + binsPerStep + " for " + steps + " steps");
        }
        if (worstShortfall.size() != 0 || terminalEquity.size() != 0) {
            throw new IllegalArgumentException("samples must start empty but held " + worstShortfall.size()
                    + " and " + terminalEquity.size() + " values");
        }
        this.steps = steps;
        this.binsPerStep = binsPerStep;
        this.breachesAtSlot = new long[steps * binsPerStep + 1];
        if (liquidation != null && liquidation.paths() != 0) {
            throw new IllegalArgumentException("liquidation outcomes must start empty but covered "
                    + liquidation.paths() + " paths");
        }
        this.worstShortfall = worstShortfall;
        this.terminalEquity = terminalEquity;
        this.liquidation = liquidation;
    }

    /** Statistics of one block of per-path outcomes by whole steps, in host memory. */
    public static PathStats of(int steps, PathBlock block) {
        return of(steps, 1, block);
    }

    /** Statistics of one block of per-path outcomes with {@code binsPerStep} bins a step, in host memory. */
    public static PathStats of(int steps, int binsPerStep, PathBlock block) {
        PathStats stats = new PathStats(steps, binsPerStep);
        stats.add(block);
        return stats;
    }

    /** Adds every path of {@code block}; only for statistics whose samples are in host memory. */
    public void add(PathBlock block) {
        if (!(worstShortfall instanceof ArraySample worst) || !(terminalEquity instanceof ArraySample terminal)) {
            throw new IllegalArgumentException("per-path blocks go into host samples, but these statistics keep "
                    + "their samples in " + worstShortfall.getClass().getSimpleName());
        }
        for (int i = 0; i < block.size(); i++) {
            int step = block.firstBreachStep[i];
            if (step != PathBlock.NO_BREACH) {
                breachesAtSlot[BreachBins.slot(step, block.breachFraction[i], binsPerStep)]++;
            }
        }
        if (block.tracksLiquidation) {
            liquidationForAdding().add(block);
        } else if (liquidation != null && block.size() > 0) {
            throw new IllegalArgumentException("a block without liquidation outcomes cannot join statistics that have them");
        }
        worst.addAll(block.worstShortfall, block.size());
        terminal.addAll(block.terminalEquity, block.size());
        if (block.size() > 0) {
            addScopes(block.scopes);
        }
        paths += block.size();
    }

    /**
     * Adds {@code count} paths already reduced to first-breach counts by an engine (so per-path breach steps
     * need not leave the device); the engine adds their values to the samples it passed to the constructor.
     *
     * @param breachesAtSlot {@code steps * binsPerStep + 1} counts by slot ({@link BreachBins}), index 0 unused and
     *                       zero
     */
    public void addBreaches(long[] breachesAtSlot, long count) {
        addBreaches(breachesAtSlot, count, null);
    }

    /**
     * As {@link #addBreaches(long[], long)}, with the paths' per-position outcomes in {@code scopes} (host memory, one
     * chunk of paths), or null for an engine that does not compute them for these paths.
     */
    public void addBreaches(long[] breachesAtSlot, long count, ScopeBlock scopes) {
        if (scopes != null && scopes.size() != count) {
            throw new IllegalArgumentException("scopes must hold the " + count + " paths added but held "
                    + scopes.size());
        }
        if (breachesAtSlot.length != this.breachesAtSlot.length || breachesAtSlot[0] != 0) {
            throw new IllegalArgumentException("breachesAtSlot must have " + this.breachesAtSlot.length
                    + " counts with index 0 zero but had " + breachesAtSlot.length);
        }
        for (int k = 1; k < breachesAtSlot.length; k++) {
            this.breachesAtSlot[k] += breachesAtSlot[k];
        }
        if (count > 0) {
            addScopes(scopes);
        }
        paths += count;
    }

    /**
     * Adds the paths of {@code other}, which must have the same number of steps and bins and samples that can be
     * combined with these (host with host, or device with device of the same engine).
     */
    public void merge(PathStats other) {
        if (other.steps != steps) {
            throw new IllegalArgumentException("cannot merge stats of " + other.steps + " steps into " + steps);
        }
        if (other.binsPerStep != binsPerStep) {
            throw new IllegalArgumentException("cannot merge stats of " + other.binsPerStep + " bins a step into "
                    + binsPerStep);
        }
        if (other.liquidation != null) {
            liquidationForAdding().merge(other.liquidation);
        } else if (liquidation != null && other.paths > 0) {
            throw new IllegalArgumentException("statistics without liquidation outcomes cannot join statistics that have them");
        }
        worstShortfall.addAll(other.worstShortfall);
        terminalEquity.addAll(other.terminalEquity);
        if (other.paths > 0) {
            if (other.scopes == null) {
                dropScopes();
            } else if (scopesComplete) {
                if (scopes == null) {
                    scopes = ScopeStats.like(other.scopes);
                }
                scopes.merge(other.scopes);
            }
        }
        for (int k = 1; k < breachesAtSlot.length; k++) {
            breachesAtSlot[k] += other.breachesAtSlot[k];
        }
        paths += other.paths;
    }

    public int steps() {
        return steps;
    }

    public long paths() {
        return paths;
    }

    /** Bins of each step in {@link #breachesAtSlot}: 1 under discrete monitoring. */
    public int binsPerStep() {
        return binsPerStep;
    }

    public long breaches() {
        long sum = 0;
        for (long c : breachesAtSlot) {
            sum += c;
        }
        return sum;
    }

    /** The first-breach counts by step, each the sum of its bins; index 0 is always zero. */
    public long[] breachesAtStep() {
        long[] out = new long[steps + 1];
        for (int k = 1; k < breachesAtSlot.length; k++) {
            out[BreachBins.step(k, binsPerStep)] += breachesAtSlot[k];
        }
        return out;
    }

    /** Copy of the first-breach counts by slot ({@link BreachBins}); index 0 is always zero. */
    public long[] breachesAtSlot() {
        return breachesAtSlot.clone();
    }

    /** Worst shortfall of every path. */
    public RankedSample worstShortfall() {
        return checked(worstShortfall);
    }

    /** Terminal equity of every path. */
    public RankedSample terminalEquity() {
        return checked(terminalEquity);
    }

    /** Liquidation outcomes, or null when the problem had no liquidation mechanics. */
    public LiquidationStats liquidation() {
        if (liquidation != null && liquidation.paths() != paths) {
            throw new IllegalStateException("liquidation outcomes cover " + liquidation.paths() + " of " + paths + " paths");
        }
        return liquidation;
    }

    /**
     * Each isolated position's statistics ({@link ScopeStats}), or null: in cross mode (the one pool's figures are
     * the account's), or when some paths were reduced by an engine that does not compute them.
     */
    public ScopeStats scopes() {
        if (scopes != null && scopes.paths() != paths) {
            throw new IllegalStateException("scope statistics cover " + scopes.paths() + " of " + paths + " paths");
        }
        return scopes;
    }

    /** Sets the scope statistics of statistics being decoded, whose paths were added without them. */
    void restoreScopes(ScopeStats decoded) {
        if (scopes != null || decoded.paths() != paths) {
            throw new IllegalArgumentException("scope statistics of " + decoded.paths()
                    + " paths must be restored once into statistics of as many paths, which have " + paths);
        }
        scopes = decoded;
        scopesComplete = true;
    }

    /** Adds per-position outcomes of paths being added, or drops the figures when they come without them. */
    private void addScopes(ScopeBlock block) {
        if (block == null) {
            dropScopes();
        } else if (scopesComplete) {
            if (scopes == null) {
                scopes = ScopeStats.like(steps, block);
            }
            scopes.add(block);
        }
    }

    /** Some paths come without scope statistics: the others' alone would describe a part as if it were the whole. */
    private void dropScopes() {
        scopes = null;
        scopesComplete = false;
    }

    /** Sets the liquidation outcomes of statistics being decoded, whose paths were added without them. */
    void restoreLiquidation(LiquidationStats outcomes) {
        if (liquidation != null || outcomes.paths() != paths) {
            throw new IllegalArgumentException("liquidation outcomes of " + outcomes.paths()
                    + " paths must be restored once into statistics of as many paths, which have " + paths);
        }
        liquidation = outcomes;
    }

    /** The liquidation part, created for the first paths that carry it; mixing with paths without it is refused. */
    private LiquidationStats liquidationForAdding() {
        if (liquidation == null) {
            if (paths > 0) {
                throw new IllegalArgumentException("paths with liquidation outcomes cannot join " + paths
                        + " paths without them");
            }
            liquidation = new LiquidationStats();
        }
        return liquidation;
    }

    /** Frees the samples' device memory, if any; the statistics cannot be ranked afterwards. */
    @Override
    public void close() {
        worstShortfall.close();
        terminalEquity.close();
        if (liquidation != null) {
            liquidation.close();
        }
    }

    private RankedSample checked(RankedSample sample) {
        if (sample.size() != paths) {
            throw new IllegalStateException("a sample holds " + sample.size() + " values for " + paths
                    + " paths: the engine did not add every path to it");
        }
        return sample;
    }
}
