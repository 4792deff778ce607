package io.marginsim.engine;

import io.marginsim.engine.vector.VectorEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.problem.UnsupportedModelException;
import io.marginsim.simulation.Engines;
import io.marginsim.simulation.Simulation;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.Spec;
import io.marginsim.stats.PathStats;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Models beyond GBM run where they are implemented, visibly: each engine names the features it implements, auto
 * moves a problem to an engine that has them all and says why, and an engine asked for by name that lacks one
 * refuses rather than simulating something else.
 */
class ModelSelectionTest {
    private static final Spec STUDENT_GARCH = Specs.parse("""
            {"assets": [{"name": "X", "price": 100, "volatility": 0.5, "degreesOfFreedom": 4,
                         "garch": {"alpha": 0.1, "beta": 0.8}}],
             "account": {"cash": 100, "positions": [{"asset": "X", "size": 1, "entryPrice": 100,
                         "rules": {"type": "flat", "rate": 0.05}}]},
             "monitoring": "discrete", "horizonDays": 2, "stepsPerDay": 4, "paths": 1000, "engine": "auto"}""");
    private static final Engines.Options ONE_THREAD = new Engines.Options(1, -1, Precision.FLOAT);

    /** An engine that implements GARCH and nothing else beyond GBM, and never runs. */
    private static final class GarchOnlyEngine implements Engine {
        @Override
        public String name() {
            return "garch-only";
        }

        @Override
        public String description() {
            return "a test engine";
        }

        @Override
        public Set<Feature> implementedFeatures() {
            return Set.of(Feature.GARCH);
        }

        @Override
        public void simulate(CompiledProblem problem, long firstPath, PathBlock out) {
            throw new AssertionError("not to be run");
        }

        @Override
        public PathStats run(CompiledProblem problem, long firstPath, long count, ProgressListener progress) {
            throw new AssertionError("not to be run");
        }
    }

    @Test
    void theModelsAreNamedAndEachEngineIsCheckedForMembership() {
        CompiledProblem problem = ProblemCompiler.compile(STUDENT_GARCH);
        assertThat(problem.gbmOnly()).isFalse();
        assertThat(problem.featuresInUse()).containsExactly(Feature.STUDENT_T, Feature.GARCH);
        assertThat(problem.featuresBeyond(Set.of(Feature.GARCH))).containsExactly(Feature.STUDENT_T);
        assertThat(new GarchOnlyEngine().implementsAll(problem)).isFalse();
        assertThatThrownBy(() -> problem.requireImplemented("garch-only", Set.of(Feature.GARCH)))
                .isInstanceOf(UnsupportedModelException.class)
                .hasMessage("the garch-only engine does not implement Student-t innovations yet; run --engine scalar "
                        + "or --engine auto");
        try (VectorEngine vector = new VectorEngine(1, 1024)) {
            assertThat(vector.implementsAll(problem)).isTrue();
            assertThat(vector.implementedFeatures()).containsAll(problem.marketModelFeatures());
        }
    }

    @Test
    void autoRunsTheModelsOnTheVectorEngine() throws EngineUnavailableException {
        // without a GPU auto chooses the vector engine; with one, the OpenCL engine, which implements them too
        try (Simulation run = Simulator.run(STUDENT_GARCH, ONE_THREAD, Engine.ProgressListener.NONE)) {
            assertThat(run.report().engine()).isIn("vector", "opencl");
        }
    }

    @Test
    void autoMovesAProblemFromAnEngineLackingAFeatureToOneThatHasThemAll() throws EngineUnavailableException {
        Engines.Selection partial = new Engines.Selection(new GarchOnlyEngine(), "auto chose garch-only", true);
        Engines.Selection moved = Engines.forProblem(partial, ProblemCompiler.compile(STUDENT_GARCH), ONE_THREAD);
        try (Engine engine = moved.engine()) {
            assertThat(engine.name()).isEqualTo("vector");
            assertThat(moved.note()).startsWith("auto chose vector, ").endsWith(": the spec uses Student-t "
                    + "innovations, which the garch-only engine does not implement yet");
        }
    }

    @Test
    void anEngineAskedForByNameIsRefusedNotReplaced() {
        Engines.Selection named = new Engines.Selection(new GarchOnlyEngine(), "garch-only as requested", false);
        assertThatThrownBy(() -> Engines.forProblem(named, ProblemCompiler.compile(STUDENT_GARCH), ONE_THREAD))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessage("The garch-only engine does not implement Student-t innovations yet; run with --engine "
                        + "scalar or --engine auto.");
    }
}
