package io.marginsim.engine;

/**
 * The Brownian bridge between a step's two endpoints: its least value and, when it reaches a barrier, when. The one
 * definition of this math for every engine (the vector engine calls it; {@code kernels/monitor.cl} mirrors it).
 *
 * <p>For Brownian motion with variance {@code v} per step, pinned at {@code x0} and {@code x1}, the minimum is
 * {@code (x0 + x1 - sqrt((x1 - x0)^2 - 2 v log U)) / 2} for a uniform {@code U}, so it falls below a barrier
 * {@code b < x0, x1} with probability {@code exp(-2 (x0 - b)(x1 - b) / v)} (Beaglehole, Dybvig and Zhou 1997;
 * Glasserman 2004, section 6.4). Sampling the minimum rather than only the crossing keeps breach and buffer
 * consistent: adding cash {@code c} moves the minimum by {@code c}, as it moves the endpoints.
 */
public final class BridgeCrossing {
    private BridgeCrossing() {
    }

    /** Least value over the step of a bridge from {@code x0} to {@code x1} with variance {@code v} per step. */
    public static double minimum(double x0, double x1, double v, double u) {
        double d = x1 - x0;
        return 0.5 * (x0 + x1 - Math.sqrt(d * d - 2 * v * Math.log(u)));
    }

    /** Greatest value over the step: the minimum of the mirrored bridge. */
    public static double maximum(double x0, double x1, double v, double u) {
        return -minimum(-x0, -x1, v, u);
    }

    /**
     * Fraction of the step at which a bridge from {@code a > 0} to {@code c} with variance {@code v} per step first
     * reaches 0, given that it does ({@code c <= 0}, or its minimum is below 0).
     *
     * <p>Reflecting the path after the crossing turns it into a bridge from {@code a} to {@code -|c|}; writing that
     * bridge as {@code (1 - t) W(t / (1 - t))} plus its mean shows that {@code s = t / (1 - t)} is the time Brownian
     * motion with drift {@code |c| / sqrt(v)} first reaches {@code a / sqrt(v)}, which is inverse Gaussian with mean
     * {@code a / |c|} and shape {@code a^2 / v}. It is drawn by Michael, Schucany and Haas (1976) from a standard
     * normal {@code g} and a uniform {@code w}; {@code c = 0} is the limit, a Levy variable {@code a^2 / (v g^2)}.
     */
    public static double crossingTime(double a, double c, double v, double g, double w) {
        if (!(a > 0)) {
            return 0;
        }
        double shape = a * a / v;
        double s;
        if (c == 0) {
            s = shape / (g * g);
        } else {
            // the smaller root mean (1 + r - sqrt(r^2 + 2 r)), written without its cancellation for large r
            double mean = a / Math.abs(c);
            double r = mean * (g * g) / (2 * shape);
            double x = mean / (1 + r + Math.sqrt(r * (r + 2)));
            s = w <= mean / (mean + x) ? x : mean * mean / x;
        }
        return Double.isInfinite(s) ? 1 : s / (1 + s);
    }
}
