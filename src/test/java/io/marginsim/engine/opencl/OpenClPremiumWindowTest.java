package io.marginsim.engine.opencl;

import io.marginsim.engine.Engine;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.Precision;
import io.marginsim.engine.contract.FrictionProblems;
import io.marginsim.engine.vector.VectorEngine;
import io.marginsim.liquidation.FrozenProblems;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.UnsupportedModelException;
import io.marginsim.simulation.Engines;
import io.marginsim.spec.EngineKind;
import io.marginsim.testing.SpecEdits;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.marginsim.engine.contract.FrictionProblems.PREMIUM_FUNDING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kernel keeps the trailing window of premium-linked funding in private memory, at most
 * {@link FrictionBuffer#PREMIUM_HISTORY_LIMIT} log prices per path; a longer window is refused by name, and
 * {@code auto} runs it on the vector engine. The cross account has two assets and hourly steps, so an interval of
 * {@code h} hours keeps {@code 2 (h + 1)} log prices.
 */
class OpenClPremiumWindowTest {
    /** 96 quarter-hour steps, so a window of {@code steps} steps is a funding interval of steps / 4 hours. */
    private static CompiledProblem withWindowSteps(int steps) {
        String base = SpecEdits.replace(FrozenProblems.CROSS, "\"horizonDays\": 4, \"stepsPerDay\": 24",
                "\"horizonDays\": 1, \"stepsPerDay\": 96");
        assertThat(base).isNotEqualTo(FrozenProblems.CROSS);
        return FrictionProblems.crossWithCosts(base, SpecEdits.replace(PREMIUM_FUNDING, "\"fundingIntervalHours\": 8",
                "\"fundingIntervalHours\": " + steps / 4.0), null, 1);
    }

    @Test
    void theLongestWindowThatFitsRunsAndAgrees() {
        // 2 x 512 = 1024 log prices, past the 96-step horizon: every step's premium reaches back to the start
        CompiledProblem problem = withWindowSteps(511);
        assertThat(OpenClTestEngines.floatEngine().implementsAll(problem)).isTrue();
        FrictionAgreement.assertAgrees(OpenClTestEngines.floatEngine(), problem);
    }

    @Test
    void aLongerWindowIsRefusedByNameAndAutoRunsItOnTheVectorEngine() throws EngineUnavailableException {
        // 2 x 513 log prices
        CompiledProblem problem = withWindowSteps(512);
        OpenClEngine engine = OpenClTestEngines.floatEngine();
        assertThat(engine.unimplemented(problem)).containsExactly("premium-linked funding over 512 steps for 2 "
                + "assets (the OpenCL kernel keeps at most 1024 past log prices per path)");
        assertThatThrownBy(() -> engine.simulate(problem, 0, PathBlock.forProblem(problem, 1)))
                .isInstanceOf(UnsupportedModelException.class).hasMessageContaining("premium-linked funding over 512");

        Engines.Selection chosen = Engines.forProblem(new Engines.Selection(engine, "auto chose opencl", true), problem,
                Engines.Options.defaults());
        assertThat(chosen.engine()).isInstanceOf(VectorEngine.class);
        assertThat(chosen.note()).contains("premium-linked funding over 512 steps");
    }

    @Test
    void autoLogsOnceTheEngineThatRunsAndWhy() throws EngineUnavailableException {
        OpenClTestEngines.assumePlatform();
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger log = Logger.getLogger(Engines.class.getName());
        log.addHandler(capture);
        // device 0 asked for by number: auto opens OpenCL there, even on a CPU device
        Engines.Options options = new Engines.Options(2, 0, Precision.FLOAT);
        CompiledProblem problem = withWindowSteps(512);
        Engines.Selection selected = Engines.select(EngineKind.AUTO, options);
        try (Engine _ = selected.engine()) {
            for (int run = 0; run < 2; run++) {
                Engines.Selection ran = Engines.forProblem(selected, problem, options);
                assertThat(ran.engine()).isInstanceOf(VectorEngine.class);
                ran.engine().close();
            }
        } finally {
            log.removeHandler(capture);
        }
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).startsWith("auto chose vector").contains("premium-linked funding over 512 steps");
    }
}
