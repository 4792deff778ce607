package io.marginsim.engine.vector;

import io.marginsim.engine.ContinuousAccount;
import io.marginsim.problem.CompiledProblem;

/**
 * Continuous monitoring of the plain breach model for {@link Lanes#COUNT} paths where neither {@link LaneBridge} nor
 * {@link LaneLiquidation} covers the problem (one moving asset whose excess slope may change sign, say):
 * {@link LaneMarket} moves the prices in float lanes, and after each step every lane's start and end prices go to
 * that lane's {@link ContinuousAccount}, the reference's own check in double, as {@link LaneFrictions} does for
 * liquidation. The bridge draws and the valuation at the drawn extreme are per path and branchy here; the price paths
 * stay vectorised. Each lane's bridge takes its own step covariance ({@link LaneCovariance}), so every market model
 * runs.
 */
final class LaneContinuous extends LaneStepChecks<ContinuousAccount> {
    LaneContinuous(CompiledProblem problem, LaneMarket market) {
        super(problem, market, ContinuousAccount::new, new ContinuousAccount[L]);
    }

    @Override
    void check(long path, int l, int step, double[] logPrice0, double[] price0, double[] logPrice1, double[] price1,
               double[] cov) {
        accounts[l].step(path, step, logPrice0, price0, logPrice1, price1, cov);
    }
}
