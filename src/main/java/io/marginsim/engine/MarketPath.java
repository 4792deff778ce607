package io.marginsim.engine;

import io.marginsim.market.Ar1Returns;
import io.marginsim.market.DynamicCorrelation;
import io.marginsim.market.GarchVariance;
import io.marginsim.market.HistoricalResiduals;
import io.marginsim.market.MertonJumps;
import io.marginsim.market.StudentMixing;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.rng.ShockStream;

/**
 * One path's log returns, step by step, in double precision: the executable form of the market math documented on
 * {@link CompiledProblem}. One instance per thread, reused across paths ({@link #start} resets the state).
 */
public final class MarketPath {
    private final CompiledProblem p;
    private final boolean gbm;
    private final double[] normals;
    private final int[] words = new int[4];
    private final StudentMixing copula;
    private final StudentMixing[] assetMixing;
    /** GARCH variance of the coming step, per asset. */
    private final double[] variance;
    /** Diffusion return of the previous step, per asset (AR(1) state). */
    private final double[] previous;
    /** Per-path DCC state, or null for a constant correlation. */
    private final DynamicCorrelation correlation;
    /** This step's unit-variance innovations, per asset (what DCC's next step is driven by). */
    private final double[] innovation;
    /** The problem's shock loading and correlation factor as arrays: the covariance and each step read them whole. */
    private final double[] shockLoading;
    private final double[] correlationFactor;
    /** Each asset's step standard deviation, scratch for {@link #stepCovariance(int, double[])}. */
    private final double[] scale;

    public MarketPath(CompiledProblem problem) {
        p = problem;
        gbm = problem.gbmOnly();
        normals = new double[4 * problem.blocksPerStep()];
        copula = problem.copulaDegreesOfFreedom > 0
                ? new StudentMixing(problem.copulaDegreesOfFreedom, ShockStream.COPULA_MIXING) : null;
        assetMixing = new StudentMixing[problem.assets];
        for (int a = 0; a < problem.assets; a++) {
            if (problem.degreesOfFreedom.get(a) > 0) {
                assetMixing[a] = new StudentMixing(problem.degreesOfFreedom.get(a), ShockStream.ASSET_MIXING + a);
            }
        }
        variance = new double[problem.assets];
        previous = new double[problem.assets];
        correlation = problem.dcc ? new DynamicCorrelation(problem.assets, problem.dccA, problem.dccB,
                problem.dccTarget.toArray(), problem.correlationFactor.toArray()) : null;
        innovation = new double[problem.assets];
        scale = new double[problem.assets];
        shockLoading = problem.shockLoading.toArray();
        correlationFactor = problem.correlationFactor.toArray();
    }

    /** Resets the per-path state before step 1. */
    public void start() {
        p.initialVariance.copyTo(0, variance, 0, p.assets);
        if (correlation != null) {
            correlation.start();
        }
    }

    /**
     * The conditional correlation of assets {@code i} and {@code j} that the coming step will use (diagnostics and
     * tests): DCC's {@code R_t} after step {@code t - 1}, otherwise the constant one.
     */
    public double conditionalCorrelation(int i, int j) {
        if (correlation != null) {
            return correlation.correlation(i, j);
        }
        double s = 0;
        for (int k = 0; k <= Math.min(i, j); k++) {
            s += p.correlationFactor.get(i * p.assets + k) * p.correlationFactor.get(j * p.assets + k);
        }
        return s;
    }

    /**
     * Writes the per-step variance each asset's coming step is drawn with, before the stress multiplier: GARCH's
     * conditional variance updated by the steps so far (at {@link #start}: the initial one), otherwise the constant
     * {@code stepVolatility^2}. Volatility-dependent account terms (haircuts) read it after each step.
     */
    public void conditionalVariance(double[] out) {
        for (int a = 0; a < p.assets; a++) {
            out[a] = p.garch.get(a) ? variance[a] : p.stepVolatility.get(a) * p.stepVolatility.get(a);
        }
    }

    /**
     * Writes the covariance of the diffusion part of step {@code step}'s log returns, row-major
     * {@code assets x assets}, before {@link #step} draws it: what the Brownian bridge of continuous monitoring
     * spreads over the step. Given the state, the step's shock has covariance {@code D L L^T D} with {@code L} the
     * step's correlation factor (DCC's own) and {@code D} each asset's stressed step volatility (GARCH: its own
     * conditional one), times {@code 1 - ar1^2} from step 2 on. Student-t and copula mixing have unit variance and
     * bootstrapped rows unit variance per asset, so they add no term; jumps fall at the step's end and are not part
     * of the bridge.
     */
    public void stepCovariance(int step, double[] out) {
        if (gbm) {
            stepCovariance(p, shockLoading, null, out);
            return;
        }
        for (int a = 0; a < p.assets; a++) {
            scale[a] = stepScale(p, step, a, p.garch.get(a) ? variance[a] : 0);
        }
        stepCovariance(p, correlation == null ? correlationFactor : correlation.factor(), scale, out);
    }

