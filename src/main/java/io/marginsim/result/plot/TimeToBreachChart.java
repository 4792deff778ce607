package io.marginsim.result.plot;

import io.marginsim.result.Report;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.CategoryStyler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Histogram of the day of first breach, from the report's bins, with the breach probability in the title. */
public final class TimeToBreachChart {
    private TimeToBreachChart() {
    }

    public static CategoryChart of(Report report) {
        Png.headless();
        CategoryChart chart = new CategoryChartBuilder().width(Png.WIDTH).height(Png.HEIGHT)
                .title(String.format(Locale.ROOT, "Time to first breach: %.3g%% of %d paths breach within %s",
                        100 * report.breachProbability(), report.paths(), Png.days(report.horizonDays())))
                .xAxisTitle("day of first breach (bin start)").yAxisTitle("paths").build();
        List<String> days = new ArrayList<>();
        List<Long> paths = new ArrayList<>();
        for (Report.HistogramBin bin : report.timeToBreachHistogram()) {
            days.add(Png.plain(bin.fromDay()));
            paths.add(bin.paths());
        }
        chart.addSeries("first breaches", days, paths);
        CategoryStyler styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setChartTitleBoxVisible(false);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setXAxisMaxLabelCount(16);
        styler.setChartBackgroundColor(java.awt.Color.WHITE);
        styler.setAvailableSpaceFill(0.9);
        styler.setYAxisMin(0.0);
        return chart;
    }
}
