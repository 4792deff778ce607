package io.marginsim.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marginsim.check.SpecException;
import io.marginsim.market.calibration.Calibration;
import io.marginsim.market.calibration.CalibrationReport;
import io.marginsim.market.calibration.ModelChoice;
import io.marginsim.market.calibration.OhlcSeries;
import io.marginsim.market.calibration.PriceSeries;
import io.marginsim.result.ReportFormat;
import io.marginsim.spec.SpecReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code margin-sim calibrate PRICES.csv}: fit the market models to a price history and write a spec fragment. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Fit GBM, Student-t, GARCH(1,1) and Merton jumps to each asset's log returns, the return "
                + "correlation and DCC(1,1); print log-likelihood, parameter count and AIC per model, and write the "
                + "market of a spec that reproduces the --model fit (assets, correlation, market.dcc, stepsPerDay) "
                + "to --out.")
final class CalibrateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PRICES.csv",
            description = "CSV with header timestamp,<asset1>,... or an OHLC export (Date,Open,High,Low,Close,...); "
                    + "evenly spaced rows, oldest first (see README).")
    Path prices;

    @Option(names = "--asset", paramLabel = "NAME", description = "Name of the asset of an OHLC export, whose closes "
            + "are fitted (default: the file name without its extension).")
    String asset;

    @Option(names = "--out", paramLabel = "FRAGMENT.json", description = "Write the spec fragment (JSON) to this file.")
    Path out;

    @Option(names = "--format", description = "table or json (default: table).")
    String format = "table";

    @Option(names = "--model", description = "Model each asset takes into the fragment: gbm, student-t, garch, merton "
            + "or auto (smallest AIC among fits not on a boundary; default: auto).")
    String model = "auto";

    @Override
    public Integer call() throws Exception {
        if (!format.equals("table") && !format.equals("json")) {
            throw new SpecException("--format", "must be table or json but was \"" + format + "\"");
        }
        ModelChoice choice = ModelChoice.parse("--model", model);
        OutputTargets.reading("the price history being read", prices).check("--out", out);
        PriceSeries series = OhlcSeries.closes(prices, asset);
        String source = prices.getFileName().toString();
        Calibration calibration = Calibration.of(series);
        List<ModelChoice.Fitted> chosen = CalibrationReport.choose(calibration, choice, CalibrateCommand::refusal);
        String problem = fragmentProblem(calibration, chosen);
        if (out != null && !problem.isEmpty()) {
            throw new SpecException("--model", problem);
        }
        ObjectNode fragment = problem.isEmpty() ? CalibrationReport.fragment(calibration, chosen) : null;
        String report = format.equals("json")
                ? ReportFormat.json(CalibrationReport.json(calibration, source, chosen, fragment))
                : CalibrationReport.table(calibration, source, chosen);
        System.out.print(report);
        for (int a = 0; a < chosen.size(); a++) {
            if (!chosen.get(a).note().isEmpty()) {
                System.err.println("calibrate: " + calibration.assets().get(a).name() + ": " + chosen.get(a).note());
            }
        }
        if (!CalibrationReport.dccNote(calibration).isEmpty()) {
            System.err.println("calibrate: " + CalibrationReport.dccNote(calibration));
        }
        if (!problem.isEmpty()) {
            System.err.println("calibrate: no fragment: --model " + problem);
        }
        if (out != null) {
            TextOutput.emit(out, ReportFormat.json(fragment));
        }
        return 0;
    }

    /** Empty when simulate runs the fragment, else simulate's error. */
    private static String refusal(ObjectNode fragment) {
        try {
            SpecReader.parse(CalibrationReport.probeSpec(fragment).toString(), "the fragment", false);
            return "";
        } catch (SpecException e) {
            return e.getMessage();
        }
    }

    /**
     * Empty when the fragment runs, else the rest of a sentence after {@code --model} saying why not: a chosen fit
     * with no spec keys or keys {@code simulate} refuses. The fragment is parsed as the market of a minimal spec, so
     * a file that is written always runs.
     */
    private String fragmentProblem(Calibration calibration, List<ModelChoice.Fitted> chosen) {
        for (int a = 0; a < chosen.size(); a++) {
            ModelChoice.Fitted f = chosen.get(a);
            if (!f.usable()) {
                return "must be a model whose fit simulate can run but " + (model.equals("auto")
                        ? "auto's last resort gbm" : f.model()) + " fitted to " + calibration.assets().get(a).name()
                        + " gives " + (f.keys() == null ? "no spec keys (" + f.boundary() + ": " + f.refused() + ")"
                        : "keys simulate refuses (" + f.refused() + ")");
            }
        }
        String refused = refusal(CalibrationReport.fragment(calibration, chosen));
        return refused.isEmpty() ? "" : "must give a fragment simulate accepts but " + model + " gives one it refuses ("
                + refused + ")";
    }
}
