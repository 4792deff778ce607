package io.marginsim.engine.contract;

import io.marginsim.engine.BreachTimes;
import io.marginsim.engine.Engine;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Path-by-path comparison of an engine with the scalar reference on the same paths: first-breach steps agree on the
 * share {@link EngineUnderTest#breachAgreement} asks, breach times within the step as {@link BreachTimes} asks, worst
 * shortfall on every path and terminal equity on every path with the same breach step within the engine's
 * tolerance. Before comparing, at least one path in twenty breaches, at least one in twenty does not, and the first
 * breaches fall on more than {@value #DISTINCT_STEPS} distinct steps: otherwise breach steps agree trivially and the
 * problem checks nothing.
 */
public final class ReferenceAgreement {
    private static final int DISTINCT_STEPS = 20;
    /**
     * The vector lanes' tolerance on liquidating accounts, relative to gross notional: a float lane's log price is a
     * sum of float log returns, off by at most ~4e-6 relative after 128 steps (typically ~3e-7), and every outcome is
     * a sum of units times prices, fills and carrying costs included; observed up to 5.2e-6 (a terminal equity on a
     * jump problem whose price had about doubled). The kernels keep their own tolerances.
     */
    static final double LIQUIDATION_LANE_RELATIVE = 1e-5;
    /** References by case, at the case's path count: every engine compares against the same one, or its start. */
    private static final Map<String, PathBlock> REFERENCES = new ConcurrentHashMap<>();
    private static final Map<String, CompiledProblem> PROBLEMS = new ConcurrentHashMap<>();
    private static final Map<String, PathBlock> LIQUIDATION_REFERENCES = new ConcurrentHashMap<>();
    private static final Map<String, CompiledProblem> LIQUIDATION_PROBLEMS = new ConcurrentHashMap<>();

    private ReferenceAgreement() {
    }

    /**
     * Runs {@code problem} on {@code under}'s engine and on the reference over {@code paths} paths from
     * {@code firstPath}, checks that a fair share breaches and that the engine agrees; returns the reference.
     */
    public static PathBlock assertAgrees(EngineUnderTest under, CompiledProblem problem, long firstPath, int paths,
                                         double laneRelative) {
        PathBlock reference = reference(problem, firstPath, paths);
        assertBreachesSome(reference, problem.toString());
        assertAgrees(under, under.open(paths), problem, problem.toString(), firstPath, paths,
                under.tolerance(problem, laneRelative), reference);
        return reference;
    }

    static CompiledProblem problem(Case c) {
        return PROBLEMS.computeIfAbsent(c.name(), name -> c.problem());
    }

    /** Runs {@code c} on {@code engine} at the case's path count (at most the engine's) and checks the criteria. */
    static void assertAgrees(EngineUnderTest under, Engine engine, Case c) {
        int paths = Math.min(c.paths(), under.maxPaths);
        CompiledProblem problem = problem(c);
        PathBlock reference = first(REFERENCES.computeIfAbsent(c.name(),
                key -> reference(problem, c.firstPath(), c.paths())), paths);
        assertBreachesSome(reference, c.name());
        assertAgrees(under, engine, problem, c.name(), c.firstPath(), paths,
                under.tolerance(problem, c.laneRelative()), reference);
    }

    /**
     * {@link #assertAgrees(EngineUnderTest, Engine, Case)} on a few paths from {@code firstPath}, for path counts,
     * where too few paths make the share of breaches meaningless.
     */
    static void assertAgreesOn(EngineUnderTest under, Engine engine, Case c, long firstPath, int paths) {
        CompiledProblem problem = problem(c);
        assertAgrees(under, engine, problem, c.name(), firstPath, paths, under.tolerance(problem, c.laneRelative()),
                reference(problem, firstPath, paths));
    }

    private static void assertAgrees(EngineUnderTest under, Engine engine, CompiledProblem problem, String name,
                                     long firstPath, int paths, double tolerance, PathBlock reference) {
        PathBlock block = simulate(engine, problem, firstPath, paths);
        String what = name + " on " + under;
        double agreement = under.breachAgreement(paths);
        assertThat(block.breachStepAgreement(reference)).as("first-breach agreement, %s", what)
                .isGreaterThanOrEqualTo(agreement);
        BreachTimes.assertAgree(problem, reference, block, agreement, under.exactTimes);
        for (int i = 0; i < paths; i++) {
            assertThat(block.worstShortfall[i]).as("worst shortfall of path %d, %s", firstPath + i, what)
                    .isCloseTo(reference.worstShortfall[i], offset(tolerance));
            if (block.firstBreachStep[i] == reference.firstBreachStep[i]) {
                assertThat(block.terminalEquity[i]).as("terminal equity of path %d, %s", firstPath + i, what)
                        .isCloseTo(reference.terminalEquity[i], offset(tolerance));
            }
        }
    }

    /**
     * The agreement of a problem that liquidates (or carries costs) on {@code under}'s engine over {@code paths}
     * paths from {@code firstPath}, returning the reference for more checks. Beyond the criteria above, on outcomes
     * of the account as {@link PathBlock#forProblem} tracks them:
     * <ul>
     *   <li>more than {@code minBreaches} of the paths breach, so that the mechanics run on many of them;</li>
     *   <li>the number of liquidation events agrees on the share of paths that first-breach steps must;</li>
     *   <li>on paths that agree in breach step and events, terminal equity, liquidation loss and bad debt within
     *   {@code tolerance}, and worst shortfall on the paths {@link EngineUnderTest#shortfallOnEveryPath} names; at
     *   most {@code outliers} outcomes (paths, for engines that {@link EngineUnderTest#countOutliersByPath}) may lie
     *   beyond it (a check again after a fill within a step starts from an excess within rounding of zero);</li>
     *   <li>the means of terminal equity, loss and bad debt within {@link EngineUnderTest#meanGap} of the
     *   reference's.</li>
     * </ul>
     */
    public static PathBlock assertLiquidationAgrees(EngineUnderTest under, CompiledProblem problem, long firstPath,
                                                    int paths, double tolerance, int outliers, int minBreaches) {
        PathBlock reference = liquidationReference(problem, firstPath, paths);
        assertLiquidationAgrees(under, under.open(paths), problem, problem.mechanicsFeatures().toString(), firstPath,
                paths, tolerance, outliers, minBreaches, reference);
        return reference;
    }

    /**
     * Runs {@code c} on {@code engine} over the paths it {@link LiquidationCase#compared compares} and checks the
     * criteria of {@link #assertLiquidationAgrees(EngineUnderTest, CompiledProblem, long, int, double, int, int)},
     * with the engine's tolerance ({@value #LIQUIDATION_LANE_RELATIVE} of the gross notional for the vector lanes)
     * and the case's outliers and breaches for that many paths.
     */
    static void assertLiquidationAgrees(EngineUnderTest under, Engine engine, LiquidationCase c) {
        int paths = c.compared(under);
        CompiledProblem problem = problem(c);
        assertLiquidationAgrees(under, engine, problem, c.name(), c.firstPath(), paths,
                under.tolerance(problem, LIQUIDATION_LANE_RELATIVE), c.outliers(under, problem, paths),
                c.minBreaches(paths), first(reference(c), paths));
    }

    static CompiledProblem problem(LiquidationCase c) {
        return LIQUIDATION_PROBLEMS.computeIfAbsent(c.name(), name -> c.source().get());
    }

    /** The reference of {@code c} over the case's paths, run once for every engine and check. */
    static PathBlock reference(LiquidationCase c) {
        return LIQUIDATION_REFERENCES.computeIfAbsent(c.name(), key -> liquidationReference(problem(c), c.firstPath(), c.paths()));
    }

    private static PathBlock liquidationReference(CompiledProblem problem, long firstPath, int paths) {
        PathBlock reference = PathBlock.forProblem(problem, paths);
        new ScalarEngine(1, paths).simulate(problem, firstPath, reference);
        return reference;
    }

    private static void assertLiquidationAgrees(EngineUnderTest under, Engine engine, CompiledProblem problem,
                                                String name, long firstPath, int paths, double tolerance,
                                                int outliers, int minBreaches, PathBlock reference) {
        PathBlock block = PathBlock.forProblem(problem, paths);
        engine.simulate(problem, firstPath, block);
        String what = name + " on " + under;
        double agreement = under.breachAgreement(paths);
        assertThat(count(reference, i -> reference.firstBreachStep[i] != PathBlock.NO_BREACH))
                .as("breached paths, %s", what).isGreaterThan(minBreaches);
        assertThat(block.breachStepAgreement(reference)).as("first-breach agreement, %s", what)
                .isGreaterThanOrEqualTo(agreement);
        BreachTimes.assertAgree(problem, reference, block, agreement, under.exactTimes);
        boolean tracked = reference.tracksLiquidation;
        if (tracked) {
            assertThat((double) count(reference, i -> block.liquidations[i] == reference.liquidations[i]) / paths)
                    .as("paths with as many liquidation events, %s", what).isGreaterThanOrEqualTo(agreement);
        }
        List<String> beyond = new ArrayList<>();
        for (int i = 0; i < paths; i++) {
            int before = beyond.size();
            boolean same = block.firstBreachStep[i] == reference.firstBreachStep[i]
                    && !(tracked && block.liquidations[i] != reference.liquidations[i]);
            if (same || under.shortfallOnEveryPath) {
                close(beyond, "worst shortfall", firstPath + i, block.worstShortfall[i], reference.worstShortfall[i],
                        tolerance);
            }
            if (!same) {
                continue;
            }
            close(beyond, "terminal equity", firstPath + i, block.terminalEquity[i], reference.terminalEquity[i],
                    tolerance);
            if (tracked) {
                close(beyond, "liquidation loss", firstPath + i, block.liquidationLoss[i],
                        reference.liquidationLoss[i], tolerance);
                close(beyond, "bad debt", firstPath + i, block.badDebt[i], reference.badDebt[i], tolerance);
            }
            if (under.countOutliersByPath && beyond.size() > before + 1) {
                beyond.subList(before + 1, beyond.size()).clear();
            }
        }
        assertThat(beyond).as("outcomes further than %s from the reference's, %s", tolerance, what)
                .hasSizeLessThanOrEqualTo(outliers);
        assertMeansAgree(under, "terminal equity, " + what, block.terminalEquity, reference.terminalEquity,
                tolerance);
        if (tracked) {
            assertMeansAgree(under, "liquidation loss, " + what, block.liquidationLoss, reference.liquidationLoss,
                    tolerance);
            assertMeansAgree(under, "bad debt, " + what, block.badDebt, reference.badDebt, tolerance);
        }
    }

    /** Notes {@code what} of {@code path} in {@code beyond} when the engine's value is further than the tolerance. */
    private static void close(List<String> beyond, String what, long path, double value, double reference,
                              double tolerance) {
        if (!(Math.abs(value - reference) <= tolerance)) {
            beyond.add(what + " of path " + path + ": " + value + " vs " + reference);
        }
    }

    private static void assertMeansAgree(EngineUnderTest under, String what, double[] values, double[] reference,
                                         double tolerance) {
        double mean = Arrays.stream(reference).average().orElseThrow();
        double variance = Arrays.stream(reference).map(v -> (v - mean) * (v - mean)).sum() / (reference.length - 1);
        double standardError = Math.sqrt(variance / reference.length);
        assertThat(Arrays.stream(values).average().orElseThrow()).as("mean %s", what)
                .isCloseTo(mean, offset(under.meanGap(standardError, tolerance)));
    }

    /** Paths of {@code block} for which {@code test} holds. */
    public static int count(PathBlock block, IntPredicate test) {
        int n = 0;
        for (int i = 0; i < block.size(); i++) {
            n += test.test(i) ? 1 : 0;
        }
        return n;
    }

    /** Between a twentieth and nineteen twentieths of the reference's paths breach, at various steps. */
    private static void assertBreachesSome(PathBlock reference, String name) {
        int paths = reference.size();
        int breaches = 0;
        for (int step : reference.firstBreachStep) {
            breaches += step == PathBlock.NO_BREACH ? 0 : 1;
        }
        assertThat(breaches).as("breaching paths of %s, so the comparison means something", name)
                .isBetween(paths / 20, paths - paths / 20);
        assertThat(Arrays.stream(reference.firstBreachStep).filter(s -> s != PathBlock.NO_BREACH).distinct().count())
                .as("distinct first-breach steps of %s", name).isGreaterThan(DISTINCT_STEPS);
    }

    /**
     * The first {@code paths} paths of {@code block}: each path's outcome depends on its index alone, not on how
     * many paths were simulated with it.
     */
    private static PathBlock first(PathBlock block, int paths) {
        if (paths == block.size()) {
            return block;
        }
        PathBlock start = new PathBlock(paths, block.tracksLiquidation);
        System.arraycopy(block.firstBreachStep, 0, start.firstBreachStep, 0, paths);
        System.arraycopy(block.breachFraction, 0, start.breachFraction, 0, paths);
        System.arraycopy(block.worstShortfall, 0, start.worstShortfall, 0, paths);
        System.arraycopy(block.terminalEquity, 0, start.terminalEquity, 0, paths);
        if (block.tracksLiquidation) {
            System.arraycopy(block.liquidations, 0, start.liquidations, 0, paths);
            System.arraycopy(block.liquidationLoss, 0, start.liquidationLoss, 0, paths);
            System.arraycopy(block.badDebt, 0, start.badDebt, 0, paths);
        }
        return start;
    }

    private static PathBlock reference(CompiledProblem problem, long firstPath, int paths) {
        return simulate(new ScalarEngine(1, paths), problem, firstPath, paths);
    }

    private static PathBlock simulate(Engine engine, CompiledProblem problem, long firstPath, int paths) {
        PathBlock block = new PathBlock(paths);
        engine.simulate(problem, firstPath, block);
        return block;
    }
}
