package io.marginsim.spec;

import io.marginsim.check.SpecException;
import io.marginsim.engine.PortfolioSpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each key of {@code account.portfolioMargin} rejects bad input in one sentence naming the JSON path, the value and
 * the rule, and what the grid does not model (isolated mode, a position's own rule, partial liquidation) is refused.
 */
class PortfolioMarginSpecErrorsTest {
    private static String spec(String mode, String position, String grid, String extra) {
        return String.format(Locale.ROOT, """
                {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.6},
                            {"name": "ETH", "price": 3000, "volatility": 0.8}],
                 "account": {"mode": "%s", "cash": 15000,
                   "positions": [{"asset": "BTC", "size": 1, "entryPrice": 60000%s}],
                   "portfolioMargin": %s},
                 "horizonDays": 1 %s}""", mode, position, grid, extra);
    }

    private static final String GRID = "{\"scenarios\": [{\"moves\": {\"BTC\": -0.1}}]}";

    @ParameterizedTest(name = "{4}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "isolated|`, \"margin\": 6000`|" + GRID + "|``|account.portfolioMargin applies to cross mode only (one requirement on the whole account's scenario loss) but the mode is isolated",
            "cross|`, \"rules\": {\"type\": \"flat\", \"rate\": 0.005}`|" + GRID + "|``|account.positions[0].rules must not be given under account.portfolioMargin (the scenario grid is the requirement of every position)",
            "cross|`, \"venue\": \"binance-usdm\", \"symbol\": \"BTCUSDT\"`|" + GRID + "|``|account.positions[0].venue must not be given under account.portfolioMargin (the scenario grid is the requirement of every position)",
            "cross|``|`{\"scenarios\": []}`|``|account.portfolioMargin.scenarios must list between 1 and 256 scenarios but listed 0",
            "cross|``|`{\"minimum\": 100}`|``|account.portfolioMargin.scenarios must list between 1 and 256 scenarios but listed 0",
            "cross|``|`{\"scenarios\": [{\"moves\": {\"SOL\": -0.1}}]}`|``|account.portfolioMargin.scenarios[0].moves.SOL names no asset of the spec (assets are [BTC, ETH])",
            "cross|``|`{\"scenarios\": [{\"moves\": {\"BTC\": -1}}]}`|``|account.portfolioMargin.scenarios[0].moves.BTC must be a relative price move > -1 and at most 10 but was -1.0",
            "cross|``|`{\"scenarios\": [{\"moves\": {\"BTC\": 11}}]}`|``|account.portfolioMargin.scenarios[0].moves.BTC must be a relative price move > -1 and at most 10 but was 11.0",
            "cross|``|`{\"scenarios\": [{\"moves\": {\"BTC\": -0.1}, \"volatility\": -2}]}`|``|account.portfolioMargin.scenarios[0].volatility must be a relative volatility move > -1 and at most 10 but was -2.0",
            "cross|``|`{\"scenarios\": [{\"moves\": {\"BTC\": -0.1}, \"vega\": 1}]}`|``|account.portfolioMargin.scenarios[0].vega is not a known key; allowed here: name, moves, volatility",
            "cross|``|`{\"scenarios\": [{\"name\": \"down\"}]}`|``|account.portfolioMargin.scenarios[0].moves is required but missing",
            "cross|``|`{\"scenarios\": [{\"moves\": {\"BTC\": -0.1}}], \"minimum\": -5}`|``|account.portfolioMargin.minimum must be a finite number >= 0 but was -5.0",
            "cross|``|`{\"scenarios\": [{\"moves\": {\"BTC\": -0.1}}], \"floor\": 5}`|``|account.portfolioMargin.floor is not a known key; allowed here: scenarios, minimum",
            "cross|``|" + GRID + "|`, \"liquidation\": {\"partial\": {\"mode\": \"tier\"}}`|liquidation.partial.mode is \"tier\", but under account.portfolioMargin a liquidation closes the whole account (partial liquidation would need the scenario grid of the reduced positions); give \"full\" or leave partial out",
            "cross|``|" + GRID + "|`, \"liquidation\": {\"partial\": {\"mode\": \"fraction\", \"fraction\": 0.5}}`|liquidation.partial.mode is \"fraction\", but under account.portfolioMargin a liquidation closes the whole account (partial liquidation would need the scenario grid of the reduced positions); give \"full\" or leave partial out",
    })
    void rejectsNamingPathValueAndRule(String mode, String position, String grid, String extra, String message) {
        assertThatThrownBy(() -> SpecReader.parse(spec(mode, position == null ? "" : position, grid,
                extra == null ? "" : extra), "spec.json", false))
                .isInstanceOf(SpecException.class).hasMessage(message);
    }

    @Test
    void aFullLiquidationAndAVolatilityMoveAreTaken() {
        Spec spec = SpecReader.parse(spec("cross", "", "{\"scenarios\": [{\"moves\": {\"BTC\": -0.1}, \"volatility\": "
                + "0.3}]}", ", \"liquidation\": {\"latencySeconds\": 5, \"partial\": {\"mode\": \"full\"}}"), "spec.json",
                false);
        assertThat(spec.account().portfolioMargin().scenarios()).hasSize(1);
        assertThat(spec.account().portfolioMargin().scenarios().getFirst().move("ETH")).as("not named").isZero();
    }

    @Test
    void theTestAccountReadsWithItsGrid() {
        assertThat(PortfolioSpecs.twoAssets(15_000, 1, 10, Monitoring.DISCRETE).account()
                .portfolioMargin().minimum()).isEqualTo(500);
    }
}
