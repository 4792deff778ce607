package io.marginsim.market.calibration;

import io.marginsim.market.CorrelationMatrix;

/**
 * The Pearson correlation matrix of log returns over the whole sample. A full-sample estimate is positive
 * semi-definite in exact arithmetic; if rounding leaves an eigenvalue below
 * {@code -}{@link CorrelationMatrix#EIGEN_TOLERANCE} it is replaced by the nearest correlation matrix
 * ({@link CorrelationMatrix#nearest}, Higham 2002) and the result says so.
 *
 * @param matrix             symmetric, unit diagonal, positive semi-definite
 * @param repaired           whether the nearest-matrix repair was applied
 * @param smallestEigenvalue of the raw estimate
 */
public record ReturnCorrelation(double[][] matrix, boolean repaired, double smallestEigenvalue) {

    /** @param returns returns[asset][t], every asset the same length */
    public static ReturnCorrelation estimate(double[][] returns) {
        int k = returns.length;
        double[][] raw = new double[k][k];
        for (int i = 0; i < k; i++) {
            raw[i][i] = 1.0;
            for (int j = 0; j < i; j++) {
                double c = Math.max(-1, Math.min(1, pearson(returns[i], returns[j])));
                raw[i][j] = c;
                raw[j][i] = c;
            }
        }
        double smallest = CorrelationMatrix.smallestEigenvalue(raw);
        if (smallest < -CorrelationMatrix.EIGEN_TOLERANCE) {
            return new ReturnCorrelation(CorrelationMatrix.nearest(raw).toArray(), true, smallest);
        }
        return new ReturnCorrelation(raw, false, smallest);
    }

    static double pearson(double[] x, double[] y) {
        double mx = MaximumLikelihood.mean(x);
        double my = MaximumLikelihood.mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int t = 0; t < x.length; t++) {
            sxy += (x[t] - mx) * (y[t] - my);
            sxx += (x[t] - mx) * (x[t] - mx);
            syy += (y[t] - my) * (y[t] - my);
        }
        return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
    }
}
