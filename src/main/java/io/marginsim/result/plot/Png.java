package io.marginsim.result.plot;

import io.marginsim.check.Counts;
import io.marginsim.result.OutputFile;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;

/** Writes charts as PNG files, headless (servers and CI have no display), atomically like every other output. */
public final class Png {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 560;

    private Png() {
    }

    /**
     * Makes AWT headless (servers and CI have no display) unless the user chose otherwise with
     * {@code -Djava.awt.headless}; charts call it before touching AWT, since AWT reads it once.
     */
    static void headless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** Four significant digits without trailing zeros, for days in titles and labels: 2, 0.25, 12.5. */
    static String plain(double days) {
        return BigDecimal.valueOf(days).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** A horizon in titles: "1 day", "2.5 days". */
    static String days(double days) {
        return Counts.of(plain(days), days, "day");
    }

    public static void write(Chart<?, ?> chart, Path file) throws IOException {
        byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        OutputFile.write(file, png);
    }
}
