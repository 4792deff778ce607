package io.marginsim.analysis;

import io.marginsim.check.SpecException;
import io.marginsim.engine.Engine;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.liquidation.Microstructure;
import io.marginsim.market.CorrelationMatrix;
import io.marginsim.market.MarketSpec;
import io.marginsim.model.Account;
import io.marginsim.model.Asset;
import io.marginsim.model.Collateral;
import io.marginsim.model.Debt;
import io.marginsim.model.InverseContract;
import io.marginsim.model.Position;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Frictions;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.result.CoinTerms;
import io.marginsim.result.Report;
import io.marginsim.result.ReportBuilder;
import io.marginsim.rules.CoinRule;
import io.marginsim.simulation.Engines;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.Spec;
import io.marginsim.spec.Warnings;
import io.marginsim.stats.PathStats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The account of inverse contracts valued in its coin, simulated on the same paths as in USD.
 *
 * <p>Priced in the coin, the dollar is an asset {@code X = 1/P}, and an inverse contract is a linear one on it:
 * {@code n F (1/E - 1/P) = -n F (X - 1/E)}, a position of {@code -n F} units of X entered at {@code 1/E}, whose
 * coin-denominated rule (on {@code n F / P = n F X} coins, or on the value at entry) is the venue's rule as stated,
 * tiers and maintenance amounts included. Coin collateral is cash in this numeraire, USD cash is a holding of X and
 * isolated margin is already coin. The market is mirrored, {@code log X = -log P} step by step with the same draws, so
 * each path is the USD run's path seen from the coin: at step ends the breach flags are the same, and a loss in coin
 * is valued at the price of its own path. (Continuous monitoring draws a long's least price within a step and the
 * dollar's greatest from different words of the bridge stream, so there the flags agree in distribution.)
 *
 * <p>Needs one asset under plain GBM (a stress included) and no funding, borrow or haircut models; other accounts
 * are told why in a warning and reported in USD only.
 */
public final class CoinView {
    private CoinView() {
    }

    /** The coin terms of {@code spec}, or empty when it holds no inverse contract or cannot be valued in coin. */
    public static Optional<CoinTerms> run(Spec spec, Engines.Options options) throws EngineUnavailableException {
        if (spec.account().positions().stream().noneMatch(p -> p.inverse() != null)) {
            return Optional.empty();
        }
        String why = unsupported(spec);
        if (why != null) {
            Warnings.warn("the report is in USD only: " + why);
            return Optional.empty();
        }
        CompiledProblem coin;
        try {
            coin = problem(spec);
        } catch (SpecException e) {
            Warnings.warn("the report is in USD only: " + e.getMessage());
            return Optional.empty();
        }
        Engines.Selection selection = Engines.forProblem(Engines.select(spec.engine(), options), coin, options);
        try (Engine engine = selection.engine()) {
            long start = System.nanoTime();
            PathStats stats = engine.run(coin, 0, spec.paths(), Engine.ProgressListener.NONE);
            try (stats) {
                Report report = ReportBuilder.build(stats, Simulator.runInfo(coin, engine.name(), selection.note(),
                        (System.nanoTime() - start) / 1e9));
                return Optional.of(CoinTerms.of(spec.assets().getFirst().name(), report));
            }
        }
    }

    /** Why {@code spec} has no coin view, or null when it has one. */
    static String unsupported(Spec spec) {
        if (spec.assets().size() != 1) {
            return "coin terms are computed for accounts in one asset, and this spec has " + spec.assets().size();
        }
        if (!spec.microstructure().isNone()) {
            return "coin terms are computed without funding, borrow or haircut models";
        }
        if (!ProblemCompiler.compile(spec).gbmOnly()) {
            return "coin terms are computed under plain GBM (the mirror image of a price path)";
        }
        Account account = spec.account();
        if (account.positions().stream().anyMatch(p -> p.inverse() == null)) {
            return "coin terms are computed for accounts of inverse contracts only, and this one also holds linear ones";
        }
        if (account.portfolioMargin() != null) {
            return "coin terms are computed for accounts margined position by position, and this one has portfolio margin "
                    + "(its scenario grid moves USD prices)";
        }
        if (account.collateral().stream().anyMatch(c -> c.liquidationThreshold() < 1)) {
            return "coin terms are computed without lending thresholds on the collateral";
        }
        return null;
    }

    /** The coin-numeraire problem: the account restated in X = 1/P, on the mirror image of the USD paths. */
    static CompiledProblem problem(Spec spec) {
        CompiledProblem usd = ProblemCompiler.compile(spec);
        Asset coin = spec.assets().getFirst();
        String dollar = "USD in " + coin.name();
        Account account = spec.account();
        double coins = 0;
        for (Collateral c : account.collateral()) {
            coins += c.amount() * (1 - c.haircut());
        }
        for (Debt d : account.debts()) {
            coins -= d.amount();
        }
        List<Collateral> dollars = account.cash() > 0 ? List.of(Collateral.withHaircut(dollar, account.cash(), 0))
                : List.of();
        List<Debt> owed = account.cash() < 0 ? List.of(new Debt(dollar, -account.cash())) : List.of();
        List<Position> positions = new ArrayList<>();
        for (Position p : account.positions()) {
            InverseContract c = p.inverse();
            positions.add(new Position(dollar, -c.contracts() * c.faceValue(), 1 / c.entryPrice(),
                    CoinRule.asStated(c.coinRule(), c.entryCoinValue()), c.coinMargin()));
        }
        Spec valued;
        try {
            valued = new Spec(List.of(new Asset(dollar, 1 / coin.price(), coin.volatility(), 0)),
                    CorrelationMatrix.identity(1), MarketSpec.gbm(1),
                    new Account(account.mode(), coins, dollars, owed, positions), spec.horizonDays(),
                    spec.stepsPerDay(), spec.paths(), spec.seed(), spec.engine(), Microstructure.NONE,
                    spec.monitoring());
        } catch (SpecException e) {
            throw new SpecException("account", "cannot be valued in " + coin.name() + ": " + e.getMessage());
        }
        CompiledProblem x = ProblemCompiler.compile(valued);
        // the mirror image: the same draws move log X by minus what they move log P
        CompiledProblem.Market market = new CompiledProblem.Market(x.assetNames.toArray(String[]::new),
                new double[] {1 / usd.initialPrice.get(0)}, new double[] {-usd.initialLogPrice.get(0)},
                new double[] {-usd.logDrift.get(0)}, new double[] {-usd.shockLoading.get(0)});
        return x.onMarket(market, Frictions.NONE);
    }
}
