package io.marginsim.engine.vector;

import io.marginsim.engine.LiquidatingAccount;
import io.marginsim.problem.CompiledProblem;

/**
 * Carrying costs and liquidation mechanics ({@link io.marginsim.problem.Frictions}) under continuous monitoring for
 * {@link Lanes#COUNT} paths: {@link LaneMarket} moves the prices in float lanes as for the plain model
 * ({@link LaneStepChecks}), and after each step every lane's start and end prices, with its own step covariance
 * ({@link LaneCovariance}), go to that lane's {@link LiquidatingAccount}, the reference's own account math in double,
 * which checks within the step and fills from the crossing. It runs what {@link LaneLiquidation} does not cover:
 * one asset's excess whose slope may change sign, isolated positions whose side is not known, prices outside float's
 * range; discrete monitoring and the other continuous problems run the account in lanes.
 *
 * <p>The prices stay vectorised. No exponential is recomputed, and the reference interpolates a latency fill from
 * the lanes' log prices as it does from its own.
 */
final class LaneFrictions extends LaneStepChecks<LiquidatingAccount> {
    /** One lane's conditional variances, when haircuts follow the path; else null. */
    private final double[] variance;

    LaneFrictions(CompiledProblem problem, LaneMarket market) {
        super(problem, market, LiquidatingAccount::new, new LiquidatingAccount[L]);
        variance = problem.frictions.haircuts() == null ? null : new double[problem.assets];
    }

    /** Advances lane {@code l}'s account through step {@code step}, its haircuts at the lane's variance first. */
    @Override
    void check(long path, int l, int step, double[] logPrice0, double[] price0, double[] logPrice1, double[] price1,
               double[] cov) {
        if (variance != null) {
            market.conditionalVariance(p, l, variance);
            accounts[l].haircutVariance(variance);
        }
        accounts[l].step(path, step, logPrice1, logPrice0, price1, price0, cov);
    }
}
