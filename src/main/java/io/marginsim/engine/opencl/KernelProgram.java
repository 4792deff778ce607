package io.marginsim.engine.opencl;

import io.marginsim.engine.EngineUnavailableException;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.cl_context;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_program;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A built OpenCL program made of {@code kernels/*.cl} classpath resources, with its kernels created on demand. */
final class KernelProgram implements AutoCloseable {
    /**
     * Options every program is built with: contracting multiply-adds and ignoring the sign of zero are harmless
     * here; fast-relaxed and finite-math are left out on purpose, as the results must not rest on assumptions
     * about NaN and infinity (worst shortfall starts at minus infinity).
     */
    static final String SPEED_OPTIONS = "-cl-mad-enable -cl-no-signed-zeros";
    /** Build-log lines quoted in the one-sentence failure reason. */
    private static final int LOG_LINES_QUOTED = 3;

    private final cl_program program;
    private final Map<String, cl_kernel> kernels = new HashMap<>();

    private KernelProgram(cl_program program) {
        this.program = program;
    }

    /**
     * Builds the given resources (names relative to {@code kernels/}) as one program, after the generated layout
     * header ({@link KernelLayouts}).
     *
     * @throws EngineUnavailableException when the device compiler rejects the source, quoting its log
     */
    static KernelProgram build(cl_context context, cl_device_id device, String deviceName, String options,
                               String... resources) throws EngineUnavailableException {
        String[] sources = Stream.concat(Stream.of(KernelLayouts.header()),
                Arrays.stream(resources).map(KernelProgram::source)).toArray(String[]::new);
        cl_program program = CL.clCreateProgramWithSource(context, sources.length, sources, null, null);
        try {
            CL.clBuildProgram(program, 1, new cl_device_id[] {device}, options, null, null);
        } catch (CLException e) {
            String log = buildLog(program, device);
            CL.clReleaseProgram(program);
            throw new EngineUnavailableException("The OpenCL kernels did not build on " + deviceName + " ("
                    + OpenClDevices.status(e) + "): " + firstLines(log) + ".", e);
        } finally {
            // the device compiler may have put its crash handlers in place of the JVM's
            JvmSignalHandlers.restore();
        }
        return new KernelProgram(program);
    }

    cl_kernel kernel(String name) {
        return kernels.computeIfAbsent(name, n -> CL.clCreateKernel(program, n, null));
    }

    @Override
    public void close() {
        kernels.values().forEach(CL::clReleaseKernel);
        kernels.clear();
        CL.clReleaseProgram(program);
    }

    static String source(String resource) {
        String path = "kernels/" + resource;
        try (InputStream in = KernelProgram.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("kernel source " + path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read kernel source " + path, e);
        }
    }

    private static String buildLog(cl_program program, cl_device_id device) {
        try {
            long[] size = new long[1];
            CL.clGetProgramBuildInfo(program, device, CL.CL_PROGRAM_BUILD_LOG, 0, null, size);
            byte[] bytes = new byte[(int) size[0]];
            CL.clGetProgramBuildInfo(program, device, CL.CL_PROGRAM_BUILD_LOG, bytes.length, Pointer.to(bytes), null);
            return new String(bytes, StandardCharsets.UTF_8).replace("\0", "");
        } catch (CLException e) {
            return "no build log (" + OpenClDevices.status(e) + ")";
        }
    }

    /** The first non-blank lines of a build log on one line, so the reason stays one sentence. */
    static String firstLines(String log) {
        String quoted = log.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(LOG_LINES_QUOTED)
                .collect(Collectors.joining(" | "));
        return quoted.isEmpty() ? "the compiler gave no log" : quoted.replaceAll("[.\\s]+$", "");
    }
}
