package io.marginsim.engine.opencl;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;

import java.util.EnumSet;
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
    static final Set<Feature> FEATURES = Feature.setOf(EnumSet.of(Feature.STUDENT_T, Feature.T_COPULA,
            Feature.MERTON_JUMPS, Feature.GARCH, Feature.AR1, Feature.DCC, Feature.HISTORICAL));

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
            chiSquare(m, q + ModelField.CHI.at(), p.degreesOfFreedom.get(a));
            jump(m, q + ModelField.JUMP.at(), p.jumpMean.get(a), p.jumpCap.get(a), p.jumpLogMean.get(a),
                    p.jumpLogStdev.get(a));
            m[q + ModelField.COMMON_BETA.at()] = p.commonJumpBeta.get(a);
            m[q + ModelField.DIFFUSION_SCALE.at()] = p.garch.get(a) ? p.volatilityMultiplier
                    : p.volatilityMultiplier * p.stepVolatility.get(a);
            m[q + ModelField.GARCH_ON.at()] = p.garch.get(a) ? 1 : 0;
            m[q + ModelField.GARCH_OMEGA.at()] = p.garchOmega.get(a);
            m[q + ModelField.GARCH_ALPHA.at()] = p.garchAlpha.get(a);
            m[q + ModelField.GARCH_BETA.at()] = p.garchBeta.get(a);
            m[q + ModelField.GARCH_START.at()] = p.initialVariance.get(a);
            m[q + ModelField.AR1_PHI.at()] = p.ar1.get(a);
            m[q + ModelField.AR1_SCALE.at()] = Math.sqrt(1 - p.ar1.get(a) * p.ar1.get(a));
        }
        p.correlationFactor.copyTo(0, m, ModelSection.FACTOR.at(shape), p.assets * p.assets);
        if (p.dcc) {
            int dcc = ModelSection.DCC.at(shape);
            m[dcc + DccField.A.at(shape)] = p.dccA;
            m[dcc + DccField.B.at(shape)] = p.dccB;
            // as io.marginsim.market.DynamicCorrelation#advance computes it
            m[dcc + DccField.W.at(shape)] = 1 - p.dccA - p.dccB;
            p.dccTarget.copyTo(0, m, dcc + DccField.TARGET.at(shape), p.assets * p.assets);
            int low = dcc + DccField.TARGET_LOW.at(shape);
            for (int e = 0; e < p.assets * p.assets; e++) {
                double c = p.dccTarget.get(e);
                m[low + e] = c - (float) c;
            }
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
