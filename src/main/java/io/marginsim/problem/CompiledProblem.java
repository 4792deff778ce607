package io.marginsim.problem;

import io.marginsim.liquidation.PartialPolicy;
import io.marginsim.spec.Monitoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A validated spec flattened into the arrays every engine reads: no objects, no maps, no validation left to
 * do. Engines must treat every array as read-only.
 *
 * <p>The math these arrays define, step by step, is in this package's documentation ({@code package-info.java}).
 */
public final class CompiledProblem {
    public final int assets;
    public final int steps;
    public final double stepDays;
    public final long seed;
    public final List<String> assetNames;
    /**
     * Starting prices after the stress shock, {@code price * exp(shock)}: kept beside {@code initialLogPrice} so
     * that valuations now (the report's initial equity, liquidation prices) use the spec's prices exactly rather
     * than {@code exp(log(price))}, which is off by an ulp or two.
     */
    public final DoubleArray initialPrice;
    public final DoubleArray initialLogPrice;
    /**
     * Per-step log drift {@code (mu - (m sigma)^2 / 2) * dt - kappa[a] - kappaC[a]} with {@code m} the stress
     * volatility multiplier and {@code kappa} the jump compensators of
     * {@link io.marginsim.market.MertonJumps#compensator} (asset jumps with beta 1, the common jump with
     * {@code commonJumpBeta[a]}); plain GBM: {@code (mu - sigma^2 / 2) * dt}. A GARCH asset's has no variance term
     * ({@code mu * dt - kappa[a] - kappaC[a]}): each step subtracts {@code (m^2 h) / 2} of its own conditional
     * variance {@code h} ({@link io.marginsim.market.GarchVariance#logDrift}).
     */
    public final DoubleArray logDrift;
    /**
     * Lower-triangular, row-major, {@code assets x assets}: {@code diag(m sigma sqrt(dt)) * cholesky(C')} with
     * {@code C' = (1 - lambda) C + lambda 1 1^T} the stressed correlation.
     */
    public final DoubleArray shockLoading;

    /** Lower-triangular, row-major, {@code assets x assets}: {@code cholesky(stressed corr)}, unit scale. */
    public final DoubleArray correlationFactor;
    /** Per asset {@code sigma * sqrt(dt)}, before the stress multiplier (constant-volatility assets). */
    public final DoubleArray stepVolatility;
    /** Stress multiplier on every diffusion shock (already inside {@code shockLoading} and {@code logDrift}). */
    public final double volatilityMultiplier;
    /** Per asset Student-t degrees of freedom of its own mixing variable; 0 = normal. */
    public final DoubleArray degreesOfFreedom;
    /** Degrees of freedom of the t copula's common mixing variable; 0 = none. */
    public final double copulaDegreesOfFreedom;
    /** Per asset Poisson mean per step {@code intensity * dt}; 0 = no jumps. */
    public final DoubleArray jumpMean;
    public final DoubleArray jumpLogMean;
    public final DoubleArray jumpLogStdev;
    /** Per asset cap on jumps in one step ({@link io.marginsim.market.MertonJumps#cap}). */
    public final IntArray jumpCap;
    public final double commonJumpMean;
    public final double commonJumpLogMean;
    public final double commonJumpLogStdev;
    public final int commonJumpCap;
    /** Per asset loading on the common jump. */
    public final DoubleArray commonJumpBeta;
    public final BooleanArray garch;
    /** Per asset GARCH {@code omega * dt} (per-step variance units). */
    public final DoubleArray garchOmega;
    public final DoubleArray garchAlpha;
    public final DoubleArray garchBeta;
    /** Per asset GARCH variance of step 1, per-step units. */
    public final DoubleArray initialVariance;
    /** Per asset lag-1 autocorrelation of diffusion returns; 0 = none. */
    public final DoubleArray ar1;
    /** Whether the correlation follows DCC(1,1); false = constant {@code correlationFactor}. */
    public final boolean dcc;
    /** DCC weight of the last step's shock outer product, per step. */
    public final double dccA;
    /** DCC weight of the previous {@code Q}, per step. */
    public final double dccB;
    /** DCC's long-run target {@code Cbar}: the stressed correlation, full (both triangles), row-major, or empty. */
    public final DoubleArray dccTarget;
    /** Rows {@code T} of bootstrapped residuals; 0 = innovations are drawn, not bootstrapped. */
    public final int historyRows;
    /** Standardised residuals, row-major {@code historyRows x assets}; empty without filtered historical simulation. */
    public final DoubleArray historyResiduals;

