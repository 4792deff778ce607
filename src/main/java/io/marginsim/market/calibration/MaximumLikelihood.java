package io.marginsim.market.calibration;

import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.stat.StatUtils;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * The numerical machinery shared by the likelihood fits: maximisation over unconstrained (transformed)
 * parameters with Commons Math's Nelder-Mead simplex, and asymptotic standard errors from the observed
 * information, the inverse of the negative Hessian of the log-likelihood in the natural parameters, taken by
 * central finite differences.
 */
final class MaximumLikelihood {
    /** Log-likelihood returned for parameters outside the model (a variance <= 0, a density of 0). */
    static final double IMPOSSIBLE = -1e300;
    private static final int MAX_EVALUATIONS = 40_000;
    private static final int RESTARTS = 3;

    private MaximumLikelihood() {
    }

    /**
     * Maximises {@code logLikelihood} over unconstrained parameters from {@code start}. The simplex is restarted
     * from its optimum a few times, because Nelder-Mead can stop on a collapsed simplex short of the maximum.
     *
     * @param steps initial simplex edge per parameter
     */
    static double[] maximise(ToDoubleFunction<double[]> logLikelihood, double[] start, double[] steps) {
        SimplexOptimizer optimizer = new SimplexOptimizer(1e-11, 1e-12);
        ObjectiveFunction objective = new ObjectiveFunction(x -> {
            double value = logLikelihood.applyAsDouble(x);
            return Double.isFinite(value) ? value : IMPOSSIBLE;
        });
        double[] best = start.clone();
        double bestValue = objective.getObjectiveFunction().value(best);
        for (int round = 0; round < RESTARTS; round++) {
            PointValuePair result = optimizer.optimize(new MaxEval(MAX_EVALUATIONS), objective, GoalType.MAXIMIZE,
                    new InitialGuess(best), new NelderMeadSimplex(steps));
            boolean improved = result.getValue() > bestValue + 1e-9 * Math.abs(bestValue);
            if (result.getValue() > bestValue) {
                best = result.getPoint();
                bestValue = result.getValue();
            }
            if (!improved && round > 0) {
                break;
            }
        }
        return best;
    }

    /**
     * {@link #maximise} from each of {@code starts}, keeping the best: the likelihoods here can have several local
     * maxima (a flat ridge in GARCH persistence, competing jump explanations in a mixture).
     */
    static double[] maximiseFromStarts(ToDoubleFunction<double[]> logLikelihood, double[][] starts, double[] steps) {
        double[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (double[] start : starts) {
            double[] x = maximise(logLikelihood, start, steps);
            double value = logLikelihood.applyAsDouble(x);
            if (best == null || value > bestValue) {
                bestValue = value;
                best = x;
            }
        }
        return best;
    }

    /**
     * Standard errors {@code sqrt(diag(I^-1))} with {@code I} the observed information (negative Hessian of the
     * log-likelihood at the estimate {@code theta}, natural parameters). NaN for every parameter when the
     * information is not positive definite (an estimate on the boundary, an unidentified parameter).
     */
    static double[] standardErrors(ToDoubleFunction<double[]> logLikelihood, double[] theta) {
        int k = theta.length;
        double[] h = new double[k];
        for (int i = 0; i < k; i++) {
            h[i] = 1e-4 * Math.max(Math.abs(theta[i]), 1e-6);
        }
        double f0 = logLikelihood.applyAsDouble(theta);
        double[][] hessian = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                double value;
                if (i == j) {
                    double plus = logLikelihood.applyAsDouble(shift(theta, i, h[i], j, 0));
                    double minus = logLikelihood.applyAsDouble(shift(theta, i, -h[i], j, 0));
                    value = (plus - 2 * f0 + minus) / (h[i] * h[i]);
                } else {
                    double pp = logLikelihood.applyAsDouble(shift(theta, i, h[i], j, h[j]));
                    double pm = logLikelihood.applyAsDouble(shift(theta, i, h[i], j, -h[j]));
                    double mp = logLikelihood.applyAsDouble(shift(theta, i, -h[i], j, h[j]));
                    double mm = logLikelihood.applyAsDouble(shift(theta, i, -h[i], j, -h[j]));
                    value = (pp - pm - mp + mm) / (4 * h[i] * h[j]);
                }
                hessian[i][j] = -value;
                hessian[j][i] = -value;
            }
        }
        double[] se = new double[k];
        Arrays.fill(se, Double.NaN);
        try {
            RealMatrix info = MatrixUtils.createRealMatrix(hessian);
            RealMatrix covariance = new LUDecomposition(info).getSolver().getInverse();
            for (int i = 0; i < k; i++) {
                if (!(covariance.getEntry(i, i) > 0) || !Double.isFinite(covariance.getEntry(i, i))) {
                    Arrays.fill(se, Double.NaN);
                    return se;
                }
                se[i] = Math.sqrt(covariance.getEntry(i, i));
            }
        } catch (SingularMatrixException e) {
            Arrays.fill(se, Double.NaN);
        }
        return se;
    }

    private static double[] shift(double[] theta, int i, double di, int j, double dj) {
        double[] x = theta.clone();
        x[i] += di;
        x[j] += dj;
        return x;
    }

    /** The logistic function, mapping the real line onto (0, 1). */
    static double logistic(double x) {
        return 1.0 / (1.0 + Math.exp(-x));
    }

    /** Inverse of {@link #logistic}. */
    static double logit(double p) {
        return Math.log(p / (1.0 - p));
    }

    static double mean(double[] x) {
        return StatUtils.mean(x);
    }

    /** Sample variance with divisor n - 1. */
    static double variance(double[] x) {
        return StatUtils.variance(x);
    }
}
