package io.marginsim.market.calibration;

import io.marginsim.market.GbmMarket;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link Calibration}: the spec fragment (JSON), the full report (JSON) and a table for people.
 *
 * <p>The fragment's {@code assets} and {@code correlation} are a valid GBM spec's market as they stand. Fitted
 * model parameters sit apart under {@code fitted}, with the keys the richer market models will read:
 * per asset {@code degreesOfFreedom}, {@code jumpIntensity} (jumps per year), {@code jumpMean} and
 * {@code jumpStdev} (log jump size), {@code garch} {@code {omega, alpha, beta}} as the spec reads it
 * ({@code omega} an annual variance rate; {@code alpha} and {@code beta} per interval of the data, which
 * {@code fitted.intervalDays} gives), and {@code dcc} {@code {a, b}} per interval.
 */
public final class CalibrationReport {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CalibrationReport() {
    }

    /** The spec fragment written by {@code calibrate --out}. */
    public static ObjectNode fragment(Calibration c, String source) {
        ObjectNode root = JSON.objectNode();
        ArrayNode assets = root.putArray("assets");
        ArrayNode fittedAssets = JSON.arrayNode();
        for (Calibration.AssetFits a : c.assets()) {
            ObjectNode asset = assets.addObject();
            asset.put("name", a.name());
            asset.put("price", a.lastPrice());
            asset.put("volatility", a.gbm().get("volatility"));
            asset.put("drift", a.gbm().get("drift"));
            ObjectNode fitted = fittedAssets.addObject();
            fitted.put("name", a.name());
            fitted.put("degreesOfFreedom", a.studentT().get("degreesOfFreedom"));
            fitted.put("jumpIntensity", a.merton().get("jumpIntensity"));
            fitted.put("jumpMean", a.merton().get("jumpMean"));
            fitted.put("jumpStdev", a.merton().get("jumpStdev"));
            ObjectNode garch = fitted.putObject("garch");
            // the spec's omega is an annual rate: h' = omega dt + (alpha u^2 + beta) h with dt in years
            garch.put("omega", a.garch().get("omega") * GbmMarket.DAYS_PER_YEAR / c.series().intervalDays());
            garch.put("alpha", a.garch().get("alpha"));
            garch.put("beta", a.garch().get("beta"));
        }
        ArrayNode matrix = root.putArray("correlation");
        for (double[] row : c.correlation().matrix()) {
            ArrayNode r = matrix.addArray();
            for (double v : row) {
                r.add(v);
            }
        }
        ObjectNode fitted = root.putObject("fitted");
        fitted.put("source", source);
        fitted.put("returns", c.series().rows() - 1);
        fitted.put("intervalDays", c.series().intervalDays());
        fitted.put("asOf", c.series().lastTime().toString());
        fitted.put("correlationRepaired", c.correlation().repaired());
        fitted.set("assets", fittedAssets);
        if (c.dcc() != null) {
            ObjectNode dcc = fitted.putObject("dcc");
            dcc.put("a", c.dcc().get("a"));
            dcc.put("b", c.dcc().get("b"));
        }
        return root;
    }

    /** Everything: every model's estimates, standard errors, log-likelihood and AIC, and the fragment. */
    public static ObjectNode json(Calibration c, String source) {
        ObjectNode root = JSON.objectNode();
        root.put("source", source);
        root.put("returns", c.series().rows() - 1);
        root.put("intervalDays", c.series().intervalDays());
        ArrayNode assets = root.putArray("assets");
        for (Calibration.AssetFits a : c.assets()) {
            ObjectNode asset = assets.addObject();
            asset.put("name", a.name());
            asset.put("preferredModel", a.preferred().model());
            ArrayNode models = asset.putArray("models");
            a.models().forEach(m -> models.add(model(m)));
        }
        ObjectNode correlation = root.putObject("correlation");
        correlation.set("matrix", fragment(c, source).get("correlation"));
        correlation.put("repaired", c.correlation().repaired());
        number(correlation, "smallestEigenvalue", c.correlation().smallestEigenvalue());
        if (c.dcc() != null) {
            ObjectNode dynamics = root.putObject("correlationDynamics");
            dynamics.put("preferredModel", c.preferredCorrelationModel().model());
            dynamics.putArray("models").add(model(c.dcc())).add(model(c.constantCorrelation()));
        }
        root.set("fragment", fragment(c, source));
        return root;
    }

