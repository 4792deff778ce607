package io.marginsim.cli;

import io.marginsim.engine.JitWarmUp;
import io.marginsim.engine.vector.VectorEngine;
import io.marginsim.problem.Workloads;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Set;

/**
 * The {@code margin-sim} command line. Exit codes: 0 success, 1 unexpected failure, 2 bad input (one line saying
 * which field, which value and which rule), 3 the requested engine cannot run here.
 */
@Command(name = "margin-sim", mixinStandardHelpOptions = true, versionProvider = MarginSim.Version.class,
        description = "Monte Carlo risk of hitting maintenance margin (and being liquidated) for leveraged portfolios.",
        subcommands = {SimulateCommand.class, BufferCommand.class, SweepCommand.class, LiqPriceCommand.class, BacktestCommand.class,
                CalibrateCommand.class, PresetsCommand.class, BenchCommand.class, DevicesCommand.class, CommandLine.HelpCommand.class})
public final class MarginSim implements Runnable {
    public static final int BAD_INPUT = 2;
    public static final int ENGINE_UNAVAILABLE = 3;
    /** The commands that simulate on the CPU engines, which a JIT warm-up can start ahead of. */
    private static final Set<String> SIMULATING = Set.of("simulate", "buffer", "sweep", "backtest");
    /**
     * The warm-up's size: blocks of four vectors of paths over the standard workload's 256 steps, about a million
     * path-steps in all (a few milliseconds once compiled), enough calls to pass C2's compile thresholds.
     */
    private static final int WARM_UP_PATHS = 64;
    private static final int WARM_UP_BLOCKS = 64;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        if (args.length > 0 && SIMULATING.contains(args[0])
                && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            // the lane code compiles while the command reads its spec: see JitWarmUp
            JitWarmUp.start(new VectorEngine(1, WARM_UP_PATHS), Workloads.oneAsset(0), WARM_UP_PATHS, WARM_UP_BLOCKS);
        }
        System.exit(run(args));
    }

    /** Runs the command line without exiting, for tests and embedding. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    static CommandLine commandLine() {
        return new CommandLine(new MarginSim())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionStrategy(Failures::runHoldingWarnings)
                .setExecutionExceptionHandler(new Failures())
                .setParameterExceptionHandler(Failures::badParameters);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = MarginSim.class.getPackage().getImplementationVersion();
            return new String[] {"margin-sim " + (version == null ? "development build" : version)};
        }
    }
}
