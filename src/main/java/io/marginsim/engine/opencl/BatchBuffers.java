package io.marginsim.engine.opencl;

import io.marginsim.engine.Precision;
import io.marginsim.problem.BreachBins;
import io.marginsim.problem.CompiledProblem;
import org.jocl.CL;
import org.jocl.cl_context;
import org.jocl.cl_mem;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameters of a {@link CellBatch} on the device, in the layout {@code kernels/batch.cl} reads: each of
 * {@link ProblemBuffers}' arrays once per cell, back to back — fixed strides for market, account, layout and models
 * (the batch's cells share their shape), the cell's own offset into the tiers — and per cell the integers of
 * {@link CellField}, the first work-item of each cell
 * ({@code cellStart}, one more entry holding the total) and the first histogram bin of each cell
 * ({@code binStart}: cell {@code c} owns a bin for each breach slot, {@code steps * BreachBins.perStep + 1}).
 */
final class BatchBuffers implements AutoCloseable {
    final cl_mem market;
    final cl_mem account;
    final cl_mem tiers;
    final cl_mem layout;
    final cl_mem models;
    /** One unused zero: batched problems have no history. */
    final cl_mem history;
    final cl_mem cells;
    final cl_mem cellStart;
    final cl_mem binStart;
    final int modelReals;
    final int cellCount;
    final int paths;
    final int bins;
    /** Host copies of the offsets, to cut the results apart. */
    final int[] firstPath;
    final int[] firstBin;

    BatchBuffers(cl_context context, List<CellBatch.Cell> batch, Precision precision) {
        cellCount = batch.size();
        CompiledProblem shape = batch.getFirst().problem();
        modelReals = ModelBuffer.length(shape);
        double[][] marketParts = new double[cellCount][];
        double[][] accountParts = new double[cellCount][];
        double[][] tierParts = new double[cellCount][];
        double[][] modelParts = new double[cellCount][];
        int[] layoutAll = new int[cellCount * PositionField.LAYOUT.length(LayoutShape.of(shape))];
        int cellFields = CellField.LAYOUT.length();
        int[] cellInts = new int[cellCount * cellFields];
        firstPath = new int[cellCount + 1];
        firstBin = new int[cellCount + 1];
        int tierAt = 0;
        for (int c = 0; c < cellCount; c++) {
            CompiledProblem p = batch.get(c).problem();
            marketParts[c] = ProblemBuffers.marketArray(p);
            accountParts[c] = ProblemBuffers.accountArray(p);
            tierParts[c] = ProblemBuffers.concat(p.tierFloor.toArray(), p.tierRate.toArray(),
                    p.tierDeduction.toArray());
            modelParts[c] = ModelBuffer.pack(p);
            int[] layoutPart = ProblemBuffers.layoutArray(p);
            System.arraycopy(layoutPart, 0, layoutAll, c * layoutPart.length, layoutPart.length);
            int at = c * cellFields;
            cellInts[at + CellField.TIER_OFFSET.at()] = tierAt;
            cellInts[at + CellField.TIER_COUNT.at()] = p.tierFloor.length();
            cellInts[at + CellField.STEPS.at()] = p.steps;
            cellInts[at + CellField.ISOLATED.at()] = p.isolated ? 1 : 0;
            cellInts[at + CellField.SEED_LOW.at()] = (int) p.seed;
            cellInts[at + CellField.SEED_HIGH.at()] = (int) (p.seed >>> 32);
            tierAt += tierParts[c].length;
            firstPath[c + 1] = firstPath[c] + batch.get(c).paths();
            firstBin[c + 1] = firstBin[c] + p.steps * BreachBins.perStep(p.monitoring) + 1;
        }
        paths = firstPath[cellCount];
        bins = firstBin[cellCount];
        List<cl_mem> made = new ArrayList<>();
        try {
            market = keep(made, ProblemBuffers.upload(context, ProblemBuffers.concat(marketParts), precision));
            account = keep(made, ProblemBuffers.upload(context, ProblemBuffers.concat(accountParts), precision));
            tiers = keep(made, ProblemBuffers.upload(context, ProblemBuffers.concat(tierParts), precision));
            layout = keep(made, ProblemBuffers.upload(context, layoutAll));
            models = keep(made, ProblemBuffers.upload(context, ProblemBuffers.concat(modelParts), precision));
            history = keep(made, ProblemBuffers.upload(context, new double[1], precision));
            cells = keep(made, ProblemBuffers.upload(context, cellInts));
            cellStart = keep(made, ProblemBuffers.upload(context, firstPath));
            binStart = keep(made, ProblemBuffers.upload(context, firstBin));
        } catch (RuntimeException e) {
            // out of device memory part-way: free what was made, as close() would not be called
            made.forEach(CL::clReleaseMemObject);
            throw e;
        }
    }

    private static cl_mem keep(List<cl_mem> made, cl_mem buffer) {
        made.add(buffer);
        return buffer;
    }

    @Override
    public void close() {
        for (cl_mem buffer : new cl_mem[] {market, account, tiers, layout, models, history, cells, cellStart,
                binStart}) {
            CL.clReleaseMemObject(buffer);
        }
    }
}