    /**
     * The step covariance {@code D F F^T D} of {@link #stepCovariance(int, double[])} from its parts, row-major into
     * {@code out}: {@code factor} the lower correlation factor ({@code assets x assets}, row-major; plain GBM: its
     * shock loading, which carries the volatilities) and {@code scale} each asset's step standard deviation
     * ({@link #stepScale}), or null when the factor carries them. The vector engine calls it with each lane's state.
     */
    public static void stepCovariance(CompiledProblem p, double[] factor, double[] scale, double[] out) {
        for (int i = 0; i < p.assets; i++) {
            for (int j = 0; j <= i; j++) {
                double c = 0;
                for (int k = 0; k <= j; k++) {
                    c += factor[i * p.assets + k] * factor[j * p.assets + k];
                }
                if (scale != null) {
                    c *= scale[i] * scale[j];
                }
                out[i * p.assets + j] = c;
                out[j * p.assets + i] = c;
            }
        }
    }

    /**
     * Standard deviation of asset {@code a}'s diffusion shock at {@code step}, given GARCH's conditional variance
     * {@code variance} of the coming step (read only where the asset has GARCH): the stressed step volatility, times
     * {@code sqrt(1 - ar1^2)} from step 2 on.
     */
    public static double stepScale(CompiledProblem p, int step, int a, double variance) {
        double sd = p.volatilityMultiplier * (p.garch.get(a) ? Math.sqrt(variance) : p.stepVolatility.get(a));
        return step == 1 || p.ar1.get(a) == 0 ? sd : sd * Math.sqrt(1 - p.ar1.get(a) * p.ar1.get(a));
    }

    /** Writes the log return of every asset at step {@code step} (1-based) of {@code path} into {@code out}. */
    public void step(long path, int step, double[] out) {
        int counter = step - 1;
        if (p.historyRows > 0) {
            ShockStream.words(p.seed, counter, path, 0, ShockStream.BOOTSTRAP, words);
            p.historyResiduals.copyTo(HistoricalResiduals.row(words[0], p.historyRows) * p.assets,
                    innovation, 0, p.assets);
        } else {
            ShockStream.normals(p.seed, counter, path, ShockStream.PRICE, p.blocksPerStep(), normals, words);
        }
        if (gbm) {
            for (int a = 0; a < p.assets; a++) {
                double shock = 0;
                for (int b = 0; b <= a; b++) {
                    shock += p.shockLoading.get(a * p.assets + b) * normals[b];
                }
                out[a] = p.logDrift.get(a) + shock;
            }
            return;
        }
        double common = copula == null ? 1 : copula.factor(p.seed, counter, path);
        double commonJump = 0;
        if (p.commonJumpMean > 0) {
            ShockStream.words(p.seed, counter, path, 0, ShockStream.COMMON_JUMP, words);
            commonJump = MertonJumps.logJump(words, p.commonJumpMean, p.commonJumpCap, p.commonJumpLogMean,
                    p.commonJumpLogStdev);
        }
        double[] factor = correlation == null ? correlationFactor : correlation.factor();
        for (int a = 0; a < p.assets; a++) {
            double u;
            if (p.historyRows > 0) {
                u = innovation[a];
            } else {
                double eps = 0;
                for (int b = 0; b <= a; b++) {
                    eps += factor[a * p.assets + b] * normals[b];
                }
                u = eps * common * (assetMixing[a] == null ? 1 : assetMixing[a].factor(p.seed, counter, path));
                innovation[a] = u;
            }
            double sd = p.garch.get(a) ? Math.sqrt(variance[a]) : p.stepVolatility.get(a);
            double shock = p.volatilityMultiplier * sd * u;
            double diffusion = step == 1 ? shock : Ar1Returns.next(p.ar1.get(a), previous[a], shock);
            previous[a] = diffusion;
            double jump = 0;
            if (p.jumpMean.get(a) > 0) {
                ShockStream.words(p.seed, counter, path, a, ShockStream.JUMPS, words);
                jump = MertonJumps.logJump(words, p.jumpMean.get(a), p.jumpCap.get(a), p.jumpLogMean.get(a),
                        p.jumpLogStdev.get(a));
            }
            double drift = p.garch.get(a)
                    ? GarchVariance.logDrift(p.logDrift.get(a), p.volatilityMultiplier, variance[a]) : p.logDrift.get(a);
            out[a] = drift + diffusion + jump + p.commonJumpBeta.get(a) * commonJump;
            if (p.garch.get(a)) {
                variance[a] = GarchVariance.next(p.garchOmega.get(a), p.garchAlpha.get(a), p.garchBeta.get(a),
                        variance[a], u);
            }
        }
        if (correlation != null) {
            correlation.advance(innovation);
        }
    }

    /**
     * The log returns of paths {@code firstPath ..} for diagnostics and tests: row {@code i} holds path
     * {@code firstPath + i}, step {@code t} of asset {@code a} at {@code (t - 1) * assets + a}.
     */
    public static double[][] logReturns(CompiledProblem problem, long firstPath, int paths) {
        MarketPath market = new MarketPath(problem);
        double[] step = new double[problem.assets];
        double[][] out = new double[paths][problem.steps * problem.assets];
        for (int i = 0; i < paths; i++) {
            market.start();
            for (int t = 1; t <= problem.steps; t++) {
                market.step(firstPath + i, t, step);
                System.arraycopy(step, 0, out[i], (t - 1) * problem.assets, problem.assets);
            }
        }
        return out;
    }
}
