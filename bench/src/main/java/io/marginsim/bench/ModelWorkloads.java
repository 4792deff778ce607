package io.marginsim.bench;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.problem.Workloads;
import io.marginsim.spec.SpecReader;

import java.util.Collections;

/**
 * {@link Workloads#correlated}'s accounts (10x longs, flat 5%, volatility 0.8, 256 steps) on a market model, so
 * that a model's cost reads as a ratio to GBM: {@code t} (Student-t, 4 degrees of freedom: one Philox block and
 * two logarithms more per asset-step), {@code merton} (20 jumps a year of mean -0.05, stdev 0.1: one block more),
 * {@code garch} (alpha 0.1, beta 0.85, long-run volatility 0.8: no draws more). {@code gbm} is the workload itself.
 * With {@code mechanics} the accounts also pay funding and are liquidated with every mechanic of the liquidation
 * object ({@link #MECHANICS}), so the cost of the mechanics reads as a ratio to the same workload without them.
 */
public final class ModelWorkloads {
    /** Funding, appended to every position object. */
    static final String FUNDING = "\"funding\": {\"fundingRatePerInterval\": 0.0001, \"fundingIntervalHours\": 8}";
    /**
     * Half a step of latency (steps are 3 hours), square-root impact, a fee and Hyperliquid-style partial closes of
     * half a position above 500 of notional (each position starts at 1,000).
     */
    static final String MECHANICS = """
            "liquidation": {"latencySeconds": 5400, "feeRate": 0.005,
                              "slippage": {"model": "sqrt", "depth": %s, "coefficient": 0.5},
                              "partial": {"mode": "fraction", "fraction": 0.5, "aboveNotional": 500}}""";

    private ModelWorkloads() {
    }

    /** The standard workload of {@code assets} assets with {@code model} on every asset. */
    public static CompiledProblem workload(String model, int assets) {
        return workload(model, assets, false);
    }

    /** As {@link #workload(String, int)}, with funding and {@link #MECHANICS} when {@code mechanics}. */
    public static CompiledProblem workload(String model, int assets, boolean mechanics) {
        String keys = switch (model) {
            case "gbm" -> null;
            case "t" -> "\"volatility\": 0.8, \"degreesOfFreedom\": 4";
            case "merton" -> "\"volatility\": 0.8, \"jumpIntensity\": 20, \"jumpMean\": -0.05, \"jumpStdev\": 0.1";
            // long-run variance omega / (1 - alpha - beta) = 0.64
            case "garch" -> "\"garch\": {\"omega\": 0.032, \"alpha\": 0.1, \"beta\": 0.85}";
            default -> throw new IllegalArgumentException("model must be gbm, t, merton or garch but was " + model);
        };
        if (keys == null && !mechanics) {
            return Workloads.correlated(assets, 42);
        }
        if (keys == null) {
            keys = "\"volatility\": " + Workloads.VOLATILITY;
        }
        return mechanics ? compile(keys, assets, FUNDING, MECHANICS.formatted(depth(assets)))
                : compile(keys, assets, "", "");
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

    /** A book depth of 20,000 of notional per position: about 11% impact on a full close of 1,000. */
    private static String depth(int assets) {
        return "[" + String.join(", ", Collections.nCopies(assets, "20000")) + "]";
    }
}
