package io.marginsim.engine.contract;

import io.marginsim.problem.CompiledProblem;

import java.util.Map;
import java.util.function.Supplier;

/**
 * One problem of the contract suite: a name for reports, the problem (built on first use, as some write files to
 * compile), how many paths to compare from which first path, and the tolerance of float lanes relative to the
 * account's gross notional.
 *
 * @param laneRelative the vector engine's tolerance; coin-margined and portfolio accounts carry more float rounding
 *                     through their collateral than linear ones, so they get 1e-5 instead of 5e-6
 * @param gaps         known disagreements: engines that do not meet the contract on this case yet, each with what
 *                     was measured; the suite skips them with that reason, so they show in every report
 */
record Case(String name, Supplier<CompiledProblem> source, int paths, long firstPath, double laneRelative,
            Map<EngineUnderTest, String> gaps) {
    /** Float lanes' tolerance on linear accounts: observed up to 2.3e-6 of gross notional (GARCH, 128 steps). */
    static final double LANE_RELATIVE = 5e-6;

    Case(String name, Supplier<CompiledProblem> source, int paths, long firstPath) {
        this(name, source, paths, firstPath, LANE_RELATIVE);
    }

    Case(String name, Supplier<CompiledProblem> source, int paths, long firstPath, double laneRelative) {
        this(name, source, paths, firstPath, laneRelative, Map.of());
    }

    /** This case with a known disagreement of {@code engine}, described by {@code measured}. */
    Case withGap(EngineUnderTest engine, String measured) {
        return new Case(name, source, paths, firstPath, laneRelative, Map.of(engine, measured));
    }

    CompiledProblem problem() {
        return source.get();
    }

    @Override
    public String toString() {
        return name;
    }
}
