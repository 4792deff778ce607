package io.marginsim.cli;

import io.marginsim.analysis.Backtest;
import io.marginsim.analysis.BacktestReport;
import io.marginsim.analysis.BacktestTemplate;
import io.marginsim.market.calibration.ModelChoice;
import io.marginsim.market.calibration.OhlcSeries;
import io.marginsim.result.ReportFormat;
import io.marginsim.spec.Spec;
import io.marginsim.spec.SpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;

/** {@code margin-sim backtest PRICES.csv --spec TEMPLATE.json}: predicted against realised breaches on history. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "For every start date of a price history, fit the model on the trailing window, simulate the "
                + "template spec moved to that date's close, and check whether the account breached on the days that "
                + "followed; report predicted against realised breach frequency, Brier scores, reliability and the "
                + "Kupiec test.")
final class BacktestCommand implements Callable<Integer> {
    /** Enough paths that Monte Carlo error (at most 0.0035 at p = 0.5) is small beside the realised outcomes' noise. */
    static final long DEFAULT_PATHS = 20_000;

    @Parameters(index = "0", paramLabel = "PRICES.csv",
            description = "Daily prices: an OHLC export (Date,Open,High,Low,Close,...) or timestamp,<asset>,... (see README).")
    Path prices;

    @Option(names = "--spec", required = true, paramLabel = "TEMPLATE.json",
            description = "Spec of one asset, moved to each start date's close (see README).")
    Path template;

    @Option(names = "--window", paramLabel = "DAYS", description = "Days of returns each fit uses (default: 365).")
    int window = 365;

    @Option(names = "--every", paramLabel = "DAYS", description = "Days between start dates (default: 7).")
    int every = 7;

    @Option(names = "--model", description = "gbm, student-t, garch, merton or auto (smallest AIC among fits not on a boundary; "
            + "default: gbm).")
    String model = "gbm";

    @Option(names = "--drift", description = "zero or fitted (default: zero).")
    String drift = "zero";

    @Mixin
    RunOverrides overrides;

    @Option(names = "--format", description = "Output format: ${COMPLETION-CANDIDATES} (default: table).")
    ReportFormat format = ReportFormat.TABLE;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result to FILE instead of standard output.")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Also draw the reliability diagram (Wilson 95% "
            + "intervals) and predicted against realised over time, on closes, as a PNG.")
    Path plot;

    @Override
    public Integer call() throws Exception {
        ModelChoice fitted = ModelChoice.parse("--model", model);
        if (!drift.equals("zero") && !drift.equals("fitted")) {
            throw new SpecException("--drift", "must be zero or fitted but was \"" + drift + "\"");
        }
        OutputTargets.reading("the price history being read", prices).andReading("the template", template)
                .check("--out", out).check("--plot", plot);
        BacktestTemplate spec = BacktestTemplate.read(template);
        OhlcSeries series = OhlcSeries.read(prices, spec.assetName());
        String source = prices.getFileName().toString();
        UnaryOperator<Spec> runSettings = s -> {
            Spec given = overrides.apply(s);
            return overrides.paths == null ? given.withRun(DEFAULT_PATHS, given.seed(), given.engine()) : given;
        };
        Backtest.Result result = Backtest.run(series, source, spec,
                new Backtest.Settings(window, every, fitted, drift.equals("fitted")), runSettings,
                overrides.engineOptions());
        TextOutput.emit(out, BacktestReport.render(format, result, source));
        if (plot != null) {
            BacktestReport.plot(result, source, plot);
            System.err.println("wrote " + plot);
        }
        return 0;
    }
}
