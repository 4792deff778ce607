package io.marginsim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

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

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
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
