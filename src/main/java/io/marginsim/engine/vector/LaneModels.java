package io.marginsim.engine.vector;

import io.marginsim.engine.MarketPath;
import io.marginsim.market.HistoricalResiduals;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.rng.ShockStream;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.SQRT;

/**
 * The market models of {@link CompiledProblem} beyond GBM for {@link Lanes#COUNT} paths in float: Student-t and
 * t-copula mixing, Merton and common jumps, GARCH(1,1) variance, AR(1) returns, DCC correlation and filtered
 * historical simulation, step for step as {@link io.marginsim.engine.MarketPath} computes them. GARCH variance and the
 * previous AR(1) return are per-lane state in float arrays, DCC's {@code Q} and Cholesky factor in double arrays.
 *
 * <p>DCC keeps per lane the matrix {@code Q} and the lower factor of {@code R} (in double: see
 * {@link #advanceCorrelation}); after each step's returns {@code Q} takes the step's innovations and is
 * refactorised column by column, lane-wise, with the reference's pivot rule ({@code pivot <= 1e-12} zeroes the
 * column in that lane only). Filtered historical simulation draws no normals: each lane's row index comes from word
 * 0 of its bootstrap block, computed in double exactly as {@link HistoricalResiduals#row} does, and the row's
 * residuals are gathered into the innovation array lane by lane.
 *
 * <p>The random parts (mixing factors, jumps) are written to lane arrays first by their own classes, then one
 * method combines them per asset: no vector crosses a method of ours (C2 would box it where it does not inline).
 */
final class LaneModels {
    private static final int L = Lanes.COUNT;
    /** DCC's pivot rule, as {@link io.marginsim.market.DynamicCorrelation}'s. */
    private static final double PIVOT_TOLERANCE = 1e-12;
    private final int assets;
    private final float[] factor;
    private final float[] logDrift;
    private final float multiplier;
    /** {@code volatilityMultiplier^2 / 2}, from double: a GARCH step's drift is {@code logDrift - this * h}. */
    private final float halfSquaredMultiplier;
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

    /** DCC: whether the correlation is per-lane state; {@code Cbar} and the weights, in double. */
    private final boolean dcc;
    private final double dccA;
    private final double dccB;
    private final double dccW;
    private final double[] dccTarget;
    /**
     * Per lane {@code Q} and the lower factor of {@code R} in double, and the factor rounded to float for the
     * innovations; element {@code (i, j)} of lane {@code l} at {@code (i * assets + j) * L + l}.
     */
    private final double[] q;
    private final double[] laneFactor;
    private final float[] factorF;
    /** {@link #innovation} widened to double for the {@code Q} update. */
    private final double[] innovationD;
    /** The compiled factor of {@code Cbar}: {@code L_1}. */
    private final double[] targetFactor;
    /** This step's unit-variance innovations, asset {@code a} at {@code a * L} (DCC's driver; FHS's bootstrapped row). */
    private final float[] innovation;

    /** Filtered historical simulation: rows {@code T} (0 = off), the residuals in float, row-major. */
    private final int historyRows;
    private final float[] historyResiduals;
    private final int k0;
    private final int k1;
    private final int[] words = new int[4 * L];
    /** One lane's step standard deviations and DCC factor, scratch for {@link #stepCovariance}. */
    private final double[] laneScale;
    private final double[] oneFactor;

