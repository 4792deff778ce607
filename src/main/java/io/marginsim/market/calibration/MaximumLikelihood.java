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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
     * Standard errors and which estimates sit on a bound of the model.
     *
     * @param values  NaN where there is none
     * @param onBound whether a step of the finite difference from the estimate leaves the model (a likelihood of 0,
     *                {@link #IMPOSSIBLE}): the estimate is then on a bound, where the observed information says nothing
     */
    record StandardErrors(double[] values, boolean[] onBound) {
        /** Empty, or one clause naming the estimates on a bound, for a fit's note. */
        String boundNote(String... names) {
            List<String> on = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                if (onBound[i]) {
                    on.add(names[i]);
                }
            }
            if (on.isEmpty()) {
                return "";
            }
            String listed = on.size() == 1 ? on.getFirst()
                    : String.join(", ", on.subList(0, on.size() - 1)) + " and " + on.getLast();
            return listed + (on.size() == 1 ? " is" : " are") + " on a bound of the model, so without a standard error";
        }

        boolean anyOnBound() {
            for (boolean b : onBound) {
                if (b) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Standard errors {@code sqrt(diag(I^-1))} with {@code I} the observed information (negative Hessian of the
     * log-likelihood at the estimate {@code theta}, natural parameters), by central differences with a step of
     * {@code 1e-4} of each parameter. An estimate on a bound (a step leaves the model) gets none, and the others are
     * conditional on it, from the information of the rest. A standard error smaller than its difference step is not
     * resolved by the differences (it would be the arithmetic of an enormous curvature, not a precision any sample of
     * returns has), so it is NaN too, as is every one when the information is not positive definite (an unidentified
     * parameter).
     */
    static StandardErrors standardErrors(ToDoubleFunction<double[]> logLikelihood, double[] theta) {
        int k = theta.length;
        double[] h = new double[k];
        for (int i = 0; i < k; i++) {
            h[i] = 1e-4 * Math.max(Math.abs(theta[i]), 1e-6);
        }
        double f0 = logLikelihood.applyAsDouble(theta);
        boolean[] onBound = new boolean[k];
        double[][] hessian = new double[k][k];
        // diagonals first: a parameter whose own step leaves the model is on a bound
        for (int i = 0; i < k; i++) {
            double plus = logLikelihood.applyAsDouble(shift(theta, i, h[i], i, 0));
            double minus = logLikelihood.applyAsDouble(shift(theta, i, -h[i], i, 0));
            onBound[i] = !(plus > IMPOSSIBLE / 2 && minus > IMPOSSIBLE / 2);
            hessian[i][i] = -(plus - 2 * f0 + minus) / (h[i] * h[i]);
        }
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                if (onBound[i] || onBound[j]) {
                    continue;
                }
                double[] values = {logLikelihood.applyAsDouble(shift(theta, i, h[i], j, h[j])),
                        logLikelihood.applyAsDouble(shift(theta, i, h[i], j, -h[j])),
                        logLikelihood.applyAsDouble(shift(theta, i, -h[i], j, h[j])),
                        logLikelihood.applyAsDouble(shift(theta, i, -h[i], j, -h[j]))};
                double value = -(values[0] - values[1] - values[2] + values[3]) / (4 * h[i] * h[j]);
                hessian[i][j] = value;
                hessian[j][i] = value;
            }
        }
        int[] interior = java.util.stream.IntStream.range(0, k).filter(i -> !onBound[i]).toArray();
        double[] se = new double[k];
        Arrays.fill(se, Double.NaN);
        if (interior.length == 0) {
            return new StandardErrors(se, onBound);
        }
        try {
            RealMatrix info = MatrixUtils.createRealMatrix(hessian).getSubMatrix(interior, interior);
            RealMatrix covariance = new LUDecomposition(info).getSolver().getInverse();
            for (int m = 0; m < interior.length; m++) {
                double variance = covariance.getEntry(m, m);
                if (!(variance > 0) || !Double.isFinite(variance)) {
                    Arrays.fill(se, Double.NaN);
                    return new StandardErrors(se, onBound);
                }
                int i = interior[m];
                se[i] = Math.sqrt(variance) < h[i] ? Double.NaN : Math.sqrt(variance);
            }
        } catch (SingularMatrixException e) {
            Arrays.fill(se, Double.NaN);
        }
        return new StandardErrors(se, onBound);
    }

    /** The non-empty ones of {@code notes}, joined into one sentence. */
    static String note(String... notes) {
        return String.join("; ", Arrays.stream(notes).filter(n -> !n.isEmpty()).toList());
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