    public final boolean isolated;
    public final double cash;
    /** Per asset: units counted in equity (collateral after haircut, minus debt). Cross mode only. */
    public final DoubleArray valueUnits;
    /** Per asset: units whose value is added to the requirement (lending: amount x (1 - threshold)). */
    public final DoubleArray requirementUnits;

    public final int positions;
    public final IntArray positionAsset;
    public final DoubleArray positionSize;
    public final DoubleArray positionEntry;
    /** Isolated margin of each position (zero in cross mode). */
    public final DoubleArray positionMargin;
    public final BooleanArray markBasis;
    /** Tiers of position {@code i} are indices {@code tierStart[i] .. tierStart[i + 1] - 1}, ascending floors. */
    public final IntArray tierStart;
    public final DoubleArray tierFloor;
    public final DoubleArray tierRate;
    public final DoubleArray tierDeduction;
    /** Scenarios of the portfolio-margin grid; 0 when each position has its own rule only. */
    public final int scenarios;
    /**
     * Portfolio margin, row-major {@code scenarios x assets}: the loss of scenario {@code s} per unit of asset
     * {@code a}'s price, {@code -move[s][a] * sum of the sizes on a}; see {@link #portfolioRequirement}.
     */
    public final DoubleArray scenarioUnits;
    /** Portfolio margin: the requirement when no scenario loses more (quote currency). */
    public final double portfolioMinimum;
    /** Carrying costs and liquidation policy; {@link Frictions#NONE} for the plain breach model. */
    public final Frictions frictions;
    /** Whether no market model beyond GBM is in use ({@link #gbmOnly()}). */
    private final boolean gbmOnly;
    /** Step ends only, or also between them ({@code BridgeCrossing}). */
    public final Monitoring monitoring;

    /** A plain GBM problem, checked at step ends (the standard workload's monitoring: see {@link #withMonitoring}). */
    public CompiledProblem(Market market, Account account, int steps, double stepDays, long seed) {
        this(market, Models.gbm(market), account, steps, stepDays, seed, Frictions.NONE);
    }

    /**
     * A problem checked at step ends. Problems built from parts, without a spec (benchmarks' standard workloads and
     * tests), keep the step-end check the workloads were defined with; a spec without {@code monitoring} compiles
     * to {@link Monitoring#DEFAULT}.
     */
    public CompiledProblem(Market market, Models models, Account account, int steps, double stepDays, long seed,
                           Frictions frictions) {
        this(market, models, account, steps, stepDays, seed, frictions, Monitoring.DISCRETE);
    }

