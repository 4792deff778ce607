package io.marginsim.spec;

import io.marginsim.engine.EngineKind;
import io.marginsim.market.AssetDynamics;
import io.marginsim.market.CorrelationMatrix;
import io.marginsim.market.MarketSpec;
import io.marginsim.model.Account;
import io.marginsim.model.Asset;
import io.marginsim.model.Collateral;
import io.marginsim.model.Debt;
import io.marginsim.model.MarginMode;
import io.marginsim.model.Position;
import io.marginsim.rules.MaintenanceRule;
import io.marginsim.rules.Presets;
import io.marginsim.rules.RuleReader;
import io.marginsim.rules.VenuePreset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the JSON spec (the user contract documented in README). Every error names the JSON path, the value
 * and the rule.
 */
public final class SpecReader {
    private static final String[] ROOT_KEYS = {"assets", "correlation", "repairCorrelation", "account", "horizonDays",
            "stepsPerDay", "paths", "seed", "engine", "market"};
    private static final long DEFAULT_PATHS = 100_000;
    private static final int DEFAULT_STEPS_PER_DAY = 24;

    private SpecReader() {
    }

    public static Spec read(Path file) {
        return read(file, false);
    }

    /** Reads a spec file; {@code forceRepair} repairs a correlation that is not positive semi-definite. */
    public static Spec read(Path file, boolean forceRepair) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SpecException("spec file " + file, "does not exist");
        } catch (IOException e) {
            throw new SpecException("spec file " + file, "cannot be read: " + e.getMessage());
        }
        return parse(text, file.toString(), forceRepair);
    }

    /**
     * Parses a spec.
     *
     * @param forceRepair repair a non-positive-semi-definite correlation even if the spec does not ask to
     */
    public static Spec parse(String text, String source, boolean forceRepair) {
        JsonNodes root = JsonNodes.parse(text, source).allowOnly(ROOT_KEYS);
        List<Asset> assets = new ArrayList<>();
        List<AssetDynamics> dynamics = new ArrayList<>();
        for (JsonNodes asset : root.get("assets").elements()) {
            MarketReader.AssetEntry entry = MarketReader.asset(asset);
            assets.add(entry.asset());
            dynamics.add(entry.dynamics());
        }
        MarketSpec market = MarketReader.market(root.has("market") ? root.object("market") : null, dynamics);
        boolean repair = forceRepair || root.bool("repairCorrelation", false);
        CorrelationMatrix correlation = root.has("correlation")
                ? correlation(root.get("correlation"), repair)
                : CorrelationMatrix.identity(assets.size());
        Account account = account(root.object("account"));
        String engine = root.text("engine", "auto");
        EngineKind kind = switch (engine) {
            case "auto", "scalar", "vector", "opencl" -> EngineKind.valueOf(engine.toUpperCase(Locale.ROOT));
            default -> throw root.get("engine").error("must be one of auto, scalar, vector, opencl but was \"" + engine + "\"");
        };
        long stepsPerDay = root.integer("stepsPerDay", DEFAULT_STEPS_PER_DAY);
        if (stepsPerDay < 1 || stepsPerDay > Spec.MAX_STEPS) {
            throw root.get("stepsPerDay").error("must be between 1 and " + Spec.MAX_STEPS + " but was " + stepsPerDay);
        }
        return root.build(() -> new Spec(assets, correlation, market, account, root.number("horizonDays"), (int) stepsPerDay,
                root.integer("paths", DEFAULT_PATHS), root.integer("seed", 1), kind));
    }

    private static CorrelationMatrix correlation(JsonNodes json, boolean repair) {
        List<JsonNodes> rows = json.elements();
        double[][] m = new double[rows.size()][];
        for (int i = 0; i < m.length; i++) {
            List<JsonNodes> row = rows.get(i).elements();
            m[i] = new double[row.size()];
            for (int j = 0; j < m[i].length; j++) {
                m[i][j] = row.get(j).asNumber();
            }
        }
        if (repair) {
            return CorrelationMatrix.nearest(validEntries(m));
        }
        return CorrelationMatrix.of(m);
    }

    /** Checks shape, diagonal, range and symmetry only, so repair is offered for definiteness alone. */
    private static double[][] validEntries(double[][] m) {
        try {
            CorrelationMatrix.of(m);
        } catch (SpecException e) {
            if (!e.field().equals("correlation")) {
                throw e;
            }
        }
        return m;
    }

    private static Account account(JsonNodes json) {
        json.allowOnly("mode", "cash", "collateral", "debts", "positions");
        String modeText = json.text("mode", "cross");
        MarginMode mode = switch (modeText) {
            case "cross", "isolated" -> MarginMode.valueOf(modeText.toUpperCase(Locale.ROOT));
            default -> throw json.get("mode").error("must be \"cross\" or \"isolated\" but was \"" + modeText + "\"");
        };
        List<Collateral> collateral = new ArrayList<>();
        for (JsonNodes item : json.array("collateral")) {
            collateral.add(collateral(item));
        }
        List<Debt> debts = new ArrayList<>();
        for (JsonNodes item : json.array("debts")) {
            item.allowOnly("asset", "amount");
            debts.add(item.build(() -> new Debt(item.text("asset"), item.number("amount"))));
        }
        List<Position> positions = new ArrayList<>();
        for (JsonNodes item : json.array("positions")) {
            positions.add(position(item, mode));
        }
        return json.build(() -> new Account(mode, json.number("cash", 0), collateral, debts, positions));
    }

    private static Collateral collateral(JsonNodes json) {
        json.allowOnly("asset", "amount", "haircut", "liquidationThreshold", "venue", "symbol");
        double threshold = json.number("liquidationThreshold", 1.0);
        if (json.has("venue")) {
            if (json.has("liquidationThreshold")) {
                throw json.get("liquidationThreshold").error("must not be given together with venue (the preset sets it)");
            }
            VenuePreset preset = Presets.get(json.path() + ".venue", json.text("venue"));
            if (preset.kind() != VenuePreset.Kind.LENDING) {
                throw json.get("venue").error("must name a lending preset for collateral but \"" + preset.name()
                        + "\" is a perpetual venue");
            }
            String symbol = json.text("symbol", json.text("asset"));
            VenuePreset.LendingTerms terms = preset.collateral().get(symbol);
            if (terms == null) {
                throw new SpecException(json.path() + ".symbol", "must be one of " + preset.collateral().keySet()
                        + " for venue " + preset.name() + " but was \"" + symbol + "\"");
            }
            threshold = terms.liquidationThreshold();
        }
        double lt = threshold;
        return json.build(() -> new Collateral(json.text("asset"), json.number("amount"), json.number("haircut", 0), lt));
    }

    private static Position position(JsonNodes json, MarginMode mode) {
        json.allowOnly("asset", "size", "entryPrice", "rules", "venue", "symbol", "margin");
        if (json.has("rules") == json.has("venue")) {
            throw json.error("must give exactly one of rules (inline) or venue + symbol (a preset)");
        }
        MaintenanceRule rule;
        if (json.has("rules")) {
            rule = RuleReader.read(json.object("rules"));
        } else {
            VenuePreset preset = Presets.get(json.path() + ".venue", json.text("venue"));
            String symbol = json.text("symbol");
            rule = preset.symbols().get(symbol);
            if (rule == null) {
                throw json.get("symbol").error("must be one of " + preset.symbols().keySet() + " for venue "
                        + preset.name() + " but was \"" + symbol + "\"");
            }
        }
        if (mode == MarginMode.ISOLATED && !json.has("margin")) {
            throw new SpecException(json.path() + ".margin", "is required in isolated mode (the margin assigned to the position)");
        }
        if (mode == MarginMode.CROSS && json.has("margin")) {
            throw json.get("margin").error("applies to isolated mode only; in cross mode the account's cash backs every position");
        }
        return json.build(() -> new Position(json.text("asset"), json.number("size"), json.number("entryPrice"), rule,
                json.number("margin", 0)));
    }
}
