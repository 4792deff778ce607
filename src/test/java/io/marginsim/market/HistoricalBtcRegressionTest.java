package io.marginsim.market;

import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.spec.SpecReader;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filtered historical simulation on real prices: BTC-USD daily closes (Yahoo Finance) from 2015-09-01 to
 * 2016-09-01, whose GARCH fit is nearly integrated (alpha + beta close to 1), so its long-run variance is far above
 * any variance a path reaches within the horizon. A 2x long over 90 days must breach on a minority of paths, spread
 * over the horizon.
 */
class HistoricalBtcRegressionTest {

    @Test
    void aTwoTimesLongBreachesRarelyAndNeverOnTheFirstDay() throws URISyntaxException {
        Path spec = Path.of(getClass().getResource("btc-2x-long-historical.json").toURI());
        CompiledProblem p = ProblemCompiler.compile(SpecReader.read(spec));
        int paths = 20_000;
        PathBlock block = new PathBlock(paths);
        new ScalarEngine(1, paths).simulate(p, 0, block);
        int breaches = 0;
        int firstDay = 0;
        for (int step : block.firstBreachStep) {
            breaches += step == PathBlock.NO_BREACH ? 0 : 1;
            firstDay += step == 1 ? 1 : 0;
        }
        double probability = (double) breaches / paths;
        // the fit is integrated to 1e-10, so its long-run volatility is absurd (about 370 a year); the path starts at
        // the filter's last variance (27% a year). Observed: 4.7% (SE 0.15%), spread over the 90 days
        assertThat(p.garchAlpha.get(0) + p.garchBeta.get(0)).isGreaterThan(0.999);
        assertThat(probability).isBetween(0.001, 0.5);
        // equity 286.15 + S - S0 falls below 5% of S at S = (S0 - 286.15) / 0.95: a first-day breach takes a fall of
        // 47%, over 40 conditional standard deviations at the start, beyond any residual of the history
        double barrier = (572.302979 - 286.15) / 0.95;
        assertThat(Math.log(572.302979 / barrier) / Math.sqrt(p.initialVariance.get(0))).isGreaterThan(40);
        assertThat(firstDay).isZero();
    }
}
