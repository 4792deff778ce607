package io.marginsim.engine.contract;

import io.marginsim.engine.Specs;
import io.marginsim.market.PriceHistories;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ModelCompiler;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.spec.SpecReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Problems beyond the standard workloads that every engine must agree on with the scalar reference: tiered
 * requirements, entry-price basis, collateral units, shorts and isolated margin (built as compiled accounts), and
 * leveraged accounts on each market model beyond GBM (written as spec JSON, so the models are compiled as users get
 * them). {@link Catalogue} names the cases the contract suite runs; engine-specific tests build on these too.
 *
 * <p>Two families of shapes: the lane problems (128 steps of a quarter day, or 16 days of 8 steps, with notionals
 * around 1,000) and the kernel problems (128 steps of an eighth of a day, or 16 days of 4 steps, with unit
 * positions); their leverage puts a good share of paths, but not all, through a breach.
 */
public final class Problems {
    private static final int LANE_STEPS = 128;
    private static final double LANE_STEP_DAYS = 0.25;
    private static final double KERNEL_STEP_DAYS = 1.0 / 8;
    private static final int KERNEL_STEPS = 128;
    /** Binance-style brackets with cumulative deduction, continuous at each floor. */
    private static final double[] FLOORS = {0, 500, 1000};
    private static final double[] RATES = {0.01, 0.025, 0.05};
    private static final double[] DEDUCTIONS = {0, 7.5, 32.5};
    private static final String ONE_LONG = """
            {"cash": 14, "positions": [{"asset": "X", "size": 1, "entryPrice": 100,
             "rules": {"type": "flat", "rate": 0.05}}]}""";
    private static final String TWO_ASSETS = """
            {"cash": 10, "positions": [
             {"asset": "X", "size": 1, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
             {"asset": "Y", "size": -0.5, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}}]}""";
    private static final String THREE_ASSETS = """
            {"cash": 8, "collateral": [{"asset": "Z", "amount": 0.2, "haircut": 0.1}], "positions": [
             {"asset": "X", "size": 1, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
             {"asset": "Y", "size": -1, "entryPrice": 100, "rules": {"type": "tiered", "basis": "mark",
              "tiers": [{"floor": 0, "rate": 0.02}, {"floor": 100, "rate": 0.05}]}},
             {"asset": "Z", "size": 0.5, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}}]}""";
    private static final String FOUR_ASSETS = """
            {"cash": 9, "collateral": [{"asset": "W", "amount": 0.1, "haircut": 0.1}], "positions": [
             {"asset": "X", "size": 1, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
             {"asset": "Y", "size": -1, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
             {"asset": "Z", "size": 0.5, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
             {"asset": "W", "size": -0.5, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}}]}""";
    /** An isolated long and short, each with its own margin, so each breaches on its own asset's extreme. */
    private static final String TWO_ISOLATED = """
            {"mode": "isolated", "cash": 10, "positions": [
             {"asset": "X", "size": 1, "entryPrice": 100, "margin": 14, "rules": {"type": "flat", "rate": 0.05}},
             {"asset": "Y", "size": -1, "entryPrice": 100, "margin": 14, "rules": {"type": "tiered", "basis": "mark",
              "tiers": [{"floor": 0, "rate": 0.02}, {"floor": 100, "rate": 0.05}]}}]}""";
    private static final String CORRELATION_2 = "[[1, 0.6], [0.6, 1]]";
    private static final String CORRELATION_4 = "[[1, 0.6, 0.4, 0.2], [0.6, 1, 0.5, 0.3], [0.4, 0.5, 1, -0.2],"
            + " [0.2, 0.3, -0.2, 1]]";
    /** A fast DCC: a large a moves the correlation visibly within the 64 steps. */
    private static final String DCC = "\"dcc\": {\"a\": 0.08, \"b\": 0.9}";
    private static final String LANE_GARCH = "\"garch\": {\"alpha\": 0.1, \"beta\": 0.85}";
    private static final String CORRELATION_3 = "[[1, 0.6, 0.4], [0.6, 1, 0.5], [0.4, 0.5, 1]]";

