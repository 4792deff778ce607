package io.marginsim.market;

/**
 * One path's DCC(1,1) correlation state ({@link Dcc}; Engle 2002): the matrix {@code Q}, and the lower Cholesky
 * factor of {@code R = diag(Q)^-1/2 Q diag(Q)^-1/2} that correlates the step's normals. One instance per thread,
 * reused across paths ({@link #start}); nothing is allocated per step.
 *
 * <p>Step 1 uses {@code Q_1 = Cbar} and the compiled factor of {@code Cbar} as it is, so with {@code a = b = 0} the
 * first step is bit for bit that of the constant-correlation model. The refactorisation skips pivots below
 * {@value #PIVOT_TOLERANCE}, as {@link GbmMarket#cholesky} does, so a singular {@code Cbar} (perfectly correlated
 * assets) still gives {@code L L' = R}.
 */
public final class DynamicCorrelation {
    private static final double PIVOT_TOLERANCE = 1e-12;

    private final int n;
    private final double a;
    private final double b;
    /** {@code Cbar}, full, row-major. */
    private final double[] target;
    /** The compiled Cholesky factor of {@code Cbar}, lower, row-major. */
    private final double[] targetFactor;
    private final double[] q;
    private final double[] factor;

    /**
     * @param target       {@code Cbar}, full {@code n x n}, row-major
     * @param targetFactor its lower Cholesky factor, row-major
     */
    public DynamicCorrelation(int n, double a, double b, double[] target, double[] targetFactor) {
        this.n = n;
        this.a = a;
        this.b = b;
        this.target = target;
        this.targetFactor = targetFactor;
        this.q = new double[n * n];
        this.factor = new double[n * n];
    }

    /** Resets to {@code Q_1 = Cbar} before step 1 of a path. */
    public void start() {
        System.arraycopy(target, 0, q, 0, n * n);
        System.arraycopy(targetFactor, 0, factor, 0, n * n);
    }

    /** Lower Cholesky factor of this step's {@code R}, row-major; read-only. */
    public double[] factor() {
        return factor;
    }

    /** This step's conditional correlation {@code R[i][j]}. */
    public double correlation(int i, int j) {
        return q[i * n + j] / Math.sqrt(q[i * n + i] * q[j * n + j]);
    }

    /**
     * Moves to the next step: {@code Q = (1 - a - b) Cbar + a eps eps' + b Q}, then factorises {@code R}.
     *
     * @param eps this step's standardised shocks (unit conditional variance)
     */
    public void advance(double[] eps) {
        double w = 1 - a - b;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = w * target[i * n + j] + a * eps[i] * eps[j] + b * q[i * n + j];
                q[i * n + j] = v;
                q[j * n + i] = v;
            }
        }
        factorise();
    }

    /** Cholesky of {@code R} straight from {@code Q}: {@code R[i][j] = Q[i][j] / sqrt(Q[i][i] Q[j][j])}. */
    private void factorise() {
        for (int j = 0; j < n; j++) {
            double pivot = 1;
            for (int k = 0; k < j; k++) {
                pivot -= factor[j * n + k] * factor[j * n + k];
            }
            if (pivot <= PIVOT_TOLERANCE) {
                for (int i = j; i < n; i++) {
                    factor[i * n + j] = 0;
                }
                continue;
            }
            double diagonal = Math.sqrt(pivot);
            factor[j * n + j] = diagonal;
            for (int i = j + 1; i < n; i++) {
                double sum = correlation(i, j);
                for (int k = 0; k < j; k++) {
                    sum -= factor[i * n + k] * factor[j * n + k];
                }
                factor[i * n + j] = sum / diagonal;
            }
        }
    }
}
