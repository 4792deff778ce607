package io.marginsim.engine;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.Valuation;

import java.util.Arrays;

/**
 * The plain breach model under continuous monitoring, for one path at a time: the reference's account, which the
 * scalar engine runs on its double prices and the vector engine on each lane's. A breach is a step whose
 * {@link ContinuousMonitor} shortfall is positive, and it closes the account (isolated: the position) at the prices
 * where the excess reached zero rather than at the step's end; the worst shortfall is the largest within-step one,
 * so buffers stay consistent with breaches. The first breach's time within its step is the crossing time of the same
 * draws ({@link ContinuousMonitor#crossCrossingTime}; isolated, the earliest breaching position's), drawn only on
 * that step.
 */
public final class ContinuousAccount implements PathAccount {
    private final CompiledProblem p;
    private final ContinuousMonitor monitor;
    private final boolean[] open;
    private final double[] closedEquity;
    /** Isolated mode: each position's first breach step, {@link PathBlock#NO_BREACH} while open. */
    private final int[] positionBreach;
    private int firstBreach;
    /** When within its step the first breach crossed, as a fraction of the step; 1 until the path breaches. */
    private double breachFraction;
    private double worst;
    private double frozenEquity;

    public ContinuousAccount(CompiledProblem problem) {
        p = problem;
        monitor = new ContinuousMonitor(problem);
        open = new boolean[problem.positions];
        closedEquity = new double[problem.positions];
        positionBreach = new int[problem.positions];
    }

    /** Resets the per-path state before step 1. */
    @Override
    public void start() {
        Arrays.fill(open, true);
        Arrays.fill(positionBreach, PathBlock.NO_BREACH);
        firstBreach = PathBlock.NO_BREACH;
        breachFraction = 1;
        worst = Double.NEGATIVE_INFINITY;
        frozenEquity = Double.NaN;
    }

    /**
     * Checks step {@code step} of {@code path} between its starting and ending prices, with the step's diffusion
     * covariance {@code cov} ({@link io.marginsim.engine.MarketPath#stepCovariance}).
     */
    public void step(long path, int step, double[] logPrice0, double[] price0, double[] logPrice1, double[] price1,
                     double[] cov) {
        double shortfall;
        if (p.isolated) {
            monitor.drawExtremes(path, step, logPrice0, logPrice1, cov);
            shortfall = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < p.positions; i++) {
                int a = p.positionAsset.get(i);
                double s = monitor.positionShortfall(i, price0[a], price1[a]);
                if (s > 0 && open[i]) {
                    open[i] = false;
                    closedEquity[i] = Valuation.isolatedEquity(p, i, monitor.crossingPrices()[a]);
                    positionBreach[i] = step;
                }
                if (s > 0 && firstBreach == PathBlock.NO_BREACH) {
                    // the account's first breach is its earliest position's (the fraction is 1 until then)
                    breachFraction = Math.min(breachFraction,
                            monitor.positionCrossingTime(path, step, i, logPrice0, logPrice1, cov));
                }
                shortfall = Math.max(shortfall, s);
            }
        } else {
            shortfall = monitor.crossShortfall(path, step, price0, logPrice0, price1, logPrice1, cov);
            if (shortfall > 0 && firstBreach == PathBlock.NO_BREACH) {
                frozenEquity = Valuation.crossEquity(p, monitor.crossingPrices());
                breachFraction = monitor.crossCrossingTime(path, step, logPrice0, logPrice1, cov);
            }
        }
        worst = Math.max(worst, shortfall);
        if (shortfall > 0 && firstBreach == PathBlock.NO_BREACH) {
            firstBreach = step;
        }
    }

    /** Writes the path's outcome, with {@code price} the horizon's prices. */
    @Override
    public void write(double[] price, PathBlock out, int slot) {
        out.firstBreachStep[slot] = firstBreach;
        out.breachFraction[slot] = breachFraction;
        out.worstShortfall[slot] = worst;
        if (!p.isolated) {
            out.terminalEquity[slot] = firstBreach == PathBlock.NO_BREACH ? Valuation.crossEquity(p, price)
                    : frozenEquity;
            return;
        }
        double equity = Valuation.isolatedAccountEquity(p, price);
        for (int i = 0; i < p.positions; i++) {
            if (!open[i]) {
                equity += closedEquity[i] - Valuation.isolatedEquity(p, i, price[p.positionAsset.get(i)]);
            }
        }
        out.terminalEquity[slot] = equity;
        if (out.scopes != null) {
            out.scopes.writePositions(p, slot, positionBreach, closedEquity, price);
        }
    }
}
