package io.marginsim.engine.opencl;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.problem.Frictions;
import io.marginsim.liquidation.PremiumLink;
import io.marginsim.engine.MarketPath;
import io.marginsim.engine.contract.FrictionProblems;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.marginsim.engine.opencl.FrictionAgreement.FIRST_PATH;
import static io.marginsim.engine.opencl.FrictionAgreement.PATHS;
import static io.marginsim.engine.opencl.FrictionAgreement.assertAgrees;
import static io.marginsim.engine.contract.FrictionProblems.PREMIUM_FUNDING;
import static io.marginsim.engine.opencl.OpenClFrictionAgreementTest.LATENCY_LINEAR_FEE;
import static io.marginsim.engine.opencl.OpenClFrictionAgreementTest.TIER_SQRT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Premium-linked funding in kernels/account.cl against the scalar reference, in float and double (criteria in
 * {@link FrictionAgreement}): the rate follows each asset's trailing 8-hour log return out of a ring of past log
 * prices, and its cap and floor bind on a good share of the steps, so both the linear part and the clamp are
 * compared.
 */
class OpenClPremiumFundingAgreementTest {

    @Test
    void crossWithTheClampBindingOftenInFloat() {
        CompiledProblem problem = FrictionProblems.crossWithFunding(PREMIUM_FUNDING, LATENCY_LINEAR_FEE, 81);
        assertThat(problem.mechanicsFeatures()).contains(Feature.PREMIUM_FUNDING).doesNotContain(Feature.FUNDING);
        assertAgrees(OpenClTestEngines.floatEngine(), problem);
        assertThat(clampedShare(problem, 0)).as("BTC long's steps at the rate cap or floor").isBetween(0.1, 0.9);
    }

    @Test
    void carryingCostsAloneAndWithTierReductions() {
        for (CompiledProblem problem : List.of(FrictionProblems.crossWithFunding(PREMIUM_FUNDING, null, 82),
                FrictionProblems.crossWithFunding(PREMIUM_FUNDING, TIER_SQRT, 83))) {
            assertAgrees(OpenClTestEngines.floatEngine(), problem);
        }
    }

    @Test
    void doublePrecision() {
        for (CompiledProblem problem : List.of(FrictionProblems.crossWithFunding(PREMIUM_FUNDING, LATENCY_LINEAR_FEE, 84),
                FrictionProblems.crossWithFunding(PREMIUM_FUNDING, null, 85))) {
            assertAgrees(OpenClTestEngines.doubleEngine(), problem);
        }
    }

    /**
     * Share of position {@code i}'s (path, step) pairs whose premium-linked rate is at its cap or floor, from the
     * reference's own log returns (no stress shock, so the log price before the horizon is the initial one).
     */
    private static double clampedShare(CompiledProblem problem, int i) {
        Frictions.PremiumFunding premium = problem.frictions.premiumFunding();
        PremiumLink link = premium.link().get(i);
        int interval = premium.intervalSteps().get(i);
        int a = problem.positionAsset.get(i);
        double[][] returns = MarketPath.logReturns(problem, FIRST_PATH, PATHS);
        long clamped = 0;
        for (double[] path : returns) {
            double[] x = new double[problem.steps + 1];
            for (int t = 1; t <= problem.steps; t++) {
                x[t] = x[t - 1] + path[(t - 1) * problem.assets + a];
                double rate = link.rate(link.basisSensitivity() * (x[t] - x[Math.max(0, t - interval)]),
                        premium.interest().get(i));
                clamped += rate == link.rateCap() || rate == link.rateFloor() ? 1 : 0;
            }
        }
        return (double) clamped / ((long) PATHS * problem.steps);
    }
}
