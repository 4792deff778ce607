package io.marginsim.engine.scalar;

import io.marginsim.engine.Engine;
import io.marginsim.engine.Specs;
import io.marginsim.problem.BreachBins;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.result.Report;
import io.marginsim.result.ReportBuilder;
import io.marginsim.spec.Monitoring;
import io.marginsim.spec.Spec;
import io.marginsim.stats.PathStats;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reported time-to-breach quantiles under continuous monitoring against the first-passage law of Brownian
 * motion with drift (the defective inverse Gaussian), at one step a day: one GBM asset under a flat rule, where the
 * bridge is exact. The {@code q}-quantile among breached paths is the {@code t} with {@code F(t) = q F(T)}, for
 * {@code F} the first-passage probability by {@code t} ({@link ClosedFormTest#firstPassage}); the report's is the end
 * of the bin holding it, so it may lie up to a bin ({@code 1/16} day here) later, plus Monte Carlo error: four
 * standard errors of the level, {@code sqrt(q (1 - q) / breaches)}, turned into days by the first-passage density.
 * Whole steps put every quantile at a day's end and miss by up to a day, which the same tolerance rejects.
 */
class BreachTimeClosedFormTest {
    private static final int DAYS = 30;
    private static final int PATHS = 100_000;

    @ParameterizedTest(name = "size {0}, vol {1}, drift {2}")
    @CsvSource({"10, 0.8, 0.0", "-10, 0.6, -0.2"})
    void quantilesMatchTheFirstPassageLawAtOneStepADay(double size, double vol, double drift) {
        double cash = 100;
        double rate = 0.005;
        Spec spec = Specs.single(vol, drift, size, cash, rate, DAYS, 1, PATHS, 17, Monitoring.CONTINUOUS);
        PathStats stats;
        try (Engine engine = new ScalarEngine()) {
            stats = engine.run(ProblemCompiler.compile(spec), 0, PATHS, Engine.ProgressListener.NONE);
        }
        Report report = ReportBuilder.build(stats, new ReportBuilder.RunInfo("scalar", "", 1.0, 17, "continuous",
                cash, 0, 0, 0));

        // the account's log distance to its liquidation price and the drift of the log price towards it
        double barrier = (size * 100 - cash) / (size - rate * Math.abs(size));
        double a = Math.abs(Math.log(100 / barrier));
        double nu = (size > 0 ? 1 : -1) * (drift - 0.5 * vol * vol);
        double horizon = DAYS / 365.0;
        double breached = ClosedFormTest.firstPassage(a, nu, vol, horizon);
        long breaches = stats.breaches();
        assertThat((double) breaches / PATHS).as("breach probability").isBetween(breached - 0.01, breached + 0.01);

        long[] byStep = stats.breachesAtStep();
        boolean wholeStepsMiss = false;
        for (double level : ReportBuilder.TIME_LEVELS) {
            double expected = 365 * quantile(a, nu, vol, level * breached, horizon);
            double levelError = 4 * Math.sqrt(level * (1 - level) / breaches) * breached;
            double daysError = levelError / (density(a, nu, vol, expected / 365) / 365);
            double reported = report.timeToBreachQuantilesDays().get(ReportBuilder.key(level));
            assertThat(reported).as("%s-quantile of days to breach", level)
                    .isBetween(expected - daysError, expected + 1.0 / BreachBins.CONTINUOUS + daysError);
            double whole = wholeStepQuantile(byStep, breaches, level);
            wholeStepsMiss |= whole > expected + 1.0 / BreachBins.CONTINUOUS + daysError;
        }
        assertThat(wholeStepsMiss).as("whole steps fall outside the tolerance at some level").isTrue();
    }

    /** The nearest-rank quantile of whole steps, as the report gave it before bins within steps: a step's end. */
    static double wholeStepQuantile(long[] byStep, long breaches, double level) {
        long needed = (long) Math.ceil(level * breaches);
        long seen = 0;
        for (int step = 1; step < byStep.length; step++) {
            seen += byStep[step];
            if (seen >= needed) {
                return step;
            }
        }
        throw new IllegalStateException("fewer than " + needed + " breaches");
    }

    /** The time (years) by which {@code nu t + sigma W_t} has reached {@code -a} with probability {@code p}. */
    private static double quantile(double a, double nu, double sigma, double p, double horizon) {
        double low = 0;
        double high = horizon;
        for (int i = 0; i < 100; i++) {
            double mid = 0.5 * (low + high);
            if (ClosedFormTest.firstPassage(a, nu, sigma, mid) < p) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return 0.5 * (low + high);
    }

    /** First-passage density of {@code nu t + sigma W_t} to {@code -a} at time {@code t} (years). */
    private static double density(double a, double nu, double sigma, double t) {
        double z = a + nu * t;
        return a / (sigma * Math.sqrt(2 * Math.PI * t * t * t)) * Math.exp(-z * z / (2 * sigma * sigma * t));
    }
}
