package io.marginsim.result;

import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

import java.util.Arrays;

/**
 * Maximum-likelihood fit of the generalised Pareto distribution
 * {@code P(Y > y) = (1 + xi y / sigma)^(-1/xi)} (exponential at {@code xi = 0}) to positive excesses over a
 * threshold. By Pickands (1975) and Balkema and de Haan (1974) this is the limit law of excesses over a high
 * threshold for any distribution in a maximum domain of attraction, which is what justifies extrapolating it.
 *
 * <p>The likelihood is maximised directly in {@code (xi, log sigma)} by Nelder-Mead (Commons Math), started from
 * the probability-weighted-moment estimates of Hosking and Wallis (1987, Technometrics 29) and restarted once from
 * its own optimum. The shape is kept above {@link #MIN_SHAPE}: below -0.5 the maximum-likelihood estimator is not
 * regular (Smith 1985) and below -1 the likelihood is unbounded; a fit that ends on that guard says so through
 * {@link #atShapeGuard()}. The covariance is the inverse of the observed information, a central-difference Hessian
 * of the exact log-likelihood (Coles 2001, An Introduction to Statistical Modeling of Extreme Values, section 4.3).
 */
public final class GpdFit {
    /** Shape guard: the fit never goes to or below it. */
    public static final double MIN_SHAPE = -0.5;
    /** Fits within this of the guard count as stuck on it. */
    private static final double GUARD_TOLERANCE = 1e-3;
    private static final int MAX_EVALUATIONS = 20_000;

    private final double shape;
    private final double scale;
    private final double[][] covariance;
    private final int size;

    private GpdFit(double shape, double scale, double[][] covariance, int size) {
        this.shape = shape;
        this.scale = scale;
        this.covariance = covariance;
        this.size = size;
    }

