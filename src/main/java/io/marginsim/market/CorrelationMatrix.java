package io.marginsim.market;

import io.marginsim.check.SpecException;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

import java.util.Arrays;

/**
 * A valid correlation matrix: symmetric, unit diagonal, entries in [-1, 1], positive semi-definite.
 * {@link #nearest} repairs an invalid estimate by Higham's alternating projections
 * (N. J. Higham, "Computing the nearest correlation matrix", IMA J. Numer. Anal. 22, 2002).
 */
public final class CorrelationMatrix {
    /** Eigenvalues down to this are treated as zero: rounding makes singular matrices slightly negative. */
    public static final double EIGEN_TOLERANCE = 1e-10;
    private static final double SYMMETRY_TOLERANCE = 1e-12;

    private final double[][] values;

    private CorrelationMatrix(double[][] values) {
        this.values = values;
    }

    public static CorrelationMatrix identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return new CorrelationMatrix(m);
    }

    /**
     * Validates {@code m}.
     *
     * @throws SpecException naming {@code correlation[i][j]} for a bad entry, or giving the smallest eigenvalue
     *                       and the repair option when the matrix is not positive semi-definite
     */
    public static CorrelationMatrix of(double[][] m) {
        int n = m.length;
        for (int i = 0; i < n; i++) {
            if (m[i].length != n) {
                throw new SpecException("correlation[" + i + "]", "must have " + n + " entries (square matrix) but had "
                        + m[i].length);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                String at = "correlation[" + i + "][" + j + "]";
                double v = m[i][j];
                if (i == j && v != 1.0) {
                    throw new SpecException(at, "must be 1 (diagonal) but was " + v);
                }
                if (!(v >= -1 && v <= 1)) {
                    throw new SpecException(at, "must be between -1 and 1 but was " + v);
                }
                if (Math.abs(v - m[j][i]) > SYMMETRY_TOLERANCE) {
                    throw new SpecException(at, "must equal correlation[" + j + "][" + i + "] (symmetric) but was " + v
                            + " vs " + m[j][i]);
                }
            }
        }
        double smallest = smallestEigenvalue(m);
        if (smallest < -EIGEN_TOLERANCE) {
            throw new SpecException("correlation", "must be positive semi-definite but its smallest eigenvalue is "
                    + smallest + "; set \"repairCorrelation\": true in the spec (or pass --repair-correlation) "
                    + "to use the nearest valid correlation matrix");
        }
        return new CorrelationMatrix(copy(m));
    }

    /** The nearest correlation matrix to a symmetric matrix with unit diagonal, in the Frobenius norm. */
    public static CorrelationMatrix nearest(double[][] m) {
        int n = m.length;
        double[][] y = copy(m);
        double[][] correction = new double[n][n];
        for (int iteration = 0; iteration < 200; iteration++) {
            double[][] r = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    r[i][j] = y[i][j] - correction[i][j];
                }
            }
            double[][] x = projectPsd(r);
            double change = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    correction[i][j] = x[i][j] - r[i][j];
                    double next = i == j ? 1.0 : x[i][j];
                    change = Math.max(change, Math.abs(next - y[i][j]));
                    y[i][j] = next;
                }
            }
            if (change < 1e-12) {
                break;
            }
        }
        double[][] psd = projectPsd(y);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                psd[i][j] = i == j ? 1.0 : Math.max(-1, Math.min(1, 0.5 * (psd[i][j] + psd[j][i])));
            }
        }
        return new CorrelationMatrix(psd);
    }

    public int size() {
        return values.length;
    }

    public double get(int i, int j) {
        return values[i][j];
    }

    public double[][] toArray() {
        return copy(values);
    }

    public static double smallestEigenvalue(double[][] m) {
        double[] eigen = new EigenDecomposition(MatrixUtils.createRealMatrix(m)).getRealEigenvalues();
        return Arrays.stream(eigen).min().orElse(1);
    }

    private static double[][] projectPsd(double[][] m) {
        EigenDecomposition eigen = new EigenDecomposition(MatrixUtils.createRealMatrix(m));
        RealMatrix v = eigen.getV();
        double[] lambda = eigen.getRealEigenvalues().clone();
        for (int i = 0; i < lambda.length; i++) {
            lambda[i] = Math.max(lambda[i], 0);
        }
        return v.multiply(MatrixUtils.createRealDiagonalMatrix(lambda)).multiply(v.transpose()).getData();
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorrelationMatrix c && Arrays.deepEquals(values, c.values);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(values);
    }
}
