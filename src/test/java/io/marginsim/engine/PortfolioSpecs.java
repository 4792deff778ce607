package io.marginsim.engine;

import io.marginsim.spec.Monitoring;
import io.marginsim.spec.Spec;

import java.util.Locale;

/**
 * Portfolio-margined accounts for tests: BTC at 60,000 and ETH at 3,000, a long of 1 BTC and a short of 10 ETH
 * (both entered at today's prices) on 15,000 USD of cash, under a grid of four scenarios with a 500 USD minimum:
 * <pre>
 *   scenario        BTC    ETH    loss = -sum q P m at today's prices
 *   both down      -10%   -10%    6,000 - 3,000  =   3,000
 *   both up        +10%   +10%   -6,000 + 3,000  =  -3,000
 *   spread wide    -10%   +15%    6,000 + 4,500  =  10,500   (the requirement)
 *   spread narrow  +10%   -15%   -6,000 - 4,500  = -10,500
 * </pre>
 * Liquidation prices by hand, the other asset held: BTC, where the spread-wide line {@code 0.1 P + 4,500} is the
 * requirement at every positive price, {@code P - 45,000 = 0.1 P + 4,500}, P = 55,000; ETH, with requirement
 * {@code 6,000 + 1.5 Q}, {@code 45,000 - 10 Q = 6,000 + 1.5 Q}, Q = 39,000 / 11.5 = 3,391.30.
 */
public final class PortfolioSpecs {
    public static final double REQUIREMENT_NOW = 10_500;
    public static final double BTC_LIQUIDATION = 55_000;
    public static final double ETH_LIQUIDATION = 39_000 / 11.5;

    public static final String GRID = """
            {"scenarios": [
               {"name": "both down", "moves": {"BTC": -0.10, "ETH": -0.10}},
               {"name": "both up", "moves": {"BTC": 0.10, "ETH": 0.10}, "volatility": 0.25},
               {"name": "spread wide", "moves": {"BTC": -0.10, "ETH": 0.15}},
               {"name": "spread narrow", "moves": {"BTC": 0.10, "ETH": -0.15}}],
             "minimum": 500}""";

    private static final String TWO_ASSETS = """
            {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.6},
                        {"name": "ETH", "price": 3000, "volatility": 0.8}],
             "correlation": [[1, 0.7], [0.7, 1]],
             "account": {"mode": "cross", "cash": %s,
               "positions": [{"asset": "BTC", "size": 1, "entryPrice": 60000},
                             {"asset": "ETH", "size": -10, "entryPrice": 3000}],
               "portfolioMargin": %s}%s,
             "horizonDays": %d, "stepsPerDay": 24, "paths": %d, "seed": 23, "monitoring": "%s"}""";

    private PortfolioSpecs() {
    }

    /** The two-asset account of the class comment on {@code cash}. */
    public static Spec twoAssets(double cash, int days, int paths, Monitoring monitoring) {
        return Specs.parse(String.format(Locale.ROOT, TWO_ASSETS, cash, GRID, "", days, paths, monitoring.key()));
    }

    /** {@link #twoAssets} with a liquidation object (its JSON, without the key). */
    public static Spec twoAssetsLiquidated(double cash, String liquidation, int days, int paths,
                                           Monitoring monitoring) {
        return Specs.parse(String.format(Locale.ROOT, TWO_ASSETS, cash, GRID, ",\n \"liquidation\": " + liquidation, days,
                paths, monitoring.key()));
    }

    /**
     * One BTC long at 60,000 on {@code cash} under a one-scenario grid (BTC down 10%) with a 5,000 USD minimum: the
     * requirement is {@code max(5,000, 0.1 P)}, with its kink at 50,000.
     */
    public static Spec oneAsset(double cash, int days, int paths, Monitoring monitoring) {
        return Specs.parse(String.format(Locale.ROOT, """
                {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.6}],
                 "account": {"mode": "cross", "cash": %s,
                   "positions": [{"asset": "BTC", "size": 1, "entryPrice": 60000}],
                   "portfolioMargin": {"scenarios": [{"moves": {"BTC": -0.1}}], "minimum": 5000}},
                 "horizonDays": %d, "stepsPerDay": 24, "paths": %d, "seed": 29, "monitoring": "%s"}""",
                cash, days, paths, monitoring.key()));
    }
}
