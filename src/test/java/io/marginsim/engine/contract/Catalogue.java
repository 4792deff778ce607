package io.marginsim.engine.contract;

import io.marginsim.engine.InverseSpecs;
import io.marginsim.engine.PortfolioSpecs;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.problem.Workloads;
import io.marginsim.spec.Monitoring;
import io.marginsim.spec.Spec;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Every problem the engines must agree on with the scalar reference, each once and by name. The lane problems keep
 * the path counts and first paths the vector engine was checked on (several thousand paths from 0 or 1,000), the
 * kernel problems 4,096 paths from three billion, so the path index really reaches the counter's upper word.
 */
final class Catalogue {
    /** Paths of the kernel problems, and the most an OpenCL run of any case takes (building programs dominates). */
    static final int KERNEL_PATHS = 4096;
    static final long KERNEL_FIRST_PATH = 3_000_000_000L;
    static final String LONG_HISTORY = "a history of 20,000 rows";
    /** The lane filtered historical simulation, whose history the suite checks. */
    static final String LANE_HISTORY = "filtered historical simulation of 59 residual rows";
    private static final int MODEL_PATHS = 10_000;
    private static final String LANE_GARCH = "\"garch\": {\"alpha\": 0.1, \"beta\": 0.85}";
    private static final String DCC_LANES = "\"dcc\": {\"a\": 0.05, \"b\": 0.9}";
    private static final String T_COPULA_WITH_GARCH_AR1_AND_JUMPS = "t copula with GARCH, AR(1) and jumps";

    private Catalogue() {
    }

