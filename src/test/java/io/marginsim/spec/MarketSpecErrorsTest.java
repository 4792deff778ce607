package io.marginsim.spec;

import io.marginsim.check.SpecException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each market-model key rejects bad input in one sentence naming the JSON path, the value and the rule. */
class MarketSpecErrorsTest {
    private static String spec(String assetKeys, String market) {
        return String.format(Locale.ROOT, """
                {"assets": [{"name": "A", "price": 100%s}, {"name": "B", "price": 50, "volatility": 0.5}],
                 %s
                 "account": {"cash": 100, "collateral": [{"asset": "A", "amount": 1}]},
                 "horizonDays": 2, "stepsPerDay": 24}""",
                assetKeys, market.isEmpty() ? "" : "\"market\": {" + market + "},");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "`, \"volatility\": 0.5, \"degreesOfFreedom\": 2`||assets[0].degreesOfFreedom must be > 2 (finite variance) and <= 200 but was 2.0",
            "`, \"volatility\": 0.5, \"degreesOfFreedom\": 0`||assets[0].degreesOfFreedom must be > 2 (finite variance) and <= 200 but was 0.0",
            "`, \"volatility\": 0.5, \"jumpIntensity\": -1, \"jumpMean\": 0, \"jumpStdev\": 0.1`||assets[0].jumpIntensity must be a finite number >= 0 but was -1.0",
            "`, \"volatility\": 0.5, \"jumpIntensity\": 5, \"jumpMean\": 0, \"jumpStdev\": -0.1`||assets[0].jumpStdev must be a finite number >= 0 but was -0.1",
            "`, \"volatility\": 0.5, \"jumpIntensity\": 5, \"jumpStdev\": 0.1`||assets[0].jumpMean is required but missing",
            "`, \"volatility\": 0.5, \"jumpMean\": -0.1`||assets[0].jumpMean needs jumpIntensity (jumps per year) beside it but it was missing",
            "`, \"volatility\": 0.5, \"jumpIntensity\": 20000, \"jumpMean\": 0, \"jumpStdev\": 0.1`||assets[0].jumpIntensity times the step length (1.1415525114155251E-4 years) must be at most 1.0 jump per step but was 20000.0 per year; use more stepsPerDay",
            "`, \"volatility\": 0.5, \"garch\": {\"alpha\": 0.3, \"beta\": 0.7}`||assets[0].garch.alpha plus beta must be < 1 (a stationary variance) but was 0.3 + 0.7 = 1.0",
            "`, \"volatility\": 0.5, \"garch\": {\"alpha\": -0.1, \"beta\": 0.7}`||assets[0].garch.alpha must be a finite number >= 0 but was -0.1",
            "`, \"garch\": {\"omega\": 0, \"alpha\": 0.1, \"beta\": 0.7}`||assets[0].garch.omega must be a finite number > 0 but was 0.0",
            "`, \"volatility\": 0.5, \"garch\": {\"omega\": 0.04, \"alpha\": 0.1, \"beta\": 0.8}`||assets[0].volatility must not be given with garch.omega (the long-run volatility is sqrt(omega / (1 - alpha - beta)) = 0.6324555320336759) but was 0.5",
            "`, \"volatility\": 0, \"garch\": {\"alpha\": 0.1, \"beta\": 0.8}`||assets[0].volatility must be > 0 for a GARCH asset without garch.omega (it sets the long-run volatility) but was 0.0",
            "`, \"volatility\": 0.5, \"garch\": {\"alpha\": 0.1, \"beta\": 0.8, \"initialVolatility\": -1}`||assets[0].garch.initialVolatility must be a finite number >= 0 but was -1.0",
            "`, \"volatility\": 0.5, \"garch\": {\"alpha\": 0.1, \"gamma\": 0.8}`||assets[0].garch.gamma is not a known key; allowed here: omega, alpha, beta, initialVolatility",
            "`, \"volatility\": 0.5, \"ar1\": 1`||assets[0].ar1 must be between -1 and 1 (exclusive) but was 1.0",
            "`, \"volatility\": 0.5`|`\"copula\": \"clayton\"`|market.copula must be \"gaussian\" or \"t\" but was \"clayton\"",
            "`, \"volatility\": 0.5`|`\"copula\": \"t\"`|market.copulaDegreesOfFreedom is required but missing",
            "`, \"volatility\": 0.5`|`\"copulaDegreesOfFreedom\": 4`|market.copulaDegreesOfFreedom applies to copula \"t\" only but copula was \"gaussian\"",
            "`, \"volatility\": 0.5`|`\"copula\": \"t\", \"copulaDegreesOfFreedom\": 1.5`|market.copulaDegreesOfFreedom must be > 2 (finite variance) and <= 200 but was 1.5",
            "`, \"volatility\": 0.5, \"degreesOfFreedom\": 5`|`\"copula\": \"t\", \"copulaDegreesOfFreedom\": 4`|assets[0].degreesOfFreedom must not be given with the t copula (market.copulaDegreesOfFreedom sets every asset's tails) but was 5.0",
            "`, \"volatility\": 0.5`|`\"commonJump\": {\"intensity\": 5, \"mean\": -0.1, \"stdev\": 0.05, \"betas\": [1]}`|market.commonJump.betas must have one entry per asset (2) but had 1",
            "`, \"volatility\": 0.5`|`\"commonJump\": {\"intensity\": 5, \"mean\": -0.1, \"betas\": [1, 1]}`|market.commonJump.stdev is required but missing",
            "`, \"volatility\": 0.5`|`\"stress\": {\"shock\": [-0.1]}`|market.stress.shock must have one entry per asset (2) but had 1",
            "`, \"volatility\": 0.5`|`\"stress\": {\"volatilityMultiplier\": -2}`|market.stress.volatilityMultiplier must be a finite number >= 0 but was -2.0",
            "`, \"volatility\": 0.5`|`\"stress\": {\"correlationToOne\": 1.5}`|market.stress.correlationToOne must be between 0 and 1 but was 1.5",
            "`, \"volatility\": 0.5`|`\"regime\": 2`|market.regime is not a known key; allowed here: copula, copulaDegreesOfFreedom, commonJump, stress, dcc, historical",
    })
    void rejectsNamingPathValueAndRule(String assetKeys, String market, String message) {
        assertThatThrownBy(() -> SpecReader.parse(spec(assetKeys, market == null ? "" : market), "spec.json", false))
                .isInstanceOf(SpecException.class).hasMessage(message);
    }
}
