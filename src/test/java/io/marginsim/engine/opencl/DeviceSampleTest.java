package io.marginsim.engine.opencl;

import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.Precision;
import io.marginsim.result.Samples;
import io.marginsim.stats.ArraySample;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_mem;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Radix select on the device against sorting on the host: the same values at every rank asked, in the order of
 * {@link Double#compare} (-0.0 just below 0.0, NaN last), across chunks, ties and slices of the histogram.
 */
class DeviceSampleTest {
    /** Chunk sizes, some smaller than a work-group, so values straddle many buffers. */
    private static final int[] CHUNKS = {1, 700, 1, 1500, 33, 2048, 999, 64, 5, 1200};
    private static final int RANDOM_RANKS = 400;

    @Test
    void floatValuesAtRanksMatchTheSortedHostCopy() throws EngineUnavailableException {
        assertMatchesHost(OpenClTestEngines.floatEngine(), 31);
    }

    @Test
    void doubleValuesAtRanksMatchTheSortedHostCopy() throws EngineUnavailableException {
        assertMatchesHost(OpenClTestEngines.doubleEngine(), 32);
    }

    @Test
    @SuppressWarnings("try") // closes a and b inside their try on purpose: what each still holds after close is tested
    void mergedSamplesRankTheirUnionAndRefuseForeignOnes() throws EngineUnavailableException {
        OpenClEngine engine = OpenClTestEngines.floatEngine();
        RadixSelect select = newSelect(engine, Integer.MAX_VALUE);
        try (DeviceSample a = new DeviceSample(select); DeviceSample b = new DeviceSample(select)) {
            a.append(upload(engine, Precision.FLOAT, new double[] {3, 1, 2}), 3);
            b.append(upload(engine, Precision.FLOAT, new double[] {0, 4}), 2);
            a.addAll(b);
            b.close();
            // a keeps its own reference to b's buffer, so closing b frees nothing a still reads.
            assertThat(a.size()).isEqualTo(5);
            assertThat(a.valuesAtRanks(new long[] {4, 0, 2})).containsExactly(4, 0, 2);
            assertThatThrownBy(() -> a.addAll(new ArraySample())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("same OpenCL engine");
            assertThatThrownBy(() -> new ArraySample().addAll(a)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("host sample");
            try (DeviceSample other = new DeviceSample(newSelect(engine, Integer.MAX_VALUE))) {
                assertThatThrownBy(() -> a.addAll(other)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("another OpenCL engine");
            }
            assertThatThrownBy(() -> a.valuesAtRanks(new long[] {5})).isInstanceOf(IndexOutOfBoundsException.class);
            a.close();
            assertThatThrownBy(() -> a.valuesAtRanks(new long[] {0})).isInstanceOf(IllegalStateException.class);
        } finally {
            select.release();
        }
    }

    private static void assertMatchesHost(OpenClEngine engine, long seed) throws EngineUnavailableException {
        Precision precision = engine.precision();
        double[] all = values(new SplittableRandom(seed), Arrays.stream(CHUNKS).sum(), precision);
        double[] sorted = all.clone();
        Arrays.sort(sorted);
        ArraySample host = new ArraySample();
        host.addAll(all, all.length);
        long[] ranks = ranks(new SplittableRandom(seed + 1), all.length);
        double[] expected = LongStream.of(ranks).mapToDouble(r -> sorted[(int) r]).toArray();
        assertThat(host.valuesAtRanks(ranks)).containsExactly(expected);
        // 4096 bins a slice exercises the sliced top-digit histogram on devices with plenty of local memory.
        for (int sliceBins : new int[] {Integer.MAX_VALUE, 4096}) {
            RadixSelect select = newSelect(engine, sliceBins);
            try (DeviceSample sample = new DeviceSample(select)) {
                int at = 0;
                for (int count : CHUNKS) {
                    sample.append(upload(engine, precision, Arrays.copyOfRange(all, at, at + count)), count);
                    at += count;
                }
                assertThat(sample.size()).isEqualTo(all.length);
                assertThat(sample.valuesAtRanks(ranks)).as("%s, %d bins a slice", precision, sliceBins)
                        .containsExactly(expected);
                assertThat(Samples.spread(sample, 101)).containsExactly(Samples.spread(host, 101));
            } finally {
                select.release();
            }
        }
    }

    /**
     * Positive and negative values of very different sizes, runs of exact ties, both zeros, both infinities and
     * a NaN; rounded to float for the float engine, as the device stores them.
     */
    private static double[] values(SplittableRandom random, int n, Precision precision) {
        double[] tied = {-0.0, 0.0, 1.5, -1.5, 1e-30, -7e12};
        double[] special = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.MIN_VALUE,
                -Double.MIN_VALUE};
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (random.nextInt(4)) {
                case 0 -> tied[random.nextInt(tied.length)];
                case 1 -> random.nextGaussian() * Math.pow(10, random.nextInt(-5, 6));
                case 2 -> 100 + random.nextDouble(-1, 1);
                default -> -random.nextDouble(1e-3);
            };
        }
        for (int i = 0; i < special.length; i++) {
            v[random.nextInt(n)] = special[i];
        }
        if (precision == Precision.FLOAT) {
            for (int i = 0; i < n; i++) {
                v[i] = (float) v[i];
            }
        }
        return v;
    }

    /** Random ranks in random order with repeats, plus the first and the last. */
    private static long[] ranks(SplittableRandom random, int n) {
        long[] ranks = random.longs(RANDOM_RANKS, 0, n).toArray();
        ranks[0] = n - 1;
        ranks[1] = 0;
        ranks[2] = ranks[3];
        return ranks;
    }

    private static RadixSelect newSelect(OpenClEngine engine, int maxSliceBins) throws EngineUnavailableException {
        return new RadixSelect(engine.context(), engine.deviceId(), engine.device().name(), engine.precision(),
                new DeviceReads(), maxSliceBins);
    }

    private static cl_mem upload(OpenClEngine engine, Precision precision, double[] values) {
        long flags = CL.CL_MEM_READ_WRITE | CL.CL_MEM_COPY_HOST_PTR;
        if (precision == Precision.DOUBLE) {
            return CL.clCreateBuffer(engine.context(), flags, (long) values.length * Sizeof.cl_double,
                    Pointer.to(values), null);
        }
        float[] narrow = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            narrow[i] = (float) values[i];
        }
        return CL.clCreateBuffer(engine.context(), flags, (long) narrow.length * Sizeof.cl_float,
                Pointer.to(narrow), null);
    }
}
