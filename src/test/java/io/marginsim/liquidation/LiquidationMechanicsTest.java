package io.marginsim.liquidation;

import io.marginsim.analysis.LiquidationPrices;
import io.marginsim.problem.Feature;
import io.marginsim.problem.PathBlock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Hand-computed outcomes of one deterministic path (zero volatility, constant drift). */
class LiquidationMechanicsTest {
    private static final String FLAT = "{\"type\": \"flat\", \"rate\": 0.05}";

    @Test
    void zeroLatencyAndNoSlippageLiquidateAtTheBreachStepPriceAcrossTheBarrier() {
        double drift = -2;
        String plain = OnePath.spec(drift, 100, 10, FLAT, 16, "", "");
        String liquidating = OnePath.spec(drift, 100, 10, FLAT, 16, "", ", \"liquidation\": {}");
        PathBlock before = OnePath.run(plain);
        PathBlock after = OnePath.run(liquidating);
        int t = OnePath.breachStep(drift, 100, 10, 0.05);
        double barrier = LiquidationPrices.compute(OnePath.compile(plain)).get(0).below();

        assertThat(after.firstBreachStep).containsOnly(t);
        assertThat(OnePath.price(drift, t)).isLessThan(barrier);
        assertThat(OnePath.price(drift, t - 1)).isGreaterThanOrEqualTo(barrier);
        assertThat(after.liquidations).containsOnly(1);
        assertThat(after.liquidationLoss).containsOnly(0.0);
        assertThat(after.badDebt).containsOnly(0.0);
        for (int i = 0; i < after.size(); i++) {
            assertThat(after.terminalEquity[i]).isCloseTo(before.terminalEquity[i], within(1e-9));
            assertThat(after.terminalEquity[i]).isCloseTo(100 + 10 * (OnePath.price(drift, t) - 100), within(1e-8));
        }
    }

    @Test
    void latencySlippageAndFeeGiveTheHandComputedLoss() {
        double drift = -2;
        // 1.5 steps of latency: the fill is halfway between steps t + 1 and t + 2, in log price
        String json = OnePath.spec(drift, 100, 10, FLAT, 16, "", """
                , "liquidation": {"latencySeconds": 5400, "feeRate": 0.001,
                                  "slippage": {"model": "linear", "depth": {"X": 50000}, "coefficient": 2}}""");
        PathBlock block = OnePath.run(json);
        int t = OnePath.breachStep(drift, 100, 10, 0.05);
        double breach = OnePath.price(drift, t);
        double reference = OnePath.price(drift, t + 1.5);
        double impact = 2 * 10 * reference / 50000;
        double fill = reference * (1 - impact);
        double fee = 0.001 * 10 * fill;
        double loss = 10 * (breach - reference) + 10 * reference * impact + fee;

        assertThat(block.firstBreachStep).containsOnly(t);
        assertThat(block.liquidations).containsOnly(1);
        assertThat(block.liquidationLoss[0]).isCloseTo(loss, within(1e-9));
        assertThat(block.terminalEquity[0]).isCloseTo(100 + 10 * (fill - 100) - fee, within(1e-9));
        // the loss is exactly what separates the fill from closing at the breach price for free
        assertThat(block.terminalEquity[0]).isCloseTo(100 + 10 * (breach - 100) - loss, within(1e-9));
    }

    @Test
    void sqrtImpactThinsWithVolatilityAndHitsShortsUpwards() {
        // a short under a rising price: the buy-back fills above the reference
        String json = """
                {"assets": [{"name": "X", "price": 100, "volatility": 0, "drift": 2}],
                 "account": {"cash": 100, "positions": [{"asset": "X", "size": -10, "entryPrice": 100,
                             "rules": {"type": "flat", "rate": 0.05}}]},
                 "monitoring": "discrete", "horizonDays": 16, "stepsPerDay": 24, "paths": 4, "engine": "scalar",
                 "liquidation": {"slippage": {"model": "sqrt", "depth": [4000], "volatilityThinning": 3}}}""";
        PathBlock block = OnePath.run(json);
        int t = block.firstBreachStep[0];
        double reference = OnePath.price(2, t);
        double impact = Math.sqrt(10 * reference / 4000); // zero volatility: no thinning
        double fill = reference * (1 + impact);
        assertThat(block.liquidationLoss[0]).isCloseTo(10 * reference * impact, within(1e-9));
        assertThat(block.terminalEquity[0]).isCloseTo(100 - 10 * (fill - 100), within(1e-9));
    }

