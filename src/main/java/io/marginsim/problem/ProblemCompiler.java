package io.marginsim.problem;

import io.marginsim.model.Account;
import io.marginsim.model.Asset;
import io.marginsim.model.Collateral;
import io.marginsim.model.Debt;
import io.marginsim.model.MarginMode;
import io.marginsim.model.Position;
import io.marginsim.rules.ScenarioGrid;
import io.marginsim.rules.TierTable;
import io.marginsim.spec.Spec;

import java.util.ArrayList;
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
        List<Position> positions = account.positions();
        int m = positions.size();
        int[] asset = new int[m];
        double[] size = new double[m];
        double[] entry = new double[m];
        double[] margin = new double[m];
        boolean[] mark = new boolean[m];
        int[] tierStart = new int[m + 1];
        List<TierTable> tables = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            Position p = positions.get(i);
            asset[i] = spec.assetIndex(p.asset());
            size[i] = p.size();
            entry[i] = p.entryPrice();
            margin[i] = p.margin();
            mark[i] = p.rule().basis() == io.marginsim.rules.Basis.MARK;
            TierTable table = p.rule().compiled(Math.abs(p.size()), p.entryPrice());
            tables.add(table);
            tierStart[i + 1] = tierStart[i] + table.size();
        }
        double[] floor = new double[tierStart[m]];
        double[] rate = new double[tierStart[m]];
        double[] deduction = new double[tierStart[m]];
        for (int i = 0; i < m; i++) {
            TierTable t = tables.get(i);
            System.arraycopy(t.floors(), 0, floor, tierStart[i], t.size());
            System.arraycopy(t.rates(), 0, rate, tierStart[i], t.size());
            System.arraycopy(t.deductions(), 0, deduction, tierStart[i], t.size());
        }
        ScenarioGrid grid = account.portfolioMargin();
        return new CompiledProblem.Account(account.mode() == MarginMode.ISOLATED, account.cash(), valueUnits,
                requirementUnits, asset, size, entry, margin, mark, tierStart, floor, rate, deduction,
                grid == null ? new double[0] : scenarioUnits(spec, grid, asset, size),
                grid == null ? 0 : grid.minimum());
    }

    /**
     * Per scenario and asset, the loss per unit of the asset's price: a linear position of {@code q} units loses
     * {@code -q P m} when its price moves by the relative {@code m}, so the positions on one asset add up.
     */
    private static double[] scenarioUnits(Spec spec, ScenarioGrid grid, int[] asset, double[] size) {
        int n = spec.assets().size();
        double[] net = new double[n];
        for (int i = 0; i < asset.length; i++) {
            net[asset[i]] += size[i];
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