    public CompiledProblem(Market market, Models models, Account account, int steps, double stepDays, long seed,
                           Frictions frictions, Monitoring monitoring) {
        this.assets = market.names().length;
        this.steps = steps;
        this.stepDays = stepDays;
        this.seed = seed;
        this.assetNames = List.of(market.names());
        this.initialPrice = DoubleArray.of(market.initialPrice());
        this.initialLogPrice = DoubleArray.of(market.initialLogPrice());
        this.logDrift = DoubleArray.of(market.logDrift());
        this.shockLoading = DoubleArray.of(market.shockLoading());
        this.correlationFactor = DoubleArray.of(models.correlationFactor());
        this.stepVolatility = DoubleArray.of(models.stepVolatility());
        this.volatilityMultiplier = models.volatilityMultiplier();
        this.degreesOfFreedom = DoubleArray.of(models.degreesOfFreedom());
        this.copulaDegreesOfFreedom = models.copulaDegreesOfFreedom();
        this.jumpMean = DoubleArray.of(models.jumpMean());
        this.jumpLogMean = DoubleArray.of(models.jumpLogMean());
        this.jumpLogStdev = DoubleArray.of(models.jumpLogStdev());
        this.jumpCap = IntArray.of(models.jumpCap());
        this.commonJumpMean = models.commonJumpMean();
        this.commonJumpLogMean = models.commonJumpLogMean();
        this.commonJumpLogStdev = models.commonJumpLogStdev();
        this.commonJumpCap = models.commonJumpCap();
        this.commonJumpBeta = DoubleArray.of(models.commonJumpBeta());
        this.garch = BooleanArray.of(models.garch());
        this.garchOmega = DoubleArray.of(models.garchOmega());
        this.garchAlpha = DoubleArray.of(models.garchAlpha());
        this.garchBeta = DoubleArray.of(models.garchBeta());
        this.initialVariance = DoubleArray.of(models.initialVariance());
        this.ar1 = DoubleArray.of(models.ar1());
        this.dcc = models.dcc();
        this.dccA = models.dccA();
        this.dccB = models.dccB();
        this.dccTarget = DoubleArray.of(models.dccTarget());
        this.historyRows = models.historyRows();
        this.historyResiduals = DoubleArray.of(models.historyResiduals());
        this.isolated = account.isolated();
        this.cash = account.cash();
        this.valueUnits = DoubleArray.of(account.valueUnits());
        this.requirementUnits = DoubleArray.of(account.requirementUnits());
        this.positions = account.positionAsset().length;
        this.positionAsset = IntArray.of(account.positionAsset());
        this.positionSize = DoubleArray.of(account.positionSize());
        this.positionEntry = DoubleArray.of(account.positionEntry());
        this.positionMargin = DoubleArray.of(account.positionMargin());
        this.markBasis = BooleanArray.of(account.markBasis());
        this.tierStart = IntArray.of(account.tierStart());
        this.tierFloor = DoubleArray.of(account.tierFloor());
        this.tierRate = DoubleArray.of(account.tierRate());
        this.tierDeduction = DoubleArray.of(account.tierDeduction());
        this.scenarioUnits = DoubleArray.of(account.scenarioUnits());
        this.scenarios = assets == 0 ? 0 : scenarioUnits.length() / assets;
        this.portfolioMinimum = account.portfolioMinimum();
        this.frictions = frictions;
        this.monitoring = monitoring;
        // engines ask every step; the features are worked out once
        this.gbmOnly = marketModelFeatures().isEmpty();
    }

