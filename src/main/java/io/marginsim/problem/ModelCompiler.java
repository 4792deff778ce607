package io.marginsim.problem;

import io.marginsim.market.AssetDynamics;
import io.marginsim.market.Dcc;
import io.marginsim.market.Garch;
import io.marginsim.market.GbmMarket;
import io.marginsim.market.HistoricalResiduals;
import io.marginsim.market.Jumps;
import io.marginsim.market.MarketSpec;
import io.marginsim.market.MertonJumps;
import io.marginsim.market.Stress;


/**
 * Compiles a {@link MarketSpec} on top of GBM: the stress overlay is folded into GBM's own arrays (shifted start,
 * scaled volatility, correlation pulled toward one), so a stressed GBM stays a GBM problem, and the models beyond
 * GBM become the flat per-step parameters of {@link CompiledProblem.Models}. DCC's target is the stressed
 * correlation; historical residuals are copied as they are (row-major, in asset order).
 */
public final class ModelCompiler {
    private ModelCompiler() {
    }

    /**
     * Compiles a correlated GBM market ({@link GbmMarket}) to per-step arrays.
     *
     * @param correlation positive semi-definite with unit diagonal, already validated
     * @param stepDays    length of one step in days
     */
    public static CompiledProblem.Market gbm(String[] names, double[] prices, double[] volatility,
                                             double[] drift, double[][] correlation, double stepDays) {
        int n = names.length;
        double dt = stepDays / GbmMarket.DAYS_PER_YEAR;
        double[] logPrice = new double[n];
        double[] logDrift = new double[n];
        for (int a = 0; a < n; a++) {
            logPrice[a] = Math.log(prices[a]);
            logDrift[a] = (drift[a] - 0.5 * volatility[a] * volatility[a]) * dt;
        }
        double[][] chol = GbmMarket.cholesky(correlation);
        double[] loading = new double[n * n];
        for (int a = 0; a < n; a++) {
            double scale = volatility[a] * Math.sqrt(dt);
            for (int b = 0; b <= a; b++) {
                loading[a * n + b] = scale * chol[a][b];
            }
        }
        return new CompiledProblem.Market(names.clone(), prices.clone(), logPrice, logDrift, loading);
    }

    /**
     * The compiled market and models; {@code volatility} of a GARCH asset is its long-run volatility, which sets its
     * {@code omega} where the spec gives none, but not its drift (a GARCH fitted under {@code market.historical}
     * brings its own omega, and its asset's volatility is the fit's starting one).
     */
    public record Compiled(CompiledProblem.Market market, CompiledProblem.Models models) {
    }

    public static Compiled compile(MarketSpec spec, String[] names, double[] prices, double[] volatility,
                                   double[] drift, double[][] correlation, double stepDays) {
        int n = names.length;
        Stress stress = spec.stress();
        double multiplier = stress.volatilityMultiplier();
        double[][] stressedCorrelation = stress.correlationToOne() == 0 ? correlation : stress.apply(correlation);
        double[] stressedVolatility = new double[n];
        for (int a = 0; a < n; a++) {
            stressedVolatility[a] = multiplier * volatility[a];
        }
        CompiledProblem.Market gbm = gbm(names, prices, stressedVolatility, drift, stressedCorrelation,
                stepDays);

        double dt = stepDays / GbmMarket.DAYS_PER_YEAR;
        double[] logPrice = gbm.initialLogPrice();
        double[] price = gbm.initialPrice();
        double[] logDrift = gbm.logDrift();
        double[] shock = stress.shock();
        double[] dof = new double[n];
        double[] jumpMean = new double[n];
        double[] jumpLogMean = new double[n];
        double[] jumpLogStdev = new double[n];
        int[] jumpCap = new int[n];
        boolean[] garch = new boolean[n];
        double[] omega = new double[n];
        double[] alpha = new double[n];
        double[] beta = new double[n];
        double[] initialVariance = new double[n];
        double[] ar1 = new double[n];
        double[] stepVolatility = new double[n];
        for (int a = 0; a < n; a++) {
            AssetDynamics d = spec.assets().get(a);
            if (d.garch() != null) {
                // the step subtracts half its own conditional variance (MarketPath); the long-run one would
                // misprice every path whose variance is away from it
                logDrift[a] = drift[a] * dt;
            }
            logPrice[a] += shock[a];
            // from the price itself, not exp(log(price)): an unshocked price stays exactly the spec's number
            price[a] *= Math.exp(shock[a]);
            stepVolatility[a] = volatility[a] * Math.sqrt(dt);
            dof[a] = d.degreesOfFreedom();
            ar1[a] = d.ar1();
            if (d.jumps() != null && d.jumps().intensity() > 0) {
                jumpMean[a] = d.jumps().intensity() * dt;
                jumpLogMean[a] = d.jumps().mean();
                jumpLogStdev[a] = d.jumps().stdev();
                jumpCap[a] = MertonJumps.cap(jumpMean[a]);
                logDrift[a] -= MertonJumps.compensator(jumpMean[a], jumpCap[a], 1, jumpLogMean[a], jumpLogStdev[a]);
            }
            if (d.garch() != null) {
                Garch g = d.garch();
                garch[a] = true;
                omega[a] = g.omega() * dt;
                alpha[a] = g.alpha();
                beta[a] = g.beta();
                double start = Double.isNaN(g.initialVolatility()) ? g.longRunVolatility() : g.initialVolatility();
                initialVariance[a] = start * start * dt;
            }
        }
        Jumps common = spec.commonJump();
        double commonMean = common == null ? 0 : common.intensity() * dt;
        double[] betas = commonMean > 0 ? spec.commonJumpBetas() : new double[n];
        int commonCap = commonMean > 0 ? MertonJumps.cap(commonMean) : 0;
        if (commonMean > 0) {
            for (int a = 0; a < n; a++) {
                logDrift[a] -= MertonJumps.compensator(commonMean, commonCap, betas[a], common.mean(), common.stdev());
            }
        }
        CompiledProblem.Market market = new CompiledProblem.Market(gbm.names(), price, logPrice, logDrift,
                gbm.shockLoading());
        double[] factor = new double[n * n];
        double[][] l = GbmMarket.cholesky(stressedCorrelation);
        for (int a = 0; a < n; a++) {
            System.arraycopy(l[a], 0, factor, a * n, a + 1);
        }
        Dcc dcc = spec.dcc();
        double[] target = new double[dcc == null ? 0 : n * n];
        for (int a = 0; dcc != null && a < n; a++) {
            System.arraycopy(stressedCorrelation[a], 0, target, a * n, n);
        }
        CompiledProblem.Models.Builder models = CompiledProblem.Models.builder(factor, stepVolatility)
                .volatilityMultiplier(multiplier)
                .studentT(dof, spec.copulaDegreesOfFreedom())
                .jumps(jumpMean, jumpLogMean, jumpLogStdev, jumpCap)
                .commonJump(commonMean, common == null ? 0 : common.mean(), common == null ? 0 : common.stdev(),
                        commonCap, betas)
                .garch(garch, omega, alpha, beta, initialVariance)
                .ar1(ar1);
        if (dcc != null) {
            models.dcc(dcc.a(), dcc.b(), target);
        }
        HistoricalResiduals history = spec.historical();
        if (history != null) {
            models.historical(history.rows(), history.residuals());
        }
        return new Compiled(market, models.build());
    }
}
