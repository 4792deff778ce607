package io.marginsim.engine.vector;

import io.marginsim.engine.PathAccount;
import io.marginsim.problem.CompiledProblem;

import java.util.function.Function;

/**
 * The per-lane accounts of continuous monitoring ({@link LaneContinuous}, {@link LaneFrictions}): after each step a
 * lane's account checks the step between its start and end prices, with the lane's own step covariance
 * ({@link LaneCovariance}, read before the market draws the step). The start and end arrays of prices and log prices
 * swap roles each step rather than being copied.
 */
abstract class LaneStepChecks<A extends PathAccount> extends LanePaths<A> {
    /** Each lane's prices at the step's start; they swap roles with {@link #price} each step. */
    private final double[][] previousPrice = new double[L][];
    private final LaneCovariance covariance;

    LaneStepChecks(CompiledProblem problem, LaneMarket market, Function<CompiledProblem, A> account, A[] lanes) {
        super(problem, market, account, lanes);
        for (int l = 0; l < L; l++) {
            previousPrice[l] = new double[problem.assets];
        }
        covariance = new LaneCovariance(problem, market);
    }

    @Override
    final void beforeStep(int step, int count) {
        covariance.update(step, count);
    }

    /** Reads lane {@code l}'s prices of step {@code step} from the market and has its account check the step. */
    @Override
    final void stepLane(long path, int l, int step) {
        double[] logPrice0 = logPrice[l];
        double[] logPrice1 = previousLogPrice[l];
        logPrice[l] = logPrice1;
        previousLogPrice[l] = logPrice0;
        double[] price0 = price[l];
        double[] price1 = previousPrice[l];
        price[l] = price1;
        previousPrice[l] = price0;
        readLane(l, logPrice1, price1);
        check(path, l, step, logPrice0, price0, logPrice1, price1, covariance.of(l));
    }

    /**
     * Lane {@code l}'s account checks step {@code step} of {@code path} from its start ({@code logPrice0},
     * {@code price0}) to its end, with the step's diffusion covariance {@code cov}.
     */
    abstract void check(long path, int l, int step, double[] logPrice0, double[] price0, double[] logPrice1,
                        double[] price1, double[] cov);
}
