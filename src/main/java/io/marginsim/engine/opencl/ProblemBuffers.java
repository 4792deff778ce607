package io.marginsim.engine.opencl;

import io.marginsim.engine.Precision;
import io.marginsim.problem.CompiledProblem;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_context;
import org.jocl.cl_mem;

/**
 * A {@link CompiledProblem} on the device: eight read-only buffers in the layout {@code paths.cl} reads, with the
 * real numbers in the engine's precision. The first three are in the order of {@link MarketField},
 * {@link AccountField} and {@link PositionField}, whose generated offsets the kernels read ({@link KernelLayouts}).
 * <pre>
 *   market  = initialPrice[A], logDrift[A], shockLoading[A * A]
 *   account = cash, valueUnits[A], requirementUnits[A], size[P], entry[P], margin[P], and with portfolio margin
 *             (S scenarios) portfolioMinimum, scenarioUnits[S * A]
 *   tiers   = floor[T], rate[T], deduction[T]
 *   layout  = asset[P], markBasis[P] (0 or 1), tierStart[P + 1]
 *   models  = the market models beyond GBM ({@link ModelBuffer}); one unused zero for GBM
 *   history = the residual rows of filtered historical simulation, historyRows x A; one unused zero without
 *   frictions, frictionInts = carrying costs and liquidation policy, reals and ints ({@link FrictionBuffer}, read by
 *             {@code account.cl} and {@code frictions.cl}); one unused zero each without
 * </pre>
 * The history is created once per problem, as the other seven are, and always in global memory: it is read by row
 * and can be far larger than constant memory, so {@link #bytes} leaves it out.
 */
final class ProblemBuffers implements AutoCloseable {
    final cl_mem market;
    final cl_mem account;
    final cl_mem tiers;
    final cl_mem layout;
    final cl_mem models;
    final cl_mem history;
    final cl_mem frictions;
    final cl_mem frictionInts;
    final int historyRows;
    final int tierCount;

    ProblemBuffers(cl_context context, CompiledProblem p, Precision precision) {
        tierCount = p.tierFloor.length();
        market = upload(context, marketArray(p), precision);
        account = upload(context, accountArray(p), precision);
        tiers = upload(context, concat(p.tierFloor.toArray(), p.tierRate.toArray(), p.tierDeduction.toArray()),
                precision);
        layout = upload(context, layoutArray(p));
        models = upload(context, ModelBuffer.pack(p), precision);
        frictions = upload(context, FrictionBuffer.pack(p), precision);
        frictionInts = upload(context, FrictionBuffer.packInts(p));
        historyRows = p.historyRows;
        history = historyRows == 0 ? upload(context, new double[1], precision)
                : precision == Precision.DOUBLE ? upload(context, p.historyResiduals.toArray(), precision)
                : readOnly(context, (long) p.historyResiduals.length() * Sizeof.cl_float,
                        Pointer.to(p.historyResidualsAsFloat()));
    }

    /** Bytes of the eight parameter buffers (not the history), to decide whether they fit in constant memory. */
    static long bytes(CompiledProblem p, Precision precision) {
        LayoutShape shape = LayoutShape.of(p);
        long reals = (long) MarketField.LAYOUT.length(shape) + AccountField.LAYOUT.length(shape)
                + 3L * p.tierFloor.length() + ModelBuffer.length(p) + FrictionBuffer.length(p);
        return reals * realBytes(precision)
                + ((long) PositionField.LAYOUT.length(shape) + FrictionBuffer.intLength(p)) * Sizeof.cl_int;
    }

    static int realBytes(Precision precision) {
        return precision == Precision.DOUBLE ? Sizeof.cl_double : Sizeof.cl_float;
    }

    @Override
    public void close() {
        CL.clReleaseMemObject(market);
        CL.clReleaseMemObject(account);
        CL.clReleaseMemObject(tiers);
        CL.clReleaseMemObject(layout);
        CL.clReleaseMemObject(models);
        CL.clReleaseMemObject(history);
        CL.clReleaseMemObject(frictions);
        CL.clReleaseMemObject(frictionInts);
    }