    LaneModels(CompiledProblem p) {
        assets = p.assets;
        k0 = (int) p.seed;
        k1 = (int) (p.seed >>> 32);
        factor = Floats.of(p.correlationFactor.toArray());
        logDrift = Floats.of(p.logDrift.toArray());
        multiplier = (float) p.volatilityMultiplier;
        halfSquaredMultiplier = (float) (0.5 * p.volatilityMultiplier * p.volatilityMultiplier);
        scale = new float[assets];
        innovationWeight = new float[assets];
        for (int a = 0; a < assets; a++) {
            scale[a] = (float) (p.volatilityMultiplier * p.stepVolatility.get(a));
            innovationWeight[a] = (float) Math.sqrt(1 - p.ar1.get(a) * p.ar1.get(a));
        }
        garch = p.garch.toArray();
        omega = Floats.of(p.garchOmega.toArray());
        alpha = Floats.of(p.garchAlpha.toArray());
        beta = Floats.of(p.garchBeta.toArray());
        initialVariance = Floats.of(p.initialVariance.toArray());
        phi = Floats.of(p.ar1.toArray());
        commonBeta = Floats.of(p.commonJumpBeta.toArray());
        copula = p.copulaDegreesOfFreedom > 0
                ? new LaneMixing(p.copulaDegreesOfFreedom, ShockStream.COPULA_MIXING, p.seed) : null;
        mixing = new LaneMixing[assets];
        jumps = new LaneJumps[assets];
        for (int a = 0; a < assets; a++) {
            if (p.degreesOfFreedom.get(a) > 0) {
                mixing[a] = new LaneMixing(p.degreesOfFreedom.get(a), ShockStream.ASSET_MIXING + a, p.seed);
            }
            if (p.jumpMean.get(a) > 0) {
                jumps[a] = new LaneJumps(p.jumpMean.get(a), p.jumpCap.get(a), p.jumpLogMean.get(a),
                        p.jumpLogStdev.get(a), ShockStream.JUMPS, a, p.seed);
            }
        }
        commonJumps = p.commonJumpMean > 0 ? new LaneJumps(p.commonJumpMean, p.commonJumpCap, p.commonJumpLogMean,
                p.commonJumpLogStdev, ShockStream.COMMON_JUMP, 0, p.seed) : null;
        mixingFactor = new float[assets * L];
        jump = new float[assets * L];
        variance = new float[assets * L];
        previous = new float[assets * L];
        dcc = p.dcc;
        dccA = p.dccA;
        dccB = p.dccB;
        dccW = 1 - p.dccA - p.dccB;
        dccTarget = p.dccTarget.toArray();
        targetFactor = p.correlationFactor.toArray();
        q = dcc ? new double[assets * assets * L] : null;
        laneFactor = dcc ? new double[assets * assets * L] : null;
        factorF = dcc ? new float[assets * assets * L] : null;
        innovationD = dcc ? new double[assets * L] : null;
        innovation = new float[assets * L];
        historyRows = p.historyRows;
        historyResiduals = p.historyResidualsAsFloat();
        laneScale = new double[assets];
        oneFactor = dcc ? new double[assets * assets] : null;
    }

    /**
     * Lane {@code lane}'s per-step conditional variance of the coming step, as
     * {@link io.marginsim.engine.MarketPath#conditionalVariance} defines it: GARCH's {@code h} where the asset has
     * GARCH, else the constant per-step variance.
     */
    void conditionalVariance(CompiledProblem p, int lane, double[] out) {
        for (int a = 0; a < assets; a++) {
            out[a] = garch[a] ? variance[a * L + lane] : p.stepVolatility.get(a) * p.stepVolatility.get(a);
        }
    }

    /**
     * Lane {@code lane}'s diffusion covariance of step {@code step}, before {@link #logReturns} draws it, as
     * {@link MarketPath#stepCovariance(int, double[])} computes it from one path's state: the lane's GARCH variance
     * (widened from float) and, with DCC, its own factor in double.
     */
    void stepCovariance(CompiledProblem p, int step, int lane, double[] out) {
        for (int a = 0; a < assets; a++) {
            laneScale[a] = MarketPath.stepScale(p, step, a, variance[a * L + lane]);
        }
        double[] f = targetFactor;
        if (dcc) {
            for (int e = 0; e < assets * assets; e++) {
                oneFactor[e] = laneFactor[e * L + lane];
            }
            f = oneFactor;
        }
        MarketPath.stepCovariance(p, f, laneScale, out);
    }

