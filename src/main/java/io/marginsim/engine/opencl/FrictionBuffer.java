package io.marginsim.engine.opencl;

import io.marginsim.check.Counts;
import io.marginsim.liquidation.ImpactModel;
import io.marginsim.liquidation.PartialPolicy;
import io.marginsim.liquidation.PremiumLink;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.problem.Frictions;

import java.util.Optional;
import java.util.Set;

/**
 * The carrying costs and liquidation policy of a {@link CompiledProblem} ({@link Frictions}) in the layout of
 * {@code kernels/account.cl}, and the build options that compile in only the parts the problem uses, so that a
 * problem without frictions gets the plain kernel unchanged. Two buffers, so that the kernel reads flags, modes,
 * step counts and indices as ints rather than converting reals: the reals in the order of {@link FrictionField},
 * the ints in that of {@link FrictionIntField}, whose generated offsets the kernels read ({@link KernelLayouts}).
 * {@link FrictionIntField#PARTIAL_MODE} is the ordinal of {@link PartialPolicy.Mode},
 * {@link FrictionIntField#PREMIUM_STEPS} the trailing funding interval in steps (0 where the funding is constant)
 * and {@link FrictionField#START_X} the log price before the horizon relative to the initial one, formed in double so
 * that float keeps its digits. {@link FrictionIntField#LATENCY_WHOLE} (whole steps, rounded up) is capped at
 * {@code steps + 1}: every fill due after the horizon is executed at the horizon, so the cap changes nothing and
 * keeps the kernel's step arithmetic from overflowing.
 */
final class FrictionBuffer {
    /**
     * The most log prices a path keeps for premium-linked funding ({@link Frictions.PremiumFunding#history()} per
     * asset), in private memory: 4 KiB a work-item in float, which a GPU holds in its per-thread memory without
     * running short. An 8-hour interval fits at one-minute steps for two assets, at five-minute steps for ten.
     */
    static final int PREMIUM_HISTORY_LIMIT = 1024;

    private FrictionBuffer() {
    }

    /** Whether the problem needs the liquidating kernel. */
    static boolean applies(CompiledProblem p) {
        return !p.frictions.isNone();
    }

    /**
     * What the kernel cannot run although it implements the feature: premium-linked funding whose trailing window
     * needs more than {@link #PREMIUM_HISTORY_LIMIT} log prices per path, named as a refusal reason.
     */
    static Optional<String> beyondLimits(CompiledProblem p) {
        Frictions.PremiumFunding premium = p.frictions.premiumFunding();
        if (premium == null || (long) premium.history() * p.assets <= PREMIUM_HISTORY_LIMIT) {
            return Optional.empty();
        }
        return Optional.of(Feature.PREMIUM_FUNDING.label() + " over " + (premium.history() - 1) + " steps for "
                + Counts.of(p.assets, "asset") + " (the OpenCL kernel keeps at most " + PREMIUM_HISTORY_LIMIT
                + " past log prices per path)");
    }

    /** Build options of the mechanics in use; empty for a problem without frictions. */
    static String options(CompiledProblem p) {
        if (!applies(p)) {
            return "";
        }
        Frictions f = p.frictions;
        StringBuilder out = new StringBuilder(" -DFRICTIONS");
        if (p.isolated) {
            out.append(" -DISOLATED");
        }
        if (f.hasFunding()) {
            out.append(" -DFUNDING");
        }
        if (f.premiumFunding() != null) {
            out.append(" -DPREMIUM_FUNDING -DPREMIUM_HISTORY=").append(f.premiumFunding().history());
        }
        if (f.hasBorrow()) {
            out.append(" -DBORROW");
        }
        if (f.haircuts() != null) {
            out.append(" -DPATH_HAIRCUTS -DHAIRCUT_ENTRIES=").append(f.haircuts().asset().length());
        }
        Frictions.Liquidation liq = f.liquidation();
        if (liq != null) {
            Set<Feature> used = p.mechanicsFeatures();
            if (liq.latencyFraction() != 0) {
                out.append(" -DLATENCY_FRACTION");
            }
            if (liq.impact() != null) {
                out.append(liq.impact() == ImpactModel.SQRT ? " -DIMPACT_SQRT" : " -DIMPACT_LINEAR");
            }
            if (used.contains(Feature.FEE)) {
                out.append(" -DFEES");
            }
            if (used.contains(Feature.FEE_CAPPED)) {
                out.append(" -DFEE_CAPPED");
            }
            if (used.contains(Feature.PARTIAL)) {
                out.append(" -DPARTIAL");
            }
        }
        return out.toString();
    }

    /** Number of reals {@link #pack} writes; one placeholder for a problem without frictions. */
    static int length(CompiledProblem p) {
        return applies(p) ? FrictionField.LAYOUT.length(LayoutShape.of(p)) : 1;
    }

    /** Number of ints {@link #packInts} writes; one placeholder for a problem without frictions. */
    static int intLength(CompiledProblem p) {
        return applies(p) ? FrictionIntField.LAYOUT.length(LayoutShape.of(p)) : 1;
    }

