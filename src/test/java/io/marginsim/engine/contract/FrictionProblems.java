package io.marginsim.engine.contract;

import io.marginsim.engine.Specs;
import io.marginsim.liquidation.FrozenProblems;
import io.marginsim.liquidation.OnePath;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.testing.SpecEdits;

import java.util.Locale;
import java.util.regex.Matcher;

/**
 * Accounts with carrying costs and liquidation mechanics, written as specs so that the mechanics are compiled as
 * users get them, in two families.
 *
 * <p>The lanes accounts ({@code lanes*}, {@link #garchHaircut}): leveraged two-asset accounts over 16 days of 8
 * steps (128 steps of 3 hours, 10,800 s), so that most paths breach and many are liquidated more than once. Asset A
 * (100, volatility 0.8, a little drift) and B (40, volatility 1.1), correlation 0.3. The long on A is under three
 * brackets on mark notional (floors 0, 500, 900 at 1%, 3%, 5%), so a tier cut takes it down a bracket at a time; the
 * short on B is under a flat 5%. Both positions pay funding, of opposite signs.
 *
 * <p>The frozen accounts ({@code frozen*} and the {@code cross*} variants): the two accounts of {@link FrozenProblems}
 * (a cross account with collateral, a debt, a tiered preset long and a flat short; an isolated long and short), with
 * carrying costs and liquidation objects added. One step is an hour, so latency in seconds / 3600 is in steps.
 */
public final class FrictionProblems {
    /** Latency of 1.5 steps: fills interpolate halfway between two steps. */
    public static final String LATENCY_AND_A_HALF = "\"latencySeconds\": 16200";
    public static final String LINEAR_IMPACT =
            "\"slippage\": {\"model\": \"linear\", \"depth\": {\"A\": 40000, \"B\": 20000}}";
    public static final String SQRT_IMPACT =
            "\"slippage\": {\"model\": \"sqrt\", \"depth\": [2000000, 800000], \"volatilityThinning\": 0.5}";
    public static final String BY_FRACTION =
            "\"partial\": {\"mode\": \"fraction\", \"fraction\": 0.5, \"aboveNotional\": 250}";
    public static final String BY_TIER = "\"partial\": {\"mode\": \"tier\"}";

    /** A fee of 0.5% of the notional closed. */
    public static final String FEE = "\"feeRate\": 0.005";

    /**
     * The frozen accounts' liquidation objects: 1.5 steps of latency, linear impact of 3% on the BTC long's notional
     * and a 0.5% fee.
     */
    public static final String LATENCY_LINEAR_FEE = """
            {"latencySeconds": 5400, "feeRate": 0.005,
             "slippage": {"model": "linear", "depth": [3000000, 400000], "coefficient": 1}}""";
    /** Binance-style tier reduction of the BTC long with square-root impact. */
    public static final String TIER_SQRT = """
            {"partial": {"mode": "tier"}, "feeRate": 0.002,
             "slippage": {"model": "sqrt", "depth": [20000000, 2000000], "coefficient": 0.5}}""";
    public static final String STEEP_TIER = """
            {"partial": {"mode": "tier"}, "feeRate": 0.001}""";
    /** Hyperliquid-style: 30% closed per event above 20,000 of notional, half a step of latency. */
    public static final String FRACTION = """
            {"latencySeconds": 1800, "partial": {"mode": "fraction", "fraction": 0.3, "aboveNotional": 20000}}""";
    /** No latency: the fill is at the crossing, and a partial one leaves the rest of the step to check again. */
    public static final String AT_ONCE_FRACTION = """
            {"feeRate": 0.002, "partial": {"mode": "fraction", "fraction": 0.3, "aboveNotional": 20000}}""";
    /** Six steps of latency on a volatile market: fills past the bankruptcy price. */
    public static final String SLOW = """
            {"latencySeconds": 21600, "feeRate": 0.01}""";
    public static final String ISOLATED_FRACTION = """
            {"latencySeconds": 9000, "feeRate": 0.01,
             "slippage": {"model": "linear", "depth": [2000000, 500000], "coefficient": 1},
             "partial": {"mode": "fraction", "fraction": 0.5, "aboveNotional": 10000}}""";
    public static final String ISOLATED_TIER = """
            {"latencySeconds": 2700, "partial": {"mode": "tier"},
             "slippage": {"model": "sqrt", "depth": [5000000, 1000000], "coefficient": 0.5}}""";
    /** Partial closes above 300 of notional, so the account lives on with its collateral after an event. */
    public static final String HAIRCUT_PARTIAL = """
            {"latencySeconds": 1800, "feeRate": 0.01, "feeCappedAtRemainingMargin": true,
             "partial": {"mode": "fraction", "fraction": 0.5, "aboveNotional": 300}}""";

