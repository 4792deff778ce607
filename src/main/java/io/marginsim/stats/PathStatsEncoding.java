package io.marginsim.stats;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;

/**
 * {@link PathStats} as bytes, so that statistics of a path range computed in one JVM can be merged in another
 * (sweep cells split across Spark tasks) with exactly the result of computing every path in one place. Nothing is
 * summarised on the way: the breach counts by step and bin within the step ({@link PathStats#breachesAtSlot}) and
 * every per-path sample value travel as they are (IEEE 754 bits, so {@code -0.0} and NaN survive), because a sketch
 * would make quantiles approximate.
 *
 * <p>Size: 26 bytes + 8 per bin ({@code steps * binsPerStep}) + {@value #BYTES_PER_PATH} per path, and
 * {@value #LIQUIDATION_BYTES_PER_PATH} more per path (plus 40 bytes) when the statistics carry liquidation outcomes,
 * and in isolated mode the per-position counts and sums of {@link ScopeStats}, whose size does not grow with the
 * paths. Sample values come out in each sample's storage order ({@link RankedSample#forEachChunk}), which quantiles
 * and merging ignore; a sample on a device is copied back one chunk buffer at a time, so encoding holds no more than
 * the encoded bytes and one chunk beside the statistics.
 *
 * <p>Version 2 added the bins a step after the step count and the per-position outcomes at the end; bytes of
 * version 1 (whole steps, neither field) are still read, as statistics of one bin a step without per-position
 * outcomes.
 */
public final class PathStatsEncoding {
    /** Worst shortfall and terminal equity: one double each. */
    public static final int BYTES_PER_PATH = 16;
    /** Liquidation loss and bad debt: one double each. */
    public static final int LIQUIDATION_BYTES_PER_PATH = 16;

    /** "MSPS" followed by the format's version, so bytes of another format or version are refused, not misread. */
    private static final int MAGIC = 0x4d535053;
    private static final int VERSION = 2;
    /** The version before bins within steps and per-position outcomes: its breach counts are by whole step. */
    private static final int WHOLE_STEPS = 1;

    private PathStatsEncoding() {
    }

    public static byte[] encode(PathStats stats) {
        long paths = stats.paths();
        LiquidationStats liquidation = stats.liquidation();
        long[] breaches = stats.breachesAtSlot();
        ScopeStats scopes = stats.scopes();
        long size = 24L + 8L * (breaches.length - 1) + 1 + BYTES_PER_PATH * paths
                + (liquidation == null ? 0 : 40 + LIQUIDATION_BYTES_PER_PATH * paths)
                + 1 + (scopes == null ? 0 : scopes.encodedSize());
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("statistics of " + paths + " paths take " + size
                    + " bytes encoded, more than one array holds; encode fewer paths at a time");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        out.putInt(MAGIC).putInt(VERSION).putInt(stats.steps()).putInt(stats.binsPerStep()).putLong(paths);
        for (int k = 1; k < breaches.length; k++) {
            out.putLong(breaches[k]);
        }
        putSample(out, stats.worstShortfall());
        putSample(out, stats.terminalEquity());
        out.put((byte) (liquidation == null ? 0 : 1));
        if (liquidation != null) {
            out.putLong(liquidation.liquidatedPaths()).putLong(liquidation.events()).putLong(liquidation.badDebtPaths())
                    .putDouble(liquidation.lossSum()).putDouble(liquidation.badDebtSum());
            putSample(out, liquidation.loss());
            putSample(out, liquidation.badDebt());
        }
        out.put((byte) (scopes == null ? 0 : 1));
        if (scopes != null) {
            scopes.writeTo(out);
        }
        return out.array();
    }

    /** Statistics in host memory equal to those that were encoded. */
    public static PathStats decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        int version = bytes.length < 20 || in.getInt() != MAGIC ? -1 : in.getInt();
        if (version != VERSION && version != WHOLE_STEPS) {
            throw new IllegalArgumentException("bytes must be path statistics of format version " + WHOLE_STEPS
                    + " or " + VERSION + " but a block of " + bytes.length + " bytes does not start with that header");
        }
        int steps = in.getInt();
        int bins = version == WHOLE_STEPS ? 1 : in.getInt();
        long paths = in.getLong();
        int n = Math.toIntExact(paths);
        ArraySample worst = new ArraySample();
        ArraySample terminal = new ArraySample();
        PathStats stats = new PathStats(steps, bins, worst, terminal);
        long[] breaches = new long[steps * bins + 1];
        for (int k = 1; k < breaches.length; k++) {
            breaches[k] = in.getLong();
        }
        stats.addBreaches(breaches, paths);
        worst.addAll(getSample(in, n), n);
        terminal.addAll(getSample(in, n), n);
        if (in.get() == 1) {
            long liquidated = in.getLong();
            long events = in.getLong();
            long badDebtPaths = in.getLong();
            double lossSum = in.getDouble();
            double badDebtSum = in.getDouble();
            stats.restoreLiquidation(new LiquidationStats(paths, liquidated, events, badDebtPaths, lossSum, badDebtSum,
                    getSample(in, n), getSample(in, n)));
        }
        if (version != WHOLE_STEPS && in.get() == 1) {
            stats.restoreScopes(ScopeStats.readFrom(in, steps));
        }
        if (in.hasRemaining()) {
            throw new IllegalArgumentException("bytes must end after the statistics of " + paths + " paths but "
                    + in.remaining() + " bytes follow");
        }
        return stats;
    }

    private static void putSample(ByteBuffer out, RankedSample sample) {
        long size = sample.size();
        DoubleBuffer doubles = out.asDoubleBuffer();
        sample.forEachChunk(doubles::put);
        if (doubles.position() != size) {
            throw new IllegalStateException("a sample of " + size + " values gave " + doubles.position());
        }
        out.position(out.position() + 8 * (int) size);
    }

    private static double[] getSample(ByteBuffer in, int n) {
        double[] values = new double[n];
        in.asDoubleBuffer().get(values);
        in.position(in.position() + 8 * n);
        return values;
    }
}