    static double[] pack(CompiledProblem p) {
        double[] m = new double[length(p)];
        if (!applies(p)) {
            return m;
        }
        LayoutShape shape = LayoutShape.of(p);
        Frictions f = p.frictions;
        int n = p.positions;
        f.fundingPerStep().copyTo(0, m, FrictionField.FUNDING.at(shape), f.fundingPerStep().length());
        f.borrowPerStep().copyTo(0, m, FrictionField.BORROW.at(shape), f.borrowPerStep().length());
        packPremium(p, shape, m);
        packHaircuts(f.haircuts(), shape, m);
        Frictions.Liquidation liq = f.liquidation();
        if (liq == null) {
            // a breach closes at the breach step's price at no cost: zero latency, and the options compile in no
            // impact, fee or partial policy
            return m;
        }
        m[FrictionField.LATENCY_FRACTION.at(shape)] = liq.latencyFraction();
        m[FrictionField.IMPACT_COEFFICIENT.at(shape)] = liq.impactCoefficient();
        liq.depth().copyTo(0, m, FrictionField.DEPTH.at(shape), n);
        liq.feeRate().copyTo(0, m, FrictionField.FEE_RATE.at(shape), n);
        int fraction = FrictionField.PARTIAL_FRACTION.at(shape);
        int above = FrictionField.PARTIAL_ABOVE.at(shape);
        for (int i = 0; i < n; i++) {
            PartialPolicy policy = liq.partial().get(i);
            m[fraction + i] = policy.fraction();
            m[above + i] = policy.aboveNotional();
        }
        return m;
    }

    static int[] packInts(CompiledProblem p) {
        int[] m = new int[intLength(p)];
        if (!applies(p)) {
            return m;
        }
        LayoutShape shape = LayoutShape.of(p);
        int n = p.positions;
        int mode = FrictionIntField.PARTIAL_MODE.at(shape);
        int capped = FrictionIntField.FEE_CAPPED.at(shape);
        int premiumSteps = FrictionIntField.PREMIUM_STEPS.at(shape);
        Frictions f = p.frictions;
        if (f.premiumFunding() != null) {
            for (int i = 0; i < n; i++) {
                m[premiumSteps + i] = f.premiumFunding().link().get(i) != null ? f.premiumFunding().intervalSteps().get(i) : 0;
            }
        }
        if (f.haircuts() != null) {
            f.haircuts().asset().copyTo(0, m, FrictionIntField.HAIRCUT_ASSET.at(shape),
                    f.haircuts().asset().length());
        }
        Frictions.Liquidation liq = f.liquidation();
        if (liq != null) {
            m[FrictionIntField.LATENCY_WHOLE.at(shape)] = (int) Math.min(liq.latencyWhole(), p.steps + 1L);
            for (int i = 0; i < n; i++) {
                m[mode + i] = liq.partial().get(i).mode().ordinal();
                m[capped + i] = liq.feeCapped().get(i) ? 1 : 0;
            }
        }
        return m;
    }

    /** The six real per-position premium arrays and the start log prices. */
    private static void packPremium(CompiledProblem p, LayoutShape shape, double[] m) {
        Frictions.PremiumFunding premium = p.frictions.premiumFunding();
        if (premium == null) {
            return;
        }
        for (int i = 0; i < p.positions; i++) {
            PremiumLink link = premium.link().get(i);
            if (link != null) {
                m[FrictionField.BASIS_SENSITIVITY.at(shape) + i] = link.basisSensitivity();
                m[FrictionField.CLAMP_BAND.at(shape) + i] = link.clampBand();
                m[FrictionField.RATE_CAP.at(shape) + i] = link.rateCap();
                m[FrictionField.RATE_FLOOR.at(shape) + i] = link.rateFloor();
                m[FrictionField.INTEREST.at(shape) + i] = premium.interest().get(i);
                m[FrictionField.STEP_SHARE.at(shape) + i] = premium.stepShare().get(i);
            }
        }
        int startX = FrictionField.START_X.at(shape);
        for (int a = 0; a < p.assets; a++) {
            m[startX + a] = premium.logPriceBeforeShock().get(a) - p.initialLogPrice.get(a);
        }
    }

    private static void packHaircuts(Frictions.PathHaircuts h, LayoutShape shape, double[] m) {
        if (h == null) {
            return;
        }
        int c = h.asset().length();
        h.amount().copyTo(0, m, FrictionField.HAIRCUT_AMOUNT.at(shape), c);
        h.scale().copyTo(0, m, FrictionField.HAIRCUT_SCALE.at(shape), c);
        h.cap().copyTo(0, m, FrictionField.HAIRCUT_CAP.at(shape), c);
        h.compiled().copyTo(0, m, FrictionField.HAIRCUT_COMPILED.at(shape), c);
        h.requiredShare().copyTo(0, m, FrictionField.HAIRCUT_REQUIRED_SHARE.at(shape), c);
    }
}
