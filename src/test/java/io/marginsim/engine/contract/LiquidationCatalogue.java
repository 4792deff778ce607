package io.marginsim.engine.contract;

import io.marginsim.engine.MarketPath;
import io.marginsim.engine.contract.LiquidationCase.Exercise;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.liquidation.PremiumLink;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.problem.Frictions;
import io.marginsim.problem.PathBlock;
import io.marginsim.spec.Monitoring;

import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

import static io.marginsim.engine.contract.FrictionProblems.AT_ONCE_FRACTION;
import static io.marginsim.engine.contract.FrictionProblems.BY_FRACTION;
import static io.marginsim.engine.contract.FrictionProblems.BY_TIER;
import static io.marginsim.engine.contract.FrictionProblems.FEE;
import static io.marginsim.engine.contract.FrictionProblems.FRACTION;
import static io.marginsim.engine.contract.FrictionProblems.HAIRCUT_PARTIAL;
import static io.marginsim.engine.contract.FrictionProblems.ISOLATED_FRACTION;
import static io.marginsim.engine.contract.FrictionProblems.ISOLATED_TIER;
import static io.marginsim.engine.contract.FrictionProblems.LATENCY_AND_A_HALF;
import static io.marginsim.engine.contract.FrictionProblems.LATENCY_LINEAR_FEE;
import static io.marginsim.engine.contract.FrictionProblems.LINEAR_IMPACT;
import static io.marginsim.engine.contract.FrictionProblems.MOVING_HAIRCUT;
import static io.marginsim.engine.contract.FrictionProblems.PREMIUM_FUNDING;
import static io.marginsim.engine.contract.FrictionProblems.SLOW;
import static io.marginsim.engine.contract.FrictionProblems.SQRT_IMPACT;
import static io.marginsim.engine.contract.FrictionProblems.STEEP_TIER;
import static io.marginsim.engine.contract.FrictionProblems.TIER_SQRT;
import static io.marginsim.engine.contract.FrictionProblems.mechanics;
import static io.marginsim.engine.contract.FrictionProblems.uncapped;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every liquidating account of {@link FrictionProblems} the engines must agree on with the scalar reference, each
 * once and by name, under discrete and continuous monitoring. The lanes accounts run the path counts the vector
 * engine was checked on (10,003 from 1,000, a padded last vector; the kernels compare the first 1,024), with at least
 * a quarter of the paths breaching; the frozen accounts 4,096 paths from two billion, so the path index really
 * reaches the counter, with at least one in forty breaching (premium-linked funding with no liquidation breaches on
 * under 3% of paths, about a hundred paths whose breach steps the comparison covers).
 */
final class LiquidationCatalogue {
    /** Not a multiple of the float lane count, so every lanes problem also runs a padded last vector. */
    static final int LANES_PATHS = 10_003;
    private static final long LANES_FIRST_PATH = 1_000;
    /**
     * The lanes accounts' paths on the kernels: more than a quarter breach and most are liquidated, so 1,024 still
     * compare over 250 breaching paths, and the kernels' runs cost no more than the frozen accounts' took alone.
     */
    private static final int LANES_KERNEL_PATHS = 1024;
    static final int FROZEN_PATHS = 4096;
    private static final long FROZEN_FIRST_PATH = 2_000_000_000L;
    private static final String GARCH = "\"garch\": {\"alpha\": 0.12, \"beta\": 0.85, \"initialVolatility\": 1.2}";

    private LiquidationCatalogue() {
    }

