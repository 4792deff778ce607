package io.marginsim.problem;

import java.util.Arrays;

/**
 * Per-path outcomes of each margin scope, beside the account-level outcomes of a {@link PathBlock}: in isolated mode
 * every position stands on its own margin and is a scope of its own, so a path can breach in one and not another.
 * (A cross account is one scope, whose outcomes are the account's: it needs no block of its own.)
 *
 * <p>Values of path {@code slot} and scope {@code s} sit at {@code slot * scopes + s}, so a path's scopes are
 * neighbours and an engine writes them together. The block lives as long as one chunk of paths: the statistics keep
 * only counts and sums per scope ({@link io.marginsim.stats.ScopeStats}), so memory does not grow with the paths.
 *
 * <ul>
 *   <li>{@code breachStep}: the first step (1-based) at which the scope's shortfall is positive, or
 *       {@link PathBlock#NO_BREACH}; {@link #UNWRITTEN} until the engine writes it, so an engine that does not
 *       compute scopes cannot pass for one whose positions never breached;</li>
 *   <li>{@code closeEquity}: the scope's equity when it was closed (at the breach, or at its fills with liquidation
 *       mechanics) or, if it never was, at the horizon; its loss is {@link #initialEquity} minus this;</li>
 *   <li>only when {@link #tracksLiquidation}: the scope's {@code liquidationLoss} and {@code badDebt}, which sum over
 *       scopes to the path's {@link PathBlock#liquidationLoss} and {@link PathBlock#badDebt}.</li>
 * </ul>
 */
public final class ScopeBlock {
    /** A breach step no engine writes: the scope's outcome is missing. */
    public static final int UNWRITTEN = -1;

    public final int scopes;
    /** Each scope's equity at the start, the same for every path. */
    public final double[] initialEquity;
    public final int[] breachStep;
    public final double[] closeEquity;
    public final boolean tracksLiquidation;
    public final double[] liquidationLoss;
    public final double[] badDebt;

    public ScopeBlock(int size, double[] initialEquity, boolean liquidation) {
        if (size < 0 || initialEquity.length < 1) {
            throw new IllegalArgumentException("size must be >= 0 and scopes >= 1 but were " + size + " and "
                    + initialEquity.length);
        }
        scopes = initialEquity.length;
        this.initialEquity = initialEquity.clone();
        int values = Math.multiplyExact(size, scopes);
        breachStep = new int[values];
        Arrays.fill(breachStep, UNWRITTEN);
        closeEquity = new double[values];
        tracksLiquidation = liquidation;
        int tracked = liquidation ? values : 0;
        liquidationLoss = new double[tracked];
        badDebt = new double[tracked];
    }

    /** A block of the isolated positions of {@code problem}, or null for a cross problem (one scope: the account). */
    public static ScopeBlock forProblem(CompiledProblem problem, int size) {
        if (!problem.isolated) {
            return null;
        }
        return new ScopeBlock(size, initialEquity(problem), problem.frictions.liquidation() != null);
    }

    /** Each isolated position's equity at the start: its margin plus its profit at the initial price. */
    public static double[] initialEquity(CompiledProblem problem) {
        double[] price = Valuation.initialPrices(problem);
        double[] out = new double[problem.positions];
        for (int i = 0; i < problem.positions; i++) {
            out[i] = Valuation.isolatedEquity(problem, i, price[problem.positionAsset.get(i)]);
        }
        return out;
    }

    /** Paths in the block. */
    public int size() {
        return breachStep.length / scopes;
    }

    /** Index of path {@code slot}'s scope {@code scope} in the arrays. */
    public int at(int slot, int scope) {
        return slot * scopes + scope;
    }

    /** Writes path {@code slot}'s scope {@code scope}: its first breach step and its equity when closed. */
    public void write(int slot, int scope, int step, double equity) {
        int k = at(slot, scope);
        breachStep[k] = step;
        closeEquity[k] = equity;
    }

    /**
     * Writes path {@code slot}'s positions of {@code p} when each is closed at the equity it breached with, as the
     * plain breach model closes them: {@code step[i]} is position {@code i}'s first breach step (or
     * {@link PathBlock#NO_BREACH}, then it is valued at the horizon's {@code price}) and {@code closedEquity[i]} its
     * equity at the breach.
     */
    public void writePositions(CompiledProblem p, int slot, int[] step, double[] closedEquity, double[] price) {
        for (int i = 0; i < p.positions; i++) {
            write(slot, i, step[i], step[i] == PathBlock.NO_BREACH
                    ? Valuation.isolatedEquity(p, i, price[p.positionAsset.get(i)]) : closedEquity[i]);
        }
    }
}
