package io.marginsim.market.calibration;

import io.marginsim.check.SpecException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class OhlcSeriesTest {

    /** {@code rows} days of a Yahoo-style export from 2024-01-01, close 100 + day, high close + 2, low close - 3. */
    static String yahoo(int rows) {
        StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        for (int d = 0; d < rows; d++) {
            double close = 100 + d;
            csv.append(java.time.LocalDate.of(2024, 1, 1).plusDays(d)).append(',').append(close - 1).append(',')
                    .append(close + 2).append(',').append(close - 3).append(',').append(close).append(',')
                    .append(close).append(",1000\n");
        }
        return csv.toString();
    }

    @Test
    void readsAYahooExportWithCloseAsThePriceAndItsRange() {
        OhlcSeries s = OhlcSeries.parse(yahoo(40), "BTC-USD.csv", "BTC");
        assertThat(s.rows()).isEqualTo(40);
        assertThat(s.intervalDays()).isEqualTo(1.0);
        assertThat(s.hasRange()).isTrue();
        assertThat(s.close(5)).isEqualTo(105.0);
        assertThat(s.high(5)).isEqualTo(107.0);
        assertThat(s.low(5)).isEqualTo(102.0);
        assertThat(s.time(1).toString()).isEqualTo("2024-01-02T00:00:00Z");
        assertThat(s.logReturns(0, 2)).containsExactly(Math.log(101.0 / 100), Math.log(102.0 / 101));
    }

    @Test
    void readsItsOwnFormatByTheAssetsColumnOrTheOnlyOne() {
        StringBuilder csv = new StringBuilder("timestamp,ETH,BTC\n");
        for (int d = 0; d < 30; d++) {
            csv.append(java.time.LocalDate.of(2024, 1, 1).plusDays(d)).append(',').append(10 + d).append(',')
                    .append(500 + d).append('\n');
        }
        OhlcSeries btc = OhlcSeries.parse(csv.toString(), "prices.csv", "BTC");
        assertThat(btc.hasRange()).isFalse();
        assertThat(btc.close(3)).isCloseTo(503, within(0.0));
        assertThatThrownBy(() -> OhlcSeries.parse(csv.toString(), "prices.csv", "SOL"))
                .isInstanceOf(SpecException.class)
                .hasMessage("prices.csv line 1 (header) must have a column named SOL (the spec's asset) or only one "
                        + "asset column but has ETH, BTC");
        String single = csv.toString().replace("timestamp,ETH,BTC", "timestamp,XBT,ETH").replaceAll(",[0-9]+\n", "\n")
                .replace("timestamp,XBT,ETH", "timestamp,XBT");
        assertThat(OhlcSeries.parse(single, "p.csv", "BTC").close(0)).isEqualTo(10.0);
    }

    @Test
    void refusesAnExportWithoutCloseOrWithALowAboveTheClose() {
        assertThatThrownBy(() -> OhlcSeries.parse(yahoo(40).replace(",Close,", ",Last,"), "x.csv", "BTC"))
                .hasMessage("x.csv line 1 (header) starts with Date, so it must be an OHLC export with the columns "
                        + "Close, High and Low, but it has no Close column");
        String bad = yahoo(40).replace("2024-01-03,101.0,104.0,99.0,", "2024-01-03,101.0,104.0,103.0,");
        assertThatThrownBy(() -> OhlcSeries.parse(bad, "x.csv", "BTC"))
                .hasMessage("x.csv line 4 must have Low <= Close <= High but has Low 103.0, Close 102.0 and High 104.0");
        assertThatThrownBy(() -> OhlcSeries.parse(yahoo(40).replace("2024-01-05,103.0,106.0,101.0,104.0", "2024-01-05,103.0,106.0,101.0,null"),
                "x.csv", "BTC")).hasMessageContaining("x.csv line 6 column Close must be a number but was \"null\"");
    }
}
