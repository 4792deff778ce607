package io.marginsim.engine.vector;

import io.marginsim.engine.CompiledProblem;
import io.marginsim.engine.LiquidatingAccount;
import io.marginsim.engine.Monitoring;

/**
 * Carrying costs and liquidation mechanics ({@link io.marginsim.engine.Frictions}) for {@link Lanes#COUNT} paths:
 * {@link LaneMarket} moves the prices in float lanes as for the plain model ({@link LanePaths}), and after each step
 * every lane's prices go to that lane's {@link LiquidatingAccount}, the reference's own account math in double.
 *
 * <p>The account is branchy per path (scheduled fills, partial cuts, scopes closing at different steps), so
 * lane masks would rewrite the reference rather than share it; the prices, which dominate the plain model's cost,
 * stay vectorised. No exponential is recomputed, and the reference interpolates a latency fill from the lanes' log
 * prices as it does from its own.
 */
final class LaneFrictions extends LanePaths<LiquidatingAccount> {
    /** One lane's conditional variances, when haircuts follow the path; else null. */
    private final double[] variance;
    /** Continuous monitoring: each lane's step covariance and start prices; else null. */
    private final LaneCovariance covariance;
    private final double[][] previousPrice = new double[L][];

    LaneFrictions(CompiledProblem problem, LaneMarket market) {
        super(problem, market, LiquidatingAccount::new, new LiquidatingAccount[L]);
        variance = problem.frictions.haircuts() == null ? null : new double[problem.assets];
        boolean continuous = problem.monitoring == Monitoring.CONTINUOUS;
        covariance = continuous ? new LaneCovariance(problem, market) : null;
        if (continuous) {
            for (int l = 0; l < L; l++) {
                previousPrice[l] = new double[problem.assets];
            }
        }
    }

    @Override
    void beforeStep(int step, int count) {
        if (covariance != null) {
            covariance.update(step, count);
        }
    }

    /** Reads lane {@code l}'s prices of step {@code step} from the market and advances its account. */
    @Override
    void stepLane(long path, int l, int step) {
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
        readLane(l, current, lanePrice);
        if (variance != null) {
            market.conditionalVariance(p, l, variance);
            accounts[l].haircutVariance(variance);
        }
        if (covariance == null) {
            accounts[l].step(step, current, previous, lanePrice);
        } else {
            accounts[l].step(path, step, current, previous, lanePrice, previousPrice[l], covariance.of(l));
        }
    }
}
