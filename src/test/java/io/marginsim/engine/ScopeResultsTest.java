package io.marginsim.engine;

import io.marginsim.result.Report;
import io.marginsim.result.ScopeReport;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.Monitoring;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Known answers of the per-scope results on paths without volatility, where every price follows a known curve: a
 * long on A (falling) breaches first, a short on B (rising) later, and a long on B never. Each position's breach
 * step, its share of first breaches and its loss at close are computed here from the barrier, on every CPU engine and
 * under either monitoring.
 */
class ScopeResultsTest {
    private static final int STEPS_PER_DAY = 8;
    private static final double DT = 1 / (365.0 * STEPS_PER_DAY);
    private static final double STEP_DAYS = 1.0 / STEPS_PER_DAY;
    /** Long 10 A at 100 on a margin of 100, 5% flat: in breach below (10 * 100 - 100) / (10 - 0.05 * 10). */
    private static final double LONG_BARRIER = 900 / 9.5;
    /** Short 20 B at 40 on a margin of 120, 5% flat: in breach above (120 + 20 * 40) / (20 + 0.05 * 20). */
    private static final double SHORT_BARRIER = 920 / 21.0;

    private static String spec(String engine, Monitoring monitoring) {
        return String.format(Locale.ROOT, """
                {"assets": [{"name": "A", "price": 100, "volatility": 0, "drift": -0.5},
                            {"name": "B", "price": 40, "volatility": 0, "drift": 0.8}],
                 "account": {"mode": "isolated", "cash": 30, "positions": [
                   {"asset": "A", "size": 10, "entryPrice": 100, "margin": 100, "rules": {"type": "flat", "rate": 0.05}},
                   {"asset": "B", "size": -20, "entryPrice": 40, "margin": 120, "rules": {"type": "flat", "rate": 0.05}},
                   {"asset": "B", "size": 5, "entryPrice": 40, "margin": 100, "rules": {"type": "flat", "rate": 0.05}}]},
                 "horizonDays": 64, "stepsPerDay": 8, "paths": 300, "seed": 5, "engine": "%s", "monitoring": "%s"}""",
                engine, monitoring.key());
    }

    @Test
    void eachPositionBreachesAtItsOwnComputedStepAndTheEarlierIsFirst() throws Exception {
        int longStep = (int) Math.floor(Math.log(100 / LONG_BARRIER) / (0.5 * DT)) + 1;
        int shortStep = (int) Math.floor(Math.log(SHORT_BARRIER / 40) / (0.8 * DT)) + 1;
        assertThat(longStep).isLessThan(shortStep);
        double horizonB = 40 * Math.exp(0.8 * 64 * STEPS_PER_DAY * DT);
        for (String engine : new String[] {"scalar", "vector"}) {
            for (Monitoring monitoring : Monitoring.values()) {
                String as = engine + ", " + monitoring.key();
                ScopeReport scopes = Simulator.simulate(Specs.parse(spec(engine, monitoring))).scopes();
                assertThat(scopes.mode()).isEqualTo("isolated");
                assertThat(scopes.scopes()).extracting(ScopeReport.Scope::name).containsExactly(
                        "position 1 (A long)", "position 2 (B short)", "position 3 (B long)");
                ScopeReport.Scope first = scopes.scopes().get(0);
                ScopeReport.Scope second = scopes.scopes().get(1);
                ScopeReport.Scope never = scopes.scopes().get(2);

                assertThat(first.breachProbability()).as(as).isEqualTo(1.0);
                assertThat(first.timeToBreachQuantilesDays().values()).as(as)
                        .allSatisfy(days -> assertThat(days).isCloseTo(longStep * STEP_DAYS, within(1e-12)));
                assertThat(first.firstBreachShare()).as(as).isEqualTo(1.0);
                assertThat(second.breachProbability()).as(as).isEqualTo(1.0);
                assertThat(second.timeToBreachQuantilesDays().get("0.5")).as(as)
                        .isCloseTo(shortStep * STEP_DAYS, within(1e-12));
                assertThat(second.firstBreachShare()).as(as).isZero();
                assertThat(never.breachProbability()).as(as).isZero();
                assertThat(never.timeToBreachQuantilesDays()).as(as).isEmpty();
                assertThat(never.meanLossGivenBreach()).as(as).isNaN();
                assertThat(scopes.tiedFirstShare()).as(as).isZero();

                // closed at the breach step's end price at step ends, at the barrier (equity = requirement) continuously
                double longClose = monitoring == Monitoring.DISCRETE
                        ? 100 + 10 * (100 * Math.exp(-0.5 * longStep * DT) - 100) : 0.05 * 10 * LONG_BARRIER;
                double shortClose = monitoring == Monitoring.DISCRETE
                        ? 120 - 20 * (40 * Math.exp(0.8 * shortStep * DT) - 40) : 0.05 * 20 * SHORT_BARRIER;
                // float lanes value the equity in float: a relative 1e-6 of the notional covers their rounding
                double tolerance = engine.equals("scalar") ? 1e-8 : 1e-6 * 1000;
                assertThat(first.meanLoss()).as(as).isCloseTo(100 - longClose, within(tolerance));
                assertThat(first.meanLossGivenBreach()).as(as).isCloseTo(100 - longClose, within(tolerance));
                assertThat(second.meanLoss()).as(as).isCloseTo(120 - shortClose, within(tolerance));
                assertThat(never.meanLoss()).as(as).isCloseTo(-5 * (horizonB - 40), within(tolerance));
            }
        }
    }

    @Test
    void aCrossAccountIsOnePoolWithTheAccountsFigures() throws Exception {
        Report report = Simulator.simulate(Specs.single(0.8, 0, 10, 100, 0.05, 16, 8, 2000, 3, Monitoring.DISCRETE));
        ScopeReport scopes = report.scopes();
        assertThat(scopes.mode()).isEqualTo("cross");
        assertThat(scopes.scopes()).hasSize(1);
        ScopeReport.Scope pool = scopes.scopes().get(0);
        assertThat(pool.name()).isEqualTo("account");
        assertThat(pool.breachProbability()).isEqualTo(report.breachProbability());
        assertThat(pool.firstBreachShare()).isEqualTo(report.breachProbability());
        assertThat(pool.timeToBreachQuantilesDays()).isEqualTo(report.timeToBreachQuantilesDays());
        // the mean loss lies between the smallest loss (the best terminal equity) and the largest (the worst)
        assertThat(pool.meanLoss()).isBetween(report.initialEquity() - report.terminalEquityQuantiles().get("0.99"),
                report.initialEquity() - report.terminalEquityQuantiles().get("0.01"));
    }
}
