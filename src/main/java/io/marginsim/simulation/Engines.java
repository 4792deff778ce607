package io.marginsim.simulation;

import io.marginsim.engine.Engine;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.ParallelCpuEngine;
import io.marginsim.engine.Precision;
import io.marginsim.engine.opencl.OpenClEngine;
import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.engine.vector.VectorEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.spec.EngineKind;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Picks the engine for a run. {@link EngineKind#AUTO} prefers an OpenCL GPU, then the Vector API CPU engine,
 * then the scalar reference, and records why each better engine was skipped; asking for a specific engine
 * that cannot run is an error, never a silent substitute.
 */
public final class Engines {
    private static final Logger LOG = Logger.getLogger(Engines.class.getName());

    private Engines() {
    }

    /** Settings that apply to whichever engine is chosen. */
    public record Options(int threads, int device, Precision precision) {
        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), -1, Precision.FLOAT);
        }
    }

    /**
     * The chosen engine and a one-line note on the choice, for the report and the log.
     *
     * @param automatic whether {@link EngineKind#AUTO} chose it, so another engine may stand in for it
     * @param logged    whether the final choice made from this selection has been logged: {@link #forProblem} may
     *                  still replace the engine, so {@code auto} logs there, once however many runs the selection
     *                  serves (sweep cells, buffer iterations)
     */
    public record Selection(Engine engine, String note, boolean automatic, AtomicBoolean logged) {
        public Selection(Engine engine, String note, boolean automatic) {
            this(engine, note, automatic, new AtomicBoolean());
        }
    }

    /**
     * Opens the engine of {@code kind}. One selection at a time per JVM: OpenCL drivers are not safe to enumerate
     * devices and build programs from two threads at once (PoCL crashed the JVM in clGetDeviceInfo when two Spark
     * tasks selected side by side), and selections are rare next to the runs they serve.
     */
    public static synchronized Selection select(EngineKind kind, Options options) throws EngineUnavailableException {
        return switch (kind) {
            case SCALAR -> new Selection(new ScalarEngine(options.threads(), ParallelCpuEngine.DEFAULT_CHUNK),
                    "scalar engine as requested", false);
            case VECTOR -> {
                VectorEngine engine = vector(options);
                yield new Selection(engine, "vector engine as requested, " + engine.description(), false);
            }
            case OPENCL -> {
                // asked for by name: a CPU OpenCL device (PoCL) is acceptable when there is no GPU
                OpenClEngine engine = OpenClEngine.open(options.device(), options.precision(), true);
                yield new Selection(engine, "opencl engine as requested, on " + engine.description(), false);
            }
            case AUTO -> auto(options);
        };
    }

    /**
     * The engine that runs {@code problem}: the selected one, or — when {@code auto} chose it and it lacks a feature
     * the problem uses — the vector engine if it implements them all, else the scalar reference, with a note
     * saying why.
     *
     * @throws EngineUnavailableException when an engine asked for by name does not implement the problem
     */
    public static Selection forProblem(Selection selection, CompiledProblem problem, Options options)
            throws EngineUnavailableException {
        Engine chosen = selection.engine();
        if (chosen.implementsAll(problem)) {
            return logged(selection);
        }
        String missing = String.join(", ", chosen.unimplemented(problem));
        if (!selection.automatic()) {
            throw new EngineUnavailableException("The " + chosen.name() + " engine does not implement "
                    + missing + " yet; run with --engine scalar or --engine auto.");
        }
        String why = "the spec uses " + missing + ", which the " + chosen.name() + " engine does not implement yet";
        if (!(chosen instanceof VectorEngine)) {
            try {
                VectorEngine engine = vector(options);
                if (engine.implementsAll(problem)) {
                    return logged(new Selection(engine, "auto chose vector, " + engine.description() + ": " + why,
                            true, selection.logged()));
                }
            } catch (EngineUnavailableException e) {
                why += "; vector skipped: " + withoutFinalStop(e.getMessage());
            }
        }
        return logged(new Selection(new ScalarEngine(options.threads(), ParallelCpuEngine.DEFAULT_CHUNK),
                "auto chose scalar: " + why, true, selection.logged()));
    }

    /** Logs the note of an automatic choice, the first time a choice is final for the selection it came from. */
    private static Selection logged(Selection selection) {
        if (selection.automatic() && selection.logged().compareAndSet(false, true)) {
            LOG.info(selection.note());
        }
        return selection;
    }

    private static VectorEngine vector(Options options) throws EngineUnavailableException {
        if (options.precision() == Precision.DOUBLE) {
            throw new EngineUnavailableException("The vector engine computes in float precision only; "
                    + "the scalar engine runs in double precision.");
        }
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            throw new EngineUnavailableException("The Vector API module is not enabled; run java with "
                    + "--add-modules jdk.incubator.vector, as the margin-sim launcher does.");
        }
        return new VectorEngine(options.threads(), ParallelCpuEngine.DEFAULT_CHUNK);
    }

    private static String withoutFinalStop(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }

    /** Logs nothing: {@link #forProblem} logs the final choice, which may replace this one. */
    private static Selection auto(Options options) throws EngineUnavailableException {
        List<String> skipped = new ArrayList<>();
        try {
            // a device named with --device counts as asked for, even a CPU one
            OpenClEngine gpu = OpenClEngine.open(options.device(), options.precision(), options.device() >= 0);
            return new Selection(gpu, "auto chose opencl on " + gpu.description(), true);
        } catch (EngineUnavailableException e) {
            if (options.device() >= 0) {
                // running on the CPU instead would hide that the device asked for by number cannot run
                throw e;
            }
            skipped.add("opencl skipped: " + withoutFinalStop(e.getMessage()));
        }
        try {
            VectorEngine engine = vector(options);
            return new Selection(engine, "auto chose vector, " + engine.description() + " ("
                    + String.join("; ", skipped) + ")", true);
        } catch (EngineUnavailableException e) {
            skipped.add("vector skipped: " + withoutFinalStop(e.getMessage()));
        }
        Engine engine = new ScalarEngine(options.threads(), ParallelCpuEngine.DEFAULT_CHUNK);
        return new Selection(engine, "auto chose " + engine.name() + " (" + String.join("; ", skipped) + ")", true);
    }
}
