package io.marginsim.analysis;

import io.marginsim.market.calibration.OhlcSeries;
import io.marginsim.model.Position;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.simulation.Engines;
import io.marginsim.spec.Monitoring;
import io.marginsim.spec.Spec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BacktestTest {
    @TempDir
    Path dir;

    /** 10x long (or short) at 100: cash 10, flat 0.5% maintenance on mark; liquidation at 90 / 0.995 (long). */
    private BacktestTemplate template(double size) throws Exception {
        Path file = dir.resolve("template.json");
        Files.writeString(file, String.format(Locale.ROOT, """
                {"assets": [{"name": "BTC", "price": 100, "volatility": 0.5}],
                 "account": {"cash": 10, "positions": [{"asset": "BTC", "size": %s, "entryPrice": 100,
                             "rules": {"type": "flat", "rate": 0.005}}]},
                 "horizonDays": 5, "stepsPerDay": 1, "paths": 1000, "seed": 3}""", size));
        return BacktestTemplate.read(file);
    }

    /** 40 days at 100 (range 99 - 101) but for the days given as {day, close, low, high}. */
    private static OhlcSeries path(double[]... days) {
        StringBuilder csv = new StringBuilder("Date,Open,High,Low,Close,Adj Close,Volume\n");
        for (int d = 0; d < 40; d++) {
            double close = 100;
            double low = 99;
            double high = 101;
            for (double[] day : days) {
                if (day[0] == d) {
                    close = day[1];
                    low = day[2];
                    high = day[3];
                }
            }
            csv.append(LocalDate.of(2024, 1, 1).plusDays(d)).append(",100,").append(high).append(',').append(low)
                    .append(',').append(close).append(',').append(close).append(",1\n");
        }
        return OhlcSeries.parse(csv.toString(), "path.csv", "BTC");
    }

    @Test
    void startDatesFollowTheWindowTheStepAndTheHorizon() {
        // rows 0..39, start after 30 returns, every 3 days, 5-day horizon: 30 and 33 (33 + 5 <= 39), not 36
        assertThat(Backtest.starts(40, 30, 3, 5)).containsExactly(30, 33);
        assertThat(Backtest.starts(35, 30, 1, 5)).isEmpty();
        assertThat(Backtest.starts(36, 30, 1, 5)).containsExactly(30);
        // the BTC file: 3483 rows, 365-day window, weekly starts, 30-day horizon
        assertThat(Backtest.starts(3483, 365, 7, 30)).hasSize(442);
    }

    @Test
    void aLongBreachesOnTheDaysLowBelowItsLiquidationPriceThoughNoCloseIsBelowIt() throws Exception {
        CompiledProblem p = ProblemCompiler.compile(template(1).spec());
        // liquidation price 90 / 0.995 = 90.4523: day 32 closes at 91 but trades down to 90.4
        OhlcSeries dip = path(new double[] {32, 91, 90.4, 100});
        assertThat(Backtest.breached(p, dip, 30, 5, false)).isFalse();
        assertThat(Backtest.breached(p, dip, 30, 5, true)).isTrue();
        // a day's low above it: no breach; a close below it: a breach on closes too
        assertThat(Backtest.breached(p, path(new double[] {32, 91, 90.5, 100}), 30, 5, true)).isFalse();
        assertThat(Backtest.breached(p, path(new double[] {32, 90.4, 90.4, 100}), 30, 5, false)).isTrue();
        // the dip after the horizon (day 36 > 30 + 5) does not count
        assertThat(Backtest.breached(p, path(new double[] {36, 80, 80, 100}), 30, 5, true)).isFalse();
    }

    @Test
    void aShortBreachesOnTheDaysHigh() throws Exception {
        CompiledProblem p = ProblemCompiler.compile(template(-1).spec());
        // short liquidation price 110 / 1.005 = 109.4527
        OhlcSeries spike = path(new double[] {31, 105, 100, 109.5});
        assertThat(Backtest.breached(p, spike, 30, 5, false)).isFalse();
        assertThat(Backtest.breached(p, spike, 30, 5, true)).isTrue();
    }

    @Test
    void theTemplateMovesEveryQuoteAmountWithThePriceAndKeepsSizes() throws Exception {
        Spec moved = template(2).at(50, Map.of("volatility", 0.8, "drift", 0.1), "2024-01-31");
        assertThat(moved.assets().getFirst().price()).isEqualTo(50.0);
        assertThat(moved.assets().getFirst().volatility()).isEqualTo(0.8);
        assertThat(moved.assets().getFirst().drift()).isEqualTo(0.1);
        assertThat(moved.account().cash()).isEqualTo(5.0);
        Position position = moved.account().positions().getFirst();
        assertThat(position.entryPrice()).isEqualTo(50.0);
        assertThat(position.size()).isEqualTo(2.0);
    }

    @Test
    void anIsolatedPositionsMarginMovesWithThePriceSoItsLiquidationPriceDoes() throws Exception {
        Path file = dir.resolve("isolated.json");
        Files.writeString(file, """
                {"assets": [{"name": "BTC", "price": 100, "volatility": 0.5}],
                 "account": {"mode": "isolated", "cash": 0, "positions": [{"asset": "BTC", "size": 1, "entryPrice": 100,
                             "margin": 10, "rules": {"type": "flat", "rate": 0.005}}]},
                 "horizonDays": 5, "stepsPerDay": 1}""");
        Spec moved = BacktestTemplate.read(file).at(50, Map.of("volatility", 0.5), "2024-01-31");
        assertThat(moved.account().positions().getFirst().margin()).isEqualTo(5.0);
        List<LiquidationPrices.Result> liq = LiquidationPrices.compute(ProblemCompiler.compile(moved));
        assertThat(liq.getFirst().below()).isCloseTo(45 / 0.995, within(1e-9));
    }

    @Test
    void btcTenTimesLongGbmPredictsMoreBreachesThanHappened() throws Exception {
        Path data = Path.of("examples/BTC-USD-daily.csv");
        BacktestTemplate template = BacktestTemplate.read(Path.of("examples/backtest-btc-10x.json"));
        Backtest.Result r = Backtest.run(OhlcSeries.read(data, "BTC"), "BTC-USD-daily.csv", template,
                new Backtest.Settings(365, 7, io.marginsim.market.calibration.ModelChoice.GBM, false),
                s -> s.withRun(2000, s.seed(), s.engine()), Engines.Options.defaults());
        assertThat(r.windows()).hasSize(442);
        assertThat(r.overlap()).isEqualTo(5);
        assertThat(r.windows().getFirst().date()).isEqualTo("2015-09-17");
        // realised outcomes do not depend on the simulation: 172 and 187 of 442
        assertThat(r.onCloses().realisedFrequency()).isCloseTo(0.389, within(0.005));
        assertThat(r.onRange().realisedFrequency()).isCloseTo(0.423, within(0.005));
        // mean of 442 estimates of 2000 paths each: Monte Carlo error about 0.001, plus a few points of tolerance
        assertThat(BacktestScores.mean(r.predicted())).isCloseTo(0.567, within(0.02));

        // checked continuously (the template's monitoring replaced), the prediction is for the whole path, which
        // breaches more often than the closes: about 0.649 against 0.567
        Backtest.Result continuous = Backtest.run(OhlcSeries.read(data, "BTC"), "BTC-USD-daily.csv", template,
                new Backtest.Settings(365, 7, io.marginsim.market.calibration.ModelChoice.GBM, false),
                s -> s.withRun(2000, s.seed(), s.engine()).withMonitoring(Monitoring.CONTINUOUS),
                Engines.Options.defaults());
        assertThat(BacktestScores.mean(continuous.predicted())).isCloseTo(0.649, within(0.02));
    }
}