    /** {@link #conditionalVariance(CompiledProblem, int, double[])} of asset {@code a}, all lanes, into {@code out}. */
    void conditionalVariance(CompiledProblem p, int a, float[] out) {
        if (garch[a]) {
            FloatVector.fromArray(Lanes.FLOATS, variance, a * L).intoArray(out, 0);
        } else {
            Lanes.fill(out, 0, (float) (p.stepVolatility.get(a) * p.stepVolatility.get(a)));
        }
    }

    /** Whether the innovations are bootstrapped rows, so that no price normals are needed. */
    boolean historical() {
        return historyRows > 0;
    }

    /** Starts new paths: GARCH variance at its initial level (the AR(1) state is not read at step 1). */
    void reset() {
        for (int a = 0; a < assets; a++) {
            java.util.Arrays.fill(variance, a * L, (a + 1) * L, initialVariance[a]);
        }
        if (dcc) {
            // Q_1 = Cbar and L_1 the compiled factor of Cbar, in every lane
            for (int e = 0; e < assets * assets; e++) {
                java.util.Arrays.fill(q, e * L, (e + 1) * L, dccTarget[e]);
                java.util.Arrays.fill(laneFactor, e * L, (e + 1) * L, targetFactor[e]);
                java.util.Arrays.fill(factorF, e * L, (e + 1) * L, factor[e]);
            }
        }
    }

    /**
     * Writes the log return of every asset at counter step {@code counterStep} (simulation step - 1) to
     * {@code out[a * L ..]}, from the price normals {@code z} of that step.
     */
    void logReturns(int counterStep, int firstPath, float[] z, float[] out) {
        if (historyRows > 0) {
            bootstrap(counterStep, firstPath);
        }
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
        if (dcc) {
            advanceCorrelation();
        }
    }

    /** Gathers each lane's bootstrapped residual row into {@link #innovation}: the reference's index, in double. */
    private void bootstrap(int counterStep, int firstPath) {
        LanePhilox.block(counterStep, firstPath, 0, ShockStream.BOOTSTRAP, k0, k1, words);
        for (int l = 0; l < L; l++) {
            int row = HistoricalResiduals.row(words[l], historyRows) * assets;
            for (int a = 0; a < assets; a++) {
                innovation[a * L + l] = historyResiduals[row + a];
            }
        }
    }

    /**
     * {@code Q = (1 - a - b) Cbar + a u u' + b Q} per lane from this step's innovations, then the lower Cholesky
     * factor of {@code R[i][j] = Q[i][j] / sqrt(Q[i][i] Q[j][j])}, column by column as
     * {@link io.marginsim.market.DynamicCorrelation} does: the pivot starts at 1 (the unit diagonal of {@code R}),
     * and a pivot {@code <= 1e-12} zeroes the column in that lane.
     *
     * <p>{@code Q} and the factor are kept and computed in double, {@link Lanes#DOUBLES} lanes at a time, and the
     * factor is rounded to float for the next step's innovations. A target near singularity makes the pivots small
     * and the factorisation ill-conditioned: in float, correlations of 0.9999 between three assets moved terminal
     * equities by 3e-5 of gross notional against the reference, in double they agree like the other models.
     */
    private void advanceCorrelation() {
        int n = assets;
        int d = Lanes.DOUBLES.length();
        for (int i = 0; i < n * L; i++) {
            innovationD[i] = innovation[i];
        }
        for (int h = 0; h < L; h += d) {
            for (int i = 0; i < n; i++) {
                DoubleVector ui = DoubleVector.fromArray(Lanes.DOUBLES, innovationD, i * L + h);
                for (int j = 0; j <= i; j++) {
                    DoubleVector uj = DoubleVector.fromArray(Lanes.DOUBLES, innovationD, j * L + h);
                    DoubleVector v = ui.mul(dccA).mul(uj).add(dccW * dccTarget[i * n + j])
                            .add(DoubleVector.fromArray(Lanes.DOUBLES, q, (i * n + j) * L + h).mul(dccB));
                    v.intoArray(q, (i * n + j) * L + h);
                    v.intoArray(q, (j * n + i) * L + h);
                }
            }
            DoubleVector zero = DoubleVector.zero(Lanes.DOUBLES);
            for (int j = 0; j < n; j++) {
                DoubleVector pivot = DoubleVector.broadcast(Lanes.DOUBLES, 1.0);
                for (int k = 0; k < j; k++) {
                    DoubleVector f = DoubleVector.fromArray(Lanes.DOUBLES, laneFactor, (j * n + k) * L + h);
                    pivot = pivot.sub(f.mul(f));
                }
                VectorMask<Double> singular = pivot.compare(LE, PIVOT_TOLERANCE);
                DoubleVector diagonal = pivot.lanewise(SQRT).blend(zero, singular);
                diagonal.intoArray(laneFactor, (j * n + j) * L + h);
                DoubleVector qjj = DoubleVector.fromArray(Lanes.DOUBLES, q, (j * n + j) * L + h);
                for (int i = j + 1; i < n; i++) {
                    DoubleVector qii = DoubleVector.fromArray(Lanes.DOUBLES, q, (i * n + i) * L + h);
                    DoubleVector sum = DoubleVector.fromArray(Lanes.DOUBLES, q, (i * n + j) * L + h)
                            .div(qii.mul(qjj).lanewise(SQRT));
                    for (int k = 0; k < j; k++) {
                        sum = sum.sub(DoubleVector.fromArray(Lanes.DOUBLES, laneFactor, (i * n + k) * L + h)
                                .mul(DoubleVector.fromArray(Lanes.DOUBLES, laneFactor, (j * n + k) * L + h)));
                    }
                    sum.div(diagonal).blend(zero, singular).intoArray(laneFactor, (i * n + j) * L + h);
                }
            }
        }
        for (int i = 0; i < n * n * L; i++) {
            factorF[i] = (float) laneFactor[i];
        }
    }

