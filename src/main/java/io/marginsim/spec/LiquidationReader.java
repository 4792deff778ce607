package io.marginsim.spec;

import io.marginsim.check.Checks;
import io.marginsim.check.SpecException;
import io.marginsim.liquidation.Funding;
import io.marginsim.liquidation.HaircutModel;
import io.marginsim.liquidation.ImpactModel;
import io.marginsim.liquidation.LiquidationDefaults;
import io.marginsim.liquidation.LiquidationTerms;
import io.marginsim.liquidation.PartialPolicy;
import io.marginsim.liquidation.PremiumLink;
import io.marginsim.model.Position;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the liquidation, funding and haircut-model objects of specs and presets, with the same strictness as
 * the rest of the spec: every error names the JSON path, the value and the rule.
 */
public final class LiquidationReader {
    /** Venues settle funding every eight hours unless they say otherwise. */
    public static final double DEFAULT_FUNDING_HOURS = 8;
    private static final String FEE_CAPPED = "feeCappedAtRemainingMargin";
    private static final String[] FUNDING_KEYS = {"fundingRatePerInterval", "fundingIntervalHours", "premium"};

    private LiquidationReader() {
    }

    /** The {@code liquidation} object of a preset file. */
    public static LiquidationDefaults defaults(JsonNodes json) {
        json.allowOnly("feeRate", FEE_CAPPED, "latencySeconds", "partial", "funding");
        PartialPolicy partial = json.has("partial") ? partial(json.object("partial")) : PartialPolicy.FULL;
        Funding funding = json.has("funding") ? venueFunding(json.object("funding")) : null;
        return json.build(() -> new LiquidationDefaults(json.number("feeRate", 0), json.bool(FEE_CAPPED, false),
                json.number("latencySeconds", 0),
                partial, funding));
    }

    /** A {@code partial} object: {@code mode} full, tier or fraction; {@code fraction}; {@code aboveNotional}. */
    public static PartialPolicy partial(JsonNodes json) {
        json.allowOnly("mode", "fraction", "aboveNotional");
        String text = json.text("mode");
        PartialPolicy.Mode mode = switch (text) {
            case "full", "tier", "fraction" -> PartialPolicy.Mode.valueOf(text.toUpperCase(Locale.ROOT));
            default -> throw json.get("mode").error("must be \"full\", \"tier\" or \"fraction\" but was \"" + text + "\"");
        };
        if (mode == PartialPolicy.Mode.FRACTION && !json.has("fraction")) {
            throw SpecException.atPath(json.path() + ".fraction", "is required when mode is \"fraction\"");
        }
        if (mode != PartialPolicy.Mode.FRACTION && (json.has("fraction") || json.has("aboveNotional"))) {
            throw json.get(json.has("fraction") ? "fraction" : "aboveNotional")
                    .error("applies to mode \"fraction\" only but mode is \"" + text + "\"");
        }
        return json.build(() -> new PartialPolicy(mode, json.number("fraction", 1), json.number("aboveNotional", 0)));
    }

    /**
     * A position's {@code funding} object; what it omits comes from {@code venue} (null: inline rules). A
     * {@code premium} object makes the rate premium-linked ({@link PremiumLink}), its clamp defaulting to the venue's.
     */
    public static Funding funding(JsonNodes json, Funding venue) {
        json.allowOnly(FUNDING_KEYS);
        if (venue == null && !json.has("fundingRatePerInterval")) {
            throw SpecException.atPath(json.path() + ".fundingRatePerInterval",
                    "is required because the position's venue (or inline rules) gives no funding default");
        }
        double rate = venue == null ? 0 : venue.ratePerInterval();
        double hours = venue == null ? DEFAULT_FUNDING_HOURS : venue.intervalHours();
        PremiumLink premium = json.has("premium")
                ? premium(json.object("premium"), venue == null ? null : venue.premium()) : null;
        return json.build(() -> new Funding(json.number("fundingRatePerInterval", rate),
                json.number("fundingIntervalHours", hours), premium));
    }

    /** A preset's {@code funding} object: the venue's rate, interval and, optionally, its published premium clamp. */
    private static Funding venueFunding(JsonNodes json) {
        json.allowOnly(FUNDING_KEYS);
        PremiumLink clamp = null;
        if (json.has("premium")) {
            JsonNodes p = json.object("premium").allowOnly("clampBand", "rateCap", "rateFloor");
            clamp = p.build(() -> new PremiumLink(0, p.number("clampBand"), p.number("rateCap"),
                    p.number("rateFloor", -p.number("rateCap"))));
        }
        PremiumLink venueClamp = clamp;
        return json.build(() -> new Funding(json.number("fundingRatePerInterval"),
                json.number("fundingIntervalHours", DEFAULT_FUNDING_HOURS), venueClamp));
    }