    private Problems() {
    }


    /** Two assets (correlation 0.3, vols 0.8 and 1.1) with a little drift, so the market is not symmetric. */
    private static CompiledProblem.Market twoAssetMarket() {
        return ModelCompiler.gbm(new String[] {"BTC", "ETH"}, new double[] {100.0, 40.0}, new double[] {0.8, 1.1},
                new double[] {0.05, -0.1}, new double[][] {{1, 0.3}, {0.3, 1}}, LANE_STEP_DAYS);
    }

    /**
     * One long of notional ~1000 on asset 0 against four Binance-style brackets on mark price: floors 0, 500,
     * 900, 1100, rates 1%, 3%, 5%, 9%, cumulative deductions keeping the requirement continuous.
     */
    public static CompiledProblem tieredFourBrackets(long seed) {
        double[] floor = {0, 500, 900, 1100};
        double[] rate = {0.01, 0.03, 0.05, 0.09};
        double[] deduction = new double[4];
        for (int k = 1; k < 4; k++) {
            deduction[k] = deduction[k - 1] + floor[k] * (rate[k] - rate[k - 1]);
        }
        CompiledProblem.Account account = CompiledProblem.Account.builder(2, false, 120.0)
                .position(0, 10.0, 100.0, 0, true, floor, rate, deduction).build();
        return new CompiledProblem(twoAssetMarket(), account, LANE_STEPS, LANE_STEP_DAYS, seed);
    }

    /**
     * Cross margin on entry basis: a long on asset 0 and a short on asset 1, 10% of entry notional, with
     * collateral of 2 units of asset 1 at a 20% haircut and a lending-style requirement on them.
     */
    public static CompiledProblem entryBasisLongShort(long seed) {
        CompiledProblem.Account account = CompiledProblem.Account.builder(2, false, 100.0)
                .collateral(new double[] {0, 1.6}, new double[] {0, 0.1})
                .position(0, 8.0, 100.0, 0, false, new double[] {0}, new double[] {0.1}, new double[] {0})
                .position(1, -15.0, 40.0, 0, false, new double[] {0}, new double[] {0.1}, new double[] {0})
                .build();
        return new CompiledProblem(twoAssetMarket(), account, LANE_STEPS, LANE_STEP_DAYS, seed);
    }

    /**
     * Isolated margin: a 10x long on asset 0 (two tiers on mark) and a 5x short on asset 1 (flat on mark), with
     * cash and collateral outside both positions.
     */
    public static CompiledProblem isolatedTwoAssets(long seed) {
        CompiledProblem.Account account = CompiledProblem.Account.builder(2, true, 50.0)
                .collateral(new double[] {0, 1.0}, new double[2])
                .position(0, 10.0, 100.0, 100.0, true, new double[] {0, 1000}, new double[] {0.04, 0.06},
                        new double[] {0, 20})
                .position(1, -20.0, 40.0, 160.0, true, new double[] {0}, new double[] {0.05}, new double[] {0})
                .build();
        return new CompiledProblem(twoAssetMarket(), account, LANE_STEPS, LANE_STEP_DAYS, seed);
    }


    /** One long of notional about 1000 across three tiers, cross margin, marked at the current price. */
    public static CompiledProblem tieredThreeBrackets(long seed) {
        CompiledProblem.Account account = CompiledProblem.Account.builder(1, false, 160.0)
                .position(0, 10.0, 100.0, 0, true, FLOORS, RATES, DEDUCTIONS).build();
        return new CompiledProblem(equicorrelated(1), account, KERNEL_STEPS, KERNEL_STEP_DAYS, seed);
    }

