package io.marginsim.rules;

import io.marginsim.check.SpecException;
import io.marginsim.spec.Presets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TierTableTest {
    private final TierTable binanceBtc = Presets.get("venue", "binance-usdm").symbols().get("BTCUSDT").tiers(1);

    @Test
    void deductionsFollowBinanceMaintenanceAmounts() {
        // Binance FAQ: "250,000 * (1% - 0.5%) + 50 USDT = 1,300 USDT"
        double[] published = {0, 50, 1_300, 16_300, 266_300, 1_266_300, 2_516_300, 5_016_300, 25_016_300, 100_016_300};
        assertThat(binanceBtc.deductions()).containsExactly(published, within(1e-6));
    }

    @Test
    void bracketsFollowTheNotional() {
        // Binance FAQ: a 264,000 USDT position is in the 1% bracket
        assertThat(binanceBtc.rates()[binanceBtc.bracket(264_000)]).isEqualTo(0.01);
        assertThat(binanceBtc.requirement(500_000)).isCloseTo(500_000 * 0.01 - 1_300, within(1e-9));
    }

    @Test
    void requirementIsContinuousAtEveryFloor() {
        for (int k = 1; k < binanceBtc.size(); k++) {
            double floor = binanceBtc.floors()[k];
            assertThat(binanceBtc.requirement(floor))
                    .isCloseTo(binanceBtc.requirement(Math.nextDown(floor)), within(1e-6 * floor));
        }
    }

    @Test
    void rejectsFloorsThatDoNotRise() {
        assertThatThrownBy(() -> TierTable.of(new double[] {0, 100, 100}, new double[] {0.01, 0.02, 0.03}))
                .isInstanceOf(SpecException.class)
                .hasMessage("tiers[2].floor must be greater than the previous floor 100.0 but was 100.0");
    }

    @Test
    void rejectsAFirstFloorAboveZeroAndRatesOfOneOrMore() {
        assertThatThrownBy(() -> TierTable.of(new double[] {5}, new double[] {0.01}))
                .hasMessage("tiers[0].floor must be 0 for the first tier but was 5.0");
        assertThatThrownBy(() -> TierTable.of(new double[] {0}, new double[] {1.0}))
                .hasMessage("tiers[0].rate must be >= 0 and < 1 but was 1.0");
    }

    @Test
    void deribitSizeScaledMaintenanceMatchesTheDocumentedExample() {
        // Deribit linear perpetual: 25 BTC at 100,000 -> 1% + 25 x 0.005% = 1.125% -> 28,125 USDC
        MaintenanceRule rule = Presets.get("venue", "deribit-linear").symbols().get("BTC_USDC-PERPETUAL");
        assertThat(rule.tiers(25).requirement(25 * 100_000.0)).isCloseTo(28_125, within(1e-6));
    }

    @Test
    void hyperliquidMaintenanceIsHalfTheInitialMarginAtMaxLeverage() {
        MaintenanceRule rule = Presets.get("venue", "hyperliquid").symbols().get("BTC");
        assertThat(rule.tiers(1).rates()).containsExactly(0.5 / 40, 0.5 / 20);
    }
}
