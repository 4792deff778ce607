package io.marginsim.result;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link Report} as JSON, CSV ({@code key,value} rows) or a table for people. */
public enum ReportFormat {
    TABLE,
    JSON,
    CSV;

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
        r.buffer().forEach((k, v) -> row(out, "buffer." + k, v));
        r.bufferCi95().forEach((k, v) -> {
            row(out, "bufferCi95." + k + ".low", v[0]);
            row(out, "bufferCi95." + k + ".high", v[1]);
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
        row(out, "elapsedSeconds", r.elapsedSeconds());
        row(out, "pathStepsPerSecond", r.pathStepsPerSecond());
        return out.toString();
    }

    private static void row(StringBuilder out, String key, Object value) {
        out.append(key).append(',').append(value).append('\n');
    }

    private static String table(Report r) {
        StringBuilder out = new StringBuilder();
        line(out, "engine", r.engine() + "  (" + r.engineNote() + ")");
        line(out, "paths x steps", r.paths() + " x " + r.steps() + " over " + num(r.horizonDays()) + " days, seed " + r.seed());
        line(out, "equity now", num(r.initialEquity()) + ", requirement " + num(r.initialRequirement())
                + ", margin ratio " + pct(r.initialMarginRatio()));
        line(out, "breach probability", pct(r.breachProbability()) + "  (95% CI " + pct(r.breachProbabilityCi95()[0])
                + " .. " + pct(r.breachProbabilityCi95()[1]) + ")");
        if (!r.timeToBreachQuantilesDays().isEmpty()) {
            line(out, "days to first breach", levels(r.timeToBreachQuantilesDays(), "q"));
        }
        StringBuilder buffers = new StringBuilder();
        for (Map.Entry<String, Double> e : r.buffer().entrySet()) {
            double[] ci = r.bufferCi95().get(e.getKey());
            buffers.append(String.format(Locale.ROOT, "%n    P(breach) <= %-6s %14s  (95%% CI %s .. %s)",
                    pct(Double.parseDouble(e.getKey())), num(e.getValue()), num(ci[0]), num(ci[1])));
        }
        line(out, "extra cash for", buffers.toString());
        line(out, "terminal equity", levels(r.terminalEquityQuantiles(), "q"));
        LiquidationReport l = r.liquidation();
        if (l != null) {
            line(out, "liquidated", pct(l.liquidationProbability()) + " of paths, " + num(l.expectedLiquidations())
                    + " events per path");
            line(out, "liquidation loss", levels(l.liquidationLossQuantiles(), "q") + "  mean=" + num(l.meanLiquidationLoss()));
            line(out, "bad debt", pct(l.badDebtProbability()) + " of paths (95% CI " + pct(l.badDebtProbabilityCi95()[0])
                    + " .. " + pct(l.badDebtProbabilityCi95()[1]) + "), mean " + num(l.meanBadDebt()));
        }
        line(out, "time", String.format(Locale.ROOT, "%.3f s, %.3g path-steps/s", r.elapsedSeconds(),
                r.pathStepsPerSecond()));
        return out.toString();
    }

    private static String levels(Map<String, Double> values, String prefix) {
        StringBuilder out = new StringBuilder();
        values.forEach((k, v) -> out.append(prefix).append(k).append('=').append(num(v)).append("  "));
        return out.toString().trim();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format(Locale.ROOT, "%-22s %s%n", label, value));
    }

    static String num(double v) {
        if (v == 0 || (Math.abs(v) >= 0.01 && Math.abs(v) < 1e9)) {
            return String.format(Locale.ROOT, "%,.2f", v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    static String pct(double p) {
        return Double.isFinite(p) ? String.format(Locale.ROOT, "%.3f%%", 100 * p) : String.valueOf(p);
    }

    /** Values accepted on the command line. */
    public static String choices() {
        return Arrays.toString(values()).toLowerCase(Locale.ROOT);
    }
}
