package io.marginsim.result;

import io.marginsim.engine.Engine;
import io.marginsim.engine.Specs;
import io.marginsim.simulation.Engines;
import io.marginsim.simulation.Simulation;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.Monitoring;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The loss section of a simulation's report, in every format. */
class ReportLossTest {

    /**
     * At step ends, where breached paths close at their step's price and so spread into a tail to fit; checked
     * continuously, every breached path of this spec closes at the one liquidation price and its losses tie.
     */
    @Test
    void aSimulationReportsVarEsAndATailFitOfItsLosses() throws Exception {
        try (Simulation run = Simulator.run(Specs.single(0.8, 0, 10, 100, 0.005, 6, 4, 4000, 3, Monitoring.DISCRETE),
                Engines.Options.defaults(), Engine.ProgressListener.NONE)) {
            Report report = run.report();
            LossReport loss = report.loss();
            double[] lowest = run.stats().terminalEquity().valuesAtRanks(new long[] {39});
            assertThat(loss.var()).containsEntry("0.99", report.initialEquity() - lowest[0]);
            assertThat(loss.es().get("0.99")).isGreaterThanOrEqualTo(loss.var().get("0.99"));
            assertThat(loss.tailFit().exceedances()).isEqualTo(100);
            assertThat(loss.tailFit().shape()).isNotNull();
            assertThat(loss.tailFit().meanExcess()).isNotEmpty();
            assertThat(ReportFormat.JSON.render(report)).contains("\"loss\"", "\"tailFit\"", "\"meanExcess\"");
            assertThat(ReportFormat.CSV.render(report)).contains("loss.var.0.99,", "loss.esCi95.0.999.high,",
                    "loss.tailFit.shape,", "loss.tailFit.quantiles.0.9999,");
            assertThat(ReportFormat.TABLE.render(report)).contains("loss (initial - final)", "loss tail (GPD fit)");

            LossHistogram histogram = LossHistogram.of(run.stats().terminalEquity(), report.initialEquity());
            assertThat(histogram.bins().stream().mapToLong(LossHistogram.Bin::paths).sum()).isEqualTo(4000);
        }
    }

    @Test
    void aRunWithoutVolatilityHasNoLossBeyondTheThresholdAndSaysSo() throws Exception {
        Report report = Simulator.simulate(Specs.single(0, 0, 10, 100, 0.005, 6, 4, 1000, 3));
        LossReport.TailFit fit = report.loss().tailFit();
        assertThat(fit.exceedances()).isZero();
        assertThat(fit.shape()).isNull();
        assertThat(fit.quantiles()).isEmpty();
        assertThat(fit.warning()).startsWith("no loss exceeds the threshold").contains("no tail fit");
        // the initial equity is valued at the spec's exact prices, the engines' paths at exp(log price): a path that
        // does not move loses zero up to that rounding
        assertThat(report.loss().var().get("0.99")).isCloseTo(0.0, within(1e-9));
        assertThat(ReportFormat.TABLE.render(report)).contains("warning: no loss exceeds");
    }
}
