package io.marginsim.problem;

import io.marginsim.liquidation.Funding;
import io.marginsim.liquidation.HaircutModel;
import io.marginsim.liquidation.LiquidationTerms;
import io.marginsim.liquidation.Microstructure;
import io.marginsim.liquidation.PartialPolicy;
import io.marginsim.liquidation.PremiumLink;
import io.marginsim.model.Collateral;
import io.marginsim.model.Debt;
import io.marginsim.spec.Spec;

import java.util.ArrayList;
import java.util.List;

/** Flattens a spec's {@link Microstructure} into {@link Frictions}. */
final class FrictionCompiler {
    private static final double SECONDS_PER_DAY = 86_400;

    private FrictionCompiler() {
    }

    /** {@code garch}: per asset, whether its volatility follows GARCH (then haircut models follow the path). */
    static Frictions compile(Spec spec, double[] volatility, boolean[] garch, double stepDays) {
        Microstructure m = spec.microstructure();
        if (m.isNone()) {
            return Frictions.NONE;
        }
        int positions = spec.account().positions().size();
        double[] funding = new double[positions];
        for (int i = 0; i < m.funding().size(); i++) {
            Funding f = m.funding().get(i);
            funding[i] = f == null || f.premium() != null ? 0 : f.perStep(stepDays);
        }
        double[] borrow = new double[spec.assets().size()];
        List<Debt> debts = spec.account().debts();
        for (int d = 0; d < m.borrowRate().size(); d++) {
            borrow[spec.assetIndex(debts.get(d).asset())] += debts.get(d).amount() * m.borrowRate().get(d) * stepDays / 365;
        }
        return new Frictions(funding, borrow, liquidation(spec, m.liquidation(), volatility, stepDays),
                premiumFunding(spec, m.funding(), stepDays), haircuts(spec, m.haircuts(), garch, stepDays));
    }

    private static Frictions.PathHaircuts haircuts(Spec spec, List<HaircutModel> models, boolean[] garch,
                                                   double stepDays) {
        List<Integer> moving = new ArrayList<>();
        for (int c = 0; c < models.size(); c++) {
            Collateral collateral = spec.account().collateral().get(c);
            if (models.get(c) instanceof HaircutModel.VolatilityScaled && garch[spec.assetIndex(collateral.asset())]) {
                moving.add(c);
            }
        }
        if (moving.isEmpty()) {
            return null;
        }
        int n = moving.size();
        int[] asset = new int[n];
        double[] amount = new double[n];
        double[] scale = new double[n];
        double[] cap = new double[n];
        double[] compiled = new double[n];
        double[] required = new double[n];
        for (int e = 0; e < n; e++) {
            Collateral collateral = spec.account().collateral().get(moving.get(e));
            HaircutModel.VolatilityScaled model = (HaircutModel.VolatilityScaled) models.get(moving.get(e));
            asset[e] = spec.assetIndex(collateral.asset());
            amount[e] = collateral.amount();
            scale[e] = model.k() * Math.sqrt(model.horizonDays() / stepDays);
            cap[e] = model.cap();
            compiled[e] = collateral.haircut();
            required[e] = 1 - collateral.liquidationThreshold();
        }
        return new Frictions.PathHaircuts(asset, amount, scale, cap, compiled, required);
    }

    private static Frictions.PremiumFunding premiumFunding(Spec spec, List<Funding> funding, double stepDays) {
        if (funding.stream().noneMatch(f -> f != null && f.premium() != null)) {
            return null;
        }
        int n = spec.account().positions().size();
        PremiumLink[] link = new PremiumLink[n];
        double[] interest = new double[n];
        double[] share = new double[n];
        int[] lag = new int[n];
        for (int i = 0; i < funding.size(); i++) {
            Funding f = funding.get(i);
            if (f != null && f.premium() != null) {
                link[i] = f.premium();
                interest[i] = f.ratePerInterval();
                share[i] = f.stepShare(stepDays);
                lag[i] = f.intervalSteps(stepDays);
            }
        }
        double[] before = new double[spec.assets().size()];
        for (int a = 0; a < before.length; a++) {
            before[a] = Math.log(spec.assets().get(a).price());
        }
        return new Frictions.PremiumFunding(link, interest, share, lag, before);
    }

    private static Frictions.Liquidation liquidation(Spec spec, LiquidationTerms terms, double[] volatility,
                                                     double stepDays) {
        if (terms == null) {
            return null;
        }
        int n = terms.positions().size();
        double[] depth = new double[n];
        double[] fee = new double[n];
        boolean[] capped = new boolean[n];
        PartialPolicy[] partial = new PartialPolicy[n];
        for (int i = 0; i < n; i++) {
            LiquidationTerms.PositionTerms t = terms.positions().get(i);
            double sigma = volatility[spec.assetIndex(spec.account().positions().get(i).asset())];
            depth[i] = t.depth() / (1 + terms.volatilityThinning() * sigma);
            fee[i] = t.feeRate();
            capped[i] = t.feeCapped();
            partial[i] = t.partial();
        }
        return new Frictions.Liquidation(terms.latencySeconds() / (stepDays * SECONDS_PER_DAY), terms.impact(),
                terms.impactCoefficient(), depth, fee, capped, partial);
    }
}