    /** Both families under discrete monitoring. */
    static List<LiquidationCase> discrete() {
        return List.of(
                lanes("lanes cross funding and borrow interest", () -> FrictionProblems.lanesCross(null, 51),
                        mechanicsExactly(Feature.FUNDING, Feature.BORROW)),
                lanes("lanes cross fractional latency, linear impact, fee and partial by fraction",
                        () -> FrictionProblems.lanesCross(mechanics(LATENCY_AND_A_HALF, LINEAR_IMPACT, FEE,
                                BY_FRACTION), 52), cutSeveralTimes()),
                lanes("lanes cross partial by tier with sqrt impact at once", () -> FrictionProblems.lanesCross(
                        mechanics(BY_TIER, SQRT_IMPACT, FEE), 53), cutSeveralTimes()),
                // 4.25 steps of latency: the price moves on by several step deviations before the fill
                lanes("lanes cross bad debt from long latency and steep impact", () -> FrictionProblems.lanesCross(
                        mechanics("\"latencySeconds\": 45900", SQRT_IMPACT, "\"feeRate\": 0.01"), 54),
                        badDebtOnAShare(20)),
                lanes("lanes isolated partial by tier with fractional latency", () -> FrictionProblems.lanesIsolated(
                        mechanics("\"latencySeconds\": 3240", SQRT_IMPACT, FEE, BY_TIER), 55), cutSeveralTimes()),
                lanes("lanes isolated partial by fraction with bad debt", () -> FrictionProblems.lanesIsolated(
                        mechanics("\"latencySeconds\": 37800", LINEAR_IMPACT, FEE, BY_FRACTION), 56),
                        cutSeveralTimes().and(badDebtOn(1))),
                lanes("GARCH with funding, latency and partial liquidation", () -> garchLiquidated(57),
                        cutSeveralTimes()),
                lanes("jumps gap past the bankruptcy price", () -> Problems.oneAsset(
                        "\"jumpIntensity\": 80, \"jumpMean\": -0.06, \"jumpStdev\": 0.06", "", "",
                        "\"liquidation\": {\"latencySeconds\": 5400, \"feeRate\": 0.002}", 58), badDebtOn(1)),
                lanes("premium-linked funding and a fee capped at the remaining margin", () -> Problems.oneAsset("", "",
                        "\"funding\": {\"fundingRatePerInterval\": 0.0001, \"premium\": {\"basisSensitivity\": 0.3, "
                                + "\"clampBand\": 0.0005, \"rateCap\": 0.0075}}",
                        "\"liquidation\": {" + mechanics(LATENCY_AND_A_HALF, "\"feeRate\": 0.02",
                                "\"feeCappedAtRemainingMargin\": true") + "}", 59),
                        mechanicsContain(Feature.PREMIUM_FUNDING, Feature.FEE_CAPPED)),
                lanes("lanes haircuts follow the collateral's GARCH variance",
                        () -> FrictionProblems.garchHaircut("", "", 60), mechanicsExactly(Feature.PATH_HAIRCUTS)),

                frozen("cross with costs, fractional latency, linear impact and fee",
                        () -> FrictionProblems.frozenCross(LATENCY_LINEAR_FEE, 61),
                        mechanicsContain(Feature.FUNDING, Feature.BORROW, Feature.LATENCY, Feature.SLIPPAGE,
                                Feature.FEE).and(liquidatedOnAFairShare())),
                frozen("cross tier partial with sqrt impact", () -> FrictionProblems.frozenCross(TIER_SQRT, 62),
                        eventsOnMoreThan(1, 20)),
                frozen("tier partial reduces bracket by bracket", () -> FrictionProblems.steepTieredLong(STEEP_TIER,
                        70), eventsOnMoreThan(2, 50)),
                frozen("cross fraction partial repeats", () -> FrictionProblems.frozenCross(FRACTION, 63),
                        eventsOnMoreThan(3, 50)),
                // the Binance and Bybit longs take their fees' cap from the presets, the inline-rule shorts pay in full
                frozen("cross bad debt after slow fills, fees capped at the remaining margin",
                        () -> FrictionProblems.frozenCross(SLOW, 64), mechanicsContain(Feature.FEE_CAPPED)
                                .and(badDebtOnMoreThan(100))
                                .and(capBinds(() -> FrictionProblems.frozenCross(uncapped(SLOW), 64)))),
                frozen("cross uncapped fees are charged in full", () -> FrictionProblems.frozenCross(uncapped(SLOW),
                        93), (problem, reference) -> assertThat(problem.mechanicsFeatures()).contains(Feature.FEE)
                        .doesNotContain(Feature.FEE_CAPPED)),
                frozen("isolated fraction partial with latency, impact and capped fee",
                        () -> FrictionProblems.frozenIsolated(ISOLATED_FRACTION, 65),
                        mechanicsContain(Feature.FEE_CAPPED, Feature.PARTIAL).and(eventsOnMoreThan(2, 50))
                                .and(capBinds(() -> FrictionProblems.frozenIsolated(uncapped(ISOLATED_FRACTION),
                                        65)))),
                frozen("isolated tier partial with sqrt impact", () -> FrictionProblems.frozenIsolated(ISOLATED_TIER,
                        66), eventsOnMoreThan(1, 20)),
                frozen("cross carrying costs without a liquidation object", () -> FrictionProblems.frozenCross(null,
                        67), carryingCostsAlone()),
                frozen("isolated carrying costs without a liquidation object",
                        () -> FrictionProblems.frozenIsolated(null, 68), carryingCostsAlone()),
                frozen("cross on Student t and GARCH with fraction partials",
                        () -> FrictionProblems.crossOnStudentTAndGarch(FRACTION, 69), onMarketModels()),
                frozen("cross on Student t and GARCH with tier partials",
                        () -> FrictionProblems.crossOnStudentTAndGarch(TIER_SQRT, 78), onMarketModels()),
                frozen("path haircuts alone", () -> FrictionProblems.garchCollateral(MOVING_HAIRCUT, "", null, 86),
                        mechanicsExactly(Feature.PATH_HAIRCUTS).and(haircutMovementMatters())),
                frozen("path haircuts with partial liquidation", () -> FrictionProblems.garchCollateral(
                        MOVING_HAIRCUT, "", HAIRCUT_PARTIAL, 87), mechanicsContain(Feature.PATH_HAIRCUTS,
                        Feature.PARTIAL).and(eventsOnMoreThan(2, 20))),
                frozen("premium-linked funding with the clamp binding often", () -> FrictionProblems.crossWithFunding(
                        PREMIUM_FUNDING, LATENCY_LINEAR_FEE, 81), premiumClampBindsOften()),
                frozen("premium-linked funding alone", () -> FrictionProblems.crossWithFunding(PREMIUM_FUNDING, null,
                        82), Exercise.NOTHING),
                frozen("premium-linked funding with tier reductions", () -> FrictionProblems.crossWithFunding(
                        PREMIUM_FUNDING, TIER_SQRT, 83), Exercise.NOTHING));
    }

