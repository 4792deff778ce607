package io.marginsim.engine.vector;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.spec.Monitoring;
import io.marginsim.spec.SpecReader;
import io.marginsim.testing.SpecEdits;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Bad debt of examples/btc-liquidation.json (BTC 10x cross, 30 s latency, linear slippage, partial cuts): with
 * continuous monitoring at hourly steps the fills start at the barrier, so the share of paths with bad debt is close
 * to that of step-end monitoring at one-minute steps (within 5 percentage points), where hourly step-end
 * monitoring, which fills an hour's move past the barrier, is far above both.
 */
class ContinuousBadDebtTest {
    private static final int HOURLY_PATHS = 20_000;
    private static final int MINUTE_PATHS = 4_000;

    @Test
    void hourlyContinuousBadDebtIsCloseToMinuteDiscrete() throws Exception {
        String json = Files.readString(Path.of("examples/btc-liquidation.json"));
        double continuous = badDebtShare(json, Monitoring.CONTINUOUS, HOURLY_PATHS);
        double hourly = badDebtShare(json, Monitoring.DISCRETE, HOURLY_PATHS);
        double minute = badDebtShare(SpecEdits.replace(json, "\"stepsPerDay\": 24", "\"stepsPerDay\": 1440"),
                Monitoring.DISCRETE, MINUTE_PATHS);
        assertThat(continuous).isCloseTo(minute, within(0.05));
        assertThat(hourly).as("hourly step ends").isGreaterThan(minute + 0.2);
    }

    private static double badDebtShare(String json, Monitoring monitoring, int paths) {
        CompiledProblem problem = ProblemCompiler.compile(SpecReader.parse(json, "spec", false))
                .withMonitoring(monitoring);
        PathBlock out = PathBlock.forProblem(problem, paths);
        new VectorEngine().simulate(problem, 0, out);
        int withBadDebt = 0;
        for (double debt : out.badDebt) {
            withBadDebt += debt > 0 ? 1 : 0;
        }
        return (double) withBadDebt / paths;
    }
}
