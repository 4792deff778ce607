package io.marginsim.engine.opencl;

import io.marginsim.engine.contract.FrictionProblems;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.spec.Monitoring;
import io.marginsim.testing.SpecEdits;
import org.junit.jupiter.api.Test;

import static io.marginsim.engine.contract.FrictionProblems.LATENCY_LINEAR_FEE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenCL engine claims every liquidation mechanic, under discrete and continuous monitoring; the contract suite
 * compares them path by path with the reference.
 */
class OpenClMechanicsTest {

    @Test
    void theEngineTakesEveryMechanic() {
        CompiledProblem problem = FrictionProblems.frozenCross(SpecEdits.replace(LATENCY_LINEAR_FEE,
                "\"feeRate\": 0.005,", "\"feeRate\": 0.005, \"partial\": {\"mode\": \"tier\"},"), 1);
        assertThat(problem.featuresInUse()).contains(Feature.FEE_CAPPED, Feature.PARTIAL);
        assertThat(OpenClTestEngines.floatEngine().implementedFeatures())
                .containsAll(Feature.ofKind(Feature.Kind.MECHANICS));
        assertThat(OpenClTestEngines.floatEngine().implementsAll(problem)).isTrue();
    }

    @Test
    void theEngineTakesContinuousMonitoringWithEveryMechanic() {
        CompiledProblem problem = FrictionProblems.crossOnJumps(LATENCY_LINEAR_FEE, 1)
                .withMonitoring(Monitoring.CONTINUOUS);
        assertThat(OpenClTestEngines.floatEngine().unimplemented(problem)).isEmpty();
    }
}
