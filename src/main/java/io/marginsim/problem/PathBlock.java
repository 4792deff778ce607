package io.marginsim.problem;

/**
 * Per-path outcomes of a contiguous range of paths.
 *
 * <ul>
 *   <li>{@code firstBreachStep}: the first step (1-based) at which shortfall is positive, or {@link #NO_BREACH};</li>
 *   <li>{@code breachFraction}: when within that step the shortfall first became positive, as a fraction of the
 *       step in {@code [0, 1]}: the crossing time under continuous monitoring, 1 (the step's end) under discrete
 *       monitoring and for a breach seen only at the step's end; meaningless for a path that did not breach;</li>
 *   <li>{@code worstShortfall}: the largest shortfall (requirement minus equity) over all steps, counted as if
 *       nothing were liquidated, so adding that much cash removes the breach;</li>
 *   <li>{@code terminalEquity}: account equity at the horizon, with positions closed at the price of the step
 *       where they breached (with liquidation mechanics: at their fills, after carrying costs and fees);</li>
 *   <li>only when {@link #tracksLiquidation} (the problem has a {@code liquidation} object): {@code liquidations},
 *       the number of liquidation events; {@code liquidationLoss}, fees + slippage + adverse move between breach
 *       and fill; {@code badDebt}, how far equity fell below zero when the account (or a position, isolated) was
 *       closed, zero if it did not.</li>
 *   <li>only in isolated mode, when built by {@link #forProblem}: {@code scopes}, each position's own outcomes
 *       ({@link ScopeBlock}); null otherwise.</li>
 * </ul>
 */
public final class PathBlock {
    public static final int NO_BREACH = 0;

    public final int[] firstBreachStep;
    public final double[] breachFraction;
    public final double[] worstShortfall;
    public final double[] terminalEquity;
    public final boolean tracksLiquidation;
    public final int[] liquidations;
    public final double[] liquidationLoss;
    public final double[] badDebt;
    /** Each isolated position's outcomes, or null (cross mode, or a block that does not ask for them). */
    public final ScopeBlock scopes;

    public PathBlock(int size) {
        this(size, false);
    }

    /** A block whose liquidation arrays are read by {@link io.marginsim.stats.PathStats} when {@code liquidation}. */
    public PathBlock(int size, boolean liquidation) {
        this(size, liquidation, null);
    }

    /** A block with each scope's outcomes in {@code scopes} (null for none), which must hold as many paths. */
    public PathBlock(int size, boolean liquidation, ScopeBlock scopes) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0 but was " + size);
        }
        firstBreachStep = new int[size];
        breachFraction = new double[size];
        // the step's end, which engines that check only there never need to write
        java.util.Arrays.fill(breachFraction, 1.0);
        worstShortfall = new double[size];
        terminalEquity = new double[size];
        tracksLiquidation = liquidation;
        int tracked = liquidation ? size : 0;
        liquidations = new int[tracked];
        liquidationLoss = new double[tracked];
        badDebt = new double[tracked];
        if (scopes != null && (scopes.size() != size || scopes.tracksLiquidation != liquidation)) {
            throw new IllegalArgumentException("scopes must hold " + size + " paths " + (liquidation ? "with" : "without")
                    + " liquidation outcomes but held " + scopes.size());
        }
        this.scopes = scopes;
    }

    /**
     * A block for {@code problem}, tracking liquidation outcomes when the problem has liquidation mechanics and each
     * position's outcomes in isolated mode.
     */
    public static PathBlock forProblem(CompiledProblem problem, int size) {
        return new PathBlock(size, problem.frictions.liquidation() != null, ScopeBlock.forProblem(problem, size));
    }

    public int size() {
        return firstBreachStep.length;
    }

    /**
     * Fraction of paths in this block whose first breaches fall in the same slot ({@link BreachBins}, with
     * {@code binsPerStep} bins a step) as those of {@code other}: the same step and the same bin of its crossing time.
     */
    public double breachSlotAgreement(PathBlock other, int binsPerStep) {
        if (other.size() != size()) {
            throw new IllegalArgumentException("blocks differ in size: " + size() + " vs " + other.size());
        }
        int same = 0;
        for (int i = 0; i < size(); i++) {
            if (BreachBins.slot(firstBreachStep[i], breachFraction[i], binsPerStep)
                    == BreachBins.slot(other.firstBreachStep[i], other.breachFraction[i], binsPerStep)) {
                same++;
            }
        }
        return size() == 0 ? 1.0 : (double) same / size();
    }

    /** Fraction of paths in this block whose first-breach steps equal those of {@code other}. */
    public double breachStepAgreement(PathBlock other) {
        if (other.size() != size()) {
            throw new IllegalArgumentException("blocks differ in size: " + size() + " vs " + other.size());
        }
        int same = 0;
        for (int i = 0; i < size(); i++) {
            if (firstBreachStep[i] == other.firstBreachStep[i]) {
                same++;
            }
        }
        return size() == 0 ? 1.0 : (double) same / size();
    }
}
