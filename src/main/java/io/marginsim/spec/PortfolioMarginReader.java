package io.marginsim.spec;

import io.marginsim.check.Checks;
import io.marginsim.liquidation.LiquidationTerms;
import io.marginsim.liquidation.PartialPolicy;
import io.marginsim.model.Asset;
import io.marginsim.rules.Basis;
import io.marginsim.rules.MaintenanceRule;
import io.marginsim.rules.RuleTerms;
import io.marginsim.rules.ScenarioGrid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code account.portfolioMargin}: the scenario grid whose worst loss is the requirement of every position of
 * the account ({@link ScenarioGrid}).
 * <pre>
 *   {"scenarios": [{"name": "down", "moves": {"BTC": -0.15, "ETH": -0.2}, "volatility": 0.25}, ...],
 *    "minimum": 0}
 * </pre>
 */
final class PortfolioMarginReader {
    /**
     * The rule of a position covered by the grid: nothing of its own (its part of the requirement is in the grid's
     * loss), so the per-position requirement every engine adds is zero; on the entry value, so that the engines take
     * it as a fixed requirement rather than evaluating a bracket every step.
     */
    static final MaintenanceRule COVERED = new MaintenanceRule.Flat(0, RuleTerms.on(Basis.ENTRY));
    /** A SPAN-style volatility move (relative) is at most this; it is read and checked, never applied. */
    private static final double MAX_VOLATILITY_MOVE = 10;

    private PortfolioMarginReader() {
    }

    static ScenarioGrid grid(JsonNodes json, List<Asset> assets) {
        json.allowOnly("scenarios", "minimum");
        List<String> names = assets.stream().map(Asset::name).toList();
        List<ScenarioGrid.Scenario> scenarios = new ArrayList<>();
        List<JsonNodes> items = json.array("scenarios");
        for (JsonNodes item : items) {
            item.allowOnly("name", "moves", "volatility");
            JsonNodes movesJson = item.object("moves");
            Map<String, Double> moves = new LinkedHashMap<>();
            for (String asset : movesJson.keys()) {
                if (!names.contains(asset)) {
                    throw movesJson.get(asset).error("names no asset of the spec (assets are " + names + ")");
                }
                moves.put(asset, movesJson.number(asset));
            }
            if (item.has("volatility")) {
                // SPAN arrays move volatility too; a linear position has no vega, so the move changes no loss here
                double v = item.number("volatility");
                if (!(v > -1 && v <= MAX_VOLATILITY_MOVE)) {
                    throw item.get("volatility").error("must be a relative volatility move > -1 and at most "
                            + Checks.show(MAX_VOLATILITY_MOVE) + " but was " + v);
                }
                if (v != 0) {
                    Warnings.warn(item.path() + ".volatility " + v + " changes no loss: the positions are linear, "
                            + "with no exposure to volatility");
                }
            }
            String name = item.text("name", "scenario " + scenarios.size());
            scenarios.add(item.build(() -> new ScenarioGrid.Scenario(name, moves)));
        }
        return json.build(() -> new ScenarioGrid(scenarios, json.number("minimum", 0)));
    }

    /** A position of a portfolio-margined account takes its requirement from the grid, not from a rule of its own. */
    static void refuseOwnRule(JsonNodes position) {
        for (String key : new String[] {"rules", "venue", "symbol"}) {
            if (position.has(key)) {
                throw position.get(key).error("must not be given under account.portfolioMargin (the scenario grid is "
                        + "the requirement of every position)");
            }
        }
    }

    /**
     * A partial liquidation reduces positions by their own brackets (tier) or by a share (fraction), after which the
     * grid's loss would have to be that of the reduced sizes; neither is modelled, so only {@code full} is taken.
     */
    static void refusePartial(JsonNodes liquidation, LiquidationTerms terms) {
        for (LiquidationTerms.PositionTerms t : terms.positions()) {
            if (t.partial().mode() != PartialPolicy.Mode.FULL) {
                String mode = t.partial().mode().name().toLowerCase(Locale.ROOT);
                throw liquidation.get("partial").get("mode").error("is \"" + mode + "\", but under "
                        + "account.portfolioMargin a liquidation closes the whole account (partial liquidation would "
                        + "need the scenario grid of the reduced positions); give \"full\" or leave partial out");
            }
        }
    }
}
