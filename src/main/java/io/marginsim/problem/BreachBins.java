package io.marginsim.problem;

import io.marginsim.spec.Monitoring;

/**
 * Where within its step a path first breached, at the resolution the statistics keep: each step is cut into
 * {@link #perStep} equal bins, and a first breach counts in the bin of its crossing time. The breach statistics then
 * hold one counter per (step, bin), which merges exactly across chunks, threads and devices and costs the same
 * on every engine (the OpenCL engine reduces the bins on the device), so time-to-breach quantiles are exact to
 * {@code 1 / perStep} of a step.
 *
 * <p>A bin is named by its <em>slot</em>: {@code (step - 1) * bins + bin + 1}, with 0 for a path that never breached,
 * so that with one bin a step (discrete monitoring) the slot is the step itself and the statistics are those of
 * whole steps, bit for bit. A bin stands for its upper edge, as a whole step stands for its end: the reported time
 * is never earlier than the breach. {@code kernels/paths.cl}'s {@code breach_slot} mirrors {@link #slot}.
 */
public final class BreachBins {
    /**
     * Bins a step under continuous monitoring: a sixteenth of a step resolves the first-passage law at coarse steps
     * (at one step a day, 1.5 hours) while the counters stay at 128 bytes a step.
     */
    public static final int CONTINUOUS = 16;

    private BreachBins() {
    }

    /** Bins a step for {@code monitoring}: one under discrete monitoring, whose breaches are all at a step's end. */
    public static int perStep(Monitoring monitoring) {
        return monitoring == Monitoring.CONTINUOUS ? CONTINUOUS : 1;
    }

    /**
     * The slot of a first breach at step {@code step} (1-based, or {@link PathBlock#NO_BREACH}) and fraction
     * {@code fraction} of that step, in {@code [0, 1]}: bin {@code ceil(fraction * bins) - 1}, clamped into the step
     * so that a breach at the step's start counts in its first bin and one at its end in its last.
     */
    public static int slot(int step, double fraction, int bins) {
        if (step == PathBlock.NO_BREACH) {
            return 0;
        }
        int bin = (int) Math.ceil(fraction * bins) - 1;
        return (step - 1) * bins + Math.max(0, Math.min(bins - 1, bin)) + 1;
    }

    /** The step of slot {@code slot > 0}. */
    public static int step(int slot, int bins) {
        return (slot - 1) / bins + 1;
    }

    /** The fraction of its step at which slot {@code slot > 0} ends: the fraction the slot stands for. */
    public static double fraction(int slot, int bins) {
        return (double) ((slot - 1) % bins + 1) / bins;
    }

    /** The time, in steps since the start, at which slot {@code slot > 0} ends. */
    public static double endInSteps(long slot, int bins) {
        return (double) slot / bins;
    }
}
