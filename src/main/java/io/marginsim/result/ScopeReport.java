package io.marginsim.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.marginsim.stats.RankedSample;
import io.marginsim.stats.ScopeStats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code scopes} section of a report: the risk of each margin scope on its own. In isolated mode every position
 * is a scope, with its own margin, breach and loss; in cross mode the one pool is the account, so its figures are the
 * account's. Field names are the JSON keys documented in README.
 *
 * @param mode           {@code isolated} or {@code cross}
 * @param scopes         one entry per scope, in the spec's order of positions; empty when {@code note} says why
 * @param tiedFirstShare share of paths on which two or more scopes breached first at the same step (counted for no
 *                       scope), so that the scopes' {@code firstBreachShare} plus this equal the account's breach
 *                       probability; zero in cross mode
 * @param note           why per-scope figures are missing, or null (and left out of JSON)
 */
public record ScopeReport(String mode, List<Scope> scopes, double tiedFirstShare,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

    /**
     * One scope's figures.
     *
     * @param name                      {@code position N (ASSET long|short)}, or {@code account} in cross mode
     * @param initialEquity             the scope's equity now (isolated: its margin plus PnL at today's price)
     * @param breachProbability         share of paths on which the scope breached
     * @param breachProbabilityCi95     Wilson 95% interval
     * @param timeToBreachQuantilesDays quantiles of the scope's first-breach time among its breached paths, in days,
     *                                  taken as the account-level ones are (empty when it never breached)
     * @param firstBreachShare          share of paths on which this scope breached strictly before every other
     * @param firstBreachShareCi95      Wilson 95% interval
     * @param meanLoss                  mean over all paths of the scope's loss at close: equity now less its equity
     *                                  when closed (at the breach, or at its fills with liquidation mechanics) or at
     *                                  the horizon when it never was
     * @param meanLossGivenBreach       the same over the paths where it breached; null where it never did, and in
     *                                  cross mode, whose account-level loss distribution is the report's
     * @param meanLiquidationLoss       mean fees + slippage + adverse move of its liquidations per path; only with a
     *                                  {@code liquidation} object
     * @param badDebtProbability        share of paths on which it closed with negative equity; with liquidation only
     * @param meanBadDebt               its mean bad debt per path; with liquidation only
     */
    public record Scope(String name, double initialEquity, double breachProbability, double[] breachProbabilityCi95,
                        Map<String, Double> timeToBreachQuantilesDays, double firstBreachShare,
                        double[] firstBreachShareCi95, double meanLoss, double meanLossGivenBreach,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Double meanLiquidationLoss,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Double badDebtProbability,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Double meanBadDebt) {
    }

    /**
     * Isolated mode: each position from {@code stats}, named by {@code names} (one per position); when some paths
     * were reduced by an engine that does not compute positions for this problem ({@code stats} is null), no scopes
     * and a note naming {@code engine}.
     */
    public static ScopeReport isolated(ScopeStats stats, String[] names, double stepDays, String engine) {
        if (stats == null) {
            return new ScopeReport("isolated", List.of(), 0, "per-position results are not computed by the "
                    + engine + " engine for this problem: run with --engine vector or scalar to get them");
        }
        if (names.length != stats.scopes()) {
            throw new IllegalArgumentException("names must give one per scope (" + stats.scopes() + ") but gave "
                    + names.length);
        }
        long n = stats.paths();
        List<Scope> scopes = new ArrayList<>();
        for (int s = 0; s < stats.scopes(); s++) {
            long breaches = stats.breaches(s);
            boolean liquidation = stats.tracksLiquidation();
            scopes.add(new Scope(names[s], stats.initialEquity(s), (double) breaches / n,
                    Intervals.wilson(breaches, n, Intervals.Z95),
                    ReportBuilder.timeQuantiles(stats.breachesAtStep(s), 1, breaches, stepDays),
                    (double) stats.firstAlone(s) / n, Intervals.wilson(stats.firstAlone(s), n, Intervals.Z95),
                    stats.meanLoss(s), stats.meanLossGivenBreach(s),
                    liquidation ? stats.meanLiquidationLoss(s) : null,
                    liquidation ? (double) stats.badDebtPaths(s) / n : null,
                    liquidation ? stats.meanBadDebt(s) : null));
        }
        return new ScopeReport("isolated", scopes, (double) stats.tiedFirst() / n, null);
    }

    /**
     * Cross mode: the one pool, whose figures are the account's in {@code report}; its mean loss at close is the
     * mean of initial less terminal equity over {@code terminalEquity}, read once in storage order.
     */
    public static ScopeReport cross(Report report, RankedSample terminalEquity) {
        double[] sum = {0};
        terminalEquity.forEachChunk(chunk -> {
            for (double v : chunk) {
                sum[0] += v;
            }
        });
        long n = report.paths();
        LiquidationReport l = report.liquidation();
        Scope pool = new Scope("account", report.initialEquity(), report.breachProbability(),
                report.breachProbabilityCi95(), report.timeToBreachQuantilesDays(), report.breachProbability(),
                report.breachProbabilityCi95(), report.initialEquity() - sum[0] / n, Double.NaN,
                l == null ? null : l.meanLiquidationLoss(), l == null ? null : l.badDebtProbability(),
                l == null ? null : l.meanBadDebt());
        return new ScopeReport("cross", List.of(pool), 0, null);
    }
}
