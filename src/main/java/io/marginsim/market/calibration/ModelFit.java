package io.marginsim.market.calibration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One fitted model of one data set: its parameters (in the units the fitting class documents), their asymptotic
 * standard errors (NaN where not available), the maximised log-likelihood and the number of free parameters.
 *
 * @param model          short name: {@code gbm}, {@code student-t}, {@code garch}, {@code merton}, {@code dcc}, ...
 * @param parameters     name to estimate, in a stable order
 * @param standardErrors name to standard error, same keys
 * @param note           empty, or one sentence on how to read the fit (an estimate on a bound, say)
 */
public record ModelFit(String model, Map<String, Double> parameters, Map<String, Double> standardErrors,
                       double logLikelihood, int parameterCount, String note) {
    public ModelFit {
        note = note == null ? "" : note;
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        standardErrors = Collections.unmodifiableMap(new LinkedHashMap<>(standardErrors));
    }

    public ModelFit(String model, Map<String, Double> parameters, Map<String, Double> standardErrors,
                    double logLikelihood, int parameterCount) {
        this(model, parameters, standardErrors, logLikelihood, parameterCount, "");
    }

    /** Akaike's information criterion, {@code 2k - 2 ln L}; smaller is better. */
    public double aic() {
        return 2.0 * parameterCount - 2.0 * logLikelihood;
    }

    public double get(String name) {
        Double v = parameters.get(name);
        if (v == null) {
            throw new IllegalArgumentException(model + " has no parameter " + name);
        }
        return v;
    }

    public double standardError(String name) {
        return standardErrors.getOrDefault(name, Double.NaN);
    }

    /** Builds the ordered maps of a fit. */
    static Map<String, Double> named(String[] names, double[] values) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            out.put(names[i], values[i]);
        }
        return out;
    }
}
