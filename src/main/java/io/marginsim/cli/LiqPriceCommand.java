package io.marginsim.cli;

import io.marginsim.analysis.LiquidationPrices;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.result.ReportFormat;
import io.marginsim.spec.Spec;
import io.marginsim.spec.SpecReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code margin-sim liq-price SPEC}: exact liquidation prices by the venues' closed forms. */
@Command(name = "liq-price", mixinStandardHelpOptions = true,
        description = "Print the exact price at which the maintenance requirement is hit: per position in isolated "
                + "mode, per asset (others held at today's price) in cross mode.")
final class LiqPriceCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "Spec file (JSON), see README.")
    Path spec;

    @Option(names = "--format", description = "table or json (default: table).")
    String format = "table";

    @Override
    public Integer call() {
        if (!format.equals("table") && !format.equals("json")) {
            throw new io.marginsim.check.SpecException("--format", "must be table or json but was \"" + format + "\"");
        }
        Spec loaded = SpecReader.read(spec, true);
        List<LiquidationPrices.Result> results = LiquidationPrices.compute(ProblemCompiler.compile(loaded));
        if (format.equals("json")) {
            System.out.print(ReportFormat.json(results));
            return 0;
        }
        System.out.printf(Locale.ROOT, "%-12s %-8s %16s %18s %18s  %s%n", "scope", "asset", "price", "liq. below",
                "liq. above", "status");
        for (LiquidationPrices.Result r : results) {
            System.out.printf(Locale.ROOT, "%-12s %-8s %16s %18s %18s  %s%n", r.scope(), r.asset(), price(r.price()),
                    price(r.below()), price(r.above()), r.breached() ? "in breach now" : "ok");
        }
        return 0;
    }

    private static String price(double p) {
        if (Double.isNaN(p)) {
            return "none";
        }
        return String.format(Locale.ROOT, "%.8g", p);
    }
}
