package io.marginsim.simulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marginsim.check.SpecException;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.result.Report;
import io.marginsim.spec.Spec;
import io.marginsim.spec.SpecReader;

import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A fluent way to write a spec from Java or JShell:
 * <pre>{@code
 * Spec spec = SpecBuilder.spec()
 *         .asset("BTC", 60000, 0.6)
 *         .cash(6000)
 *         .position("BTC", 1.0, 60000).venue("binance-usdm", "BTCUSDT")
 *         .horizonDays(30).paths(50_000).seed(7)
 *         .build();
 * }</pre>
 * The builder writes the same JSON a spec file holds and reads it with {@link SpecReader}, so a built spec obeys
 * exactly the rules of a file and its errors name the same JSON paths ({@code account.positions[0].size ...}).
 * Methods such as {@link #venue}, {@link #flatRate}, {@link #margin} and {@link #funding} apply to the position added
 * last. The {@code liquidation} object (README, Liquidation) is written by {@link #liquidation} and the methods
 * after it; each of them opts the spec into liquidation mechanics.
 */
public final class SpecBuilder {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode assets = root.putArray("assets");
    private final ObjectNode account = root.putObject("account");
    private ObjectNode lastPosition;

    private SpecBuilder() {
    }

    public static SpecBuilder spec() {
        return new SpecBuilder();
    }

    /** An asset with zero drift; {@code volatility} is annualised. */
    public SpecBuilder asset(String name, double price, double volatility) {
        return asset(name, price, volatility, 0);
    }

    public SpecBuilder asset(String name, double price, double volatility, double drift) {
        assets.addObject().put("name", name).put("price", price).put("volatility", volatility).put("drift", drift);
        return this;
    }

    /** Student-t innovations for the asset added last (README, Market models). */
    public SpecBuilder degreesOfFreedom(double dof) {
        lastAsset("degreesOfFreedom").put("degreesOfFreedom", dof);
        return this;
    }

    /** Merton jumps for the asset added last: jumps per year and the mean and stdev of the log jump. */
    public SpecBuilder jumps(double intensity, double mean, double stdev) {
        lastAsset("jumps").put("jumpIntensity", intensity).put("jumpMean", mean).put("jumpStdev", stdev);
        return this;
    }

    /** GARCH(1,1) for the asset added last, its volatility being the long-run one. */
    public SpecBuilder garch(double alpha, double beta) {
        lastAsset("garch").putObject("garch").put("alpha", alpha).put("beta", beta);
        return this;
    }

    /** AR(1) returns with lag-1 autocorrelation {@code phi} for the asset added last. */
    public SpecBuilder ar1(double phi) {
        lastAsset("ar1").put("ar1", phi);
        return this;
    }

    /** The t copula: one chi-square mixing variable shared by all assets. */
    public SpecBuilder tCopula(double dof) {
        root.withObject("market").put("copula", "t").put("copulaDegreesOfFreedom", dof);
        return this;
    }

    /** A stress overlay: shocks (one log return per asset at t0), volatility multiplier, pull of correlation to one. */
    public SpecBuilder stress(double[] shock, double volatilityMultiplier, double correlationToOne) {
        ObjectNode stress = root.withObject("market").putObject("stress");
        ArrayNode shocks = stress.putArray("shock");
        for (double x : shock) {
            shocks.add(x);
        }
        stress.put("volatilityMultiplier", volatilityMultiplier).put("correlationToOne", correlationToOne);
        return this;
    }

    private ObjectNode lastAsset(String method) {
        if (assets.isEmpty()) {
            throw new SpecException(method + "()", "applies to the last asset added but no asset was added yet");
        }
        return (ObjectNode) assets.get(assets.size() - 1);
    }

    /** Correlation matrix in the order the assets were added. */
    public SpecBuilder correlation(double[][] matrix) {
        ArrayNode rows = root.putArray("correlation");
        for (double[] row : matrix) {
            ArrayNode r = rows.addArray();
            for (double v : row) {
                r.add(v);
            }
        }
        return this;
    }

    /** Use the nearest valid correlation matrix if the one given is not positive semi-definite. */
    public SpecBuilder repairCorrelation() {
        root.put("repairCorrelation", true);
        return this;
    }

    /** Cross margin (the default): cash, collateral and all positions back every requirement. */
    public SpecBuilder cross() {
        account.put("mode", "cross");
        return this;
    }

    /** Isolated margin: give each position its {@link #margin}. */
    public SpecBuilder isolated() {
        account.put("mode", "isolated");
        return this;
    }

    /** Quote-currency balance; negative for a stable-coin loan. */
    public SpecBuilder cash(double cash) {
        account.put("cash", cash);
        return this;
    }

    public SpecBuilder collateral(String asset, double amount, double haircut) {
        account.withArray("collateral").addObject().put("asset", asset).put("amount", amount).put("haircut", haircut);
        return this;
    }

    /** Collateral on a lending venue, whose preset sets the liquidation threshold ({@code aave-v3}). */
    public SpecBuilder lendingCollateral(String asset, double amount, String venue) {
        account.withArray("collateral").addObject().put("asset", asset).put("amount", amount).put("venue", venue);
        return this;
    }

    /**
     * Collateral whose haircut is {@code min(cap, k sigma sqrt(liquidationHorizonDays / 365))}, following the path's
     * conditional volatility when the asset is a GARCH asset.
     */
    public SpecBuilder volatilityCollateral(String asset, double amount, double k, double cap,
                                            double liquidationHorizonDays) {
        account.withArray("collateral").addObject().put("asset", asset).put("amount", amount)
                .putObject("haircutModel").put("k", k).put("cap", cap)
                .put("liquidationHorizonDays", liquidationHorizonDays);
        return this;
    }

    public SpecBuilder debt(String asset, double amount) {
        account.withArray("debts").addObject().put("asset", asset).put("amount", amount);
        return this;
    }

    /** A debt that accrues simple interest at {@code borrowRate} a year on its value. */
    public SpecBuilder debt(String asset, double amount, double borrowRate) {
        account.withArray("debts").addObject().put("asset", asset).put("amount", amount).put("borrowRate", borrowRate);
        return this;
    }

    /** A position (negative size for a short); follow it with {@link #venue} or {@link #flatRate}. */
    public SpecBuilder position(String asset, double size, double entryPrice) {
        lastPosition = account.withArray("positions").addObject().put("asset", asset).put("size", size)
                .put("entryPrice", entryPrice);
        return this;
    }

    /** The last position's rules come from a venue preset ({@code margin-sim presets} lists them). */
    public SpecBuilder venue(String venue, String symbol) {
        last("venue").put("venue", venue).put("symbol", symbol);
        return this;
    }

    /** The last position's requirement is {@code rate} x notional at the mark price. */
    public SpecBuilder flatRate(double rate) {
        last("flatRate").putObject("rules").put("type", "flat").put("rate", rate);
        return this;
    }

    /** The last position's rules as inline JSON, for the rule types without a method here (README, Margin rules). */
    public SpecBuilder rules(String json) {
        try {
            last("rules").set("rules", JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new SpecException("rules", "must be valid JSON but was " + json);
        }
        return this;
    }

    /**
     * The last position is an inverse (coin-margined) contract of {@code faceValue} USD each: its size counts
     * contracts, and its margin and rule amounts are in the asset (README, Inverse contracts).
     */
    public SpecBuilder inverse(double faceValue) {
        last("inverse").put("contract", "inverse").put("faceValue", faceValue);
        return this;
    }

    /** The last position is an inverse contract with the face value of the venue preset it names. */
    public SpecBuilder inverse() {
        last("inverse").put("contract", "inverse");
        return this;
    }

    /** Margin assigned to the last position (isolated mode). */
    public SpecBuilder margin(double margin) {
        last("margin").put("margin", margin);
        return this;
    }

    /** Funding on the last position at its venue preset's rate and interval. */
    public SpecBuilder funding() {
        last("funding").withObject("funding");
        return this;
    }

    /** Funding on the last position at a constant {@code ratePerInterval} every {@code intervalHours}. */
    public SpecBuilder funding(double ratePerInterval, double intervalHours) {
        last("funding").withObject("funding").put("fundingRatePerInterval", ratePerInterval)
                .put("fundingIntervalHours", intervalHours);
        return this;
    }

    /**
     * Premium-linked funding on the last position, in the clamp its venue preset publishes; the interest rate and
     * interval are the funding object's (set them with {@link #funding(double, double)} first, or take the venue's).
     */
    public SpecBuilder premiumFunding(double basisSensitivity) {
        last("premiumFunding").withObject("funding").putObject("premium").put("basisSensitivity", basisSensitivity);
        return this;
    }

    /** Premium-linked funding on the last position with its own clamp band, cap and floor per interval. */
    public SpecBuilder premiumFunding(double basisSensitivity, double clampBand, double rateCap, double rateFloor) {
        last("premiumFunding").withObject("funding").putObject("premium").put("basisSensitivity", basisSensitivity)
                .put("clampBand", clampBand).put("rateCap", rateCap).put("rateFloor", rateFloor);
        return this;
    }

    /** Liquidation mechanics with each position's venue defaults (fee, latency, partial policy). */
    public SpecBuilder liquidation() {
        root.withObject("liquidation");
        return this;
    }

    public SpecBuilder liquidationLatency(double seconds) {
        root.withObject("liquidation").put("latencySeconds", seconds);
        return this;
    }

    /** The liquidation fee of every position, a fraction of the notional closed at the fill price. */
    public SpecBuilder liquidationFee(double rate) {
        root.withObject("liquidation").put("feeRate", rate);
        return this;
    }

    /** Whether the fee is taken only out of the margin left after the fill (the venue presets say which). */
    public SpecBuilder feeCappedAtRemainingMargin(boolean capped) {
        root.withObject("liquidation").put("feeCappedAtRemainingMargin", capped);
        return this;
    }

    /** Slippage of {@code model} ({@code linear} or {@code sqrt}); give each asset's book with {@link #depth}. */
    public SpecBuilder slippage(String model, double coefficient, double volatilityThinning) {
        root.withObject("liquidation").withObject("slippage").put("model", model).put("coefficient", coefficient)
                .put("volatilityThinning", volatilityThinning);
        return this;
    }

    /** Book depth of {@code asset} in quote currency for {@link #slippage}. */
    public SpecBuilder depth(String asset, double depth) {
        root.withObject("liquidation").withObject("slippage").withObject("depth").put(asset, depth);
        return this;
    }

    /** Reduce each liquidated position to the next lower bracket of its rule. */
    public SpecBuilder partialTier() {
        root.withObject("liquidation").putObject("partial").put("mode", "tier");
        return this;
    }

    /** Close {@code fraction} of each liquidated position while its notional exceeds {@code aboveNotional}. */
    public SpecBuilder partialFraction(double fraction, double aboveNotional) {
        root.withObject("liquidation").putObject("partial").put("mode", "fraction").put("fraction", fraction)
                .put("aboveNotional", aboveNotional);
        return this;
    }

    /**
     * A scenario of the account's portfolio-margin grid (README, Portfolio margin): a relative price move by asset
     * name. The grid is then the requirement of every position, which takes no rules of its own.
     */
    public SpecBuilder scenario(String name, Map<String, Double> moves) {
        ObjectNode scenario = grid().withArray("scenarios").addObject().put("name", name);
        ObjectNode json = scenario.putObject("moves");
        moves.forEach(json::put);
        return this;
    }

    /** The portfolio-margin requirement when no scenario of the grid loses more. */
    public SpecBuilder portfolioMinimum(double minimum) {
        grid().put("minimum", minimum);
        return this;
    }

    public SpecBuilder horizonDays(double days) {
        root.put("horizonDays", days);
        return this;
    }

    public SpecBuilder stepsPerDay(int steps) {
        root.put("stepsPerDay", steps);
        return this;
    }

    public SpecBuilder paths(long paths) {
        root.put("paths", paths);
        return this;
    }

    public SpecBuilder seed(long seed) {
        root.put("seed", seed);
        return this;
    }

    /** {@code auto}, {@code scalar}, {@code vector} or {@code opencl}. */
    public SpecBuilder engine(String engine) {
        root.put("engine", engine);
        return this;
    }

    /** The spec as the JSON of a spec file, e.g. to save it for {@code margin-sim simulate}. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Validates and returns the spec; invalid input throws {@link SpecException} naming the JSON path. */
    public Spec build() {
        return SpecReader.parse(root.toString(), "built spec", false);
    }

    /** Builds and simulates with the default engine options. */
    public Report simulate() throws EngineUnavailableException {
        return Simulator.simulate(build());
    }

    private ObjectNode grid() {
        return account.has("portfolioMargin") ? (ObjectNode) account.get("portfolioMargin")
                : account.putObject("portfolioMargin");
    }

    private ObjectNode last(String method) {
        if (lastPosition == null) {
            throw new SpecException(method + "()", "applies to the last position added but no position was added yet");
        }
        return lastPosition;
    }
}
