package io.marginsim.engine.vector;

import io.marginsim.engine.CompiledProblem;
import io.marginsim.engine.ContinuousAccount;
import io.marginsim.engine.PathBlock;
import io.marginsim.market.MarketPath;

/**
 * Continuous monitoring of the plain breach model for {@link Lanes#COUNT} paths where {@link LaneBridge} does not
 * cover the problem (isolated positions, several assets, an excess whose slope changes sign): {@link LaneMarket}
 * moves the prices in float lanes, and after each step every lane's start and end prices go to that lane's
 * {@link ContinuousAccount}, the reference's own check in double, as {@link LaneFrictions} does for liquidation.
 * The bridge draws and the valuation at the drawn extreme are per path and branchy here; the price paths stay
 * vectorised. Plain GBM only: its step covariance is the same every step, so it is computed once.
 */
final class LaneContinuous {
    private static final int L = Lanes.COUNT;
    private final CompiledProblem p;
    private final LaneMarket market;
    private final ContinuousAccount[] accounts = new ContinuousAccount[L];
    private final double[][] logPrice = new double[L][];
    private final double[][] previousLogPrice = new double[L][];
    private final double[][] price = new double[L][];
    private final double[][] previousPrice = new double[L][];
    private final double[] covariance;

    LaneContinuous(CompiledProblem problem, LaneMarket market) {
        p = problem;
        this.market = market;
        for (int l = 0; l < L; l++) {
            accounts[l] = new ContinuousAccount(problem);
            logPrice[l] = new double[problem.assets];
            previousLogPrice[l] = new double[problem.assets];
            price[l] = new double[problem.assets];
            previousPrice[l] = new double[problem.assets];
        }
        covariance = new double[problem.assets * problem.assets];
        new MarketPath(problem).stepCovariance(1, covariance);
    }

    /** Simulates paths {@code firstPath ..} into {@code out}, a padded vector of lanes at a time. */
    void simulate(long firstPath, PathBlock out) {
        int size = out.size();
        for (int slot = 0; slot < size; slot += L) {
            simulateLanes(firstPath + slot, out, slot, Math.min(L, size - slot));
        }
    }

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

    /** Lane {@code l}'s prices of step {@code step}, from the market, checked by its account. */
    private void stepLane(long path, int l, int step) {
        double[] log0 = logPrice[l];
        double[] log1 = previousLogPrice[l];
        logPrice[l] = log1;
        previousLogPrice[l] = log0;
        double[] price0 = price[l];
        double[] price1 = previousPrice[l];
        price[l] = price1;
        previousPrice[l] = price0;
        for (int a = 0; a < p.assets; a++) {
            log1[a] = p.initialLogPrice[a] + market.logReturn[a * L + l];
            price1[a] = market.price[a * L + l];
        }
        accounts[l].step(path, step, log0, price0, log1, price1, covariance);
    }
}
