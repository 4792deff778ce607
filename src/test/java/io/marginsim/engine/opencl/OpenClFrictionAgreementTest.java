package io.marginsim.engine.opencl;

import io.marginsim.testing.SpecEdits;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.problem.PathBlock;
import io.marginsim.engine.contract.FrictionProblems;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.marginsim.engine.opencl.FrictionAgreement.PATHS;
import static io.marginsim.engine.opencl.FrictionAgreement.assertAgrees;
import static io.marginsim.engine.opencl.FrictionAgreement.pathsWithBadDebt;
import static io.marginsim.engine.opencl.FrictionAgreement.pathsWithEvents;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The liquidation mechanics of kernels/frictions.cl path by path against the scalar reference, in float and in
 * double precision (criteria in {@link FrictionAgreement}). Each problem also checks that the reference really
 * exercises what it is named for (several events, bad debt), so that agreement means something.
 */
class OpenClFrictionAgreementTest {
    /** 1.5 steps of latency, linear impact of 3% on the BTC long's notional and a 0.5% fee. */
    static final String LATENCY_LINEAR_FEE = """
            {"latencySeconds": 5400, "feeRate": 0.005,
             "slippage": {"model": "linear", "depth": [3000000, 400000], "coefficient": 1}}""";
    /** Binance-style tier reduction of the BTC long with square-root impact. */
    static final String TIER_SQRT = """
            {"partial": {"mode": "tier"}, "feeRate": 0.002,
             "slippage": {"model": "sqrt", "depth": [20000000, 2000000], "coefficient": 0.5}}""";
    static final String STEEP_TIER = """
            {"partial": {"mode": "tier"}, "feeRate": 0.001}""";
    /** Hyperliquid-style: 30% closed per event above 20,000 of notional, half a step of latency. */
    static final String FRACTION = """
            {"latencySeconds": 1800, "partial": {"mode": "fraction", "fraction": 0.3, "aboveNotional": 20000}}""";
    /** Six steps of latency on a volatile market: fills past the bankruptcy price. */
    static final String SLOW = """
            {"latencySeconds": 21600, "feeRate": 0.01}""";
    static final String ISOLATED_FRACTION = """
            {"latencySeconds": 9000, "feeRate": 0.01,
             "slippage": {"model": "linear", "depth": [2000000, 500000], "coefficient": 1},
             "partial": {"mode": "fraction", "fraction": 0.5, "aboveNotional": 10000}}""";
    static final String ISOLATED_TIER = """
            {"latencySeconds": 2700, "partial": {"mode": "tier"},
             "slippage": {"model": "sqrt", "depth": [5000000, 1000000], "coefficient": 0.5}}""";

    @Test
    void crossWithCostsFractionalLatencyLinearImpactAndFee() {
        CompiledProblem problem = FrictionProblems.frozenCross(LATENCY_LINEAR_FEE, 61);
        assertThat(problem.mechanicsFeatures()).contains(Feature.FUNDING, Feature.BORROW, Feature.LATENCY,
                Feature.SLIPPAGE, Feature.FEE);
        PathBlock reference = assertAgrees(OpenClTestEngines.floatEngine(), problem);
        assertThat(pathsWithEvents(reference, 1)).isBetween(PATHS / 20, PATHS - PATHS / 20);
    }

    @Test
    void crossTierPartialWithSqrtImpact() {
        PathBlock reference = assertAgrees(OpenClTestEngines.floatEngine(), FrictionProblems.frozenCross(TIER_SQRT, 62));
        assertThat(pathsWithEvents(reference, 1)).isGreaterThan(PATHS / 20);
    }

    @Test
    void tierPartialReducesBracketByBracket() {
        PathBlock reference = assertAgrees(OpenClTestEngines.floatEngine(),
                FrictionProblems.steepTieredLong(STEEP_TIER, 70));
        assertThat(pathsWithEvents(reference, 2)).as("paths reduced tier by tier").isGreaterThan(PATHS / 50);
    }

    @Test
    void crossFractionPartialRepeats() {
        PathBlock reference = assertAgrees(OpenClTestEngines.floatEngine(), FrictionProblems.frozenCross(FRACTION, 63));
        assertThat(pathsWithEvents(reference, 3)).as("paths with three or more events").isGreaterThan(PATHS / 50);
    }

    @Test
    void badDebtAfterSlowFills() {
        PathBlock reference = assertAgrees(OpenClTestEngines.floatEngine(), FrictionProblems.frozenCross(SLOW, 64));
        assertThat(pathsWithBadDebt(reference)).isGreaterThan(PATHS / 100);
    }

    @Test
    void isolatedFractionPartialWithLatencyImpactAndFee() {
        PathBlock reference = assertAgrees(OpenClTestEngines.floatEngine(),
                FrictionProblems.frozenIsolated(ISOLATED_FRACTION, 65));
        assertThat(pathsWithEvents(reference, 2)).isGreaterThan(PATHS / 50);
    }

    @Test
    void isolatedTierPartialWithSqrtImpact() {
        PathBlock reference = assertAgrees(OpenClTestEngines.floatEngine(), FrictionProblems.frozenIsolated(ISOLATED_TIER, 66));
        assertThat(pathsWithEvents(reference, 1)).isGreaterThan(PATHS / 20);
    }

    @Test
    void carryingCostsWithoutALiquidationObject() {
        for (CompiledProblem problem : List.of(FrictionProblems.frozenCross(null, 67), FrictionProblems.frozenIsolated(null, 68))) {
            assertThat(problem.mechanicsFeatures()).contains(Feature.FUNDING).doesNotContain(Feature.LIQUIDATION);
            assertThat(assertAgrees(OpenClTestEngines.floatEngine(), problem).tracksLiquidation).isFalse();
        }
    }

    @Test
    void studentTAndGarchMarketsWithMechanics() {
        CompiledProblem problem = FrictionProblems.crossOnStudentTAndGarch(FRACTION, 69);
        assertThat(problem.marketModelFeatures()).isNotEmpty();
        assertAgrees(OpenClTestEngines.floatEngine(), problem);
    }

    @Test
    void doublePrecision() {
        for (CompiledProblem problem : List.of(FrictionProblems.frozenCross(LATENCY_LINEAR_FEE, 71),
                FrictionProblems.frozenCross(TIER_SQRT, 72), FrictionProblems.frozenCross(FRACTION, 73),
                FrictionProblems.frozenCross(SLOW, 74), FrictionProblems.frozenIsolated(ISOLATED_FRACTION, 75),
                FrictionProblems.steepTieredLong(STEEP_TIER, 79),
                FrictionProblems.frozenIsolated(ISOLATED_TIER, 76), FrictionProblems.frozenCross(null, 77),
                FrictionProblems.crossOnStudentTAndGarch(TIER_SQRT, 78))) {
            assertAgrees(OpenClTestEngines.doubleEngine(), problem);
        }
    }

    @Test
    void theEngineTakesEveryMechanic() {
        CompiledProblem problem = FrictionProblems.frozenCross(SpecEdits.replace(LATENCY_LINEAR_FEE, "\"feeRate\": 0.005,",
                "\"feeRate\": 0.005, \"partial\": {\"mode\": \"tier\"},"), 1);
        assertThat(problem.featuresInUse()).contains(Feature.FEE_CAPPED, Feature.PARTIAL);
        assertThat(OpenClTestEngines.floatEngine().implementedFeatures())
                .containsAll(Feature.ofKind(Feature.Kind.MECHANICS));
        assertThat(OpenClTestEngines.floatEngine().implementsAll(problem)).isTrue();
    }
}
