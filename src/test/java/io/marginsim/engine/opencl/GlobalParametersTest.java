package io.marginsim.engine.opencl;

import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.Precision;
import io.marginsim.engine.contract.FrictionProblems;
import io.marginsim.engine.contract.Problems;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.problem.PathBlock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Problems too large for the device's constant memory read their parameters from global memory (PARAM_GLOBAL);
 * the models and the liquidation mechanics must give the very same paths there. Forced here by telling the options
 * there is no constant memory.
 */
class GlobalParametersTest {

    @Test
    void modelsFromGlobalMemoryGiveTheSamePaths() throws EngineUnavailableException {
        for (CompiledProblem problem : new CompiledProblem[] {Problems.combined(51), Problems.dcc4(51, true),
                Problems.historical(51)}) {
            assertSamePathsFromGlobalMemory(problem);
        }
    }

    @Test
    void mechanicsFromGlobalMemoryGiveTheSamePaths() throws EngineUnavailableException {
        assertSamePathsFromGlobalMemory(FrictionProblems.crossOnStudentTAndGarch(FrictionProblems.TIER_SQRT,
                52));
        assertSamePathsFromGlobalMemory(FrictionProblems.crossOnStudentTAndGarch(
                FrictionProblems.LATENCY_LINEAR_FEE, 53));
    }

    /** Capped fees, premium-linked funding and path-dependent haircuts: every section of the friction buffer. */
    @Test
    void premiumFundingHaircutsAndCappedFeesFromGlobalMemoryGiveTheSamePaths() throws EngineUnavailableException {
        CompiledProblem problem = FrictionProblems.garchCollateral(FrictionProblems.MOVING_HAIRCUT,
                FrictionProblems.PREMIUM_FUNDING, "{\"feeRate\": 0.01, \"feeCappedAtRemainingMargin\": true}", 54);
        assertThat(problem.mechanicsFeatures()).contains(Feature.PREMIUM_FUNDING, Feature.PATH_HAIRCUTS,
                Feature.FEE_CAPPED);
        assertSamePathsFromGlobalMemory(problem);
    }

    private static void assertSamePathsFromGlobalMemory(CompiledProblem problem) throws EngineUnavailableException {
        OpenClEngine engine = OpenClTestEngines.floatEngine();
        String options = PathKernels.options(problem, Precision.FLOAT, 0);
        assertThat(options).contains("-DPARAM_GLOBAL", "-DMODELS");
        PathBlock constant = PathBlock.forProblem(problem, 2_000);
        engine.simulate(problem, 9, constant);
        PathBlock global = PathBlock.forProblem(problem, 2_000);
        try (PathKernels kernels = PathKernels.build(engine.context(), engine.deviceId(), "test", options,
                FrictionBuffer.applies(problem));
             ProblemBuffers params = new ProblemBuffers(engine.context(), problem, Precision.FLOAT);
             ChunkSlot slot = new ChunkSlot(engine.context(), engine.queue(), global.size(), problem,
                     kernels, Precision.FLOAT, new DeviceReads())) {
            slot.simulateInto(kernels, problem, params, 9, global, 0, global.size());
        }
        String what = problem.marketModelFeatures().toString();
        assertThat(global.firstBreachStep).as(what).containsExactly(constant.firstBreachStep);
        assertThat(global.worstShortfall).as(what).containsExactly(constant.worstShortfall);
        assertThat(global.terminalEquity).as(what).containsExactly(constant.terminalEquity);
        assertThat(global.liquidations).as(what).containsExactly(constant.liquidations);
        assertThat(global.liquidationLoss).as(what).containsExactly(constant.liquidationLoss);
        assertThat(global.badDebt).as(what).containsExactly(constant.badDebt);
    }
}
