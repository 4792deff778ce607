package io.marginsim.market.calibration;

import io.marginsim.market.GbmMarket;
import org.apache.commons.math3.special.Gamma;

/**
 * Student-t log returns by maximum likelihood: {@code r = location + scale * T} with {@code T} Student-t of
 * {@code nu} degrees of freedom, density
 * {@code Gamma((nu+1)/2) / (Gamma(nu/2) sqrt(nu pi) scale) * (1 + z^2/nu)^(-(nu+1)/2)}, {@code z = (r - location) / scale}.
 *
 * <p>The degrees of freedom are kept in ({@value #MIN_DOF}, {@value #MAX_DOF}]: above 2 so the variance (and hence
 * a volatility) exists, and capped where the t is indistinguishable from the normal. The search runs over
 * {@code (location, ln scale, ln(nu - 2))} with Commons Math's Nelder-Mead simplex, started from the moments and
 * {@code nu = 6}. The scale must stay above 0.1% of the sample standard deviation, which excludes the degenerate
 * maximum of a point mass on many identical returns. Standard errors come from the observed information in
 * {@code (location, scale, nu)}; at the cap they are NaN, and an estimate on a bound (the floor of the degrees of
 * freedom or of the scale) has none and a note.
 */
public final class StudentTFit {
    static final double MIN_DOF = 2.0;
    static final double MAX_DOF = 1000.0;
    /** The scale stays above this fraction of the sample standard deviation. */
    static final double SCALE_FLOOR = 1e-3;

    private StudentTFit() {
    }

    /**
     * @return parameters {@code degreesOfFreedom}, {@code location} and {@code scale} (per interval, log-return
     *         units) and the derived annualised {@code volatility = scale sqrt(nu / (nu - 2) / dt)}; three free
     *         parameters
     */
    public static ModelFit fit(double[] returns, double intervalDays) {
        double mean = MaximumLikelihood.mean(returns);
        double sd = Math.sqrt(MaximumLikelihood.variance(returns));
        double startDof = 6;
        double[] start = {mean, Math.log(sd * Math.sqrt((startDof - 2) / startDof)), Math.log(startDof - MIN_DOF)};
        // a scale floor, like Merton's diffusion floor: many identical returns (stale prices) would otherwise let the
        // likelihood grow without bound as a point mass collapses onto them
        double floor = SCALE_FLOOR * sd;
        double[] best = MaximumLikelihood.maximise(
                x -> Math.exp(x[1]) > floor ? logLikelihood(returns, x[0], Math.exp(x[1]), dof(x[2]))
                        : MaximumLikelihood.IMPOSSIBLE,
                start, new double[] {0.1 * sd, 0.2, 0.5});
        double location = best[0];
        double scale = Math.exp(best[1]);
        double nu = dof(best[2]);
        double[] natural = {nu, location, scale};
        MaximumLikelihood.StandardErrors errors = MaximumLikelihood.standardErrors(
                x -> x[0] > MIN_DOF && x[2] > floor ? logLikelihood(returns, x[1], x[2], x[0]) : MaximumLikelihood.IMPOSSIBLE,
                natural);
        double[] se = errors.values();
        String note = errors.boundNote("degreesOfFreedom", "location", "scale");
        if (nu >= MAX_DOF * 0.999) {
            se = new double[] {Double.NaN, Double.NaN, Double.NaN};
            note = "degrees of freedom at the cap " + (int) MAX_DOF + ": the returns show no fat tails";
        }
        double dt = intervalDays / GbmMarket.DAYS_PER_YEAR;
        // on the floor 2 the variance is infinite: no volatility to report
        double volatility = errors.onBound()[0] ? Double.NaN : scale * Math.sqrt(nu / (nu - 2) / dt);
        if (errors.onBound()[0]) {
            note = MaximumLikelihood.note(note, "the variance is infinite at 2 degrees of freedom, so there is no volatility");
        }
        return new ModelFit("student-t",
                ModelFit.named(new String[] {"degreesOfFreedom", "location", "scale", "volatility"},
                        new double[] {nu, location, scale, volatility}),
                ModelFit.named(new String[] {"degreesOfFreedom", "location", "scale", "volatility"},
                        new double[] {se[0], se[1], se[2], Double.NaN}),
                logLikelihood(returns, location, scale, nu), 3, note);
    }

    private static double dof(double transformed) {
        return Math.min(MIN_DOF + Math.exp(transformed), MAX_DOF);
    }

    static double logLikelihood(double[] returns, double location, double scale, double nu) {
        double constant = Gamma.logGamma(0.5 * (nu + 1)) - Gamma.logGamma(0.5 * nu) - 0.5 * Math.log(nu * Math.PI)
                - Math.log(scale);
        double power = 0.5 * (nu + 1);
        double sum = 0;
        for (double r : returns) {
            double z = (r - location) / scale;
            sum += constant - power * Math.log1p(z * z / nu);
        }
        return sum;
    }
}
