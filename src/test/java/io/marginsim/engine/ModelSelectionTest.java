package io.marginsim.engine;

import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.engine.vector.VectorEngine;
import io.marginsim.spec.Spec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Models beyond GBM run on the scalar engine only, visibly: auto says so, the float engines refuse. */
class ModelSelectionTest {
    private static final Spec STUDENT = Specs.parse("""
            {"assets": [{"name": "X", "price": 100, "volatility": 0.5, "degreesOfFreedom": 4}],
             "account": {"cash": 100, "positions": [{"asset": "X", "size": 1, "entryPrice": 100,
                         "rules": {"type": "flat", "rate": 0.05}}]},
             "horizonDays": 2, "stepsPerDay": 4, "paths": 1000, "engine": "auto"}""");

    @Test
    void autoChoosesScalarAndSaysWhy() throws EngineUnavailableException {
        assertThat(STUDENT.market().isGbm()).isFalse();
        assertThat(ProblemCompiler.compile(STUDENT).gbmOnly()).isFalse();
        try (Simulation run = Simulator.run(STUDENT, new Engines.Options(1, -1, Precision.FLOAT),
                Engine.ProgressListener.NONE)) {
            assertThat(run.report().engine()).isEqualTo("scalar");
            assertThat(run.report().engineNote()).contains("market model").contains("scalar engine only");
        }
        Engines.Selection selection = Engines.select(EngineKind.AUTO, Engines.Options.defaults(), false);
        assertThat(selection.engine()).isInstanceOf(ScalarEngine.class);
        selection.engine().close();
    }

    @Test
    void theVectorEngineRefusesRatherThanSimulatingGbm() {
        CompiledProblem problem = ProblemCompiler.compile(STUDENT);
        try (VectorEngine engine = new VectorEngine(1, 1024)) {
            assertThatThrownBy(() -> engine.run(problem, 0, 100, Engine.ProgressListener.NONE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("supports only GBM for now").hasMessageContaining("run --engine scalar");
            assertThatThrownBy(() -> engine.simulate(problem, 0, new PathBlock(8)))
                    .isInstanceOf(UnsupportedModelException.class);
        }
    }
}
