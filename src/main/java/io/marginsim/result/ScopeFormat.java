package io.marginsim.result;

import java.util.Locale;
import java.util.Map;

/** The {@code scopes} section of a report in CSV rows and table lines, beside {@link ReportFormat}'s own. */
final class ScopeFormat {
    private ScopeFormat() {
    }

    /** {@code scopes.*} rows; each scope's keys carry its 1-based number, since names hold spaces. */
    static void csv(StringBuilder out, ScopeReport r) {
        ReportFormat.row(out, "scopes.mode", r.mode());
        ReportFormat.row(out, "scopes.tiedFirstShare", r.tiedFirstShare());
        if (r.note() != null) {
            ReportFormat.row(out, "scopes.note", quoted(r.note()));
        }
        for (int k = 0; k < r.scopes().size(); k++) {
            ScopeReport.Scope s = r.scopes().get(k);
            String key = "scopes." + (k + 1) + ".";
            ReportFormat.row(out, key + "name", quoted(s.name()));
            ReportFormat.row(out, key + "initialEquity", s.initialEquity());
            ReportFormat.row(out, key + "breachProbability", s.breachProbability());
            ReportFormat.row(out, key + "breachProbabilityCi95.low", s.breachProbabilityCi95()[0]);
            ReportFormat.row(out, key + "breachProbabilityCi95.high", s.breachProbabilityCi95()[1]);
            s.timeToBreachQuantilesDays().forEach((q, v) -> ReportFormat.row(out,
                    key + "timeToBreachQuantilesDays." + q, v));
            ReportFormat.row(out, key + "firstBreachShare", s.firstBreachShare());
            ReportFormat.row(out, key + "firstBreachShareCi95.low", s.firstBreachShareCi95()[0]);
            ReportFormat.row(out, key + "firstBreachShareCi95.high", s.firstBreachShareCi95()[1]);
            ReportFormat.row(out, key + "meanLoss", s.meanLoss());
            ReportFormat.row(out, key + "meanLossGivenBreach", s.meanLossGivenBreach());
            if (s.meanLiquidationLoss() != null) {
                ReportFormat.row(out, key + "meanLiquidationLoss", s.meanLiquidationLoss());
                ReportFormat.row(out, key + "badDebtProbability", s.badDebtProbability());
                ReportFormat.row(out, key + "meanBadDebt", s.meanBadDebt());
            }
        }
    }

    /** One line per scope under a heading; the note alone where the engine did not compute them. */
    static void table(StringBuilder out, ScopeReport r) {
        if (r.note() != null) {
            ReportFormat.line(out, "per scope", r.note());
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (ScopeReport.Scope s : r.scopes()) {
            lines.append(String.format(Locale.ROOT, "%n    %s: breach %s (95%% CI %s .. %s), first %s", s.name(),
                    ReportFormat.pct(s.breachProbability()), ReportFormat.pct(s.breachProbabilityCi95()[0]),
                    ReportFormat.pct(s.breachProbabilityCi95()[1]), ReportFormat.pct(s.firstBreachShare())));
            if (!s.timeToBreachQuantilesDays().isEmpty()) {
                lines.append(", days ").append(levels(s.timeToBreachQuantilesDays()));
            }
            lines.append(", mean loss ").append(ReportFormat.num(s.meanLoss()));
            if (Double.isFinite(s.meanLossGivenBreach())) {
                lines.append(" (").append(ReportFormat.num(s.meanLossGivenBreach())).append(" if breached)");
            }
            if (s.meanLiquidationLoss() != null) {
                lines.append(", liquidation loss ").append(ReportFormat.num(s.meanLiquidationLoss()))
                        .append(", bad debt ").append(ReportFormat.pct(s.badDebtProbability())).append(" of paths, mean ")
                        .append(ReportFormat.num(s.meanBadDebt()));
            }
        }
        if (r.scopes().size() > 1) {
            lines.append(String.format(Locale.ROOT, "%n    several first at the same step: %s",
                    ReportFormat.pct(r.tiedFirstShare())));
        }
        ReportFormat.line(out, "per scope (" + r.mode() + ")", lines.toString());
    }

    /** Only the median and the outer quantiles: a scope's line should stay one line. */
    private static String levels(Map<String, Double> values) {
        StringBuilder out = new StringBuilder();
        for (String q : new String[] {"0.1", "0.5", "0.9"}) {
            if (values.containsKey(q)) {
                out.append(out.isEmpty() ? "" : " ").append('q').append(q).append('=')
                        .append(ReportFormat.num(values.get(q)));
            }
        }
        return out.toString();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
