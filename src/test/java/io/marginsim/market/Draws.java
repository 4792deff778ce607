package io.marginsim.market;

import io.marginsim.engine.MarketPath;
import io.marginsim.engine.Specs;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ProblemCompiler;
import org.apache.commons.math3.stat.StatUtils;

import java.util.Locale;

/** Simulated log returns of small specs and the sample statistics the model tests compare with theory. */
final class Draws {
    private Draws() {
    }

    static CompiledProblem problem(String json) {
        return ProblemCompiler.compile(Specs.parse(json));
    }

    /**
     * Log returns minus the step's log drift of asset {@code a} (a GARCH asset's includes half its conditional
     * variance of that step): {@code out[path][t - 1]}.
     */
    static double[][] shocks(CompiledProblem problem, int paths, int a) {
        MarketPath market = new MarketPath(problem);
        double[] step = new double[problem.assets];
        double[] variance = new double[problem.assets];
        double[][] out = new double[paths][problem.steps];
        for (int i = 0; i < paths; i++) {
            market.start();
            for (int t = 0; t < problem.steps; t++) {
                market.conditionalVariance(variance);
                market.step(i, t + 1, step);
                double drift = problem.garch.get(a)
                        ? GarchVariance.logDrift(problem.logDrift.get(a), problem.volatilityMultiplier, variance[a])
                        : problem.logDrift.get(a);
                out[i][t] = step[a] - drift;
            }
        }
        return out;
    }

    /** All entries of a matrix in one array. */
    static double[] flat(double[][] m) {
        int n = 0;
        for (double[] row : m) {
            n += row.length;
        }
        double[] out = new double[n];
        int k = 0;
        for (double[] row : m) {
            System.arraycopy(row, 0, out, k, row.length);
            k += row.length;
        }
        return out;
    }

    static double[] column(double[][] m, int t) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i][t];
        }
        return out;
    }

    static double mean(double[] x) {
        return StatUtils.mean(x);
    }

    static double variance(double[] x) {
        return StatUtils.variance(x);
    }

    static double correlation(double[] x, double[] y) {
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    static double excessKurtosis(double[] x) {
        double m = mean(x);
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = (v - m) * (v - m);
            m2 += d;
            m4 += d * d;
        }
        m2 /= x.length;
        m4 /= x.length;
        return m4 / (m2 * m2) - 3;
    }

    /** Fraction of entries with {@code |x| > threshold}. */
    static double twoSidedTail(double[] x, double threshold) {
        int n = 0;
        for (double v : x) {
            if (Math.abs(v) > threshold) {
                n++;
            }
        }
        return (double) n / x.length;
    }

    static double[] scaled(double[] x, double factor) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * factor;
        }
        return out;
    }

    /**
     * The unit-variance innovations {@code u = e / sqrt(h)} of GARCH asset {@code a}, replaying each path's variance
     * recursion from its shocks {@code e} ({@link #shocks}); the stress multiplier must be 1.
     */
    static double[][] garchInnovations(CompiledProblem p, double[][] e, int a) {
        double[][] u = new double[e.length][];
        for (int i = 0; i < e.length; i++) {
            u[i] = new double[e[i].length];
            double h = p.initialVariance.get(a);
            for (int t = 0; t < e[i].length; t++) {
                u[i][t] = e[i][t] / Math.sqrt(h);
                h = GarchVariance.next(p.garchOmega.get(a), p.garchAlpha.get(a), p.garchBeta.get(a), h, u[i][t]);
            }
        }
        return u;
    }

    /**
     * Standard error of the correlation of all entries of {@code x} and {@code y} (rows = independent paths, whose
     * steps may be dependent), from the spread of the correlations of 20 batches of rows.
     */
    static double pooledCorrelationSe(double[][] x, double[][] y) {
        int batches = 20;
        int size = x.length / batches;
        double[] r = new double[batches];
        for (int k = 0; k < batches; k++) {
            r[k] = correlation(flat(java.util.Arrays.copyOfRange(x, k * size, (k + 1) * size)),
                    flat(java.util.Arrays.copyOfRange(y, k * size, (k + 1) * size)));
        }
        return Math.sqrt(variance(r) / batches);
    }

    static double[][] scaled2(double[][] x, double factor) {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = scaled(x[i], factor);
        }
        return out;
    }

    /** One asset at 100 with the given extra asset keys (JSON members) and {@code market} members. */
    static String oneAsset(double vol, String assetKeys, String market, int days, int stepsPerDay) {
        return String.format(Locale.ROOT, """
                {"assets": [{"name": "X", "price": 100, "volatility": %s%s}],%s
                 "account": {"cash": 100, "positions": [{"asset": "X", "size": 1, "entryPrice": 100,
                             "rules": {"type": "flat", "rate": 0.05}}]},
                 "horizonDays": %d, "stepsPerDay": %d, "seed": 5, "engine": "scalar"}""",
                vol, assetKeys.isEmpty() ? "" : ", " + assetKeys,
                        market.isEmpty() ? "" : " \"market\": {" + market + "},", days, stepsPerDay);
    }
}
