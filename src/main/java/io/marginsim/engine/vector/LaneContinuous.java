package io.marginsim.engine.vector;

import io.marginsim.engine.CompiledProblem;
import io.marginsim.engine.ContinuousAccount;

/**
 * Continuous monitoring of the plain breach model for {@link Lanes#COUNT} paths where {@link LaneBridge} does not
 * cover the problem (isolated positions, several assets, an excess whose slope changes sign): {@link LaneMarket}
 * moves the prices in float lanes, and after each step every lane's start and end prices go to that lane's
 * {@link ContinuousAccount}, the reference's own check in double, as {@link LaneFrictions} does for liquidation.
 * The bridge draws and the valuation at the drawn extreme are per path and branchy here; the price paths stay
 * vectorised. Each lane's bridge takes its own step covariance ({@link LaneCovariance}), so every market model runs.
 */
final class LaneContinuous extends LanePaths<ContinuousAccount> {
    private final double[][] previousPrice = new double[L][];
    private final LaneCovariance covariance;

    LaneContinuous(CompiledProblem problem, LaneMarket market) {
        super(problem, market, ContinuousAccount::new, new ContinuousAccount[L]);
        for (int l = 0; l < L; l++) {
            previousPrice[l] = new double[problem.assets];
        }
        covariance = new LaneCovariance(problem, market);
    }

    @Override
    void beforeStep(int step, int count) {
        covariance.update(step, count);
    }

    /** Lane {@code l}'s prices of step {@code step}, from the market, checked by its account. */
    @Override
    void stepLane(long path, int l, int step) {
        double[] log0 = logPrice[l];
        double[] log1 = previousLogPrice[l];
        logPrice[l] = log1;
        previousLogPrice[l] = log0;
        double[] price0 = price[l];
        double[] price1 = previousPrice[l];
        price[l] = price1;
        previousPrice[l] = price0;
        readLane(l, log1, price1);
        accounts[l].step(path, step, log0, price0, log1, price1, covariance.of(l));
    }
}