    /** Discrete monitoring: GBM accounts, then each market model alone and together, then inverse contracts. */
    static List<Case> discrete() {
        return List.of(
                lane("one asset, flat rate", () -> Workloads.oneAsset(11), 20_000, 0),
                lane("eight correlated assets", () -> Workloads.correlated(8, 12), 5_000, 0),
                lane("four brackets on mark price", () -> Problems.tieredFourBrackets(13), 20_000, 0),
                lane("entry basis with collateral and a short", () -> Problems.entryBasisLongShort(14), 20_000, 0),
                lane("isolated long and short", () -> Problems.isolatedTwoAssets(15), 20_000, 0),
                lane("path indices past 2^31", () -> Workloads.oneAsset(17), 1_000, (1L << 31) - 100),
                kernel("kernel one asset", () -> Workloads.oneAsset(7)),
                kernel("kernel eight correlated assets", () -> Workloads.correlated(8, 8)),
                kernel("three brackets", () -> Problems.tieredThreeBrackets(9)),
                kernel("entry basis with collateral", () -> Problems.entryBasisWithCollateral(10)),
                kernel("isolated with a short", () -> Problems.isolatedWithShort(11)),

                // 3 and 7.25 end their integer part on a lone cosine normal; 4.5 and 7.25 draw a fractional gamma
                model("Student t, nu = 3", () -> Problems.oneAsset("\"degreesOfFreedom\": 3.0", "", 31), MODEL_PATHS),
                model("Student t, nu = 4", () -> Problems.oneAsset("\"degreesOfFreedom\": 4.0", "", 31), MODEL_PATHS),
                model("Student t, nu = 4.5", () -> Problems.oneAsset("\"degreesOfFreedom\": 4.5", "", 31), MODEL_PATHS),
                model("Student t, nu = 7.25", () -> Problems.oneAsset("\"degreesOfFreedom\": 7.25", "", 31),
                        MODEL_PATHS),
                model("t copula on three assets", () -> Problems.threeAssets("", "", "",
                        "\"copula\": \"t\", \"copulaDegreesOfFreedom\": 5.5", 32), MODEL_PATHS / 2),
                model("Merton jumps", () -> Problems.oneAsset(
                        "\"jumpIntensity\": 80, \"jumpMean\": -0.04, \"jumpStdev\": 0.06", "", 33), MODEL_PATHS),
                // 0.96 jumps per step (the most a spec allows is one), so counts of several jumps, capped at 14
                model("jumps so frequent that counts reach the cap", () -> Problems.oneAsset(
                        "\"jumpIntensity\": 2800, \"jumpMean\": 0.002, \"jumpStdev\": 0.004", "", 34), MODEL_PATHS / 4),
                model("common jump on three assets", () -> Problems.threeAssets("", "", "",
                        "\"commonJump\": {\"intensity\": 60, \"mean\": -0.06, \"stdev\": 0.04, \"betas\": [1, 0.5, 1.5]}",
                        35), MODEL_PATHS / 2),
                model("GARCH", () -> Problems.oneAsset(
                        "\"garch\": {\"alpha\": 0.12, \"beta\": 0.85, \"initialVolatility\": 1.2}", "", 36), MODEL_PATHS),
                // each step's drift takes half of m^2 h, the path's own variance, which moves away from the long-run one
                model("GARCH far above its long-run variance under a volatility stress", () -> Problems.oneAsset(
                        "\"garch\": {\"alpha\": 0.1, \"beta\": 0.89, \"initialVolatility\": 1.6}",
                        "\"stress\": {\"volatilityMultiplier\": 1.5}", 40), MODEL_PATHS),
                model("AR(1), phi = 0.35", () -> Problems.oneAsset("\"ar1\": 0.35", "", 37), MODEL_PATHS),
                model("AR(1), phi = -0.4", () -> Problems.oneAsset("\"ar1\": -0.4", "", 37), MODEL_PATHS),
                model("every asset model with a common jump and stress", Catalogue::everyAssetModel, MODEL_PATHS / 2),
                model(T_COPULA_WITH_GARCH_AR1_AND_JUMPS, () -> tCopulaWithGarchAr1AndJumps(39), MODEL_PATHS / 2),
                kernel("kernel Student t", () -> Problems.studentT(31)),
                kernel("kernel t copula", () -> Problems.tCopula(32)),
                kernel("kernel Merton jumps", () -> Problems.merton(33)),
                kernel("kernel common jump", () -> Problems.commonJump(34)),
                kernel("kernel GARCH", () -> Problems.garch(35)),
                kernel("kernel GARCH under stress", () -> Problems.garchUnderStress(53)),
                kernel("kernel AR(1)", () -> Problems.ar1(36)),
                kernel("every model on three assets", () -> Problems.combined(37)),
                kernel("every model on three assets with a t copula", () -> Problems.combinedCopula(38)),
                kernel("DCC on two assets", () -> Problems.dcc2(43, false)),
                kernel("DCC on two assets, one GARCH", () -> Problems.dcc2(44, true)),
                kernel("DCC on four assets", () -> Problems.dcc4(45, false)),
                kernel("DCC on four assets, two GARCH", () -> Problems.dcc4(46, true)),
                kernel("DCC on sixteen assets with other models", () -> Problems.dcc16(52)),
                kernel("filtered historical simulation", () -> Problems.historical(47)),
                // far more rows than constant memory holds, so the kernel reads them from global memory
                kernel(LONG_HISTORY, () -> Problems.historical(53, 20_001)),
                model("DCC on two assets of constant volatility", () -> Problems.dccLanes(2, false, 0.06, 0.9, 51),
                        MODEL_PATHS),
                model("DCC on two GARCH assets", () -> Problems.dccLanes(2, true, 0.06, 0.9, 51), MODEL_PATHS),
                model("DCC on four assets of constant volatility", () -> Problems.dccLanes(4, false, 0.05, 0.92, 52),
                        MODEL_PATHS / 2),
                model("DCC on four GARCH assets", () -> Problems.dccLanes(4, true, 0.05, 0.92, 52), MODEL_PATHS / 2),
                lane("DCC without weights is the constant correlation", () -> Problems.dccLanes(4, false, 0, 0, 53),
                        MODEL_PATHS / 4, 0),
                // assets 0 and 1 correlated 1: the target's factor has a zero pivot, and Q keeps R singular in that pair
                lane("DCC with perfectly correlated assets takes the pivot rule", () -> Problems.compile(
                        Problems.dccSpec(3, "", "[[1, 1, 0.3], [1, 1, 0.3], [0.3, 0.3, 1]]", DCC_LANES, 54)),
                        MODEL_PATHS / 4, 0),
                lane("DCC nearly singular, rho = 0.99", () -> nearlySingular(0.99), MODEL_PATHS / 2, 0),
                lane("DCC nearly singular, rho = 0.9999", () -> nearlySingular(0.9999), MODEL_PATHS / 2, 0),
                lane("DCC nearly singular, rho = 0.999999", () -> nearlySingular(0.999999), MODEL_PATHS / 2, 0),
                model("DCC with Student t and jumps", () -> Problems.compile(Problems.dccSpec(3,
                        "\"degreesOfFreedom\": 5, \"jumpIntensity\": 40, \"jumpMean\": -0.05, \"jumpStdev\": 0.05, "
                                + LANE_GARCH, Problems.lanesCorrelation(3), "\"dcc\": {\"a\": 0.08, \"b\": 0.88}", 55)),
                        MODEL_PATHS / 2),
                model(LANE_HISTORY, Problems::laneHistorical, MODEL_PATHS),

                // portfolio margin: the grid's requirement, its worst scenario's slope in the continuous check
                portfolio("portfolio margin on two assets", () -> PortfolioSpecs.twoAssets(15_000, 7, KERNEL_PATHS,
                        Monitoring.DISCRETE)),

                // inverse contracts compile to linear positions: no engine has code of its own for them
                new Case("inverse isolated coin-margined long and short", () -> ProblemCompiler.compile(
                        InverseSpecs.inverseIsolated(0.6, 7, KERNEL_PATHS, Monitoring.DISCRETE)), KERNEL_PATHS, 5_000,
                        1e-5),
                new Case("inverse cross long with coin collateral", () -> ProblemCompiler.compile(
                        InverseSpecs.inverseLong(0.6, 7, KERNEL_PATHS, Monitoring.DISCRETE)), KERNEL_PATHS, 5_000,
                        1e-5));
    }

