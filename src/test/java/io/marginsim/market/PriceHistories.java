package io.marginsim.market;

import java.time.LocalDate;
import java.util.Random;

/** Synthetic price histories (CSV text) for the tests of filtered historical simulation on every engine. */
public final class PriceHistories {
    private PriceHistories() {
    }

    /**
     * Daily prices of two assets from a GARCH(1,1) with alpha 0.08, beta 0.9 and Student-t(5) shocks correlated
     * 0.6; each variance reverts to its long-run level (0.0009 and 0.0016 a day), so long histories keep their scale.
     */
    public static String garchPair(String first, String second, int rows, long seed) {
        Random random = new Random(seed);
        StringBuilder csv = new StringBuilder("timestamp," + first + "," + second + "\n");
        double[] log = {Math.log(30000), Math.log(2000)};
        double[] longRun = {0.0009, 0.0016};
        double[] h = longRun.clone();
        LocalDate day = LocalDate.of(2023, 1, 1);
        for (int r = 0; r < rows; r++) {
            csv.append(day.plusDays(r)).append(',').append(Math.exp(log[0])).append(',').append(Math.exp(log[1]))
                    .append('\n');
            double g0 = random.nextGaussian();
            double g1 = 0.6 * g0 + 0.8 * random.nextGaussian();
            double w = 0;
            for (int k = 0; k < 5; k++) {
                double x = random.nextGaussian();
                w += x * x;
            }
            double mix = Math.sqrt(3 / w);
            double[] g = {g0 * mix, g1 * mix};
            for (int a = 0; a < 2; a++) {
                log[a] += Math.sqrt(h[a]) * g[a];
                h[a] = 0.02 * longRun[a] + 0.08 * h[a] * g[a] * g[a] + 0.9 * h[a];
            }
        }
        return csv.toString();
    }
}
