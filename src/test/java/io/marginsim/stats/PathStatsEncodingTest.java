package io.marginsim.stats;

import io.marginsim.problem.PathBlock;
import io.marginsim.result.Samples;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Statistics that cross JVMs as bytes come back equal, bit for bit, and merge like the originals. */
class PathStatsEncodingTest {
    private static final int STEPS = 12;

    /** A block of {@code size} paths with breaches at every step, ties, signed zeros and a NaN. */
    private static PathBlock block(int size, boolean liquidation, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        PathBlock block = new PathBlock(size, liquidation);
        for (int i = 0; i < size; i++) {
            block.firstBreachStep[i] = random.nextInt(STEPS + 1);
            block.breachFraction[i] = random.nextInt(5) == 0 ? 1.0 : random.nextDouble();
            block.worstShortfall[i] = Math.round(random.nextGaussian() * 40) / 4.0;
            block.terminalEquity[i] = 100 + random.nextGaussian() * 30;
            if (liquidation) {
                block.liquidations[i] = random.nextInt(3);
                block.liquidationLoss[i] = block.liquidations[i] * random.nextDouble();
                block.badDebt[i] = random.nextInt(4) == 0 ? random.nextDouble() : 0.0;
            }
        }
        block.worstShortfall[0] = -0.0;
        block.terminalEquity[1] = Double.NaN;
        return block;
    }

    private static long[] bits(RankedSample sample) {
        return Arrays.stream(Samples.sorted(sample)).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    private static void assertEqual(PathStats actual, PathStats expected) {
        assertThat(actual.steps()).isEqualTo(expected.steps());
        assertThat(actual.binsPerStep()).isEqualTo(expected.binsPerStep());
        assertThat(actual.paths()).isEqualTo(expected.paths());
        assertThat(actual.breachesAtSlot()).containsExactly(expected.breachesAtSlot());
        assertThat(actual.breachesAtStep()).containsExactly(expected.breachesAtStep());
        assertThat(bits(actual.worstShortfall())).containsExactly(bits(expected.worstShortfall()));
        assertThat(bits(actual.terminalEquity())).containsExactly(bits(expected.terminalEquity()));
        if (expected.liquidation() == null) {
            assertThat(actual.liquidation()).isNull();
            return;
        }
        LiquidationStats a = actual.liquidation();
        LiquidationStats e = expected.liquidation();
        assertThat(new long[] {a.paths(), a.liquidatedPaths(), a.events(), a.badDebtPaths()})
                .containsExactly(e.paths(), e.liquidatedPaths(), e.events(), e.badDebtPaths());
        assertThat(Double.doubleToRawLongBits(a.meanLoss())).isEqualTo(Double.doubleToRawLongBits(e.meanLoss()));
        assertThat(Double.doubleToRawLongBits(a.meanBadDebt())).isEqualTo(Double.doubleToRawLongBits(e.meanBadDebt()));
        assertThat(bits(a.loss())).containsExactly(bits(e.loss()));
        assertThat(bits(a.badDebt())).containsExactly(bits(e.badDebt()));
    }

    @Test
    void roundTripGivesEqualStatisticsOfTheStatedSize() {
        PathStats stats = PathStats.of(STEPS, block(1000, false, 1));
        byte[] bytes = PathStatsEncoding.encode(stats);
        assertThat(bytes).hasSize(26 + 8 * STEPS + PathStatsEncoding.BYTES_PER_PATH * 1000);
        assertThat(stats.breaches()).isPositive();
        assertEqual(PathStatsEncoding.decode(bytes), stats);
    }

    @Test
    void roundTripKeepsLiquidationOutcomes() {
        PathStats stats = PathStats.of(STEPS, block(700, true, 2));
        byte[] bytes = PathStatsEncoding.encode(stats);
        assertThat(bytes).hasSize(26 + 8 * STEPS + 40
                + (PathStatsEncoding.BYTES_PER_PATH + PathStatsEncoding.LIQUIDATION_BYTES_PER_PATH) * 700);
        assertThat(stats.liquidation().badDebtPaths()).isPositive();
        assertEqual(PathStatsEncoding.decode(bytes), stats);
    }

    @Test
    void roundTripKeepsTheBinsWithinSteps() {
        PathStats stats = PathStats.of(STEPS, 16, block(1000, false, 6));
        byte[] bytes = PathStatsEncoding.encode(stats);
        assertThat(bytes).hasSize(26 + 8 * 16 * STEPS + PathStatsEncoding.BYTES_PER_PATH * 1000);
        long[] slots = stats.breachesAtSlot();
        assertThat(Arrays.stream(slots).filter(c -> c > 0).count()).as("bins in use").isGreaterThan(8L * STEPS);
        assertEqual(PathStatsEncoding.decode(bytes), stats);
    }

    /** Bytes of version 1 (no bin count, counts by whole step, no per-position outcomes) still decode. */
    @Test
    void wholeStepBytesOfTheFirstVersionAreRead() {
        PathStats stats = PathStats.of(STEPS, block(400, false, 7));
        byte[] current = PathStatsEncoding.encode(stats);
        // version 1: the same fields without the bin count after the step count and without the per-position flag
        // at the end
        byte[] first = new byte[current.length - 5];
        ByteBuffer.wrap(first).putInt(0x4d535053).putInt(1).putInt(STEPS)
                .put(current, 16, current.length - 17);
        assertEqual(PathStatsEncoding.decode(first), stats);
    }

    @Test
    void statisticsOfOtherBinsAStepDoNotMerge() {
        PathStats continuous = PathStats.of(STEPS, 16, block(50, false, 8));
        PathStats discrete = PathStats.of(STEPS, block(50, false, 8));
        assertThatThrownBy(() -> continuous.merge(discrete)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot merge stats of 1 bins a step into 16");
        assertThatThrownBy(() -> continuous.addBreaches(new long[STEPS + 1], 1))
                .hasMessageContaining("must have " + (16 * STEPS + 1) + " counts");
    }

    @Test
    void decodedRangesMergeIntoTheStatisticsOfAllTheirPaths() {
        PathBlock first = block(300, false, 3);
        PathBlock second = block(500, false, 4);
        PathStats whole = PathStats.of(STEPS, first);
        whole.add(second);
        PathStats merged = PathStatsEncoding.decode(PathStatsEncoding.encode(PathStats.of(STEPS, second)));
        merged.merge(PathStatsEncoding.decode(PathStatsEncoding.encode(PathStats.of(STEPS, first))));
        assertEqual(merged, whole);
    }

    @Test
    void emptyStatisticsRoundTrip() {
        PathStats empty = new PathStats(3);
        assertEqual(PathStatsEncoding.decode(PathStatsEncoding.encode(empty)), empty);
    }

    @Test
    void bytesOfAnotherKindAreRefused() {
        byte[] bytes = PathStatsEncoding.encode(PathStats.of(STEPS, block(10, false, 5)));
        bytes[3] ^= 1;
        assertThatThrownBy(() -> PathStatsEncoding.decode(bytes)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format version 1 or 2");
        byte[] longer = Arrays.copyOf(PathStatsEncoding.encode(PathStats.of(STEPS, block(10, false, 5))), 500);
        assertThatThrownBy(() -> PathStatsEncoding.decode(longer)).hasMessageContaining("bytes follow");
    }
}
