package io.marginsim.analysis;

import io.marginsim.market.GbmMarket;
import io.marginsim.market.calibration.GarchFit;
import io.marginsim.market.calibration.GbmFit;
import io.marginsim.market.calibration.MertonJumpFit;
import io.marginsim.market.calibration.ModelFit;
import io.marginsim.market.calibration.StudentTFit;
import io.marginsim.spec.SpecException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The market model a backtest fits on each trailing window, with the {@code calibrate} fits, and the spec keys of
 * the asset it produces.
 */
public enum BacktestModel {
    GBM, STUDENT_T, GARCH, MERTON;

    /** Largest {@code degreesOfFreedom} a spec takes; a fit above it shows no fat tails, so the asset stays normal. */
    static final double MAX_SPEC_DOF = 200;
    /** Largest GARCH {@code alpha + beta} passed on to the spec. */
    static final double MAX_PERSISTENCE = 0.999;

    /** One window's fit: the asset's market-model keys and a volatility to report beside the prediction. */
    public record Fit(Map<String, Object> assetKeys, double volatility) {
    }

    /** The name on the command line and in output: {@code gbm}, {@code student-t}, {@code garch}, {@code merton}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static BacktestModel parse(String option, String value) {
        for (BacktestModel m : values()) {
            if (m.label().equals(value)) {
                return m;
            }
        }
        throw new SpecException(option, "must be gbm, student-t, garch or merton but was \"" + value + "\"");
    }

    /**
     * Fits the model to {@code returns} and gives the asset's keys. With {@code fittedDrift} the drift is the GBM
     * moment estimate {@code mean / dt + s^2 / (2 dt)}, which estimates {@code E[S_t+dt / S_t] = exp(mu dt)} whatever
     * the model, the meaning a spec's drift has under every model; otherwise it is 0.
     */
    public Fit fit(double[] returns, double intervalDays, boolean fittedDrift) {
        Map<String, Object> keys = new LinkedHashMap<>();
        ModelFit gbm = GbmFit.fit(returns, intervalDays);
        keys.put("drift", fittedDrift ? gbm.get("drift") : 0.0);
        double volatility;
        switch (this) {
            case GBM -> {
                volatility = gbm.get("volatility");
                keys.put("volatility", volatility);
            }
            case STUDENT_T -> {
                ModelFit t = StudentTFit.fit(returns, intervalDays);
                // the t's own variance, scale^2 nu / (nu - 2), explodes as a year of returns drives nu toward 2,
                // and a spec's log-return mean subtracts half the variance: so the fit gives the tail shape and
                // the sample variance the scale, as for GBM
                volatility = gbm.get("volatility");
                keys.put("volatility", volatility);
                if (t.get("degreesOfFreedom") <= MAX_SPEC_DOF) {
                    keys.put("degreesOfFreedom", t.get("degreesOfFreedom"));
                }
            }
            case GARCH -> {
                ModelFit g = GarchFit.fit(returns, intervalDays);
                double perYear = GbmMarket.DAYS_PER_YEAR / intervalDays;
                // start from the filter's forecast for the day after the window, not the long-run variance: the
                // point of GARCH is that risk after a calm month differs from risk after a crash
                double[] h = GarchFit.conditionalVariances(returns, g);
                volatility = Math.sqrt(h[h.length - 1] * perYear);
                Map<String, Object> garch = new LinkedHashMap<>();
                garch.put("omega", g.get("omega") * perYear);
                double alpha = g.get("alpha");
                garch.put("alpha", alpha);
                // a fit on the stationarity bound (a short window of a trending market) can round alpha + beta
                // to 1, which a spec refuses; over a horizon of days persistence 0.999 forecasts the same variance
                garch.put("beta", Math.min(g.get("beta"), MAX_PERSISTENCE - alpha));
                garch.put("initialVolatility", volatility);
                keys.put("garch", garch);
            }
            case MERTON -> {
                ModelFit m = MertonJumpFit.fit(returns, intervalDays);
                double diffusion = m.get("diffusionVolatility");
                double intensity = m.get("jumpIntensity");
                double jumpMean = m.get("jumpMean");
                double jumpStdev = m.get("jumpStdev");
                keys.put("volatility", diffusion);
                keys.put("jumpIntensity", intensity);
                keys.put("jumpMean", jumpMean);
                keys.put("jumpStdev", jumpStdev);
                // total annual variance of the log return: diffusion plus compound Poisson jumps
                volatility = Math.sqrt(diffusion * diffusion + intensity * (jumpMean * jumpMean + jumpStdev * jumpStdev));
            }
            default -> throw new IllegalStateException("unknown model " + this);
        }
        return new Fit(keys, volatility);
    }
}
