package io.marginsim.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marginsim.result.Report;
import io.marginsim.result.ReportBuilder;
import io.marginsim.result.ReportFormat;
import io.marginsim.simulation.Simulation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of one sweep cell, as written to the journal (one JSON line) and the CSV. The CSV line is a function
 * of the row alone and every double survives the JSON round trip exactly, so a row read back from the journal
 * prints the same bytes as the row that was computed. The CSV holds results only — the same seed gives the same
 * bytes on every run — while the journal also records the run settings ({@link SweepSettings}) and the measured
 * speed. Serializable (its JSON values are) so a row computed on another machine can travel back to the one that
 * journals it.
 *
 * @param buffers               extra cash for each of the sweep's targets, in target order; NaN (an empty cell,
 *                              null in the journal) for a target the cell's paths cannot resolve
 * @param medianTimeToBreachDays NaN when no path breached
 */
public record SweepRow(long cell, List<JsonNode> values, double breachProbability, double[] breachProbabilityCi95,
                       List<Double> buffers, double medianTimeToBreachDays, double pathStepsPerSecond)
        implements Serializable {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static SweepRow of(long cell, List<JsonNode> values, Simulation run, List<Double> targets) {
        Report report = run.report();
        double[] levels = targets.stream().mapToDouble(Double::doubleValue).toArray();
        List<Double> buffers = new ArrayList<>();
        for (double buffer : ReportBuilder.resolvedBuffers(run.stats().worstShortfall(), levels)) {
            buffers.add(buffer);
        }
        Double median = report.timeToBreachQuantilesDays().get("0.5");
        return new SweepRow(cell, values, report.breachProbability(), report.breachProbabilityCi95(), buffers,
                median == null ? Double.NaN : median, report.pathStepsPerSecond());
    }

    /** One journal line, without the newline; the plan's fingerprint and the run settings tie it to its sweep. */
    String toJson(SweepPlan plan, SweepSettings settings) {
        ObjectNode o = JSON.createObjectNode();
        o.put("sweep", plan.fingerprint());
        o.set("run", settings.json());
        o.put("cell", cell);
        ObjectNode axes = o.putObject("axes");
        for (SweepAxis axis : plan.axes()) {
            axes.set(axis.path(), values.get(axis.index()));
        }
        o.put("breachProbability", breachProbability);
        o.putArray("breachProbabilityCi95").add(breachProbabilityCi95[0]).add(breachProbabilityCi95[1]);
        ObjectNode buffer = o.putObject("buffer");
        for (int t = 0; t < buffers.size(); t++) {
            putNumber(buffer, ReportBuilder.key(plan.targets().get(t)), buffers.get(t));
        }
        putNumber(o, "medianTimeToBreachDays", medianTimeToBreachDays);
        o.put("pathStepsPerSecond", pathStepsPerSecond);
        return o.toString();
    }

    /** Reads a journal line back; the caller has checked its fingerprint and cell. */
    static SweepRow fromJson(JsonNode o, SweepPlan plan) {
        long cell = o.get("cell").asLong();
        List<Double> buffers = new ArrayList<>();
        for (double target : plan.targets()) {
            buffers.add(number(o.get("buffer").get(ReportBuilder.key(target))));
        }
        ArrayNode ci = (ArrayNode) o.get("breachProbabilityCi95");
        return new SweepRow(cell, plan.values(cell), o.get("breachProbability").asDouble(),
                new double[] {ci.get(0).asDouble(), ci.get(1).asDouble()}, buffers,
                number(o.get("medianTimeToBreachDays")), o.get("pathStepsPerSecond").asDouble());
    }

    /** JSON has no NaN: a value that does not exist (no breach, no buffer) is written as {@code null}. */
    private static void putNumber(ObjectNode o, String key, double value) {
        if (Double.isFinite(value)) {
            o.put(key, value);
        } else {
            o.putNull(key);
        }
    }

    /** Reads what {@link #putNumber} wrote: {@code null} is NaN again. */
    private static double number(JsonNode value) {
        return value.isNull() ? Double.NaN : value.asDouble();
    }

    static String csvHeader(SweepPlan plan) {
        StringBuilder s = new StringBuilder("cell");
        for (SweepAxis axis : plan.axes()) {
            s.append(',').append(csvText(axis.path()));
        }
        s.append(",breachProbability,breachProbabilityCi95.low,breachProbabilityCi95.high");
        for (double target : plan.targets()) {
            s.append(",buffer.").append(ReportBuilder.key(target));
        }
        return s.append(",medianTimeToBreachDays\n").toString();
    }

    String csvLine() {
        StringBuilder s = new StringBuilder().append(cell);
        for (JsonNode value : values) {
            s.append(',').append(csvText(value.isTextual() ? value.textValue() : value.toString()));
        }
        s.append(',').append(breachProbability).append(',').append(breachProbabilityCi95[0])
                .append(',').append(breachProbabilityCi95[1]);
        for (double buffer : buffers) {
            s.append(',').append(ReportFormat.csvCell(buffer));
        }
        s.append(',').append(ReportFormat.csvCell(medianTimeToBreachDays));
        return s.append('\n').toString();
    }

    private static String csvText(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
