package io.marginsim.engine;

import io.marginsim.spec.Monitoring;
import io.marginsim.spec.Spec;

import java.util.Locale;

/**
 * Inverse-contract accounts and their linear twins for engine tests: BTC at 60,000 USD, 60,000 USD of notional and
 * 6,000 USD of equity (10x), a 0.5% maintenance rate on the position value (in coin for the inverse contract, in USD
 * for the linear one). The inverse long's liquidation price is 60,300 / 1.1 = 54,818.18; the linear long's
 * 54,000 / 0.995 = 54,271.36.
 */
public final class InverseSpecs {
    public static final double PRICE = 60_000;
    public static final double INVERSE_LIQUIDATION = 60_300 / 1.1;
    public static final double LINEAR_LIQUIDATION = 54_000 / 0.995;

    private InverseSpecs() {
    }

    private static final String MARKET = """
            {"assets": [{"name": "BTC", "price": 60000, "volatility": %s, "drift": 0}],
             "account": %s,
             "horizonDays": %d, "stepsPerDay": 24, "paths": %d, "seed": 17, "monitoring": "%s"}""";

    /** Cross: 0.1 BTC of collateral and 60,000 contracts of 1 USD long at 60,000. */
    public static Spec inverseLong(double vol, int days, int paths, Monitoring monitoring) {
        return Specs.parse(String.format(Locale.ROOT, MARKET, vol, """
                {"mode": "cross", "collateral": [{"asset": "BTC", "amount": 0.1}],
                 "positions": [{"asset": "BTC", "contract": "inverse", "faceValue": 1, "size": 60000,
                                "entryPrice": 60000, "rules": {"type": "flat", "rate": 0.005}}]}""",
                days, paths, monitoring.key()));
    }

    /** Cross: 6,000 USD of cash and 1 BTC long at 60,000. */
    public static Spec linearLong(double vol, int days, int paths, Monitoring monitoring) {
        return Specs.parse(String.format(Locale.ROOT, MARKET, vol, """
                {"mode": "cross", "cash": 6000,
                 "positions": [{"asset": "BTC", "size": 1, "entryPrice": 60000,
                                "rules": {"type": "flat", "rate": 0.005}}]}""",
                days, paths, monitoring.key()));
    }

    /**
     * Isolated: a short of 60,000 contracts with 0.1 BTC of margin beside a long of 30,000 contracts at 58,000 with
     * 0.05 BTC, the long's rate on the value at entry (Bybit) and the short's on the value at mark.
     */
    public static Spec inverseIsolated(double vol, int days, int paths, Monitoring monitoring) {
        return Specs.parse(String.format(Locale.ROOT, MARKET, vol, """
                {"mode": "isolated",
                 "positions": [{"asset": "BTC", "contract": "inverse", "faceValue": 1, "size": -60000,
                                "entryPrice": 60000, "margin": 0.1, "rules": {"type": "flat", "rate": 0.005}},
                               {"asset": "BTC", "contract": "inverse", "faceValue": 1, "size": 30000,
                                "entryPrice": 58000, "margin": 0.05,
                                "rules": {"type": "flat", "rate": 0.005, "basis": "entry"}}]}""",
                days, paths, monitoring.key()));
    }
}
