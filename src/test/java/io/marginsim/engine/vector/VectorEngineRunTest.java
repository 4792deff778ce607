package io.marginsim.engine.vector;

import io.marginsim.engine.Engine;
import io.marginsim.engine.contract.FrictionProblems;
import io.marginsim.engine.contract.Problems;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.Workloads;
import io.marginsim.result.Samples;
import io.marginsim.stats.PathStats;
import io.marginsim.stats.RankedSample;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Results through {@link VectorEngine#run}: independent of chunking and threads, and consistent with the reference. */
class VectorEngineRunTest {

    /** Every model at once: t, jumps, GARCH and AR(1) per asset, a common jump and a stress overlay. */
    private static CompiledProblem allModels(long seed) {
        return Problems.threeAssets(
                "\"degreesOfFreedom\": 4.5, \"jumpIntensity\": 40, \"jumpMean\": -0.05, \"jumpStdev\": 0.05, "
                        + "\"garch\": {\"alpha\": 0.1, \"beta\": 0.8}",
                "\"ar1\": 0.2, \"garch\": {\"alpha\": 0.05, \"beta\": 0.9}", "\"degreesOfFreedom\": 3",
                "\"commonJump\": {\"intensity\": 30, \"mean\": -0.04, \"stdev\": 0.02, \"betas\": [1, 1.2, 0.8]}, "
                        + "\"stress\": {\"volatilityMultiplier\": 1.3}", seed);
    }

    /** The t copula (which excludes per-asset t) with GARCH, AR(1) and jumps. */
    private static CompiledProblem copulaModels(long seed) {
        return Problems.threeAssets("\"garch\": {\"alpha\": 0.1, \"beta\": 0.85}", "\"ar1\": -0.3",
                "\"jumpIntensity\": 50, \"jumpMean\": -0.05, \"jumpStdev\": 0.05",
                "\"copula\": \"t\", \"copulaDegreesOfFreedom\": 5.5", seed);
    }

    @Test
    void resultsDoNotDependOnChunkSizeOrThreadCount() {
        // the same lanes compute the same path wherever it falls, but a block that runs before C2 has compiled the
        // kernel may differ by an ulp of the Vector API's transcendental functions (see below): far under 1e-6
        assertIndependentOfGeometry(Problems.isolatedTwoAssets(21), 1e-6);
    }

    @Test
    void modelResultsDoNotDependOnChunkSizeOrThreadCount() {
        // GARCH and AR(1) state and the mixing and jump scratch are per lane and reset per block of lanes. The
        // Vector API's SIN, COS, LOG, EXP may differ by an ulp between interpreted and compiled code, and the
        // models' rarely taken branches (a lane jumps, a second jump) run interpreted for longer and after a
        // deoptimisation, so equal bits are not guaranteed here; a block-state bug would show far above 1e-3
        // (5e-7 of gross notional). With the intrinsics off (-XX:-EnableVectorSupport) the bits are equal.
        assertIndependentOfGeometry(allModels(25), 1e-3);
        assertIndependentOfGeometry(copulaModels(26), 1e-3);
    }

    @Test
    void liquidationResultsDoNotDependOnChunkSizeOrThreadCount() {
        // the account lanes and each lane's account are reset per block of lanes, and lanes past a block's end are
        // never handed to their account; the ulp caveat of the market above carries over to the account's lanes
        assertIndependentOfGeometry(FrictionProblems.lanesCross(FrictionProblems.mechanics(
                FrictionProblems.LATENCY_AND_A_HALF, FrictionProblems.LINEAR_IMPACT, FrictionProblems.BY_FRACTION), 27),
                1e-6);
        assertIndependentOfGeometry(FrictionProblems.lanesIsolated(FrictionProblems.mechanics(
                FrictionProblems.SQRT_IMPACT, FrictionProblems.BY_TIER), 28), 1e-6);
    }

    @Test
    void resultsDoNotDependOnAnotherEngineRunningAlongside() throws InterruptedException {
        // what the command line's JIT warm-up does (io.marginsim.engine.JitWarmUp): another engine simulating the
        // standard workload on another thread while the real run goes on; engines share no mutable state
        CompiledProblem problem = FrictionProblems.lanesCross(FrictionProblems.mechanics(
                FrictionProblems.LATENCY_AND_A_HALF, FrictionProblems.LINEAR_IMPACT, FrictionProblems.BY_FRACTION), 29);
        PathStats alone = new VectorEngine(2, 333).run(problem, 5, 3_001, Engine.ProgressListener.NONE);
        AtomicBoolean done = new AtomicBoolean();
        CompiledProblem workload = Workloads.oneAsset(0);
        Thread alongside = Thread.ofPlatform().start(() -> {
            PathBlock block = PathBlock.forProblem(workload, 64);
            for (long first = 0; !done.get(); first += 64) {
                new VectorEngine(1, 64).simulate(workload, first, block);
            }
        });
        PathStats together = new VectorEngine(2, 333).run(problem, 5, 3_001, Engine.ProgressListener.NONE);
        done.set(true);
        alongside.join();
        assertThat(together.breachesAtStep()).containsExactly(alone.breachesAtStep());
        assertThat(together.liquidation().events()).isEqualTo(alone.liquidation().events());
        // the ulp caveat above: a block run before C2 compiled the lanes may differ in the last bits
        assertSameSamples(together.terminalEquity(), alone.terminalEquity(), 1e-6);
        assertSameSamples(together.worstShortfall(), alone.worstShortfall(), 1e-6);
    }

    private static void assertIndependentOfGeometry(CompiledProblem problem, double tolerance) {
        PathStats reference = new VectorEngine(1, 1_000_000).run(problem, 5, 3_001, Engine.ProgressListener.NONE);
        for (int[] geometry : new int[][] {{1, 1}, {2, 17}, {2, 333}, {3, 1024}, {2, 8192}}) {
            PathStats stats = new VectorEngine(geometry[0], geometry[1])
                    .run(problem, 5, 3_001, Engine.ProgressListener.NONE);
            assertThat(stats.breachesAtStep()).as("threads %d chunk %d", geometry[0], geometry[1])
                    .containsExactly(reference.breachesAtStep());
            assertSameSamples(stats.worstShortfall(), reference.worstShortfall(), tolerance);
            assertSameSamples(stats.terminalEquity(), reference.terminalEquity(), tolerance);
            if (reference.liquidation() != null) {
                assertThat(stats.liquidation().events()).isEqualTo(reference.liquidation().events());
                assertThat(stats.liquidation().badDebtPaths()).isEqualTo(reference.liquidation().badDebtPaths());
                assertSameSamples(stats.liquidation().loss(), reference.liquidation().loss(), tolerance);
                assertSameSamples(stats.liquidation().badDebt(), reference.liquidation().badDebt(), tolerance);
            }
        }
    }

    private static void assertSameSamples(RankedSample actual, RankedSample expected, double tolerance) {
        double[] a = Samples.sorted(actual);
        double[] e = Samples.sorted(expected);
        if (tolerance == 0) {
            assertThat(a).containsExactly(e);
            return;
        }
        assertThat(a).hasSameSizeAs(e);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(e[i], org.assertj.core.api.Assertions.within(tolerance));
        }
    }

    @Test
    void aPathGivesTheSameResultsWhereverItFallsInABlock() {
        assertSameWhereverAPathFalls(Workloads.correlated(3, 22));
        assertSameWhereverAPathFalls(FrictionProblems.lanesCross(FrictionProblems.mechanics(
                FrictionProblems.LATENCY_AND_A_HALF, FrictionProblems.SQRT_IMPACT, FrictionProblems.BY_TIER), 29));
    }

    /**
     * Paths 1,045 .. 1,081 as a block of 37 (a padded last vector) and inside a block of 100 from 1,000. The lanes
     * compute the same bits once C2 has compiled the kernel; a call that runs before (or across) that compilation
     * may differ by an ulp of the Vector API's transcendental functions, hence 1e-6 relative, while a path that
     * depended on its lane or block would be off by whole step moves.
     */
    private static void assertSameWhereverAPathFalls(CompiledProblem problem) {
        VectorEngine engine = new VectorEngine(1, 64);
        PathBlock whole = PathBlock.forProblem(problem, 100);
        engine.simulate(problem, 1_000, whole);
        PathBlock shifted = PathBlock.forProblem(problem, 37);
        engine.simulate(problem, 1_000 + 45, shifted);
        for (int i = 0; i < shifted.size(); i++) {
            assertThat(shifted.firstBreachStep[i]).isEqualTo(whole.firstBreachStep[45 + i]);
            assertClose(shifted.worstShortfall[i], whole.worstShortfall[45 + i]);
            assertClose(shifted.terminalEquity[i], whole.terminalEquity[45 + i]);
            if (whole.tracksLiquidation) {
                assertThat(shifted.liquidations[i]).isEqualTo(whole.liquidations[45 + i]);
                assertClose(shifted.liquidationLoss[i], whole.liquidationLoss[45 + i]);
                assertClose(shifted.badDebt[i], whole.badDebt[45 + i]);
            }
        }
    }

    private static void assertClose(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(1e-6 * Math.max(1, Math.abs(expected))));
    }

    @Test
    void breachProbabilityAgreesWithTheReferenceWithinTheMonteCarloInterval() {
        CompiledProblem problem = Workloads.oneAsset(23);
        int paths = 100_000;
        PathStats vector = new VectorEngine(2, 8192).run(problem, 0, paths, Engine.ProgressListener.NONE);
        PathStats scalar = new ScalarEngine(2, 8192).run(problem, 0, paths, Engine.ProgressListener.NONE);
        double p = (double) scalar.breaches() / paths;
        double halfWidth = 1.96 * Math.sqrt(p * (1 - p) / paths);
        assertThat((double) vector.breaches() / paths).isBetween(p - halfWidth, p + halfWidth);
        // the same draws on both engines: the counts differ only by paths that graze the threshold
        assertThat(Math.abs(vector.breaches() - scalar.breaches())).isLessThanOrEqualTo(paths / 1000);
    }

    @Test
    void describesItsLanesAndThreads() {
        VectorEngine engine = new VectorEngine(3, 100);
        assertThat(engine.name()).isEqualTo("vector");
        assertThat(engine.description()).contains(Lanes.COUNT + " float32 lanes").contains("3 threads");
    }
}
