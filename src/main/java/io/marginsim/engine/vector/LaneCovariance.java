package io.marginsim.engine.vector;

import io.marginsim.engine.MarketPath;
import io.marginsim.problem.CompiledProblem;

/**
 * Each lane's covariance of the diffusion part of the coming step, which continuous monitoring spreads over the
 * step as a Brownian bridge ({@link MarketPath#stepCovariance(int, double[])}). Plain GBM's is the same for every
 * lane and step, so it is computed once and shared; beyond GBM (GARCH's conditional variance, DCC's correlation,
 * AR(1)'s innovation weight from step 2) it is each lane's own, recomputed from {@link LaneMarket}'s state before
 * every step.
 */
final class LaneCovariance {
    private static final int L = Lanes.COUNT;
    private final CompiledProblem p;
    private final LaneMarket market;
    private final boolean constant;
    private final double[][] lanes = new double[L][];

    LaneCovariance(CompiledProblem problem, LaneMarket market) {
        p = problem;
        this.market = market;
        constant = problem.gbmOnly();
        int size = problem.assets * problem.assets;
        double[] shared = constant ? new double[size] : null;
        if (constant) {
            new MarketPath(problem).stepCovariance(1, shared);
        }
        for (int l = 0; l < L; l++) {
            lanes[l] = constant ? shared : new double[size];
        }
    }

    /** Recomputes the first {@code count} lanes' covariance of step {@code step}, before the market draws it. */
    void update(int step, int count) {
        if (constant) {
            return;
        }
        for (int l = 0; l < count; l++) {
            market.stepCovariance(p, step, l, lanes[l]);
        }
    }

    /** Lane {@code lane}'s covariance, row-major {@code assets x assets}, after {@link #update}. */
    double[] of(int lane) {
        return lanes[lane];
    }
}
