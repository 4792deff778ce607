package io.marginsim.problem;

import io.marginsim.model.Account;
import io.marginsim.model.Asset;
import io.marginsim.model.Collateral;
import io.marginsim.model.Debt;
import io.marginsim.model.MarginMode;
import io.marginsim.model.Position;
import io.marginsim.rules.Basis;
import io.marginsim.rules.ScenarioGrid;
import io.marginsim.rules.TierTable;
import io.marginsim.spec.Spec;

import java.util.List;

/** Flattens a validated {@link Spec} into the arrays of a {@link CompiledProblem}. */
public final class ProblemCompiler {
    private ProblemCompiler() {
    }

    public static CompiledProblem compile(Spec spec) {
        List<Asset> assets = spec.assets();
        int n = assets.size();
        String[] names = new String[n];
        double[] prices = new double[n];
        double[] vols = new double[n];
        double[] drifts = new double[n];
        for (int a = 0; a < n; a++) {
            names[a] = assets.get(a).name();
            prices[a] = assets.get(a).price();
            vols[a] = assets.get(a).volatility();
            drifts[a] = assets.get(a).drift();
        }
        double stepDays = 1.0 / spec.stepsPerDay();
        ModelCompiler.Compiled market = ModelCompiler.compile(spec.market(), names, prices, vols, drifts,
                spec.correlation().toArray(), stepDays);
        return new CompiledProblem(market.market(), market.models(), account(spec), spec.steps(), stepDays,
                spec.seed(), FrictionCompiler.compile(spec, vols, market.models().garch(), stepDays),
                spec.monitoring());
    }

    private static CompiledProblem.Account account(Spec spec) {
        Account account = spec.account();
        int n = spec.assets().size();
        double[] valueUnits = new double[n];
        double[] requirementUnits = new double[n];
        for (Collateral c : account.collateral()) {
            int a = spec.assetIndex(c.asset());
            valueUnits[a] += c.amount() * (1 - c.haircut());
            requirementUnits[a] += c.amount() * (1 - c.haircut()) * (1 - c.liquidationThreshold());
        }
        for (Debt d : account.debts()) {
            valueUnits[spec.assetIndex(d.asset())] -= d.amount();
        }
        CompiledProblem.Account.Builder compiled = CompiledProblem.Account
                .builder(n, account.mode() == MarginMode.ISOLATED, account.cash())
                .collateral(valueUnits, requirementUnits);
        for (Position p : account.positions()) {
            TierTable table = p.rule().compiled(Math.abs(p.size()), p.entryPrice());
            compiled.position(spec.assetIndex(p.asset()), p.size(), p.entryPrice(), p.margin(),
                    p.rule().basis() == Basis.MARK, table.floors(), table.rates(), table.deductions());
        }
        ScenarioGrid grid = account.portfolioMargin();
        if (grid != null) {
            compiled.portfolioMargin(scenarioUnits(spec, grid), grid.minimum());
        }
        return compiled.build();
    }

    /**
     * Per scenario and asset, the loss per unit of the asset's price: a linear position of {@code q} units loses
     * {@code -q P m} when its price moves by the relative {@code m}, so the positions on one asset add up.
     */
    private static double[] scenarioUnits(Spec spec, ScenarioGrid grid) {
        int n = spec.assets().size();
        double[] net = new double[n];
        for (Position p : spec.account().positions()) {
            net[spec.assetIndex(p.asset())] += p.size();
        }
        double[] units = new double[grid.scenarios().size() * n];
        for (int s = 0; s < grid.scenarios().size(); s++) {
            for (int a = 0; a < n; a++) {
                units[s * n + a] = -net[a] * grid.scenarios().get(s).move(spec.assets().get(a).name());
            }
        }
        return units;
    }
}
