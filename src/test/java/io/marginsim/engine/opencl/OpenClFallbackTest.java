package io.marginsim.engine.opencl;

import io.marginsim.cli.DevicesCommand;
import io.marginsim.cli.MarginSim;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.Precision;
import io.marginsim.engine.opencl.OpenClDevices.Device;
import io.marginsim.engine.opencl.OpenClDevices.DeviceInfo;
import io.marginsim.engine.opencl.OpenClDevices.DeviceType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every way the engine can be unavailable gives one sentence, never a stack trace. */
class OpenClFallbackTest {
    private static final DeviceInfo CPU = new DeviceInfo(0, "Test", "cpu-one", DeviceType.CPU, 2, 1L << 30, false,
            true, null);

    @Test
    void missingLibraryIsOneSentence() {
        EngineUnavailableException e = catchThrowableOfType(EngineUnavailableException.class,
                () -> OpenClDevices.loadLibrary(() -> {
                    throw new UnsatisfiedLinkError("libOpenCL.so.1: cannot open shared object file");
                }));
        assertOneSentence(e);
        assertThat(e.getMessage()).contains("libOpenCL.so.1");
        assertThat(e.getCause()).isInstanceOf(UnsatisfiedLinkError.class);
    }

    @Test
    void deviceIndexThatDoesNotExist() {
        OpenClTestEngines.assumePlatform();
        EngineUnavailableException e = catchThrowableOfType(EngineUnavailableException.class,
                () -> OpenClEngine.open(999, Precision.FLOAT, true));
        assertThat(e.getMessage()).doesNotContain("\n").endsWith(".")
                .startsWith("--device 999 names no OpenCL device: this machine has ");
    }

    @Test
    void deviceCountsAreSaidInWords() {
        List<Device> one = List.of(new Device(null, null, CPU));
        assertThat(catchThrowableOfType(EngineUnavailableException.class, () -> OpenClEngine.choose(one, 3, true)))
                .hasMessage("--device 3 names no OpenCL device: this machine has 1 OpenCL device, number 0 in "
                        + "'margin-sim devices'.");
        assertThat(catchThrowableOfType(EngineUnavailableException.class, () -> OpenClEngine.choose(one, -1, false)))
                .hasMessageStartingWith("No usable OpenCL GPU was found among 1 OpenCL device; ");
        assertThat(catchThrowableOfType(EngineUnavailableException.class, () -> OpenClEngine.choose(List.of(), 0, true)))
                .hasMessage("--device 0 names no OpenCL device: this machine has no OpenCL device.");
    }

    @Test
    void cpuDeviceOnlyWhenAllowed() throws EngineUnavailableException {
        List<Device> cpuOnly = List.of(new Device(null, null, CPU));
        assertOneSentence(catchThrowableOfType(EngineUnavailableException.class,
                () -> OpenClEngine.choose(cpuOnly, -1, false)));
        assertOneSentence(catchThrowableOfType(EngineUnavailableException.class,
                () -> OpenClEngine.choose(cpuOnly, 0, false)));
        assertThat(OpenClEngine.choose(cpuOnly, -1, true).info()).isEqualTo(CPU);
    }

    @Test
    void doubleWithoutFp64() {
        EngineUnavailableException e = catchThrowableOfType(EngineUnavailableException.class,
                () -> OpenClEngine.requirePrecision(CPU, Precision.DOUBLE));
        assertOneSentence(e);
        assertThat(e.getMessage()).contains("cl_khr_fp64");
    }

    @Test
    void kernelBuildFailureQuotesTheLog() {
        // paths.cl without philox.cl does not compile: `real` and the generator are missing.
        EngineUnavailableException e = catchThrowableOfType(EngineUnavailableException.class,
                () -> OpenClTestEngines.floatEngine().buildProgram("-DASSETS=1 -DPOSITIONS=1", "paths.cl"));
        assertOneSentence(e);
        assertThat(e.getMessage()).startsWith("The OpenCL kernels did not build on").contains("real");
    }

    @Test
    void devicesCommandListsTheDevices() {
        OpenClTestEngines.assumePlatform();
        StringWriter out = new StringWriter();
        int code = new CommandLine(new DevicesCommand()).setOut(new PrintWriter(out)).execute();
        assertThat(code).isZero();
        assertThat(out.toString()).contains("INDEX").contains(OpenClTestEngines.floatEngine().device().name());
    }

    /** A JVM that sees an OpenCL library but no registered driver: the command explains and exits 0. */
    @Test
    void devicesCommandWithoutPlatform(@TempDir Path emptyVendors) throws IOException, InterruptedException {
        OpenClTestEngines.assumePlatform();
        Process process = withoutPlatform(emptyVendors, DevicesCommand.class.getName());
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("reports no platform").doesNotContain("Exception");
    }

    /** Without OpenCL, auto does not run elsewhere when a device was asked for by number: exit 3, one line. */
    @Test
    void autoWithADeviceButNoPlatform(@TempDir Path emptyVendors) throws IOException, InterruptedException {
        OpenClTestEngines.assumePlatform();
        Path spec = emptyVendors.resolve("spec.json");
        Files.writeString(spec, """
                {"assets": [{"name": "X", "price": 100, "volatility": 0.5}],
                 "account": {"cash": 30, "positions": [{"asset": "X", "size": 1, "entryPrice": 100,
                             "rules": {"type": "flat", "rate": 0.005}}]},
                 "horizonDays": 1, "stepsPerDay": 4, "paths": 100, "seed": 1, "engine": "auto"}""");
        Process process = withoutPlatform(emptyVendors, MarginSim.class.getName(), "simulate", spec.toString(),
                "--device", "0");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isEqualTo(MarginSim.ENGINE_UNAVAILABLE);
        assertThat(output.strip()).doesNotContain("\n")
                .startsWith("error: --device 0 needs an OpenCL device, and none is present: the OpenCL library");
    }

    private static Process withoutPlatform(Path emptyVendors, String... mainAndArgs) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path")));
        command.addAll(List.of(mainAndArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Both ICD loaders (ocl-icd and Khronos) read their driver list from here instead of /etc/OpenCL/vendors.
        builder.environment().put("OCL_ICD_VENDORS", emptyVendors.toString());
        builder.environment().put("OPENCL_VENDOR_PATH", emptyVendors.toString());
        return builder.start();
    }

    @Test
    void unknownKernelSourceIsAProgrammingError() {
        assertThatThrownBy(() -> KernelProgram.source("missing.cl")).hasMessageContaining("kernels/missing.cl");
    }

    private static void assertOneSentence(Throwable e) {
        assertThat(e).isInstanceOf(EngineUnavailableException.class);
        String message = e.getMessage();
        assertThat(message).doesNotContain("\n").endsWith(".").doesNotContainPattern("\\.\\s+[A-Z]");
        assertThat(Character.isUpperCase(message.charAt(0))).as(message).isTrue();
    }
}
