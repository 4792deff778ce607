package io.marginsim.engine.vector;

import io.marginsim.problem.CompiledProblem;
import jdk.incubator.vector.FloatVector;

import java.util.Arrays;

import static jdk.incubator.vector.VectorOperators.EXP;

/**
 * Correlated log-price paths of {@link Lanes#COUNT} paths in float: per step,
 * {@code x[a] += logDrift[a] + sum_b shockLoading[a][b] * z[b]} and {@code price[a] = P0[a] * exp(x[a])}.
 *
 * <p>That is the log-price update of {@link CompiledProblem} with the log price kept relative to its start
 * ({@code x = logPrice - log P0}): in float a log price near 4.6 is spaced 5e-7 apart, a log return near zero
 * far more finely. Measured against the scalar reference on the test problems, absolute log prices gave ~10
 * times larger equity errors and moved the first-breach step on 1 to 5 paths in 100,000; log returns moved none
 * in 520,000. Per-lane state lives in float arrays rather than vector fields so nothing is boxed.
 *
 * <p>Problems beyond GBM take their step's log returns from {@link LaneModels}; plain GBM keeps its fused loop,
 * which has no model to consult.
 */
final class LaneMarket {
    private static final int L = Lanes.COUNT;
    private final int assets;
    private final float[] logDrift;
    private final float[] loading;
    private final float[] initialPrice;
    private final LaneNormals normals;
    /** Null for plain GBM. */
    private final LaneModels models;
    private final float[] step;
    private final float[] z;
    /**
     * Log price of asset {@code a} in lane {@code l} relative to its start, {@code logPrice - log P0}, at
     * {@code logReturn[a * Lanes.COUNT + l]}.
     */
    final float[] logReturn;
    /** Price of asset {@code a} in lane {@code l} at {@code price[a * Lanes.COUNT + l]}. */
    final float[] price;

    LaneMarket(CompiledProblem p) {
        assets = p.assets;
        logDrift = Floats.of(p.logDrift.toArray());
        loading = Floats.of(p.shockLoading.toArray());
        initialPrice = new float[assets];
        for (int a = 0; a < assets; a++) {
            initialPrice[a] = (float) Math.exp(p.initialLogPrice.get(a));
        }
        normals = new LaneNormals(p.seed);
        models = p.gbmOnly() ? null : new LaneModels(p);
        step = models == null ? null : new float[assets * L];
        z = new float[assets * L];
        logReturn = new float[assets * L];
        price = new float[assets * L];
    }

    /** Starts new paths at their initial prices. */
    void reset() {
        Arrays.fill(logReturn, 0f);
        for (int a = 0; a < assets; a++) {
            Arrays.fill(price, a * L, (a + 1) * L, initialPrice[a]);
        }
        if (models != null) {
            models.reset();
        }
    }

    /** Moves every asset one step with the shocks of counter step {@code counterStep}, paths from {@code firstPath}. */
    void advance(int counterStep, int firstPath) {
        if (models == null || !models.historical()) {
            normals.fill(counterStep, firstPath, assets, z);
        }
        if (models != null) {
            models.logReturns(counterStep, firstPath, z, step);
            accumulate();
            return;
        }
        for (int a = 0; a < assets; a++) {
            FloatVector shock = FloatVector.zero(Lanes.FLOATS);
            for (int b = 0; b <= a; b++) {
                float weight = loading[a * assets + b];
                if (weight != 0f) {
                    shock = FloatVector.fromArray(Lanes.FLOATS, z, b * L).mul(weight).add(shock);
                }
            }
            FloatVector x = FloatVector.fromArray(Lanes.FLOATS, logReturn, a * L).add(shock.add(logDrift[a]));
            x.intoArray(logReturn, a * L);
            x.lanewise(EXP).mul(initialPrice[a]).intoArray(price, a * L);
        }
    }

    /** Lane {@code lane}'s per-step conditional variance of the coming step (see {@link LaneModels}). */
    void conditionalVariance(CompiledProblem p, int lane, double[] out) {
        if (models != null) {
            models.conditionalVariance(p, lane, out);
        } else {
            for (int a = 0; a < p.assets; a++) {
                out[a] = p.stepVolatility.get(a) * p.stepVolatility.get(a);
            }
        }
    }

    /**
     * Lane {@code lane}'s diffusion covariance of step {@code step} from the models' state, before {@link #advance}
     * draws it; a problem beyond plain GBM only (plain GBM's is the same every step: see {@link LaneCovariance}).
     */
    void stepCovariance(CompiledProblem p, int step, int lane, double[] out) {
        models.stepCovariance(p, step, lane, out);
    }

    /** Asset {@code a}'s per-step conditional variance of the coming step in every lane, into {@code out}. */
    void conditionalVariance(CompiledProblem p, int a, float[] out) {
        if (models != null) {
            models.conditionalVariance(p, a, out);
        } else {
            Lanes.fill(out, 0, (float) (p.stepVolatility.get(a) * p.stepVolatility.get(a)));
        }
    }

    /** Adds the models' log returns in {@code step} and reprices. */
    private void accumulate() {
        for (int a = 0; a < assets; a++) {
            FloatVector x = FloatVector.fromArray(Lanes.FLOATS, logReturn, a * L)
                    .add(FloatVector.fromArray(Lanes.FLOATS, step, a * L));
            x.intoArray(logReturn, a * L);
            x.lanewise(EXP).mul(initialPrice[a]).intoArray(price, a * L);
        }
    }
}
