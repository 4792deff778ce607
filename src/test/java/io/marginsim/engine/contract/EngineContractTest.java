package io.marginsim.engine.contract;

import io.marginsim.engine.Engine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Workloads;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract every engine keeps with the scalar reference, on every problem of the {@link Catalogue} and in every
 * precision it offers: path by path agreement by the criteria of {@link ReferenceAgreement}. A combination whose
 * problem uses a feature the engine does not claim is skipped, with the features it lacks as the reason.
 */
class EngineContractTest {

    static Stream<Arguments> discrete() {
        return combinations(Catalogue.discrete());
    }

    static Stream<Arguments> continuous() {
        return combinations(Catalogue.continuous());
    }

    static Stream<Arguments> liquidating() {
        return Stream.of(EngineUnderTest.values()).flatMap(under -> Stream.concat(
                LiquidationCatalogue.discrete().stream(), LiquidationCatalogue.continuous().stream())
                .map(c -> Arguments.of(under, c)));
    }

    static Stream<LiquidationCase> liquidationCases() {
        return Stream.concat(LiquidationCatalogue.discrete().stream(), LiquidationCatalogue.continuous().stream());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("discrete")
    void agreesUnderDiscreteMonitoring(EngineUnderTest under, Case c) {
        assertAgrees(under, c);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("continuous")
    void agreesUnderContinuousMonitoring(EngineUnderTest under, Case c) {
        assertAgrees(under, c);
    }

    /**
     * Liquidating accounts (carrying costs and liquidation mechanics) by the criteria of
     * {@link ReferenceAgreement#assertLiquidationAgrees}, with the engine's tolerance and outliers.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("liquidating")
    void agreesWhileLiquidating(EngineUnderTest under, LiquidationCase c) {
        Engine engine = under.open(c.compared(under));
        List<String> missing = engine.unimplemented(ReferenceAgreement.problem(c));
        assumeTrue(missing.isEmpty(), () -> under + " does not implement " + missing);
        ReferenceAgreement.assertLiquidationAgrees(under, engine, c);
    }

    /** Each liquidating account exercises what it is named for on the reference, so that agreement means something. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("liquidationCases")
    void liquidatingAccountsExerciseTheirMechanics(LiquidationCase c) {
        c.exercises().check(ReferenceAgreement.problem(c), ReferenceAgreement.reference(c));
    }

    /**
     * Path counts that are not multiples of the float lane count, and first paths that are not multiples of it
     * either: the last, partial group of paths is simulated as the reference simulates it.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(EngineUnderTest.class)
    void pathCountsThatAreNotMultiplesOfTheLaneCount(EngineUnderTest under) {
        int lanes = FloatVector.SPECIES_PREFERRED.length();
        Case isolated = named(Catalogue.discrete(), "isolated long and short");
        Case continuous = new Case("continuous isolated long and short", Catalogue::continuousIsolated, 1, 0);
        Case correlated = new Case("three correlated assets", () -> Workloads.correlated(3, 16), 1, 7);
        for (int size : new int[] {1, lanes - 1, lanes + 1, 3 * lanes + 5}) {
            Engine engine = open(under, isolated, size);
            ReferenceAgreement.assertAgreesOn(under, engine, isolated, 1_000_003, size);
            ReferenceAgreement.assertAgreesOn(under, engine, continuous, 1_000_003, size);
            ReferenceAgreement.assertAgreesOn(under, engine, correlated, 7, size);
        }
    }

    /**
     * OpenCL claims every market model and every liquidation mechanic: none of them may be skipped by the assumption
     * above.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = EngineUnderTest.class, names = {"OPENCL_FLOAT", "OPENCL_DOUBLE"})
    void openClTakesEveryModel(EngineUnderTest under) {
        Engine engine = under.open(Catalogue.KERNEL_PATHS);
        for (Case c : Stream.concat(Catalogue.discrete().stream(), Catalogue.continuous().stream()).toList()) {
            CompiledProblem problem = ReferenceAgreement.problem(c);
            assertThat(engine.unimplemented(problem)).as(c.name()).isEmpty();
        }
        liquidationCases().forEach(c -> assertThat(engine.unimplemented(ReferenceAgreement.problem(c)))
                .as(c.name()).isEmpty());
    }

    /**
     * The histories have the rows their cases are about: the long one more than constant memory holds, so the kernel
     * reads them from global memory; the short one so few that many paths share rows.
     */
    @Test
    void theHistoriesHaveTheirRows() {
        assertThat(ReferenceAgreement.problem(named(Catalogue.discrete(), Catalogue.LONG_HISTORY)).historyRows)
                .isEqualTo(20_000);
        assertThat(ReferenceAgreement.problem(named(Catalogue.discrete(), Catalogue.LANE_HISTORY)).historyRows)
                .isEqualTo(59);
    }

    private static void assertAgrees(EngineUnderTest under, Case c) {
        ReferenceAgreement.assertAgrees(under, open(under, c, Math.min(c.paths(), under.maxPaths)), c);
    }

    /** The engine, or a skipped test where it cannot run here or does not claim a feature the case uses. */
    private static Engine open(EngineUnderTest under, Case c, int paths) {
        Engine engine = under.open(paths);
        List<String> missing = engine.unimplemented(ReferenceAgreement.problem(c));
        assumeTrue(missing.isEmpty(), () -> under + " does not implement " + missing);
        return engine;
    }

    private static Case named(List<Case> cases, String name) {
        return cases.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static Stream<Arguments> combinations(List<Case> cases) {
        return Stream.of(EngineUnderTest.values())
                .flatMap(under -> cases.stream().map(c -> Arguments.of(under, c)));
    }
}
