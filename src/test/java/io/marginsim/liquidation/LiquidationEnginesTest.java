package io.marginsim.liquidation;

import io.marginsim.engine.Engine;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.FeatureEngines;
import io.marginsim.engine.Precision;
import io.marginsim.engine.Specs;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.result.Report;
import io.marginsim.result.ReportFormat;
import io.marginsim.simulation.Engines;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.EngineKind;
import io.marginsim.spec.Spec;
import io.marginsim.testing.SpecEdits;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which engines run liquidation mechanics: the reference and the vector engine; an engine that does not name them
 * in {@link Engine#implementedFeatures()} refuses them when asked for by name, and under auto hands them on.
 */
class LiquidationEnginesTest {
    private static final Engines.Options OPTIONS = new Engines.Options(2, -1, Precision.FLOAT);
    private static final String SPEC = OnePath.spec(-2, 100, 10, "{\"type\": \"flat\", \"rate\": 0.05}", 16,
            ", \"funding\": {\"fundingRatePerInterval\": 0.0001}",
            ", \"liquidation\": {\"latencySeconds\": 60, \"feeRate\": 0.005}");
    private static final String MECHANICS = "funding, liquidation mechanics, liquidation latency, liquidation fee";

    @Test
    void theProblemNamesItsMechanics() {
        CompiledProblem problem = OnePath.compile(SPEC);
        assertThat(problem.featuresInUse())
                .containsExactly(Feature.FUNDING, Feature.LIQUIDATION, Feature.LATENCY, Feature.FEE);
        assertThat(Feature.ofKind(Feature.Kind.MECHANICS)).containsAll(problem.mechanicsFeatures());
        assertThat(OnePath.compile(OnePath.spec(-2, 100, 10, "{\"type\": \"flat\", \"rate\": 0.05}", 4, "", ""))
                .featuresInUse()).isEmpty();
    }

    @Test
    void theVectorEngineAskedForByNameRunsThem() throws Exception {
        Engines.Selection vector = Engines.select(EngineKind.VECTOR, OPTIONS);
        try (var engine = vector.engine()) {
            assertThat(engine.implementedFeatures()).containsAll(Feature.ofKind(Feature.Kind.MECHANICS));
            assertThat(Engines.forProblem(vector, OnePath.compile(SPEC), OPTIONS)).isSameAs(vector);
        }
    }

    @Test
    void anEngineWithoutThemAskedForByNameRefusesWithTheFeatures() {
        Engines.Selection named = new Engines.Selection(FeatureEngines.implementing(Set.of()), "test", false);
        assertThatThrownBy(() -> Engines.forProblem(named, OnePath.compile(SPEC), OPTIONS))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessage("The test engine does not implement " + MECHANICS
                        + " yet; run with --engine scalar or --engine auto.");
    }

    @Test
    void autoMovesThemFromAnEngineWithoutThemToTheVectorEngine() throws Exception {
        Engines.Selection automatic = new Engines.Selection(FeatureEngines.implementing(Set.of()), "auto", true);
        Engines.Selection moved = Engines.forProblem(automatic, OnePath.compile(SPEC), OPTIONS);
        try (var engine = moved.engine()) {
            assertThat(engine.name()).isEqualTo("vector");
            assertThat(moved.note()).startsWith("auto chose vector, ")
                    .endsWith(": the spec uses " + MECHANICS + ", which the test engine does not implement yet");
        }
    }

    @Test
    void autoRunsThemOnTheVectorEngineWithALiquidationSection() throws Exception {
        // without a GPU auto chooses the vector engine; with one, the OpenCL engine if it names the mechanics, else
        // the vector engine again: never the reference
        Spec spec = Specs.parse(SpecEdits.replace(SPEC, "\"engine\": \"scalar\"", "\"engine\": \"auto\""));
        Report report = Simulator.simulate(spec, OPTIONS, Engine.ProgressListener.NONE);
        assertThat(report.engine()).isIn("vector", "opencl");
        assertThat(report.liquidation()).isNotNull();
        assertThat(report.liquidation().liquidationProbability()).isEqualTo(report.breachProbability());
        assertThat(report.liquidation().expectedLiquidations()).isEqualTo(1.0);
        assertThat(ReportFormat.JSON.render(report)).contains("\"liquidation\"", "\"badDebtProbabilityCi95\"",
                "\"liquidationLossQuantiles\"");
    }

    @Test
    void aPlainSpecHasNoLiquidationSection() throws Exception {
        Spec spec = Specs.parse(OnePath.spec(-2, 100, 10, "{\"type\": \"flat\", \"rate\": 0.05}", 4, "", ""));
        Report report = Simulator.simulate(spec, OPTIONS, Engine.ProgressListener.NONE);
        assertThat(report.liquidation()).isNull();
        assertThat(ReportFormat.JSON.render(report)).doesNotContain("liquidation");
        assertThat(ReportFormat.CSV.render(report)).doesNotContain("liquidation");
    }
}