    /**
     * Features this problem uses beyond plain GBM, the plain breach model and step-end checks, which not every engine
     * implements; empty when every engine can run it. An engine refuses a problem with any it does not list in
     * {@code Engine.implementedFeatures()}, and {@code auto} then runs another engine and says why. Stress overlays
     * fold into GBM's arrays and are not listed. The one place that reads which features the arrays use: the views
     * by {@link Feature.Kind} below filter it.
     */
    public EnumSet<Feature> featuresInUse() {
        EnumSet<Feature> used = EnumSet.noneOf(Feature.class);
        for (int a = 0; a < assets; a++) {
            if (degreesOfFreedom.get(a) != 0) {
                used.add(Feature.STUDENT_T);
            }
            if (jumpMean.get(a) != 0) {
                used.add(Feature.MERTON_JUMPS);
            }
            if (garch.get(a)) {
                used.add(Feature.GARCH);
            }
            if (ar1.get(a) != 0) {
                used.add(Feature.AR1);
            }
        }
        if (copulaDegreesOfFreedom != 0) {
            used.add(Feature.T_COPULA);
        }
        if (commonJumpMean != 0) {
            used.add(Feature.MERTON_JUMPS);
        }
        if (dcc) {
            used.add(Feature.DCC);
        }
        if (historyRows > 0) {
            used.add(Feature.HISTORICAL);
        }
        if (frictions.hasFunding()) {
            used.add(Feature.FUNDING);
        }
        if (frictions.premiumFunding() != null) {
            used.add(Feature.PREMIUM_FUNDING);
        }
        if (frictions.haircuts() != null) {
            used.add(Feature.PATH_HAIRCUTS);
        }
        if (frictions.hasBorrow()) {
            used.add(Feature.BORROW);
        }
        Frictions.Liquidation liquidation = frictions.liquidation();
        if (liquidation != null) {
            used.add(Feature.LIQUIDATION);
            if (liquidation.latencySteps() > 0) {
                used.add(Feature.LATENCY);
            }
            if (liquidation.impact() != null) {
                used.add(Feature.SLIPPAGE);
            }
            for (int i = 0; i < liquidation.feeRate().length(); i++) {
                if (liquidation.feeRate().get(i) > 0) {
                    used.add(Feature.FEE);
                    if (liquidation.feeCapped().get(i)) {
                        used.add(Feature.FEE_CAPPED);
                    }
                }
            }
            for (PartialPolicy policy : liquidation.partial()) {
                if (policy.mode() != PartialPolicy.Mode.FULL) {
                    used.add(Feature.PARTIAL);
                }
            }
        }
        if (monitoring == Monitoring.CONTINUOUS) {
            used.add(Feature.CONTINUOUS_MONITORING);
        }
        return used;
    }

    /**
     * Whether the market is plain correlated GBM (stress overlays included, since they fold into GBM's arrays):
     * then the shocks take the GBM arrays alone.
     */
    public boolean gbmOnly() {
        return gbmOnly;
    }

    /** The market models of {@link #featuresInUse()}. */
    public EnumSet<Feature> marketModelFeatures() {
        return featuresOfKind(Feature.Kind.MARKET_MODEL);
    }

    /** The account-side mechanics of {@link #featuresInUse()}: what {@link #frictions} uses. */
    public EnumSet<Feature> mechanicsFeatures() {
        return featuresOfKind(Feature.Kind.MECHANICS);
    }

    private EnumSet<Feature> featuresOfKind(Feature.Kind kind) {
        EnumSet<Feature> used = featuresInUse();
        used.retainAll(Feature.ofKind(kind));
        return used;
    }

    /**
     * Continuous monitoring over a market model beyond GBM, named for users ({@code "continuous monitoring with GARCH
     * volatility"}), for the engines whose bridge takes plain GBM's step covariance; empty otherwise.
     */
    public Optional<String> continuousMonitoringBeyondGbm() {
        if (monitoring != Monitoring.CONTINUOUS || gbmOnly()) {
            return Optional.empty();
        }
        return Optional.of(Feature.CONTINUOUS_MONITORING.label() + " with "
                + String.join(", ", Feature.labels(marketModelFeatures())));
    }

    /** The features of {@link #featuresInUse()} that are not among {@code implemented}. */
    public EnumSet<Feature> featuresBeyond(Set<Feature> implemented) {
        EnumSet<Feature> beyond = featuresInUse();
        beyond.removeAll(implemented);
        return beyond;
    }

    /**
     * Throws for an engine that lacks a feature the problem uses, so nothing is silently simulated without it.
     *
     * @param implemented the features of {@link #featuresInUse()} the engine does implement
     */
    public void requireImplemented(String engine, Set<Feature> implemented) {
        requireNothingMissing(engine, Feature.labels(featuresBeyond(implemented)));
    }

    /**
     * Throws when {@code missing} (what an engine does not run of this problem, named for users, see
     * {@code Engine.unimplemented}) is not empty, naming it.
     */
    public static void requireNothingMissing(String engine, List<String> missing) {
        if (!missing.isEmpty()) {
            throw new UnsupportedModelException("the " + engine + " engine does not implement "
                    + String.join(", ", missing) + " yet; run --engine scalar or --engine auto");
        }
    }

