package io.marginsim.result.plot;

import io.marginsim.result.OutputFile;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.io.IOException;
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

    public static void write(Chart<?, ?> chart, Path file) throws IOException {
        byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        OutputFile.write(file, png);
    }
}
