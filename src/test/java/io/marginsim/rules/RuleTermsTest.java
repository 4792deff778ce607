package io.marginsim.rules;

import io.marginsim.check.SpecException;
import io.marginsim.spec.JsonNodes;
import io.marginsim.spec.Presets;
import io.marginsim.spec.RuleReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Published maintenance amounts, the value that chooses the bracket, and fees counted into the trigger. */
class RuleTermsTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedErr;

    @BeforeEach
    void captureStandardError() {
        savedErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStandardError() {
        System.setErr(savedErr);
    }

    private static MaintenanceRule read(String json) {
        return RuleReader.read(JsonNodes.parseValue(json, "test", "rules"));
    }

    private String warnings() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aGivenAmountIsUsedAsGivenAndADisagreementIsWarnedInOneLine() {
        // derived: 50,000 x (0.5% - 0.4%) = 50; a venue's special bracket publishes 60
        TierTable table = read("""
                {"type": "tiered", "tiers": [{"floor": 0, "rate": 0.004},
                                             {"floor": 50000, "rate": 0.005, "amount": 60.25},
                                             {"floor": 250000, "rate": 0.01}]}""").tiers(1);
        assertThat(table.deductions()).containsExactly(0, 60.25, 60.25 + 250_000 * 0.005);
        assertThat(table.requirement(100_000)).isEqualTo(100_000 * 0.005 - 60.25);
        assertThat(warnings().lines()).containsExactly("warning: rules.tiers[1].amount 60.25 differs from 50.0, the "
                + "amount that keeps the requirement continuous at the tier's floor; the given 60.25 is used");
    }

    @Test
    void binancePublishedMaintenanceAmountsAgreeWithTheDerivedOnesSoNothingIsWarned() {
        // the preset states Binance's published cum per bracket; reading it again must be silent
        read("""
                {"type": "tiered", "tiers": [{"floor": 0, "rate": 0.004, "amount": 0},
                                             {"floor": 50000, "rate": 0.005, "amount": 50},
                                             {"floor": 250000, "rate": 0.01, "amount": 1300}]}""");
        assertThat(warnings()).isEmpty();
        assertThat(Presets.get("venue", "binance-usdm").symbols().get("BTCUSDT").tiers(1).deductions()[3])
                .isEqualTo(16_300);
    }

    @Test
    void anAmountMustNotMakeTheRequirementNegative() {
        assertThatThrownBy(() -> read("""
                {"type": "tiered", "tiers": [{"floor": 0, "rate": 0.004}, {"floor": 50000, "rate": 0.005, "amount": 300}]}"""))
                .isInstanceOf(SpecException.class)
                .hasMessage("rules.tiers[1].amount must be at most floor x rate = 250.0 so that the requirement is not "
                        + "negative at the tier's floor, but was 300.0");
        assertThatThrownBy(() -> read("""
                {"type": "tiered", "tiers": [{"floor": 0, "rate": 0.004, "amount": -1}]}"""))
                .hasMessage("rules.tiers[0].amount must be a finite number >= 0 but was -1.0");
    }

    @Test
    void anEntryBracketIsFixedAtTheEntryValueWhileTheRateFollowsTheMark() {
        MaintenanceRule rule = read("""
                {"type": "tiered", "bracketBasis": "entry",
                 "tiers": [{"floor": 0, "rate": 0.01}, {"floor": 110000, "rate": 0.05}]}""");
        // 1,000 units entered at 100: 100,000 of entry value, in the 1% bracket for the life of the position
        TierTable fixed = rule.compiled(1_000, 100);
        assertThat(fixed.size()).isEqualTo(1);
        assertThat(fixed.requirement(1_000 * 130.0)).isCloseTo(1_300, within(1e-9));
        // entered at 120: the 5% bracket with its 4,400 deduction, kept even when the mark falls below the floor
        assertThat(rule.compiled(1_000, 120).requirement(1_000 * 90.0)).isCloseTo(4_500 - 4_400, within(1e-9));
        // the default chooses the bracket on the value the rate applies to
        assertThat(rule.compiled(1_000, 100)).isNotEqualTo(read("""
                {"type": "tiered", "tiers": [{"floor": 0, "rate": 0.01}, {"floor": 110000, "rate": 0.05}]}""")
                .compiled(1_000, 100));
    }

    @Test
    void leverageTiersTakeAnEntryBracketToo() {
        // Hyperliquid-style BTC tiers: 40x up to 150M, then 20x; a 200M position entered there keeps 0.5 / 20
        MaintenanceRule rule = read("""
                {"type": "initial-fraction", "bracketBasis": "entry",
                 "tiers": [{"floor": 0, "maxLeverage": 40}, {"floor": 150000000, "maxLeverage": 20}]}""");
        TierTable fixed = rule.compiled(2_000, 100_000);
        assertThat(fixed.rates()).containsExactly(0.5 / 20);
        assertThat(fixed.deductions()).containsExactly(150_000_000 * (0.5 / 20 - 0.5 / 40));
    }

    @Test
    void bracketBasisIsCheckedByName() {
        assertThatThrownBy(() -> read("""
                {"type": "tiered", "basis": "entry", "bracketBasis": "mark", "tiers": [{"floor": 0, "rate": 0.01}]}"""))
                .hasMessage("rules.bracketBasis must be \"entry\" when basis is \"entry\" (a requirement on the entry "
                        + "value is fixed, bracket included) but was \"mark\"");
        assertThatThrownBy(() -> read("""
                {"type": "tiered", "bracketBasis": "index", "tiers": [{"floor": 0, "rate": 0.01}]}"""))
                .hasMessage("rules.bracketBasis must be \"mark\" or \"entry\" but was \"index\"");
        assertThatThrownBy(() -> read("""
                {"type": "flat", "bracketBasis": "entry", "rate": 0.01}"""))
                .hasMessageStartingWith("rules.bracketBasis is not a known key");
    }

    @Test
    void theTriggerFeeIsAddedToEveryRateAndKeepsTheDeductions() {
        MaintenanceRule rule = read("""
                {"type": "tiered", "triggerFeeRate": 0.00075,
                 "tiers": [{"floor": 0, "rate": 0.005}, {"floor": 1000000, "rate": 0.01}]}""");
        TierTable compiled = rule.compiled(1, 1);
        assertThat(compiled.rates()).containsExactly(new double[] {0.00575, 0.01075}, within(1e-15));
        assertThat(compiled.deductions()).containsExactly(0, 5_000);
        assertThat(rule.tiers(1).rates()).as("the venue's own rates stay as stated").containsExactly(0.005, 0.01);
    }

    @Test
    void theTriggerFeeIsCheckedByName() {
        assertThatThrownBy(() -> read("""
                {"type": "flat", "rate": 0.5, "triggerFeeRate": 0.5}"""))
                .hasMessage("rules.triggerFeeRate is 0.5, which with the maintenance rate 0.5 gives a trigger rate of "
                        + "1.0, but the sum must stay below 1");
        assertThatThrownBy(() -> read("""
                {"type": "size-scaled", "baseRate": 0.01, "ratePerUnit": 0, "triggerFeeRate": -0.001}"""))
                .hasMessage("rules.triggerFeeRate must be >= 0 and < 1 but was -0.001");
    }
}
