package io.marginsim.spark;

import io.marginsim.analysis.RunSettings;
import io.marginsim.analysis.Sweep;
import io.marginsim.analysis.SweepOutputs;
import io.marginsim.analysis.SweepPlan;
import io.marginsim.check.SpecException;
import io.marginsim.cli.BacktestOptions;
import io.marginsim.cli.Failures;
import io.marginsim.cli.RunOverrides;
import io.marginsim.cli.SparkMasters;
import io.marginsim.engine.EngineUnavailableException;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code margin-sim sweep SWEEP --spark [MASTER]}: the sweep command with its cells run as Spark tasks. The
 * margin-sim launcher hands every command line with {@code --spark} to this class (on the class path of the spark
 * module, with Spark's JVM flags), so users keep one command. Exit codes as margin-sim: 2 bad input, 3 engine
 * unavailable on an executor, 1 other failure.
 */
@Command(name = "margin-sim", subcommands = {SparkMain.SweepOnSpark.class, SparkMain.BacktestOnSpark.class}, mixinStandardHelpOptions = true,
        description = "margin-sim commands that run on Apache Spark (the launcher sends --spark command lines here).")
public final class SparkMain {
    static final int BAD_INPUT = 2;
    static final int ENGINE_UNAVAILABLE = 3;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        // the launcher sends only command lines with --spark here, so that is the help that explains them; warnings
        // wait for success as in the plain command line
        return new CommandLine(new SparkMain()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionStrategy(Failures::runHoldingWarnings)
                .setExecutionExceptionHandler(SparkMain::failure)
                .setParameterExceptionHandler((e, args) -> Failures.badParameters(e,
                        e.getCommandLine().getCommandSpec().qualifiedName() + " --spark --help"));
    }

    private static int failure(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        // Spark wraps a task's exception in its own, whose message holds the remote stack trace: the first
        // margin-sim exception in the chain says what was wrong, in one line
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SpecException) {
                cmd.getErr().println("error: " + t.getMessage());
                return BAD_INPUT;
            }
            if (t instanceof EngineUnavailableException) {
                cmd.getErr().println("error: " + t.getMessage());
                return ENGINE_UNAVAILABLE;
            }
        }
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        cmd.getErr().println("error: " + message);
        if (e instanceof SparkException) {
            cmd.getErr().println("Cells of the tasks that finished are in the journal; rerun with --resume for the rest.");
        }
        return 1;
    }

    @Command(name = "sweep", mixinStandardHelpOptions = true,
            description = "Simulate every cell of a grid as Spark tasks; rows stream to PREFIX.csv and PREFIX.jsonl as "
                    + "tasks finish, exactly as the single-machine sweep writes them.")
    static final class SweepOnSpark implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "SWEEP", description = "Sweep file (JSON): base, axes, targets.")
        Path sweep;

        @Mixin
        SparkOptions spark;

        @Option(names = "--out", paramLabel = "PREFIX", description = "Write PREFIX.csv and PREFIX.jsonl "
                + "(default: the sweep file's name without .json).")
        Path out;

        @Option(names = "--resume", description = "Continue PREFIX.jsonl: skip the cells it holds, run the rest.")
        boolean resume;

        @Option(names = "--cells-per-task", paramLabel = "N", description = "Unsplit cells in one Spark task "
                + "(default: " + TaskPlan.TASKS_PER_CORE + " tasks per core of the cluster).")
        int cellsPerTask;

        @Option(names = "--split-paths", paramLabel = "N", description = "Split cells of more than N paths into "
                + "ranges of at most N paths, one Spark task each, merged exactly on the driver (default: "
                + TaskPlan.DEFAULT_SPLIT_PATHS + ").")
        long splitPaths = TaskPlan.DEFAULT_SPLIT_PATHS;

        @Mixin
        RunOverrides overrides;

        @Override
        public Integer call() throws Exception {
            TaskPlan.Sizes sizes = new TaskPlan.Sizes(cellsPerTask, splitPaths);
            SweepPlan plan = SweepPlan.read(sweep);
            RunSettings settings = overrides.given();
            settings.engineOptions(1); // a bad --threads is bad input before Spark starts, not a failed task
            settings.checkNotSwept(plan);
            Path prefix = out != null ? out : Path.of(sweep.toString().replaceFirst("\\.json$", ""));
            SweepOutputs.checkPrefix(plan, prefix);
            // before Spark starts: it answers a malformed URL with a stack trace and a dead master after a minute
            SparkMasters.check(spark.master);
            SparkProgress progress = new SparkProgress(System.console() != null, System.err);
            SparkConf sparkConf = SparkSessions.conf(spark.master, "margin-sim sweep " + sweep.getFileName(), spark.conf);
            Sweep.Summary summary;
            try (JavaSparkContext spark = new JavaSparkContext(sparkConf)) {
                spark.sc().addSparkListener(progress);
                try {
                    summary = SparkSweep.run(spark, plan, settings, prefix, resume,
                            sizes, progress,
                            System.err::println);
                } finally {
                    progress.finish();
                }
            }
            System.err.printf("wrote %s and %s (%d cells: %d computed now, %d from the journal)%n", summary.csv(),
                    summary.jsonl(), summary.cells(), summary.computed(), summary.resumed());
            return 0;
        }
    }

    @Command(name = "backtest", mixinStandardHelpOptions = true,
            description = "The backtest command with its windows simulated as Spark tasks: the fits run on the driver, "
                    + "every start date's simulation on an executor; the output is the plain command's.")
    static final class BacktestOnSpark implements Callable<Integer> {
        @Mixin
        BacktestOptions backtest;

        @Mixin
        SparkOptions spark;

        @Override
        public Integer call() throws Exception {
            // before Spark starts: it answers a malformed URL with a stack trace and a dead master after a minute
            SparkMasters.check(spark.master);
            return backtest.run(settings -> new SparkBacktest(spark.master, spark.conf, settings));
        }
    }
}
