package io.marginsim.analysis;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Breach probability over the first one or two axes of a finished sweep, for a chart. Further axes are held at
 * their first value (said in {@link #note}), so the slice is as small as the first two axes whatever the grid.
 *
 * @param y           the second axis, or null for a one-axis sweep
 * @param probability {@code [y][x]}; NaN where the journal has no row for the cell
 * @param low         Wilson 95% interval, same layout
 */
public record SweepSlice(SweepAxis x, SweepAxis y, double[][] probability, double[][] low, double[][] high,
                         String note) {

    public static SweepSlice read(SweepPlan plan, Path jsonl) throws IOException {
        List<SweepAxis> axes = plan.axes();
        SweepAxis x = axes.get(0);
        SweepAxis y = axes.size() > 1 ? axes.get(1) : null;
        int rows = y == null ? 1 : y.values().size();
        int cols = x.values().size();
        double[][] p = nan(rows, cols);
        double[][] low = nan(rows, cols);
        double[][] high = nan(rows, cols);
        SweepJournal.forEachRow(plan, jsonl, row -> {
            List<JsonNode> values = row.values();
            for (int a = 2; a < axes.size(); a++) {
                if (!values.get(a).equals(axes.get(a).values().getFirst())) {
                    return;
                }
            }
            int col = x.values().indexOf(values.get(0));
            int r = y == null ? 0 : y.values().indexOf(values.get(1));
            p[r][col] = row.breachProbability();
            low[r][col] = row.breachProbabilityCi95()[0];
            high[r][col] = row.breachProbabilityCi95()[1];
        });
        StringBuilder note = new StringBuilder();
        for (int a = 2; a < axes.size(); a++) {
            note.append(note.isEmpty() ? "at " : ", ").append(axes.get(a).path()).append(" = ")
                    .append(axes.get(a).values().getFirst());
        }
        return new SweepSlice(x, y, p, low, high, note.toString());
    }

    /** Whether every value of the first axis is a number, so it can be a chart's x axis rather than categories. */
    public boolean numericX() {
        return x.values().stream().allMatch(JsonNode::isNumber);
    }

    private static double[][] nan(int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (double[] row : out) {
            Arrays.fill(row, Double.NaN);
        }
        return out;
    }
}