    /** A position's {@code funding.premium} object; the clamp keys it omits come from {@code venue} (may be null). */
    private static PremiumLink premium(JsonNodes json, PremiumLink venue) {
        json.allowOnly("basisSensitivity", "clampBand", "rateCap", "rateFloor");
        if (venue == null) {
            for (String key : new String[] {"clampBand", "rateCap"}) {
                if (!json.has(key)) {
                    throw SpecException.atPath(json.path() + "." + key, "is required because the position's venue "
                            + "(or inline rules) publishes no premium clamp");
                }
            }
        }
        double band = json.number("clampBand", venue == null ? 0 : venue.clampBand());
        double cap = json.number("rateCap", venue == null ? 0 : venue.rateCap());
        double floor = json.number("rateFloor", json.has("rateCap") || venue == null ? -cap : venue.rateFloor());
        return json.build(() -> new PremiumLink(json.number("basisSensitivity"), band, cap, floor));
    }

    /** A collateral's {@code haircutModel} object: {@code k}, {@code cap}, {@code liquidationHorizonDays}. */
    public static HaircutModel haircutModel(JsonNodes json) {
        json.allowOnly("type", "k", "cap", "liquidationHorizonDays");
        String type = json.text("type", "volatility");
        if (!type.equals("volatility")) {
            throw json.get("type").error("must be \"volatility\" but was \"" + type + "\"");
        }
        return json.build(() -> new HaircutModel.VolatilityScaled(json.number("k"), json.number("cap"),
                json.number("liquidationHorizonDays", 1)));
    }

    /**
     * The spec's {@code liquidation} object; {@code venues} holds each position's venue defaults
     * ({@link LiquidationDefaults#NONE} for inline rules).
     */
    public static LiquidationTerms terms(JsonNodes json, List<Position> positions, List<LiquidationDefaults> venues) {
        json.allowOnly("latencySeconds", "slippage", "feeRate", FEE_CAPPED, "partial");
        double latency = 0;
        for (LiquidationDefaults v : venues) {
            // one clock for a cross account: the slowest venue it trades on
            latency = Math.max(latency, v.latencySeconds());
        }
        double latencySeconds = json.number("latencySeconds", latency);
        PartialPolicy partial = json.has("partial") ? partial(json.object("partial")) : null;
        ImpactModel impact = null;
        double coefficient = 1;
        double thinning = 0;
        double[] depth = new double[positions.size()];
        java.util.Arrays.fill(depth, Double.POSITIVE_INFINITY);
        if (json.has("slippage")) {
            JsonNodes slip = json.object("slippage").allowOnly("model", "depth", "coefficient", "volatilityThinning");
            String model = slip.text("model");
            impact = switch (model) {
                case "linear", "sqrt" -> ImpactModel.valueOf(model.toUpperCase(Locale.ROOT));
                default -> throw slip.get("model").error("must be \"linear\" or \"sqrt\" but was \"" + model + "\"");
            };
            coefficient = slip.number("coefficient", 1);
            thinning = slip.number("volatilityThinning", 0);
            depth = depth(slip.get("depth"), positions);
        }
        List<LiquidationTerms.PositionTerms> terms = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            LiquidationDefaults v = venues.get(i);
            double fee = json.number("feeRate", v.feeRate());
            boolean capped = json.bool(FEE_CAPPED, v.feeCappedAtRemainingMargin());
            double d = depth[i];
            PartialPolicy policy = partial != null ? partial : v.partial();
            terms.add(json.build(() -> new LiquidationTerms.PositionTerms(fee, capped, d, policy)));
        }
        ImpactModel chosen = impact;
        double c = coefficient;
        double h = thinning;
        return json.build(() -> new LiquidationTerms(latencySeconds, chosen, c, h, terms));
    }

    /** {@code depth}: an object by asset name, or an array with one entry per position. */
    private static double[] depth(JsonNodes json, List<Position> positions) {
        double[] out = new double[positions.size()];
        if (json.node().isArray()) {
            List<JsonNodes> items = json.elements();
            if (items.size() != positions.size()) {
                throw json.error("must have one entry per position (" + positions.size() + ") but had " + items.size());
            }
            for (int i = 0; i < out.length; i++) {
                out[i] = positive(items.get(i));
            }
            return out;
        }
        if (!json.node().isObject()) {
            throw json.error("must be an object by asset name or an array by position but was " + json.node());
        }
        for (int i = 0; i < out.length; i++) {
            String asset = positions.get(i).asset();
            if (!json.has(asset)) {
                throw SpecException.atPath(json.path() + "." + asset, "is required: the depth of every position's asset "
                        + "(position " + i + " trades " + asset + ")");
            }
            out[i] = positive(json.get(asset));
        }
        return out;
    }

    private static double positive(JsonNodes json) {
        double value = json.asNumber();
        if (!(value > 0 && value <= Checks.MAX_MONEY)) {
            throw json.error("must be a depth > 0 and at most " + Checks.show(Checks.MAX_MONEY)
                    + " (quote currency) but was " + value);
        }
        return value;
    }
}
