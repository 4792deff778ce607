package io.marginsim.engine.vector;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.engine.contract.Problems;

/**
 * Leveraged two-asset accounts with carrying costs and liquidation mechanics, written as spec JSON: 16 days of 8
 * steps (128 steps of 3 hours, 10,800 s), so that most paths breach and many are liquidated more than once.
 *
 * <p>Asset A (100, volatility 0.8, a little drift) and B (40, volatility 1.1), correlation 0.3. The long on A is
 * under three brackets on mark notional (floors 0, 500, 900 at 1%, 3%, 5%), so a tier cut takes it down a
 * bracket at a time; the short on B is under a flat 5%. Both positions pay funding, of opposite signs.
 */
final class FrictionProblems {
    /** Latency of 1.5 steps: fills interpolate halfway between two steps. */
    static final String LATENCY_AND_A_HALF = "\"latencySeconds\": 16200";
    static final String LINEAR_IMPACT =
            "\"slippage\": {\"model\": \"linear\", \"depth\": {\"A\": 40000, \"B\": 20000}}";
    static final String SQRT_IMPACT =
            "\"slippage\": {\"model\": \"sqrt\", \"depth\": [2000000, 800000], \"volatilityThinning\": 0.5}";
    static final String BY_FRACTION =
            "\"partial\": {\"mode\": \"fraction\", \"fraction\": 0.5, \"aboveNotional\": 250}";
    static final String BY_TIER = "\"partial\": {\"mode\": \"tier\"}";

    private static final String TIERED = """
            {"type": "tiered", "tiers": [{"floor": 0, "rate": 0.01}, {"floor": 500, "rate": 0.03},
                                         {"floor": 900, "rate": 0.05}]}""";
    private static final String FLAT = "{\"type\": \"flat\", \"rate\": 0.05}";

    private FrictionProblems() {
    }

    /**
     * Cross margin: cash, collateral B at a 20% haircut, a debt of B paying 8% a year, the long on A and the short
     * on B; {@code liquidation} is the body of the {@code liquidation} object ({@code ""} for its defaults), or null
     * for carrying costs alone.
     */
    static CompiledProblem cross(String liquidation, long seed) {
        return compile("""
                "cash": 150, "collateral": [{"asset": "B", "amount": 5, "haircut": 0.2}],
                "debts": [{"asset": "B", "amount": 2, "borrowRate": 0.08}],
                "positions": [
                  {"asset": "A", "size": 10, "entryPrice": 100, "rules": %s,
                   "funding": {"fundingRatePerInterval": 0.0003, "fundingIntervalHours": 8}},
                  {"asset": "B", "size": -15, "entryPrice": 40, "rules": %s,
                   "funding": {"fundingRatePerInterval": -0.0002, "fundingIntervalHours": 8}}]"""
                .formatted(TIERED, FLAT), liquidation, seed);
    }

    /** Isolated margin: the long on A on a margin of 110, the short on B on 90, cash and collateral outside. */
    static CompiledProblem isolated(String liquidation, long seed) {
        return compile("""
                "mode": "isolated", "cash": 50, "collateral": [{"asset": "B", "amount": 1}],
                "positions": [
                  {"asset": "A", "size": 10, "entryPrice": 100, "margin": 110, "rules": %s,
                   "funding": {"fundingRatePerInterval": 0.0003, "fundingIntervalHours": 8}},
                  {"asset": "B", "size": -15, "entryPrice": 40, "margin": 90, "rules": %s}]"""
                .formatted(TIERED, FLAT), liquidation, seed);
    }

    /**
     * Isolated margin with premium-linked funding on the long on A (flat 4%), the short on B under a flat 5%, and a
     * debt of B paying borrow interest out of the cash; {@code liquidation} as in {@link #cross}.
     */
    static CompiledProblem isolatedPremium(String liquidation, long seed) {
        return compile("""
                "mode": "isolated", "cash": 50, "debts": [{"asset": "B", "amount": 2, "borrowRate": 0.08}],
                "positions": [
                  {"asset": "A", "size": 10, "entryPrice": 100, "margin": 110,
                   "rules": {"type": "flat", "rate": 0.04},
                   "funding": {"fundingRatePerInterval": 0.0003, "fundingIntervalHours": 8,
                               "premium": {"basisSensitivity": 0.4, "clampBand": 0.0005, "rateCap": 0.003}}},
                  {"asset": "B", "size": -15, "entryPrice": 40, "margin": 90,
                   "rules": {"type": "flat", "rate": 0.05}}]""", liquidation, seed);
    }

    /**
     * A long on Y backed by collateral in X, whose volatility-scaled haircut follows X's GARCH variance;
     * {@code positionKeys} are extra keys of the position (e.g. {@code funding}), {@code liquidation} the body of
     * the {@code liquidation} object, or {@code ""} for none.
     */
    static CompiledProblem garchHaircut(String positionKeys, String liquidation, long seed) {
        return Problems.compile("""
                {"assets": [{"name": "X", "price": 50, "volatility": 0.9,
                             "garch": {"alpha": 0.15, "beta": 0.8, "initialVolatility": 1.4}},
                            {"name": "Y", "price": 100, "volatility": 0.6}],
                 "correlation": [[1, 0.5], [0.5, 1]],
                 "account": {"cash": 20,
                             "collateral": [{"asset": "X", "amount": 3,
                                             "haircutModel": {"k": 3, "cap": 0.6, "liquidationHorizonDays": 2}}],
                             "positions": [{"asset": "Y", "size": 10, "entryPrice": 100,
                                            "rules": {"type": "flat", "rate": 0.05}%s}]},
                 "monitoring": "discrete", "horizonDays": 16, "stepsPerDay": 8, "seed": %d, "engine": "vector"%s}"""
                .formatted(positionKeys.isEmpty() ? "" : ", " + positionKeys, seed,
                        liquidation.isEmpty() ? "" : ", \"liquidation\": {" + liquidation + "}"));
    }

    /** The body of a {@code liquidation} object from its members, e.g. {@code mechanics(LATENCY, BY_TIER)}. */
    static String mechanics(String... members) {
        return String.join(", ", members);
    }

    /**
     * Assets A and B as in the class comment with the body of the {@code account} object {@code account} and
     * {@code liquidation} as in {@link #cross}.
     */
    static CompiledProblem compile(String account, String liquidation, long seed) {
        return Problems.compile("""
                {"assets": [{"name": "A", "price": 100, "volatility": 0.8, "drift": 0.05},
                            {"name": "B", "price": 40, "volatility": 1.1}],
                 "correlation": [[1, 0.3], [0.3, 1]],
                 "account": {%s},
                 "monitoring": "discrete", "horizonDays": 16, "stepsPerDay": 8, "seed": %d, "engine": "vector"%s}"""
                .formatted(account, seed, liquidation == null ? "" : ", \"liquidation\": {" + liquidation + "}"));
    }
}
