package io.marginsim.engine.opencl;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.problem.PathBlock;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.engine.contract.FrictionProblems;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.marginsim.engine.opencl.FrictionAgreement.FIRST_PATH;
import static io.marginsim.engine.opencl.FrictionAgreement.PATHS;
import static io.marginsim.engine.opencl.FrictionAgreement.assertAgrees;
import static io.marginsim.engine.opencl.OpenClFrictionAgreementTest.ISOLATED_FRACTION;
import static io.marginsim.engine.opencl.OpenClFrictionAgreementTest.SLOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liquidation fees capped at the remaining margin in kernels/frictions.cl against the scalar reference, in float and
 * double (criteria in {@link FrictionAgreement}). The liquidation objects leave the cap to the presets: the Binance
 * and Bybit longs take theirs from the remaining margin, the inline-rule shorts pay in full, so one event mixes both.
 * Each case checks on the reference that the cap binds on a good share of paths (over 10%; 45% and 24% with these
 * seeds): there the capped account's liquidation loss is below that of the same paths without the cap.
 */
class OpenClCappedFeeAgreementTest {
    private static final String UNCAPPED = "{\"feeCappedAtRemainingMargin\": false, ";

    @Test
    void crossFillsPastTheBankruptcyPrice() {
        CompiledProblem problem = FrictionProblems.frozenCross(SLOW, 91);
        assertThat(problem.mechanicsFeatures()).contains(Feature.FEE_CAPPED);
        assertAgrees(OpenClTestEngines.floatEngine(), problem);
        assertThat(pathsWhereTheCapBinds(problem, FrictionProblems.frozenCross(uncapped(SLOW), 91)))
                .isGreaterThan(PATHS / 10);
    }

    @Test
    void isolatedPartialFillsWithTheCapDecidingBankruptcy() {
        CompiledProblem problem = FrictionProblems.frozenIsolated(ISOLATED_FRACTION, 92);
        assertThat(problem.mechanicsFeatures()).contains(Feature.FEE_CAPPED, Feature.PARTIAL);
        assertAgrees(OpenClTestEngines.floatEngine(), problem);
        assertThat(pathsWhereTheCapBinds(problem, FrictionProblems.frozenIsolated(uncapped(ISOLATED_FRACTION), 92)))
                .isGreaterThan(PATHS / 10);
    }

    @Test
    void uncappedFeesAreChargedInFull() {
        CompiledProblem problem = FrictionProblems.frozenCross(uncapped(SLOW), 93);
        assertThat(problem.mechanicsFeatures()).contains(Feature.FEE).doesNotContain(Feature.FEE_CAPPED);
        assertAgrees(OpenClTestEngines.floatEngine(), problem);
    }

    @Test
    void doublePrecision() {
        for (CompiledProblem problem : List.of(FrictionProblems.frozenCross(SLOW, 94),
                FrictionProblems.frozenIsolated(ISOLATED_FRACTION, 95), FrictionProblems.frozenCross(uncapped(SLOW), 96))) {
            assertAgrees(OpenClTestEngines.doubleEngine(), problem);
        }
    }

    private static String uncapped(String liquidation) {
        return liquidation.replaceFirst("\\{", UNCAPPED);
    }

    /**
     * Paths whose reference liquidation loss with the cap is below that of the same draws without it by more than
     * double rounding (1e-9 of the largest loss): the paths where a fee met the remaining equity.
     */
    private static int pathsWhereTheCapBinds(CompiledProblem capped, CompiledProblem uncapped) {
        PathBlock with = reference(capped);
        PathBlock without = reference(uncapped);
        double largest = 0;
        for (double loss : without.liquidationLoss) {
            largest = Math.max(largest, Math.abs(loss));
        }
        int n = 0;
        for (int i = 0; i < PATHS; i++) {
            n += with.liquidationLoss[i] < without.liquidationLoss[i] - 1e-9 * largest ? 1 : 0;
        }
        return n;
    }

    private static PathBlock reference(CompiledProblem problem) {
        PathBlock block = PathBlock.forProblem(problem, PATHS);
        new ScalarEngine(1, PATHS).simulate(problem, FIRST_PATH, block);
        return block;
    }
}
