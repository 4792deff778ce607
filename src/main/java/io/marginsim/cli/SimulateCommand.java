package io.marginsim.cli;

import io.marginsim.engine.Simulation;
import io.marginsim.engine.Simulator;
import io.marginsim.result.LossHistogram;
import io.marginsim.result.Report;
import io.marginsim.result.ReportFormat;
import io.marginsim.result.plot.LossChart;
import io.marginsim.result.plot.Png;
import io.marginsim.result.plot.TimeToBreachChart;
import io.marginsim.spec.Spec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code margin-sim simulate SPEC}: breach probability, time to breach, buffers and terminal equity. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate the spec and report breach probability with its confidence interval, time to first "
                + "breach, the extra cash that keeps breach probability under 10%, 5%, 1% and 0.1%, terminal equity, and the "
                + "loss's VaR, expected shortfall and GPD tail fit.")
final class SimulateCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Option(names = "--format", description = "Output format: ${COMPLETION-CANDIDATES} (default: table).")
    ReportFormat format = ReportFormat.TABLE;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Also draw the time-to-breach histogram as a PNG.")
    Path plot;

    @Option(names = "--plot-loss", paramLabel = "FILE.png",
            description = "Also draw the loss distribution with its fitted GPD tail as a PNG.")
    Path plotLoss;

    @Override
    public Integer call() throws Exception {
        Spec spec = run.load();
        Report report;
        try (Simulation simulation = Simulator.run(spec, run.engineOptions(), paths -> { })) {
            report = simulation.report();
            if (plotLoss != null) {
                // the histogram reads its own ranks while the per-path values are still held
                LossHistogram histogram = LossHistogram.of(simulation.stats().terminalEquity(), report.initialEquity());
                Png.write(LossChart.of(report, histogram), plotLoss);
                System.err.println("wrote " + plotLoss);
            }
        }
        String text = format.render(report);
        if (plot != null) {
            Png.write(TimeToBreachChart.of(report), plot);
            System.err.println("wrote " + plot);
        }
        TextOutput.emit(out, text);
        return 0;
    }
}