    /**
     * Fits the excesses (all finite and > 0).
     *
     * @throws IllegalArgumentException when fewer than two excesses, or any not finite and positive
     * @throws MathIllegalStateException when the optimiser does not converge
     */
    public static GpdFit fit(double[] excesses) {
        if (excesses.length < 2) {
            throw new IllegalArgumentException("a GPD fit needs at least 2 excesses but got " + excesses.length);
        }
        double max = 0;
        for (double y : excesses) {
            if (!(y > 0) || Double.isInfinite(y)) {
                throw new IllegalArgumentException("excesses must be finite and > 0 but one was " + y);
            }
            max = Math.max(max, y);
        }
        double[] y = excesses.clone();
        double[] start = feasibleStart(probabilityWeightedMoments(y), max);
        ObjectiveFunction objective = new ObjectiveFunction(p -> logLikelihood(p[0], Math.exp(p[1]), y));
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-13, 1e-13);
        double[] best = {start[0], Math.log(start[1])};
        for (int round = 0; round < 2; round++) {
            PointValuePair optimum = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), objective, GoalType.MAXIMIZE,
                    new InitialGuess(best), new NelderMeadSimplex(new double[] {0.05, 0.05}));
            best = optimum.getPoint();
        }
        double xi = best[0];
        double sigma = Math.exp(best[1]);
        return new GpdFit(xi, sigma, inverseObservedInformation(xi, sigma, y), y.length);
    }

    /**
     * GPD log-likelihood of excesses {@code y}; minus infinity outside the parameter space (scale <= 0, shape at or
     * below the guard, or an excess beyond the upper end point of a bounded tail).
     */
    public static double logLikelihood(double xi, double sigma, double[] y) {
        if (!(sigma > 0) || !(xi > MIN_SHAPE)) {
            return Double.NEGATIVE_INFINITY;
        }
        double sumLog = 0;
        double sumY = 0;
        for (double v : y) {
            double x = xi * v / sigma;
            if (!(x > -1)) {
                return Double.NEGATIVE_INFINITY;
            }
            sumLog += Math.log1p(x);
            sumY += v;
        }
        // log1p(x)/xi -> y/sigma as xi -> 0, the exponential limit; the division is exact enough down to tiny xi
        double tail = xi == 0 ? sumY / sigma : (1 + 1 / xi) * sumLog;
        return -y.length * Math.log(sigma) - tail;
    }

    /**
     * Hosking and Wallis (1987) probability-weighted-moment estimates {@code {xi, sigma}}: with
     * {@code a0} the mean and {@code a1 = mean((1 - p_j) y_(j))}, {@code p_j = (j - 0.35) / n},
     * {@code xi = 2 - a0 / (a0 - 2 a1)} and {@code sigma = 2 a0 a1 / (a0 - 2 a1)}. Sorts {@code y} in place.
     */
    static double[] probabilityWeightedMoments(double[] y) {
        Arrays.sort(y);
        int n = y.length;
        double a0 = 0;
        double a1 = 0;
        for (int j = 0; j < n; j++) {
            a0 += y[j];
            a1 += (1 - (j + 1 - 0.35) / n) * y[j];
        }
        a0 /= n;
        a1 /= n;
        double d = a0 - 2 * a1;
        return new double[] {2 - a0 / d, 2 * a0 * a1 / d};
    }

    /** The PWM start moved inside the parameter space if it is not, else the exponential fit. */
    private static double[] feasibleStart(double[] pwm, double max) {
        double xi = pwm[0];
        double sigma = pwm[1];
        if (!Double.isFinite(xi) || !(sigma > 0)) {
            return new double[] {0.1, max / 10};
        }
        xi = Math.max(MIN_SHAPE + 0.05, Math.min(2, xi));
        if (xi < 0 && !(1 + xi * max / sigma > 0.01)) {
            sigma = -xi * max / 0.99;
        }
        return new double[] {xi, sigma};
    }

    /** Inverse of the negative log-likelihood's Hessian in (xi, sigma), or null where it is not positive definite. */
    private static double[][] inverseObservedInformation(double xi, double sigma, double[] y) {
        double h = 1e-4;
        double k = 1e-4 * sigma;
        double f = logLikelihood(xi, sigma, y);
        double fxx = (logLikelihood(xi + h, sigma, y) - 2 * f + logLikelihood(xi - h, sigma, y)) / (h * h);
        double fss = (logLikelihood(xi, sigma + k, y) - 2 * f + logLikelihood(xi, sigma - k, y)) / (k * k);
        double fxs = (logLikelihood(xi + h, sigma + k, y) - logLikelihood(xi + h, sigma - k, y)
                - logLikelihood(xi - h, sigma + k, y) + logLikelihood(xi - h, sigma - k, y)) / (4 * h * k);
        double[][] info = {{-fxx, -fxs}, {-fxs, -fss}};
        double det = info[0][0] * info[1][1] - info[0][1] * info[1][0];
        if (!(info[0][0] > 0) || !(det > 0) || !Double.isFinite(det)) {
            return null;
        }
        RealMatrix inverse = new LUDecomposition(new Array2DRowRealMatrix(info)).getSolver().getInverse();
        return inverse.getData();
    }

    public double shape() {
        return shape;
    }

    public double scale() {
        return scale;
    }

    /** Number of excesses fitted. */
    public int size() {
        return size;
    }

    /** Asymptotic covariance of (shape, scale), or null when the observed information is not positive definite. */
    public double[][] covariance() {
        return covariance == null ? null : new double[][] {covariance[0].clone(), covariance[1].clone()};
    }

    /** Standard error of the shape, NaN without a covariance. */
    public double shapeStandardError() {
        return covariance == null ? Double.NaN : Math.sqrt(covariance[0][0]);
    }

    /** Standard error of the scale, NaN without a covariance. */
    public double scaleStandardError() {
        return covariance == null ? Double.NaN : Math.sqrt(covariance[1][1]);
    }

    /** Whether the shape ended on the {@link #MIN_SHAPE} guard, where the estimate is not regular. */
    public boolean atShapeGuard() {
        return shape < MIN_SHAPE + GUARD_TOLERANCE;
    }

    /**
     * The excess {@code y} with {@code P(Y > y) = exceedProbability}: {@code sigma ((q^-xi - 1) / xi)}, with
     * {@code expm1} so that it stays exact as xi goes to 0 (where it is {@code -sigma log q}).
     */
    public static double excessQuantile(double xi, double sigma, double exceedProbability) {
        double logQ = Math.log(exceedProbability);
        return xi == 0 ? -sigma * logQ : sigma * Math.expm1(-xi * logQ) / xi;
    }

    /** GPD survival function {@code P(Y > y)}; zero beyond the end point of a bounded tail. */
    public static double survival(double xi, double sigma, double y) {
        if (xi == 0) {
            return Math.exp(-y / sigma);
        }
        double z = 1 + xi * y / sigma;
        return z > 0 ? Math.exp(-Math.log(z) / xi) : 0;
    }

    /** GPD density at {@code y >= 0}; zero beyond the end point of a bounded tail. */
    public static double density(double xi, double sigma, double y) {
        if (xi == 0) {
            return Math.exp(-y / sigma) / sigma;
        }
        double z = 1 + xi * y / sigma;
        return z > 0 ? Math.exp(-(1 / xi + 1) * Math.log(z)) / sigma : 0;
    }
}
