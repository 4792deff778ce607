package io.marginsim.engine;

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
            if (run.report().engine().equals("opencl")) {
                return; // a GPU: auto chose the OpenCL engine, which implements every market model
            }
            assertThat(run.report().engine()).isEqualTo("scalar");
            assertThat(run.report().engineNote())
                    .isEqualTo("auto chose scalar: the spec uses Student-t innovations, which only the scalar reference "
                            + "implements so far");
        }
    }

    @Test
    void anEngineAskedForByNameIsRefusedNotReplaced() {
        Spec vector = STUDENT.withRun(STUDENT.paths(), STUDENT.seed(), EngineKind.VECTOR);
        assertThatThrownBy(() -> Simulator.run(vector, new Engines.Options(1, -1, Precision.FLOAT),
                Engine.ProgressListener.NONE))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessage("The vector engine does not implement Student-t innovations yet; run with --engine scalar "
                        + "or --engine auto.");
    }

    @Test
    void theVectorEngineRefusesRatherThanSimulatingGbm() {
        CompiledProblem problem = ProblemCompiler.compile(STUDENT);
        try (VectorEngine engine = new VectorEngine(1, 1024)) {
            assertThatThrownBy(() -> engine.run(problem, 0, 100, Engine.ProgressListener.NONE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the vector engine does not implement Student-t innovations yet; run --engine scalar "
                            + "or --engine auto");
            assertThatThrownBy(() -> engine.simulate(problem, 0, new PathBlock(8)))
                    .isInstanceOf(UnsupportedModelException.class);
        }
    }
}
