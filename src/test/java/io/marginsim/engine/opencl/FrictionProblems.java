package io.marginsim.engine.opencl;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.engine.Specs;
import io.marginsim.liquidation.FrozenProblems;
import io.marginsim.liquidation.OnePath;

import java.util.regex.Matcher;

/**
 * The two accounts of {@link FrozenProblems} (a cross account with collateral, a debt, a tiered preset long and a
 * flat short; an isolated long and short), with carrying costs and liquidation objects added, written as specs so
 * that the mechanics are compiled as users get them. One step is an hour, so latency in seconds / 3600 is in steps.
 */
final class FrictionProblems {
    /** Paid by longs every step: high enough to move equity visibly over the 96 steps. */
    private static final String FUNDING = ", \"funding\": {\"fundingRatePerInterval\": 0.0005, \"fundingIntervalHours\": 8}";
    /**
     * Premium-linked funding over an 8-hour interval (8 steps): the rate clamps at 0.75% per interval once the trailing
     * log return passes 2.5%, about one standard deviation of BTC's 8-hour move at 90% volatility.
     */
    static final String PREMIUM_FUNDING = ", \"funding\": {\"fundingRatePerInterval\": 0.0001, \"fundingIntervalHours\": 8, "
            + "\"premium\": {\"basisSensitivity\": 0.3, \"clampBand\": 0.0005, \"rateCap\": 0.0075}}";
    /** Three standard deviations of a two-day move, capped at 60%. */
    static final String MOVING_HAIRCUT = "\"haircutModel\": {\"k\": 3, \"cap\": 0.6, \"liquidationHorizonDays\": 2}";
    /** Steep brackets, so that reducing a position to the floor of its bracket restores its margin for a while. */
    private static final String STEEP_TIERS = """
            {"type": "tiered", "tiers": [{"floor": 0, "rate": 0.01}, {"floor": 5000, "rate": 0.02},
                                         {"floor": 10000, "rate": 0.05}]}""";

    private FrictionProblems() {
    }

    /**
     * The cross account with funding on both positions and borrow interest on its debt, and {@code liquidation}
     * (a JSON object, or null for carrying costs alone).
     */
    static CompiledProblem cross(String liquidation, long seed) {
        return crossWithCosts(FrozenProblems.CROSS, FUNDING, liquidation, seed);
    }

    /** {@link #cross} with {@code fundingKeys} (such as {@link #PREMIUM_FUNDING}) on both positions instead. */
    static CompiledProblem crossWithFunding(String fundingKeys, String liquidation, long seed) {
        return crossWithCosts(FrozenProblems.CROSS, fundingKeys, liquidation, seed);
    }

    /** The isolated account with funding on both positions and {@code liquidation} (or null). */
    static CompiledProblem isolated(String liquidation, long seed) {
        String json = edit(FrozenProblems.ISOLATED, "\"symbol\": \"BTCUSDT\"}", "\"symbol\": \"BTCUSDT\"" + FUNDING + "}");
        json = edit(json, "\"rate\": 0.02}}", "\"rate\": 0.02}" + FUNDING + "}");
        return compile(json, liquidation, seed);
    }

    /** {@link #cross} on Student-t innovations (4 degrees of freedom) for BTC and GARCH volatility for ETH. */
    static CompiledProblem crossOnStudentTAndGarch(String liquidation, long seed) {
        String json = edit(FrozenProblems.CROSS, "\"volatility\": 0.9, \"drift\": 0.1}",
                "\"volatility\": 0.9, \"drift\": 0.1, \"degreesOfFreedom\": 4}");
        json = edit(json, "\"volatility\": 1.1}",
                "\"garch\": {\"omega\": 0.05, \"alpha\": 0.1, \"beta\": 0.85, \"initialVolatility\": 1.1}}");
        return crossWithCosts(json, FUNDING, liquidation, seed);
    }

