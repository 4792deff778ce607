package io.marginsim.result;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * What {@code simulate} answers. Field names are the JSON keys documented in README.
 *
 * @param engine                     engine that ran ({@code scalar}, {@code vector}, {@code opencl})
 * @param engineNote                 why a better engine was not used, or what hardware ran; never empty
 * @param monitoring                 {@code continuous} or {@code discrete}: whether margin was checked between steps
 * @param breachProbabilityCi95      Wilson 95% interval
 * @param timeToBreachQuantilesDays  quantiles of the first-breach time among breached paths, in days (empty
 *                                   when no path breached)
 * @param buffer                     by target probability: extra cash that brings breach probability to at most
 *                                   the target (isolated mode: extra margin on every position)
 * @param bufferCi95                 distribution-free 95% interval of each buffer
 * @param initialMarginRatio         maintenance requirement / equity now (isolated: the largest over positions);
 *                                   infinite when equity is not positive (in breach now): n/a in the table, null in
 *                                   JSON, empty in CSV
 * @param loss                       VaR, expected shortfall and tail fit of the loss, initial minus terminal equity
 * @param liquidation                liquidation, loss and bad-debt statistics; null (and left out of JSON) unless the
 *                                   spec has a {@code liquidation} object
 * @param discretisation             the half-step check of {@code --richardson}; null (and left out of JSON) without it
 * @param coin                       the same risk in coin for an account of inverse contracts; null (and left out of
 *                                   JSON) otherwise
 * @param scopes                     each margin scope's risk (isolated: each position; cross: the one pool); null
 *                                   (and left out of JSON) where the report was not made by {@code simulate}
 */
public record Report(String engine, String engineNote, long paths, int steps, double horizonDays, long seed,
                     String monitoring,
                     double initialEquity, double initialRequirement, double initialMarginRatio,
                     double breachProbability, double[] breachProbabilityCi95,
                     Map<String, Double> timeToBreachQuantilesDays, List<HistogramBin> timeToBreachHistogram,
                     Map<String, Double> buffer, Map<String, double[]> bufferCi95,
                     Map<String, Double> terminalEquityQuantiles, double elapsedSeconds, double pathStepsPerSecond,
                     LossReport loss,
                     @JsonInclude(JsonInclude.Include.NON_NULL) LiquidationReport liquidation,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Discretisation discretisation,
                     @JsonInclude(JsonInclude.Include.NON_NULL) CoinTerms coin,
                     @JsonInclude(JsonInclude.Include.NON_NULL) ScopeReport scopes) {

    /** This report with the half-step check of {@code --richardson}. */
    public Report withDiscretisation(Discretisation check) {
        return new Report(engine, engineNote, paths, steps, horizonDays, seed, monitoring, initialEquity,
                initialRequirement, initialMarginRatio, breachProbability, breachProbabilityCi95,
                timeToBreachQuantilesDays, timeToBreachHistogram, buffer, bufferCi95, terminalEquityQuantiles,
                elapsedSeconds, pathStepsPerSecond, loss, liquidation, check, coin, scopes);
    }

    /** This report with the account's risk in coin. */
    public Report withCoin(CoinTerms terms) {
        return new Report(engine, engineNote, paths, steps, horizonDays, seed, monitoring, initialEquity,
                initialRequirement, initialMarginRatio, breachProbability, breachProbabilityCi95,
                timeToBreachQuantilesDays, timeToBreachHistogram, buffer, bufferCi95, terminalEquityQuantiles,
                elapsedSeconds, pathStepsPerSecond, loss, liquidation, discretisation, terms, scopes);
    }

    /** This report with each margin scope's risk. */
    public Report withScopes(ScopeReport perScope) {
        return new Report(engine, engineNote, paths, steps, horizonDays, seed, monitoring, initialEquity,
                initialRequirement, initialMarginRatio, breachProbability, breachProbabilityCi95,
                timeToBreachQuantilesDays, timeToBreachHistogram, buffer, bufferCi95, terminalEquityQuantiles,
                elapsedSeconds, pathStepsPerSecond, loss, liquidation, discretisation, coin, perScope);
    }

    /** Paths whose first breach falls in {@code (fromDay, toDay]}. */
    public record HistogramBin(double fromDay, double toDay, long paths) {
    }
}
