package io.marginsim.engine.opencl;

import io.marginsim.engine.CompiledProblem;
import io.marginsim.engine.Frictions;
import io.marginsim.liquidation.ImpactModel;
import io.marginsim.liquidation.PartialPolicy;

/**
 * The carrying costs and liquidation policy of a {@link CompiledProblem} ({@link Frictions}) in the layout of
 * {@code kernels/frictions.cl}, and the build options that compile in only the parts the problem uses, so that a
 * problem without frictions gets the plain kernel unchanged.
 * <pre>
 *   latencyWhole, latencyFraction, impactCoefficient,
 *   funding[P], borrow[A], depth[P], feeRate[P], partialMode[P], partialFraction[P], partialAbove[P]
 * </pre>
 * {@code partialMode} is the ordinal of {@link PartialPolicy.Mode}, exact in float. {@code latencyWhole} (whole
 * steps, rounded up) is capped at {@code steps + 1}: every fill due after the horizon is executed at the horizon,
 * so the cap changes nothing and keeps the value exact in float and the kernel's step arithmetic from overflowing.
 */
final class FrictionBuffer {
    static final int HEADER = 3;

    private FrictionBuffer() {
    }

    /** Whether the problem needs the liquidating kernel. */
    static boolean applies(CompiledProblem p) {
        return !p.frictions.isNone();
    }

    /** Build options of the mechanics in use; empty for a problem without frictions. */
    static String options(CompiledProblem p) {
        if (!applies(p)) {
            return "";
        }
        Frictions f = p.frictions;
        StringBuilder out = new StringBuilder(" -DFRICTIONS");
        if (f.hasFunding()) {
            out.append(" -DFUNDING");
        }
        if (f.hasBorrow()) {
            out.append(" -DBORROW");
        }
        Frictions.Liquidation liq = f.liquidation();
        if (liq != null) {
            if (liq.latencyFraction() != 0) {
                out.append(" -DLATENCY_FRACTION");
            }
            if (liq.impact() != null) {
                out.append(liq.impact() == ImpactModel.SQRT ? " -DIMPACT_SQRT" : " -DIMPACT_LINEAR");
            }
            if (f.features().contains(Frictions.FEE)) {
                out.append(" -DFEES");
            }
            if (f.features().contains(Frictions.PARTIAL)) {
                out.append(" -DPARTIAL");
            }
        }
        return out.toString();
    }

    /** Number of reals {@link #pack} writes: one placeholder for a problem without frictions. */
    static int length(CompiledProblem p) {
        return applies(p) ? HEADER + 6 * p.positions + p.assets : 1;
    }

    static double[] pack(CompiledProblem p) {
        double[] m = new double[length(p)];
        if (!applies(p)) {
            return m;
        }
        Frictions f = p.frictions;
        int funding = HEADER;
        int borrow = funding + p.positions;
        int depth = borrow + p.assets;
        int fee = depth + p.positions;
        int mode = fee + p.positions;
        int fraction = mode + p.positions;
        int above = fraction + p.positions;
        System.arraycopy(f.fundingPerStep(), 0, m, funding, f.fundingPerStep().length);
        System.arraycopy(f.borrowPerStep(), 0, m, borrow, f.borrowPerStep().length);
        Frictions.Liquidation liq = f.liquidation();
        if (liq == null) {
            // a breach closes at the breach step's price at no cost: zero latency, and the options compile in no
            // impact, fee or partial policy
            return m;
        }
        m[0] = Math.min(liq.latencyWhole(), p.steps + 1);
        m[1] = liq.latencyFraction();
        m[2] = liq.impactCoefficient();
        System.arraycopy(liq.depth(), 0, m, depth, p.positions);
        System.arraycopy(liq.feeRate(), 0, m, fee, p.positions);
        for (int i = 0; i < p.positions; i++) {
            PartialPolicy policy = liq.partial()[i];
            m[mode + i] = policy.mode().ordinal();
            m[fraction + i] = policy.fraction();
            m[above + i] = policy.aboveNotional();
        }
        return m;
    }
}