    /** This problem monitored as {@code other} says (tests and benchmarks build problems without a spec). */
    public CompiledProblem withMonitoring(Monitoring other) {
        return new CompiledProblem(market(), models(), account(), steps, stepDays, seed, frictions, other);
    }

    /** This problem's account, horizon, seed and monitoring on another market, plain GBM, with {@code costs}. */
    public CompiledProblem onMarket(Market other, Frictions costs) {
        return new CompiledProblem(other, Models.gbm(other), account(), steps, stepDays, seed, costs, monitoring);
    }

    /** The parts this problem is made of, rebuilt from its own copies (so a caller's arrays play no part). */
    private Market market() {
        return new Market(assetNames.toArray(String[]::new), initialPrice.toArray(), initialLogPrice.toArray(),
                logDrift.toArray(), shockLoading.toArray());
    }

    private Models models() {
        Models.Builder built = Models.builder(correlationFactor.toArray(), stepVolatility.toArray())
                .volatilityMultiplier(volatilityMultiplier)
                .studentT(degreesOfFreedom.toArray(), copulaDegreesOfFreedom)
                .jumps(jumpMean.toArray(), jumpLogMean.toArray(), jumpLogStdev.toArray(), jumpCap.toArray())
                .commonJump(commonJumpMean, commonJumpLogMean, commonJumpLogStdev, commonJumpCap,
                        commonJumpBeta.toArray())
                .garch(garch.toArray(), garchOmega.toArray(), garchAlpha.toArray(), garchBeta.toArray(),
                        initialVariance.toArray())
                .ar1(ar1.toArray());
        if (dcc) {
            built.dcc(dccA, dccB, dccTarget.toArray());
        }
        if (historyRows > 0) {
            built.historical(historyRows, historyResiduals.toArray());
        }
        return built.build();
    }

    private Account account() {
        return new Account(isolated, cash, valueUnits.toArray(), requirementUnits.toArray(), positionAsset.toArray(),
                positionSize.toArray(), positionEntry.toArray(), positionMargin.toArray(), markBasis.toArray(),
                tierStart.toArray(), tierFloor.toArray(), tierRate.toArray(), tierDeduction.toArray(),
                scenarioUnits.toArray(), portfolioMinimum);
    }