    private static JsonNode model(ModelFit m) {
        ObjectNode node = JSON.objectNode();
        node.put("model", m.model());
        number(node, "logLikelihood", m.logLikelihood());
        node.put("parameters", m.parameterCount());
        number(node, "aic", m.aic());
        ObjectNode estimates = node.putObject("estimates");
        m.parameters().forEach((k, v) -> number(estimates, k, v));
        ObjectNode errors = node.putObject("standardErrors");
        m.standardErrors().forEach((k, v) -> number(errors, k, v));
        if (!m.note().isEmpty()) {
            node.put("note", m.note());
        }
        return node;
    }

    private static void number(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
    }

    /** A table for people: one block per asset, every model's log-likelihood, parameter count and AIC. */
    public static String table(Calibration c, String source) {
        StringBuilder out = new StringBuilder();
        double interval = c.series().intervalDays();
        out.append(String.format(Locale.ROOT, "%s: %d returns at an interval of %s %s (years of 365 days)%n%n",
                source, c.series().rows() - 1, g(interval), interval == 1 ? "day" : "days"));
        for (Calibration.AssetFits a : c.assets()) {
            out.append(String.format(Locale.ROOT, "%s  last price %s; AIC prefers %s%n", a.name(), g(a.lastPrice()),
                    a.preferred().model()));
            rows(out, a.models());
            out.append(System.lineSeparator());
        }
        out.append("correlation of log returns").append(c.correlation().repaired()
                ? String.format(Locale.ROOT, " (smallest eigenvalue %s: replaced by the nearest correlation matrix)",
                g(c.correlation().smallestEigenvalue())) : "").append(System.lineSeparator());
        for (double[] row : c.correlation().matrix()) {
            for (double v : row) {
                out.append(String.format(Locale.ROOT, " %8.4f", v));
            }
            out.append(System.lineSeparator());
        }
        if (c.dcc() != null) {
            out.append(String.format(Locale.ROOT, "%ncorrelation dynamics (second-step likelihood); AIC prefers %s%n",
                    c.preferredCorrelationModel().model()));
            rows(out, List.of(c.dcc(), c.constantCorrelation()));
        }
        return out.toString();
    }

    private static void rows(StringBuilder out, List<ModelFit> models) {
        out.append(String.format(Locale.ROOT, "  %-21s %14s %3s %14s  %s%n", "model", "log-lik", "k", "AIC",
                "estimates (standard error)"));
        for (ModelFit m : models) {
            StringBuilder estimates = new StringBuilder();
            for (Map.Entry<String, Double> e : m.parameters().entrySet()) {
                double se = m.standardError(e.getKey());
                // no standard error (a derived value, an estimate on a bound) shows none; the note says why
                estimates.append(e.getKey()).append('=').append(g(e.getValue()))
                        .append(Double.isFinite(se) ? " (" + g(se) + ")" : "").append("  ");
            }
            out.append(String.format(Locale.ROOT, "  %-21s %14s %3d %14s  %s%n", m.model(), likelihood(m.logLikelihood()),
                    m.parameterCount(), likelihood(m.aic()), estimates.toString().strip()));
            if (!m.note().isEmpty()) {
                out.append("  ").append(" ".repeat(21)).append("  note: ").append(m.note()).append(System.lineSeparator());
            }
        }
    }

    /** Three decimals while that fits the column; scientific notation beyond (never hundreds of digits). */
    static String likelihood(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, Math.abs(v) < 1e9 ? "%.3f" : "%.6e", v);
    }

    private static String g(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.5g", v) : "n/a";
    }
}
