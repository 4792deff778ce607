package io.marginsim.engine.vector;

import io.marginsim.engine.MarketPath;
import io.marginsim.problem.CompiledProblem;
import jdk.incubator.vector.FloatVector;

import java.util.Arrays;

/**
 * Each lane's covariance of the diffusion part of the coming step, which continuous monitoring spreads over the
 * step as a Brownian bridge ({@link MarketPath#stepCovariance(int, double[])}), in two forms: every lane's in
 * float ({@link #floats}), which the lanes' checks read on vectors, and one lane's in double ({@link #of}), which
 * the reference's account reads when the lane is handed to it.
 *
 * <p>How it is computed depends on what varies:
 * <ul>
 * <li>plain GBM: the same for every lane and step, computed once and shared;</li>
 * <li>DCC: each lane's correlation factor is its own state, so each lane's covariance is worked out in double
 * before every step ({@link LaneMarket#stepCovariance}) and rounded into the float lanes;</li>
 * <li>otherwise (GARCH's conditional variance, AR(1)'s innovation weight from step 2): the correlation factor
 * {@code F} is fixed and only each asset's step standard deviation {@code s} varies, so the float lanes are
 * {@code (F F^T)_ij s_i s_j} on vectors, and a lane's double form is worked out only when asked for, from the
 * conditional variances kept from before the market drew the step.</li>
 * </ul>
 */
final class LaneCovariance {
    private static final int L = Lanes.COUNT;
    private final CompiledProblem p;
    private final LaneMarket market;
    private final int assets;
    private final boolean constant;
    private final boolean dcc;
    private final double[][] lanes = new double[L][];
    /** Every lane's covariance in float: entry {@code (i, j)} of lane {@code l} at {@code (i * assets + j) * L + l}. */
    final float[] floats;
    /** The fixed correlation factor {@code F} and {@code F F^T} rounded to float; null unless scaled per lane. */
    private final double[] factor;
    private final float[] gram;
    /** Scaled per lane: each asset's conditional variance before the step (asset {@code a} at {@code a * L}). */
    private final float[] variance;
    /** Scaled per lane: each asset's step standard deviation, lanes at {@code a * L}. */
    private final float[] scale;
    /** Scaled per lane: the lanes whose double form is not yet this step's. */
    private final boolean[] stale = new boolean[L];
    private final double[] laneScale;
    private int step;

    LaneCovariance(CompiledProblem problem, LaneMarket market) {
        p = problem;
        this.market = market;
        assets = problem.assets;
        constant = problem.gbmOnly();
        dcc = problem.dcc;
        int size = assets * assets;
        floats = new float[size * L];
        double[] shared = constant ? new double[size] : null;
        if (constant) {
            new MarketPath(problem).stepCovariance(1, shared);
            for (int e = 0; e < size; e++) {
                Arrays.fill(floats, e * L, (e + 1) * L, (float) shared[e]);
            }
        }
        for (int l = 0; l < L; l++) {
            lanes[l] = constant ? shared : new double[size];
        }
        boolean scaled = !constant && !dcc;
        factor = scaled ? problem.correlationFactor.toArray() : null;
        gram = scaled ? gram(problem, factor) : null;
        variance = scaled ? new float[assets * L] : null;
        scale = scaled ? new float[assets * L] : null;
        laneScale = scaled ? new double[assets] : null;
    }

    /** {@code F F^T} of the lower factor {@code F}, rounded to float, row-major. */
    private static float[] gram(CompiledProblem p, double[] factor) {
        double[] product = new double[p.assets * p.assets];
        MarketPath.stepCovariance(p, factor, null, product);
        return Floats.of(product);
    }

    /** Recomputes the first {@code count} lanes' covariance of step {@code step}, before the market draws it. */
    void update(int step, int count) {
        if (constant) {
            return;
        }
        this.step = step;
        if (dcc) {
            for (int l = 0; l < count; l++) {
                market.stepCovariance(p, step, l, lanes[l]);
                for (int e = 0; e < assets * assets; e++) {
                    floats[e * L + l] = (float) lanes[l][e];
                }
            }
            return;
        }
        for (int a = 0; a < assets; a++) {
            // scale serves as scratch for one asset's lanes until it takes the standard deviations below
            market.conditionalVariance(p, a, scale);
            Lanes.copy(scale, 0, variance, a * L, L);
        }
        for (int a = 0; a < assets; a++) {
            // stepScale is the multiplier times sqrt(h) (GARCH) or the step volatility, times AR(1)'s weight
            FloatVector s = p.garch.get(a)
                    ? FloatVector.fromArray(Lanes.FLOATS, variance, a * L).sqrt()
                            .mul((float) MarketPath.stepScale(p, step, a, 1.0))
                    : FloatVector.broadcast(Lanes.FLOATS, (float) MarketPath.stepScale(p, step, a, 0.0));
            s.intoArray(scale, a * L);
        }
        for (int i = 0; i < assets; i++) {
            FloatVector si = FloatVector.fromArray(Lanes.FLOATS, scale, i * L);
            for (int j = 0; j <= i; j++) {
                FloatVector c = FloatVector.fromArray(Lanes.FLOATS, scale, j * L).mul(si).mul(gram[i * assets + j]);
                c.intoArray(floats, (i * assets + j) * L);
                c.intoArray(floats, (j * assets + i) * L);
            }
        }
        Arrays.fill(stale, true);
    }

    /** Lane {@code lane}'s covariance in double, row-major {@code assets x assets}, after {@link #update}. */
    double[] of(int lane) {
        if (stale[lane]) {
            for (int a = 0; a < assets; a++) {
                laneScale[a] = MarketPath.stepScale(p, step, a, variance[a * L + lane]);
            }
            MarketPath.stepCovariance(p, factor, laneScale, lanes[lane]);
            stale[lane] = false;
        }
        return lanes[lane];
    }

    /** Offset of entry {@code (i, j)}'s lanes in {@link #floats}. */
    int at(int i, int j) {
        return (i * assets + j) * L;
    }
}
