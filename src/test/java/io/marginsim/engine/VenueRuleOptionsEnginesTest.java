package io.marginsim.engine;

import io.marginsim.analysis.LiquidationPrices;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.simulation.Engines;
import io.marginsim.spec.EngineKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engines read a rule's published maintenance amount, entry bracket and trigger fee from the compiled problem:
 * with zero volatility and a stress shock that moves the price once at time zero, every path breaches at the first
 * valuation exactly when the shocked price is beyond the option's liquidation price from {@code liq-price}, and
 * the option moves that price by far more than the margin of the test. The OpenCL engine joins where a device is
 * present.
 */
class VenueRuleOptionsEnginesTest {
    /** Relative distance of the shocked price from the liquidation price, either side. */
    private static final double NEAR = 1e-4;
    private static final int PATHS = 16;
    private static final List<Engine> ENGINES = new ArrayList<>();

    @BeforeAll
    static void openEngines() throws EngineUnavailableException {
        Engines.Options options = new Engines.Options(1, -1, Precision.FLOAT);
        ENGINES.add(Engines.select(EngineKind.SCALAR, options).engine());
        ENGINES.add(Engines.select(EngineKind.VECTOR, options).engine());
        try {
            ENGINES.add(Engines.select(EngineKind.OPENCL, options).engine());
        } catch (EngineUnavailableException e) {
            // no OpenCL platform here: the CPU engines still check the compiled rule
        }
    }

    @AfterAll
    static void closeEngines() throws Exception {
        for (Engine engine : ENGINES) {
            engine.close();
        }
        ENGINES.clear();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            published amount | 100   | 1000  | 10000 | {"type": "tiered", "tiers": [{"floor": 0, "rate": 0.004}, {"floor": 50000, "rate": 0.005, "amount": 200}]} | {"type": "tiered", "tiers": [{"floor": 0, "rate": 0.004}, {"floor": 50000, "rate": 0.005}]}
            entry bracket    | -1000 | 100   | 20000 | {"type": "tiered", "bracketBasis": "entry", "tiers": [{"floor": 0, "rate": 0.01}, {"floor": 110000, "rate": 0.05}]} | {"type": "tiered", "tiers": [{"floor": 0, "rate": 0.01}, {"floor": 110000, "rate": 0.05}]}
            trigger fee      | 1     | 20000 | 1000  | {"type": "flat", "rate": 0.005, "triggerFeeRate": 0.00075} | {"type": "flat", "rate": 0.005}
            """)
    void theEnginesBreachExactlyBeyondTheOptionsLiquidationPrice(String option, double size, double entry,
                                                                 double margin, String rules, String plainRules) {
        double liquidation = liquidationPrice(spec(size, entry, margin, rules, 0));
        assertThat(Math.abs(liquidation / liquidationPrice(spec(size, entry, margin, plainRules, 0)) - 1))
                .as("the option's effect on the liquidation price").isGreaterThan(5 * NEAR);
        // a long breaches below its liquidation price, a short above it
        double outward = size > 0 ? -NEAR : NEAR;
        assertBreaches(spec(size, entry, margin, rules, Math.log(liquidation * (1 + outward) / entry)), true);
        assertBreaches(spec(size, entry, margin, rules, Math.log(liquidation * (1 - outward) / entry)), false);
    }

    private static double liquidationPrice(String json) {
        LiquidationPrices.Result r = LiquidationPrices.compute(ProblemCompiler.compile(Specs.parse(json))).getFirst();
        return Double.isNaN(r.below()) ? r.above() : r.below();
    }

    private static void assertBreaches(String json, boolean breach) {
        CompiledProblem problem = ProblemCompiler.compile(Specs.parse(json));
        int expected = breach ? 1 : PathBlock.NO_BREACH;
        for (Engine engine : ENGINES) {
            PathBlock block = new PathBlock(PATHS);
            engine.simulate(problem, 0, block);
            assertThat(block.firstBreachStep).as(engine.name() + " engine").containsOnly(expected);
        }
    }

    private static String spec(double size, double entry, double margin, String rules, double shock) {
        return String.format(Locale.ROOT, """
                {"assets": [{"name": "X", "price": %s, "volatility": 0}],
                 "market": {"stress": {"shock": [%s]}},
                 "account": {"mode": "isolated", "positions": [{"asset": "X", "size": %s, "entryPrice": %s,
                             "margin": %s, "rules": %s}]},
                 "monitoring": "discrete", "horizonDays": 2, "stepsPerDay": 1, "paths": %d, "seed": 1}""",
                entry, shock, size, entry, margin, rules, PATHS);
    }
}
