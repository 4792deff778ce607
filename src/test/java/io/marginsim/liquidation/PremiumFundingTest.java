package io.marginsim.liquidation;

import io.marginsim.check.SpecException;
import io.marginsim.engine.Specs;
import io.marginsim.problem.Feature;
import io.marginsim.problem.PathBlock;
import io.marginsim.spec.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Premium-linked funding on deterministic paths, against sums done by hand. */
class PremiumFundingTest {
    private static final String FLAT = "{\"type\": \"flat\", \"rate\": 0.05}";

    /** Long 10 X at 100, hourly steps, 8 h funding at interest 0.01%, band 0.05%, on a flat path after a t0 shock. */
    private static String shocked(double cash, double shock, double sensitivity, double cap) {
        String funding = String.format(Locale.ROOT, """
                , "funding": {"fundingRatePerInterval": 0.0001, "fundingIntervalHours": 8,
                              "premium": {"basisSensitivity": %s, "clampBand": 0.0005, "rateCap": %s}}""",
                sensitivity, cap);
        return OnePath.spec(0, cash, 10, FLAT, 2, funding, ", \"market\": {\"stress\": {\"shock\": [" + shock + "]}}");
    }

    @ParameterizedTest(name = "shock {0}, cap {1}: first interval at {2} per 8 h")
    @CsvSource({
            // premium 0.05 x 0.1 = 0.5%: 0.5% + clamp(0.01% - 0.5%, +-0.05%) = 0.45%, under the cap
            "0.1, 0.0075, 0.0045",
            // the same premium against a cap of 0.3%
            "0.1, 0.003, 0.003",
            // a crash: premium -0.5%, rate -0.5% + 0.05% = -0.45%, longs are paid
            "-0.1, 0.0075, -0.0045",
            // a premium inside the band: the rate is the interest rate
            "0.001, 0.0075, 0.0001"})
    void aShockAtT0SetsTheRateForExactlyOneIntervalThenTheInterestRateRuns(double shock, double cap, double first) {
        PathBlock block = OnePath.run(shocked(100000, shock, 0.05, cap));
        double price = 100 * Math.exp(shock);
        // 48 hourly steps of 1/8 interval each: the 8 steps whose trailing interval holds the shock, then 40 at I
        double funding = 10 * price * (8 * first + 40 * 0.0001) / 8;
        assertThat(block.firstBreachStep).containsOnly(PathBlock.NO_BREACH);
        assertThat(block.terminalEquity[0]).isCloseTo(100000 + 10 * (price - 100) - funding, within(1e-8));
    }

    @Test
    void aSteadyDriftPaysTheClampedRateOfItsTrailingReturnFromTheSecondIntervalOn() {
        double drift = 3; // per year: a trailing 8 h log return of 3 x 8 / 8760
        String json = OnePath.spec(drift, 100000, 10, FLAT, 1, """
                , "funding": {"fundingRatePerInterval": 0.0001,
                              "premium": {"basisSensitivity": 2, "clampBand": 0.0005, "rateCap": 0.01}}""", "");
        PathBlock block = OnePath.run(json);
        double funding = 0;
        for (int k = 1; k <= 24; k++) {
            double premium = 2 * drift * Math.min(k, 8) * OnePath.DT; // the path is flat at 100 before t0
            double rate = premium + Math.max(-0.0005, Math.min(0.0005, 0.0001 - premium));
            funding += 10 * OnePath.price(drift, k) * rate / 8;
        }
        // from step 8 on the premium is 2 x 3 x 8 / 8760 = 0.548%, so the band binds: 0.498% per 8 h
        assertThat(2 * drift * 8 * OnePath.DT - 0.0005).isCloseTo(0.00498, within(1e-5));
        assertThat(block.terminalEquity[0]).isCloseTo(100000 + 10 * (OnePath.price(drift, 24) - 100) - funding,
                within(1e-8));
    }

    @Test
    void theShadowAccountPaysTheSameFundingSoTheBreachComesFromIt() {
        // after the shock: equity -46 + 10 (P - 100) against 5% of 10 P leaves 3.91, which 0.45% per 8 h of 10 P
        // (0.62 a step) uses up within the first interval
        double price = 100 * Math.exp(0.1);
        double slack = -46 + 10 * (price - 100) - 0.05 * 10 * price;
        double perStep = 10 * price * 0.0045 / 8;
        int expected = (int) Math.floor(slack / perStep) + 1;
        assertThat(slack).isPositive();
        assertThat(expected).isEqualTo(7);
        assertThat(OnePath.run(shocked(-46, 0.1, 0.05, 0.0075)).firstBreachStep).containsOnly(expected);
    }

    @Test
    void theFeatureIsNamedAndTheVenueClampIsTheDefault() {
        String json = """
                {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.6}],
                 "account": {"cash": 10000, "positions": [{"asset": "BTC", "size": 1, "entryPrice": 60000,
                   "venue": "binance-usdm", "symbol": "BTCUSDT", "funding": {"premium": {"basisSensitivity": 0.1}}}]},
                 "monitoring": "discrete", "horizonDays": 1, "paths": 10}""";
        Spec spec = Specs.parse(json);
        assertThat(spec.microstructure().funding().get(0))
                .isEqualTo(new Funding(0.0001, 8, new PremiumLink(0.1, 0.0005, 0.0075, -0.0075)));
        assertThat(OnePath.compile(json).featuresInUse()).containsExactly(Feature.PREMIUM_FUNDING);
        assertThat(new PremiumLink(0, 0.0005, 0.0075, -0.0075).rate(0, 0.0001)).isEqualTo(0.0001);
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "\"rateCap\": 0.0075|\"rateCap\": 0.0075, \"rateFloor\": 0.01|account.positions[0].funding.premium.rateFloor must be <= rateCap (0.0075) but was 0.01",
            "\"clampBand\": 0.0005, |\"clampBand\": -1, |account.positions[0].funding.premium.clampBand must be a finite number >= 0 but was -1.0",
            "\"basisSensitivity\": 0.05, |\"basisSensitivity\": -0.05, |account.positions[0].funding.premium.basisSensitivity must be a finite number >= 0 but was -0.05",
            "\"basisSensitivity\": 0.05, ||account.positions[0].funding.premium.basisSensitivity is required but missing",
            "\"clampBand\": 0.0005, ||account.positions[0].funding.premium.clampBand is required because the position's venue (or inline rules) publishes no premium clamp",
            "\"clampBand\"|\"band\"|account.positions[0].funding.premium.band is not a known key; allowed here: basisSensitivity, clampBand, rateCap, rateFloor",
    })
    void badPremiumKeysAreNamedWithTheirValueAndRule(String from, String to, String message) {
        String json = Specs.breaking(shocked(100000, 0.1, 0.05, 0.0075), from, to == null ? "" : to);
        assertThatThrownBy(() -> Specs.parse(json)).isInstanceOf(SpecException.class).hasMessage(message);
    }
}
