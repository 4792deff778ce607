package io.marginsim.engine.opencl;

import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.Precision;
import io.marginsim.rng.Philox4x32;
import io.marginsim.rng.ShockStream;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;
import org.jocl.cl_mem;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The kernel generator against the Java reference: Random123 known answers, random counters, normals. */
class PhiloxKernelTest {
    private static final int RANDOM_BLOCKS = 4096;
    /** The generator as every production program includes it. */
    private static final String PRODUCTION = "philox.cl";
    /** The entries that launch it on raw counters: a test resource, built after the generator. */
    private static final String TEST_ENTRIES = "philox_test.cl";

    @Test
    void productionSourceDefinesNoKernel() {
        // every __kernel in a production program is built on every run; the test entries live with the tests
        assertThat(KernelProgram.source(PRODUCTION)).doesNotContain("__kernel");
        assertThat(KernelProgram.source(TEST_ENTRIES)).contains("__kernel void philox_test")
                .contains("__kernel void normals_test");
    }

    @Test
    void knownAnswerVectors() throws EngineUnavailableException {
        int[] ctr = {0, 0, 0, 0, -1, -1, -1, -1, 0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344};
        int[] key = {0, 0, -1, -1, 0xa4093822, 0x299f31d0};
        assertThat(blocks(ctr, key)).containsExactly(
                0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8,
                0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd,
                0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1);
    }

    @Test
    void randomCountersAndKeysMatchJava() throws EngineUnavailableException {
        SplittableRandom random = new SplittableRandom(11);
        int[] ctr = random.ints(4L * RANDOM_BLOCKS).toArray();
        int[] key = random.ints(2L * RANDOM_BLOCKS).toArray();
        int[] expected = new int[4 * RANDOM_BLOCKS];
        int[] block = new int[4];
        for (int i = 0; i < RANDOM_BLOCKS; i++) {
            Philox4x32.block(ctr[4 * i], ctr[4 * i + 1], ctr[4 * i + 2], ctr[4 * i + 3], key[2 * i],
                    key[2 * i + 1], block);
            System.arraycopy(block, 0, expected, 4 * i, 4);
        }
        assertThat(blocks(ctr, key)).containsExactly(expected);
    }

    @Test
    void floatNormalsMatchShockStream() throws EngineUnavailableException {
        // Relative to max(1, |z|): near a zero of cos or sin a normal is small and the float rounding of the
        // angle is what remains, an absolute error, which is also what matters to a price step.
        assertThat(maxNormalError(OpenClTestEngines.floatEngine(), "-cl-single-precision-constant"))
                .isLessThan(1e-6);
    }

    @Test
    void doubleNormalsMatchShockStream() throws EngineUnavailableException {
        assertThat(maxNormalError(OpenClTestEngines.doubleEngine(), "-DREAL_DOUBLE")).isLessThan(1e-13);
    }

    private static double maxNormalError(OpenClEngine engine, String options) throws EngineUnavailableException {
        long seed = 0x1234_5678_9abc_def0L;
        SplittableRandom random = new SplittableRandom(12);
        int[] coords = new int[3 * RANDOM_BLOCKS];
        for (int i = 0; i < RANDOM_BLOCKS; i++) {
            coords[3 * i] = random.nextInt(100_000);
            coords[3 * i + 1] = random.nextInt();
            coords[3 * i + 2] = random.nextInt(4);
        }
        double[] actual = normals(engine, options, coords, seed);
        double[] expected = new double[4];
        int[] scratch = new int[4];
        double worst = 0;
        for (int i = 0; i < RANDOM_BLOCKS; i++) {
            // ShockStream fills blocks 0..b; the block asked for is the last one.
            int b = coords[3 * i + 2];
            double[] all = new double[4 * (b + 1)];
            ShockStream.normals(seed, coords[3 * i], coords[3 * i + 1] & 0xFFFFFFFFL, ShockStream.PRICE, b + 1,
                    all, scratch);
            System.arraycopy(all, 4 * b, expected, 0, 4);
            for (int j = 0; j < 4; j++) {
                double error = Math.abs(actual[4 * i + j] - expected[j]) / Math.max(1.0, Math.abs(expected[j]));
                worst = Math.max(worst, error);
            }
        }
        return worst;
    }

