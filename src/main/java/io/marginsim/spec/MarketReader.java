package io.marginsim.spec;

import io.marginsim.check.Checks;
import io.marginsim.check.SpecException;
import io.marginsim.market.AssetDynamics;
import io.marginsim.market.Dcc;
import io.marginsim.market.Garch;
import io.marginsim.market.HistoricalResiduals;
import io.marginsim.market.Jumps;
import io.marginsim.market.MarketSpec;
import io.marginsim.market.Stress;
import io.marginsim.market.calibration.HistoricalFit;
import io.marginsim.market.calibration.PriceSeries;
import io.marginsim.model.Asset;

import java.nio.file.Path;
import java.util.List;

/** Reads the market-model keys of a spec: each asset's dynamics and the optional {@code market} object. */
final class MarketReader {
    static final String[] ASSET_KEYS = {"name", "price", "volatility", "drift", "degreesOfFreedom", "jumpIntensity",
            "jumpMean", "jumpStdev", "garch", "ar1"};

    private MarketReader() {
    }

    /** An asset and its dynamics. */
    record AssetEntry(Asset asset, AssetDynamics dynamics) {
    }

    /**
     * An asset and its dynamics.
     *
     * @param fitted the GARCH fitted to the asset's history under {@code market.historical}, used when the asset has
     *               no {@code garch} key of its own (its {@code volatility} must then be left out); null otherwise
     */
    static AssetEntry asset(JsonNodes json, Garch fitted) {
        json.allowOnly(ASSET_KEYS);
        JsonNodes g = json.has("garch") ? json.object("garch").allowOnly("omega", "alpha", "beta", "initialVolatility")
                : null;
        boolean omegaGiven = g != null && g.has("omega");
        boolean fromHistory = fitted != null && g == null;
        double volatility;
        if (fromHistory) {
            if (json.has("volatility")) {
                throw json.get("volatility").error("must not be given for an asset without garch under "
                        + "market.historical (the GARCH fitted to its history sets the volatility, starting at "
                        + fitted.initialVolatility() + "; give garch {alpha, beta} to set it yourself) but was "
                        + json.number("volatility"));
            }
            // the filter's forecast for the first step: a near-integrated fit's long-run level is far from today's
            volatility = fitted.initialVolatility();
        } else if (omegaGiven) {
            Garch given = garch(g, g.number("omega"));
            if (json.has("volatility")) {
                throw json.get("volatility").error("must not be given with garch.omega (the long-run volatility is "
                        + "sqrt(omega / (1 - alpha - beta)) = " + given.longRunVolatility() + ") but was "
                        + json.number("volatility"));
            }
            volatility = given.longRunVolatility();
        } else {
            volatility = json.number("volatility");
        }
        Asset asset = json.build(() -> new Asset(json.text("name"), json.number("price"), volatility,
                json.number("drift", 0)));
        Garch garch = fromHistory ? fitted : null;
        if (g != null) {
            if (!omegaGiven && !(volatility > 0)) {
                throw json.get("volatility").error("must be > 0 for a GARCH asset without garch.omega (it sets the "
                        + "long-run volatility) but was " + volatility);
            }
            // without omega the asset's volatility is the long-run one: omega = sigma^2 (1 - alpha - beta)
            garch = garch(g, omegaGiven ? g.number("omega")
                    : volatility * volatility * (1 - g.number("alpha") - g.number("beta")));
        }
        Jumps jumps = null;
        if (json.has("jumpIntensity")) {
            // checked under the asset's own key names before the record checks them under its names
            double intensity = Checks.nonNegative(json.path() + ".jumpIntensity", json.number("jumpIntensity"));
            double mean = json.number("jumpMean");
            double stdev = Checks.nonNegative(json.path() + ".jumpStdev", json.number("jumpStdev"));
            jumps = new Jumps(intensity, mean, stdev);
        } else {
            for (String key : new String[] {"jumpMean", "jumpStdev"}) {
                if (json.has(key)) {
                    throw json.get(key).error("needs jumpIntensity (jumps per year) beside it but it was missing");
                }
            }
        }
        Jumps j = jumps;
        Garch gc = garch;
        AssetDynamics dynamics = json.build(() -> new AssetDynamics(json.number("degreesOfFreedom", 0), j, gc,
                json.number("ar1", 0)));
        if (json.has("degreesOfFreedom") && dynamics.degreesOfFreedom() == 0) {
            AssetDynamics.checkDegreesOfFreedom(json.path() + ".degreesOfFreedom", 0);
        }
        return new AssetEntry(asset, dynamics);
    }

