package io.marginsim.result;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.marginsim.check.Counts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link Report} as JSON, CSV ({@code key,value} rows) or a table for people. */
public enum ReportFormat {
    TABLE,
    JSON,
    CSV;

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(finiteOrNull());

    /**
     * JSON has no NaN or infinity, and Jackson would write them as strings in a numeric field: a statistic that
     * does not exist (no breach, no root, an undefined ratio) is {@code null} instead, in maps and arrays too.
     */
    private static SimpleModule finiteOrNull() {
        JsonSerializer<Double> number = new JsonSerializer<>() {
            @Override
            public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                writeNumber(gen, value);
            }
        };
        JsonSerializer<double[]> array = new JsonSerializer<>() {
            @Override
            public void serialize(double[] values, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeStartArray(values, values.length);
                for (double v : values) {
                    writeNumber(gen, v);
                }
                gen.writeEndArray();
            }
        };
        return new SimpleModule("finite-or-null").addSerializer(Double.class, number)
                .addSerializer(Double.TYPE, number).addSerializer(double[].class, array);
    }

    private static void writeNumber(JsonGenerator gen, double v) throws IOException {
        if (Double.isFinite(v)) {
            gen.writeNumber(v);
        } else {
            gen.writeNull();
        }
    }

    /** What the table prints where a statistic does not exist. */
    static final String NOT_AVAILABLE = "n/a";

    public String render(Report r) {
        return switch (this) {
            case JSON -> json(r);
            case CSV -> csv(r);
            case TABLE -> table(r);
        };
    }

    public static String json(Object value) {
        try {
            return JSON_MAPPER.writeValueAsString(value) + System.lineSeparator();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String csv(Report r) {
        StringBuilder out = new StringBuilder("key,value\n");
        row(out, "engine", r.engine());
        row(out, "engineNote", "\"" + r.engineNote().replace("\"", "\"\"") + "\"");
        row(out, "paths", r.paths());
        row(out, "steps", r.steps());
        row(out, "horizonDays", r.horizonDays());
        row(out, "seed", r.seed());
        row(out, "monitoring", r.monitoring());
        row(out, "initialEquity", r.initialEquity());
        row(out, "initialRequirement", r.initialRequirement());
        row(out, "initialMarginRatio", r.initialMarginRatio());
        row(out, "breachProbability", r.breachProbability());
        row(out, "breachProbabilityCi95.low", r.breachProbabilityCi95()[0]);
        row(out, "breachProbabilityCi95.high", r.breachProbabilityCi95()[1]);
        r.timeToBreachQuantilesDays().forEach((k, v) -> row(out, "timeToBreachQuantilesDays." + k, v));
        for (Report.HistogramBin bin : r.timeToBreachHistogram()) {
            row(out, "timeToBreachHistogram." + bin.fromDay() + "-" + bin.toDay(), bin.paths());
        }
        r.buffer().forEach((k, v) -> row(out, "buffer." + k, orEmpty(v)));
        r.bufferCi95().forEach((k, v) -> {
            row(out, "bufferCi95." + k + ".low", v == null ? "" : v[0]);
            row(out, "bufferCi95." + k + ".high", v == null ? "" : v[1]);
        });
        r.terminalEquityQuantiles().forEach((k, v) -> row(out, "terminalEquityQuantiles." + k, v));
        LiquidationReport l = r.liquidation();
        if (l != null) {
            row(out, "liquidation.liquidationProbability", l.liquidationProbability());
            row(out, "liquidation.liquidationProbabilityCi95.low", l.liquidationProbabilityCi95()[0]);
            row(out, "liquidation.liquidationProbabilityCi95.high", l.liquidationProbabilityCi95()[1]);
            row(out, "liquidation.expectedLiquidations", l.expectedLiquidations());
            l.liquidationLossQuantiles().forEach((k, v) -> row(out, "liquidation.liquidationLossQuantiles." + k, v));
            row(out, "liquidation.meanLiquidationLoss", l.meanLiquidationLoss());
            row(out, "liquidation.badDebtProbability", l.badDebtProbability());
            row(out, "liquidation.badDebtProbabilityCi95.low", l.badDebtProbabilityCi95()[0]);
            row(out, "liquidation.badDebtProbabilityCi95.high", l.badDebtProbabilityCi95()[1]);
            l.badDebtQuantiles().forEach((k, v) -> row(out, "liquidation.badDebtQuantiles." + k, v));
            row(out, "liquidation.meanBadDebt", l.meanBadDebt());
        }
        Discretisation d = r.discretisation();
        if (d != null) {
            row(out, "discretisation.stepsPerDay", d.stepsPerDay());
            row(out, "discretisation.breachProbability", d.breachProbability());
            row(out, "discretisation.difference", d.difference());
            row(out, "discretisation.differenceCi95.low", d.differenceCi95()[0]);
            row(out, "discretisation.differenceCi95.high", d.differenceCi95()[1]);
            row(out, "discretisation.order", d.order());
            row(out, "discretisation.estimatedBias", d.estimatedBias());
            row(out, "discretisation.estimatedBiasCi95.low", d.estimatedBiasCi95()[0]);
            row(out, "discretisation.estimatedBiasCi95.high", d.estimatedBiasCi95()[1]);
            row(out, "discretisation.extrapolatedBreachProbability", d.extrapolatedBreachProbability());
        }
        CoinTerms c = r.coin();
        if (c != null) {
            row(out, "coin.asset", c.asset());
            row(out, "coin.initialEquity", c.initialEquity());
            row(out, "coin.breachProbability", c.breachProbability());
            row(out, "coin.breachProbabilityCi95.low", c.breachProbabilityCi95()[0]);
            row(out, "coin.breachProbabilityCi95.high", c.breachProbabilityCi95()[1]);
            c.terminalEquityQuantiles().forEach((k, v) -> row(out, "coin.terminalEquityQuantiles." + k, v));
            c.lossVar().forEach((k, v) -> row(out, "coin.lossVar." + k, orEmpty(v)));
            c.lossEs().forEach((k, v) -> row(out, "coin.lossEs." + k, orEmpty(v)));
        }
        if (r.scopes() != null) {
            ScopeFormat.csv(out, r.scopes());
        }
        row(out, "elapsedSeconds", r.elapsedSeconds());
        row(out, "pathStepsPerSecond", r.pathStepsPerSecond());
        lossCsv(out, r.loss());
        return out.toString();
    }

    private static void lossCsv(StringBuilder out, LossReport loss) {
        levelsCsv(out, "loss.var", loss.var(), loss.varCi95());
        levelsCsv(out, "loss.es", loss.es(), loss.esCi95());
        loss.esMethod().forEach((k, v) -> row(out, "loss.esMethod." + k, v));
        LossReport.TailFit fit = loss.tailFit();
        row(out, "loss.tailFit.threshold", fit.threshold());
        row(out, "loss.tailFit.exceedances", fit.exceedances());
        row(out, "loss.tailFit.shape", orEmpty(fit.shape()));
        row(out, "loss.tailFit.scale", orEmpty(fit.scale()));
        row(out, "loss.tailFit.shapeCi95.low", fit.shapeCi95() == null ? "" : fit.shapeCi95()[0]);
        row(out, "loss.tailFit.shapeCi95.high", fit.shapeCi95() == null ? "" : fit.shapeCi95()[1]);
        levelsCsv(out, "loss.tailFit.quantiles", fit.quantiles(), fit.quantilesCi95());
        levelsCsv(out, "loss.tailFit.es", fit.es(), fit.esCi95());
        for (LossReport.MeanExcess e : fit.meanExcess()) {
            row(out, "loss.tailFit.meanExcess." + e.threshold(), e.meanExcess());
        }
        row(out, "loss.tailFit.warning", fit.warning() == null ? "" : "\"" + fit.warning().replace("\"", "\"\"") + "\"");
    }

    /** {@code prefix.level} rows, then {@code prefixCi95.level.low/high}; a missing value is an empty cell. */
    private static void levelsCsv(StringBuilder out, String prefix, Map<String, Double> values,
                                  Map<String, double[]> ci) {
        values.forEach((k, v) -> row(out, prefix + "." + k, orEmpty(v)));
        ci.forEach((k, v) -> {
            row(out, prefix + "Ci95." + k + ".low", v == null ? "" : v[0]);
            row(out, prefix + "Ci95." + k + ".high", v == null ? "" : v[1]);
        });
    }

    private static Object orEmpty(Double value) {
        return value == null ? "" : value;
    }

    static void row(StringBuilder out, String key, Object value) {
        out.append(key).append(',').append(csvCell(value)).append('\n');
    }

    /** A CSV cell: a number that does not exist (NaN, infinite) is an empty cell, like a missing value. */
    public static String csvCell(Object value) {
        if (value == null || value instanceof Double d && !Double.isFinite(d)) {
            return "";
        }
        return String.valueOf(value);
    }

    private static String table(Report r) {
        StringBuilder out = new StringBuilder();
        line(out, "engine", r.engine() + "  (" + r.engineNote() + ")");
        line(out, "paths x steps", r.paths() + " x " + r.steps() + " over " + num(r.horizonDays()) + " days, seed " + r.seed()
                + ", " + r.monitoring() + " monitoring");
        line(out, "equity now", num(r.initialEquity()) + ", requirement " + num(r.initialRequirement())
                + ", margin ratio " + marginRatio(r.initialMarginRatio()));
        line(out, "breach probability", pct(r.breachProbability()) + "  (95% CI " + pct(r.breachProbabilityCi95()[0])
                + " .. " + pct(r.breachProbabilityCi95()[1]) + ")");
        Discretisation d = r.discretisation();
        if (d != null) {
            line(out, "at half the steps", pct(d.breachProbability()) + " at " + Counts.of(d.stepsPerDay(), "step")
                    + " a day: "
                    + "difference " + pct(d.difference()) + " (95% CI " + pct(d.differenceCi95()[0]) + " .. "
                    + pct(d.differenceCi95()[1]) + ")");
            line(out, "step bias", String.format(Locale.ROOT, "about %s (95%% CI %s .. %s) with an error of order %s "
                    + "in the step, so about %s in the limit", pct(d.estimatedBias()), pct(d.estimatedBiasCi95()[0]),
                    pct(d.estimatedBiasCi95()[1]), d.order() == 1 ? "1" : "1/2",
                    pct(d.extrapolatedBreachProbability())));
        }
        if (!r.timeToBreachQuantilesDays().isEmpty()) {
            line(out, "days to first breach", levels(r.timeToBreachQuantilesDays(), "q"));
        }
        StringBuilder buffers = new StringBuilder();
        for (Map.Entry<String, Double> e : r.buffer().entrySet()) {
            double[] ci = r.bufferCi95().get(e.getKey());
            String target = pct(Double.parseDouble(e.getKey()));
            buffers.append(e.getValue() == null
                    ? String.format(Locale.ROOT, "%n    P(breach) <= %-6s %14s  (not resolved by %d paths: needs at least %d)",
                    target, "n/a", r.paths(), Intervals.pathsToResolve(Double.parseDouble(e.getKey())))
                    : String.format(Locale.ROOT, "%n    P(breach) <= %-6s %14s  (95%% CI %s .. %s)",
                    target, num(e.getValue()), num(ci[0]), num(ci[1])));
        }
        line(out, "extra cash for", buffers.toString());
        line(out, "terminal equity", levels(r.terminalEquityQuantiles(), "q"));
        lossTable(out, r.loss());
        LiquidationReport l = r.liquidation();
        if (l != null) {
            line(out, "liquidated", pct(l.liquidationProbability()) + " of paths, " + num(l.expectedLiquidations())
                    + " events per path");
            line(out, "liquidation loss", levels(l.liquidationLossQuantiles(), "q") + "  mean=" + num(l.meanLiquidationLoss()));
            line(out, "bad debt", pct(l.badDebtProbability()) + " of paths (95% CI " + pct(l.badDebtProbabilityCi95()[0])
                    + " .. " + pct(l.badDebtProbabilityCi95()[1]) + "), mean " + num(l.meanBadDebt()));
        }
        CoinTerms c = r.coin();
        if (c != null) {
            StringBuilder losses = new StringBuilder();
            c.lossVar().forEach((k, v) -> losses.append(String.format(Locale.ROOT, "%n    %-6s VaR %14s   ES %14s",
                    k, coin(v), coin(c.lossEs().get(k)))));
            line(out, "in " + c.asset(), "equity now " + coin(c.initialEquity()) + ", breach probability "
                    + pct(c.breachProbability()) + " (the same event on the mirrored paths), each path at its own price");
            StringBuilder equity = new StringBuilder();
            c.terminalEquityQuantiles().forEach((k, v) -> equity.append('q').append(k).append('=').append(coin(v))
                    .append("  "));
            line(out, "terminal equity " + c.asset(), equity.toString().trim());
            line(out, "loss in " + c.asset(), losses.toString());
        }
        if (r.scopes() != null) {
            ScopeFormat.table(out, r.scopes());
        }
        line(out, "time", String.format(Locale.ROOT, "%.3f s, %.3g path-steps/s", r.elapsedSeconds(),
                r.pathStepsPerSecond()));
        return out.toString();
    }

    private static void lossTable(StringBuilder out, LossReport loss) {
        StringBuilder lines = new StringBuilder();
        loss.var().forEach((k, v) -> lines.append(String.format(Locale.ROOT,
                "%n    %-6s VaR %14s  (95%% CI %s .. %s)   ES %14s  (95%% CI %s .. %s, %s)", k, num(v),
                num(loss.varCi95().get(k)[0]), num(loss.varCi95().get(k)[1]), num(loss.es().get(k)),
                num(loss.esCi95().get(k)[0]), num(loss.esCi95().get(k)[1]), loss.esMethod().get(k))));
        line(out, "loss (initial - final)", lines.toString());
        LossReport.TailFit fit = loss.tailFit();
        StringBuilder tail = new StringBuilder(String.format(Locale.ROOT, "%d losses above %s", fit.exceedances(),
                num(fit.threshold())));
        if (fit.shape() != null) {
            tail.append(String.format(Locale.ROOT, ", shape %.3f%s, scale %s", fit.shape(), fit.shapeCi95() == null
                    ? "" : String.format(Locale.ROOT, " (95%% CI %.3f .. %.3f)", fit.shapeCi95()[0],
                    fit.shapeCi95()[1]), num(fit.scale())));
            fit.quantiles().forEach((k, v) -> {
                double[] ci = fit.quantilesCi95().get(k);
                tail.append(String.format(Locale.ROOT, "%n    %-6s VaR %14s  (95%% CI %s)", k, num(v),
                        ci == null ? "none" : num(ci[0]) + " .. " + num(ci[1])));
            });
        }
        if (fit.warning() != null) {
            tail.append(System.lineSeparator()).append("    warning: ").append(fit.warning());
        }
        line(out, "loss tail (GPD fit)", tail.toString());
    }

    private static String levels(Map<String, Double> values, String prefix) {
        StringBuilder out = new StringBuilder();
        values.forEach((k, v) -> out.append(prefix).append(k).append('=').append(num(v)).append("  "));
        return out.toString().trim();
    }

    static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-22s %s%n", label, value));
    }

    /** An amount of coin for people: six decimals, since a coin's hundredth is worth far more than a cent. */
    private static String coin(Double v) {
        return v == null || Double.isNaN(v) ? NOT_AVAILABLE : String.format(Locale.ROOT, "%,.6f", v);
    }

    /** A figure for people: {@code n/a} where the statistic does not exist (NaN). */
    static String num(double v) {
        if (Double.isNaN(v)) {
            return NOT_AVAILABLE;
        }
        if (v == 0 || (Math.abs(v) >= 0.01 && Math.abs(v) < 1e9)) {
            return String.format(Locale.ROOT, "%,.2f", v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    static String pct(double p) {
        return Double.isFinite(p) ? String.format(Locale.ROOT, "%.3f%%", 100 * p) : NOT_AVAILABLE;
    }

    /** Requirement over equity; an account whose equity is not positive has no ratio and is in breach already. */
    private static String marginRatio(double ratio) {
        return ratio == Double.POSITIVE_INFINITY ? NOT_AVAILABLE + " (equity <= 0: in breach now)" : pct(ratio);
    }

    /** Values accepted on the command line. */
    public static String choices() {
        return Arrays.toString(values()).toLowerCase(Locale.ROOT);
    }
}
