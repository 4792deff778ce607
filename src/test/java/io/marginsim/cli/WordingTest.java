package io.marginsim.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Counts of one read in the singular: "1 day", "1 cell". */
class WordingTest extends CommandTestSupport {
    @Test
    void dailyPricesAreAnIntervalOfOneDay() {
        assertThat(run("calibrate", "examples/prices-synthetic.csv")).isZero();
        assertThat(stdout()).containsPattern(" returns at an interval of 1(\\.0+)? day \\(years of 365 days\\)");
    }

    @Test
    void aSweepOfOneCell() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        CellProgress.create(false, new PrintStream(buffer, true, StandardCharsets.UTF_8)).started(1, 0);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).isEqualTo("sweep: 1 cell" + System.lineSeparator());
    }

    @Test
    void aResumedSweepAndABacktest() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        CellProgress.create(false, err).started(12, 5);
        CellProgress.create(false, err, "backtest", "window").started(442, 0);
        assertThat(buffer.toString(StandardCharsets.UTF_8)).isEqualTo("sweep: 12 cells, 5 already in the journal"
                + System.lineSeparator() + "backtest: 442 windows" + System.lineSeparator());
    }
}
