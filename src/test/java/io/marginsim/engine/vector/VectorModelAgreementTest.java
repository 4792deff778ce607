package io.marginsim.engine.vector;

import io.marginsim.problem.CompiledProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Path-by-path agreement of every market model in float lanes with the double scalar reference, from the same
 * draws: first-breach steps on at least 99.9% of paths (observed: all but one in 10,000 on one problem, all on
 * the others), and equities within {@value #RELATIVE} of gross notional as for GBM (observed up to 2.3e-6, GARCH).
 */
class VectorModelAgreementTest {
    private static final double RELATIVE = 5e-6;
    private static final int PATHS = 10_000;

    @ParameterizedTest(name = "nu = {0}")
    @ValueSource(doubles = {3, 4, 4.5, 7.25})
    void studentT(double nu) {
        // 3 and 7.25 end their integer part on a lone cosine normal; 4.5 and 7.25 draw a fractional gamma
        assertAgrees(ModelProblems.oneAsset("\"degreesOfFreedom\": " + nu, "", 31), PATHS);
    }

    @Test
    void tCopula() {
        assertAgrees(ModelProblems.threeAssets("", "", "", "\"copula\": \"t\", \"copulaDegreesOfFreedom\": 5.5", 32),
                PATHS / 2);
    }

    @Test
    void mertonJumps() {
        assertAgrees(ModelProblems.oneAsset("\"jumpIntensity\": 80, \"jumpMean\": -0.04, \"jumpStdev\": 0.06", "", 33),
                PATHS);
    }

    @Test
    void jumpsSoFrequentThatCountsReachTheCap() {
        // 0.96 jumps per step (the most a spec allows is one), so counts of several jumps, capped at 14
        assertAgrees(ModelProblems.oneAsset("\"jumpIntensity\": 2800, \"jumpMean\": 0.002, \"jumpStdev\": 0.004", "",
                34), PATHS / 4);
    }

    @Test
    void commonJump() {
        assertAgrees(ModelProblems.threeAssets("", "", "",
                "\"commonJump\": {\"intensity\": 60, \"mean\": -0.06, \"stdev\": 0.04, \"betas\": [1, 0.5, 1.5]}", 35),
                PATHS / 2);
    }

    @Test
    void garch() {
        assertAgrees(ModelProblems.oneAsset("\"garch\": {\"alpha\": 0.12, \"beta\": 0.85, \"initialVolatility\": 1.2}",
                "", 36), PATHS);
    }

    @Test
    void garchFarAboveItsLongRunVarianceUnderAVolatilityStress() {
        // each step's drift takes half of m^2 h, the lane's own variance, which moves away from the long-run one
        assertAgrees(ModelProblems.oneAsset("\"garch\": {\"alpha\": 0.1, \"beta\": 0.89, \"initialVolatility\": 1.6}",
                "\"stress\": {\"volatilityMultiplier\": 1.5}", 40), PATHS);
    }

    @ParameterizedTest(name = "phi = {0}")
    @ValueSource(doubles = {0.35, -0.4})
    void ar1(double phi) {
        assertAgrees(ModelProblems.oneAsset("\"ar1\": " + phi, "", 37), PATHS);
    }

    @Test
    void everyAssetModelTogetherWithACommonJumpAndStress() {
        assertAgrees(ModelProblems.threeAssets(
                "\"degreesOfFreedom\": 5, \"jumpIntensity\": 40, \"jumpMean\": -0.05, \"jumpStdev\": 0.05, "
                        + "\"garch\": {\"alpha\": 0.1, \"beta\": 0.8}",
                "\"ar1\": 0.2, \"garch\": {\"alpha\": 0.05, \"beta\": 0.9}",
                "\"degreesOfFreedom\": 4.5, \"ar1\": -0.15, \"jumpIntensity\": 20, \"jumpMean\": 0.03, \"jumpStdev\": 0.1",
                "\"commonJump\": {\"intensity\": 30, \"mean\": -0.04, \"stdev\": 0.02, \"betas\": [1, 1.2, 0.8]}, "
                        + "\"stress\": {\"volatilityMultiplier\": 1.3, \"correlationToOne\": 0.2, "
                        + "\"shock\": [-0.02, -0.03, 0]}", 38), PATHS / 2);
    }

    @Test
    void tCopulaWithGarchAr1AndJumps() {
        assertAgrees(ModelProblems.threeAssets("\"garch\": {\"alpha\": 0.1, \"beta\": 0.85}", "\"ar1\": 0.3",
                "\"jumpIntensity\": 50, \"jumpMean\": -0.05, \"jumpStdev\": 0.05",
                "\"copula\": \"t\", \"copulaDegreesOfFreedom\": 4", 39), PATHS / 2);
    }

    private static void assertAgrees(CompiledProblem problem, int paths) {
        Agreement.assertAgrees(problem, 1_000, paths, RELATIVE);
    }
}