    /** {@link #historyResiduals} in single precision, for engines that upload it as floats. */
    public float[] historyResidualsAsFloat() {
        float[] out = new float[historyResiduals.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) historyResiduals.get(i);
        }
        return out;
    }

    /** Number of Philox blocks (four normals each) drawn per step and path. */
    public int blocksPerStep() {
        return (assets + 3) / 4;
    }

    /** Tiered maintenance requirement of position {@code i} at the given notional. */
    public double tieredRequirement(int i, double notional) {
        int k = bracket(i, notional);
        return notional * tierRate.get(k) - tierDeduction.get(k);
    }

    /** Index into the tier arrays of the bracket of position {@code i} that applies at {@code notional}. */
    public int bracket(int i, double notional) {
        int k = tierStart.get(i);
        int end = tierStart.get(i + 1);
        while (k + 1 < end && tierFloor.get(k + 1) <= notional) {
            k++;
        }
        return k;
    }

    /** The floor of the bracket of position {@code i} that holds {@code notional}; 0 in its first bracket. */
    public double bracketFloor(int i, double notional) {
        int k = bracket(i, notional);
        return k > tierStart.get(i) ? tierFloor.get(k) : 0;
    }

    /**
     * Portfolio margin at {@code price}: {@code max(portfolioMinimum, max_s sum_a scenarioUnits[s][a] * price[a])},
     * the largest scenario loss of the positions; 0 without a grid. Piecewise linear in the prices, its slope is the
     * worst scenario's ({@link #worstScenario}).
     */
    public double portfolioRequirement(double[] price) {
        int s = worstScenario(price);
        return s >= 0 ? scenarioLoss(s, price) : scenarios == 0 ? 0 : portfolioMinimum;
    }

    /**
     * The scenario whose loss is the portfolio requirement at {@code price}: the first of the largest, or -1 when no
     * loss exceeds {@link #portfolioMinimum} (the minimum binds, with slope zero) or there is no grid.
     */
    public int worstScenario(double[] price) {
        int worst = -1;
        double largest = portfolioMinimum;
        for (int s = 0; s < scenarios; s++) {
            double loss = scenarioLoss(s, price);
            if (loss > largest) {
                largest = loss;
                worst = s;
            }
        }
        return worst;
    }

    /** Loss of the positions in scenario {@code s} at {@code price}. */
    public double scenarioLoss(int s, double[] price) {
        double loss = 0;
        for (int a = 0; a < assets; a++) {
            loss += scenarioUnits.get(s * assets + a) * price[a];
        }
        return loss;
    }

    /** Notional of position {@code i} on the basis its rule uses. */
    public double notional(int i, double price) {
        return Math.abs(positionSize.get(i)) * (markBasis.get(i) ? price : positionEntry.get(i));
    }

    /** Market half of the problem: per-asset dynamics already scaled to one step. */
    public record Market(String[] names, double[] initialPrice, double[] initialLogPrice, double[] logDrift,
                         double[] shockLoading) {
    }

    /** Model half of the market, in the layout and units of the fields of the same names. */
    public record Models(double[] correlationFactor, double[] stepVolatility, double volatilityMultiplier,
                         double[] degreesOfFreedom, double copulaDegreesOfFreedom, double[] jumpMean,
                         double[] jumpLogMean, double[] jumpLogStdev, int[] jumpCap, double commonJumpMean,
                         double commonJumpLogMean, double commonJumpLogStdev, int commonJumpCap,
                         double[] commonJumpBeta, boolean[] garch, double[] garchOmega, double[] garchAlpha,
                         double[] garchBeta, double[] initialVariance, double[] ar1, boolean dcc, double dccA,
                         double dccB, double[] dccTarget, int historyRows, double[] historyResiduals) {
        /**
         * The models of plain GBM for a market built by hand: the factor and step volatility are recovered from
         * the loading's rows, whose norms are {@code sigma sqrt(dt)}.
         */
        public static Models gbm(Market market) {
            int n = market.names().length;
            double[] loading = market.shockLoading();
            double[] factor = new double[n * n];
            double[] stepVol = new double[n];
            for (int a = 0; a < n; a++) {
                double norm = 0;
                for (int b = 0; b <= a; b++) {
                    norm += loading[a * n + b] * loading[a * n + b];
                }
                stepVol[a] = Math.sqrt(norm);
                for (int b = 0; b <= a; b++) {
                    factor[a * n + b] = stepVol[a] > 0 ? loading[a * n + b] / stepVol[a] : (a == b ? 1 : 0);
                }
            }
            return builder(factor, stepVol).build();
        }

        /**
         * Plain GBM with correlation factor {@code factor} (lower, row-major, unit scale) and per-asset step
         * volatility {@code stepVolatility}; each model beyond GBM is switched on by its own method.
         */
        public static Builder builder(double[] factor, double[] stepVolatility) {
            return new Builder(factor, stepVolatility);
        }

        /** Builds {@link Models} model by model; what is not set is off (GBM's). */
        public static final class Builder {
            private final int n;
            private final double[] factor;
            private final double[] stepVolatility;
            private double multiplier = 1;
            private double[] degreesOfFreedom;
            private double copulaDegreesOfFreedom;
            private double[] jumpMean;
            private double[] jumpLogMean;
            private double[] jumpLogStdev;
            private int[] jumpCap;
            private double commonMean;
            private double commonLogMean;
            private double commonLogStdev;
            private int commonCap;
            private double[] commonBeta;
            private boolean[] garch;
            private double[] garchOmega;
            private double[] garchAlpha;
            private double[] garchBeta;
            private double[] initialVariance;
            private double[] ar1;
            private boolean dcc;
            private double dccA;
            private double dccB;
            private double[] dccTarget = new double[0];
            private int historyRows;
            private double[] historyResiduals = new double[0];

            private Builder(double[] factor, double[] stepVolatility) {
                n = stepVolatility.length;
                this.factor = factor;
                this.stepVolatility = stepVolatility;
                double[] zeros = new double[n];
                degreesOfFreedom = zeros;
                jumpMean = zeros;
                jumpLogMean = zeros;
                jumpLogStdev = zeros;
                jumpCap = new int[n];
                commonBeta = zeros;
                garch = new boolean[n];
                garchOmega = zeros;
                garchAlpha = zeros;
                garchBeta = zeros;
                initialVariance = zeros;
                ar1 = zeros;
            }

            /** The stress overlay's multiplier on every diffusion shock. */
            public Builder volatilityMultiplier(double m) {
                multiplier = m;
                return this;
            }

            /** Per-asset Student-t degrees of freedom (0: normal) and the t copula's (0: none). */
            public Builder studentT(double[] perAsset, double copula) {
                degreesOfFreedom = perAsset;
                copulaDegreesOfFreedom = copula;
                return this;
            }

            /** Per-asset Merton jumps: Poisson mean per step, log-jump mean and stdev, cap on jumps per step. */
            public Builder jumps(double[] mean, double[] logMean, double[] logStdev, int[] cap) {
                jumpMean = mean;
                jumpLogMean = logMean;
                jumpLogStdev = logStdev;
                jumpCap = cap;
                return this;
            }

            /** The common jump: Poisson mean per step, log-jump mean and stdev, cap, and each asset's loading. */
            public Builder commonJump(double mean, double logMean, double logStdev, int cap, double[] beta) {
                commonMean = mean;
                commonLogMean = logMean;
                commonLogStdev = logStdev;
                commonCap = cap;
                commonBeta = beta;
                return this;
            }

            /** GARCH(1,1) per asset where {@code on}: per-step omega, alpha, beta and the variance of step 1. */
            public Builder garch(boolean[] on, double[] omega, double[] alpha, double[] beta, double[] variance) {
                garch = on;
                garchOmega = omega;
                garchAlpha = alpha;
                garchBeta = beta;
                initialVariance = variance;
                return this;
            }

            /** Per-asset lag-1 autocorrelation of diffusion returns. */
            public Builder ar1(double[] phi) {
                ar1 = phi;
                return this;
            }

            /** DCC(1,1) correlation with per-step weights {@code a}, {@code b} and target (full, row-major). */
            public Builder dcc(double a, double b, double[] target) {
                dcc = true;
                dccA = a;
                dccB = b;
                dccTarget = target;
                return this;
            }

            /** Filtered historical simulation: {@code rows x assets} standardised residuals, row-major. */
            public Builder historical(int rows, double[] residuals) {
                historyRows = rows;
                historyResiduals = residuals;
                return this;
            }

            public Models build() {
                return new Models(factor, stepVolatility, multiplier, degreesOfFreedom, copulaDegreesOfFreedom,
                        jumpMean, jumpLogMean, jumpLogStdev, jumpCap, commonMean, commonLogMean, commonLogStdev,
                        commonCap, commonBeta, garch, garchOmega, garchAlpha, garchBeta, initialVariance, ar1, dcc,
                        dccA, dccB, dccTarget, historyRows, historyResiduals);
            }
        }
    }

    /**
     * Account half of the problem, in the flat layout described on {@link CompiledProblem}; {@code scenarioUnits}
     * empty without portfolio margin.
     */
    public record Account(boolean isolated, double cash, double[] valueUnits, double[] requirementUnits,
                          int[] positionAsset, double[] positionSize, double[] positionEntry,
                          double[] positionMargin, boolean[] markBasis, int[] tierStart, double[] tierFloor,
                          double[] tierRate, double[] tierDeduction, double[] scenarioUnits, double portfolioMinimum) {
        /** An account whose positions have their own rules only. */
        public Account(boolean isolated, double cash, double[] valueUnits, double[] requirementUnits,
                       int[] positionAsset, double[] positionSize, double[] positionEntry, double[] positionMargin,
                       boolean[] markBasis, int[] tierStart, double[] tierFloor, double[] tierRate,
                       double[] tierDeduction) {
            this(isolated, cash, valueUnits, requirementUnits, positionAsset, positionSize, positionEntry,
                    positionMargin, markBasis, tierStart, tierFloor, tierRate, tierDeduction, new double[0], 0);
        }

        /** An account on {@code assets} assets holding {@code cash}, with no collateral and no position yet. */
        public static Builder builder(int assets, boolean isolated, double cash) {
            return new Builder(assets, isolated, cash);
        }

        /** Builds an {@link Account} position by position, laying out the flat arrays and the tier index. */
        public static final class Builder {
            private final boolean isolated;
            private final double cash;
            private double[] valueUnits;
            private double[] requirementUnits;
            private final List<Added> positions = new ArrayList<>();
            private double[] scenarioUnits = new double[0];
            private double portfolioMinimum;

            private Builder(int assets, boolean isolated, double cash) {
                this.isolated = isolated;
                this.cash = cash;
                valueUnits = new double[assets];
                requirementUnits = new double[assets];
            }

            /** Per asset: units counted in equity, and units whose value adds to the requirement. */
            public Builder collateral(double[] value, double[] requirement) {
                valueUnits = value.clone();
                requirementUnits = requirement.clone();
                return this;
            }

            /**
             * Adds a position on asset {@code a}: signed size, entry price, isolated margin (0 in cross mode),
             * whether its rule's notional is at the mark, and its brackets (ascending floors, rates, deductions).
             */
            public Builder position(int a, double size, double entry, double margin, boolean mark, double[] floors,
                                    double[] rates, double[] deductions) {
                positions.add(new Added(a, size, entry, margin, mark, floors.clone(), rates.clone(),
                        deductions.clone()));
                return this;
            }

            /** A portfolio-margin grid: loss units row-major {@code scenarios x assets}, and its minimum. */
            public Builder portfolioMargin(double[] units, double minimum) {
                scenarioUnits = units.clone();
                portfolioMinimum = minimum;
                return this;
            }

            public Account build() {
                int m = positions.size();
                int[] asset = new int[m];
                double[] size = new double[m];
                double[] entry = new double[m];
                double[] margin = new double[m];
                boolean[] mark = new boolean[m];
                int[] tierStart = new int[m + 1];
                for (int i = 0; i < m; i++) {
                    tierStart[i + 1] = tierStart[i] + positions.get(i).floors.length;
                }
                double[] floor = new double[tierStart[m]];
                double[] rate = new double[tierStart[m]];
                double[] deduction = new double[tierStart[m]];
                for (int i = 0; i < m; i++) {
                    Added added = positions.get(i);
                    asset[i] = added.asset;
                    size[i] = added.size;
                    entry[i] = added.entry;
                    margin[i] = added.margin;
                    mark[i] = added.mark;
                    System.arraycopy(added.floors, 0, floor, tierStart[i], added.floors.length);
                    System.arraycopy(added.rates, 0, rate, tierStart[i], added.rates.length);
                    System.arraycopy(added.deductions, 0, deduction, tierStart[i], added.deductions.length);
                }
                return new Account(isolated, cash, valueUnits, requirementUnits, asset, size, entry, margin, mark,
                        tierStart, floor, rate, deduction, scenarioUnits, portfolioMinimum);
            }

            /** One position as {@link #position} took it. */
            private record Added(int asset, double size, double entry, double margin, boolean mark, double[] floors,
                                 double[] rates, double[] deductions) {
            }
        }
    }

    @Override
    public String toString() {
        return "CompiledProblem[assets=" + assetNames + ", positions=" + positions
                + ", steps=" + steps + ", isolated=" + isolated + "]";
    }
}
