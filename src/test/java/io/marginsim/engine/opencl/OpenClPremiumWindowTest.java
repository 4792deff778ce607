package io.marginsim.engine.opencl;

import io.marginsim.engine.CompiledProblem;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.Engines;
import io.marginsim.engine.PathBlock;
import io.marginsim.engine.UnsupportedModelException;
import io.marginsim.engine.vector.VectorEngine;
import org.junit.jupiter.api.Test;

import static io.marginsim.engine.opencl.FrictionProblems.PREMIUM_FUNDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kernel keeps the trailing window of premium-linked funding in private memory, at most
 * {@link FrictionBuffer#PREMIUM_HISTORY_LIMIT} log prices per path; a longer window is refused by name, and
 * {@code auto} runs it on the vector engine. The cross account has two assets and hourly steps, so an interval of
 * {@code h} hours keeps {@code 2 (h + 1)} log prices.
 */
class OpenClPremiumWindowTest {
    private static CompiledProblem withIntervalHours(int hours) {
        return FrictionProblems.crossWithFunding(
                PREMIUM_FUNDING.replace("\"fundingIntervalHours\": 8", "\"fundingIntervalHours\": " + hours), null, 1);
    }

    @Test
    void theLongestWindowThatFitsRunsAndAgrees() {
        // 2 x 512 = 1024 log prices, past the 96-step horizon: every step's premium reaches back to the start
        CompiledProblem problem = withIntervalHours(511);
        assertThat(OpenClTestEngines.floatEngine().implementsAll(problem)).isTrue();
        FrictionAgreement.assertAgrees(OpenClTestEngines.floatEngine(), problem);
    }

    @Test
    void aLongerWindowIsRefusedByNameAndAutoRunsItOnTheVectorEngine() throws EngineUnavailableException {
        // 2 x 513 log prices
        CompiledProblem problem = withIntervalHours(512);
        OpenClEngine engine = OpenClTestEngines.floatEngine();
        assertThat(engine.unimplemented(problem)).containsExactly("premium-linked funding over 512 steps for 2 "
                + "asset(s) (the OpenCL kernel keeps at most 1024 past log prices per path)");
        assertThatThrownBy(() -> engine.simulate(problem, 0, PathBlock.forProblem(problem, 1)))
                .isInstanceOf(UnsupportedModelException.class).hasMessageContaining("premium-linked funding over 512");

        Engines.Selection chosen = Engines.forProblem(new Engines.Selection(engine, "auto chose opencl", true), problem,
                Engines.Options.defaults());
        assertThat(chosen.engine()).isInstanceOf(VectorEngine.class);
        assertThat(chosen.note()).contains("premium-linked funding over 512 steps");
    }
}
