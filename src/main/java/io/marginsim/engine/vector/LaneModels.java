package io.marginsim.engine.vector;

import io.marginsim.engine.CompiledProblem;
import io.marginsim.rng.ShockStream;
import jdk.incubator.vector.FloatVector;

import static jdk.incubator.vector.VectorOperators.SQRT;

/**
 * The market models of {@link CompiledProblem} beyond GBM for {@link Lanes#COUNT} paths in float: Student-t and
 * t-copula mixing, Merton and common jumps, GARCH(1,1) variance and AR(1) returns, step for step as
 * {@link io.marginsim.market.MarketPath} computes them. GARCH variance and the previous AR(1) return are per-lane
 * state in float arrays.
 *
 * <p>The random parts (mixing factors, jumps) are written to lane arrays first by their own classes, then one
 * method combines them per asset: no vector crosses a method of ours (C2 would box it where it does not inline).
 */
final class LaneModels {
    private static final int L = Lanes.COUNT;
    private final int assets;
    private final float[] factor;
    private final float[] logDrift;
    private final float multiplier;
    /** Constant-volatility assets: {@code multiplier * stepVolatility}, rounded once from double. */
    private final float[] scale;
    private final boolean[] garch;
    private final float[] omega;
    private final float[] alpha;
    private final float[] beta;
    private final float[] initialVariance;
    private final float[] phi;
    /** {@code sqrt(1 - phi^2)}, from double. */
    private final float[] innovationWeight;
    private final float[] commonBeta;
    private final LaneMixing copula;
    private final LaneMixing[] mixing;
    private final LaneJumps[] jumps;
    private final LaneJumps commonJumps;

    private final float[] copulaFactor = new float[L];
    private final float[] mixingFactor;
    private final float[] jump;
    private final float[] commonJump = new float[L];
    /** GARCH variance of the coming step and the previous diffusion return, asset {@code a} at {@code a * L}. */
    private final float[] variance;
    private final float[] previous;

    LaneModels(CompiledProblem p) {
        assets = p.assets;
        factor = Floats.of(p.correlationFactor);
        logDrift = Floats.of(p.logDrift);
        multiplier = (float) p.volatilityMultiplier;
        scale = new float[assets];
        innovationWeight = new float[assets];
        for (int a = 0; a < assets; a++) {
            scale[a] = (float) (p.volatilityMultiplier * p.stepVolatility[a]);
            innovationWeight[a] = (float) Math.sqrt(1 - p.ar1[a] * p.ar1[a]);
        }
        garch = p.garch.clone();
        omega = Floats.of(p.garchOmega);
        alpha = Floats.of(p.garchAlpha);
        beta = Floats.of(p.garchBeta);
        initialVariance = Floats.of(p.initialVariance);
        phi = Floats.of(p.ar1);
        commonBeta = Floats.of(p.commonJumpBeta);
        copula = p.copulaDegreesOfFreedom > 0
                ? new LaneMixing(p.copulaDegreesOfFreedom, ShockStream.COPULA_MIXING, p.seed) : null;
        mixing = new LaneMixing[assets];
        jumps = new LaneJumps[assets];
        for (int a = 0; a < assets; a++) {
            if (p.degreesOfFreedom[a] > 0) {
                mixing[a] = new LaneMixing(p.degreesOfFreedom[a], ShockStream.ASSET_MIXING + a, p.seed);
            }
            if (p.jumpMean[a] > 0) {
                jumps[a] = new LaneJumps(p.jumpMean[a], p.jumpCap[a], p.jumpLogMean[a], p.jumpLogStdev[a],
                        ShockStream.JUMPS, a, p.seed);
            }
        }
        commonJumps = p.commonJumpMean > 0 ? new LaneJumps(p.commonJumpMean, p.commonJumpCap, p.commonJumpLogMean,
                p.commonJumpLogStdev, ShockStream.COMMON_JUMP, 0, p.seed) : null;
        mixingFactor = new float[assets * L];
        jump = new float[assets * L];
        variance = new float[assets * L];
        previous = new float[assets * L];
    }

    /** Starts new paths: GARCH variance at its initial level (the AR(1) state is not read at step 1). */
    void reset() {
        for (int a = 0; a < assets; a++) {
            java.util.Arrays.fill(variance, a * L, (a + 1) * L, initialVariance[a]);
        }
    }

    /**
     * Writes the log return of every asset at counter step {@code counterStep} (simulation step - 1) to
     * {@code out[a * L ..]}, from the price normals {@code z} of that step.
     */
    void logReturns(int counterStep, int firstPath, float[] z, float[] out) {
        if (copula != null) {
            copula.fill(counterStep, firstPath, copulaFactor, 0);
        }
        if (commonJumps != null) {
            commonJumps.fill(counterStep, firstPath, commonJump, 0);
        }
        for (int a = 0; a < assets; a++) {
            if (mixing[a] != null) {
                mixing[a].fill(counterStep, firstPath, mixingFactor, a * L);
            }
            if (jumps[a] != null) {
                jumps[a].fill(counterStep, firstPath, jump, a * L);
            }
        }
        combine(counterStep == 0, z, out);
    }

    private void combine(boolean firstStep, float[] z, float[] out) {
        for (int a = 0; a < assets; a++) {
            FloatVector u = FloatVector.zero(Lanes.FLOATS);
            for (int b = 0; b <= a; b++) {
                float weight = factor[a * assets + b];
                if (weight != 0f) {
                    u = FloatVector.fromArray(Lanes.FLOATS, z, b * L).mul(weight).add(u);
                }
            }
            if (copula != null) {
                u = u.mul(FloatVector.fromArray(Lanes.FLOATS, copulaFactor, 0));
            }
            if (mixing[a] != null) {
                u = u.mul(FloatVector.fromArray(Lanes.FLOATS, mixingFactor, a * L));
            }
            FloatVector x;
            if (garch[a]) {
                FloatVector h = FloatVector.fromArray(Lanes.FLOATS, variance, a * L);
                x = h.lanewise(SQRT).mul(multiplier).mul(u);
                // the next step's variance, from this step's innovation
                u.mul(u).mul(alpha[a]).add(beta[a]).mul(h).add(omega[a]).intoArray(variance, a * L);
            } else {
                x = u.mul(scale[a]);
            }
            if (phi[a] != 0f) {
                if (!firstStep) {
                    x = FloatVector.fromArray(Lanes.FLOATS, previous, a * L).mul(phi[a]).add(x.mul(innovationWeight[a]));
                }
                x.intoArray(previous, a * L);
            }
            FloatVector r = x.add(logDrift[a]);
            if (jumps[a] != null) {
                r = r.add(FloatVector.fromArray(Lanes.FLOATS, jump, a * L));
            }
            if (commonJumps != null && commonBeta[a] != 0f) {
                r = FloatVector.fromArray(Lanes.FLOATS, commonJump, 0).mul(commonBeta[a]).add(r);
            }
            r.intoArray(out, a * L);
        }
    }
}
