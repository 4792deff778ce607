package io.marginsim.cli;

import io.marginsim.testing.SpecEdits;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** What a user sees from {@code liq-price} for a published maintenance amount and a bad trigger fee. */
class VenueRuleCommandTest extends CommandTestSupport {
    private Path spec(String rules) throws IOException {
        return Files.writeString(dir.resolve("spec.json"), String.format(Locale.ROOT, """
                {"assets": [{"name": "X", "price": 1000, "volatility": 0.5}],
                 "account": {"mode": "isolated", "positions": [{"asset": "X", "size": 100, "entryPrice": 1000,
                             "margin": 10000, "rules": %s}]},
                 "horizonDays": 1}""", rules));
    }

    @Test
    void aDisagreeingAmountIsWarnedOnceOnStandardErrorAndUsed() throws IOException {
        Path file = spec("""
                {"type": "tiered", "tiers": [{"floor": 0, "rate": 0.004}, {"floor": 50000, "rate": 0.005, "amount": 62.5}]}""");
        assertThat(run("liq-price", file.toString(), "--format", "json")).isZero();
        assertThat(stderr().lines()).containsExactly("warning: account.positions[0].rules.tiers[1].amount 62.5 "
                + "differs from 50.0, the amount that keeps the requirement continuous at the tier's floor; the given "
                + "62.5 is used");
        // (10,000 + 62.5 - 100,000) / (0.5 - 100)
        assertThat(stdout()).contains("903.8944723618");
    }

    @Test
    void aTriggerFeeThatTakesTheRateToOneIsOneSentenceAndExitTwo() throws IOException {
        Path file = spec("""
                {"type": "flat", "rate": 0.6, "triggerFeeRate": 0.4}""");
        assertThat(run("liq-price", file.toString())).isEqualTo(2);
        assertThat(stderr().lines().filter(line -> !line.isBlank())).containsExactly(
                "error: account.positions[0].rules.triggerFeeRate is 0.4, which with the maintenance rate 0.6 gives a trigger "
                        + "rate of 1.0, but the sum must stay below 1");
    }

    @Test
    void aFailedRunSaysOnlyItsErrorEvenAfterAWarning() throws IOException {
        Path file = spec("""
                {"type": "tiered", "tiers": [{"floor": 0, "rate": 0.004}, {"floor": 50000, "rate": 0.005, "amount": 61.5}]}""");
        Files.writeString(file, SpecEdits.replace(Files.readString(file), "\"horizonDays\": 1", "\"horizonDays\": 0"));
        assertThat(run("simulate", file.toString())).isEqualTo(2);
        assertThat(stderr().lines().filter(line -> !line.isBlank())).singleElement().asString()
                .startsWith("error: horizonDays");
    }
}
