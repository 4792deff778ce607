package io.marginsim.engine.vector;

import io.marginsim.engine.CompiledProblem;
import io.marginsim.engine.LiquidatingAccount;

/**
 * Carrying costs and liquidation mechanics ({@link io.marginsim.engine.Frictions}) under continuous monitoring for
 * {@link Lanes#COUNT} paths: {@link LaneMarket} moves the prices in float lanes as for the plain model
 * ({@link LanePaths}), and after each step every lane's start and end prices, with its own step covariance
 * ({@link LaneCovariance}), go to that lane's {@link LiquidatingAccount}, the reference's own account math in double,
 * which checks within the step and fills from the crossing. It runs what {@link LaneLiquidation} does not cover: a
 * cross account with a portfolio margin on several assets (its slope jumps between scenarios), or one asset's
 * excess whose slope may change sign; discrete monitoring and the other continuous problems run the account in
 * lanes.
 *
 * <p>The prices stay vectorised. No exponential is recomputed, and the reference interpolates a latency fill from
 * the lanes' log prices as it does from its own.
 */
final class LaneFrictions extends LanePaths<LiquidatingAccount> {
    /** One lane's conditional variances, when haircuts follow the path; else null. */
    private final double[] variance;
    private final LaneCovariance covariance;
    /** Each lane's prices at the step's start; they swap roles with {@link #price} each step. */
    private final double[][] previousPrice = new double[L][];

    LaneFrictions(CompiledProblem problem, LaneMarket market) {
        super(problem, market, LiquidatingAccount::new, new LiquidatingAccount[L]);
        variance = problem.frictions.haircuts() == null ? null : new double[problem.assets];
        covariance = new LaneCovariance(problem, market);
        for (int l = 0; l < L; l++) {
            previousPrice[l] = new double[problem.assets];
        }
    }

    @Override
    void beforeStep(int step, int count) {
        covariance.update(step, count);
    }

    /** Reads lane {@code l}'s prices of step {@code step} from the market and advances its account through it. */
    @Override
    void stepLane(long path, int l, int step) {
        double[] previous = logPrice[l];
        double[] current = previousLogPrice[l];
        logPrice[l] = current;
        previousLogPrice[l] = previous;
        double[] start = price[l];
        price[l] = previousPrice[l];
        previousPrice[l] = start;
        double[] lanePrice = price[l];
        readLane(l, current, lanePrice);
        if (variance != null) {
            market.conditionalVariance(p, l, variance);
            accounts[l].haircutVariance(variance);
        }
        accounts[l].step(path, step, current, previous, lanePrice, previousPrice[l], covariance.of(l));
    }
}
