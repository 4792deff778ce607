package io.marginsim.liquidation;

import io.marginsim.engine.CompiledProblem;
import io.marginsim.engine.EngineKind;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.Engines;
import io.marginsim.engine.Precision;
import io.marginsim.engine.Simulator;
import io.marginsim.engine.Specs;
import io.marginsim.result.Report;
import io.marginsim.result.ReportFormat;
import io.marginsim.spec.Spec;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The vector engine does not run liquidation mechanics: asked for by name it refuses, and under auto, where there is
 * no OpenCL GPU (which runs them, see the OpenCL engine's tests), the reference runs.
 */
class ReferenceOnlyTest {
    private static final Engines.Options OPTIONS = new Engines.Options(2, -1, Precision.FLOAT);
    private static final String SPEC = OnePath.spec(-2, 100, 10, "{\"type\": \"flat\", \"rate\": 0.05}", 16,
            ", \"funding\": {\"fundingRatePerInterval\": 0.0001}",
            ", \"liquidation\": {\"latencySeconds\": 60, \"feeRate\": 0.005}");

    @Test
    void theProblemNamesItsMechanics() {
        CompiledProblem problem = OnePath.compile(SPEC);
        assertThat(problem.referenceOnlyFeatures())
                .containsExactly("funding", "liquidation mechanics", "liquidation latency", "liquidation fee");
        assertThat(OnePath.compile(OnePath.spec(-2, 100, 10, "{\"type\": \"flat\", \"rate\": 0.05}", 4, "", ""))
                .referenceOnlyFeatures()).isEmpty();
    }

    @Test
    void theVectorEngineAskedForByNameRefusesWithTheFeatures() throws Exception {
        Engines.Selection vector = Engines.select(EngineKind.VECTOR, OPTIONS);
        try (var ignored = vector.engine()) {
            assertThatThrownBy(() -> Engines.forProblem(vector, OnePath.compile(SPEC), OPTIONS))
                    .isInstanceOf(EngineUnavailableException.class)
                    .hasMessage("The vector engine does not implement funding, liquidation mechanics, liquidation latency, "
                            + "liquidation fee yet; run with --engine scalar or --engine auto.");
        }
    }

    @Test
    void autoRunsAnEngineWithTheMechanicsAndHasALiquidationSection() throws Exception {
        Spec spec = Specs.parse(SPEC.replace("\"engine\": \"scalar\"", "\"engine\": \"auto\""));
        Report report = Simulator.simulate(spec, OPTIONS, io.marginsim.engine.Engine.ProgressListener.NONE);
        assertThat(report.engine()).isIn("scalar", "opencl");
        if (report.engine().equals("scalar")) {
            assertThat(report.engineNote()).startsWith("auto chose scalar: the spec uses funding, liquidation mechanics");
        }
        assertThat(report.liquidation()).isNotNull();
        assertThat(report.liquidation().liquidationProbability()).isEqualTo(report.breachProbability());
        assertThat(report.liquidation().expectedLiquidations()).isEqualTo(1.0);
        assertThat(ReportFormat.JSON.render(report)).contains("\"liquidation\"", "\"badDebtProbabilityCi95\"",
                "\"liquidationLossQuantiles\"");
    }

    @Test
    void aPlainSpecHasNoLiquidationSection() throws Exception {
        Spec spec = Specs.parse(OnePath.spec(-2, 100, 10, "{\"type\": \"flat\", \"rate\": 0.05}", 4, "", ""));
        Report report = Simulator.simulate(spec, OPTIONS, io.marginsim.engine.Engine.ProgressListener.NONE);
        assertThat(report.liquidation()).isNull();
        assertThat(ReportFormat.JSON.render(report)).doesNotContain("liquidation");
        assertThat(ReportFormat.CSV.render(report)).doesNotContain("liquidation");
    }
}
