package io.marginsim.result.plot;

import io.marginsim.result.OutputFile;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A backtest in one PNG of two panels: above, the reliability diagram (realised breach frequency against mean
 * prediction per bucket, each with its Wilson 95% interval, and the diagonal a calibrated model lies on); below,
 * predicted against realised over time (each window's prediction, and the realised frequency and mean prediction
 * over a trailing run of windows, since a single window's outcome is only 0 or 1).
 */
public final class BacktestChart {
    private static final Color PREDICTED = new Color(0x08519c);
    private static final Color REALISED = new Color(0xcb181d);
    private static final Color GREY = new Color(0x969696);

    private BacktestChart() {
    }

    /** One bucket of the reliability table. */
    public record Bucket(double meanPredicted, double realised, double low, double high, int windows) {
    }

    /** One start date: its prediction and whether it breached. */
    public record Window(Instant start, double predicted, boolean breached) {
    }

    /**
     * @param trailing windows in the running means of the lower panel
     */
    public static void write(String title, List<Bucket> buckets, List<Window> windows, int trailing,
                             Path file) throws IOException {
        BufferedImage top = BitmapEncoder.getBufferedImage(reliability(title, buckets));
        BufferedImage bottom = BitmapEncoder.getBufferedImage(overTime(windows, trailing));
        BufferedImage both = new BufferedImage(Png.WIDTH, 2 * Png.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = both.createGraphics();
        g.drawImage(top, 0, 0, null);
        g.drawImage(bottom, 0, Png.HEIGHT, null);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(both, "png", png);
        OutputFile.write(file, png.toByteArray());
    }

    static XYChart reliability(String title, List<Bucket> buckets) {
        Png.headless();
        XYChart chart = new XYChartBuilder().width(Png.WIDTH).height(Png.HEIGHT).title(title)
                .xAxisTitle("predicted breach probability (bucket mean)").yAxisTitle("realised breach frequency").build();
        style(chart.getStyler());
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0);
        XYSeries diagonal = chart.addSeries("calibrated", new double[] {0, 1}, new double[] {0, 1});
        diagonal.setLineColor(GREY);
        diagonal.setMarker(SeriesMarkers.NONE);
        // XChart's error bars are symmetric and Wilson intervals are not: each interval is its own vertical segment
        for (int i = 0; i < buckets.size(); i++) {
            Bucket b = buckets.get(i);
            XYSeries interval = chart.addSeries(i == 0 ? "Wilson 95% interval" : "interval " + i,
                    new double[] {b.meanPredicted(), b.meanPredicted()}, new double[] {b.low(), b.high()});
            interval.setLineColor(REALISED);
            interval.setMarker(SeriesMarkers.NONE);
            interval.setShowInLegend(i == 0);
        }
        double[] x = buckets.stream().mapToDouble(Bucket::meanPredicted).toArray();
        double[] y = buckets.stream().mapToDouble(Bucket::realised).toArray();
        XYSeries points = chart.addSeries("realised (bucket of 0.1)", x, y);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(REALISED);
        return chart;
    }

    static XYChart overTime(List<Window> windows, int trailing) {
        Png.headless();
        XYChart chart = new XYChartBuilder().width(Png.WIDTH).height(Png.HEIGHT)
                .title("Predicted and realised over time (running means over " + trailing + " windows)")
                .xAxisTitle("start date").yAxisTitle("breach probability").build();
        style(chart.getStyler());
        chart.getStyler().setDatePattern("yyyy-MM");
        List<Date> dates = new ArrayList<>();
        List<Double> predicted = new ArrayList<>();
        List<Double> meanPredicted = new ArrayList<>();
        List<Double> realised = new ArrayList<>();
        double sumPredicted = 0;
        int breaches = 0;
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            sumPredicted += w.predicted();
            breaches += w.breached() ? 1 : 0;
            if (i >= trailing) {
                sumPredicted -= windows.get(i - trailing).predicted();
                breaches -= windows.get(i - trailing).breached() ? 1 : 0;
            }
            int n = Math.min(i + 1, trailing);
            dates.add(Date.from(w.start()));
            predicted.add(w.predicted());
            meanPredicted.add(sumPredicted / n);
            realised.add((double) breaches / n);
        }
        XYSeries each = chart.addSeries("prediction", dates, predicted);
        each.setLineColor(new Color(0x9ecae1));
        each.setMarker(SeriesMarkers.NONE);
        XYSeries mean = chart.addSeries("mean prediction", dates, meanPredicted);
        mean.setLineColor(PREDICTED);
        mean.setMarker(SeriesMarkers.NONE);
        XYSeries freq = chart.addSeries("realised frequency", dates, realised);
        freq.setLineColor(REALISED);
        freq.setMarker(SeriesMarkers.NONE);
        return chart;
    }

    private static void style(XYStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setChartTitleBoxVisible(false);
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        styler.setYAxisMin(0.0).setYAxisMax(1.0);
        styler.setYAxisDecimalPattern("0.0#");
    }
}
