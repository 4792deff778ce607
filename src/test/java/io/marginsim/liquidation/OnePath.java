package io.marginsim.liquidation;

import io.marginsim.engine.Specs;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ProblemCompiler;

import java.util.Locale;

/**
 * Zero-volatility specs, so every path is the same deterministic price line {@code P_k = 100 exp(drift * k * dt)}
 * and each outcome can be computed by hand. One step is one hour (24 steps a day).
 */
public final class OnePath {
    static final double DT = 1 / (365.0 * 24);

    private OnePath() {
    }

    /** One asset X at 100 with the given annual drift, one cross position of {@code size} entered at 100. */
    public static String spec(double drift, double cash, double size, String rules, int days, String extraPosition,
                       String extraRoot) {
        return String.format(Locale.ROOT, """
                {"assets": [{"name": "X", "price": 100, "volatility": 0, "drift": %s}],
                 "account": {"cash": %s, "positions": [{"asset": "X", "size": %s, "entryPrice": 100,
                             "rules": %s %s}]},
                 "monitoring": "discrete", "horizonDays": %d, "stepsPerDay": 24, "paths": 4, "seed": 1, "engine": "scalar" %s}""",
                drift, cash, size, rules, extraPosition, days, extraRoot);
    }

    static CompiledProblem compile(String json) {
        return ProblemCompiler.compile(Specs.parse(json));
    }

    static PathBlock run(String json) {
        CompiledProblem problem = compile(json);
        PathBlock block = PathBlock.forProblem(problem, 4);
        new ScalarEngine(1, 2).simulate(problem, 0, block);
        return block;
    }

    /** Price at step {@code k} (may be fractional) of a zero-volatility asset starting at 100. */
    static double price(double drift, double k) {
        return 100 * Math.exp(drift * k * DT);
    }

    /** First step at which a long of {@code size} entered at 100 under a flat mark rate breaches. */
    static int breachStep(double drift, double cash, double size, double rate) {
        for (int k = 1; ; k++) {
            double p = price(drift, k);
            if (rate * size * p - (cash + size * (p - 100)) > 0) {
                return k;
            }
        }
    }
}