    /**
     * A tiered long on entry-price basis backed by collateral in a second, correlated asset that also adds to
     * the requirement (lending-style), plus some debt in cash.
     */
    public static CompiledProblem entryBasisWithCollateral(long seed) {
        CompiledProblem.Account account = CompiledProblem.Account.builder(2, false, 60.0)
                .collateral(new double[] {0, 1.2}, new double[] {0, 0.1})
                .position(0, 10.0, 100.0, 0, false, FLOORS, RATES, DEDUCTIONS).build();
        return new CompiledProblem(equicorrelated(2), account, KERNEL_STEPS, KERNEL_STEP_DAYS, seed);
    }

    /** Isolated long and short on two assets, each with its own margin, next to collateral of the first asset. */
    public static CompiledProblem isolatedWithShort(long seed) {
        CompiledProblem.Account account = CompiledProblem.Account.builder(2, true, 50.0)
                .collateral(new double[] {0.5, 0}, new double[2])
                .position(0, 10.0, 100.0, 200.0, true, new double[] {0}, new double[] {0.05}, new double[] {0})
                .position(1, -8.0, 100.0, 150.0, true, new double[] {0, 500, 1000}, new double[] {0.01, 0.025, 0.05},
                        new double[] {0, 7.5, 32.5})
                .build();
        return new CompiledProblem(equicorrelated(2), account, KERNEL_STEPS, KERNEL_STEP_DAYS, seed);
    }

    private static CompiledProblem.Market equicorrelated(int assets) {
        String[] names = new String[assets];
        double[] prices = new double[assets];
        double[] vols = new double[assets];
        double[] drifts = new double[assets];
        double[][] corr = new double[assets][assets];
        for (int a = 0; a < assets; a++) {
            names[a] = "A" + a;
            prices[a] = 100.0;
            vols[a] = 0.9 - 0.2 * a;
            drifts[a] = 0.1 * a;
            for (int b = 0; b < assets; b++) {
                corr[a][b] = a == b ? 1.0 : 0.7;
            }
        }
        return ModelCompiler.gbm(names, prices, vols, drifts, corr, KERNEL_STEP_DAYS);
    }


    /** One asset at 100 with volatility 0.8 and the given extra asset keys, {@code market} members and seed. */
    public static CompiledProblem oneAsset(String assetKeys, String market, long seed) {
        return oneAsset(assetKeys, market, "", "", seed);
    }

    /**
     * {@link #oneAsset(String, String, long)} with extra keys of the position (e.g. {@code funding}) and of the
     * spec's root (e.g. {@code liquidation}).
     */
    public static CompiledProblem oneAsset(String assetKeys, String market, String positionKeys, String rootKeys, long seed) {
        return compile(String.format(Locale.ROOT, """
                {"assets": [{"name": "X", "price": 100, "volatility": 0.8%s}],%s
                 "account": {"cash": 125, "positions": [{"asset": "X", "size": 10, "entryPrice": 100,
                             "rules": {"type": "flat", "rate": 0.05}%s}]},
                 "monitoring": "discrete", "horizonDays": 16, "stepsPerDay": 8, "seed": %d, "engine": "vector"%s}""", keys(assetKeys), market.isEmpty() ? "" : " \"market\": {" + market + "},",
                        keys(positionKeys), seed, keys(rootKeys)));
    }

