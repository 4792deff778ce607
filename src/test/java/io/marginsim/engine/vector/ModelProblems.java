package io.marginsim.engine.vector;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.engine.Specs;

/**
 * Leveraged accounts on each market model beyond GBM, written as spec JSON: 16 days of 8 steps (128 steps), longs
 * at about 8x under a flat 5% rate on mark notional, so that a good share of paths breach at various steps.
 */
final class ModelProblems {
    private ModelProblems() {
    }

    /** One asset at 100 with volatility 0.8 and the given extra asset keys, {@code market} members and seed. */
    static CompiledProblem oneAsset(String assetKeys, String market, long seed) {
        return oneAsset(assetKeys, market, "", "", seed);
    }

    /**
     * {@link #oneAsset(String, String, long)} with extra keys of the position (e.g. {@code funding}) and of the
     * spec's root (e.g. {@code liquidation}).
     */
    static CompiledProblem oneAsset(String assetKeys, String market, String positionKeys, String rootKeys, long seed) {
        return compile("""
                {"assets": [{"name": "X", "price": 100, "volatility": 0.8%s}],%s
                 "account": {"cash": 125, "positions": [{"asset": "X", "size": 10, "entryPrice": 100,
                             "rules": {"type": "flat", "rate": 0.05}%s}]},
                 "monitoring": "discrete", "horizonDays": 16, "stepsPerDay": 8, "seed": %d, "engine": "vector"%s}"""
                .formatted(keys(assetKeys), market.isEmpty() ? "" : " \"market\": {" + market + "},",
                        keys(positionKeys), seed, keys(rootKeys)));
    }

    /**
     * Three correlated assets (0.6 / 0.3 / 0.4) with the given asset key sets and {@code market} members, one long
     * on each in one cross-margined pool, plus collateral in asset C.
     */
    static CompiledProblem threeAssets(String a, String b, String c, String market, long seed) {
        return compile("""
                {"assets": [{"name": "A", "price": 100, "volatility": 0.7%s},
                            {"name": "B", "price": 40, "volatility": 0.9%s},
                            {"name": "C", "price": 10, "volatility": 1.1%s}],
                 "correlation": [[1, 0.6, 0.3], [0.6, 1, 0.4], [0.3, 0.4, 1]],%s
                 "account": {"cash": 250, "collateral": [{"asset": "C", "amount": 10, "haircut": 0.2}],
                             "positions": [
                               {"asset": "A", "size": 10, "entryPrice": 100, "rules": {"type": "flat", "rate": 0.05}},
                               {"asset": "B", "size": 20, "entryPrice": 40, "rules": {"type": "flat", "rate": 0.05}},
                               {"asset": "C", "size": -30, "entryPrice": 10, "rules": {"type": "flat", "rate": 0.05}}]},
                 "monitoring": "discrete", "horizonDays": 16, "stepsPerDay": 8, "seed": %d, "engine": "vector"}"""
                .formatted(keys(a), keys(b), keys(c), market.isEmpty() ? "" : " \"market\": {" + market + "},",
                        seed));
    }

    private static String keys(String assetKeys) {
        return assetKeys.isEmpty() ? "" : ", " + assetKeys;
    }

    static CompiledProblem compile(String json) {
        return ProblemCompiler.compile(Specs.parse(json));
    }
}
