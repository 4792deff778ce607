package io.marginsim.spark;

import io.marginsim.analysis.Backtest;
import io.marginsim.analysis.BacktestTemplate;
import io.marginsim.analysis.RunSettings;
import io.marginsim.market.calibration.ModelChoice;
import io.marginsim.market.calibration.OhlcSeries;
import io.marginsim.simulation.Engines;
import io.marginsim.spec.EngineKind;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backtest whose windows run as Spark tasks predicts exactly what the single-machine backtest predicts, window by
 * window: the same moved templates, the same engine, the same paths.
 */
class SparkBacktestTest {
    private static final Path PRICES = Path.of("../examples/BTC-USD-daily.csv");
    private static final Path TEMPLATE = Path.of("../examples/backtest-btc-10x.json");

    @Test
    void windowsOnSparkTasksPredictWhatTheyPredictOnOneMachine() throws Exception {
        BacktestTemplate template = BacktestTemplate.read(TEMPLATE);
        OhlcSeries prices = OhlcSeries.read(PRICES, template.assetName());
        // 41 windows of a GARCH fit, 500 paths each, on the vector engine wherever they run
        Backtest.Settings settings = new Backtest.Settings(365, 75, ModelChoice.GARCH, false);
        RunSettings given = new RunSettings(500L, null, EngineKind.VECTOR, 1, null, null);

        Backtest.Result plain = Backtest.run(prices, "BTC", template, settings, given::apply,
                Backtest.local(given::apply, given.engineOptions(1)));
        Backtest.Result distributed = Backtest.run(prices, "BTC", template, settings, given::apply,
                new SparkBacktest("local[2]", SparkSweepTest.Loopback.CONF, given));

        assertThat(distributed.windows()).hasSize(plain.windows().size()).hasSizeGreaterThan(40);
        assertThat(distributed.predicted()).containsExactly(plain.predicted());
        assertThat(distributed.windows()).isEqualTo(plain.windows());
        assertThat(distributed.engine()).isEqualTo(plain.engine()).startsWith("vector");
        // the predictions vary with the fits, so a comparison of constants would not pass for the wrong reason
        assertThat(java.util.Arrays.stream(plain.predicted()).distinct().count()).isGreaterThan(20);
    }
}
