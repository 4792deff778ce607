package io.marginsim.result;

import java.util.Map;

/**
 * The run's risk in coin, for accounts of inverse (coin-margined) contracts: the same paths valued in the coin
 * instead of in USD. Each path's equity is converted at that path's own price at the horizon, so a loss in coin is
 * what the holder of the coin lost, not a USD loss divided by today's price.
 *
 * @param asset                   the coin
 * @param initialEquity           equity now, in coin
 * @param breachProbability       the same event as in USD (equity and requirement are both divided by the price)
 * @param terminalEquityQuantiles equity at the horizon, in coin
 * @param lossVar                 VaR of the loss in coin (initial minus terminal equity, both in coin)
 * @param lossEs                  expected shortfall of the same loss
 */
public record CoinTerms(String asset, double initialEquity, double breachProbability, double[] breachProbabilityCi95,
                        Map<String, Double> terminalEquityQuantiles, Map<String, Double> lossVar,
                        Map<String, Double> lossEs) {

    /** The coin terms of a run of the account valued in {@code asset} ({@code coinRun} is that run's report). */
    public static CoinTerms of(String asset, Report coinRun) {
        return new CoinTerms(asset, coinRun.initialEquity(), coinRun.breachProbability(),
                coinRun.breachProbabilityCi95(), coinRun.terminalEquityQuantiles(), coinRun.loss().var(),
                coinRun.loss().es());
    }
}