    /**
     * The account of examples/btc-liquidation.json over four days and on less cash: 30 seconds of latency and
     * Binance's tier partial liquidation, which at the barrier reduces the position again in each segment of the step.
     */
    private static final String BTC_TIERS = """
            {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.6}],
             "account": {"cash": 4000, "positions": [{"asset": "BTC", "size": 1.0, "entryPrice": 60000,
                         "venue": "binance-usdm", "symbol": "BTCUSDT",
                         "funding": {"fundingRatePerInterval": 0.0001, "fundingIntervalHours": 8}}]},
             "liquidation": {"latencySeconds": 30,
                             "slippage": {"model": "linear", "depth": {"BTC": 50000000}, "volatilityThinning": 0.5}},
             "horizonDays": 4, "stepsPerDay": 24, "seed": 102, "engine": "scalar"}""";

    private static final String LANES_TIERED = """
            {"type": "tiered", "tiers": [{"floor": 0, "rate": 0.01}, {"floor": 500, "rate": 0.03},
                                         {"floor": 900, "rate": 0.05}]}""";
    private static final String LANES_FLAT = "{\"type\": \"flat\", \"rate\": 0.05}";

    /** Paid by longs every step: high enough to move equity visibly over the 96 steps. */
    private static final String FUNDING = ", \"funding\": {\"fundingRatePerInterval\": 0.0005, \"fundingIntervalHours\": 8}";
    /**
     * Premium-linked funding over an 8-hour interval (8 steps): the rate clamps at 0.75% per interval once the trailing
     * log return passes 2.5%, about one standard deviation of BTC's 8-hour move at 90% volatility.
     */
    public static final String PREMIUM_FUNDING = ", \"funding\": {\"fundingRatePerInterval\": 0.0001, \"fundingIntervalHours\": 8, "
            + "\"premium\": {\"basisSensitivity\": 0.3, \"clampBand\": 0.0005, \"rateCap\": 0.0075}}";
    /** Three standard deviations of a two-day move, capped at 60%. */
    public static final String MOVING_HAIRCUT = "\"haircutModel\": {\"k\": 3, \"cap\": 0.6, \"liquidationHorizonDays\": 2}";
    /** Steep brackets, so that reducing a position to the floor of its bracket restores its margin for a while. */
    private static final String STEEP_TIERS = """
            {"type": "tiered", "tiers": [{"floor": 0, "rate": 0.01}, {"floor": 5000, "rate": 0.02},
                                         {"floor": 10000, "rate": 0.05}]}""";

    private FrictionProblems() {
    }

    /**
     * Cross margin: cash, collateral B at a 20% haircut, a debt of B paying 8% a year, the long on A and the short
     * on B; {@code liquidation} is the body of the {@code liquidation} object ({@code ""} for its defaults), or null
     * for carrying costs alone.
     */
    public static CompiledProblem lanesCross(String liquidation, long seed) {
        return lanesAccount(String.format(Locale.ROOT, """
                "cash": 150, "collateral": [{"asset": "B", "amount": 5, "haircut": 0.2}],
                "debts": [{"asset": "B", "amount": 2, "borrowRate": 0.08}],
                "positions": [
                  {"asset": "A", "size": 10, "entryPrice": 100, "rules": %s,
                   "funding": {"fundingRatePerInterval": 0.0003, "fundingIntervalHours": 8}},
                  {"asset": "B", "size": -15, "entryPrice": 40, "rules": %s,
                   "funding": {"fundingRatePerInterval": -0.0002, "fundingIntervalHours": 8}}]""", LANES_TIERED, LANES_FLAT), liquidation, seed);
    }

    /** Isolated margin: the long on A on a margin of 110, the short on B on 90, cash and collateral outside. */
    public static CompiledProblem lanesIsolated(String liquidation, long seed) {
        return lanesAccount(String.format(Locale.ROOT, """
                "mode": "isolated", "cash": 50, "collateral": [{"asset": "B", "amount": 1}],
                "positions": [
                  {"asset": "A", "size": 10, "entryPrice": 100, "margin": 110, "rules": %s,
                   "funding": {"fundingRatePerInterval": 0.0003, "fundingIntervalHours": 8}},
                  {"asset": "B", "size": -15, "entryPrice": 40, "margin": 90, "rules": %s}]""", LANES_TIERED, LANES_FLAT), liquidation, seed);
    }

