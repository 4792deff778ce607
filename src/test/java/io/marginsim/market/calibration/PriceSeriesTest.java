package io.marginsim.market.calibration;

import io.marginsim.check.SpecException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PriceSeriesTest {
    /** Header and 40 daily rows from 2020-01-01: line 2 is 2020-01-01, line k is day k - 2. */
    private static List<String> lines() {
        List<String> lines = new ArrayList<>(List.of("timestamp,BTC,ETH"));
        for (int d = 0; d < 40; d++) {
            lines.add(LocalDate.of(2020, 1, 1).plusDays(d) + "," + (7000 + 10 * d) + "," + (130 + d));
        }
        return lines;
    }

    private static String csv(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    private static String edited(int line, UnaryOperator<String> edit) {
        List<String> lines = lines();
        lines.set(line - 1, edit.apply(lines.get(line - 1)));
        return csv(lines);
    }

    private static void rejects(String text, String sentence) {
        assertThatThrownBy(() -> PriceSeries.parse(text, "prices.csv"))
                .isInstanceOf(SpecException.class).hasMessage(sentence);
    }

    @Test
    void readsDailyDates() {
        PriceSeries s = PriceSeries.parse(csv(lines()), "prices.csv");
        assertThat(s.names()).containsExactly("BTC", "ETH");
        assertThat(s.rows()).isEqualTo(40);
        assertThat(s.intervalDays()).isEqualTo(1.0);
        assertThat(s.lastPrice(1)).isEqualTo(169.0);
        assertThat(s.logReturns(0)).hasSize(39);
        assertThat(s.logReturns(0)[0]).isCloseTo(Math.log(7010.0 / 7000.0), within(1e-15));
        assertThat(s.lastTime()).isEqualTo(Instant.parse("2020-02-09T00:00:00Z"));
    }

    @Test
    void readsEpochSecondsAndDateTimes() {
        StringBuilder epoch = new StringBuilder("timestamp,SOL\r\n");
        StringBuilder iso = new StringBuilder("timestamp,SOL\n");
        for (int h = 0; h < 48; h++) {
            epoch.append(1_700_000_000L + 3600L * h).append(',').append(20 + h * 0.1).append("\r\n");
            iso.append(Instant.ofEpochSecond(1_700_000_000L + 3600L * h)).append(',').append(20 + h * 0.1).append('\n');
        }
        assertThat(PriceSeries.parse(epoch.toString(), "e.csv").intervalDays()).isEqualTo(1.0 / 24);
        assertThat(PriceSeries.parse(iso.toString(), "i.csv").intervalDays()).isEqualTo(1.0 / 24);
        assertThat(PriceSeries.parse(iso.toString().replace("Z", ""), "local.csv").intervalDays()).isEqualTo(1.0 / 24);
    }

    @Test
    void gapIsRejected() {
        rejects(edited(5, l -> l.substring(0, l.lastIndexOf(',') + 1)),
                "prices.csv line 5 column ETH must hold a price but is empty (gaps are not allowed: every row needs "
                        + "a price for every asset)");
    }

    @Test
    void missingFieldIsRejected() {
        rejects(edited(7, l -> l.substring(0, l.lastIndexOf(','))),
                "prices.csv line 7 must have 3 comma-separated fields like the header but had 2");
    }

    @Test
    void nonNumericAndNonPositivePricesAreRejected() {
        rejects(edited(5, l -> l.replaceFirst(",[0-9]+$", ",n/a")),
                "prices.csv line 5 column ETH must be a number but was \"n/a\"");
        rejects(edited(9, l -> l.replaceFirst(",[0-9]+,", ",-3,")),
                "prices.csv line 9 column BTC must be a finite price > 0 but was -3");
        rejects(edited(9, l -> l.replaceFirst(",[0-9]+,", ",0,")),
                "prices.csv line 9 column BTC must be a finite price > 0 but was 0");
    }

    @Test
    void duplicateAndUnsortedTimestampsAreRejected() {
        rejects(edited(6, l -> l.replace("2020-01-05", "2020-01-04")),
                "prices.csv line 6 column timestamp must be later than line 5 but repeats its time \"2020-01-04\" "
                        + "(duplicate timestamp)");
        rejects(edited(6, l -> l.replace("2020-01-05", "2020-01-02")),
                "prices.csv line 6 column timestamp must be later than line 5 (rows sorted by time, oldest first) "
                        + "but \"2020-01-02\" is earlier");
    }

    @Test
    void irregularSamplingIsRejected() {
        List<String> lines = lines();
        lines.remove(11); // drops 2020-01-11, so line 12 holds 2020-01-12
        rejects(csv(lines), "prices.csv line 12 column timestamp must be 1 day after the previous row (the sampling "
                + "interval, taken as the median spacing; rows must be evenly spaced within 1% because crypto trades "
                + "every day) but \"2020-01-12\" is 2 days after it");
    }

    @Test
    void tooFewRowsAreRejected() {
        rejects(csv(lines().subList(0, 11)), "prices.csv must have at least 30 price rows but had 10");
    }

    @Test
    void badTimestampAndHeaderAreRejected() {
        rejects(edited(4, l -> l.replace("2020-01-03", "03/01/2020")),
                "prices.csv line 4 column timestamp must be an ISO-8601 date, date-time or epoch seconds but was "
                        + "\"03/01/2020\"");
        rejects(edited(1, l -> "date,BTC,ETH"),
                "prices.csv line 1 (header) must start with the column timestamp but started with \"date\"");
        rejects(edited(1, l -> "timestamp,BTC,BTC"),
                "prices.csv line 1 (header) column 3 must name a new asset but repeats \"BTC\"");
        rejects("", "prices.csv is empty but must start with the header timestamp,<asset1>,<asset2>,...");
    }
}
