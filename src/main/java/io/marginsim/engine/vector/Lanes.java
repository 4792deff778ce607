package io.marginsim.engine.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector species the engine computes with: one path per float lane, and int/long species of the same shape
 * so that Philox words, breach steps and floats line up lane for lane. Held in static finals so that C2 sees
 * them as constants and intrinsifies every operation (a species passed as an argument would box the vectors).
 */
final class Lanes {
    static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;
    static final VectorSpecies<Integer> INTS = VectorSpecies.of(int.class, FLOATS.vectorShape());
    /** Longs of the same shape: the int lanes in pairs, for Philox's 32x32->64 products. */
    static final VectorSpecies<Long> LONGS = VectorSpecies.of(long.class, FLOATS.vectorShape());
    /** Doubles of the preferred shape: half the paths of a float vector, for state kept in double. */
    static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    /** Paths simulated together: 16 with 512-bit vectors. */
    static final int COUNT = FLOATS.length();
    /** Lane indices 0, 1, ..., COUNT - 1. */
    static final IntVector IOTA = IntVector.zero(INTS).addIndex(1);

    private Lanes() {
    }

    /**
     * Sets the {@link #COUNT} lanes of {@code lanes} from {@code at} to {@code value} with one vector store. Lanes
     * that are read back as a vector soon after are written so: after {@code Arrays.fill}'s scalar stores a vector
     * load of the same lanes waits for them to drain (store-to-load forwarding fails), about 12 ns for the pair
     * against 3 with a vector store (bench/RESULTS.md).
     */
    static void fill(float[] lanes, int at, float value) {
        FloatVector.broadcast(FLOATS, value).intoArray(lanes, at);
    }

    /**
     * Copies {@code length} floats, a multiple of {@link #COUNT}, from {@code from} at {@code fromAt} to {@code to} at
     * {@code toAt}, a vector at a time: for a few vectors of lanes that are read back as vectors, {@code
     * System.arraycopy}'s stub took about three times as long (bench/RESULTS.md).
     */
    static void copy(float[] from, int fromAt, float[] to, int toAt, int length) {
        for (int k = 0; k < length; k += COUNT) {
            FloatVector.fromArray(FLOATS, from, fromAt + k).intoArray(to, toAt + k);
        }
    }
}
