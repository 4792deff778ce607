package io.marginsim.engine.vector;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.spec.Monitoring;
import io.marginsim.problem.PathBlock;
import io.marginsim.engine.scalar.ScalarEngine;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static io.marginsim.engine.vector.FrictionProblems.BY_FRACTION;
import static io.marginsim.engine.vector.FrictionProblems.LATENCY_AND_A_HALF;
import static io.marginsim.engine.vector.FrictionProblems.mechanics;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Continuous monitoring over every market model beyond GBM agrees path by path with the reference, by the criteria
 * of {@link VectorContinuousAgreementTest}: each lane's bridge takes the lane's own step covariance (GARCH's
 * conditional variance, DCC's factor, AR(1)'s innovation weight), so a lane that used the constant one would move
 * its breach step on many paths, not on a few within float rounding of the barrier.
 */
class VectorContinuousModelsTest {
    private static final double RELATIVE = 5e-6;
    private static final int PATHS = 10_000;

    @Test
    void garchWithStress() {
        assertAgrees(ModelProblems.oneAsset("\"garch\": {\"alpha\": 0.1, \"beta\": 0.89, \"initialVolatility\": 1.6}",
                "\"stress\": {\"volatilityMultiplier\": 1.5}", 71), PATHS);
    }

    @Test
    void studentTAndMertonJumps() {
        assertAgrees(ModelProblems.oneAsset("\"degreesOfFreedom\": 4, \"jumpIntensity\": 80, \"jumpMean\": -0.04, "
                + "\"jumpStdev\": 0.06", "", 72), PATHS);
    }

    @Test
    void ar1ScalesTheBridgeFromTheSecondStep() {
        assertAgrees(ModelProblems.oneAsset("\"ar1\": -0.4", "", 73), PATHS);
    }

    @Test
    void everyAssetModelTogetherWithACopulaOnThreeAssets() {
        assertAgrees(ModelProblems.threeAssets("\"garch\": {\"alpha\": 0.1, \"beta\": 0.85}", "\"ar1\": 0.3",
                "\"jumpIntensity\": 50, \"jumpMean\": -0.05, \"jumpStdev\": 0.05",
                "\"copula\": \"t\", \"copulaDegreesOfFreedom\": 4", 74), PATHS / 2);
    }

    @Test
    void dccWithGarchOnThreeAssets() {
        assertAgrees(ModelProblems.threeAssets("\"garch\": {\"alpha\": 0.08, \"beta\": 0.9}",
                "\"garch\": {\"alpha\": 0.05, \"beta\": 0.9}", "", "\"dcc\": {\"a\": 0.06, \"b\": 0.9}", 75),
                PATHS / 2);
    }

    @Test
    void garchWithFundingLatencyAndPartialLiquidation() {
        CompiledProblem problem = ModelProblems.oneAsset(
                "\"garch\": {\"alpha\": 0.12, \"beta\": 0.85, \"initialVolatility\": 1.2}", "",
                "\"funding\": {\"fundingRatePerInterval\": 0.0005}",
                "\"liquidation\": {" + mechanics(LATENCY_AND_A_HALF, "\"feeRate\": 0.005", BY_FRACTION) + "}", 76);
        VectorFrictionsAgreementTest.assertCutSeveralTimes(VectorFrictionsAgreementTest.assertAgrees(
                problem.withMonitoring(Monitoring.CONTINUOUS), 1e-5, VectorFrictionsAgreementTest.PATHS / 1000));
    }

    /** Agreement on a problem where a fair share of paths breach. */
    private static void assertAgrees(CompiledProblem problem, int size) {
        CompiledProblem continuous = problem.withMonitoring(Monitoring.CONTINUOUS);
        PathBlock reference = new PathBlock(size);
        new ScalarEngine(1, size).simulate(continuous, 1_000, reference);
        long breached = Arrays.stream(reference.firstBreachStep).filter(s -> s != PathBlock.NO_BREACH).count();
        assertThat((double) breached / size).as("share of paths that breach").isBetween(0.05, 0.95);
        Agreement.assertAgrees(continuous, 1_000, size, RELATIVE);
    }
}
