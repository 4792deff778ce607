package io.marginsim.market;

import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Correlated geometric Brownian motion, scaled to one step: log returns per step are
 * {@code (mu - sigma^2 / 2) dt + sigma sqrt(dt) (L z)} with {@code L} the Cholesky factor of the correlation.
 */
public final class GbmMarket {
    /** Year length used to annualise volatility and drift: crypto venues trade every day. */
    public static final double DAYS_PER_YEAR = 365.0;
    /** Pivots below this are treated as zero, so perfectly correlated assets (a singular matrix) are allowed. */
    private static final double PIVOT_TOLERANCE = 1e-12;

    private GbmMarket() {
    }

    /**
     * Lower Cholesky factor of a positive semi-definite matrix. Commons Math handles the definite case; a
     * semi-definite matrix (for example two perfectly correlated assets) falls back to the outer-product
     * algorithm with zero pivots skipped, which gives a factor with {@code L L^T = C} all the same.
     */
    public static double[][] cholesky(double[][] correlation) {
        RealMatrix matrix = MatrixUtils.createRealMatrix(correlation);
        try {
            return new CholeskyDecomposition(matrix, 1e-10, 1e-10).getL().getData();
        } catch (NonPositiveDefiniteMatrixException e) {
            return semiDefiniteCholesky(correlation);
        }
    }

    private static double[][] semiDefiniteCholesky(double[][] c) {
        int n = c.length;
        double[][] l = new double[n][n];
        for (int j = 0; j < n; j++) {
            double pivot = c[j][j];
            for (int k = 0; k < j; k++) {
                pivot -= l[j][k] * l[j][k];
            }
            if (pivot <= PIVOT_TOLERANCE) {
                continue;
            }
            l[j][j] = Math.sqrt(pivot);
            for (int i = j + 1; i < n; i++) {
                double sum = c[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = sum / l[j][j];
            }
        }
        return l;
    }
}
