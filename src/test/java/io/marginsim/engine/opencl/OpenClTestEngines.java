package io.marginsim.engine.opencl;

import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.Precision;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Engines shared by every OpenCL test class, opened once per JVM: programs are cached per engine and building
 * them is the slowest part of these tests on a CPU device. Tests are skipped only where there is no OpenCL
 * platform at all; with a platform, a device that cannot be opened fails the test.
 */
public final class OpenClTestEngines {
    private static OpenClEngine single;
    private static OpenClEngine dbl;

    private OpenClTestEngines() {
    }

    public static synchronized OpenClEngine floatEngine() {
        if (single == null) {
            single = open(Precision.FLOAT);
        }
        return single;
    }

    /** The double-precision engine, or a skipped test where the device has no fp64. */
    public static synchronized OpenClEngine doubleEngine() {
        if (dbl == null) {
            assumeTrue(floatEngine().device().fp64(), "device has no cl_khr_fp64");
            dbl = open(Precision.DOUBLE);
        }
        return dbl;
    }

    /** Skips the calling test where this machine has no OpenCL platform (tests of other packages call it too). */
    public static void assumePlatform() {
        try {
            OpenClDevices.list();
        } catch (EngineUnavailableException e) {
            assumeTrue(false, e.getMessage());
        }
    }

    private static OpenClEngine open(Precision precision) {
        assumePlatform();
        try {
            return OpenClEngine.open(-1, precision, true);
        } catch (EngineUnavailableException e) {
            return fail("an OpenCL platform exists but the engine did not open: " + e.getMessage(), e);
        }
    }
}
