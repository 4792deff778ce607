package io.marginsim.engine.opencl;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.problem.PathBlock;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.engine.contract.FrictionProblems;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.marginsim.engine.opencl.FrictionAgreement.FIRST_PATH;
import static io.marginsim.engine.opencl.FrictionAgreement.PATHS;
import static io.marginsim.engine.opencl.FrictionAgreement.assertAgrees;
import static io.marginsim.engine.opencl.FrictionAgreement.pathsWithEvents;
import static io.marginsim.engine.contract.FrictionProblems.MOVING_HAIRCUT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Path-dependent haircuts in kernels/account.cl against the scalar reference, in float and double (criteria in
 * {@link FrictionAgreement}): the collateral's volatility-scaled haircut follows its asset's GARCH variance of the
 * coming step, in equity and requirement, for the account and its shadow. The movement must matter: on the same
 * draws, the haircut held at its compiled constant gives another first breach on a good share of paths.
 */
class OpenClPathHaircutAgreementTest {
    /** Partial closes above 300 of notional, so the account lives on with its collateral after an event. */
    private static final String LIQUIDATION = """
            {"latencySeconds": 1800, "feeRate": 0.01, "feeCappedAtRemainingMargin": true,
             "partial": {"mode": "fraction", "fraction": 0.5, "aboveNotional": 300}}""";

    @Test
    void haircutsAloneInFloat() {
        CompiledProblem problem = FrictionProblems.garchCollateral(MOVING_HAIRCUT, "", null, 86);
        assertThat(problem.mechanicsFeatures()).containsExactly(Feature.PATH_HAIRCUTS);
        PathBlock reference = assertAgrees(OpenClTestEngines.floatEngine(), problem);
        CompiledProblem fixed = FrictionProblems.garchCollateral(
                "\"haircut\": " + problem.frictions.haircuts().compiled().get(0), "", null, 86);
        assertThat(fixed.frictions.isNone()).isTrue();
        PathBlock constant = PathBlock.forProblem(fixed, PATHS);
        new ScalarEngine(1, PATHS).simulate(fixed, FIRST_PATH, constant);
        assertThat(1 - reference.breachStepAgreement(constant)).as("share of paths the movement changes")
                .isGreaterThan(0.05);
    }

    @Test
    void haircutsWithPartialLiquidationInFloat() {
        CompiledProblem problem = FrictionProblems.garchCollateral(MOVING_HAIRCUT, "", LIQUIDATION, 87);
        assertThat(problem.mechanicsFeatures()).contains(Feature.PATH_HAIRCUTS, Feature.PARTIAL);
        PathBlock reference = assertAgrees(OpenClTestEngines.floatEngine(), problem);
        assertThat(pathsWithEvents(reference, 2)).as("paths that live on after an event").isGreaterThan(PATHS / 20);
    }

    @Test
    void doublePrecision() {
        for (CompiledProblem problem : List.of(FrictionProblems.garchCollateral(MOVING_HAIRCUT, "", null, 88),
                FrictionProblems.garchCollateral(MOVING_HAIRCUT, "", LIQUIDATION, 89))) {
            assertAgrees(OpenClTestEngines.doubleEngine(), problem);
        }
    }
}
