package io.marginsim.engine.vector;

import io.marginsim.engine.contract.FrictionProblems;
import io.marginsim.problem.CompiledProblem;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link LaneTiers} against {@link CompiledProblem#tieredRequirement}, lane by lane: the long on A of
 * {@link FrictionProblems} is under floors 0, 500 and 900 at 1%, 3% and 5% with Binance-style deductions.
 */
class LaneTiersTest {
    private static final CompiledProblem PROBLEM = FrictionProblems.lanesCross(null, 90);

    @Test
    void eachLaneGetsTheBracketItsNotionalReaches() {
        float[] notional = new float[Lanes.COUNT];
        float[] spread = {0f, 250f, 499.99f, 500f, 700f, 899.99f, 900f, 5_000f};
        for (int l = 0; l < notional.length; l++) {
            notional[l] = spread[l % spread.length];
        }
        assertMatchesTheReference(notional);
    }

    @Test
    void lanesThatAllStayBelowAFloorStillGetTheirBracket() {
        // no lane reaches 900, so the blend stops there; every lane must still have the 0 or 500 bracket
        float[] notional = new float[Lanes.COUNT];
        for (int l = 0; l < notional.length; l++) {
            notional[l] = l % 2 == 0 ? 120f + l : 640f + l;
        }
        assertMatchesTheReference(notional);
        Arrays.fill(notional, 10f);
        assertMatchesTheReference(notional);
    }

    @Test
    void oneLaneAboveTheTopFloorAmongLanesInTheFirstBracket() {
        float[] notional = new float[Lanes.COUNT];
        Arrays.fill(notional, 100f);
        notional[Lanes.COUNT - 1] = 1_000f;
        assertMatchesTheReference(notional);
    }

    private static void assertMatchesTheReference(float[] notional) {
        float[] out = new float[Lanes.COUNT];
        new LaneTiers(PROBLEM).requirement(0, notional, out);
        for (int l = 0; l < Lanes.COUNT; l++) {
            assertThat((double) out[l]).as("requirement at notional %s", notional[l])
                    .isCloseTo(PROBLEM.tieredRequirement(0, notional[l]), within(1e-6 * Math.max(1, notional[l])));
        }
    }
}
