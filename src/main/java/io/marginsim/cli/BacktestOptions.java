package io.marginsim.cli;

import io.marginsim.analysis.Backtest;
import io.marginsim.analysis.BacktestReport;
import io.marginsim.analysis.BacktestTemplate;
import io.marginsim.analysis.RunSettings;
import io.marginsim.check.SpecException;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.market.calibration.ModelChoice;
import io.marginsim.market.calibration.OhlcSeries;
import io.marginsim.result.ReportFormat;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The arguments and the run of {@code backtest}, shared by the plain command and the one on Apache Spark, which
 * differ only in what simulates the windows ({@link Backtest.Predictor}).
 */
public final class BacktestOptions {
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

    /**
     * The run settings as given, with {@value #DEFAULT_PATHS} paths unless {@code --paths} was given (the
     * template's {@code paths} is not used).
     */
    public RunSettings settings() {
        RunSettings given = overrides.given();
        return given.paths() != null ? given : new RunSettings(DEFAULT_PATHS, given.seed(), given.engine(),
                given.threads(), given.device(), given.precision(), given.monitoring());
    }

    /**
     * Checks the arguments and the files, fits and simulates every window with the predictor {@code simulate} makes
     * from the run settings (asked for only once everything else has been checked), and writes the result.
     */
    public int run(Function<RunSettings, Backtest.Predictor> simulate)
            throws IOException, EngineUnavailableException {
        ModelChoice fitted = ModelChoice.parse("--model", model);
        if (!drift.equals("zero") && !drift.equals("fitted")) {
            throw new SpecException("--drift", "must be zero or fitted but was \"" + drift + "\"");
        }
        OutputTargets.reading("the price history being read", prices).andReading("the template", template)
                .check("--out", out).check("--plot", plot);
        RunSettings settings = settings();
        settings.engineOptions(1); // a bad --threads or --device is bad input before any window runs
        BacktestTemplate spec = BacktestTemplate.read(template);
        OhlcSeries series = OhlcSeries.read(prices, spec.assetName());
        String source = prices.getFileName().toString();
        Backtest.Result result = Backtest.run(series, source, spec,
                new Backtest.Settings(window, every, fitted, drift.equals("fitted")), settings::apply,
                simulate.apply(settings));
        TextOutput.emit(out, BacktestReport.render(format, result, source));
        if (plot != null) {
            BacktestReport.plot(result, source, plot);
            System.err.println("wrote " + plot);
        }
        return 0;
    }
}