    @Test
    void tierPartialLiquidationReducesToTheLowerBracketAndTheAccountSurvives() {
        // 150 units at 100 = 15,000 notional in the third bracket; cum deductions 50 and 350
        String tiers = """
                {"type": "tiered", "tiers": [{"floor": 0, "rate": 0.01}, {"floor": 5000, "rate": 0.02},
                                             {"floor": 10000, "rate": 0.05}]}""";
        double drift = -4.68;
        PathBlock block = OnePath.run(OnePath.spec(drift, 1000, 150, tiers, 4, "",
                ", \"liquidation\": {\"partial\": {\"mode\": \"tier\"}}"));
        // breach: 1000 + 150 (P - 100) < 150 P * 0.05 - 350
        int t = 1;
        while (1000 + 150 * (OnePath.price(drift, t) - 100) >= 7.5 * OnePath.price(drift, t) - 350) {
            t++;
        }
        double at = OnePath.price(drift, t);
        double kept = 10000 / at; // units left: the second bracket's largest notional at the fill price
        double end = OnePath.price(drift, 96);
        // after the cut: requirement 150 at the boundary, then 2% of the notional - 50, never above equity again
        for (int k = t; k <= 96; k++) {
            double p = OnePath.price(drift, k);
            assertThat(1000 + (150 - kept) * (at - 100) + kept * (p - 100)).isGreaterThan(kept * p * 0.02 - 50);
        }
        assertThat(block.firstBreachStep).containsOnly(t);
        assertThat(block.liquidations).containsOnly(1);
        assertThat(block.terminalEquity[0]).isCloseTo(1000 + (150 - kept) * (at - 100) + kept * (end - 100),
                within(1e-8));
    }

    @Test
    void fractionPartialLiquidationRepeatsUntilTheNotionalIsSmall() {
        double drift = -30;
        PathBlock block = OnePath.run(OnePath.spec(drift, 100, 10, FLAT, 16, "",
                ", \"liquidation\": {\"partial\": {\"mode\": \"fraction\", \"fraction\": 0.5, \"aboveNotional\": 300}}"));
        // each event halves the position while its notional is above 300, then closes it: 10 -> 5 -> 2.5 -> closed
        assertThat(block.liquidations[0]).isEqualTo(3);
    }

    @Test
    void fundingAccruesLikeTheClosedFormOverTheHorizon() {
        double drift = 0.8;
        double rate = 0.0001;
        int steps = 10 * 24;
        PathBlock block = OnePath.run(OnePath.spec(drift, 100000, 10, FLAT, 10,
                ", \"funding\": {\"fundingRatePerInterval\": " + rate + ", \"fundingIntervalHours\": 8}", ""));
        // sum_{k=1..N} P_k is geometric: 100 q (q^N - 1) / (q - 1) with q = exp(drift * dt)
        double q = Math.exp(drift * OnePath.DT);
        double sumOfPrices = 100 * q * (Math.pow(q, steps) - 1) / (q - 1);
        double funding = 10 * rate / 8 * sumOfPrices;
        assertThat(block.firstBreachStep).containsOnly(PathBlock.NO_BREACH);
        assertThat(block.terminalEquity[0]).isCloseTo(100000 + 10 * (OnePath.price(drift, steps) - 100) - funding,
                within(1e-7));
    }

    @Test
    void shortsReceivePositiveFundingAndBorrowInterestIsSimpleOnDebtValue() {
        String json = """
                {"assets": [{"name": "X", "price": 100, "volatility": 0}],
                 "account": {"cash": 50000, "debts": [{"asset": "X", "amount": 20, "borrowRate": 0.1}],
                             "positions": [{"asset": "X", "size": -10, "entryPrice": 100,
                                            "rules": {"type": "flat", "rate": 0.05},
                                            "funding": {"fundingRatePerInterval": 0.0003, "fundingIntervalHours": 4}}]},
                 "monitoring": "discrete", "horizonDays": 30, "stepsPerDay": 24, "paths": 4, "engine": "scalar"}""";
        PathBlock block = OnePath.run(json);
        double received = 10 * 100 * 0.0003 * 30 * 24 / 4;
        double interest = 20 * 100 * 0.1 * 30 / 365;
        assertThat(block.terminalEquity[0]).isCloseTo(50000 - 20 * 100 + received - interest, within(1e-7));
    }

    @ParameterizedTest(name = "latency {0} s")
    @ValueSource(doubles = {0, 36000, 108000, 145800, 200000})
    void badDebtAppearsExactlyWhenTheFillIsPastTheBankruptcyPrice(double latencySeconds) {
        double drift = -20;
        PathBlock block = OnePath.run(OnePath.spec(drift, 100, 10, FLAT, 16, "",
                ", \"liquidation\": {\"latencySeconds\": " + latencySeconds + "}"));
        int t = OnePath.breachStep(drift, 100, 10, 0.05);
        double fill = OnePath.price(drift, Math.min(16 * 24, t + latencySeconds / 3600));
        double bankruptcy = 100 - 100 / 10.0; // equity 100 + 10 (P - 100) is zero at 90
        assertThat(block.badDebt[0] > 0).isEqualTo(fill < bankruptcy);
        assertThat(block.badDebt[0]).isCloseTo(Math.max(0, 10 * (bankruptcy - fill)), within(1e-9));
        assertThat(block.terminalEquity[0]).isCloseTo(10 * (fill - bankruptcy), within(1e-9));
    }

