package io.marginsim.analysis;

import io.marginsim.engine.Engine;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.Precision;
import io.marginsim.engine.opencl.OpenClTestEngines;
import io.marginsim.market.calibration.ModelChoice;
import io.marginsim.market.calibration.OhlcSeries;
import io.marginsim.simulation.Engines;
import io.marginsim.simulation.Simulation;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.EngineKind;
import io.marginsim.spec.Spec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backtest on the OpenCL engine, whose windows run in batches, predicts exactly what its windows run one at a time
 * on the same engine predict. Skipped only where there is no OpenCL platform; the engine is asked for by name, so a
 * CPU device (PoCL) serves where there is no GPU.
 */
class OpenClBacktestTest {
    private static final Engines.Options OPTIONS = new Engines.Options(2, -1, Precision.FLOAT);
    private static final int PATHS = 1500;
    private static final UnaryOperator<Spec> OPENCL = spec -> spec.withRun(PATHS, spec.seed(), EngineKind.OPENCL);
    /** Real BTC history: its windows' fits differ from one start date to the next. */
    private static final Path PRICES = Path.of("examples/BTC-USD-daily.csv");

    @TempDir
    Path dir;

    @BeforeAll
    static void requirePlatform() {
        OpenClTestEngines.assumePlatform();
    }

    /** 10x long, cash a tenth of the notional, flat 0.5% maintenance, 10 days of two steps. */
    private BacktestTemplate template() throws Exception {
        Path file = dir.resolve("template.json");
        Files.writeString(file, """
                {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.6}],
                 "account": {"cash": 6000, "positions": [{"asset": "BTC", "size": 1, "entryPrice": 60000,
                             "rules": {"type": "flat", "rate": 0.005}}]},
                 "horizonDays": 10, "stepsPerDay": 2, "seed": 5}""");
        return BacktestTemplate.read(file);
    }

    @Test
    void batchedWindowsPredictWhatEachWindowRunAlonePredicts() throws Exception {
        OhlcSeries prices = OhlcSeries.read(PRICES, "BTC");
        // auto picks a different model (so program) in some windows: batches close on the change and reopen
        Backtest.Settings settings = new Backtest.Settings(60, 13, ModelChoice.AUTO, false);
        AtomicLong batchedPaths = new AtomicLong();
        Sweep.Listener paths = new Sweep.Listener() {
            @Override
            public void pathsDone(long count) {
                batchedPaths.addAndGet(count);
            }
        };
        Backtest.Result batched = Backtest.run(prices, "BTC-USD-daily.csv", template(), settings, OPENCL,
                Backtest.local(OPENCL, OPTIONS, paths));
        Backtest.Result alone = Backtest.run(prices, "BTC-USD-daily.csv", template(), settings, OPENCL,
                OpenClBacktestTest::oneByOne);

        double[] predicted = batched.predicted();
        assertThat(predicted).hasSizeGreaterThan(200).containsExactly(alone.predicted());
        // every window ran in a batch, and the windows' predictions are many, not one number repeated
        assertThat(batchedPaths.get()).isEqualTo((long) predicted.length * PATHS);
        assertThat(Arrays.stream(predicted).distinct().count()).isGreaterThan(predicted.length / 4);
        assertThat(batched.modelsUsed().values().stream().filter(n -> n > 0).count()).isGreaterThan(1);
        assertThat(batched.engine()).isEqualTo(alone.engine());
    }

    /** Each window on its own run of the OpenCL engine, as a backtest ran before windows were batched. */
    private static Backtest.Predictions oneByOne(List<Backtest.Job> jobs, String source)
            throws EngineUnavailableException {
        Engines.Selection engine = Engines.select(EngineKind.OPENCL, OPTIONS);
        double[] predicted = new double[jobs.size()];
        String name = null;
        try {
            for (int i = 0; i < jobs.size(); i++) {
                Spec spec = OPENCL.apply(jobs.get(i).read(source));
                try (Simulation run = Simulator.run(spec, engine, OPTIONS, Engine.ProgressListener.NONE)) {
                    predicted[i] = run.report().breachProbability();
                    name = run.report().engine();
                }
            }
        } finally {
            engine.engine().close();
        }
        return new Backtest.Predictions(predicted, name);
    }
}
