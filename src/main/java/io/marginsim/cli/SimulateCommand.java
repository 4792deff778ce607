package io.marginsim.cli;

import io.marginsim.analysis.CoinView;
import io.marginsim.analysis.HalfStepCheck;
import io.marginsim.analysis.ScenarioRun;
import io.marginsim.check.SpecException;
import io.marginsim.result.LossHistogram;
import io.marginsim.result.Report;
import io.marginsim.result.ReportFormat;
import io.marginsim.result.ScenarioFormat;
import io.marginsim.result.plot.LossChart;
import io.marginsim.result.plot.Png;
import io.marginsim.result.plot.ScenarioChart;
import io.marginsim.result.plot.TimeToBreachChart;
import io.marginsim.simulation.Simulation;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.ScenarioSet;
import io.marginsim.spec.Spec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code margin-sim simulate SPEC}: breach probability, time to breach, buffers and terminal equity. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate the spec and report breach probability with its confidence interval, time to first "
                + "breach, the extra cash that keeps breach probability under 10%%, 5%%, 1%% and 0.1%%, terminal equity, and the "
                + "loss's VaR, expected shortfall and GPD tail fit; in isolated mode the same per position, and which "
                + "position breaches first. A spec with scenarios runs the baseline and every "
                + "scenario with the same seed and reports them side by side.")
final class SimulateCommand implements Callable<Integer> {
    @Mixin
    RunOptions run;

    @Option(names = "--format", description = "Output format: ${COMPLETION-CANDIDATES} (default: table).")
    ReportFormat format = ReportFormat.TABLE;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Also draw the time-to-breach histogram as a PNG "
            + "(with scenarios: breach probability and its 95%% interval per scenario).")
    Path plot;

    @Option(names = "--plot-loss", paramLabel = "FILE.png",
            description = "Also draw the loss distribution with its fitted GPD tail as a PNG.")
    Path plotLoss;

    @Option(names = "--scenario", paramLabel = "NAME",
            description = "Run the baseline and only this scenario of the spec (repeat for several).")
    List<String> scenarios = List.of();

    @Option(names = "--richardson", description = "Also run the spec at half the steps per day (same seed) and report "
            + "the difference and the estimated bias of the time step (see README).")
    boolean richardson;

    @Override
    public Integer call() throws Exception {
        run.outputs().check("--out", out).check("--plot", plot).check("--plot-loss", plotLoss);
        ScenarioSet set = run.loadScenarios();
        if (!set.scenarios().isEmpty() || !scenarios.isEmpty()) {
            if (richardson) {
                throw new SpecException("--richardson", "checks the time step of one run, so it needs a spec without "
                        + "scenarios (write the scenario's stress into market.stress to check it)");
            }
            return scenarios(set);
        }
        Spec spec = set.baseline();
        Report report;
        LossHistogram histogram = null;
        try (Simulation simulation = Simulator.run(spec, run.engineOptions(), paths -> { })) {
            report = simulation.report();
            if (plotLoss != null) {
                // the histogram reads its own ranks while the per-path values are still held
                histogram = LossHistogram.of(simulation.stats().terminalEquity(), report.initialEquity());
            }
        }
        if (richardson) {
            report = report.withDiscretisation(HalfStepCheck.run(spec, report, run.engineOptions()));
        }
        report = CoinView.run(spec, run.engineOptions()).map(report::withCoin).orElse(report);
        // the report first: whatever becomes of a plot, the run's answer is out
        TextOutput.emit(out, format.render(report));
        if (plot != null) {
            Png.write(TimeToBreachChart.of(report), plot);
            System.err.println("wrote " + plot);
        }
        if (histogram != null && histogram.bins().isEmpty()) {
            System.err.println("note: " + plotLoss + " not written: every path ends with the same loss, so there is "
                    + "no distribution to draw");
        } else if (histogram != null) {
            Png.write(LossChart.of(report, histogram), plotLoss);
            System.err.println("wrote " + plotLoss);
        }
        return 0;
    }

    private Integer scenarios(ScenarioSet set) throws Exception {
        if (plotLoss != null) {
            throw new SpecException("--plot-loss", "draws the loss of one run, so it needs a spec without scenarios "
                    + "(write the scenario's stress into market.stress to draw it)");
        }
        ScenarioRun.Result result = ScenarioRun.run(set, scenarios, run.engineOptions(), paths -> { });
        String text = ScenarioFormat.render(format, result.baseline(), result.scenarios());
        if (plot != null) {
            Png.write(ScenarioChart.of(result.baseline(), result.scenarios()), plot);
            System.err.println("wrote " + plot);
        }
        TextOutput.emit(out, text);
        return 0;
    }
}
