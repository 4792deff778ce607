package io.marginsim.market;

import io.marginsim.check.SpecException;
import io.marginsim.engine.MarketPath;
import io.marginsim.engine.Specs;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.testing.SpecEdits;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** DCC(1,1): correlation around its target, varying over paths, and the constant model at a = b = 0. */
class DccTest {
    private static final double RHO = 0.6;

    /** Two assets with correlation 0.6 and the given DCC parameters; extra keys for both assets. */
    private static String spec(double a, double b, String assetKeys, int days) {
        return String.format(Locale.ROOT, """
                {"assets": [{"name": "A", "price": 100, "volatility": 0.8%1$s},
                            {"name": "B", "price": 50, "volatility": 1.1%1$s}],
                 "correlation": [[1, %2$s], [%2$s, 1]],
                 "market": {"dcc": {"a": %3$s, "b": %4$s}},
                 "account": {"cash": 150, "positions": [
                   {"asset": "A", "size": 10, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
                   {"asset": "B", "size": -10, "entryPrice": 50, "rules": {"type": "flat", "rate": 0.05}}]},
                 "monitoring": "discrete", "horizonDays": %5$d, "stepsPerDay": 1, "seed": 11, "engine": "scalar"}""",
                assetKeys, RHO, a, b, days);
    }

    @Test
    void theCorrelationOfOneStepShocksAveragesToTheTarget() {
        // u = e / (sigma sqrt(dt)) for constant volatility; pool every step of every path. Steps of one path are
        // dependent through Q, so the standard error comes from 20 batches of independent paths (about 0.0025
        // here). DCC's E[R_t] sits slightly below Cbar (a second-order bias, Aielli 2013; about -0.004 on this
        // seed), inside the 4-SE tolerance.
        CompiledProblem p = Draws.problem(spec(0.05, 0.90, "", 60));
        double[][] u0 = Draws.scaled2(Draws.shocks(p, 4000, 0), 1 / p.stepVolatility.get(0));
        double[][] u1 = Draws.scaled2(Draws.shocks(p, 4000, 1), 1 / p.stepVolatility.get(1));
        assertPooledCorrelation(u0, u1, RHO);
    }

    @Test
    void withGarchTheStandardisedResidualsCarryTheTargetCorrelation() {
        // replay each asset's GARCH recursion from its returns to recover u = e / sqrt(h), which drives Q: the
        // correlation of u is that of the constant-volatility model, since Q never sees the volatility
        CompiledProblem p = Draws.problem(spec(0.05, 0.90, ", \"garch\": {\"alpha\": 0.1, \"beta\": 0.85}", 60));
        double[][] u0 = Draws.garchInnovations(p, Draws.shocks(p, 4000, 0), 0);
        double[][] u1 = Draws.garchInnovations(p, Draws.shocks(p, 4000, 1), 1);
        assertThat(Draws.variance(Draws.flat(u0))).isCloseTo(1, within(0.02));
        assertPooledCorrelation(u0, u1, RHO);
    }

    @Test
    void theConditionalCorrelationVariesOverPathsAndIsConstantWithoutDcc() {
        int paths = 2000;
        double[] dynamic = lastCorrelation(Draws.problem(spec(0.05, 0.90, "", 30)), paths);
        double[] constant = lastCorrelation(Draws.problem(spec(0, 0, "", 30)), paths);
        assertThat(constant).containsOnly(RHO);
        assertThat(Math.sqrt(Draws.variance(dynamic))).isGreaterThan(0.05);
        assertThat(Arrays.stream(dynamic).min().orElseThrow()).isGreaterThan(-1);
        assertThat(Arrays.stream(dynamic).max().orElseThrow()).isLessThan(1);
        // the mean of R_30 over paths stays at the target (paths independent: plain SE)
        assertThat(Draws.mean(dynamic)).isCloseTo(RHO, within(4 * Math.sqrt(Draws.variance(dynamic) / paths)));
    }

    @Test
    void zeroParametersReproduceTheConstantCorrelationModelOnTheSameSeed() {
        String plain = SpecEdits.replace(spec(0, 0, "", 8), "\"market\": {\"dcc\": {\"a\": 0.0, \"b\": 0.0}},", "");
        CompiledProblem constant = ProblemCompiler.compile(Specs.parse(plain));
        CompiledProblem dcc = Draws.problem(spec(0, 0, "", 8));
        assertThat(constant.gbmOnly()).isTrue();
        assertThat(dcc.featuresInUse()).containsExactly(Feature.DCC);
        int paths = 2000;
        PathBlock expected = new PathBlock(paths);
        PathBlock actual = new PathBlock(paths);
        new ScalarEngine(1, 512).simulate(constant, 0, expected);
        new ScalarEngine(1, 512).simulate(dcc, 0, actual);
        assertThat(Arrays.stream(expected.firstBreachStep).filter(s -> s != PathBlock.NO_BREACH).count())
                .isGreaterThan(paths / 10);
        assertThat(actual.firstBreachStep).containsExactly(expected.firstBreachStep);
        for (int i = 0; i < paths; i++) {
            assertThat(actual.terminalEquity[i]).isCloseTo(expected.terminalEquity[i], within(1e-9));
        }
    }

    @Test
    void moreThanSixteenAssetsAreRefusedWithTheLimit() {
        StringBuilder assets = new StringBuilder();
        for (int a = 0; a < 17; a++) {
            assets.append(a == 0 ? "" : ", ").append("{\"name\": \"X").append(a)
                    .append("\", \"price\": 1, \"volatility\": 0.5}");
        }
        String json = String.format(Locale.ROOT, """
                {"assets": [%s], "market": {"dcc": {"a": 0.05, "b": 0.9}},
                 "account": {"cash": 100, "collateral": [{"asset": "X0", "amount": 1}]},
                 "monitoring": "discrete", "horizonDays": 1, "stepsPerDay": 1}""", assets);
        assertThatThrownBy(() -> Specs.parse(json)).isInstanceOf(SpecException.class)
                .hasMessage("market.dcc supports at most 16 assets (a Cholesky factorisation per path and step) but "
                        + "the spec has 17");
    }

    @Test
    void parametersOutsideTheStationaryRegionAreRefused() {
        assertThatThrownBy(() -> Specs.parse(spec(0.2, 0.8, "", 2))).isInstanceOf(SpecException.class)
                .hasMessage("market.dcc.a plus b must be < 1 (a stationary correlation process) but was 0.2 + 0.8 = 1.0");
        assertThatThrownBy(() -> Specs.parse(spec(-0.1, 0.5, "", 2))).isInstanceOf(SpecException.class)
                .hasMessageStartingWith("market.dcc.a must be");
    }

    private static void assertPooledCorrelation(double[][] u0, double[][] u1, double expected) {
        assertThat(Draws.correlation(Draws.flat(u0), Draws.flat(u1)))
                .isCloseTo(expected, within(4 * Draws.pooledCorrelationSe(u0, u1)));
    }

    /** {@code R_T[0][1]} per path, the correlation of the step after the horizon's last. */
    private static double[] lastCorrelation(CompiledProblem p, int paths) {
        MarketPath market = new MarketPath(p);
        double[] out = new double[p.assets];
        double[] r = new double[paths];
        for (int i = 0; i < paths; i++) {
            market.start();
            for (int t = 1; t <= p.steps; t++) {
                market.step(i, t, out);
            }
            r[i] = market.conditionalCorrelation(0, 1);
        }
        return r;
    }
}
