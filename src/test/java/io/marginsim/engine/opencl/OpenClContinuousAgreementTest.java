package io.marginsim.engine.opencl;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.spec.Monitoring;
import io.marginsim.problem.Workloads;
import org.junit.jupiter.api.Test;

/**
 * Continuous monitoring in kernels/monitor.cl against the reference path by path, on the problems of
 * {@link OpenClAgreementTest}: one asset (the exact log-price bridge), correlated assets and collateral (the
 * excess as Brownian motion, with a crossing time), a tiered rule, and isolated positions; then on the market models
 * of {@link ModelProblems}, whose bridge takes each path's own step covariance (GARCH's conditional variance, DCC's
 * factor, AR(1)'s innovation share) and whose jumps fall at step ends. In double every path breaches at the
 * reference's step; in float at least 99.9% do.
 */
class OpenClContinuousAgreementTest {

    @Test
    void oneAsset() {
        OpenClAgreementTest.assertAgrees(continuous(Workloads.oneAsset(41)));
    }

    @Test
    void eightCorrelatedAssets() {
        OpenClAgreementTest.assertAgrees(continuous(Workloads.correlated(8, 42)));
    }

    @Test
    void tieredRequirement() {
        OpenClAgreementTest.assertAgrees(continuous(TestProblems.tiered(43)));
    }

    @Test
    void entryBasisWithCollateral() {
        OpenClAgreementTest.assertAgrees(continuous(TestProblems.entryBasisWithCollateral(44)));
    }

    @Test
    void isolatedWithShort() {
        OpenClAgreementTest.assertAgrees(continuous(TestProblems.isolatedWithShort(45)));
    }

    @Test
    void doublePrecisionMatchesEveryPath() {
        for (CompiledProblem problem : new CompiledProblem[] {Workloads.correlated(8, 46),
                TestProblems.tiered(46), TestProblems.isolatedWithShort(46),
                TestProblems.entryBasisWithCollateral(46)}) {
            OpenClAgreementTest.assertMatchesInDouble(continuous(problem));
        }
    }

    @Test
    void garchWithTheStepsOwnVariance() {
        OpenClAgreementTest.assertAgrees(continuous(ModelProblems.garch(47)));
        OpenClAgreementTest.assertAgrees(continuous(ModelProblems.garchUnderStress(48)));
    }

    @Test
    void dccWithGarchOnFourAssets() {
        OpenClAgreementTest.assertAgrees(continuous(ModelProblems.dcc4(49, true)));
    }

    @Test
    void mertonJumpsAtStepEnds() {
        OpenClAgreementTest.assertAgrees(continuous(ModelProblems.merton(50)));
        OpenClAgreementTest.assertAgrees(continuous(ModelProblems.commonJump(51)));
    }

    @Test
    void ar1FromTheSecondStep() {
        OpenClAgreementTest.assertAgrees(continuous(ModelProblems.ar1(52)));
    }

    @Test
    void everyModelOnThreeAssets() {
        OpenClAgreementTest.assertAgrees(continuous(ModelProblems.combined(53)));
        OpenClAgreementTest.assertAgrees(continuous(ModelProblems.combinedCopula(54)));
    }

    @Test
    void filteredHistoricalSimulation() {
        // a milder stress than the discrete tests', as continuous monitoring breaches more paths
        OpenClAgreementTest.assertAgrees(continuous(ModelProblems.historical(55, 60, 2)));
    }

    @Test
    void isolatedOnDccAndGarch() {
        OpenClAgreementTest.assertAgrees(continuous(ModelProblems.isolatedDcc(56)));
    }

    @Test
    void doublePrecisionMatchesEveryPathOfTheModels() {
        for (CompiledProblem problem : new CompiledProblem[] {ModelProblems.combined(57),
                ModelProblems.combinedCopula(57), ModelProblems.dcc4(57, true), ModelProblems.historical(57, 60, 2),
                ModelProblems.isolatedDcc(57)}) {
            OpenClAgreementTest.assertMatchesInDouble(continuous(problem));
        }
    }

    private static CompiledProblem continuous(CompiledProblem problem) {
        return problem.withMonitoring(Monitoring.CONTINUOUS);
    }
}
