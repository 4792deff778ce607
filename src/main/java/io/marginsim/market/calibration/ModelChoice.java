package io.marginsim.market.calibration;

import io.marginsim.check.SpecException;
import io.marginsim.market.GbmMarket;
import io.marginsim.market.MertonJumps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Which fitted model an asset takes into a spec, and the asset keys that make the simulation reproduce that fit:
 * the same one-step law of the log return at a step of the data's interval.
 *
 * <p>A spec's asset draws its step's log return as {@code mu dt - v/2 + shock (+ jumps - compensator)} (README,
 * Drift), {@code v} the shock's variance. So the drift is never the fitted mean itself but the mean plus what the
 * spec takes off: Student-t sets {@code volatility = scale sqrt(nu / (nu - 2) / dt)} (the spec's t is unit-variance
 * times volatility) and {@code drift = location / dt + volatility^2 / 2}; GARCH starts at the filter's forecast for
 * the next interval ({@code initialVolatility}) with {@code drift = mean / dt + h_next / (2 dt)}; Merton writes the
 * diffusion volatility (the jumps carry the rest of the variance) and adds back the jump compensator.
 *
 * <p>{@code auto} takes the smallest AIC among fits that are not on a boundary (see {@link #boundary}): a boundary
 * estimate is where the likelihood ran out of room, not a property of the data a simulation should inherit.
 */
public enum ModelChoice {
    GBM, STUDENT_T, GARCH, MERTON, AUTO;

    /** At or below this the t's variance barely exists: its volatility is driven by a handful of returns. */
    static final double MIN_DOF = 2.05;
    /** The spec's largest {@code degreesOfFreedom}; a fit above it shows no fat tails. */
    static final double MAX_SPEC_DOF = 200;
    /** GARCH persistence at or above this is integrated in effect: its long-run variance is not estimated. */
    static final double MAX_PERSISTENCE = 0.999;
    /** A GARCH omega below this fraction of the sample variance is on its bound 0. */
    static final double MIN_OMEGA_SHARE = 1e-6;
    /** Merton's expected jumps per interval are capped below 1 in the fit; at this share of the cap it is on it. */
    static final double MAX_JUMPS_PER_INTERVAL = 0.99;

    /**
     * One asset's choice.
     *
     * @param model      the model whose keys these are
     * @param keys       the asset's market-model keys in spec units (drift included); null when the fit has none a
     *                   spec can hold (Student-t on its floor of 2 degrees of freedom)
     * @param volatility the annualised volatility of the next interval (GARCH: the forecast; Merton: diffusion and
     *                   jumps together)
     * @param boundary   empty, or one sentence on why the fit of the requested model is on a boundary
     * @param refused    empty, or why a spec refuses the keys (the caller's check, e.g. a volatility above 10)
     * @param note       empty, or one sentence for the user: the boundary, or which model auto passed over and why
     */
    public record Fitted(String model, Map<String, Object> keys, double volatility, String boundary, String refused,
                         String note) {
        public boolean onBoundary() {
            return !boundary.isEmpty();
        }

        /** Whether a spec can run these keys. */
        public boolean usable() {
            return keys != null && refused.isEmpty();
        }
    }

    /** The name on the command line and in output. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ModelChoice parse(String option, String value) {
        for (ModelChoice m : values()) {
            if (m.label().equals(value)) {
                return m;
            }
        }
        throw new SpecException(option, "must be gbm, student-t, garch, merton or auto but was \"" + value + "\"");
    }

    /** Fits only what this choice needs ({@code auto}: every model) and chooses, taking every key set as runnable. */
    public Fitted fit(double[] returns, double intervalDays) {
        return fit(returns, intervalDays, keys -> "");
    }

    /**
     * Fits only what this choice needs and chooses.
     *
     * @param refusal empty when a spec runs the asset keys given, else why not (a sentence fragment)
     */
    public Fitted fit(double[] returns, double intervalDays, Function<Map<String, Object>, String> refusal) {
        Map<String, ModelFit> cache = new LinkedHashMap<>();
        return select(returns, intervalDays, refusal, name -> cache.computeIfAbsent(name, n -> switch (n) {
            case "gbm" -> GbmFit.fit(returns, intervalDays);
            case "student-t" -> StudentTFit.fit(returns, intervalDays);
            case "garch" -> GarchFit.fit(returns, intervalDays);
            case "merton" -> MertonJumpFit.fit(returns, intervalDays);
            default -> throw new IllegalArgumentException(n);
        }));
    }

    /** Chooses among fits already made; {@code refusal} as for {@link #fit(double[], double, Function)}. */
    public Fitted select(Calibration.AssetFits fits, double[] returns, double intervalDays,
                         Function<Map<String, Object>, String> refusal) {
        Map<String, ModelFit> byName = new LinkedHashMap<>();
        fits.models().forEach(m -> byName.put(m.model(), m));
        return select(returns, intervalDays, refusal, byName::get);
    }

    private Fitted select(double[] returns, double intervalDays, Function<Map<String, Object>, String> refusal,
                          Function<String, ModelFit> fits) {
        if (this != AUTO) {
            ModelFit fit = fits.apply(label());
            String boundary = boundary(fit, returns, intervalDays);
            return keys(fit, returns, intervalDays, boundary,
                    boundary.isEmpty() ? "" : fit.model() + " is on a boundary (" + boundary + ")", refusal);
        }
        List<ModelFit> byAic = new ArrayList<>();
        for (ModelChoice m : List.of(GBM, STUDENT_T, GARCH, MERTON)) {
            byAic.add(fits.apply(m.label()));
        }
        byAic.sort(Comparator.comparingDouble(ModelFit::aic));
        List<String> passed = new ArrayList<>();
        for (ModelFit fit : byAic) {
            String boundary = boundary(fit, returns, intervalDays);
            Fitted chosen = keys(fit, returns, intervalDays, boundary, "", refusal);
            // gbm is never on a boundary; if a spec refuses even it, the caller reports that
            if (fit.model().equals("gbm") || boundary.isEmpty() && chosen.usable()) {
                String note = passed.isEmpty() ? chosen.note() : MaximumLikelihood.note("auto took " + fit.model()
                        + " because AIC's better " + String.join("; ", passed), chosen.note());
                return new Fitted(chosen.model(), chosen.keys(), chosen.volatility(), "", chosen.refused(), note);
            }
            passed.add(fit.model() + (boundary.isEmpty() ? " gives keys a spec refuses (" + chosen.refused() + ")"
                    : " is on a boundary (" + boundary + ")"));
        }
        throw new IllegalStateException("gbm is always a candidate");
    }

    /**
     * Empty, or why the fit is on a boundary of its parameter space: Student-t degrees of freedom at or below
     * {@value #MIN_DOF}, GARCH persistence at or above {@value #MAX_PERSISTENCE} or omega about 0, Merton's jump
     * intensity at its cap of one jump per interval or below one jump in the whole sample. GBM has none.
     */
    public static String boundary(ModelFit fit, double[] returns, double intervalDays) {
        return switch (fit.model()) {
            case "student-t" -> fit.get("degreesOfFreedom") <= MIN_DOF
                    ? String.format(Locale.ROOT, "degrees of freedom %.4g at or below %s, where the variance barely "
                    + "exists", fit.get("degreesOfFreedom"), MIN_DOF) : "";
            case "garch" -> {
                double persistence = fit.get("alpha") + fit.get("beta");
                if (persistence >= MAX_PERSISTENCE) {
                    yield String.format(Locale.ROOT, "alpha + beta = %.6g at or above %s, an integrated variance "
                            + "whose long-run level is not estimated", persistence, MAX_PERSISTENCE);
                }
                yield fit.get("omega") < MIN_OMEGA_SHARE * MaximumLikelihood.variance(returns)
                        ? String.format(Locale.ROOT, "omega %.3g is about 0 (below %s of the sample variance)",
                        fit.get("omega"), MIN_OMEGA_SHARE) : "";
            }
            case "merton" -> {
                double perReturn = fit.get("jumpIntensity") * intervalDays / GbmMarket.DAYS_PER_YEAR;
                if (perReturn >= MAX_JUMPS_PER_INTERVAL) {
                    yield String.format(Locale.ROOT, "jump intensity %.4g a year is at the cap of one jump per "
                            + "interval", fit.get("jumpIntensity"));
                }
                yield perReturn * returns.length < 1 ? "fewer than one jump expected in the whole sample" : "";
            }
            default -> "";
        };
    }

    /** The spec keys of a fit; see the class comment for why each drift is what it is. */
    private static Fitted keys(ModelFit fit, double[] returns, double intervalDays, String boundary, String note,
                               Function<Map<String, Object>, String> refusal) {
        double dt = intervalDays / GbmMarket.DAYS_PER_YEAR;
        Map<String, Object> keys = new LinkedHashMap<>();
        double volatility;
        switch (fit.model()) {
            case "gbm" -> {
                volatility = fit.get("volatility");
                keys.put("volatility", volatility);
                keys.put("drift", fit.get("drift"));
            }
            case "student-t" -> {
                volatility = fit.get("volatility");
                if (!Double.isFinite(volatility)) {
                    // on the floor of 2 degrees of freedom the variance, and so the spec's scale, is infinite
                    return new Fitted(fit.model(), null, volatility, boundary, "its variance is infinite", note);
                }
                keys.put("volatility", volatility);
                keys.put("drift", fit.get("location") / dt + 0.5 * volatility * volatility);
                double nu = fit.get("degreesOfFreedom");
                if (nu <= MAX_SPEC_DOF) {
                    keys.put("degreesOfFreedom", nu);
                } else {
                    note = MaximumLikelihood.note(note, String.format(Locale.ROOT, "degrees of freedom %.4g above the "
                            + "spec's %s: no fat tails, written as normal with the same variance", nu, MAX_SPEC_DOF));
                }
            }
            case "garch" -> {
                double[] h = GarchFit.conditionalVariances(returns, fit);
                double next = h[h.length - 1];
                volatility = Math.sqrt(next / dt);
                keys.put("drift", fit.get("mean") / dt + 0.5 * next / dt);
                Map<String, Object> garch = new LinkedHashMap<>();
                garch.put("omega", fit.get("omega") / dt);
                garch.put("alpha", fit.get("alpha"));
                garch.put("beta", fit.get("beta"));
                garch.put("initialVolatility", volatility);
                keys.put("garch", garch);
            }
            case "merton" -> {
                double diffusion = fit.get("diffusionVolatility");
                double jumpMean = fit.get("jumpMean");
                double jumpStdev = fit.get("jumpStdev");
                double perInterval = fit.get("jumpIntensity") * dt;
                double compensator = MertonJumps.compensator(perInterval, MertonJumps.cap(perInterval), 1, jumpMean,
                        jumpStdev);
                volatility = Math.sqrt(diffusion * diffusion
                        + fit.get("jumpIntensity") * (jumpMean * jumpMean + jumpStdev * jumpStdev));
                keys.put("volatility", diffusion);
                keys.put("drift", (fit.get("location") + compensator) / dt + 0.5 * diffusion * diffusion);
                keys.put("jumpIntensity", fit.get("jumpIntensity"));
                keys.put("jumpMean", jumpMean);
                keys.put("jumpStdev", jumpStdev);
            }
            default -> throw new IllegalArgumentException("no spec keys for " + fit.model());
        }
        return new Fitted(fit.model(), keys, volatility, boundary, refusal.apply(keys), note);
    }
}
