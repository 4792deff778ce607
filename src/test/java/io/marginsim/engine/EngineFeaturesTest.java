package io.marginsim.engine;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.problem.UnsupportedModelException;
import io.marginsim.engine.scalar.ScalarEngine;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An engine runs a problem when it lists every feature the problem uses; membership decides, not emptiness. */
class EngineFeaturesTest {
    private static final CompiledProblem T_AND_GARCH = ProblemCompiler.compile(Specs.parse("""
            {"assets": [{"name": "X", "price": 100, "degreesOfFreedom": 5,
                         "garch": {"omega": 0.05, "alpha": 0.1, "beta": 0.8}}],
             "account": {"cash": 100, "positions": [{"asset": "X", "size": 1, "entryPrice": 100,
                         "rules": {"type": "flat", "rate": 0.05}}]},
             "monitoring": "discrete", "horizonDays": 2, "stepsPerDay": 4, "engine": "scalar"}"""));

    @Test
    void anEngineLackingOneFeatureNamesOnlyThatOne() {
        Engine studentOnly = engine(Set.of(CompiledProblem.STUDENT_T));
        assertThat(T_AND_GARCH.featuresInUse()).containsExactly(CompiledProblem.STUDENT_T,
                CompiledProblem.GARCH);
        assertThat(studentOnly.implementsAll(T_AND_GARCH)).isFalse();
        assertThat(T_AND_GARCH.featuresBeyond(studentOnly.implementedFeatures())).containsExactly(CompiledProblem.GARCH);
        assertThatThrownBy(() -> T_AND_GARCH.requireImplemented("test", studentOnly.implementedFeatures()))
                .isInstanceOf(UnsupportedModelException.class)
                .hasMessage("the test engine does not implement GARCH volatility yet; run --engine scalar or "
                        + "--engine auto");
    }

    @Test
    void anEngineListingEveryFeatureRunsTheProblem() {
        Engine both = engine(Set.of(CompiledProblem.STUDENT_T, CompiledProblem.GARCH, "a feature not used"));
        assertThat(both.implementsAll(T_AND_GARCH)).isTrue();
        T_AND_GARCH.requireImplemented("test", both.implementedFeatures());
    }

    @Test
    void theReferenceLacksNothing() {
        ScalarEngine reference = new ScalarEngine(1, 64);
        assertThat(reference.implementsAll(T_AND_GARCH)).isTrue();
        assertThat(reference.unimplemented(T_AND_GARCH)).as("what it would name as missing agrees").isEmpty();
    }

    private static Engine engine(Set<String> features) {
        return FeatureEngines.implementing(features);
    }
}
