package io.marginsim.engine.opencl;

import io.marginsim.problem.CompiledProblem;
import org.junit.jupiter.api.Test;

import static io.marginsim.engine.opencl.OpenClAgreementTest.assertAgrees;
import static io.marginsim.engine.opencl.OpenClAgreementTest.assertMatchesInDouble;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The market models of kernels/models.cl path by path against the scalar reference: each model alone, then all
 * together on several assets, DCC correlation on two and four assets and filtered historical simulation; in double
 * precision every path breaches at the reference's step.
 */
class OpenClModelAgreementTest {

    @Test
    void studentT() {
        assertAgrees(ModelProblems.studentT(31));
    }

    @Test
    void tCopula() {
        assertAgrees(ModelProblems.tCopula(32));
    }

    @Test
    void mertonJumps() {
        assertAgrees(ModelProblems.merton(33));
    }

    @Test
    void commonJump() {
        assertAgrees(ModelProblems.commonJump(34));
    }

    @Test
    void garch() {
        assertAgrees(ModelProblems.garch(35));
    }

    @Test
    void garchFarAboveItsLongRunVarianceUnderAVolatilityStress() {
        assertAgrees(ModelProblems.garchUnderStress(53));
        assertMatchesInDouble(ModelProblems.garchUnderStress(54));
    }

    @Test
    void ar1() {
        assertAgrees(ModelProblems.ar1(36));
    }

    @Test
    void everyModelOnThreeAssets() {
        assertAgrees(ModelProblems.combined(37));
        assertAgrees(ModelProblems.combinedCopula(38));
    }

    @Test
    void doublePrecisionMatchesEveryPath() {
        assertMatchesInDouble(ModelProblems.combined(39));
        assertMatchesInDouble(ModelProblems.combinedCopula(40));
    }

    @Test
    void dccOnTwoAssets() {
        assertAgrees(ModelProblems.dcc2(43, false));
        assertAgrees(ModelProblems.dcc2(44, true));
    }

    @Test
    void dccOnFourAssets() {
        assertAgrees(ModelProblems.dcc4(45, false));
        assertAgrees(ModelProblems.dcc4(46, true));
    }

    @Test
    void dccOnSixteenAssetsWithOtherModels() {
        assertAgrees(ModelProblems.dcc16(52));
    }

    @Test
    void filteredHistoricalSimulation() {
        assertAgrees(ModelProblems.historical(47));
    }

    /** 20,000 rows of two assets: far more than constant memory holds; the rows are read from global memory. */
    @Test
    void aLongHistory() {
        CompiledProblem problem = ModelProblems.historical(53, 20_001);
        assertThat(problem.historyRows).isEqualTo(20_000);
        assertAgrees(problem);
    }

    @Test
    void doublePrecisionMatchesEveryPathOfDccAndHistory() {
        assertMatchesInDouble(ModelProblems.dcc2(48, true));
        assertMatchesInDouble(ModelProblems.dcc4(49, false));
        assertMatchesInDouble(ModelProblems.dcc4(50, true));
        assertMatchesInDouble(ModelProblems.historical(51));
        assertMatchesInDouble(ModelProblems.dcc16(54));
    }

    @Test
    void theEngineTakesEveryModel() {
        OpenClEngine engine = OpenClTestEngines.floatEngine();
        for (CompiledProblem problem : new CompiledProblem[] {ModelProblems.combined(1),
                ModelProblems.combinedCopula(1), ModelProblems.dcc2(1, true), ModelProblems.dcc4(1, true),
                ModelProblems.historical(1)}) {
            assertThat(problem.marketModelFeatures()).isNotEmpty();
            assertThat(engine.implementsAll(problem)).as(problem.marketModelFeatures().toString()).isTrue();
        }
    }
}
