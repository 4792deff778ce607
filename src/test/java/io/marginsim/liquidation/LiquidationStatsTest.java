package io.marginsim.liquidation;

import io.marginsim.engine.Engine;
import io.marginsim.engine.Specs;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.result.ReportBuilder;
import io.marginsim.stats.LiquidationStats;
import io.marginsim.stats.PathStats;
import io.marginsim.testing.SpecEdits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Random paths: the mechanics reduce the plain model when they cost nothing, and their statistics merge exactly. */
class LiquidationStatsTest {
    /** Zero latency, no fee, no slippage, full closes: the plain model, written through the liquidation code. */
    private static final String FREE = ", \"liquidation\": {\"feeRate\": 0, \"partial\": {\"mode\": \"full\"}}}";

    private static PathBlock run(String json, int paths) {
        CompiledProblem problem = ProblemCompiler.compile(Specs.parse(json));
        PathBlock block = PathBlock.forProblem(problem, paths);
        new ScalarEngine(1, 64).simulate(problem, 0, block);
        return block;
    }

    private static String free(String json) {
        return json.substring(0, json.lastIndexOf('}')) + FREE;
    }

    @Test
    void freeLiquidationReproducesThePlainModelPathByPath() {
        for (String json : new String[] {FrozenProblems.CROSS, FrozenProblems.ISOLATED}) {
            PathBlock plain = FrozenProblems.run(json);
            PathBlock free = run(free(json), FrozenProblems.PATHS);
            assertThat(free.firstBreachStep).containsExactly(plain.firstBreachStep);
            for (int i = 0; i < plain.size(); i++) {
                assertThat(free.terminalEquity[i]).isCloseTo(plain.terminalEquity[i], within(1e-8));
                assertThat(free.worstShortfall[i]).isCloseTo(plain.worstShortfall[i], within(1e-8));
                assertThat(free.liquidationLoss[i]).isCloseTo(0, within(1e-8));
            }
        }
    }

    @Test
    void statisticsDoNotDependOnChunkSizeOrThreads() {
        String json = FrozenProblems.CROSS.substring(0, FrozenProblems.CROSS.lastIndexOf('}')) + """
                , "paths": 3000, "liquidation": {"latencySeconds": 1800,
                   "slippage": {"model": "sqrt", "depth": {"BTC": 5000000, "ETH": 2000000}}}}""";
        CompiledProblem problem = ProblemCompiler.compile(Specs.parse(SpecEdits.replace(json, "\"seed\": 42, ", "")));
        LiquidationStats a = new ScalarEngine(1, 3000).run(problem, 0, 3000, Engine.ProgressListener.NONE).liquidation();
        LiquidationStats b = new ScalarEngine(2, 77).run(problem, 0, 3000, Engine.ProgressListener.NONE).liquidation();
        assertThat(a.liquidatedPaths()).isPositive().isEqualTo(b.liquidatedPaths());
        assertThat(a.events()).isEqualTo(b.events());
        assertThat(a.badDebtPaths()).isEqualTo(b.badDebtPaths());
        assertThat(ReportBuilder.nearestRanks(a.loss(), 0.5, 0.9, 0.99))
                .containsExactly(ReportBuilder.nearestRanks(b.loss(), 0.5, 0.9, 0.99));
        assertThat(ReportBuilder.nearestRanks(a.badDebt(), 0.99, 0.999))
                .containsExactly(ReportBuilder.nearestRanks(b.badDebt(), 0.99, 0.999));
        assertThat(a.meanLoss()).isCloseTo(b.meanLoss(), within(1e-9 * Math.abs(a.meanLoss())));
    }

    @Test
    void pathsWithAndWithoutLiquidationOutcomesDoNotMix() {
        PathStats with = PathStats.of(96, run(free(FrozenProblems.CROSS), 3));
        PathStats without = PathStats.of(96, FrozenProblems.run(FrozenProblems.CROSS));
        assertThat(without.liquidation()).isNull();
        assertThat(with.liquidation().paths()).isEqualTo(3);
        assertThatThrownBy(() -> with.merge(without)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without liquidation outcomes");
    }
}
