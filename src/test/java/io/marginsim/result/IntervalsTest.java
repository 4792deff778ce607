package io.marginsim.result;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IntervalsTest {
    @Test
    void aTargetIsResolvedWhileTheUpperRankOfItsIntervalStaysInsideTheSample() {
        // 1000 paths, target 0.01: quantile 0.99, upper rank ceil(990 + 1.96 sqrt(9.9)) = 997 <= 999
        assertThat(Intervals.resolvesUpperTail(1000, 0.01)).isTrue();
        // target 0.001: ceil(999 + 1.96 sqrt(0.999)) = 1001, past the largest value (rank 999)
        assertThat(Intervals.resolvesUpperTail(1000, 0.001)).isFalse();
        assertThat(Intervals.quantileRanks(1000, 0.999)[1]).isEqualTo(999);
    }

    @Test
    void theSmallestResolvableTargetAndThePathsATargetNeedsAreTheEdgesOfTheRule() {
        assertThat(Intervals.smallestResolvableTarget(1000)).isEqualTo(0.0057);
        assertThat(Intervals.resolvesUpperTail(1000, 0.0057)).isTrue();
        assertThat(Intervals.resolvesUpperTail(1000, 0.0056)).isFalse();
        long needed = Intervals.pathsToResolve(0.001);
        assertThat(Intervals.resolvesUpperTail(needed, 0.001)).isTrue();
        assertThat(Intervals.resolvesUpperTail(needed - 1, 0.001)).isFalse();
        assertThat(needed).isBetween(5000L, 6000L);
    }

    @Test
    void theSmallestProbabilityTellableFromZeroIsTheWilsonUpperEndWithNoSuccess() {
        // the Wilson interval of 0 successes in n trials is [0, z^2 / (n + z^2)]
        assertThat(Intervals.wilson(0, 1000, Intervals.Z95)[1]).isCloseTo(0.0038268, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(Intervals.smallestDistinguishableProbability(1000)).isEqualTo(0.0039);
        assertThat(Intervals.trialsToDistinguish(0.001)).isEqualTo(3838);
        assertThat(Intervals.smallestDistinguishableProbability(3838)).isLessThanOrEqualTo(0.001);
        assertThat(Intervals.smallestDistinguishableProbability(3837)).isGreaterThan(0.001);
    }
}