    private static int[] blocks(int[] ctr, int[] key) throws EngineUnavailableException {
        OpenClEngine engine = OpenClTestEngines.floatEngine();
        int count = ctr.length / 4;
        int[] out = new int[ctr.length];
        try (KernelProgram program = engine.buildProgram("-cl-single-precision-constant", PRODUCTION, TEST_ENTRIES)) {
            cl_kernel kernel = program.kernel("philox_test");
            cl_mem c = input(engine, ctr);
            cl_mem k = input(engine, key);
            cl_mem o = output(engine, (long) out.length * Sizeof.cl_uint);
            setArgs(kernel, c, k, o);
            CL.clSetKernelArg(kernel, 3, Sizeof.cl_uint, Pointer.to(new int[] {count}));
            runAndRead(engine, kernel, count, o, Pointer.to(out), (long) out.length * Sizeof.cl_uint);
            release(c, k, o);
        }
        return out;
    }

    private static double[] normals(OpenClEngine engine, String options, int[] coords, long seed)
            throws EngineUnavailableException {
        int count = coords.length / 3;
        boolean dbl = engine.precision() == Precision.DOUBLE;
        long bytes = 4L * count * (dbl ? Sizeof.cl_double : Sizeof.cl_float);
        double[] result = new double[4 * count];
        float[] narrow = new float[4 * count];
        try (KernelProgram program = engine.buildProgram(options, PRODUCTION, TEST_ENTRIES)) {
            cl_kernel kernel = program.kernel("normals_test");
            cl_mem c = input(engine, coords);
            cl_mem o = output(engine, bytes);
            setArgs(kernel, c);
            CL.clSetKernelArg(kernel, 1, Sizeof.cl_uint, Pointer.to(new int[] {(int) seed}));
            CL.clSetKernelArg(kernel, 2, Sizeof.cl_uint, Pointer.to(new int[] {(int) (seed >>> 32)}));
            CL.clSetKernelArg(kernel, 3, Sizeof.cl_mem, Pointer.to(o));
            CL.clSetKernelArg(kernel, 4, Sizeof.cl_uint, Pointer.to(new int[] {count}));
            runAndRead(engine, kernel, count, o, dbl ? Pointer.to(result) : Pointer.to(narrow), bytes);
            release(c, o);
        }
        if (!dbl) {
            for (int i = 0; i < narrow.length; i++) {
                result[i] = narrow[i];
            }
        }
        return result;
    }

    private static cl_mem input(OpenClEngine engine, int[] values) {
        return CL.clCreateBuffer(engine.context(), CL.CL_MEM_READ_ONLY | CL.CL_MEM_COPY_HOST_PTR,
                (long) values.length * Sizeof.cl_uint, Pointer.to(values), null);
    }

    private static cl_mem output(OpenClEngine engine, long bytes) {
        return CL.clCreateBuffer(engine.context(), CL.CL_MEM_WRITE_ONLY, bytes, null, null);
    }

    private static void setArgs(cl_kernel kernel, cl_mem... buffers) {
        for (int i = 0; i < buffers.length; i++) {
            CL.clSetKernelArg(kernel, i, Sizeof.cl_mem, Pointer.to(buffers[i]));
        }
    }

    private static void runAndRead(OpenClEngine engine, cl_kernel kernel, int count, cl_mem out, Pointer host,
                                   long bytes) {
        CL.clEnqueueNDRangeKernel(engine.queue(), kernel, 1, null, new long[] {count}, null, 0, null, null);
        CL.clEnqueueReadBuffer(engine.queue(), out, CL.CL_TRUE, 0, bytes, host, 0, null, null);
    }

    private static void release(cl_mem... buffers) {
        for (cl_mem buffer : buffers) {
            CL.clReleaseMemObject(buffer);
        }
    }
}
