package io.marginsim.market;

import io.marginsim.engine.Engine;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.Precision;
import io.marginsim.simulation.Engines;
import io.marginsim.simulation.Simulation;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.EngineKind;
import io.marginsim.spec.Spec;
import io.marginsim.spec.SpecReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DCC and filtered historical simulation run on the vector engine as well as the scalar reference: auto chooses
 * vector for them (the OpenCL engine does not implement them), and vector by name runs them.
 */
class DccAndHistoricalEnginesTest {
    @TempDir
    Path dir;

    @Test
    void theVectorEngineRunsEachByNameAndAutoChoosesIt() throws IOException, EngineUnavailableException {
        Files.writeString(dir.resolve("prices.csv"), HistoricalSimulationTest.history(60));
        String body = """
                {"assets": [{"name": "BTC", "price": 100%s}, {"name": "ETH", "price": 10%1$s}],
                 "market": {%s},
                 "account": {"cash": 50, "positions": [
                   {"asset": "BTC", "size": 1, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}}]},
                 "monitoring": "discrete", "horizonDays": 2, "stepsPerDay": 2, "paths": 500, "engine": "auto"}""";
        Map<String, String> specs = Map.of(
                "DCC correlation",
                String.format(Locale.ROOT, body, ", \"volatility\": 0.6", "\"dcc\": {\"a\": 0.05, \"b\": 0.9}"),
                "filtered historical simulation",
                String.format(Locale.ROOT, body, "", "\"historical\": {\"prices\": \"prices.csv\"}"));
        for (Map.Entry<String, String> entry : specs.entrySet()) {
            Path file = dir.resolve(entry.getKey().replace(' ', '-') + ".json");
            Files.writeString(file, entry.getValue());
            Spec auto = SpecReader.read(file);
            try (Simulation run = Simulator.run(auto, new Engines.Options(1, -1, Precision.FLOAT),
                    Engine.ProgressListener.NONE)) {
                assertThat(run.report().engine()).as(entry.getKey()).isEqualTo("vector");
                assertThat(run.report().engineNote()).startsWith("auto chose vector, ");
            }
            Spec vector = auto.withRun(auto.paths(), auto.seed(), EngineKind.VECTOR);
            Spec scalar = auto.withRun(auto.paths(), auto.seed(), EngineKind.SCALAR);
            try (Simulation lanes = Simulator.run(vector, new Engines.Options(1, -1, Precision.FLOAT),
                    Engine.ProgressListener.NONE);
                 Simulation reference = Simulator.run(scalar, new Engines.Options(1, -1, Precision.FLOAT),
                         Engine.ProgressListener.NONE)) {
                assertThat(lanes.report().engine()).isEqualTo("vector");
                assertThat(lanes.stats().breachesAtStep()).as(entry.getKey())
                        .containsExactly(reference.stats().breachesAtStep());
            }
        }
    }
}