    /**
     * Three correlated assets (0.6 / 0.3 / 0.4) with the given asset key sets and {@code market} members, one long
     * on each in one cross-margined pool, plus collateral in asset C.
     */
    public static CompiledProblem threeAssets(String a, String b, String c, String market, long seed) {
        return compile(String.format(Locale.ROOT, """
                {"assets": [{"name": "A", "price": 100, "volatility": 0.7%s},
                            {"name": "B", "price": 40, "volatility": 0.9%s},
                            {"name": "C", "price": 10, "volatility": 1.1%s}],
                 "correlation": [[1, 0.6, 0.3], [0.6, 1, 0.4], [0.3, 0.4, 1]],%s
                 "account": {"cash": 250, "collateral": [{"asset": "C", "amount": 10, "haircut": 0.2}],
                             "positions": [
                               {"asset": "A", "size": 10, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
                               {"asset": "B", "size": 20, "entryPrice": 40, "rules": {"type": "flat", "rate": 0.05}},
                               {"asset": "C", "size": -30, "entryPrice": 10, "rules": {"type": "flat", "rate": 0.05}}]},
                 "monitoring": "discrete", "horizonDays": 16, "stepsPerDay": 8, "seed": %d, "engine": "vector"}""", keys(a), keys(b), keys(c), market.isEmpty() ? "" : " \"market\": {" + market + "},",
                        seed));
    }

    private static String keys(String assetKeys) {
        return assetKeys.isEmpty() ? "" : ", " + assetKeys;
    }

    public static CompiledProblem compile(String json) {
        return ProblemCompiler.compile(Specs.parse(json));
    }

    /** A 10x short with collateral in the same asset, whose excess falls as the price rises. */
    public static CompiledProblem oneAssetShort() {
        return ProblemCompiler.compile(SpecReader.parse("""
                {"assets": [{"name": "X", "price": 100, "volatility": 0.6, "drift": -0.2}],
                 "account": {"cash": 50, "collateral": [{"asset": "X", "amount": 0.5}],
                             "positions": [{"asset": "X", "size": -10, "entryPrice": 100,
                                            "rules": {"type": "flat", "rate": 0.005}}]},
                 "horizonDays": 10, "stepsPerDay": 4, "paths": 100, "monitoring": "continuous"}""", "spec", false));
    }

    /** {@code n} lane assets (see {@link #dccSpec}) with DCC weights {@code a}, {@code b}; GARCH on each when asked. */
    public static CompiledProblem dccLanes(int n, boolean garch, double a, double b, long seed) {
        return compile(dccSpec(n, garch ? LANE_GARCH : "", lanesCorrelation(n),
                String.format(Locale.ROOT, "\"dcc\": {\"a\": %s, \"b\": %s}", a, b), seed));
    }

    /**
     * {@code n} assets (prices 100, 50, 20, 10; volatilities 0.7 to 1.0) with the given keys each, correlation and
     * {@code market} members, alternately long and short at about 8x in one cross-margined pool, 16 days of 8 steps.
     */
    public static String dccSpec(int n, String assetKeys, String correlation, String market, long seed) {
        double[] price = {100, 50, 20, 10};
        StringBuilder assets = new StringBuilder();
        StringBuilder positions = new StringBuilder();
        for (int a = 0; a < n; a++) {
            assets.append(a == 0 ? "" : ", ").append("{\"name\": \"A").append(a).append("\", \"price\": ")
                    .append(price[a]).append(", \"volatility\": ").append(0.7 + 0.1 * a)
                    .append(assetKeys.isEmpty() ? "" : ", " + assetKeys).append('}');
            positions.append(a == 0 ? "" : ", ").append("{\"asset\": \"A").append(a).append("\", \"size\": ")
                    .append((a % 2 == 0 ? 1 : -1) * 1000 / price[a]).append(", \"entryPrice\": ").append(price[a])
                    .append(", \"rules\": {\"type\": \"flat\", \"rate\": 0.05}}");
        }
        return String.format(Locale.ROOT, """
                {"assets": [%s], "correlation": %s, "market": {%s},
                 "account": {"cash": %s, "positions": [%s]},
                 "monitoring": "discrete", "horizonDays": 16, "stepsPerDay": 8, "seed": %d, "engine": "vector"}""", assets, correlation, market, 125 * n, positions, seed);
    }

