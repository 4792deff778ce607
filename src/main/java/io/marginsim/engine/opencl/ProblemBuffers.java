package io.marginsim.engine.opencl;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.engine.Precision;
import org.jocl.CL;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_context;
import org.jocl.cl_mem;

/**
 * A {@link CompiledProblem} on the device: eight read-only buffers in the layout {@code paths.cl} reads, with the
 * real numbers in the engine's precision.
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
        tiers = upload(context, concat(p.tierFloor.toArray(), p.tierRate.toArray(), p.tierDeduction.toArray()), precision);
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
        long reals = 2L * p.assets + (long) p.assets * p.assets + 1 + 2L * p.assets + 3L * p.positions
                + (p.scenarios > 0 ? 1 + p.scenarioUnits.length() : 0)
                + 3L * p.tierFloor.length() + ModelBuffer.length(p) + FrictionBuffer.length(p);
        return reals * realBytes(precision) + (3L * p.positions + 1 + FrictionBuffer.intLength(p)) * Sizeof.cl_int;
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
        double[] initialPrice = new double[p.assets];
        for (int a = 0; a < p.assets; a++) {
            initialPrice[a] = Math.exp(p.initialLogPrice.get(a));
        }
        return concat(initialPrice, p.logDrift.toArray(), p.shockLoading.toArray());
    }

    static double[] accountArray(CompiledProblem p) {
        double[] portfolio = p.scenarios > 0 ? concat(new double[] {p.portfolioMinimum}, p.scenarioUnits.toArray())
                : new double[0];
        return concat(new double[] {p.cash}, p.valueUnits.toArray(), p.requirementUnits.toArray(), p.positionSize.toArray(), p.positionEntry.toArray(),
                p.positionMargin.toArray(), portfolio);
    }

    static int[] layoutArray(CompiledProblem p) {
        int[] layout = new int[3 * p.positions + 1];
        p.positionAsset.copyTo(0, layout, 0, p.positions);
        for (int i = 0; i < p.positions; i++) {
            layout[p.positions + i] = p.markBasis.get(i) ? 1 : 0;
        }
        p.tierStart.copyTo(0, layout, 2 * p.positions, p.positions + 1);
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
