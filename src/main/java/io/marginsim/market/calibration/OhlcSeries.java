package io.marginsim.market.calibration;

import io.marginsim.check.SpecException;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One asset's closing prices, with each interval's high and low when the file has them, read from either of two
 * CSV layouts:
 * <ul>
 *   <li>an OHLC export such as Yahoo Finance's, header {@code Date,Open,High,Low,Close,Adj Close,Volume} (any order,
 *       any further columns): {@code Close} is the price, {@code High} and {@code Low} bound the interval;</li>
 *   <li>margin-sim's own {@code timestamp,<asset1>,...} ({@link PriceSeries}): the column named like the asset, or
 *       the only one; no high or low.</li>
 * </ul>
 * Both go through {@link PriceSeries}'s checks (evenly spaced, sorted, every price present and positive, at least
 * {@link PriceSeries#MIN_ROWS} rows), so an OHLC file's errors name its lines as they are; a high below the close or
 * a low above it is refused as well.
 */
public final class OhlcSeries {
    private static final String[] OHLC_COLUMNS = {"Close", "High", "Low"};

    private final PriceSeries series;
    private final double[] close;
    /** Null when the file has no high and low. */
    private final double[] high;
    private final double[] low;

    private OhlcSeries(PriceSeries series, double[] close, double[] high, double[] low) {
        this.series = series;
        this.close = close;
        this.high = high;
        this.low = low;
    }

    /** Reads {@code file}; {@code asset} picks the column of a margin-sim price file with several. */
    public static OhlcSeries read(Path file, String asset) {
        return parse(PriceSeries.text(file), file.getFileName().toString(), asset);
    }

    public static OhlcSeries parse(String text, String source, String asset) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] header = header(body);
        if (isOhlc(header)) {
            return ohlc(body, header, source);
        }
        PriceSeries series = PriceSeries.parse(body, source);
        List<String> names = series.names();
        int column = names.indexOf(asset);
        if (column < 0 && names.size() == 1) {
            column = 0;
        }
        if (column < 0) {
            throw new SpecException(source + " line 1 (header)", "must have a column named " + asset
                    + " (the spec's asset) or only one asset column but has " + String.join(", ", names));
        }
        return new OhlcSeries(series, series.prices(column), null, null);
    }

    /**
     * A price file as {@code calibrate} fits it: margin-sim's own layout as it is, an OHLC export as one asset named
     * {@code asset}, or without it after the file (its name less the extension), priced at its closes. {@code asset}
     * must be null for margin-sim's layout, whose header names the assets.
     */
    public static PriceSeries closes(Path file, String asset) {
        String text = PriceSeries.text(file);
        String source = file.getFileName().toString();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (!isOhlc(header(body))) {
            if (asset != null) {
                throw new SpecException("--asset", "names the asset of an OHLC export (header Date,Open,High,Low,"
                        + "Close,...) but " + source + " is a margin-sim price file, whose header names its assets; "
                        + "drop --asset " + asset);
            }
            return PriceSeries.parse(body, source);
        }
        OhlcSeries ohlc = ohlc(body, header(body), source);
        String name = asset != null ? asset : source.replaceFirst("\\.[^.]*$", "");
        StringBuilder closes = new StringBuilder("timestamp,").append(name).append('\n');
        for (int r = 0; r < ohlc.rows(); r++) {
            closes.append(ohlc.time(r)).append(',').append(ohlc.close(r)).append('\n');
        }
        return PriceSeries.parse(closes.toString(), source);
    }

    private static String[] header(String body) {
        int end = body.indexOf('\n');
        return (end < 0 ? body : body.substring(0, end)).strip().split(",", -1);
    }

    private static boolean isOhlc(String[] header) {
        return header[0].strip().equalsIgnoreCase("date");
    }

    /** Keeps the date, close, high and low of an OHLC export and reads them as a three-column price file. */
    private static OhlcSeries ohlc(String body, String[] header, String source) {
        int[] pick = new int[OHLC_COLUMNS.length];
        for (int c = 0; c < OHLC_COLUMNS.length; c++) {
            pick[c] = indexOf(header, OHLC_COLUMNS[c]);
            if (pick[c] < 0) {
                throw new SpecException(source + " line 1 (header)", "starts with Date, so it must be an OHLC export "
                        + "with the columns Close, High and Low, but it has no " + OHLC_COLUMNS[c] + " column");
            }
        }
        String[] lines = body.split("\\r?\\n", -1);
        StringBuilder text = new StringBuilder("timestamp,").append(String.join(",", OHLC_COLUMNS)).append('\n');
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                text.append('\n');
                continue;
            }
            String[] fields = lines[i].split(",", -1);
            if (fields.length != header.length) {
                throw new SpecException(source + " line " + (i + 1), "must have " + header.length
                        + " comma-separated fields like the header but had " + fields.length);
            }
            text.append(fields[0]);
            for (int column : pick) {
                text.append(',').append(fields[column]);
            }
            text.append('\n');
        }
        PriceSeries series = PriceSeries.parse(text.toString(), source);
        double[] close = series.prices(0);
        double[] high = series.prices(1);
        double[] low = series.prices(2);
        for (int r = 0; r < close.length; r++) {
            if (high[r] < close[r] || low[r] > close[r]) {
                throw new SpecException(source + " line " + (r + 2), "must have Low <= Close <= High but has Low "
                        + low[r] + ", Close " + close[r] + " and High " + high[r]);
            }
        }
        return new OhlcSeries(series, close, high, low);
    }

    private static int indexOf(String[] header, String name) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].strip().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    public int rows() {
        return close.length;
    }

    /** The sampling interval in days. */
    public double intervalDays() {
        return series.intervalDays();
    }

    public Instant time(int row) {
        return series.time(row);
    }

    public double close(int row) {
        return close[row];
    }

    /** Whether the file gave each interval's high and low. */
    public boolean hasRange() {
        return high != null;
    }

    public double high(int row) {
        return high[row];
    }

    public double low(int row) {
        return low[row];
    }

    /** Log returns of the closes of rows {@code from .. to} (inclusive): {@code to - from} returns. */
    public double[] logReturns(int from, int to) {
        double[] r = new double[to - from];
        for (int t = from + 1; t <= to; t++) {
            r[t - from - 1] = Math.log(close[t] / close[t - 1]);
        }
        return r;
    }
}
