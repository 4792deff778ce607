package io.marginsim.cli;

import io.marginsim.analysis.BufferSolver;
import io.marginsim.check.SpecException;
import io.marginsim.result.ReportFormat;
import io.marginsim.spec.Spec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code margin-sim buffer SPEC --target P}: the extra cash, or the largest size, that keeps breach risk <= P. */
@Command(name = "buffer", mixinStandardHelpOptions = true,
        description = "Solve for the extra cash (--solve cash) or the largest scale of every position (--solve size) "
                + "that keeps the probability of breaching maintenance margin within the horizon at most the target.")
final class BufferCommand implements Callable<Integer> {
    enum Solve { CASH, SIZE }

    @Mixin
    RunOptions run;

    @Option(names = "--target", description = "Breach probability to stay within (default: 0.01); --solve cash needs "
            + "one the paths resolve, at least about 5.7 / paths.")
    double target = 0.01;

    @Option(names = "--solve", description = "What to solve for: ${COMPLETION-CANDIDATES} (default: CASH).")
    Solve solve = Solve.CASH;

    @Option(names = "--format", description = "table or json (default: table).")
    String format = "table";

    @Option(names = "--out", paramLabel = "FILE", description = "Write the answer to FILE instead of standard output.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("table") && !format.equals("json")) {
            throw new SpecException("--format", "must be table or json but was \"" + format + "\"");
        }
        run.outputs().check("--out", out);
        Spec spec = run.load();
        Record answer = solve == Solve.CASH
                ? BufferSolver.solveCash(spec, target, run.engineOptions())
                : BufferSolver.solveSize(spec, target, run.engineOptions());
        String text = format.equals("json") ? ReportFormat.json(answer) : table(answer);
        TextOutput.emit(out, text);
        return 0;
    }

    private static String table(Record answer) {
        StringBuilder s = new StringBuilder();
        if (answer instanceof BufferSolver.CashSolution c) {
            line(s, "target", num(c.target()));
            line(s, "buffer (" + c.appliesTo() + ")", num(c.buffer()) + "  95% CI " + range(c.bufferCi95()));
            line(s, "breach probability now", num(c.breachProbability()) + "  95% CI " + range(c.breachProbabilityCi95()));
            line(s, "run", c.paths() + " paths, seed " + c.seed() + ", engine " + c.engine());
        } else if (answer instanceof BufferSolver.SizeSolution z) {
            line(s, "target", num(z.target()));
            line(s, "scale factor", num(z.scale()));
            line(s, "sizes", z.sizes().stream().map(BufferCommand::num).toList().toString());
            line(s, "leverage", num(z.leverage()));
            line(s, "breach probability", num(z.breachProbability()) + "  95% CI " + range(z.breachProbabilityCi95()));
            line(s, "run", z.paths() + " paths, seed " + z.seed() + ", engine " + z.engine() + ", "
                    + z.evaluations() + " simulations");
        }
        return s.toString();
    }

    private static void line(StringBuilder s, String key, String value) {
        s.append(String.format(Locale.ROOT, "%-34s %s%n", key, value));
    }

    /**
     * Six significant digits without trailing zeros: 0.01, 16121.2, 0.271225; {@code n/a} for a value that does not
     * exist, NaN or infinite (a leverage over zero equity), as every table prints it.
     */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    private static String range(double[] ci) {
        return Arrays.stream(ci).mapToObj(BufferCommand::num).toList().toString();
    }
}