    /**
     * Continuous monitoring: the bridge draws are the reference's own, from the engine's prices, so only paths within
     * rounding of the barrier may differ; the market models' bridges take each path's own step covariance (GARCH's
     * conditional variance, DCC's factor, AR(1)'s innovation weight), so an engine that used the constant one would
     * move the breach step on many paths, not on a few.
     */
    static List<Case> continuous() {
        return List.of(
                lane("continuous one asset", () -> continuous(Workloads.oneAsset(21)), 10_000, 0),
                lane("continuous correlated assets", () -> continuous(Workloads.correlated(4, 22)), 4_000, 0),
                lane("continuous four brackets", () -> continuous(Problems.tieredFourBrackets(23)), 10_000, 0),
                lane("continuous entry basis with collateral and a short",
                        () -> continuous(Problems.entryBasisLongShort(24)), 10_000, 0),
                lane("continuous one-asset short draws the greatest price", Problems::oneAssetShort, 10_000, 0),
                model("continuous GARCH with stress", () -> continuous(Problems.oneAsset(
                        "\"garch\": {\"alpha\": 0.1, \"beta\": 0.89, \"initialVolatility\": 1.6}",
                        "\"stress\": {\"volatilityMultiplier\": 1.5}", 71)), MODEL_PATHS),
                model("continuous Student t and Merton jumps", () -> continuous(Problems.oneAsset(
                        "\"degreesOfFreedom\": 4, \"jumpIntensity\": 80, \"jumpMean\": -0.04, \"jumpStdev\": 0.06", "",
                        72)), MODEL_PATHS),
                model("continuous AR(1) from the second step", () -> continuous(Problems.oneAsset("\"ar1\": -0.4", "",
                        73)), MODEL_PATHS),
                model("continuous " + T_COPULA_WITH_GARCH_AR1_AND_JUMPS,
                        () -> continuous(tCopulaWithGarchAr1AndJumps(74)), MODEL_PATHS / 2),
                model("continuous DCC with GARCH on three assets", () -> continuous(Problems.threeAssets(
                        "\"garch\": {\"alpha\": 0.08, \"beta\": 0.9}", "\"garch\": {\"alpha\": 0.05, \"beta\": 0.9}", "",
                        "\"dcc\": {\"a\": 0.06, \"b\": 0.9}", 75)), MODEL_PATHS / 2),
                kernel("continuous kernel one asset", () -> continuous(Workloads.oneAsset(41))),
                kernel("continuous kernel eight correlated assets", () -> continuous(Workloads.correlated(8, 42))),
                kernel("continuous three brackets", () -> continuous(Problems.tieredThreeBrackets(43))),
                kernel("continuous entry basis with collateral",
                        () -> continuous(Problems.entryBasisWithCollateral(44))),
                kernel("continuous isolated with a short", () -> continuous(Problems.isolatedWithShort(45))),
                kernel("continuous kernel GARCH", () -> continuous(Problems.garch(47))),
                kernel("continuous kernel GARCH under stress", () -> continuous(Problems.garchUnderStress(48))),
                kernel("continuous DCC on four assets, two GARCH", () -> continuous(Problems.dcc4(49, true))),
                kernel("continuous kernel Merton jumps", () -> continuous(Problems.merton(50))),
                kernel("continuous kernel common jump", () -> continuous(Problems.commonJump(51))),
                kernel("continuous kernel AR(1)", () -> continuous(Problems.ar1(52))),
                kernel("continuous every model on three assets", () -> continuous(Problems.combined(53))),
                kernel("continuous every model with a t copula", () -> continuous(Problems.combinedCopula(54))),
                // a milder stress than the discrete case's, as continuous monitoring breaches more paths
                kernel("continuous filtered historical simulation", () -> continuous(Problems.historical(55, 60, 2))),
                kernel("continuous isolated on DCC and GARCH", () -> continuous(Problems.isolatedDcc(56))),
                portfolio("continuous portfolio margin on two assets", () -> PortfolioSpecs.twoAssets(15_000, 7,
                        KERNEL_PATHS, Monitoring.CONTINUOUS)),
                portfolio("continuous portfolio margin on one asset across the minimum's kink",
                        () -> PortfolioSpecs.oneAsset(12_000, 7, KERNEL_PATHS, Monitoring.CONTINUOUS)),
                new Case("continuous inverse cross long with coin collateral", () -> ProblemCompiler.compile(
                        InverseSpecs.inverseLong(0.6, 7, 2048, Monitoring.CONTINUOUS)), 2048, 5_000, 1e-5));
    }

