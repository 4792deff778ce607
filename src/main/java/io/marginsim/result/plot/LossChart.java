package io.marginsim.result.plot;

import io.marginsim.result.GpdFit;
import io.marginsim.result.LossHistogram;
import io.marginsim.result.LossReport;
import io.marginsim.result.Report;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.util.Locale;

/**
 * The upper half of the loss distribution (gains can stretch far to the left and would squeeze the tail into a
 * sliver) on a log density scale, so that body and tail both show: the equal-probability histogram
 * of {@link LossHistogram}, the fitted GPD density above the threshold ({@code zeta g(x - u)}, zeta the share of
 * paths above it) extended to the fitted 99.99% quantile, and the empirical VaR at 99% and 99.9% as vertical lines.
 */
public final class LossChart {
    private static final Color BARS = new Color(0x9ecae1);
    private static final Color EDGE = new Color(0x3182bd);
    private static final Color FIT = new Color(0xde2d26);
    private static final Color VAR = new Color(0x525252);
    private static final int CURVE_POINTS = 200;

    private LossChart() {
    }

    public static XYChart of(Report report, LossHistogram histogram) {
        Png.headless();
        LossReport loss = report.loss();
        LossReport.TailFit fit = loss.tailFit();
        XYChart chart = new XYChartBuilder().width(Png.WIDTH).height(Png.HEIGHT)
                .title(title(report)).xAxisTitle("loss = initial equity - terminal equity")
                .yAxisTitle("density (share of paths per unit loss)").build();
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setChartTitleBoxVisible(false);
        // below the plot: inside, it would hide the peak or the tail, wherever they are
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setYAxisLogarithmic(true);
        styler.setXAxisDecimalPattern("#,##0.##");

        // gains can stretch far to the left of the losses that matter here: show the upper half only
        double median = report.initialEquity() - report.terminalEquityQuantiles().get("0.5");
        java.util.List<LossHistogram.Bin> shown = histogram.bins().stream().filter(b -> b.fromLoss() >= median).toList();
        if (shown.isEmpty()) {
            shown = histogram.bins();
        }
        int bins = shown.size();
        double[] x = new double[2 * bins];
        double[] y = new double[2 * bins];
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        for (int i = 0; i < bins; i++) {
            LossHistogram.Bin bin = shown.get(i);
            x[2 * i] = bin.fromLoss();
            x[2 * i + 1] = bin.toLoss();
            y[2 * i] = bin.density();
            y[2 * i + 1] = bin.density();
            low = Math.min(low, bin.density());
            high = Math.max(high, bin.density());
        }
        XYSeries bars = chart.addSeries("losses (equal-probability bins)", x, y);
        bars.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        bars.setLineColor(EDGE);
        bars.setMarker(SeriesMarkers.NONE);

        if (fit.shape() != null) {
            double zeta = (double) fit.exceedances() / histogram.paths();
            double end = Math.max(x[x.length - 1], fit.quantiles().getOrDefault("0.9999", x[x.length - 1]));
            double[] cx = new double[CURVE_POINTS];
            double[] cy = new double[CURVE_POINTS];
            int points = 0;
            for (int i = 0; i < CURVE_POINTS; i++) {
                double at = fit.threshold() + (end - fit.threshold()) * i / (CURVE_POINTS - 1);
                double density = zeta * GpdFit.density(fit.shape(), fit.scale(), at - fit.threshold());
                if (density > 0) {
                    cx[points] = at;
                    cy[points++] = density;
                    low = Math.min(low, density);
                }
            }
            XYSeries curve = chart.addSeries(String.format(Locale.ROOT, "GPD tail fit (shape %.3f) above %s",
                    fit.shape(), ReportNumbers.short3(fit.threshold())),
                    java.util.Arrays.copyOf(cx, points), java.util.Arrays.copyOf(cy, points));
            curve.setLineColor(FIT);
            curve.setLineWidth(2.5f);
            curve.setMarker(SeriesMarkers.NONE);
        }
        double bottom = low / 2;
        double top = high * 2;
        styler.setYAxisMin(bottom);
        styler.setYAxisMax(top);
        verticalLine(chart, "VaR 99% / 99.9%", loss.var().get("0.99"), bottom, top, true);
        verticalLine(chart, "VaR 99.9%", loss.var().get("0.999"), bottom, top, false);
        return chart;
    }

    private static void verticalLine(XYChart chart, String name, double at, double bottom, double top, boolean legend) {
        XYSeries line = chart.addSeries(name, new double[] {at, at}, new double[] {bottom, top});
        line.setLineColor(VAR);
        line.setLineStyle(SeriesLines.DASH_DASH);
        line.setMarker(SeriesMarkers.NONE);
        line.setShowInLegend(legend);
    }

    private static String title(Report report) {
        LossReport loss = report.loss();
        return String.format(Locale.ROOT, "Losses above the median, %s days, %d paths: VaR 99%% %s, ES 99%% %s",
                ReportNumbers.short3(report.horizonDays()), report.paths(),
                ReportNumbers.short3(loss.var().get("0.99")), ReportNumbers.short3(loss.es().get("0.99")));
    }

    /** Numbers in titles and legends: three significant digits, grouped. */
    private static final class ReportNumbers {
        static String short3(double v) {
            return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
        }
    }
}