    /** Correlation {@code 0.5 - 0.1 |i - j|} off the diagonal: positive definite for up to four assets. */
    public static String lanesCorrelation(int n) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < n; j++) {
                s.append(j == 0 ? "" : ", ").append(i == j ? "1" : String.valueOf(0.5 - 0.1 * Math.abs(i - j)));
            }
            s.append(']');
        }
        return s.append(']').toString();
    }

    /**
     * Filtered historical simulation of a long BTC and a short ETH (the latter with its own GARCH) from 60 daily
     * prices: 59 residual rows, so many paths share rows and the gather is exercised at its edges.
     */
    public static CompiledProblem laneHistorical() {
        return fromFiles(PriceHistories.garchPair("BTC", "ETH", 60, 11), """
                {"assets": [{"name": "BTC", "price": 100},
                            {"name": "ETH", "price": 10, "volatility": 0.9, "garch": {"alpha": 0.05, "beta": 0.9}}],
                 "market": {"historical": {"prices": "prices.csv"}},
                 "account": {"cash": 120, "positions": [
                   {"asset": "BTC", "size": 10, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
                   {"asset": "ETH", "size": -20, "entryPrice": 10, "rules": {"type": "flat", "rate": 0.05}}]},
                 "monitoring": "discrete", "horizonDays": 16, "stepsPerDay": 8, "seed": 42, "engine": "vector"}""");
    }



    /** Fractional degrees of freedom, so the Marsaglia-Tsang part of the chi-square runs as well. */
    public static CompiledProblem studentT(long seed) {
        return one("\"volatility\": 0.8, \"degreesOfFreedom\": 3.5", seed);
    }

    /** Five and a half degrees: the odd fifth normal of the integer part and the fractional part. */
    public static CompiledProblem tCopula(long seed) {
        return two("\"volatility\": 0.8", "\"volatility\": 0.6",
                "\"copula\": \"t\", \"copulaDegreesOfFreedom\": 5.5", seed);
    }

    public static CompiledProblem merton(long seed) {
        return one("\"volatility\": 0.5, \"jumpIntensity\": 40, \"jumpMean\": -0.04, \"jumpStdev\": 0.08", seed);
    }

    public static CompiledProblem commonJump(long seed) {
        return two("\"volatility\": 0.5", "\"volatility\": 0.4",
                "\"commonJump\": {\"intensity\": 30, \"mean\": -0.05, \"stdev\": 0.05, \"betas\": [1, 0.6]}", seed);
    }

    /** Starts above the long-run volatility (0.79), so the variance state visibly moves. */
    public static CompiledProblem garch(long seed) {
        return one("\"garch\": {\"omega\": 0.05, \"alpha\": 0.12, \"beta\": 0.8, \"initialVolatility\": 1.0}", seed);
    }

    /**
     * Starts at three times the long-run volatility under a volatility stress: each step's drift takes half of
     * {@code m^2 h}, the path's own variance.
     */
    public static CompiledProblem garchUnderStress(long seed) {
        return compileModel("[{\"name\": \"X\", \"price\": 100, \"volatility\": 0.5, "
                        + "\"garch\": {\"alpha\": 0.1, \"beta\": 0.89, \"initialVolatility\": 1.5}}]", "[[1]]",
                "\"stress\": {\"volatilityMultiplier\": 1.5}", ONE_LONG, seed);
    }

    public static CompiledProblem ar1(long seed) {
        return one("\"volatility\": 0.6, \"ar1\": 0.4", seed);
    }

    /** Every per-asset model at once, differently per asset, with a common jump and a tiered short. */
    public static CompiledProblem combined(long seed) {
        return compileModel("""
                [{"name": "X", "price": 100, "volatility": 0.6, "degreesOfFreedom": 4,
                  "jumpIntensity": 20, "jumpMean": -0.03, "jumpStdev": 0.05},
                 {"name": "Y", "price": 100, "degreesOfFreedom": 6.5, "ar1": -0.2,
                  "garch": {"omega": 0.03, "alpha": 0.1, "beta": 0.85}},
                 {"name": "Z", "price": 100, "volatility": 0.9, "ar1": 0.3,
                  "jumpIntensity": 10, "jumpMean": 0.02, "jumpStdev": 0.1}]""", CORRELATION_3,
                "\"commonJump\": {\"intensity\": 15, \"mean\": -0.06, \"stdev\": 0.04, \"betas\": [1, 0.5, 0.8]}",
                THREE_ASSETS, seed);
    }

    /**
     * The t copula (which excludes per-asset t) with GARCH, AR(1) and jumps, under a stress overlay: its volatility
     * multiplier scales the GARCH shocks too, and its shock moves the start.
     */
    public static CompiledProblem combinedCopula(long seed) {
        return compileModel("""
                [{"name": "X", "price": 100, "volatility": 0.6, "jumpIntensity": 20, "jumpMean": -0.03,
                  "jumpStdev": 0.05},
                 {"name": "Y", "price": 100, "ar1": 0.25, "garch": {"omega": 0.03, "alpha": 0.1, "beta": 0.85}},
                 {"name": "Z", "price": 100, "volatility": 0.9}]""", CORRELATION_3,
                "\"copula\": \"t\", \"copulaDegreesOfFreedom\": 4.25, \"stress\": {\"shock\": [-0.02, 0.01, 0],"
                        + " \"volatilityMultiplier\": 1.3, \"correlationToOne\": 0.2}", THREE_ASSETS, seed);
    }

    /** DCC on two assets of constant volatility, or (garch) with a GARCH asset next to one of constant volatility. */
    public static CompiledProblem dcc2(long seed, boolean garch) {
        return two("\"volatility\": 0.8", garch ? "\"garch\": {\"omega\": 0.05, \"alpha\": 0.1, \"beta\": 0.85}"
                : "\"volatility\": 0.6", DCC, seed);
    }

    /** {@link #dcc2} with GARCH on Y, on isolated positions: a long on X and a tiered short on Y. */
    public static CompiledProblem isolatedDcc(long seed) {
        return compileModel("[{\"name\": \"X\", \"price\": 100, \"volatility\": 0.8}, {\"name\": \"Y\", \"price\": 100, "
                + "\"garch\": {\"omega\": 0.05, \"alpha\": 0.1, \"beta\": 0.85}}]", CORRELATION_2, DCC, TWO_ISOLATED,
                seed);
    }

    /** DCC on four assets, a negative correlation among them; with garch two of them are GARCH assets. */
    public static CompiledProblem dcc4(long seed, boolean garch) {
        String g = "\"garch\": {\"omega\": 0.04, \"alpha\": 0.1, \"beta\": 0.85}";
        return compileModel(String.format(Locale.ROOT, """
                [{"name": "X", "price": 100, "volatility": 0.7},
                 {"name": "Y", "price": 100, %s},
                 {"name": "Z", "price": 100, "volatility": 0.9},
                 {"name": "W", "price": 100, %s}]""", garch ? g : "\"volatility\": 0.5",
                garch ? g : "\"volatility\": 0.8"), CORRELATION_4, DCC, FOUR_ASSETS, seed);
    }

    /**
     * DCC on the most assets it takes (16), with Student-t innovations, AR(1) and jumps on some of them, an
     * equicorrelated target (0.3) and positions on five assets.
     */
    public static CompiledProblem dcc16(long seed) {
        StringBuilder assets = new StringBuilder("[");
        StringBuilder correlation = new StringBuilder("[");
        for (int a = 0; a < 16; a++) {
            assets.append(a == 0 ? "" : ", ").append("{\"name\": \"A").append(a).append("\", \"price\": 100, ")
                    .append(a % 4 == 1 ? "\"garch\": {\"omega\": 0.04, \"alpha\": 0.1, \"beta\": 0.85}"
                            : "\"volatility\": " + (0.5 + 0.05 * a))
                    .append(a % 3 == 0 ? ", \"degreesOfFreedom\": 5" : "")
                    .append(a % 5 == 2 ? ", \"ar1\": 0.2" : "")
                    .append(a == 7 ? ", \"jumpIntensity\": 20, \"jumpMean\": -0.03, \"jumpStdev\": 0.05" : "")
                    .append('}');
            correlation.append(a == 0 ? "[" : ", [");
            for (int b = 0; b < 16; b++) {
                correlation.append(b == 0 ? "" : ", ").append(a == b ? "1" : "0.3");
            }
            correlation.append(']');
        }
        String account = """
                {"cash": 30, "positions": [
                 {"asset": "A0", "size": 1, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
                 {"asset": "A5", "size": -1, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
                 {"asset": "A7", "size": 0.5, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
                 {"asset": "A9", "size": 0.5, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
                 {"asset": "A15", "size": -0.5, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}}]}""";
        return compileModel(assets.append(']').toString(), correlation.append(']').toString(), DCC, account, seed);
    }

    /**
     * Filtered historical simulation from a small history (60 daily prices of two assets, so 59 residual rows),
     * each asset with the GARCH fitted to its history, under a volatility stress so that a good share breaches.
     */
    public static CompiledProblem historical(long seed) {
        return historical(seed, 60);
    }

    /** {@link #historical(long)} from {@code prices} daily prices, so {@code prices - 1} residual rows. */
    public static CompiledProblem historical(long seed, int prices) {
        return historical(seed, prices, 3);
    }

    /** {@link #historical(long, int)} under the volatility stress {@code multiplier}. */
    public static CompiledProblem historical(long seed, int prices, double multiplier) {
        return fromFiles(history(prices), String.format(Locale.ROOT, """
                {"assets": [{"name": "X", "price": 100}, {"name": "Y", "price": 100}],
                 "market": {"historical": {"prices": "prices.csv"},
                            "stress": {"volatilityMultiplier": %s}},
                 "account": %s,
                 "monitoring": "discrete", "horizonDays": 16, "stepsPerDay": 4, "seed": %d, "engine": "scalar"}""", multiplier, TWO_ASSETS, seed));
    }

    /** Compiles {@code spec}, which reads its prices from {@code prices.csv} beside it, written with {@code csv}. */
    private static CompiledProblem fromFiles(String csv, String spec) {
        try {
            Path dir = Files.createTempDirectory("fhs");
            Path file = dir.resolve("prices.csv");
            Path json = dir.resolve("spec.json");
            try {
                Files.writeString(file, csv);
                Files.writeString(json, spec);
                return ProblemCompiler.compile(SpecReader.read(json));
            } finally {
                Files.deleteIfExists(json);
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Daily X and Y prices, see {@link PriceHistories#garchPair}. */
    private static String history(int rows) {
        return PriceHistories.garchPair("X", "Y", rows, 7);
    }

    private static CompiledProblem one(String keys, long seed) {
        return compileModel("[{\"name\": \"X\", \"price\": 100, " + keys + "}]", "[[1]]", "", ONE_LONG, seed);
    }

    private static CompiledProblem two(String x, String y, String market, long seed) {
        return compileModel("[{\"name\": \"X\", \"price\": 100, " + x + "}, {\"name\": \"Y\", \"price\": 100, " + y + "}]",
                CORRELATION_2, market, TWO_ASSETS, seed);
    }

    private static CompiledProblem compileModel(String assets, String correlation, String market, String account,
                                           long seed) {
        return ProblemCompiler.compile(Specs.parse(String.format(Locale.ROOT, """
                {"assets": %s, "correlation": %s,%s "account": %s,
                 "monitoring": "discrete", "horizonDays": 16, "stepsPerDay": 4, "seed": %d, "engine": "scalar"}""", assets, correlation, market.isEmpty() ? "" : " \"market\": {" + market + "},", account,
                        seed)));
    }
}
