package io.marginsim.cli;

import io.marginsim.market.calibration.Calibration;
import io.marginsim.market.calibration.CalibrationReport;
import io.marginsim.market.calibration.PriceSeries;
import io.marginsim.result.ReportFormat;
import io.marginsim.spec.SpecException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code margin-sim calibrate PRICES.csv}: fit the market models to a price history and write a spec fragment. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Fit GBM, Student-t, GARCH(1,1) and Merton jumps to each asset's log returns, the return "
                + "correlation and DCC(1,1); print log-likelihood, parameter count and AIC per model, and write the "
                + "assets and correlation of a spec (with the other fits under \"fitted\") to --out.")
final class CalibrateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PRICES.csv",
            description = "CSV with header timestamp,<asset1>,...; evenly spaced rows, oldest first (see README).")
    Path prices;

    @Option(names = "--out", paramLabel = "FRAGMENT.json", description = "Write the spec fragment (JSON) to this file.")
    Path out;

    @Option(names = "--format", description = "table or json (default: table).")
    String format = "table";

    @Override
    public Integer call() throws Exception {
        if (!format.equals("table") && !format.equals("json")) {
            throw new SpecException("--format", "must be table or json but was \"" + format + "\"");
        }
        OutputTargets.reading("the price history being read", prices).check("--out", out);
        PriceSeries series = PriceSeries.read(prices);
        String source = prices.getFileName().toString();
        Calibration calibration = Calibration.of(series);
        String report = format.equals("json")
                ? ReportFormat.json(CalibrationReport.json(calibration, source))
                : CalibrationReport.table(calibration, source);
        System.out.print(report);
        if (out != null) {
            TextOutput.emit(out, ReportFormat.json(CalibrationReport.fragment(calibration, source)));
        }
        return 0;
    }
}