    /**
     * Both families under continuous monitoring: breach at the barrier, fills from the crossing time, checks again
     * after a fill within a step; outcomes may lie beyond the tolerance on each engine's
     * {@link EngineUnderTest#continuousOutlierShare} of the paths.
     */
    static List<LiquidationCase> continuous() {
        return List.of(
                lanes("continuous GARCH with funding, latency and partial liquidation",
                        () -> continuous(garchLiquidated(76)), cutSeveralTimes()),
                lanes("continuous lanes cross funding and borrow interest",
                        () -> continuous(FrictionProblems.lanesCross(null, 61)), Exercise.NOTHING),
                lanes("continuous lanes cross fractional latency, linear impact, fee and partial by fraction",
                        () -> continuous(FrictionProblems.lanesCross(mechanics(LATENCY_AND_A_HALF, LINEAR_IMPACT,
                                FEE, BY_FRACTION), 62)), cutSeveralTimes()),
                // a cut by tier with no latency leaves the account just above its barrier, where Brownian motion
                // returns at once: the cuts cascade within the step, at one price, until the excess is clear or the
                // segments run out, each cut's size and the next segment's draws following the rounding of the one
                // before; so per-path outcomes may differ on up to one path in ten (observed on the vector lanes: 326
                // of 10,003), while breach steps, event counts and the means of every outcome still agree
                lanes("continuous lanes cross partial by tier with sqrt impact at once",
                        () -> continuous(FrictionProblems.lanesCross(mechanics(BY_TIER, SQRT_IMPACT, FEE), 63)),
                        cutSeveralTimes()).withOutliers(0.1),
                lanes("continuous lanes cross bad debt from long latency and steep impact",
                        () -> continuous(FrictionProblems.lanesCross(mechanics("\"latencySeconds\": 45900",
                                SQRT_IMPACT, "\"feeRate\": 0.01"), 64)), badDebtOnAShare(20)),
                lanes("continuous lanes isolated partial by tier with fractional latency",
                        () -> continuous(FrictionProblems.lanesIsolated(mechanics("\"latencySeconds\": 3240",
                                SQRT_IMPACT, FEE, BY_TIER), 65)), cutSeveralTimes()),
                lanes("continuous lanes isolated partial by fraction at once",
                        () -> continuous(FrictionProblems.lanesIsolated(mechanics(LINEAR_IMPACT, FEE, BY_FRACTION),
                                66)), cutSeveralTimes()),

                // a tier partial leaves the position at a bracket's floor, which belongs to the bracket above; within
                // one step's settlement a position still in breach is cut on down the tiers, not again to the same
                // floor by a tiny amount in every segment of the step (up to 16, which once gave 10 or more events on
                // over a fiftieth of these paths)
                frozen("continuous tier partials go on down the tiers within a step", () -> continuous(
                        FrictionProblems.btcTiers()), eventsOnMoreThan(2, 50).and(noPathWithEventsOver(9))),
                frozen("continuous cross with costs, fractional latency, linear impact and fee",
                        () -> continuous(FrictionProblems.frozenCross(LATENCY_LINEAR_FEE, 81)),
                        liquidatedOnAFairShare()),
                frozen("continuous cross tier partial with sqrt impact",
                        () -> continuous(FrictionProblems.frozenCross(TIER_SQRT, 82)), eventsOnMoreThan(1, 20)),
                frozen("continuous cross fraction partials checked again within the step",
                        () -> continuous(FrictionProblems.frozenCross(FRACTION, 83)), eventsOnMoreThan(3, 50)),
                frozen("continuous cross fraction partials at once checked again within the step",
                        () -> continuous(FrictionProblems.frozenCross(AT_ONCE_FRACTION, 83)),
                        eventsOnMoreThan(3, 50)),
                frozen("continuous cross bad debt after slow fills",
                        () -> continuous(FrictionProblems.frozenCross(SLOW, 84)), badDebtOnMoreThan(100)),
                frozen("continuous isolated fraction partial with latency, impact and fee",
                        () -> continuous(FrictionProblems.frozenIsolated(ISOLATED_FRACTION, 85)),
                        eventsOnMoreThan(2, 50)),
                frozen("continuous isolated tier partial with sqrt impact",
                        () -> continuous(FrictionProblems.frozenIsolated(ISOLATED_TIER, 86)), eventsOnMoreThan(1, 20)),
                frozen("continuous cross funding without a liquidation object",
                        () -> continuous(FrictionProblems.frozenCross(null, 87)),
                        carryingCostsAlone().and(breachesOnAFairShare())),
                frozen("continuous isolated funding without a liquidation object",
                        () -> continuous(FrictionProblems.frozenIsolated(null, 88)),
                        carryingCostsAlone().and(breachesOnAFairShare())),
                frozen("continuous premium-linked funding with mechanics", () -> continuous(
                        FrictionProblems.crossWithFunding(PREMIUM_FUNDING, LATENCY_LINEAR_FEE, 101)),
                        liquidatedOnAFairShare()),
                frozen("continuous cross on Student t and GARCH with fraction partials", () -> continuous(
                        FrictionProblems.crossOnStudentTAndGarch(FRACTION, 89)),
                        onMarketModels().and(liquidatedOnAFairShare())),
                frozen("continuous cross on jumps with latency, impact and fee", () -> continuous(
                        FrictionProblems.crossOnJumps(LATENCY_LINEAR_FEE, 90)),
                        onMarketModels().and(liquidatedOnAFairShare())),
                frozen("continuous cross on jumps with fraction partials", () -> continuous(
                        FrictionProblems.crossOnJumps(FRACTION, 99)), onMarketModels()),
                frozen("continuous path haircuts after slow fills", () -> continuous(
                        FrictionProblems.garchCollateral(MOVING_HAIRCUT, "", SLOW, 91)),
                        onMarketModels().and(liquidatedOnAFairShare())));
    }

