package io.marginsim.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders a baseline and its scenarios side by side: JSON {@code {"baseline": report, "scenarios": {name: report}}}
 * with every report complete, and a table or CSV of the key figures with one column per run.
 */
public final class ScenarioFormat {
    private static final String BASELINE = "baseline";
    /** The buffer target and VaR level of the comparison: the 1% and 99% every desk quotes. */
    private static final String TARGET = "0.01";
    private static final String LEVEL = "0.99";
    private static final String MEDIAN = "0.5";

    private ScenarioFormat() {
    }

    public static String render(ReportFormat format, Report baseline, Map<String, Report> scenarios) {
        List<String> names = new ArrayList<>(List.of(BASELINE));
        names.addAll(scenarios.keySet());
        List<Report> reports = new ArrayList<>(List.of(baseline));
        reports.addAll(scenarios.values());
        return switch (format) {
            case JSON -> {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put(BASELINE, baseline);
                doc.put("scenarios", scenarios);
                yield ReportFormat.json(doc);
            }
            case CSV -> csv(names, reports);
            case TABLE -> table(names, reports);
        };
    }

    /** One key figure: its CSV key, its table label, and how to read it (null where a run has none). */
    private record Figure(String key, String label, Function<Report, Double> value, boolean percent) {
    }

    private static List<Figure> figures(List<Report> reports) {
        List<Figure> out = new ArrayList<>(List.of(
                new Figure("initialEquity", "equity now", Report::initialEquity, false),
                new Figure("breachProbability", "breach probability", Report::breachProbability, true),
                new Figure("breachProbabilityCi95.low", "  95% CI low", r -> r.breachProbabilityCi95()[0], true),
                new Figure("breachProbabilityCi95.high", "  95% CI high", r -> r.breachProbabilityCi95()[1], true),
                new Figure("medianTimeToBreachDays", "median days to breach",
                        r -> r.timeToBreachQuantilesDays().get(MEDIAN), false),
                new Figure("buffer." + TARGET, "extra cash for 1%", r -> r.buffer().get(TARGET), false),
                new Figure("loss.var." + LEVEL, "VaR 99%", r -> r.loss().var().get(LEVEL), false)));
        // the liquidation section exists for every run or none: scenarios change the market, not the mechanics
        if (reports.stream().anyMatch(r -> r.liquidation() != null)) {
            out.add(new Figure("liquidation.liquidationProbability", "liquidation probability",
                    r -> r.liquidation() == null ? null : r.liquidation().liquidationProbability(), true));
        }
        out.addAll(scopeFigures(reports.getFirst()));
        return out;
    }

    /**
     * Each isolated position's breach probability and share of first breaches, named as in the baseline: scenarios
     * change the market, not the positions. None in cross mode (the pool's figures are the account's above).
     */
    private static List<Figure> scopeFigures(Report baseline) {
        List<Figure> out = new ArrayList<>();
        ScopeReport scopes = baseline.scopes();
        if (scopes == null || !scopes.mode().equals("isolated")) {
            return out;
        }
        for (int k = 0; k < scopes.scopes().size(); k++) {
            int at = k;
            String name = scopes.scopes().get(k).name();
            out.add(new Figure("scopes." + (k + 1) + ".breachProbability", name + " breach",
                    r -> scope(r, at) == null ? null : scope(r, at).breachProbability(), true));
            out.add(new Figure("scopes." + (k + 1) + ".firstBreachShare", "  breaches first",
                    r -> scope(r, at) == null ? null : scope(r, at).firstBreachShare(), true));
        }
        return out;
    }

    /** Scope {@code k} of {@code r}, or null where the engine did not compute scopes. */
    private static ScopeReport.Scope scope(Report r, int k) {
        return r.scopes() == null || r.scopes().scopes().size() <= k ? null : r.scopes().scopes().get(k);
    }

    private static String csv(List<String> names, List<Report> reports) {
        StringBuilder out = new StringBuilder("key");
        names.forEach(n -> out.append(',').append(csvText(n)));
        out.append('\n');
        for (Figure f : figures(reports)) {
            out.append(f.key());
            for (Report r : reports) {
                Double v = f.value().apply(r);
                out.append(',').append(ReportFormat.csvCell(v));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** A name with a comma, quote or line break is quoted, RFC 4180 style. */
    private static String csvText(String s) {
        return s.matches("[^,\"\r\n]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    private static String table(List<String> names, List<Report> reports) {
        Report base = reports.getFirst();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "engine %s  (%s)%n", base.engine(), base.engineNote()));
        out.append(String.format(Locale.ROOT, "%d paths x %d steps over %s days, seed %d, the same draws in every column%n%n",
                base.paths(), base.steps(), ReportFormat.num(base.horizonDays()), base.seed()));
        List<Figure> figures = figures(reports);
        List<List<String>> cells = new ArrayList<>();
        int labelWidth = 0;
        for (Figure f : figures) {
            labelWidth = Math.max(labelWidth, f.label().length());
            List<String> row = new ArrayList<>();
            for (Report r : reports) {
                Double v = f.value().apply(r);
                row.add(v == null ? "none" : f.percent() ? ReportFormat.pct(v) : ReportFormat.num(v));
            }
            cells.add(row);
        }
        int[] width = new int[names.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = names.get(c).length();
            for (List<String> row : cells) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        out.append(" ".repeat(labelWidth));
        for (int c = 0; c < width.length; c++) {
            out.append("  ").append(pad(names.get(c), width[c]));
        }
        out.append(System.lineSeparator());
        for (int i = 0; i < figures.size(); i++) {
            out.append(String.format(Locale.ROOT, "%-" + labelWidth + "s", figures.get(i).label()));
            for (int c = 0; c < width.length; c++) {
                out.append("  ").append(pad(cells.get(i).get(c), width[c]));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }

    /** Right-aligned, so digits line up. */
    private static String pad(String s, int width) {
        return " ".repeat(width - s.length()) + s;
    }
}
