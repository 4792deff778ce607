package io.marginsim.engine.vector;

import io.marginsim.engine.CompiledProblem;
import io.marginsim.engine.LiquidatingAccount;
import io.marginsim.engine.Monitoring;
import io.marginsim.engine.PathBlock;
import io.marginsim.market.MarketPath;

/**
 * Carrying costs and liquidation mechanics ({@link io.marginsim.engine.Frictions}) for {@link Lanes#COUNT} paths:
 * {@link LaneMarket} moves the prices in float lanes as for the plain model, and after each step every lane's
 * prices go to that lane's {@link LiquidatingAccount}, the reference's own account math in double.
 *
 * <p>The account is branchy per path (scheduled fills, partial cuts, scopes closing at different steps), so
 * lane masks would rewrite the reference rather than share it; the prices, which dominate the plain model's cost,
 * stay vectorised. A lane's log price is {@code log P0 + x} with {@code x} the market's float log price relative
 * to its start, and its price is the market's float price widened to double: no exponential is recomputed, and
 * the reference interpolates a latency fill from those log prices as it does from its own.
 *
 * <p>Lanes past the end of a block (the padded last vector) are not handed to an account: their prices are
 * computed by the market and discarded, as in the plain model, so every path's outcome depends on its index
 * alone.
 */
final class LaneFrictions {
    private static final int L = Lanes.COUNT;
    private final CompiledProblem p;
    private final LaneMarket market;
    private final LiquidatingAccount[] accounts = new LiquidatingAccount[L];
    /** Per lane, per asset; the two log price arrays swap roles each step rather than being copied. */
    private final double[][] logPrice = new double[L][];
    private final double[][] previousLogPrice = new double[L][];
    private final double[][] price = new double[L][];
    /** One lane's conditional variances, when haircuts follow the path; else null. */
    private final double[] variance;
    /** Continuous monitoring (plain GBM): the step covariance, the same every step, and each lane's start prices. */
    private final double[] covariance;
    private final double[][] previousPrice = new double[L][];

    LaneFrictions(CompiledProblem problem, LaneMarket market) {
        p = problem;
        this.market = market;
        for (int l = 0; l < L; l++) {
            accounts[l] = new LiquidatingAccount(problem);
            logPrice[l] = new double[problem.assets];
            previousLogPrice[l] = new double[problem.assets];
            price[l] = new double[problem.assets];
        }
        variance = problem.frictions.haircuts() == null ? null : new double[problem.assets];
        boolean continuous = problem.monitoring == Monitoring.CONTINUOUS;
        covariance = continuous ? new double[problem.assets * problem.assets] : null;
        if (continuous) {
            new MarketPath(problem).stepCovariance(1, covariance);
            for (int l = 0; l < L; l++) {
                previousPrice[l] = new double[problem.assets];
            }
        }
    }

    /** Simulates paths {@code firstPath ..} into {@code out}, a padded vector of lanes at a time. */
    void simulate(long firstPath, PathBlock out) {
        int size = out.size();
        for (int slot = 0; slot < size; slot += L) {
            simulateLanes(firstPath + slot, out, slot, Math.min(L, size - slot));
        }
    }

    /** The first {@code count} lanes of one vector of paths from {@code firstPath}, written from {@code slot} on. */
    private void simulateLanes(long firstPath, PathBlock out, int slot, int count) {
        // Philox counters carry the low 32 bits of the path index, as in ShockStream
        int paths = (int) firstPath;
        market.reset();
        for (int l = 0; l < count; l++) {
            accounts[l].start();
            System.arraycopy(p.initialLogPrice, 0, logPrice[l], 0, p.assets);
            System.arraycopy(p.initialPrice, 0, price[l], 0, p.assets);
        }
        for (int step = 1; step <= p.steps; step++) {
            market.advance(step - 1, paths);
            for (int l = 0; l < count; l++) {
                stepLane(firstPath + l, l, step);
            }
        }
        for (int l = 0; l < count; l++) {
            accounts[l].write(price[l], out, slot + l);
        }
    }

    /** Reads lane {@code l}'s prices of step {@code step} from the market and advances its account. */
    private void stepLane(long path, int l, int step) {
        double[] previous = logPrice[l];
        double[] current = previousLogPrice[l];
        logPrice[l] = current;
        previousLogPrice[l] = previous;
        if (covariance != null) {
            double[] start = price[l];
            price[l] = previousPrice[l];
            previousPrice[l] = start;
        }
        double[] lanePrice = price[l];
        for (int a = 0; a < p.assets; a++) {
            current[a] = p.initialLogPrice[a] + market.logReturn[a * L + l];
            lanePrice[a] = market.price[a * L + l];
        }
        if (variance != null) {
            market.conditionalVariance(p, l, variance);
            accounts[l].haircutVariance(variance);
        }
        if (covariance == null) {
            accounts[l].step(step, current, previous, lanePrice);
        } else {
            accounts[l].step(path, step, current, previous, lanePrice, previousPrice[l], covariance);
        }
    }
}