    private static CompiledProblem garchLiquidated(long seed) {
        return Problems.oneAsset(GARCH, "", "\"funding\": {\"fundingRatePerInterval\": 0.0005}",
                "\"liquidation\": {" + mechanics(LATENCY_AND_A_HALF, FEE, BY_FRACTION) + "}", seed);
    }

    private static CompiledProblem continuous(CompiledProblem problem) {
        return problem.withMonitoring(Monitoring.CONTINUOUS);
    }

    private static LiquidationCase lanes(String name, Supplier<CompiledProblem> problem,
                                         Exercise exercises) {
        return new LiquidationCase(name, problem, LANES_PATHS, LANES_FIRST_PATH, LANES_KERNEL_PATHS, LANES_PATHS / 4,
                0, exercises);
    }

    private static LiquidationCase frozen(String name, Supplier<CompiledProblem> problem,
                                          Exercise exercises) {
        return new LiquidationCase(name, problem, FROZEN_PATHS, FROZEN_FIRST_PATH, FROZEN_PATHS, FROZEN_PATHS / 40,
                0, exercises);
    }

    private static Exercise mechanicsExactly(Feature... features) {
        return (problem, reference) -> assertThat(problem.mechanicsFeatures()).containsExactly(features);
    }

    private static Exercise mechanicsContain(Feature... features) {
        return (problem, reference) -> assertThat(problem.mechanicsFeatures()).contains(features);
    }

