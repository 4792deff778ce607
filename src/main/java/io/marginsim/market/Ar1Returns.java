package io.marginsim.market;

/**
 * AR(1) diffusion returns, variance-preserving: {@code x_1 = e_1}, {@code x_t = phi x_{t-1} + sqrt(1 - phi^2) e_t}.
 * With {@code e_t} i.i.d. of variance {@code v}, every {@code x_t} has variance {@code v} and
 * {@code corr(x_t, x_{t+1}) = phi} from the first step on (starting at {@code e_1} is starting in the stationary
 * law). Multi-step variance is not preserved: over {@code k} steps it tends to {@code k v (1 + phi)/(1 - phi)}.
 */
public final class Ar1Returns {
    private Ar1Returns() {
    }

    /** The return of step {@code t >= 2} from the previous return and this step's shock. */
    public static double next(double phi, double previous, double shock) {
        return phi * previous + Math.sqrt(1 - phi * phi) * shock;
    }
}
