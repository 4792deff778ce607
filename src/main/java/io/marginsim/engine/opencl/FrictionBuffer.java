package io.marginsim.engine.opencl;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.check.Counts;
import io.marginsim.problem.Feature;
import io.marginsim.problem.Frictions;
import io.marginsim.liquidation.ImpactModel;
import io.marginsim.liquidation.PartialPolicy;
import io.marginsim.liquidation.PremiumLink;

import java.util.Optional;
import java.util.Set;

/**
 * The carrying costs and liquidation policy of a {@link CompiledProblem} ({@link Frictions}) in the layout of
 * {@code kernels/account.cl}, and the build options that compile in only the parts the problem uses, so that a
 * problem without frictions gets the plain kernel unchanged. Two buffers, so that the kernel reads flags, modes,
 * step counts and indices as ints rather than converting reals:
 * <pre>
 *   reals: latencyFraction, impactCoefficient,
 *          funding[P], borrow[A], depth[P], feeRate[P], partialFraction[P], partialAbove[P],
 *          basisSensitivity[P], clampBand[P], rateCap[P], rateFloor[P], interest[P], stepShare[P],
 *          startX[A],
 *          haircutAmount[C], haircutScale[C], haircutCap[C], haircutCompiled[C], haircutRequiredShare[C]
 *   ints:  latencyWhole, partialMode[P], feeCapped[P], premiumSteps[P], haircutAsset[C]
 * </pre>
 * {@code partialMode} is the ordinal of {@link PartialPolicy.Mode}, {@code feeCapped} 0 or 1, {@code premiumSteps}
 * the trailing funding interval in steps (0 where the funding is constant) and {@code haircutAsset} an asset index.
 * {@code startX} is the log price before the horizon relative to the initial one, formed in double so that float
 * keeps its digits. {@code C} is the number of {@link Frictions.PathHaircuts} entries. {@code latencyWhole} (whole
 * steps, rounded up) is capped at {@code steps + 1}: every fill due after the horizon is executed at the horizon, so
 * the cap changes nothing and keeps the kernel's step arithmetic from overflowing.
 */
final class FrictionBuffer {
    static final int HEADER = 2;
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
            out.append(" -DPATH_HAIRCUTS -DHAIRCUT_ENTRIES=").append(f.haircuts().asset().length);
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

    /**
     * Number of reals {@link #pack} writes: 5 liquidation and 6 premium arrays per position, borrow and the
     * pre-shock log prices per asset, 5 per haircut entry; one placeholder for a problem without frictions.
     */
    static int length(CompiledProblem p) {
        return applies(p) ? HEADER + 11 * p.positions + 2 * p.assets + 5 * haircutEntries(p.frictions) : 1;
    }

    /** Number of ints {@link #packInts} writes; one placeholder for a problem without frictions. */
    static int intLength(CompiledProblem p) {
        return applies(p) ? 1 + 3 * p.positions + haircutEntries(p.frictions) : 1;
    }

    static double[] pack(CompiledProblem p) {
        double[] m = new double[length(p)];
        if (!applies(p)) {
            return m;
        }
        Frictions f = p.frictions;
        int n = p.positions;
        int funding = HEADER;
        int borrow = funding + n;
        int depth = borrow + p.assets;
        int fee = depth + n;
        int fraction = fee + n;
        int above = fraction + n;
        int premium = above + n;
        int startX = premium + 6 * n;
        int haircuts = startX + p.assets;
        System.arraycopy(f.fundingPerStep(), 0, m, funding, f.fundingPerStep().length);
        System.arraycopy(f.borrowPerStep(), 0, m, borrow, f.borrowPerStep().length);
        packPremium(p, m, premium, startX);
        packHaircuts(f.haircuts(), m, haircuts);
        Frictions.Liquidation liq = f.liquidation();
        if (liq == null) {
            // a breach closes at the breach step's price at no cost: zero latency, and the options compile in no
            // impact, fee or partial policy
            return m;
        }
        m[0] = liq.latencyFraction();
        m[1] = liq.impactCoefficient();
        System.arraycopy(liq.depth(), 0, m, depth, n);
        System.arraycopy(liq.feeRate(), 0, m, fee, n);
        for (int i = 0; i < n; i++) {
            PartialPolicy policy = liq.partial()[i];
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
        int n = p.positions;
        int mode = 1;
        int capped = mode + n;
        int premiumSteps = capped + n;
        int haircutAsset = premiumSteps + n;
        Frictions f = p.frictions;
        if (f.premiumFunding() != null) {
            for (int i = 0; i < n; i++) {
                m[premiumSteps + i] = f.premiumFunding().link()[i] != null ? f.premiumFunding().intervalSteps()[i] : 0;
            }
        }
        if (f.haircuts() != null) {
            System.arraycopy(f.haircuts().asset(), 0, m, haircutAsset, f.haircuts().asset().length);
        }
        Frictions.Liquidation liq = f.liquidation();
        if (liq != null) {
            m[0] = (int) Math.min(liq.latencyWhole(), p.steps + 1L);
            for (int i = 0; i < n; i++) {
                m[mode + i] = liq.partial()[i].mode().ordinal();
                m[capped + i] = liq.feeCapped()[i] ? 1 : 0;
            }
        }
        return m;
    }

    /** The six real per-position premium arrays from {@code at}, and the start log prices from {@code startX}. */
    private static void packPremium(CompiledProblem p, double[] m, int at, int startX) {
        Frictions.PremiumFunding premium = p.frictions.premiumFunding();
        if (premium == null) {
            return;
        }
        int n = p.positions;
        for (int i = 0; i < n; i++) {
            PremiumLink link = premium.link()[i];
            if (link != null) {
                m[at + i] = link.basisSensitivity();
                m[at + n + i] = link.clampBand();
                m[at + 2 * n + i] = link.rateCap();
                m[at + 3 * n + i] = link.rateFloor();
                m[at + 4 * n + i] = premium.interest()[i];
                m[at + 5 * n + i] = premium.stepShare()[i];
            }
        }
        for (int a = 0; a < p.assets; a++) {
            m[startX + a] = premium.logPriceBeforeShock()[a] - p.initialLogPrice.get(a);
        }
    }

    private static void packHaircuts(Frictions.PathHaircuts h, double[] m, int at) {
        if (h == null) {
            return;
        }
        int c = h.asset().length;
        System.arraycopy(h.amount(), 0, m, at, c);
        System.arraycopy(h.scale(), 0, m, at + c, c);
        System.arraycopy(h.cap(), 0, m, at + 2 * c, c);
        System.arraycopy(h.compiled(), 0, m, at + 3 * c, c);
        System.arraycopy(h.requiredShare(), 0, m, at + 4 * c, c);
    }

    private static int haircutEntries(Frictions f) {
        return f.haircuts() == null ? 0 : f.haircuts().asset().length;
    }
}