    private static CompiledProblem everyAssetModel() {
        return Problems.threeAssets(
                "\"degreesOfFreedom\": 5, \"jumpIntensity\": 40, \"jumpMean\": -0.05, \"jumpStdev\": 0.05, "
                        + "\"garch\": {\"alpha\": 0.1, \"beta\": 0.8}",
                "\"ar1\": 0.2, \"garch\": {\"alpha\": 0.05, \"beta\": 0.9}",
                "\"degreesOfFreedom\": 4.5, \"ar1\": -0.15, \"jumpIntensity\": 20, \"jumpMean\": 0.03, \"jumpStdev\": 0.1",
                "\"commonJump\": {\"intensity\": 30, \"mean\": -0.04, \"stdev\": 0.02, \"betas\": [1, 1.2, 0.8]}, "
                        + "\"stress\": {\"volatilityMultiplier\": 1.3, \"correlationToOne\": 0.2, "
                        + "\"shock\": [-0.02, -0.03, 0]}", 38);
    }

    private static CompiledProblem tCopulaWithGarchAr1AndJumps(long seed) {
        return Problems.threeAssets("\"garch\": {\"alpha\": 0.1, \"beta\": 0.85}", "\"ar1\": 0.3",
                "\"jumpIntensity\": 50, \"jumpMean\": -0.05, \"jumpStdev\": 0.05",
                "\"copula\": \"t\", \"copulaDegreesOfFreedom\": 4", seed);
    }

    /**
     * The lane isolated long and short under continuous monitoring: 95% of its paths breach, too many for the share
     * of agreeing paths to mean something, so it runs only where every path must agree (path counts).
     */
    static CompiledProblem continuousIsolated() {
        return continuous(Problems.isolatedTwoAssets(25));
    }

    private static CompiledProblem nearlySingular(double rho) {
        return Problems.compile(Problems.dccSpec(3, LANE_GARCH,
                String.format(Locale.ROOT, "[[1, %1$s, %1$s], [%1$s, 1, %1$s], [%1$s, %1$s, 1]]", rho), DCC_LANES, 57));
    }

    private static Case portfolio(String name, Supplier<Spec> spec) {
        return new Case(name, () -> ProblemCompiler.compile(spec.get()), KERNEL_PATHS, KERNEL_FIRST_PATH, 1e-5);
    }

    private static CompiledProblem continuous(CompiledProblem problem) {
        return problem.withMonitoring(Monitoring.CONTINUOUS);
    }

    private static Case lane(String name, Supplier<CompiledProblem> problem, int paths, long firstPath) {
        return new Case(name, problem, paths, firstPath);
    }

    private static Case model(String name, Supplier<CompiledProblem> problem, int paths) {
        return new Case(name, problem, paths, 1_000);
    }

    private static Case kernel(String name, Supplier<CompiledProblem> problem) {
        return new Case(name, problem, KERNEL_PATHS, KERNEL_FIRST_PATH);
    }
}