    /**
     * {@link #cross} with Merton jumps on BTC (300 a year, a little under one a day, mostly down) and a common jump
     * across both assets.
     */
    static CompiledProblem crossOnJumps(String liquidation, long seed) {
        String json = edit(FrozenProblems.CROSS, "\"volatility\": 0.9, \"drift\": 0.1}", "\"volatility\": 0.9, "
                + "\"drift\": 0.1, \"jumpIntensity\": 300, \"jumpMean\": -0.01, \"jumpStdev\": 0.02}");
        json = edit(json, "\"correlation\"", "\"market\": {\"commonJump\": {\"intensity\": 100, \"mean\": -0.01, "
                + "\"stdev\": 0.01, \"betas\": [1, 1.2]}}, \"correlation\"");
        return crossWithCosts(json, FUNDING, liquidation, seed);
    }

    /**
     * A long on Y backed by collateral in X on GARCH volatility, the collateral's haircut given by
     * {@code haircutKeys} ({@link #MOVING_HAIRCUT}: path-dependent haircuts), with {@code fundingKeys} (keys after
     * the position's rules, or empty) and {@code liquidation}.
     */
    static CompiledProblem garchCollateral(String haircutKeys, String fundingKeys, String liquidation, long seed) {
        String json = """
                {"assets": [{"name": "X", "price": 50, "volatility": 0.9,
                             "garch": {"alpha": 0.15, "beta": 0.8, "initialVolatility": 1.4}},
                            {"name": "Y", "price": 100, "volatility": 0.6}],
                 "correlation": [[1, 0.5], [0.5, 1]],
                 "account": {"cash": 20,
                             "collateral": [{"asset": "X", "amount": 3, %s}],
                             "positions": [{"asset": "Y", "size": 10, "entryPrice": 100,
                                            "rules": {"type": "flat", "rate": 0.05}%s}]},
                 "monitoring": "discrete", "horizonDays": 16, "stepsPerDay": 8, "seed": 1, "engine": "scalar"}""".formatted(haircutKeys, fundingKeys);
        return compile(json, liquidation, seed);
    }

    /**
     * {@link OnePath}'s account made volatile: a long of 150 at 100 (15,000 of notional, in the third of
     * {@link #STEEP_TIERS}) on 1,000 of cash, with funding, over four days; a tier reduction leaves it solvent.
     */
    static CompiledProblem steepTieredLong(String liquidation, long seed) {
        String json = edit(OnePath.spec(0, 1000, 150, STEEP_TIERS, 4, FUNDING, ""), "\"volatility\": 0",
                "\"volatility\": 0.8");
        return compile(json, liquidation, seed);
    }

    static CompiledProblem crossWithCosts(String base, String funding, String liquidation, long seed) {
        String json = edit(base, "{\"asset\": \"ETH\", \"amount\": 0.5}",
                "{\"asset\": \"ETH\", \"amount\": 0.5, \"borrowRate\": 0.5}");
        json = edit(json, "\"symbol\": \"BTCUSDT\"}", "\"symbol\": \"BTCUSDT\"" + funding + "}");
        json = edit(json, "\"basis\": \"entry\"}}", "\"basis\": \"entry\"}" + funding + "}");
        return compile(json, liquidation, seed);
    }

    private static CompiledProblem compile(String json, String liquidation, long seed) {
        String seeded = json.replaceFirst("\"seed\": \\d+", "\"seed\": " + seed);
        String full = liquidation == null ? seeded
                : seeded.replaceFirst("\"engine\": \"scalar\"\\s*}$", "\"engine\": \"scalar\", \"liquidation\": "
                        + Matcher.quoteReplacement(liquidation) + "}");
        if (liquidation != null && full.equals(seeded)) {
            throw new IllegalArgumentException("spec does not end with the engine key: " + json);
        }
        return ProblemCompiler.compile(Specs.parse(full));
    }

    /** {@code json} with one literal replaced; the literal must be there, so a changed base spec fails loudly. */
    private static String edit(String json, String from, String to) {
        if (!json.contains(from)) {
            throw new IllegalArgumentException("spec lacks " + from);
        }
        return json.replace(from, to);
    }
}