    /** Repeated liquidation: more than a tenth of the paths are cut at least twice. */
    private static Exercise cutSeveralTimes() {
        return (problem, reference) -> assertThat(count(reference, i -> reference.liquidations[i] >= 2))
                .as("paths cut several times").isGreaterThan(reference.size() / 10);
    }

    /** Bad debt: at least {@code paths} paths end a liquidation below zero equity. */
    private static Exercise badDebtOn(int paths) {
        return (problem, reference) -> assertThat(count(reference, i -> reference.badDebt[i] > 0))
                .as("paths with bad debt").isGreaterThanOrEqualTo(paths);
    }

    /** Bad debt on at least one path in {@code in}. */
    private static Exercise badDebtOnAShare(int in) {
        return (problem, reference) -> badDebtOn(reference.size() / in).check(problem, reference);
    }

    /** Bad debt on more than one path in {@code in}. */
    private static Exercise badDebtOnMoreThan(int in) {
        return (problem, reference) -> assertThat(count(reference, i -> reference.badDebt[i] > 0))
                .as("paths with bad debt").isGreaterThan(reference.size() / in);
    }

    /** More than one path in {@code in} has at least {@code events} liquidation events. */
    private static Exercise eventsOnMoreThan(int events, int in) {
        return (problem, reference) -> assertThat(count(reference, i -> reference.liquidations[i] >= events))
                .as("paths with %d or more events", events).isGreaterThan(reference.size() / in);
    }

    /** No path has more than {@code events} liquidation events. */
    private static Exercise noPathWithEventsOver(int events) {
        return (problem, reference) -> assertThat(count(reference, i -> reference.liquidations[i] > events))
                .as("paths with more than %d events", events).isZero();
    }

    /** Between a twentieth and nineteen twentieths of the paths are liquidated. */
    private static Exercise liquidatedOnAFairShare() {
        return (problem, reference) -> assertThat(count(reference, i -> reference.liquidations[i] >= 1))
                .as("liquidated paths").isBetween(reference.size() / 20, reference.size() - reference.size() / 20);
    }

