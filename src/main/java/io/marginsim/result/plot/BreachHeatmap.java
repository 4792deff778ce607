package io.marginsim.result.plot;

import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.HeatMapStyler;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/** Breach probability over two sweep axes as a heat map, each cell labelled with its value. */
public final class BreachHeatmap {
    /** Pale yellow to red: low risk reads as pale, high as alarming, and black labels stay legible on every cell. */
    private static final Color[] RANGE = {new Color(0xffffcc), new Color(0xfed976), new Color(0xfd8d3c),
            new Color(0xf03b20)};

    private BreachHeatmap() {
    }

    /**
     * @param probability {@code [y][x]}; NaN cells (not yet run) are left blank
     */
    public static HeatMapChart of(String xAxis, List<String> xLabels, String yAxis, List<String> yLabels,
                                  double[][] probability, String note) {
        Png.headless();
        HeatMapChart chart = new HeatMapChartBuilder().width(Png.WIDTH).height(Png.HEIGHT)
                .title("Breach probability" + (note.isEmpty() ? "" : " (" + note + ")"))
                .xAxisTitle(xAxis).yAxisTitle(yAxis).build();
        List<Number[]> cells = new ArrayList<>();
        for (int r = 0; r < probability.length; r++) {
            for (int c = 0; c < probability[r].length; c++) {
                if (!Double.isNaN(probability[r][c])) {
                    cells.add(new Number[] {c, r, probability[r][c]});
                }
            }
        }
        chart.addSeries("breach probability", drawable(xLabels), drawable(yLabels), cells);
        HeatMapStyler styler = chart.getStyler();
        styler.setRangeColors(RANGE);
        styler.setMin(0);
        styler.setMax(maxOf(probability));
        styler.setShowValue(true);
        styler.setHeatMapValueDecimalPattern("0.000");
        styler.setValueFontColor(Color.BLACK);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setChartTitleBoxVisible(false);
        return chart;
    }

    /**
     * The labels with an empty one (a sweep over text values may hold {@code ""}) shown as {@code ""}: the chart
     * library cannot lay out an empty string.
     */
    private static List<String> drawable(List<String> labels) {
        return labels.stream().map(l -> l.isEmpty() ? "\"\"" : l).toList();
    }

    private static double maxOf(double[][] values) {
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                if (v > max) {
                    max = v;
                }
            }
        }
        // a sweep where nothing breaches still needs a non-empty colour scale
        return max > 0 ? max : 1;
    }
}
