package io.marginsim.market.calibration;

import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Seeded synthetic log returns with known parameters, and the CSV of the prices they make. */
public final class SyntheticReturns {
    private static final int BURN_IN = 500;

    private final RandomGenerator rng;

    public SyntheticReturns(long seed) {
        this.rng = new Well19937c(seed);
    }

    /** GBM over {@code dt} years: normal with mean (mu - sigma^2/2) dt and variance sigma^2 dt. */
    double[] gbm(int n, double sigma, double mu, double dt) {
        double[] r = new double[n];
        for (int t = 0; t < n; t++) {
            r[t] = (mu - 0.5 * sigma * sigma) * dt + sigma * Math.sqrt(dt) * rng.nextGaussian();
        }
        return r;
    }

    /** location + scale * Student-t(nu). */
    double[] studentT(int n, double location, double scale, double nu) {
        TDistribution t = new TDistribution(rng, nu);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = location + scale * t.sample();
        }
        return r;
    }

    /** GARCH(1,1) with normal innovations and zero mean, started at the stationary variance and burnt in. */
    double[] garch(int n, double omega, double alpha, double beta) {
        double h = omega / (1 - alpha - beta);
        double e = 0;
        double[] r = new double[n];
        for (int t = -BURN_IN; t < n; t++) {
            h = omega + alpha * e * e + beta * h;
            e = Math.sqrt(h) * rng.nextGaussian();
            if (t >= 0) {
                r[t] = e;
            }
        }
        return r;
    }

    /** Merton per interval: a + b Z + sum of Poisson(L) normal(jumpMean, jumpStdev) jumps. */
    double[] merton(int n, double a, double b, double perInterval, double jumpMean, double jumpStdev) {
        PoissonDistribution jumps = new PoissonDistribution(rng, perInterval, 1e-12, 10_000);
        double[] r = new double[n];
        for (int t = 0; t < n; t++) {
            double x = a + b * rng.nextGaussian();
            int k = jumps.sample();
            for (int j = 0; j < k; j++) {
                x += jumpMean + jumpStdev * rng.nextGaussian();
            }
            r[t] = x;
        }
        return r;
    }

    /**
     * Two or more assets with GARCH(1,1) marginals and DCC(1,1) correlation (Engle 2002) around {@code qbar}:
     * returns[asset][t].
     */
    public double[][] dcc(int n, double[][] qbar, double a, double b, double omega, double alpha, double beta) {
        int k = qbar.length;
        double[][] q = copy(qbar);
        double[] z = new double[k];
        double[] h = new double[k];
        double[] e = new double[k];
        java.util.Arrays.fill(h, omega / (1 - alpha - beta));
        double[][] r = new double[k][n];
        for (int t = -BURN_IN; t < n; t++) {
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    q[i][j] = (1 - a - b) * qbar[i][j] + a * z[i] * z[j] + b * q[i][j];
                }
            }
            double[][] corr = new double[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    corr[i][j] = q[i][j] / Math.sqrt(q[i][i] * q[j][j]);
                }
            }
            z = correlatedNormals(corr);
            for (int i = 0; i < k; i++) {
                h[i] = omega + alpha * e[i] * e[i] + beta * h[i];
                e[i] = Math.sqrt(h[i]) * z[i];
                if (t >= 0) {
                    r[i][t] = e[i];
                }
            }
        }
        return r;
    }

    /** Correlated GBM: returns[asset][t]. */
    double[][] correlatedGbm(int n, double[] sigma, double[] mu, double[][] correlation, double dt) {
        int k = sigma.length;
        double[][] r = new double[k][n];
        for (int t = 0; t < n; t++) {
            double[] z = correlatedNormals(correlation);
            for (int i = 0; i < k; i++) {
                r[i][t] = (mu[i] - 0.5 * sigma[i] * sigma[i]) * dt + sigma[i] * Math.sqrt(dt) * z[i];
            }
        }
        return r;
    }

    private double[] correlatedNormals(double[][] c) {
        double[][] l = io.marginsim.market.GbmMarket.cholesky(c);
        int k = c.length;
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            w[i] = rng.nextGaussian();
        }
        double[] z = new double[k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                z[i] += l[i][j] * w[j];
            }
        }
        return z;
    }

    /** CSV of daily prices from 2020-01-01, starting at 100 for every asset. */
    public static String csv(List<String> names, double[][] returns) {
        StringBuilder out = new StringBuilder("timestamp,").append(String.join(",", names)).append('\n');
        int n = returns[0].length;
        double[] logPrice = new double[names.size()];
        java.util.Arrays.fill(logPrice, Math.log(100));
        LocalDate day = LocalDate.of(2020, 1, 1);
        for (int t = 0; t <= n; t++) {
            out.append(day.plusDays(t));
            for (int a = 0; a < names.size(); a++) {
                if (t > 0) {
                    logPrice[a] += returns[a][t - 1];
                }
                out.append(',').append(String.format(Locale.ROOT, "%.17g", Math.exp(logPrice[a])));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
