package io.marginsim.rng;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Known-answer vectors from Random123 (kat_vectors, philox4x32_10). */
class Philox4x32Test {

    private static int[] block(int c0, int c1, int c2, int c3, int k0, int k1) {
        int[] out = new int[4];
        Philox4x32.block(c0, c1, c2, c3, k0, k1, out);
        return out;
    }

    @Test
    void zeroKeyAndCounter() {
        assertThat(block(0, 0, 0, 0, 0, 0))
                .containsExactly(0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8);
    }

    @Test
    void allOnes() {
        assertThat(block(-1, -1, -1, -1, -1, -1))
                .containsExactly(0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd);
    }

    @Test
    void digitsOfPi() {
        assertThat(block(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0))
                .containsExactly(0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1);
    }

    @Test
    void uniformsStayInsideTheOpenUnitInterval() {
        assertThat(ShockStream.uniform(0)).isGreaterThan(0.0);
        assertThat(ShockStream.uniform(-1)).isLessThan(1.0);
    }

    @Test
    void normalsHaveUnitVarianceAndZeroMean() {
        int n = 200_000;
        double[] z = new double[4];
        int[] scratch = new int[4];
        double sum = 0;
        double sumSq = 0;
        for (int path = 0; path < n / 4; path++) {
            ShockStream.normals(42L, 7, path, ShockStream.PRICE, 1, z, scratch);
            for (double v : z) {
                sum += v;
                sumSq += v * v;
            }
        }
        double mean = sum / n;
        double variance = sumSq / n - mean * mean;
        // standard errors: mean 1/sqrt(n) = 0.0022, variance sqrt(2/n) = 0.0032; 5 standard errors
        assertThat(mean).isBetween(-0.011, 0.011);
        assertThat(variance).isBetween(1 - 0.016, 1 + 0.016);
    }
}
