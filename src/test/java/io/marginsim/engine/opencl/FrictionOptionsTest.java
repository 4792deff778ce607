package io.marginsim.engine.opencl;

import io.marginsim.engine.Precision;
import io.marginsim.engine.contract.FrictionProblems;
import io.marginsim.problem.CompiledProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The liquidating kernel's build options carry what is fixed per problem: the margin mode, so that a program holds one
 * mode's branches, and the premium window, only where the funding is premium-linked. The agreement tests show that
 * each such program computes the reference's paths; these show which program a problem gets.
 */
class FrictionOptionsTest {
    @Test
    void theMarginModeIsABuildOption() {
        assertThat(options(FrictionProblems.frozenIsolated(null, 1))).contains(" -DISOLATED");
        assertThat(options(FrictionProblems.frozenCross(null, 1))).doesNotContain("ISOLATED");
    }

    @Test
    void constantFundingBuildsNoPremiumWindow() {
        assertThat(options(FrictionProblems.frozenCross(null, 1))).contains(" -DFUNDING").doesNotContain("PREMIUM");
        assertThat(options(FrictionProblems.crossWithFunding(FrictionProblems.PREMIUM_FUNDING, null, 1)))
                .contains(" -DPREMIUM_FUNDING -DPREMIUM_HISTORY=9");
    }

    @Test
    void theIntParametersHoldTheLatencyModesAndIntervals() {
        CompiledProblem p = FrictionProblems.crossWithFunding(FrictionProblems.PREMIUM_FUNDING,
                "{\"latencySeconds\": 7200, \"partial\": {\"mode\": \"fraction\", \"fraction\": 0.5}}", 1);
        int[] ints = FrictionBuffer.packInts(p);
        int n = p.positions;
        assertThat(ints).hasSize(FrictionBuffer.intLength(p)).hasSize(1 + 3 * n);
        assertThat(ints[0]).isEqualTo(2);
        for (int i = 0; i < n; i++) {
            assertThat(ints[1 + i]).as("partial mode").isEqualTo(2);
            assertThat(ints[1 + 2 * n + i]).as("premium interval").isEqualTo(8);
        }
        // the reals: latency fraction and impact, 11 arrays per position, borrow and start log prices per asset
        double[] reals = FrictionBuffer.pack(p);
        assertThat(reals).hasSize(2 + 11 * n + 2 * p.assets);
        assertThat(reals[1 + 11 * n + 2 * p.assets]).as("the last start log price")
                .isEqualTo(p.frictions.premiumFunding().logPriceBeforeShock().get(p.assets - 1)
                        - p.initialLogPrice.get(p.assets - 1));
    }

    private static String options(CompiledProblem problem) {
        return PathKernels.options(problem, Precision.FLOAT, Long.MAX_VALUE);
    }
}
