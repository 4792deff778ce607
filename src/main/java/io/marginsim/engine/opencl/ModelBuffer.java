package io.marginsim.engine.opencl;

import io.marginsim.problem.CompiledProblem;

import java.util.Set;

/**
 * The market-model parameters of a {@link CompiledProblem} in the layout of {@code kernels/models.cl} (the sections
 * of {@link ModelSection}, with records of {@link ChiField}, {@link JumpField}, {@link ModelField} and
 * {@link DccField}, whose generated offsets the kernel reads: {@link KernelLayouts}), and the
 * build options that compile in only the models the problem uses. The residual rows of filtered historical
 * simulation are not packed here: they go in a global buffer of their own ({@link ProblemBuffers#history}). Everything derived (the chi-square constants
 * of Marsaglia-Tsang, {@code exp(-mean)} of the Poisson inversion, {@code sqrt(1 - phi^2)}) is computed here in
 * double precision, as the reference computes it, so that a float device rounds each only once.
 */
final class ModelBuffer {
    /** The features of {@link CompiledProblem#marketModelFeatures()} that {@code models.cl} implements. */
    static final Set<String> FEATURES = Set.of(CompiledProblem.STUDENT_T, CompiledProblem.T_COPULA,
            CompiledProblem.MERTON_JUMPS, CompiledProblem.GARCH, CompiledProblem.AR1, CompiledProblem.DCC,
            CompiledProblem.HISTORICAL);

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
            t |= p.degreesOfFreedom[a] > 0;
            jumps |= p.jumpMean[a] > 0;
            garch |= p.garch[a];
            ar1 |= p.ar1[a] != 0;
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
        LayoutShape shape = LayoutShape.of(p);
        return p.dcc ? ModelSection.LAYOUT.length(shape) : ModelSection.DCC.at(shape);
    }

    static double[] pack(CompiledProblem p) {
        double[] m = new double[length(p)];
        if (p.gbmOnly()) {
            return m;
        }
        LayoutShape shape = LayoutShape.of(p);
        chiSquare(m, ModelSection.COPULA.at(shape), p.copulaDegreesOfFreedom);
        jump(m, ModelSection.COMMON_JUMP.at(shape), p.commonJumpMean, p.commonJumpCap, p.commonJumpLogMean,
                p.commonJumpLogStdev);
        for (int a = 0; a < p.assets; a++) {
            int q = ModelSection.PER_ASSET.at(shape) + a * ModelField.LAYOUT.length();
            chiSquare(m, q + ModelField.CHI.at(), p.degreesOfFreedom[a]);
            jump(m, q + ModelField.JUMP.at(), p.jumpMean[a], p.jumpCap[a], p.jumpLogMean[a], p.jumpLogStdev[a]);
            m[q + ModelField.COMMON_BETA.at()] = p.commonJumpBeta[a];
            m[q + ModelField.DIFFUSION_SCALE.at()] = p.garch[a] ? p.volatilityMultiplier
                    : p.volatilityMultiplier * p.stepVolatility[a];
            m[q + ModelField.GARCH_ON.at()] = p.garch[a] ? 1 : 0;
            m[q + ModelField.GARCH_OMEGA.at()] = p.garchOmega[a];
            m[q + ModelField.GARCH_ALPHA.at()] = p.garchAlpha[a];
            m[q + ModelField.GARCH_BETA.at()] = p.garchBeta[a];
            m[q + ModelField.GARCH_START.at()] = p.initialVariance[a];
            m[q + ModelField.AR1_PHI.at()] = p.ar1[a];
            m[q + ModelField.AR1_SCALE.at()] = Math.sqrt(1 - p.ar1[a] * p.ar1[a]);
        }
        System.arraycopy(p.correlationFactor, 0, m, ModelSection.FACTOR.at(shape), p.assets * p.assets);
        if (p.dcc) {
            int dcc = ModelSection.DCC.at(shape);
            m[dcc + DccField.A.at(shape)] = p.dccA;
            m[dcc + DccField.B.at(shape)] = p.dccB;
            // as io.marginsim.market.DynamicCorrelation#advance computes it
            m[dcc + DccField.W.at(shape)] = 1 - p.dccA - p.dccB;
            System.arraycopy(p.dccTarget, 0, m, dcc + DccField.TARGET.at(shape), p.assets * p.assets);
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
        m[at + ChiField.NU.at()] = nu;
        m[at + ChiField.WHOLE.at()] = whole;
        if (shape > 0) {
            double d = shape + 1 - 1.0 / 3;
            m[at + ChiField.SHAPE.at()] = shape;
            m[at + ChiField.D.at()] = d;
            m[at + ChiField.C.at()] = 1 / Math.sqrt(9 * d);
            m[at + ChiField.INV_SHAPE.at()] = 1 / shape;
        }
    }

    /** Constants of {@link io.marginsim.market.MertonJumps#logJump} (all zero for no jumps). */
    private static void jump(double[] m, int at, double mean, int cap, double logMean, double logStdev) {
        if (!(mean > 0)) {
            return;
        }
        m[at + JumpField.MEAN.at()] = mean;
        m[at + JumpField.P0.at()] = Math.exp(-mean);
        m[at + JumpField.CAP.at()] = cap;
        m[at + JumpField.LOG_MEAN.at()] = logMean;
        m[at + JumpField.LOG_STDEV.at()] = logStdev;
    }
}