    /** Initial prices rather than log prices: the kernel keeps log prices relative to them. */
    static double[] marketArray(CompiledProblem p) {
        LayoutShape shape = LayoutShape.of(p);
        double[] m = new double[MarketField.LAYOUT.length(shape)];
        int initialPrice = MarketField.INITIAL_PRICE.at(shape);
        for (int a = 0; a < p.assets; a++) {
            m[initialPrice + a] = Math.exp(p.initialLogPrice.get(a));
        }
        p.logDrift.copyTo(0, m, MarketField.LOG_DRIFT.at(shape), p.logDrift.length());
        p.shockLoading.copyTo(0, m, MarketField.LOADING.at(shape), p.shockLoading.length());
        return m;
    }

    static double[] accountArray(CompiledProblem p) {
        LayoutShape shape = LayoutShape.of(p);
        double[] m = new double[AccountField.LAYOUT.length(shape)];
        m[AccountField.CASH.at(shape)] = p.cash;
        p.valueUnits.copyTo(0, m, AccountField.VALUE_UNITS.at(shape), p.valueUnits.length());
        p.requirementUnits.copyTo(0, m, AccountField.REQUIREMENT_UNITS.at(shape),
                p.requirementUnits.length());
        p.positionSize.copyTo(0, m, AccountField.SIZE.at(shape), p.positionSize.length());
        p.positionEntry.copyTo(0, m, AccountField.ENTRY.at(shape), p.positionEntry.length());
        p.positionMargin.copyTo(0, m, AccountField.MARGIN.at(shape), p.positionMargin.length());
        if (p.scenarios > 0) {
            m[AccountField.PORTFOLIO_MINIMUM.at(shape)] = p.portfolioMinimum;
            p.scenarioUnits.copyTo(0, m, AccountField.SCENARIO_UNITS.at(shape),
                    p.scenarioUnits.length());
        }
        return m;
    }

    static int[] layoutArray(CompiledProblem p) {
        LayoutShape shape = LayoutShape.of(p);
        int[] layout = new int[PositionField.LAYOUT.length(shape)];
        p.positionAsset.copyTo(0, layout, PositionField.ASSET.at(shape), p.positionAsset.length());
        int markBasis = PositionField.MARK_BASIS.at(shape);
        for (int i = 0; i < p.positions; i++) {
            layout[markBasis + i] = p.markBasis.get(i) ? 1 : 0;
        }
        p.tierStart.copyTo(0, layout, PositionField.TIER_START.at(shape), p.positions + 1);
        return layout;
    }

    static double[] concat(double[]... parts) {
        int length = 0;
        for (double[] part : parts) {
            length += part.length;
        }
        double[] all = new double[length];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    /** OpenCL rejects empty buffers, so an empty array (a problem without tiers) uploads one unused zero. */
    static cl_mem upload(cl_context context, double[] values, Precision precision) {
        double[] padded = values.length == 0 ? new double[1] : values;
        if (precision == Precision.DOUBLE) {
            return readOnly(context, (long) padded.length * Sizeof.cl_double, Pointer.to(padded));
        }
        float[] narrow = new float[padded.length];
        for (int i = 0; i < padded.length; i++) {
            narrow[i] = (float) padded[i];
        }
        return readOnly(context, (long) narrow.length * Sizeof.cl_float, Pointer.to(narrow));
    }

    static cl_mem upload(cl_context context, int[] values) {
        return readOnly(context, (long) values.length * Sizeof.cl_int, Pointer.to(values));
    }

    static cl_mem readOnly(cl_context context, long bytes, Pointer host) {
        return CL.clCreateBuffer(context, CL.CL_MEM_READ_ONLY | CL.CL_MEM_COPY_HOST_PTR, bytes, host, null);
    }
}
