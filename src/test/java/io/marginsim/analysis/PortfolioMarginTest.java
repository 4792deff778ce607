package io.marginsim.analysis;

import io.marginsim.engine.PortfolioSpecs;
import io.marginsim.engine.Specs;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.problem.Valuation;
import io.marginsim.spec.Monitoring;
import io.marginsim.spec.Spec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Portfolio margin against hand computations on the small grid of {@link PortfolioSpecs}: the requirement, its
 * slope (the worst scenario's), and the liquidation prices of {@code liq-price}, on the line of one scenario and
 * where the minimum binds.
 */
class PortfolioMarginTest {
    private static final double EPS = 1e-9;

    private static CompiledProblem twoAssets() {
        return ProblemCompiler.compile(PortfolioSpecs.twoAssets(15_000, 7, 100, Monitoring.DISCRETE));
    }

    @Test
    void requirementIsTheWorstScenarioLossAtTodaysPrices() {
        CompiledProblem p = twoAssets();
        double[] today = {60_000, 3_000};
        assertThat(Valuation.crossRequirement(p, today)).isCloseTo(PortfolioSpecs.REQUIREMENT_NOW, within(EPS));
        assertThat(p.worstScenario(today)).as("spread wide").isEqualTo(2);
        assertThat(p.scenarioLoss(0, today)).isCloseTo(3_000, within(EPS));
        assertThat(p.scenarioLoss(1, today)).isCloseTo(-3_000, within(EPS));
        assertThat(p.scenarioLoss(3, today)).isCloseTo(-10_500, within(EPS));
    }

    @Test
    void requirementMovesWithThePrices() {
        // BTC 50,000 and ETH 3,500: spread wide loses 0.1 x 50,000 + 1.5 x 3,500 = 10,250; both down 5,000 - 3,500
        CompiledProblem p = twoAssets();
        double[] moved = {50_000, 3_500};
        assertThat(Valuation.crossRequirement(p, moved)).isCloseTo(10_250, within(EPS));
        assertThat(p.scenarioLoss(0, moved)).isCloseTo(1_500, within(EPS));
        assertThat(Valuation.crossEquity(p, moved)).isCloseTo(15_000 - 10_000 - 5_000, within(EPS));
    }

    @Test
    void coveredPositionsHaveNoRequirementOfTheirOwn() {
        CompiledProblem p = twoAssets();
        assertThat(Valuation.positionRequirement(p, 0, 60_000)).isZero();
        assertThat(Valuation.positionRequirement(p, 1, 3_000)).isZero();
    }

    @Test
    void slopeIsTheWorstScenarios() {
        double[] slope = new double[2];
        Valuation.crossExcessSlopes(twoAssets(), new double[] {60_000, 3_000}, slope);
        assertThat(slope[0]).as("1 BTC less spread wide's 0.1").isCloseTo(0.9, within(EPS));
        assertThat(slope[1]).as("-10 ETH less spread wide's 1.5").isCloseTo(-11.5, within(EPS));
    }

    @Test
    void anInverseContractEntersTheGridAsItsLinearEquivalent() {
        // 60,000 contracts of 1 USD entered at 60,000 are 1 BTC in USD terms; 0.25 BTC of collateral is 15,000 USD:
        // the requirement is the linear account's, and BTC's liquidation price solves 1.25 P - 60,000 = 0.1 P + 4,500
        CompiledProblem p = ProblemCompiler.compile(Specs.parse(String.format(Locale.ROOT, """
                {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.6},
                            {"name": "ETH", "price": 3000, "volatility": 0.8}],
                 "account": {"mode": "cross", "collateral": [{"asset": "BTC", "amount": 0.25}],
                   "positions": [{"asset": "BTC", "contract": "inverse", "faceValue": 1, "size": 60000,
                                  "entryPrice": 60000},
                                 {"asset": "ETH", "size": -10, "entryPrice": 3000}],
                   "portfolioMargin": %s},
                 "horizonDays": 1}""", PortfolioSpecs.GRID)));
        assertThat(Valuation.crossRequirement(p, new double[] {60_000, 3_000}))
                .isCloseTo(PortfolioSpecs.REQUIREMENT_NOW, within(1e-6));
        assertThat(LiquidationPrices.compute(p).getFirst().below()).isCloseTo(64_500 / 1.15, within(1e-6));
    }

    @Test
    void aSpreadScenarioOfTenPercentEachWayIsAFlatTenPercentOnTheGrossNotional() {
        // long BTC and short ETH: "BTC -10%, ETH +10%" loses 10% of each leg's notional, and every other scenario
        // of the grid loses less, so the grid is a flat 10% rule on each position, at every price and on every path;
        // its slope is the rule's too, so continuous monitoring draws the same crossings
        String account = """
                {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.6},
                            {"name": "ETH", "price": 3000, "volatility": 0.8}],
                 "correlation": [[1, 0.7], [0.7, 1]],
                 "account": {"mode": "cross", "cash": 12000,
                   "positions": [{"asset": "BTC", "size": 1, "entryPrice": 60000 %s},
                                 {"asset": "ETH", "size": -10, "entryPrice": 3000 %s}] %s},
                 "horizonDays": 7, "stepsPerDay": 24, "paths": 2000, "seed": 41, "monitoring": "%s"}""";
        String flat = ", \"rules\": {\"type\": \"flat\", \"rate\": 0.1}";
        String grid = """
                , "portfolioMargin": {"scenarios": [{"moves": {"BTC": -0.1, "ETH": 0.1}},
                                                    {"moves": {"BTC": -0.1, "ETH": -0.1}},
                                                    {"moves": {"BTC": 0.05, "ETH": 0.1}}]}""";
        for (Monitoring monitoring : Monitoring.values()) {
            PathBlock byGrid = scalarPaths(Specs.parse(
                    String.format(Locale.ROOT, account, "", "", grid, monitoring.key())));
            PathBlock byRate = scalarPaths(Specs.parse(
                    String.format(Locale.ROOT, account, flat, flat, "", monitoring.key())));
            assertThat(byGrid.breachStepAgreement(byRate)).as(monitoring.key()).isEqualTo(1.0);
            int breaches = 0;
            for (int i = 0; i < byGrid.size(); i++) {
                breaches += byGrid.firstBreachStep[i] == PathBlock.NO_BREACH ? 0 : 1;
                assertThat(byGrid.worstShortfall[i]).isCloseTo(byRate.worstShortfall[i], within(1e-6));
            }
            assertThat(breaches).as("paths that breach").isBetween(100, 1900);
        }
    }

    private static PathBlock scalarPaths(Spec spec) {
        PathBlock block = new PathBlock(2000);
        new ScalarEngine(1, 2000).simulate(ProblemCompiler.compile(spec), 0, block);
        return block;
    }

    @Test
    void minimumBindsBelowTheKink() {
        CompiledProblem p = ProblemCompiler.compile(PortfolioSpecs.oneAsset(20_000, 7, 100, Monitoring.DISCRETE));
        assertThat(Valuation.crossRequirement(p, new double[] {60_000})).isCloseTo(6_000, within(EPS));
        assertThat(Valuation.crossRequirement(p, new double[] {40_000})).isCloseTo(5_000, within(EPS));
        assertThat(p.worstScenario(new double[] {40_000})).isEqualTo(-1);
        double[] slope = new double[1];
        Valuation.crossExcessSlopes(p, new double[] {40_000}, slope);
        assertThat(slope[0]).as("the minimum does not move").isCloseTo(1, within(EPS));
    }

    @Test
    void liquidationPricesOfEachAssetTheOtherHeld() {
        List<LiquidationPrices.Result> results = LiquidationPrices.compute(twoAssets());
        assertThat(results).hasSize(2);
        assertThat(results.get(0).below()).isCloseTo(PortfolioSpecs.BTC_LIQUIDATION, within(1e-6));
        assertThat(results.get(0).above()).isNaN();
        assertThat(results.get(1).above()).isCloseTo(PortfolioSpecs.ETH_LIQUIDATION, within(1e-6));
        assertThat(results.get(1).below()).isNaN();
    }

    @Test
    void liquidationPriceOnEitherSideOfTheMinimumsKink() {
        // above 50,000 the requirement is 0.1 P: 8,000 + P - 60,000 = 0.1 P gives 57,777.78
        LiquidationPrices.Result scenarioLine = LiquidationPrices.compute(ProblemCompiler.compile(
                PortfolioSpecs.oneAsset(8_000, 7, 100, Monitoring.DISCRETE))).getFirst();
        assertThat(scenarioLine.below()).isCloseTo(52_000 / 0.9, within(1e-6));
        // 20,000 of cash: the line's root 40,000 / 0.9 = 44,444 lies below the kink, where the 5,000 minimum binds
        LiquidationPrices.Result minimum = LiquidationPrices.compute(ProblemCompiler.compile(
                PortfolioSpecs.oneAsset(20_000, 7, 100, Monitoring.DISCRETE))).getFirst();
        assertThat(minimum.below()).isCloseTo(45_000, within(1e-6));
    }
}
