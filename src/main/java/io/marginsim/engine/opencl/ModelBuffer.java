package io.marginsim.engine.opencl;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;

import java.util.EnumSet;
import java.util.Set;

/**
 * The market-model parameters of a {@link CompiledProblem} in the layout of {@code kernels/models.cl}, and the
 * build options that compile in only the models the problem uses. The residual rows of filtered historical
 * simulation are not packed here: they go in a global buffer of their own ({@link ProblemBuffers#history}). Everything derived (the chi-square constants
 * of Marsaglia-Tsang, {@code exp(-mean)} of the Poisson inversion, {@code sqrt(1 - phi^2)}) is computed here in
 * double precision, as the reference computes it, so that a float device rounds each only once.
 */
final class ModelBuffer {
    /** The features of {@link CompiledProblem#marketModelFeatures()} that {@code models.cl} implements. */
    static final Set<Feature> FEATURES = Feature.setOf(EnumSet.of(Feature.STUDENT_T, Feature.T_COPULA,
            Feature.MERTON_JUMPS, Feature.GARCH, Feature.AR1, Feature.DCC, Feature.HISTORICAL));

    static final int CHI_FIELDS = 6;
    static final int JUMP_FIELDS = 5;
    static final int HEADER = CHI_FIELDS + JUMP_FIELDS;
    static final int ASSET_FIELDS = CHI_FIELDS + JUMP_FIELDS + 9;
    /** DCC's {@code a}, {@code b} and {@code 1 - a - b} before its target {@code Cbar}. */
    static final int DCC_FIELDS = 3;

    private ModelBuffer() {
    }

    /** Build options beyond GBM; empty for a GBM problem, whose program is the plain GBM one. */
    static String options(CompiledProblem p) {
        if (p.gbmOnly()) {
            return "";
        }
        boolean t = false;
        boolean jumps = false;
        boolean garch = false;
        boolean ar1 = false;
        for (int a = 0; a < p.assets; a++) {
            t |= p.degreesOfFreedom.get(a) > 0;
            jumps |= p.jumpMean.get(a) > 0;
            garch |= p.garch.get(a);
            ar1 |= p.ar1.get(a) != 0;
        }
        return " -DMODELS" + (t ? " -DMODEL_T" : "") + (p.copulaDegreesOfFreedom > 0 ? " -DCOPULA_T" : "")
                + (jumps ? " -DASSET_JUMPS" : "") + (p.commonJumpMean > 0 ? " -DCOMMON_JUMP" : "")
                + (garch ? " -DMODEL_GARCH" : "") + (ar1 ? " -DMODEL_AR1" : "") + (p.dcc ? " -DMODEL_DCC" : "")
                + (p.historyRows > 0 ? " -DMODEL_HISTORY" : "");
    }

    /** Number of reals {@link #pack} writes: one placeholder for GBM, which reads none. */
    static int length(CompiledProblem p) {
        if (p.gbmOnly()) {
            return 1;
        }
        return HEADER + p.assets * ASSET_FIELDS + p.assets * p.assets
                + (p.dcc ? DCC_FIELDS + p.assets * p.assets : 0);
    }

    static double[] pack(CompiledProblem p) {
        double[] m = new double[length(p)];
        if (p.gbmOnly()) {
            return m;
        }
        chiSquare(m, 0, p.copulaDegreesOfFreedom);
        jump(m, CHI_FIELDS, p.commonJumpMean, p.commonJumpCap, p.commonJumpLogMean, p.commonJumpLogStdev);
        for (int a = 0; a < p.assets; a++) {
            int at = HEADER + a * ASSET_FIELDS;
            chiSquare(m, at, p.degreesOfFreedom.get(a));
            jump(m, at + CHI_FIELDS, p.jumpMean.get(a), p.jumpCap.get(a), p.jumpLogMean.get(a), p.jumpLogStdev.get(a));
            int q = at + CHI_FIELDS + JUMP_FIELDS;
            m[q] = p.commonJumpBeta.get(a);
            m[q + 1] = p.garch.get(a) ? p.volatilityMultiplier : p.volatilityMultiplier * p.stepVolatility.get(a);
            m[q + 2] = p.garch.get(a) ? 1 : 0;
            m[q + 3] = p.garchOmega.get(a);
            m[q + 4] = p.garchAlpha.get(a);
            m[q + 5] = p.garchBeta.get(a);
            m[q + 6] = p.initialVariance.get(a);
            m[q + 7] = p.ar1.get(a);
            m[q + 8] = Math.sqrt(1 - p.ar1.get(a) * p.ar1.get(a));
        }
        int factor = HEADER + p.assets * ASSET_FIELDS;
        p.correlationFactor.copyTo(0, m, factor, p.assets * p.assets);
        if (p.dcc) {
            int dcc = factor + p.assets * p.assets;
            m[dcc] = p.dccA;
            m[dcc + 1] = p.dccB;
            // as io.marginsim.market.DynamicCorrelation#advance computes it
            m[dcc + 2] = 1 - p.dccA - p.dccB;
            p.dccTarget.copyTo(0, m, dcc + DCC_FIELDS, p.assets * p.assets);
        }
        return m;
    }

    /** Constants of {@link io.marginsim.market.ChiSquare} for {@code nu} (all zero for none). */
    private static void chiSquare(double[] m, int at, double nu) {
        if (!(nu > 0)) {
            return;
        }
        double whole = Math.floor(nu);
        double shape = 0.5 * (nu - whole);
        m[at] = nu;
        m[at + 1] = whole;
        if (shape > 0) {
            double d = shape + 1 - 1.0 / 3;
            m[at + 2] = shape;
            m[at + 3] = d;
            m[at + 4] = 1 / Math.sqrt(9 * d);
            m[at + 5] = 1 / shape;
        }
    }

    /** Constants of {@link io.marginsim.market.MertonJumps#logJump} (all zero for no jumps). */
    private static void jump(double[] m, int at, double mean, int cap, double logMean, double logStdev) {
        if (!(mean > 0)) {
            return;
        }
        m[at] = mean;
        m[at + 1] = Math.exp(-mean);
        m[at + 2] = cap;
        m[at + 3] = logMean;
        m[at + 4] = logStdev;
    }
}