    /**
     * Isolated margin with premium-linked funding on the long on A (flat 4%), the short on B under a flat 5%, and a
     * debt of B paying borrow interest out of the cash; {@code liquidation} as in {@link #lanesCross}.
     */
    public static CompiledProblem lanesIsolatedPremium(String liquidation, long seed) {
        return lanesAccount("""
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
    public static CompiledProblem garchHaircut(String positionKeys, String liquidation, long seed) {
        return Problems.compile(String.format(Locale.ROOT, """
                {"assets": [{"name": "X", "price": 50, "volatility": 0.9,
                             "garch": {"alpha": 0.15, "beta": 0.8, "initialVolatility": 1.4}},
                            {"name": "Y", "price": 100, "volatility": 0.6}],
                 "correlation": [[1, 0.5], [0.5, 1]],
                 "account": {"cash": 20,
                             "collateral": [{"asset": "X", "amount": 3,
                                             "haircutModel": {"k": 3, "cap": 0.6, "liquidationHorizonDays": 2}}],
                             "positions": [{"asset": "Y", "size": 10, "entryPrice": 100,
                                            "rules": {"type": "flat", "rate": 0.05}%s}]},
                 "monitoring": "discrete", "horizonDays": 16, "stepsPerDay": 8, "seed": %d, "engine": "vector"%s}""", positionKeys.isEmpty() ? "" : ", " + positionKeys, seed,
                        liquidation.isEmpty() ? "" : ", \"liquidation\": {" + liquidation + "}"));
    }

    /** The body of a {@code liquidation} object from its members, e.g. {@code mechanics(LATENCY, BY_TIER)}. */
    public static String mechanics(String... members) {
        return String.join(", ", members);
    }

    /**
     * Assets A and B as in the class comment with the body of the {@code account} object {@code account} and
     * {@code liquidation} as in {@link #lanesCross}.
     */
    public static CompiledProblem lanesAccount(String account, String liquidation, long seed) {
        return Problems.compile(String.format(Locale.ROOT, """
                {"assets": [{"name": "A", "price": 100, "volatility": 0.8, "drift": 0.05},
                            {"name": "B", "price": 40, "volatility": 1.1}],
                 "correlation": [[1, 0.3], [0.3, 1]],
                 "account": {%s},
                 "monitoring": "discrete", "horizonDays": 16, "stepsPerDay": 8, "seed": %d, "engine": "vector"%s}""", account, seed, liquidation == null ? "" : ", \"liquidation\": {" + liquidation + "}"));
    }

    /**
     * The cross account with funding on both positions and borrow interest on its debt, and {@code liquidation}
     * (a JSON object, or null for carrying costs alone).
     */
    public static CompiledProblem frozenCross(String liquidation, long seed) {
        return crossWithCosts(FrozenProblems.CROSS, FUNDING, liquidation, seed);
    }

    /** {@link #frozenCross} with {@code fundingKeys} (such as {@link #PREMIUM_FUNDING}) on both positions instead. */
    public static CompiledProblem crossWithFunding(String fundingKeys, String liquidation, long seed) {
        return crossWithCosts(FrozenProblems.CROSS, fundingKeys, liquidation, seed);
    }

    /** The isolated account with funding on both positions and {@code liquidation} (or null). */
    public static CompiledProblem frozenIsolated(String liquidation, long seed) {
        String json = SpecEdits.replace(FrozenProblems.ISOLATED, "\"symbol\": \"BTCUSDT\"}", "\"symbol\": \"BTCUSDT\"" + FUNDING + "}");
        json = SpecEdits.replace(json, "\"rate\": 0.02}}", "\"rate\": 0.02}" + FUNDING + "}");
        return compileFrozen(json, liquidation, seed);
    }

    /** {@link #frozenCross} on Student-t innovations (4 degrees of freedom) for BTC and GARCH volatility for ETH. */
    public static CompiledProblem crossOnStudentTAndGarch(String liquidation, long seed) {
        String json = SpecEdits.replace(FrozenProblems.CROSS, "\"volatility\": 0.9, \"drift\": 0.1}",
                "\"volatility\": 0.9, \"drift\": 0.1, \"degreesOfFreedom\": 4}");
        json = SpecEdits.replace(json, "\"volatility\": 1.1}",
                "\"garch\": {\"omega\": 0.05, \"alpha\": 0.1, \"beta\": 0.85, \"initialVolatility\": 1.1}}");
        return crossWithCosts(json, FUNDING, liquidation, seed);
    }

    /**
     * {@link #frozenCross} with Merton jumps on BTC (300 a year, a little under one a day, mostly down) and a common jump
     * across both assets.
     */
    public static CompiledProblem crossOnJumps(String liquidation, long seed) {
        String json = SpecEdits.replace(FrozenProblems.CROSS, "\"volatility\": 0.9, \"drift\": 0.1}", "\"volatility\": 0.9, "
                + "\"drift\": 0.1, \"jumpIntensity\": 300, \"jumpMean\": -0.01, \"jumpStdev\": 0.02}");
        json = SpecEdits.replace(json, "\"correlation\"", "\"market\": {\"commonJump\": {\"intensity\": 100, \"mean\": -0.01, "
                + "\"stdev\": 0.01, \"betas\": [1, 1.2]}}, \"correlation\"");
        return crossWithCosts(json, FUNDING, liquidation, seed);
    }

    /**
     * A long on Y backed by collateral in X on GARCH volatility, the collateral's haircut given by
     * {@code haircutKeys} ({@link #MOVING_HAIRCUT}: path-dependent haircuts), with {@code fundingKeys} (keys after
     * the position's rules, or empty) and {@code liquidation}.
     */
    public static CompiledProblem garchCollateral(String haircutKeys, String fundingKeys, String liquidation, long seed) {
        String json = String.format(Locale.ROOT, """
                {"assets": [{"name": "X", "price": 50, "volatility": 0.9,
                             "garch": {"alpha": 0.15, "beta": 0.8, "initialVolatility": 1.4}},
                            {"name": "Y", "price": 100, "volatility": 0.6}],
                 "correlation": [[1, 0.5], [0.5, 1]],
                 "account": {"cash": 20,
                             "collateral": [{"asset": "X", "amount": 3, %s}],
                             "positions": [{"asset": "Y", "size": 10, "entryPrice": 100,
                                            "rules": {"type": "flat", "rate": 0.05}%s}]},
                 "monitoring": "discrete", "horizonDays": 16, "stepsPerDay": 8, "seed": 1, "engine": "scalar"}""", haircutKeys, fundingKeys);
        return compileFrozen(json, liquidation, seed);
    }

    /**
     * {@link OnePath}'s account made volatile: a long of 150 at 100 (15,000 of notional, in the third of
     * {@link #STEEP_TIERS}) on 1,000 of cash, with funding, over four days; a tier reduction leaves it solvent.
     */
    public static CompiledProblem steepTieredLong(String liquidation, long seed) {
        String json = SpecEdits.replace(OnePath.spec(0, 1000, 150, STEEP_TIERS, 4, FUNDING, ""), "\"volatility\": 0",
                "\"volatility\": 0.8");
        return compileFrozen(json, liquidation, seed);
    }

    public static CompiledProblem crossWithCosts(String base, String funding, String liquidation, long seed) {
        String json = SpecEdits.replace(base, "{\"asset\": \"ETH\", \"amount\": 0.5}",
                "{\"asset\": \"ETH\", \"amount\": 0.5, \"borrowRate\": 0.5}");
        json = SpecEdits.replace(json, "\"symbol\": \"BTCUSDT\"}", "\"symbol\": \"BTCUSDT\"" + funding + "}");
        json = SpecEdits.replace(json, "\"basis\": \"entry\"}}", "\"basis\": \"entry\"}" + funding + "}");
        return compileFrozen(json, liquidation, seed);
    }

    /** {@link #BTC_TIERS}: a Binance tiered long whose tier partials repeat within a step at the barrier. */
    public static CompiledProblem btcTiers() {
        return ProblemCompiler.compile(Specs.parse(BTC_TIERS));
    }

    /** {@code liquidation} with the fee charged in full, not capped at the remaining margin as the presets cap it. */
    public static String uncapped(String liquidation) {
        return liquidation.replaceFirst("\\{", "{\"feeCappedAtRemainingMargin\": false, ");
    }

    private static CompiledProblem compileFrozen(String json, String liquidation, long seed) {
        String seeded = json.replaceFirst("\"seed\": \\d+", "\"seed\": " + seed);
        String full = liquidation == null ? seeded
                : seeded.replaceFirst("\"engine\": \"scalar\"\\s*}$", "\"engine\": \"scalar\", \"liquidation\": "
                        + Matcher.quoteReplacement(liquidation) + "}");
        if (liquidation != null && full.equals(seeded)) {
            throw new IllegalArgumentException("spec does not end with the engine key: " + json);
        }
        return ProblemCompiler.compile(Specs.parse(full));
    }


}
