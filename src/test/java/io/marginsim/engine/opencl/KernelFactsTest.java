package io.marginsim.engine.opencl;

import io.marginsim.engine.Precision;
import io.marginsim.engine.contract.FrictionProblems;
import io.marginsim.liquidation.FrozenProblems;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Workloads;
import io.marginsim.testing.SpecEdits;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.marginsim.engine.contract.FrictionProblems.PREMIUM_FUNDING;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiler's facts of the production kernels, on the local OpenCL device (PoCL in CI): every kernel of a run is
 * reported, and the path kernel's private memory does not grow with the horizon. Premium-linked funding keeps a
 * trailing window of log prices per work-item, sized by the funding interval in steps (not by the horizon), so the
 * same interval over 1 day or 64 days builds the very same program. PoCL 3.1 reports a fixed 1024 bytes of private
 * memory for every kernel, so there the build options are what tells a horizon-sized array apart; a GPU driver
 * reports what its compiler allocated, spills included, and the facts themselves must agree too.
 */
class KernelFactsTest {
    /** The cross account of {@link FrozenProblems} with premium-linked funding, hourly steps, over {@code days}. */
    private static CompiledProblem premiumFundingOver(int days) {
        String base = SpecEdits.replace(FrozenProblems.CROSS, "\"horizonDays\": 4,", "\"horizonDays\": " + days + ",");
        assertThat(base).contains("\"horizonDays\": " + days + ",");
        return FrictionProblems.crossWithCosts(base, PREMIUM_FUNDING, null, 1);
    }

    @Test
    void everyKernelOfTheLiquidatingProgramIsReportedWithItsGroupSizes() {
        List<KernelFacts> facts = OpenClTestEngines.floatEngine().kernelFacts(premiumFundingOver(4));
        assertThat(facts).extracting(KernelFacts::name).containsExactly("simulate_liquidating_paths",
                "breach_histogram", "breach_histogram_global", "liquidation_sums", "digit_histogram");
        for (KernelFacts f : facts) {
            assertThat(f.maxGroup()).as(f.name()).isPositive();
            assertThat(f.preferredMultiple()).as(f.name()).isPositive();
            assertThat((long) f.launchedGroup()).as(f.name()).isBetween(1L, f.maxGroup());
            assertThat(f.privateBytes()).as(f.name()).isNotNegative();
        }
        assertThat(facts.getFirst().describe()).startsWith("simulate_liquidating_paths: private ")
                .contains("B/work-item");
    }

    @Test
    void thePlainProgramHasNoLiquidationSums() {
        assertThat(OpenClTestEngines.floatEngine().kernelFacts(Workloads.oneAsset(1)))
                .extracting(KernelFacts::name).containsExactly("simulate_paths", "breach_histogram",
                        "breach_histogram_global", "digit_histogram");
    }

    @Test
    void premiumFundingPrivateMemoryDoesNotGrowWithTheHorizon() {
        CompiledProblem oneDay = premiumFundingOver(1);
        CompiledProblem sixtyFourDays = premiumFundingOver(64);
        assertThat(sixtyFourDays.steps).isEqualTo(64 * oneDay.steps);
        assertThat(options(sixtyFourDays)).contains("-DPREMIUM_HISTORY=9").isEqualTo(options(oneDay));

        OpenClEngine engine = OpenClTestEngines.floatEngine();
        KernelFacts shortRun = engine.kernelFacts(oneDay).getFirst();
        KernelFacts longRun = engine.kernelFacts(sixtyFourDays).getFirst();
        assertThat(longRun.privateBytes()).isPositive().isEqualTo(shortRun.privateBytes());
    }

    @Test
    void theWindowGrowsWithTheFundingIntervalInSteps() {
        // the window is the funding interval in steps plus one, per asset: 8 hourly steps, then 16
        String sixteenHours = SpecEdits.replace(FrictionProblems.PREMIUM_FUNDING, "\"fundingIntervalHours\": 8",
                "\"fundingIntervalHours\": 16");
        assertThat(options(FrictionProblems.crossWithCosts(FrozenProblems.CROSS, sixteenHours, null, 1)))
                .contains("-DPREMIUM_HISTORY=17");
    }

    private static String options(CompiledProblem problem) {
        return PathKernels.options(problem, Precision.FLOAT, Long.MAX_VALUE);
    }
}
