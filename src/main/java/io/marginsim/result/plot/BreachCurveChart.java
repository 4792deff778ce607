package io.marginsim.result.plot;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;

/**
 * Breach probability against one numeric sweep axis, with its Wilson 95% band. XChart has no band between two
 * curves, so the band is the area under the upper bound painted over by the area under the lower bound in the
 * plot's background colour.
 */
public final class BreachCurveChart {
    private static final Color BAND = new Color(0x9ecae1);
    private static final Color LINE = new Color(0x08519c);

    private BreachCurveChart() {
    }

    /** Arrays in axis order; points with a NaN probability (cells not yet run) are left out. */
    public static XYChart of(String axis, double[] x, double[] probability, double[] low, double[] high, String note) {
        Png.headless();
        int n = 0;
        for (double p : probability) {
            n += Double.isNaN(p) ? 0 : 1;
        }
        double[] xs = new double[n];
        double[] ps = new double[n];
        double[] lows = new double[n];
        double[] highs = new double[n];
        for (int i = 0, j = 0; i < x.length; i++) {
            if (!Double.isNaN(probability[i])) {
                xs[j] = x[i];
                ps[j] = probability[i];
                lows[j] = low[i];
                highs[j++] = high[i];
            }
        }
        XYChart chart = new XYChartBuilder().width(Png.WIDTH).height(Png.HEIGHT)
                .title("Breach probability vs " + axis + (note.isEmpty() ? "" : " (" + note + ")"))
                .xAxisTitle(axis).yAxisTitle("breach probability within the horizon").build();
        Color background = Color.WHITE;
        XYStyler styler = chart.getStyler();
        styler.setPlotBackgroundColor(background);
        styler.setChartBackgroundColor(background);
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        styler.setChartTitleBoxVisible(false);
        // grid lines would vanish under the band's background-coloured lower area, and show above it
        styler.setPlotGridLinesVisible(false);
        styler.setYAxisMin(0.0);
        styler.setYAxisDecimalPattern("0.###");
        XYSeries upper = chart.addSeries("95% interval (Wilson)", xs, highs);
        upper.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        upper.setFillColor(BAND);
        upper.setLineColor(BAND);
        upper.setMarker(SeriesMarkers.NONE);
        XYSeries lower = chart.addSeries("lower bound", xs, lows);
        lower.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
        lower.setFillColor(background);
        lower.setLineColor(BAND);
        lower.setMarker(SeriesMarkers.NONE);
        lower.setShowInLegend(false);
        XYSeries mean = chart.addSeries("breach probability", xs, ps);
        mean.setLineColor(LINE);
        mean.setMarkerColor(LINE);
        mean.setMarker(SeriesMarkers.CIRCLE);
        return chart;
    }
}