    private void combine(boolean firstStep, float[] z, float[] out) {
        boolean historical = historyRows > 0;
        for (int a = 0; a < assets; a++) {
            FloatVector u = FloatVector.zero(Lanes.FLOATS);
            if (historical) {
                // the bootstrapped row is the unit-variance innovation itself (C = M = 1)
                u = FloatVector.fromArray(Lanes.FLOATS, innovation, a * L);
            } else if (dcc) {
                for (int b = 0; b <= a; b++) {
                    u = FloatVector.fromArray(Lanes.FLOATS, z, b * L)
                            .mul(FloatVector.fromArray(Lanes.FLOATS, factorF, (a * assets + b) * L)).add(u);
                }
            } else {
                for (int b = 0; b <= a; b++) {
                    float weight = factor[a * assets + b];
                    if (weight != 0f) {
                        u = FloatVector.fromArray(Lanes.FLOATS, z, b * L).mul(weight).add(u);
                    }
                }
            }
            if (!historical) {
                if (copula != null) {
                    u = u.mul(FloatVector.fromArray(Lanes.FLOATS, copulaFactor, 0));
                }
                if (mixing[a] != null) {
                    u = u.mul(FloatVector.fromArray(Lanes.FLOATS, mixingFactor, a * L));
                }
                if (dcc) {
                    u.intoArray(innovation, a * L);
                }
            }
            FloatVector x;
            FloatVector drift;
            if (garch[a]) {
                FloatVector h = FloatVector.fromArray(Lanes.FLOATS, variance, a * L);
                x = h.lanewise(SQRT).mul(multiplier).mul(u);
                drift = h.mul(-halfSquaredMultiplier).add(logDrift[a]);
                // the next step's variance, from this step's innovation
                u.mul(u).mul(alpha[a]).add(beta[a]).mul(h).add(omega[a]).intoArray(variance, a * L);
            } else {
                x = u.mul(scale[a]);
                drift = FloatVector.broadcast(Lanes.FLOATS, logDrift[a]);
            }
            if (phi[a] != 0f) {
                if (!firstStep) {
                    x = FloatVector.fromArray(Lanes.FLOATS, previous, a * L).mul(phi[a]).add(x.mul(innovationWeight[a]));
                }
                x.intoArray(previous, a * L);
            }
            FloatVector r = x.add(drift);
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
