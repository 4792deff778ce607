package io.marginsim.result.plot;

import io.marginsim.result.Report;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Breach probability of the baseline and each scenario as bars with their Wilson 95% intervals as whiskers. The
 * interval is asymmetric, which XChart's category error bars cannot draw, so the chart is an XY chart with one bar (a
 * filled rectangle) and one whisker per run at x = 0, 1, 2, ..., labelled by run name.
 */
public final class ScenarioChart {
    private static final Color BASELINE = new Color(0x969696);
    private static final Color SCENARIO = new Color(0x6baed6);
    private static final Color WHISKER = new Color(0x252525);
    private static final double HALF_BAR = 0.3;
    private static final double HALF_CAP = 0.08;

    private ScenarioChart() {
    }

    public static XYChart of(Report baseline, Map<String, Report> scenarios) {
        Png.headless();
        List<String> names = new ArrayList<>(List.of("baseline"));
        names.addAll(scenarios.keySet());
        List<Report> reports = new ArrayList<>(List.of(baseline));
        reports.addAll(scenarios.values());
        XYChart chart = new XYChartBuilder().width(Png.WIDTH).height(Png.HEIGHT)
                .title(String.format(Locale.ROOT, "Breach probability within %s by scenario (%d paths each, seed %d)",
                        Png.days(baseline.horizonDays()), baseline.paths(), baseline.seed()))
                .xAxisTitle("").yAxisTitle("breach probability").build();
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setChartTitleBoxVisible(false);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setXAxisMin(-0.5);
        styler.setXAxisMax(names.size() - 0.5);
        styler.setYAxisMin(0.0);
        double top = 0;
        for (Report r : reports) {
            top = Math.max(top, r.breachProbabilityCi95()[1]);
        }
        // headroom for the name and value printed above each whisker; a run where nothing breaches still gets an axis
        top = top > 0 ? top * 1.2 : 0.01;
        styler.setYAxisMax(top);
        styler.setYAxisDecimalPattern("0.###%");
        // XChart thins tick labels until they differ, so named category ticks on an XY axis collapse to the two ends:
        // the runs are named above their bars instead
        styler.setXAxisTicksVisible(false);
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            double p = r.breachProbability();
            double low = r.breachProbabilityCi95()[0];
            double high = r.breachProbabilityCi95()[1];
            XYSeries bar = chart.addSeries("bar " + i, new double[] {i - HALF_BAR, i - HALF_BAR, i + HALF_BAR, i + HALF_BAR},
                    new double[] {0, p, p, 0});
            bar.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            Color fill = i == 0 ? BASELINE : SCENARIO;
            bar.setFillColor(fill);
            bar.setLineColor(fill);
            bar.setMarker(SeriesMarkers.NONE);
            bar.setShowInLegend(false);
            whisker(chart, "ci " + i, new double[] {i, i}, new double[] {low, high});
            whisker(chart, "low " + i, new double[] {i - HALF_CAP, i + HALF_CAP}, new double[] {low, low});
            whisker(chart, "high " + i, new double[] {i - HALF_CAP, i + HALF_CAP}, new double[] {high, high});
            double above = Math.min(high + 0.035 * top, top * 0.9);
            chart.addAnnotation(new AnnotationText(String.format(Locale.ROOT, "%.2f%%", 100 * p), i, above, false));
            chart.addAnnotation(new AnnotationText(names.get(i), i, above + 0.045 * top, false));
        }
        legend(chart, "baseline", BASELINE);
        legend(chart, "scenario", SCENARIO);
        XYSeries ci = chart.addSeries("95% interval (Wilson)", new double[] {Double.NaN}, new double[] {Double.NaN});
        ci.setLineColor(WHISKER);
        ci.setLineStyle(new BasicStroke(1.5f));
        ci.setMarker(SeriesMarkers.NONE);
        return chart;
    }

    private static void whisker(XYChart chart, String name, double[] x, double[] y) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setLineColor(WHISKER);
        s.setLineStyle(new BasicStroke(1.5f));
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    /** A legend entry only: XChart's legend lists series, and the bars are one series each. */
    private static void legend(XYChart chart, String name, Color color) {
        XYSeries s = chart.addSeries(name, new double[] {Double.NaN}, new double[] {Double.NaN});
        s.setMarker(SeriesMarkers.SQUARE);
        s.setMarkerColor(color);
        s.setLineColor(new Color(0, 0, 0, 0));
    }
}
