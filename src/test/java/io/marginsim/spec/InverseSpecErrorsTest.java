package io.marginsim.spec;

import io.marginsim.check.SpecException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each inverse-contract key rejects bad input in one sentence naming the JSON path, the value and the rule. */
class InverseSpecErrorsTest {
    private static String spec(String mode, String position, String extra) {
        return String.format(Locale.ROOT, """
                {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.6}],
                 "account": {"mode": "%s", "collateral": [{"asset": "BTC", "amount": 0.1}],
                   "positions": [{"asset": "BTC", "entryPrice": 60000, %s}]},
                 "horizonDays": 1 %s}""", mode, position, extra);
    }

    private static final String FLAT = "\"rules\": {\"type\": \"flat\", \"rate\": 0.005}";
    /** Two coin brackets, the second from 5 BTC of value with a derived amount of 0.005 BTC. */
    private static final String MARK_TIERS = "\"rules\": {\"type\": \"tiered\", \"tiers\": [{\"floor\": 0, \"rate\": 0.004}, "
            + "{\"floor\": 5, \"rate\": 0.005}]}";
    private static final String ENTRY_BRACKET_TIERS = "\"rules\": {\"type\": \"tiered\", \"bracketBasis\": \"entry\", "
            + "\"tiers\": [{\"floor\": 0, \"rate\": 0.004}, {\"floor\": 5, \"rate\": 0.005}]}";

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "cross|`\"contract\": \"quanto\", \"size\": 1, " + FLAT + "`|``|account.positions[0].contract must be \"linear\" or \"inverse\" but was \"quanto\"",
            "cross|`\"faceValue\": 1, \"size\": 1, " + FLAT + "`|``|account.positions[0].faceValue applies to inverse contracts only but contract is \"linear\"",
            "cross|`\"contract\": \"inverse\", \"size\": 60000, " + FLAT + "`|``|account.positions[0].faceValue is required but missing",
            "cross|`\"contract\": \"inverse\", \"faceValue\": 0, \"size\": 60000, " + FLAT + "`|``|account.positions[0].faceValue must be a finite number > 0 but was 0.0",
            "cross|`\"contract\": \"inverse\", \"faceValue\": -5, \"size\": 60000, " + FLAT + "`|``|account.positions[0].faceValue must be a finite number > 0 but was -5.0",
            "cross|`\"contract\": \"inverse\", \"faceValue\": 1, \"size\": 0, " + FLAT + "`|``|account.positions[0].size must be a non-zero number of contracts (negative for a short) but was 0",
            "cross|`\"contract\": \"inverse\", \"faceValue\": 1e12, \"size\": 1e6, " + FLAT + "`|``|account.positions[0].size times faceValue must be at most 1e15 USD but was 1000000.0 x 1.0E12 = 1.0E18",
            "cross|`\"contract\": \"inverse\", \"faceValue\": 1, \"size\": 60000, \"funding\": {\"rate\": 0.0001}, " + FLAT + "`|``|account.positions[0].funding is modelled for linear contracts only (an inverse contract's funding is paid in coin on its coin value)",
            "cross|`\"contract\": \"inverse\", \"faceValue\": 1, \"size\": 60000, " + FLAT + "`|`, \"liquidation\": {\"feeRate\": 0.005}`|account.positions[0].contract is \"inverse\", but the liquidation object is modelled for linear contracts only (its fees and partial closes act on the coin value); leave it out",
            "cross|`\"size\": 60000, \"venue\": \"bybit-inverse\", \"symbol\": \"BTCUSD\"`|``|account.positions[0].contract must be \"inverse\" for venue bybit-inverse, whose symbols are inverse contracts, but was \"linear\"",
            "cross|`\"contract\": \"inverse\", \"faceValue\": 1, \"size\": 60000, \"venue\": \"binance-usdm\", \"symbol\": \"BTCUSDT\"`|``|account.positions[0].contract must be \"linear\" for venue binance-usdm, whose symbols are linear contracts, but was \"inverse\"",
            "cross|`\"contract\": \"inverse\", \"faceValue\": 100, \"size\": 60000, \"venue\": \"bybit-inverse\", \"symbol\": \"BTCUSD\"`|``|account.positions[0].faceValue must be 1.0 USD for BTCUSD on venue bybit-inverse (the contract's published face value) but was 100.0",
            "cross|`\"contract\": \"inverse\", \"faceValue\": 1, \"size\": 60000, " + MARK_TIERS + "`|``|account.positions[0].rules picks its bracket by the coin value at mark, which for an inverse contract grows as the price falls; give bracketBasis \"entry\" (the bracket at the entry value) or one tier",
            "cross|`\"contract\": \"inverse\", \"faceValue\": 1, \"size\": 600000, " + ENTRY_BRACKET_TIERS + "`|``|account.positions[0].rules has a maintenance amount of 0.005 coin in the bracket of a 10.0-coin position, which with basis \"mark\" on an inverse contract makes the USD requirement fall with the price and is not modelled; give basis \"entry\" or a position in a bracket without an amount",
            "isolated|`\"contract\": \"inverse\", \"faceValue\": 1, \"size\": -60000, \"margin\": 1, " + FLAT + "`|``|account.positions[0].margin of 1.0 coin equals the short's value at entry, so its USD equity is fixed at 60000.0 and it cannot breach; nothing to simulate",
            "isolated|`\"contract\": \"inverse\", \"faceValue\": 1, \"size\": -60000, \"margin\": -1, " + FLAT + "`|``|account.positions[0].margin must be a finite number >= 0 but was -1.0",
            "isolated|`\"contract\": \"inverse\", \"faceValue\": 1, \"size\": -60000, \"margin\": 1.001, \"rules\": {\"type\": \"flat\", \"rate\": 0.005, \"basis\": \"entry\"}`|``|account.positions[0].rules requires 0.005 coin, which is not below the position's USD exposure of 9.999999999998899E-4 coin (an isolated short margined with about its own value); the requirement cannot be carried as a rate",
            "cross|`\"contract\": 7, \"faceValue\": 1, \"size\": 60000, " + FLAT + "`|``|account.positions[0].contract must be a string but was 7",
            "cross|`\"contract\": \"inverse\", \"faceValue\": \"1\", \"size\": 60000, " + FLAT + "`|``|account.positions[0].faceValue must be a number but was \"1\"",
    })
    void rejectsNamingPathValueAndRule(String mode, String position, String extra, String message) {
        assertThatThrownBy(() -> SpecReader.parse(spec(mode, position, extra == null ? "" : extra), "spec.json", false))
                .isInstanceOf(SpecException.class).hasMessage(message);
    }
}
