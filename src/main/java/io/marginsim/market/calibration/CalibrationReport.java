package io.marginsim.market.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders a {@link Calibration}: the spec fragment (JSON), the full report (JSON) and a table for people.
 *
 * <p>The fragment holds spec keys only, so it merges into a spec as it is: {@code assets} (each asset's price and
 * the market-model keys of its chosen model, {@link ModelChoice}), {@code correlation}, {@code market.dcc} when DCC
 * beats constant correlation and is not on its boundary, and {@code stepsPerDay} = 1 / the data's interval when
 * that is a whole number, the step at which GARCH's and DCC's per-interval parameters and the fitted one-step laws
 * keep their meaning.
 */
public final class CalibrationReport {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** A DCC {@code a} below this is on its bound 0: the correlation does not move. */
    static final double MIN_DCC_A = 1e-4;

    private CalibrationReport() {
    }

    /** Each asset's chosen model, in the order of the series' columns, every key set taken as runnable. */
    public static List<ModelChoice.Fitted> choose(Calibration c, ModelChoice choice) {
        return choose(c, choice, fragment -> "");
    }

    /**
     * Each asset's chosen model, in the order of the series' columns.
     *
     * @param refusal given a fragment of the one asset with its keys, empty when a spec runs it, else why not
     */
    public static List<ModelChoice.Fitted> choose(Calibration c, ModelChoice choice,
                                                  Function<ObjectNode, String> refusal) {
        List<ModelChoice.Fitted> out = new ArrayList<>();
        for (int a = 0; a < c.assets().size(); a++) {
            Calibration.AssetFits fits = c.assets().get(a);
            out.add(choice.select(fits, c.series().logReturns(a), c.series().intervalDays(), keys -> {
                ObjectNode one = JSON.objectNode();
                asset(one.putArray("assets"), fits, keys);
                if (stepsPerDay(c) > 0) {
                    one.put("stepsPerDay", stepsPerDay(c));
                }
                return refusal.apply(one);
            }));
        }
        return out;
    }

    private static void asset(ArrayNode assets, Calibration.AssetFits fits, Map<String, Object> keys) {
        ObjectNode asset = assets.addObject();
        asset.put("name", fits.name());
        asset.put("price", fits.lastPrice());
        asset.setAll((ObjectNode) MAPPER.valueToTree(keys));
    }

    /** Whether the fragment carries {@code market.dcc}: DCC has the smaller AIC and {@code a} is off its bound. */
    public static boolean dccWritten(Calibration c) {
        return c.dcc() != null && c.preferredCorrelationModel() == c.dcc() && c.dcc().get("a") >= MIN_DCC_A;
    }

    /** Empty, or why DCC, though AIC prefers it, is not written: its {@code a} is on the bound 0. */
    public static String dccNote(Calibration c) {
        return c.dcc() != null && c.preferredCorrelationModel() == c.dcc() && !dccWritten(c)
                ? String.format(Locale.ROOT, "dcc a = %.3g is about 0 (below %s), so the correlation does not move: "
                + "constant correlation written", c.dcc().get("a"), MIN_DCC_A) : "";
    }

    /** {@code stepsPerDay} matching the data's interval, or 0 when 1 / interval is not a whole number. */
    public static int stepsPerDay(Calibration c) {
        double steps = 1 / c.series().intervalDays();
        long whole = Math.round(steps);
        return whole >= 1 && Math.abs(steps - whole) <= 0.01 * steps ? (int) whole : 0;
    }

    /**
     * The spec fragment written by {@code calibrate --out}; {@code chosen} from {@link #choose}, every one with
     * keys (callers refuse a fit that has none).
     */
    public static ObjectNode fragment(Calibration c, List<ModelChoice.Fitted> chosen) {
        ObjectNode root = JSON.objectNode();
        ArrayNode assets = root.putArray("assets");
        for (int i = 0; i < chosen.size(); i++) {
            asset(assets, c.assets().get(i), chosen.get(i).keys());
        }
        root.set("correlation", matrix(c));
        if (dccWritten(c)) {
            ObjectNode dcc = root.putObject("market").putObject("dcc");
            dcc.put("a", c.dcc().get("a"));
            dcc.put("b", c.dcc().get("b"));
        }
        if (stepsPerDay(c) > 0) {
            root.put("stepsPerDay", stepsPerDay(c));
        }
        return root;
    }

