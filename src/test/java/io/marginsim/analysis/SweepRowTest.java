package io.marginsim.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.marginsim.simulation.Engines;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A sweep cell's figure that does not exist is {@code null} in the journal and an empty cell in the CSV. */
class SweepRowTest {
    private static final String SWEEP = """
            {"base": {"assets": [{"name": "X", "price": 100, "volatility": 0.5}],
                      "account": {"cash": 10, "positions": [{"asset": "X", "size": 1, "entryPrice": 100,
                                  "rules": {"type": "flat", "rate": 0.05}}]},
                      "horizonDays": 1, "stepsPerDay": 4, "paths": 100},
             "axes": [{"path": "account.cash", "values": [10, 20]}],
             "targets": [0.05]}""";

    @Test
    void aBufferThatDoesNotExistIsNullInTheJournalAndEmptyInTheCsv() throws Exception {
        SweepPlan plan = SweepPlan.parse(SWEEP, Path.of("."), "sweep.json");
        SweepRow row = new SweepRow(0, plan.values(0), 0.5, new double[] {0.4, 0.6}, List.of(Double.NaN), Double.NaN,
                1e6);
        String json = row.toJson(plan, SweepSettings.of(plan, spec -> spec, Engines.Options.defaults()));
        assertThat(json).doesNotContain("NaN");
        assertThat(new ObjectMapper().readTree(json).get("buffer").get("0.05").isNull()).isTrue();
        assertThat(row.csvLine()).isEqualTo("0,10,0.5,0.4,0.6,,\n");
        SweepRow back = SweepRow.fromJson(new ObjectMapper().readTree(json), plan);
        assertThat(back.buffers()).containsExactly(Double.NaN);
        assertThat(back.medianTimeToBreachDays()).isNaN();
    }
}
