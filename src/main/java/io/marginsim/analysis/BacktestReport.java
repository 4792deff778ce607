package io.marginsim.analysis;

import io.marginsim.result.ReportFormat;
import io.marginsim.result.plot.BacktestChart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A backtest as JSON (the scores), CSV (one row per window) or a table for people. Numbers that do not exist (a
 * z-score when every prediction is 0) are JSON null and empty CSV fields, never NaN.
 */
public final class BacktestReport {
    private BacktestReport() {
    }

    public static String render(ReportFormat format, Backtest.Result result, String source) {
        return switch (format) {
            case JSON -> ReportFormat.json(json(result, source));
            case CSV -> csv(result);
            case TABLE -> table(result, source);
        };
    }

    /** The JSON object: settings, then the scores on closes, then those on lows and highs (null without them). */
    public static Map<String, Object> json(Backtest.Result r, String source) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("source", source);
        out.put("model", r.settings().model().label());
        out.put("drift", r.settings().fittedDrift() ? "fitted" : "zero");
        out.put("windowDays", r.settings().windowDays());
        out.put("everyDays", r.settings().everyDays());
        out.put("horizonDays", r.horizonDays());
        out.put("paths", r.paths());
        out.put("seed", r.seed());
        out.put("engine", r.engine());
        out.put("firstStart", r.windows().getFirst().date());
        out.put("lastStart", r.windows().getLast().date());
        out.put("windows", r.windows().size());
        out.put("modelsUsed", r.modelsUsed());
        out.put("gbmFallbacks", r.gbmFallbacks());
        out.put("overlapFactor", r.overlap());
        out.put("independentWindows", r.independentWindows());
        out.put("meanPredictedBreachProbability", BacktestScores.mean(r.predicted()));
        BacktestScores closes = r.onCloses();
        BacktestScores range = r.onRange();
        out.put("realisedBreachFrequency", closes.realisedFrequency());
        out.put("realisedBreachFrequencyLowHigh", range == null ? null : range.realisedFrequency());
        out.putAll(scores(closes));
        out.put("lowHigh", range == null ? null : scores(range));
        return out;
    }

    private static Map<String, Object> scores(BacktestScores s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("brierScore", s.brierScore());
        out.put("climatologyBrierScore", s.climatologyBrierScore());
        out.put("kupiecStatistic", finite(s.kupiecStatistic()));
        out.put("kupiecPValue", s.kupiecPValue());
        out.put("overlapCorrectedZScore", finite(s.zScore()));
        out.put("overlapCorrectedPValue", finite(s.zPValue()));
        List<Map<String, Object>> buckets = new ArrayList<>();
        for (BacktestScores.Bucket b : s.reliability()) {
            Map<String, Object> bucket = new LinkedHashMap<>();
            bucket.put("from", b.from());
            bucket.put("to", b.to());
            bucket.put("windows", b.windows());
            bucket.put("meanPredicted", b.meanPredicted());
            bucket.put("realised", b.realised());
            bucket.put("realisedCi95", b.realisedCi95());
            buckets.add(bucket);
        }
        out.put("reliability", buckets);
        return out;
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    /**
     * The reliability diagram and the predictions over time, on closes, as one PNG; the running means cover about
     * a year of start dates.
     */
    public static void plot(Backtest.Result r, String source, Path file) throws IOException {
        BacktestScores closes = r.onCloses();
        List<BacktestChart.Bucket> buckets = closes.reliability().stream().map(b -> new BacktestChart.Bucket(
                b.meanPredicted(), b.realised(), b.realisedCi95()[0], b.realisedCi95()[1], b.windows())).toList();
        List<BacktestChart.Window> windows = r.windows().stream()
                .map(w -> new BacktestChart.Window(w.start(), w.predicted(), w.breachedOnClose())).toList();
        String title = String.format(Locale.ROOT, "%s, %s: %d windows, Brier %.4f (always predicting the realised "
                + "frequency: %.4f)", source, r.settings().model().label(), r.windows().size(), closes.brierScore(),
                closes.climatologyBrierScore());
        BacktestChart.write(title, buckets, windows, Math.max(1, 365 / r.settings().everyDays()), file);
    }

    static String csv(Backtest.Result r) {
        StringBuilder out = new StringBuilder(
                "start,close,model,volatility,predictedBreachProbability,breachedOnClose,breachedOnLowHigh\n");
        for (Backtest.Window w : r.windows()) {
            out.append(w.date()).append(',').append(w.close()).append(',').append(w.model()).append(',')
                    .append(w.volatility()).append(',')
                    .append(w.predicted()).append(',').append(w.breachedOnClose() ? 1 : 0).append(',')
                    .append(r.hasRange() ? (w.breachedOnRange() ? "1" : "0") : "").append('\n');
        }
        return out.toString();
    }

    static String table(Backtest.Result r, String source) {
        BacktestScores closes = r.onCloses();
        BacktestScores range = r.onRange();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "backtest of %s: %d windows from %s to %s (%.1f independent), %s, %s drift%n",
                source, r.windows().size(), r.windows().getFirst().date(), r.windows().getLast().date(),
                r.independentWindows(), r.settings().model().label(), r.settings().fittedDrift() ? "fitted" : "zero"));
        out.append(String.format(Locale.ROOT, "fitted on %d days, a start every %d days, %d-day horizon, %d paths per "
                + "window, seed %d, engine %s%n", r.settings().windowDays(), r.settings().everyDays(), r.horizonDays(),
                r.paths(), r.seed(), r.engine()));
        out.append(modelsLine(r)).append(String.format(Locale.ROOT, "%n%n"));
        out.append(String.format(Locale.ROOT, "%-38s %12s %12s%n", "", "closes", "lows/highs"));
        double mean = BacktestScores.mean(r.predicted());
        row(out, "mean predicted breach probability", closes, range, s -> mean);
        row(out, "realised breach frequency", closes, range, BacktestScores::realisedFrequency);
        row(out, "Brier score", closes, range, BacktestScores::brierScore);
        row(out, "Brier score of the realised frequency", closes, range, BacktestScores::climatologyBrierScore);
        row(out, "Kupiec p-value (windows independent)", closes, range, BacktestScores::kupiecPValue);
        row(out, "z, overlap-corrected", closes, range, BacktestScores::zScore);
        row(out, "p-value of z", closes, range, BacktestScores::zPValue);
        out.append(String.format(Locale.ROOT, "%nreliability on closes%n%-12s %8s %15s %9s %17s%n", "predicted",
                "windows", "mean predicted", "realised", "95% interval"));
        for (BacktestScores.Bucket b : closes.reliability()) {
            out.append(String.format(Locale.ROOT, "%.1f - %.1f    %8d %15.3f %9.3f    %.3f - %.3f%n", b.from(), b.to(),
                    b.windows(), b.meanPredicted(), b.realised(), b.realisedCi95()[0], b.realisedCi95()[1]));
        }
        return out.toString();
    }

    /** Which models the windows simulated, and how many fell back to gbm from a fit on a boundary. */
    static String modelsLine(Backtest.Result r) {
        StringBuilder line = new StringBuilder("models simulated:");
        r.modelsUsed().forEach((m, n) -> {
            if (n > 0) {
                line.append(' ').append(m).append(' ').append(n);
            }
        });
        if (r.gbmFallbacks() > 0) {
            line.append(String.format(Locale.ROOT, " (%d windows fell back to gbm: the %s fit was on a boundary)",
                    r.gbmFallbacks(), r.settings().model().label()));
        }
        return line.toString();
    }

    /** One line of the table: the figure on closes and, when the file has them, on lows and highs. */
    private static void row(StringBuilder out, String label, BacktestScores closes, BacktestScores range,
                            ToDoubleFunction<BacktestScores> figure) {
        out.append(String.format(Locale.ROOT, "%-38s %12s %12s%n", label, number(figure.applyAsDouble(closes)),
                range == null ? "-" : number(figure.applyAsDouble(range))));
    }

    private static String number(double x) {
        if (!Double.isFinite(x)) {
            return "-";
        }
        // p-values far below 0.001 still differ in meaning (1e-3 and 1e-13), so they keep their exponent
        return String.format(Locale.ROOT, x == 0 || Math.abs(x) >= 1e-3 ? "%.4f" : "%.1e", x);
    }
}