    private static ArrayNode matrix(Calibration c) {
        ArrayNode matrix = JSON.arrayNode();
        for (double[] row : c.correlation().matrix()) {
            ArrayNode r = matrix.addArray();
            for (double v : row) {
                r.add(v);
            }
        }
        return matrix;
    }

    /**
     * The smallest spec around a fragment: one unit long of its first asset, funded in full, over one day. It is
     * how {@code calibrate} checks that a fragment runs before writing it, and how a one-step simulation of the
     * fragment is set up.
     */
    public static ObjectNode probeSpec(ObjectNode fragment) {
        ObjectNode spec = fragment.deepCopy();
        JsonNode first = fragment.path("assets").get(0);
        ObjectNode position = spec.putObject("account").put("cash", first.path("price").asDouble())
                .putArray("positions").addObject();
        position.put("asset", first.path("name").asText()).put("size", 1.0)
                .put("entryPrice", first.path("price").asDouble());
        position.putObject("rules").put("type", "flat").put("rate", 0.01);
        spec.put("horizonDays", 1).put("paths", 1);
        return spec;
    }

    /**
     * Everything: every model's estimates, standard errors (and why one is absent), log-likelihood and AIC, the
     * model written per asset, and the fragment (null when it would not run).
     */
    public static ObjectNode json(Calibration c, String source, List<ModelChoice.Fitted> chosen, ObjectNode fragment) {
        ObjectNode root = JSON.objectNode();
        root.put("source", source);
        root.put("returns", c.series().rows() - 1);
        root.put("intervalDays", c.series().intervalDays());
        root.put("asOf", c.series().lastTime().toString());
        ArrayNode assets = root.putArray("assets");
        for (int i = 0; i < chosen.size(); i++) {
            Calibration.AssetFits a = c.assets().get(i);
            ObjectNode asset = assets.addObject();
            asset.put("name", a.name());
            asset.put("preferredModel", a.preferred().model());
            asset.put("writtenModel", chosen.get(i).model());
            if (!chosen.get(i).note().isEmpty()) {
                asset.put("note", chosen.get(i).note());
            }
            ArrayNode models = asset.putArray("models");
            a.models().forEach(m -> models.add(model(m)));
        }
        ObjectNode correlation = root.putObject("correlation");
        correlation.set("matrix", matrix(c));
        correlation.put("repaired", c.correlation().repaired());
        number(correlation, "smallestEigenvalue", c.correlation().smallestEigenvalue());
        if (c.dcc() != null) {
            ObjectNode dynamics = root.putObject("correlationDynamics");
            dynamics.put("preferredModel", c.preferredCorrelationModel().model());
            dynamics.putArray("models").add(model(c.dcc())).add(model(c.constantCorrelation()));
        }
        root.set("fragment", fragment == null ? JSON.nullNode() : fragment);
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
        ObjectNode absent = JSON.objectNode();
        m.parameters().keySet().stream().filter(k -> !Double.isFinite(m.standardError(k)))
                .forEach(k -> absent.put(k, noStandardError(m, k)));
        if (!absent.isEmpty()) {
            node.set("noStandardError", absent);
        }
        if (!m.note().isEmpty()) {
            node.put("note", m.note());
        }
        return node;
    }

    /** Why an estimate has no standard error: every absent one says so, so a null is never left unexplained. */
    static String noStandardError(ModelFit m, String key) {
        return switch (m.model() + "." + key) {
            case "student-t.volatility" -> "derived from scale and degreesOfFreedom";
            case "garch.mean" -> "the sample mean, held fixed while the variance parameters are fitted";
            case "garch.longRunVolatility" -> "derived from omega, alpha and beta";
            default -> m.note().isEmpty() ? "not resolved by the finite-difference observed information" : m.note();
        };
    }

    private static void number(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
    }

    /** A table for people: one block per asset, every model's log-likelihood, parameter count and AIC. */
    public static String table(Calibration c, String source, List<ModelChoice.Fitted> chosen) {
        StringBuilder out = new StringBuilder();
        double interval = c.series().intervalDays();
        out.append(String.format(Locale.ROOT, "%s: %d returns at an interval of %s %s (years of 365 days)%n%n",
                source, c.series().rows() - 1, g(interval), interval == 1 ? "day" : "days"));
        for (int i = 0; i < chosen.size(); i++) {
            Calibration.AssetFits a = c.assets().get(i);
            out.append(String.format(Locale.ROOT, "%s  last price %s; AIC prefers %s; the fragment takes %s%n",
                    a.name(), g(a.lastPrice()), a.preferred().model(), chosen.get(i).model()));
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