    @Test
    void isolatedFullLiquidationClosesOnlyThePositionAndChargesItsMarginTheFee() {
        String json = """
                {"assets": [{"name": "X", "price": 100, "volatility": 0, "drift": -20},
                            {"name": "Y", "price": 100, "volatility": 0}],
                 "account": {"mode": "isolated", "cash": 500, "positions": [
                   {"asset": "X", "size": 10, "entryPrice": 100, "margin": 60, "rules": {"type": "flat", "rate": 0.05}},
                   {"asset": "Y", "size": -3, "entryPrice": 100, "margin": 40, "rules": {"type": "flat", "rate": 0.05}}]},
                 "monitoring": "discrete", "horizonDays": 8, "stepsPerDay": 24, "paths": 4, "engine": "scalar",
                 "liquidation": {"feeRate": 0.01}}""";
        PathBlock block = OnePath.run(json);
        int t = 1;
        while (60 + 10 * (OnePath.price(-20, t) - 100) >= 0.5 * OnePath.price(-20, t)) {
            t++;
        }
        double at = OnePath.price(-20, t);
        double closed = 60 + 10 * (at - 100) - 0.01 * 10 * at;
        assertThat(block.firstBreachStep).containsOnly(t);
        assertThat(block.liquidations).containsOnly(1);
        assertThat(block.liquidationLoss[0]).isCloseTo(0.1 * at, within(1e-9));
        assertThat(block.badDebt[0]).isCloseTo(Math.max(0, -closed), within(1e-12));
        assertThat(block.terminalEquity[0]).isCloseTo(500 + closed + 40, within(1e-9));
    }

    @ParameterizedTest(name = "capped {0}")
    @ValueSource(booleans = {true, false})
    void aFeeAboveTheRemainingMarginIsCappedOrMakesBadDebt(boolean capped) {
        double drift = -20;
        String json = OnePath.spec(drift, 100, 10, FLAT, 16, "",
                ", \"liquidation\": {\"feeRate\": 0.2, \"feeCappedAtRemainingMargin\": " + capped + "}");
        PathBlock block = OnePath.run(json);
        assertThat(OnePath.compile(json).featuresInUse().contains(Feature.FEE_CAPPED)).isEqualTo(capped);
        int t = OnePath.breachStep(drift, 100, 10, 0.05);
        double at = OnePath.price(drift, t);
        double remaining = 100 + 10 * (at - 100); // equity after the fill, below 5% of the notional
        double fee = 0.2 * 10 * at;
        assertThat(remaining).isPositive().isLessThan(fee);
        assertThat(block.firstBreachStep).containsOnly(t);
        assertThat(block.liquidationLoss[0]).isCloseTo(capped ? remaining : fee, within(1e-9));
        assertThat(block.badDebt[0]).isCloseTo(capped ? 0 : fee - remaining, within(1e-9));
        assertThat(block.terminalEquity[0]).isCloseTo(capped ? 0 : remaining - fee, within(1e-9));
    }

    @ParameterizedTest(name = "cash {0}")
    @ValueSource(doubles = {100, 100.3, 101.7, 102.9, 104.1})
    void aCappedFeeThatMeetsTheRemainingEquityLeavesExactlyZeroAndThePartialPositionOpen(double cash) {
        // half is closed at step t; its fee (about 0.2 x 5 x 95) exceeds the equity left (below 5% of the notional),
        // so the cap takes all of it and the equity is zero, not negative: the other half stays open until the next
        // step's fall makes the equity negative and closes it. Were the zero revalued, rounding would decide.
        double drift = -20;
        String json = OnePath.spec(drift, cash, 10, FLAT, 16, "", ", \"liquidation\": {\"feeRate\": 0.2, "
                + "\"feeCappedAtRemainingMargin\": true, "
                + "\"partial\": {\"mode\": \"fraction\", \"fraction\": 0.5, \"aboveNotional\": 0}}");
        PathBlock block = OnePath.run(json);
        int t = OnePath.breachStep(drift, cash, 10, 0.05);
        double at = OnePath.price(drift, t);
        assertThat(cash + 10 * (at - 100)).isPositive().isLessThan(0.2 * 5 * at);
        assertThat(block.firstBreachStep).containsOnly(t);
        assertThat(block.liquidations).containsOnly(2);
    }
}