    private static Exercise breachesOnAFairShare() {
        return (problem, reference) -> assertThat(count(reference, i -> reference.firstBreachStep[i]
                != PathBlock.NO_BREACH)).as("breached paths")
                .isBetween(reference.size() / 20, reference.size() - reference.size() / 20);
    }

    /** Funding and no liquidation object: the account carries its costs and no liquidation outcomes. */
    private static Exercise carryingCostsAlone() {
        return (problem, reference) -> {
            assertThat(problem.mechanicsFeatures()).contains(Feature.FUNDING).doesNotContain(Feature.LIQUIDATION);
            assertThat(reference.tracksLiquidation).isFalse();
        };
    }

    private static Exercise onMarketModels() {
        return (problem, reference) -> assertThat(problem.marketModelFeatures()).isNotEmpty();
    }

    /**
     * The cap binds on more than a tenth of the paths: there the capped account's liquidation loss is below that of
     * the same draws without the cap by more than double rounding (1e-9 of the largest loss).
     */
    private static Exercise capBinds(Supplier<CompiledProblem> uncapped) {
        return (problem, with) -> {
            PathBlock without = reference(uncapped.get(), with.size());
            double largest = 0;
            for (double loss : without.liquidationLoss) {
                largest = Math.max(largest, Math.abs(loss));
            }
            double rounding = 1e-9 * largest;
            assertThat(count(with, i -> with.liquidationLoss[i] < without.liquidationLoss[i] - rounding))
                    .as("paths where the cap binds").isGreaterThan(with.size() / 10);
        };
    }

    /**
     * The haircut's movement matters: on the same draws, the haircut held at its compiled constant gives another
     * first breach on more than 5% of the paths.
     */
    private static Exercise haircutMovementMatters() {
        return (problem, reference) -> {
            CompiledProblem fixed = FrictionProblems.garchCollateral(
                    "\"haircut\": " + problem.frictions.haircuts().compiled().get(0), "", null, 86);
            assertThat(fixed.frictions.isNone()).isTrue();
            PathBlock constant = reference(fixed, reference.size());
            assertThat(1 - reference.breachStepAgreement(constant)).as("share of paths the movement changes")
                    .isGreaterThan(0.05);
        };
    }

    /**
     * The premium-linked rate of the BTC long is at its cap or floor on between a tenth and nine tenths of the
     * (path, step) pairs, from the reference's own log returns (no stress shock, so the log price before the horizon
     * is the initial one): both the linear part and the clamp are compared.
     */
    private static Exercise premiumClampBindsOften() {
        return (problem, reference) -> {
            assertThat(problem.mechanicsFeatures()).contains(Feature.PREMIUM_FUNDING).doesNotContain(Feature.FUNDING);
            Frictions.PremiumFunding premium = problem.frictions.premiumFunding();
            PremiumLink link = premium.link().get(0);
            int interval = premium.intervalSteps().get(0);
            int a = problem.positionAsset.get(0);
            double[][] returns = MarketPath.logReturns(problem, FROZEN_FIRST_PATH, reference.size());
            long clamped = 0;
            for (double[] path : returns) {
                double[] x = new double[problem.steps + 1];
                for (int t = 1; t <= problem.steps; t++) {
                    x[t] = x[t - 1] + path[(t - 1) * problem.assets + a];
                    double rate = link.rate(link.basisSensitivity() * (x[t] - x[Math.max(0, t - interval)]),
                            premium.interest().get(0));
                    clamped += rate == link.rateCap() || rate == link.rateFloor() ? 1 : 0;
                }
            }
            assertThat((double) clamped / ((long) reference.size() * problem.steps))
                    .as("BTC long's steps at the rate cap or floor").isBetween(0.1, 0.9);
        };
    }

    private static PathBlock reference(CompiledProblem problem, int paths) {
        PathBlock block = PathBlock.forProblem(problem, paths);
        new ScalarEngine(1, paths).simulate(problem, FROZEN_FIRST_PATH, block);
        return block;
    }

    private static int count(PathBlock block, IntPredicate test) {
        return ReferenceAgreement.count(block, test);
    }
}
