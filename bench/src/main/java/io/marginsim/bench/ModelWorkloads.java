package io.marginsim.bench;

import io.marginsim.engine.CompiledProblem;
import io.marginsim.engine.ProblemCompiler;
import io.marginsim.engine.Workloads;
import io.marginsim.spec.SpecReader;

/**
 * {@link Workloads#correlated}'s accounts (10x longs, flat 5%, volatility 0.8, 256 steps) on a market model, so
 * that a model's cost reads as a ratio to GBM: {@code t} (Student-t, 4 degrees of freedom: one Philox block and
 * two logarithms more per asset-step), {@code merton} (20 jumps a year of mean -0.05, stdev 0.1: one block more),
 * {@code garch} (alpha 0.1, beta 0.85, long-run volatility 0.8: no draws more). {@code gbm} is the workload itself.
 */
public final class ModelWorkloads {
    private ModelWorkloads() {
    }

    /** The standard workload of {@code assets} assets with {@code model} on every asset. */
    public static CompiledProblem workload(String model, int assets) {
        String keys = switch (model) {
            case "gbm" -> null;
            case "t" -> "\"volatility\": 0.8, \"degreesOfFreedom\": 4";
            case "merton" -> "\"volatility\": 0.8, \"jumpIntensity\": 20, \"jumpMean\": -0.05, \"jumpStdev\": 0.1";
            // long-run variance omega / (1 - alpha - beta) = 0.64
            case "garch" -> "\"garch\": {\"omega\": 0.032, \"alpha\": 0.1, \"beta\": 0.85}";
            default -> throw new IllegalArgumentException("model must be gbm, t, merton or garch but was " + model);
        };
        if (keys == null) {
            return Workloads.correlated(assets, 42);
        }
        return compile(keys, assets, "", "");
    }

    /**
     * The GBM workload of {@code assets} assets with extra keys on every position (e.g. {@code funding}) and at the
     * spec's root (e.g. {@code liquidation}), for the cost of the account mechanics.
     */
    public static CompiledProblem withMechanics(int assets, String positionKeys, String rootKeys) {
        return compile("\"volatility\": " + Workloads.VOLATILITY, assets, positionKeys, rootKeys);
    }

    private static CompiledProblem compile(String keys, int assets, String positionKeys, String rootKeys) {
        StringBuilder assetList = new StringBuilder();
        StringBuilder positions = new StringBuilder();
        StringBuilder correlation = new StringBuilder();
        for (int a = 0; a < assets; a++) {
            String sep = a == 0 ? "" : ", ";
            assetList.append(sep).append("{\"name\": \"A").append(a).append("\", \"price\": 100, ").append(keys)
                    .append('}');
            positions.append(sep).append("{\"asset\": \"A").append(a).append("\", \"size\": 10, \"entryPrice\": 100, ")
                    .append("\"rules\": {\"type\": \"flat\", \"rate\": ").append(Workloads.MAINTENANCE_RATE)
                    .append('}').append(positionKeys.isEmpty() ? "" : ", " + positionKeys).append('}');
            correlation.append(sep).append('[');
            for (int b = 0; b < assets; b++) {
                correlation.append(b == 0 ? "" : ", ").append(a == b ? 1.0 : Workloads.CORRELATION);
            }
            correlation.append(']');
        }
        String json = """
                {"assets": [%s], "correlation": [%s],
                 "account": {"cash": %s, "positions": [%s]},
                 "horizonDays": %d, "stepsPerDay": %d, "seed": 42%s}"""
                .formatted(assetList, correlation, assets * 10.0 * 100.0 / Workloads.LEVERAGE, positions,
                        Workloads.HORIZON_DAYS, Workloads.STEPS_PER_DAY, rootKeys.isEmpty() ? "" : ", " + rootKeys);
        return ProblemCompiler.compile(SpecReader.parse(json, "model benchmark", false));
    }
}
