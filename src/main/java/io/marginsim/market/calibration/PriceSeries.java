package io.marginsim.market.calibration;

import io.marginsim.check.SpecException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Prices of one or more assets sampled at a regular interval, read from CSV with the header
 * {@code timestamp,<asset1>,<asset2>,...}. Timestamps are ISO-8601 dates ({@code 2024-01-31}, midnight UTC),
 * date-times ({@code 2024-01-31T08:00:00Z}; without an offset they are UTC) or epoch seconds.
 *
 * <p>Crypto trades every day, so the series must be evenly spaced: the sampling interval is the median spacing
 * of the timestamps, and every spacing must be within {@value #SPACING_TOLERANCE_PERCENT}% of it. Weekend or
 * holiday gaps are rejected, as are missing values, non-positive or non-numeric prices, a price more than a factor
 * of {@value #MAX_MOVE_TEXT} away from the previous row's, unsorted or repeated timestamps and series of fewer than
 * {@value #MIN_ROWS} rows. Every error is one sentence naming the line, the column and the value.
 */
public final class PriceSeries {
    /** Fewest price rows accepted: 29 returns is about the least on which a moment estimate means anything. */
    public static final int MIN_ROWS = 30;
    /** Allowed deviation of any spacing from the median spacing, in percent. */
    public static final int SPACING_TOLERANCE_PERCENT = 1;
    /**
     * Largest factor between consecutive prices of one column. No market moves a million-fold in one interval, so
     * such a row is a data error (a wrong unit, a lost exponent); its log return would dwarf every other and, past
     * the range of a double, make every fit NaN.
     */
    public static final double MAX_MOVE = 1e6;
    static final String MAX_MOVE_TEXT = "1e6";
    private static final double SECONDS_PER_DAY = 86_400.0;

    private final List<String> names;
    private final double[] epochSeconds;
    /** prices[asset][row]. */
    private final double[][] prices;
    private final double intervalDays;
    private final String source;

    private PriceSeries(String source, List<String> names, double[] epochSeconds, double[][] prices,
                        double intervalDays) {
        this.source = source;
        this.names = List.copyOf(names);
        this.epochSeconds = epochSeconds;
        this.prices = prices;
        this.intervalDays = intervalDays;
    }

    /** Reads and validates a CSV file; {@link SpecException} for every problem, naming the file and line. */
    public static PriceSeries read(Path file) {
        return parse(text(file), file.getFileName().toString());
    }

    /** The text of a price file; {@link SpecException} naming the file if it is missing or unreadable. */
    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SpecException("price file " + file, "does not exist");
        } catch (IOException e) {
            throw new SpecException("price file " + file, "cannot be read: " + e.getMessage());
        }
    }

    /** Parses CSV text; {@code source} names it in errors (a file name). */
    public static PriceSeries parse(String text, String source) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\\r?\\n", -1)));
        while (!lines.isEmpty() && lines.getLast().isBlank()) {
            lines.removeLast();
        }
        if (lines.isEmpty()) {
            throw new SpecException(source, "is empty but must start with the header timestamp,<asset1>,<asset2>,...");
        }
        List<String> names = header(lines.getFirst(), source);
        int rows = lines.size() - 1;
        double[] times = new double[rows];
        double[][] prices = new double[names.size()][rows];
        for (int r = 0; r < rows; r++) {
            int lineNo = r + 2;
            String[] fields = lines.get(r + 1).split(",", -1);
            if (fields.length != names.size() + 1) {
                throw new SpecException(source + " line " + lineNo, "must have " + (names.size() + 1)
                        + " comma-separated fields like the header but had " + fields.length);
            }
            times[r] = timestamp(fields[0].strip(), source + " line " + lineNo + " column timestamp");
            if (r > 0) {
                order(times, r, fields[0].strip(), source, lineNo);
            }
            for (int a = 0; a < names.size(); a++) {
                String at = source + " line " + lineNo + " column " + names.get(a);
                prices[a][r] = price(fields[a + 1].strip(), at);
                if (r > 0) {
                    move(prices[a][r - 1], prices[a][r], fields[a + 1].strip(), at, lineNo);
                }
            }
        }
        if (rows < MIN_ROWS) {
            throw new SpecException(source, "must have at least " + MIN_ROWS + " price rows but had " + rows);
        }
        double interval = interval(times, lines, source);
        return new PriceSeries(source, names, times, prices, interval / SECONDS_PER_DAY);
    }

    /** The file name the series was read from, as errors name it. */
    public String source() {
        return source;
    }

    public List<String> names() {
        return names;
    }

    public int rows() {
        return epochSeconds.length;
    }

    /** The sampling interval in days (the median spacing). */
    public double intervalDays() {
        return intervalDays;
    }

    public double lastPrice(int asset) {
        return prices[asset][rows() - 1];
    }

    public Instant lastTime() {
        return time(rows() - 1);
    }

    /** Prices of one asset, one per row, oldest first (a copy). */
    public double[] prices(int asset) {
        return prices[asset].clone();
    }

    public Instant time(int row) {
        double t = epochSeconds[row];
        return Instant.ofEpochSecond((long) Math.floor(t), Math.round((t - Math.floor(t)) * 1e9));
    }

    /** Log returns {@code ln(P_t / P_{t-1})} of one asset, one per interval. */
    public double[] logReturns(int asset) {
        double[] p = prices[asset];
        double[] r = new double[p.length - 1];
        for (int t = 1; t < p.length; t++) {
            r[t - 1] = Math.log(p[t] / p[t - 1]);
        }
        return r;
    }

    private static List<String> header(String line, String source) {
        String[] fields = line.split(",", -1);
        String at = source + " line 1 (header)";
        if (!fields[0].strip().equalsIgnoreCase("timestamp")) {
            throw new SpecException(at, "must start with the column timestamp but started with \"" + fields[0].strip() + "\"");
        }
        if (fields.length < 2) {
            throw new SpecException(at, "must name at least one asset column after timestamp but named none");
        }
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < fields.length; i++) {
            String name = fields[i].strip();
            if (name.isEmpty()) {
                throw new SpecException(at + " column " + (i + 1), "must name an asset but is empty");
            }
            if (!seen.add(name)) {
                throw new SpecException(at + " column " + (i + 1), "must name a new asset but repeats \"" + name + "\"");
            }
            names.add(name);
        }
        return names;
    }

    /** Epoch seconds of an ISO-8601 date, date-time (UTC unless an offset is given) or epoch-seconds field. */
    static double timestamp(String field, String at) {
        if (field.isEmpty()) {
            throw new SpecException(at, "must hold a timestamp but is empty");
        }
        if (field.matches("[0-9]+(\\.[0-9]+)?")) {
            return Double.parseDouble(field);
        }
        try {
            if (field.length() == 10) {
                return LocalDate.parse(field).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            }
            Instant instant;
            try {
                instant = OffsetDateTime.parse(field).toInstant();
            } catch (DateTimeParseException e) {
                instant = LocalDateTime.parse(field).toInstant(ZoneOffset.UTC);
            }
            return instant.getEpochSecond() + instant.getNano() * 1e-9;
        } catch (DateTimeParseException e) {
            throw new SpecException(at, "must be an ISO-8601 date, date-time or epoch seconds but was \"" + field + "\"");
        }
    }

    private static void order(double[] times, int r, String field, String source, int lineNo) {
        if (times[r] == times[r - 1]) {
            throw new SpecException(source + " line " + lineNo + " column timestamp", "must be later than line "
                    + (lineNo - 1) + " but repeats its time \"" + field + "\" (duplicate timestamp)");
        }
        if (times[r] < times[r - 1]) {
            throw new SpecException(source + " line " + lineNo + " column timestamp", "must be later than line "
                    + (lineNo - 1) + " (rows sorted by time, oldest first) but \"" + field + "\" is earlier");
        }
    }

    private static double price(String field, String at) {
        if (field.isEmpty()) {
            throw new SpecException(at, "must hold a price but is empty (gaps are not allowed: every row needs a price "
                    + "for every asset)");
        }
        double value;
        try {
            value = Double.parseDouble(field);
        } catch (NumberFormatException e) {
            throw new SpecException(at, "must be a number but was \"" + field + "\"");
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new SpecException(at, "must be a finite price > 0 but was " + field);
        }
        return value;
    }

    private static void move(double previous, double price, String field, String at, int lineNo) {
        double factor = Math.max(price / previous, previous / price);
        if (!(factor <= MAX_MOVE)) {
            throw new SpecException(at, "must be within a factor of " + MAX_MOVE_TEXT + " of the price on line "
                    + (lineNo - 1) + " (" + previous + "; a larger move in one interval is a data error, such as a wrong "
                    + "unit) but was " + field);
        }
    }

    /** The median spacing, after checking every spacing is within the tolerance of it. */
    private static double interval(double[] times, List<String> lines, String source) {
        double[] spacing = new double[times.length - 1];
        for (int i = 1; i < times.length; i++) {
            spacing[i - 1] = times[i] - times[i - 1];
        }
        double[] sorted = spacing.clone();
        Arrays.sort(sorted);
        int m = sorted.length;
        double median = m % 2 == 1 ? sorted[m / 2] : 0.5 * (sorted[m / 2 - 1] + sorted[m / 2]);
        for (int i = 0; i < spacing.length; i++) {
            if (Math.abs(spacing[i] - median) > SPACING_TOLERANCE_PERCENT / 100.0 * median) {
                int lineNo = i + 3;
                String field = lines.get(lineNo - 1).split(",", -1)[0].strip();
                throw new SpecException(source + " line " + lineNo + " column timestamp", "must be "
                        + duration(median) + " after the previous row (the sampling interval, taken as the median "
                        + "spacing; rows must be evenly spaced within " + SPACING_TOLERANCE_PERCENT
                        + "% because crypto trades every day) but \"" + field + "\" is " + duration(spacing[i]) + " after it");
            }
        }
        return median;
    }

    private static String duration(double seconds) {
        double days = seconds / SECONDS_PER_DAY;
        if (days >= 1) {
            return format(days) + (days == 1 ? " day" : " days");
        }
        double hours = seconds / 3600;
        if (hours >= 1) {
            return format(hours) + (hours == 1 ? " hour" : " hours");
        }
        return format(seconds) + " seconds";
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4g", v);
    }
}
