package io.marginsim.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.marginsim.check.Checks;
import io.marginsim.check.SpecException;
import io.marginsim.liquidation.Funding;
import io.marginsim.liquidation.HaircutModel;
import io.marginsim.liquidation.LiquidationDefaults;
import io.marginsim.liquidation.LiquidationTerms;
import io.marginsim.liquidation.Microstructure;
import io.marginsim.market.AssetDynamics;
import io.marginsim.market.CorrelationMatrix;
import io.marginsim.market.HistoricalResiduals;
import io.marginsim.market.MarketSpec;
import io.marginsim.model.Account;
import io.marginsim.model.Asset;
import io.marginsim.model.Collateral;
import io.marginsim.model.Debt;
import io.marginsim.model.MarginMode;
import io.marginsim.model.Position;
import io.marginsim.rules.MaintenanceRule;
import io.marginsim.rules.ScenarioGrid;

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
            "stepsPerDay", "paths", "seed", "engine", "monitoring", "market", "liquidation", ScenarioReader.KEY};
    private static final long DEFAULT_PATHS = 100_000;
    private static final int DEFAULT_STEPS_PER_DAY = 24;

    private SpecReader() {
    }

    public static Spec read(Path file) {
        return read(file, false);
    }

    /**
     * Reads a spec file; {@code forceRepair} repairs a correlation that is not positive semi-definite. Its
     * {@code scenarios}, if any, are checked and left out: commands that run one spec run the baseline.
     */
    public static Spec read(Path file, boolean forceRepair) {
        return readScenarios(file, forceRepair).baseline();
    }

    /**
     * The other files a spec reads, resolved as the readers resolve them (relative to {@code directory}, the spec
     * file's): a scenarios file and the {@code market.historical} prices. For output checks, which must not let an
     * output replace them; a spec that is not an object names none (reading it reports why).
     */
    public static List<Path> referencedFiles(JsonNode spec, Path directory) {
        List<Path> files = new ArrayList<>();
        if (spec != null && spec.path(ScenarioReader.KEY).isTextual()) {
            files.add(directory.resolve(spec.get(ScenarioReader.KEY).asText()));
        }
        JsonNode prices = spec == null ? null : spec.path("market").path("historical").path("prices");
        if (prices != null && prices.isTextual()) {
            files.add(directory.resolve(prices.asText()));
        }
        return files;
    }

    /** {@link #referencedFiles(JsonNode, Path)} of a spec file; none when it cannot be read or parsed. */
    public static List<Path> referencedFiles(Path file) {
        try {
            JsonNode spec = JsonNodes.parse(Files.readString(file), file.toString()).node();
            return referencedFiles(spec, file.toAbsolutePath().getParent());
        } catch (IOException | SpecException e) {
            return List.of();
        }
    }

    /** Reads a spec file with its named scenarios; a scenarios file is resolved relative to the spec file. */
    public static ScenarioSet readScenarios(Path file, boolean forceRepair) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SpecException("spec file " + file, "does not exist");
        } catch (IOException e) {
            throw new SpecException("spec file " + file, "cannot be read: " + e.getMessage());
        }
        return parseScenarios(text, file.toString(), file.toAbsolutePath().getParent(), forceRepair);
    }

    /**
     * Parses a spec; the files it names are resolved in the working directory, and its scenarios are checked and
     * left out.
     *
     * @param forceRepair repair a non-positive-semi-definite correlation even if the spec does not ask to
     */
    public static Spec parse(String text, String source, boolean forceRepair) {
        return parse(text, source, Path.of(""), forceRepair);
    }

    /** Like {@link #parse(String, String, boolean)} with the files the spec names resolved in {@code directory}. */
    public static Spec parse(String text, String source, Path directory, boolean forceRepair) {
        return parseScenarios(text, source, directory, forceRepair).baseline();
    }

    /**
     * Parses a spec with its named scenarios; the files it names (a scenarios file, {@code market.historical.prices})
     * are resolved in {@code dir}.
     */
    public static ScenarioSet parseScenarios(String text, String source, Path dir, boolean forceRepair) {
        JsonNodes root = JsonNodes.parse(text, source).allowOnly(ROOT_KEYS);
        Spec spec = spec(root, dir, forceRepair);
        return new ScenarioSet(spec, root.has(ScenarioReader.KEY)
                ? ScenarioReader.read(root.get(ScenarioReader.KEY), dir, spec) : List.of());
    }

    private static Spec spec(JsonNodes root, Path directory, boolean forceRepair) {
        List<JsonNodes> assetNodes = root.get("assets").elements();
        JsonNodes marketJson = root.has("market") ? root.object("market") : null;
        HistoricalResiduals history = null;
        if (marketJson != null && marketJson.has("historical")) {
            List<String> names = assetNodes.stream().map(a -> a.text("name")).toList();
            history = MarketReader.historical(marketJson.object("historical"), names, directory);
        }
        List<Asset> assets = new ArrayList<>();
        List<AssetDynamics> dynamics = new ArrayList<>();
        for (int a = 0; a < assetNodes.size(); a++) {
            MarketReader.AssetEntry entry = MarketReader.asset(assetNodes.get(a),
                    history == null ? null : history.fitted().get(a));
            assets.add(entry.asset());
            dynamics.add(entry.dynamics());
        }
        MarketSpec market = MarketReader.market(marketJson, dynamics, history);
        if (history != null && root.has("correlation")) {
            throw root.get("correlation").error("must not be given with market.historical (the bootstrapped residual "
                    + "rows carry the assets' dependence)");
        }
        boolean repair = forceRepair || root.bool("repairCorrelation", false);
        CorrelationMatrix correlation = root.has("correlation")
                ? correlation(root.get("correlation"), repair)
                : CorrelationMatrix.identity(assets.size());
        AccountRead read = account(root.object("account"), assets);
        Account account = read.account();
        if (root.has("liquidation")) {
            refuseInverse(root.object("account"));
        }
        LiquidationTerms liquidation = root.has("liquidation")
                ? LiquidationReader.terms(root.object("liquidation"), account.positions(), read.venues()) : null;
        if (liquidation != null && account.portfolioMargin() != null) {
            PortfolioMarginReader.refusePartial(root.object("liquidation"), liquidation);
        }
        Microstructure microstructure = new Microstructure(liquidation, read.funding(), read.borrowRate(),
                read.haircuts());
        String engine = root.text("engine", "auto");
        EngineKind kind = switch (engine) {
            case "auto", "scalar", "vector", "opencl" -> EngineKind.valueOf(engine.toUpperCase(Locale.ROOT));
            default -> throw root.get("engine").error("must be one of auto, scalar, vector, opencl but was \"" + engine + "\"");
        };
        String monitoringName = root.text("monitoring", Monitoring.DEFAULT.key());
        Monitoring monitoring = switch (monitoringName) {
            case "discrete", "continuous" -> Monitoring.valueOf(monitoringName.toUpperCase(Locale.ROOT));
            default -> throw root.get("monitoring").error("must be \"continuous\" or \"discrete\" but was \""
                    + monitoringName + "\"");
        };
        long stepsPerDay = root.integer("stepsPerDay", DEFAULT_STEPS_PER_DAY, 1, Spec.MAX_STEPS);
        long paths = root.integer("paths", DEFAULT_PATHS, 1, Spec.MAX_PATHS);
        long seed = root.integer("seed", 1, Long.MIN_VALUE, Long.MAX_VALUE);
        return root.build(() -> new Spec(assets, correlation, market, account, root.number("horizonDays"),
                (int) stepsPerDay, paths, seed, kind, microstructure, monitoring));
    }

    /**
     * Liquidation fees, slippage and partial closes act on a position's value, which for an inverse contract is in
     * coin and differs from its linear equivalent's; they are refused rather than applied to the wrong value.
     */
    private static void refuseInverse(JsonNodes account) {
        for (JsonNodes item : account.array("positions")) {
            if (item.has("contract") && item.get("contract").node().isTextual()
                    && item.text("contract").equals("inverse")) {
                throw item.get("contract").error("is \"inverse\", but the liquidation object is modelled for linear "
                        + "contracts only (its fees and partial closes act on the coin value); leave it out");
            }
        }
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

    /**
     * The account and what is read beside it: per-position funding (null entries where absent; an empty list when
     * no position has any), per-debt borrow rates (empty when no debt has one), each position's venue defaults and
     * per-collateral haircut models (null entries where absent; empty when no entry has one).
     */
    private record AccountRead(Account account, List<Funding> funding, List<Double> borrowRate,
                               List<LiquidationDefaults> venues, List<HaircutModel> haircuts) {
    }

    private static AccountRead account(JsonNodes json, List<Asset> assets) {
        json.allowOnly("mode", "cash", "collateral", "debts", "positions", "portfolioMargin");
        String modeText = json.text("mode", "cross");
        MarginMode mode = switch (modeText) {
            case "cross", "isolated" -> MarginMode.valueOf(modeText.toUpperCase(Locale.ROOT));
            default -> throw json.get("mode").error("must be \"cross\" or \"isolated\" but was \"" + modeText + "\"");
        };
        List<Collateral> collateral = new ArrayList<>();
        List<HaircutModel> haircuts = new ArrayList<>();
        for (JsonNodes item : json.array("collateral")) {
            collateral.add(collateral(item, assets));
            haircuts.add(item.has("haircutModel") ? LiquidationReader.haircutModel(item.object("haircutModel")) : null);
        }
        boolean anyModel = haircuts.stream().anyMatch(h -> h != null);
        List<Debt> debts = new ArrayList<>();
        List<Double> borrow = new ArrayList<>();
        boolean anyBorrow = false;
        for (JsonNodes item : json.array("debts")) {
            item.allowOnly("asset", "amount", "borrowRate");
            debts.add(item.build(() -> new Debt(item.text("asset"), item.number("amount"))));
            double rate = item.number("borrowRate", 0);
            if (!(rate >= 0 && rate <= Checks.MAX_ANNUAL_RATE)) {
                throw item.get("borrowRate").error("must be an annual rate >= 0 and at most "
                        + Checks.show(Checks.MAX_ANNUAL_RATE) + " but was " + rate);
            }
            borrow.add(rate);
            anyBorrow |= item.has("borrowRate");
        }
        ScenarioGrid grid = json.has("portfolioMargin") ? PortfolioMarginReader.grid(json.object("portfolioMargin"),
                assets) : null;
        List<Position> positions = new ArrayList<>();
        List<Funding> funding = new ArrayList<>();
        List<LiquidationDefaults> venues = new ArrayList<>();
        boolean anyFunding = false;
        for (JsonNodes item : json.array("positions")) {
            LiquidationDefaults venue = item.has("venue") && item.get("venue").node().isTextual()
                    ? Presets.get(item.path() + ".venue", item.text("venue")).liquidation() : LiquidationDefaults.NONE;
            positions.add(position(item, mode, grid != null));
            venues.add(venue);
            funding.add(item.has("funding") ? LiquidationReader.funding(item.object("funding"), venue.funding()) : null);
            anyFunding |= item.has("funding");
        }
        Account account = json.build(() -> new Account(mode, json.number("cash", 0), collateral, debts, positions,
                grid));
        return new AccountRead(account, anyFunding ? funding : List.of(), anyBorrow ? borrow : List.of(), venues,
                anyModel ? haircuts : List.of());
    }

    private static Collateral collateral(JsonNodes json, List<Asset> assets) {
        json.allowOnly("asset", "amount", "haircut", "haircutModel", "liquidationThreshold", "venue", "symbol");
        double haircut = json.number("haircut", 0);
        if (json.has("haircutModel")) {
            if (json.has("haircut")) {
                throw json.get("haircut").error("must not be given together with haircutModel (the model sets it)");
            }
            HaircutModel model = LiquidationReader.haircutModel(json.object("haircutModel"));
            String name = json.text("asset");
            double volatility = assets.stream().filter(a -> a.name().equals(name)).mapToDouble(Asset::volatility)
                    .findFirst().orElse(0);
            haircut = model.haircut(volatility);
        }
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
        double h = haircut;
        return json.build(() -> new Collateral(json.text("asset"), json.number("amount"), h, lt));
    }

    /** @param portfolio whether the account's portfolio-margin grid is the requirement of this position */
    private static Position position(JsonNodes json, MarginMode mode, boolean portfolio) {
        json.allowOnly("asset", "size", "entryPrice", "rules", "venue", "symbol", "margin", "funding", "contract",
                "faceValue");
        if (portfolio) {
            PortfolioMarginReader.refuseOwnRule(json);
        } else if (json.has("rules") == json.has("venue")) {
            throw json.error("must give exactly one of rules (inline) or venue + symbol (a preset)");
        }
        MaintenanceRule rule;
        VenuePreset preset = null;
        if (portfolio) {
            rule = PortfolioMarginReader.COVERED;
        } else if (json.has("rules")) {
            rule = RuleReader.read(json.object("rules"));
        } else {
            preset = Presets.get(json.path() + ".venue", json.text("venue"));
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
        if (ContractReader.inverse(json, preset)) {
            return ContractReader.position(json, mode, rule, preset);
        }
        return json.build(() -> new Position(json.text("asset"), json.number("size"), json.number("entryPrice"), rule,
                json.number("margin", 0)));
    }
}