    private static Garch garch(JsonNodes g, double omega) {
        return g.build(() -> new Garch(omega, g.number("alpha"), g.number("beta"),
                g.number("initialVolatility", Double.NaN)).requireModestLongRun());
    }

    /**
     * Reads {@code market.historical}: the price file, resolved against {@code directory} (the spec file's), filtered
     * into residuals in the order of {@code assets}.
     */
    static HistoricalResiduals historical(JsonNodes json, List<String> assets, Path directory) {
        json.allowOnly("prices");
        JsonNodes prices = json.get("prices");
        String file = prices.asText();
        PriceSeries series;
        try {
            series = PriceSeries.read(directory.resolve(file));
        } catch (SpecException e) {
            throw prices.error("must name a usable price CSV (resolved against the spec file's directory) but \""
                    + file + "\" gives: " + e.getMessage());
        }
        return json.build(() -> HistoricalFit.fit(series, assets, file));
    }

    /** The {@code market} object, or GBM with no stress when {@code json} is null. */
    static MarketSpec market(JsonNodes json, List<AssetDynamics> assets, HistoricalResiduals historical) {
        int n = assets.size();
        if (json == null) {
            return new MarketSpec(assets, 0, null, new double[0], Stress.none(n));
        }
        json.allowOnly("copula", "copulaDegreesOfFreedom", "commonJump", "stress", "dcc", "historical");
        String copula = json.text("copula", "gaussian");
        double copulaDof = 0;
        switch (copula) {
            case "gaussian" -> {
                if (json.has("copulaDegreesOfFreedom")) {
                    throw json.get("copulaDegreesOfFreedom").error("applies to copula \"t\" only but copula was \""
                            + copula + "\"");
                }
            }
            case "t" -> copulaDof = json.number("copulaDegreesOfFreedom");
            default -> throw json.get("copula").error("must be \"gaussian\" or \"t\" but was \"" + copula + "\"");
        }
        Jumps common = null;
        double[] betas = new double[0];
        if (json.has("commonJump")) {
            JsonNodes c = json.object("commonJump").allowOnly("intensity", "mean", "stdev", "betas");
            common = c.build(() -> new Jumps(c.number("intensity"), c.number("mean"), c.number("stdev")));
            betas = numbers(c.get("betas"));
            List<JsonNodes> items = c.get("betas").elements();
            for (int a = 0; a < betas.length; a++) {
                Checks.magnitudeAtMost(items.get(a).path(), betas[a], Checks.MAX_SCALE);
            }
        }
        Stress stress = json.has("stress") ? stress(json.object("stress"), n) : Stress.none(n);
        Dcc dcc = null;
        if (json.has("dcc")) {
            JsonNodes d = json.object("dcc").allowOnly("a", "b");
            dcc = d.build(() -> new Dcc(d.number("a"), d.number("b")));
        }
        double dof = copulaDof;
        Jumps cj = common;
        double[] b = betas;
        Stress st = stress;
        Dcc dc = dcc;
        return json.build(() -> new MarketSpec(assets, dof, cj, b, st, dc, historical));
    }

    /**
     * A stress overlay object, {@code market.stress} or a scenario's {@code stress}; the caller checks the shock's
     * length against the assets (through {@link MarketSpec}) so that error names its own path too.
     */
    static Stress stress(JsonNodes json, int assets) {
        JsonNodes s = json.allowOnly("shock", "volatilityMultiplier", "correlationToOne");
        double[] shock = s.has("shock") ? numbers(s.get("shock")) : new double[assets];
        return s.build(() -> new Stress(shock, s.number("volatilityMultiplier", 1), s.number("correlationToOne", 0)));
    }

    private static double[] numbers(JsonNodes array) {
        List<JsonNodes> items = array.elements();
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = items.get(i).asNumber();
        }
        return out;
    }
}
