package io.marginsim.market.calibration;

import java.util.Map;

/**
 * DCC(1,1) dynamic conditional correlation by two-step quasi-maximum likelihood (R. Engle, "Dynamic conditional
 * correlation: a simple class of multivariate GARCH models", Journal of Business &amp; Economic Statistics 20,
 * 2002). Step one fits a {@link GarchFit} to each asset; step two takes their standardised residuals {@code z_t}
 * and maximises the correlation part of the Gaussian likelihood,
 * {@code -1/2 sum_t (ln|R_t| + z_t' R_t^-1 z_t - z_t' z_t)}, with
 * {@code Q_t = (1 - a - b) Qbar + a z_{t-1} z_{t-1}' + b Q_{t-1}}, {@code Q_1 = Qbar = (1/T) sum z_t z_t'} (correlation
 * targeting) and {@code R_t = diag(Q_t)^-1/2 Q_t diag(Q_t)^-1/2}.
 *
 * <p>{@code a >= 0, b >= 0, a + b < 1} hold by construction: the simplex searches
 * {@code (logit(a + b), logit(a / (a + b)))}. Standard errors are from the observed information of the second
 * step alone; they ignore the estimation error of the first step and so understate the true uncertainty
 * somewhat (Engle and Sheppard 2001 give the corrected form). The constant-correlation model is the same
 * likelihood at {@code a = b = 0}, so the two are compared on it: DCC has two parameters more.
 */
public final class DccFit {
    private DccFit() {
    }

    /**
     * @param z standardised residuals z[asset][t], at least two assets of equal length
     * @return the DCC fit with parameters {@code a} and {@code b} (per interval; two parameters)
     */
    public static ModelFit fit(double[][] z) {
        double[][] qbar = outerMean(z);
        double[][] starts = new double[2][];
        double[][] guesses = {{0.03, 0.93}, {0.10, 0.50}};
        for (int i = 0; i < starts.length; i++) {
            double s = guesses[i][0] + guesses[i][1];
            starts[i] = new double[] {MaximumLikelihood.logit(s), MaximumLikelihood.logit(guesses[i][0] / s)};
        }
        double[] best = MaximumLikelihood.maximiseFromStarts(t -> logLikelihood(z, qbar, natural(t)), starts,
                new double[] {0.5, 0.5});
        double[] ab = natural(best);
        MaximumLikelihood.StandardErrors errors = MaximumLikelihood.standardErrors(p -> logLikelihood(z, qbar, p), ab);
        String[] names = {"a", "b"};
        return new ModelFit("dcc", ModelFit.named(names, ab), ModelFit.named(names, errors.values()),
                logLikelihood(z, qbar, ab), 2, errors.boundNote(names));
    }

    /** The constant-correlation model on the same second-step likelihood ({@code a = b = 0}); no extra parameters. */
    public static ModelFit constant(double[][] z) {
        return new ModelFit("constant-correlation", Map.of(), Map.of(),
                logLikelihood(z, outerMean(z), new double[] {0, 0}), 0);
    }

    private static double[] natural(double[] x) {
        double s = MaximumLikelihood.logistic(x[0]);
        double a = s * MaximumLikelihood.logistic(x[1]);
        return new double[] {a, s - a};
    }

    static double logLikelihood(double[][] z, double[][] qbar, double[] ab) {
        double a = ab[0];
        double b = ab[1];
        if (a < 0 || b < 0 || !(a + b < 1)) {
            return MaximumLikelihood.IMPOSSIBLE;
        }
        int k = z.length;
        int n = z[0].length;
        double[][] q = new double[k][k];
        for (int i = 0; i < k; i++) {
            q[i] = qbar[i].clone();
        }
        double[][] r = new double[k][k];
        double[] u = new double[k];
        double sum = 0;
        for (int t = 0; t < n; t++) {
            if (t > 0) {
                for (int i = 0; i < k; i++) {
                    for (int j = 0; j <= i; j++) {
                        double v = (1 - a - b) * qbar[i][j] + a * z[i][t - 1] * z[j][t - 1] + b * q[i][j];
                        q[i][j] = v;
                        q[j][i] = v;
                    }
                }
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j <= i; j++) {
                    r[i][j] = q[i][j] / Math.sqrt(q[i][i] * q[j][j]);
                }
                u[i] = z[i][t];
            }
            double zz = 0;
            for (int i = 0; i < k; i++) {
                zz += u[i] * u[i];
            }
            double term = choleskyTerm(r, u);
            if (Double.isNaN(term)) {
                return MaximumLikelihood.IMPOSSIBLE;
            }
            sum += term - zz;
        }
        return -0.5 * sum;
    }

    /**
     * {@code ln|R| + u' R^-1 u} by an in-place Cholesky factorisation of the lower triangle of {@code r}
     * (overwritten, as is {@code u}); NaN when {@code r} is not positive definite.
     */
    private static double choleskyTerm(double[][] r, double[] u) {
        int k = u.length;
        double logDet = 0;
        for (int j = 0; j < k; j++) {
            double pivot = r[j][j];
            for (int m = 0; m < j; m++) {
                pivot -= r[j][m] * r[j][m];
            }
            if (!(pivot > 1e-14)) {
                return Double.NaN;
            }
            double l = Math.sqrt(pivot);
            r[j][j] = l;
            logDet += 2 * Math.log(l);
            for (int i = j + 1; i < k; i++) {
                double s = r[i][j];
                for (int m = 0; m < j; m++) {
                    s -= r[i][m] * r[j][m];
                }
                r[i][j] = s / l;
            }
        }
        double quadratic = 0;
        for (int i = 0; i < k; i++) {
            double s = u[i];
            for (int m = 0; m < i; m++) {
                s -= r[i][m] * u[m];
            }
            u[i] = s / r[i][i];
            quadratic += u[i] * u[i];
        }
        return logDet + quadratic;
    }

    private static double[][] outerMean(double[][] z) {
        int k = z.length;
        int n = z[0].length;
        double[][] q = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int t = 0; t < n; t++) {
                    s += z[i][t] * z[j][t];
                }
                q[i][j] = s / n;
                q[j][i] = s / n;
            }
        }
        return q;
    }
}
