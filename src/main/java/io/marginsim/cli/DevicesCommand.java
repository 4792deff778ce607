package io.marginsim.cli;

import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.opencl.OpenClDevices;
import io.marginsim.engine.opencl.OpenClDevices.DeviceInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** Lists the OpenCL devices with the numbers that {@code --device} takes. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "Lists the OpenCL devices of this machine and the numbers that --device takes.")
public final class DevicesCommand implements Callable<Integer> {
    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final String ROW = "%-5s %-5s %5s %9s %-4s %-6s %s%n";

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new DevicesCommand()).execute(args));
    }

    /** Always 0: a machine without OpenCL is a normal answer here, not an error. */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<DeviceInfo> devices;
        try {
            devices = OpenClDevices.list();
        } catch (EngineUnavailableException e) {
            out.println(e.getMessage());
            out.println("The vector and scalar engines do not need OpenCL.");
            return 0;
        }
        if (devices.isEmpty()) {
            out.println("OpenCL platforms are installed but report no device.");
            return 0;
        }
        out.printf(Locale.ROOT, ROW, "INDEX", "TYPE", "UNITS", "MEMORY", "FP64", "USABLE", "NAME (PLATFORM)");
        for (DeviceInfo d : devices) {
            out.printf(Locale.ROOT, ROW, d.index(), d.type(), d.computeUnits(),
                    String.format(Locale.ROOT, "%.1f GiB", d.globalMemBytes() / GIB), d.fp64() ? "yes" : "no",
                    d.usable() ? "yes" : "no", d.name() + " (" + d.platform() + ")"
                            + (d.usable() ? "" : ": " + d.reasonIfNot()));
        }
        out.println("The opencl engine picks the first usable GPU; other devices only when chosen with --device N.");
        return 0;
    }
}
