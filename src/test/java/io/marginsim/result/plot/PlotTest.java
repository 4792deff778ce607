package io.marginsim.result.plot;

import io.marginsim.engine.Specs;
import io.marginsim.result.Report;
import io.marginsim.simulation.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

import static org.assertj.core.api.Assertions.assertThat;

class PlotTest {
    @TempDir
    Path dir;

    private static BufferedImage decode(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).as("PNG decodable by ImageIO").isNotNull();
        return image;
    }

    private static void assertStandardSize(BufferedImage image) {
        assertThat(image.getWidth()).isEqualTo(Png.WIDTH);
        assertThat(image.getHeight()).isEqualTo(Png.HEIGHT);
    }

    @Test
    void timeToBreachHistogramIsAPngOfTheStandardSize() throws Exception {
        Report report = Simulator.simulate(Specs.single(0.8, 0, 10, 100, 0.005, 6, 4, 2000, 3));
        Path png = dir.resolve("sub/hist.png");
        Png.write(TimeToBreachChart.of(report), png);
        assertStandardSize(decode(png));
    }

    @Test
    void aOneDayHorizonIsOneDayInTheTitle() throws Exception {
        Report report = Simulator.simulate(Specs.single(0.8, 0, 10, 100, 0.005, 1, 4, 500, 3));
        assertThat(TimeToBreachChart.of(report).getTitle()).endsWith(" breach within 1 day");
        assertThat(ScenarioChart.of(report, java.util.Map.of()).getTitle())
                .startsWith("Breach probability within 1 day by scenario");
    }

    @Test
    void breachCurveSkipsMissingCellsAndIsAPng() throws Exception {
        Path png = dir.resolve("curve.png");
        double nan = Double.NaN;
        Png.write(BreachCurveChart.of("assets[0].volatility", new double[] {0.2, 0.4, 0.6},
                new double[] {0.1, nan, 0.5}, new double[] {0.08, nan, 0.45}, new double[] {0.12, nan, 0.55}, ""), png);
        assertStandardSize(decode(png));
    }

    @Test
    void heatmapIsAPng() throws Exception {
        Path png = dir.resolve("heat.png");
        double[][] p = {{0.0, 0.1}, {0.2, Double.NaN}};
        Png.write(BreachHeatmap.of("size", List.of("1", "2"), "vol", List.of("0.2", "0.4"), p, "at seed = 1"), png);
        assertStandardSize(decode(png));
    }

    @Test
    void heatmapOfOneRowAndAnEmptyTextValueIsAPng() throws Exception {
        Path png = dir.resolve("row.png");
        Png.write(BreachHeatmap.of("account.positions[0].venue", List.of("binance-usdm", ""), "", List.of(""),
                new double[][] {{0.1, 0.2}}, ""), png);
        assertStandardSize(decode(png));
    }
}
