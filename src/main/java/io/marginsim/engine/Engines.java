package io.marginsim.engine;

import io.marginsim.engine.opencl.OpenClEngine;
import io.marginsim.engine.scalar.ScalarEngine;

import java.util.ArrayList;
import java.util.List;
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

    /** The chosen engine and a one-line note on the choice, for the report and the log. */
    public record Selection(Engine engine, String note) {
    }

    public static Selection select(EngineKind kind, Options options) throws EngineUnavailableException {
        return switch (kind) {
            case SCALAR -> new Selection(new ScalarEngine(options.threads(), ParallelCpuEngine.DEFAULT_CHUNK),
                    "scalar engine as requested");
            case VECTOR -> throw new EngineUnavailableException("engine \"" + kind.label()
                    + "\" is not available in this build");
            case OPENCL -> {
                // asked for by name: a CPU OpenCL device (PoCL) is acceptable when there is no GPU
                OpenClEngine engine = OpenClEngine.open(options.device(), options.precision(), true);
                yield new Selection(engine, "opencl engine as requested, on " + engine.description());
            }
            case AUTO -> auto(options);
        };
    }

    private static String withoutFinalStop(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }

    private static Selection auto(Options options) {
        List<String> skipped = new ArrayList<>();
        try {
            OpenClEngine gpu = OpenClEngine.open(options.device(), options.precision(), false);
            String note = "auto chose opencl on " + gpu.description();
            LOG.info(note);
            return new Selection(gpu, note);
        } catch (EngineUnavailableException e) {
            skipped.add("opencl skipped: " + withoutFinalStop(e.getMessage()));
        }
        skipped.add("vector: not available in this build");
        Engine engine = new ScalarEngine(options.threads(), ParallelCpuEngine.DEFAULT_CHUNK);
        String note = "auto chose " + engine.name() + " (" + String.join("; ", skipped) + ")";
        LOG.info(note);
        return new Selection(engine, note);
    }
}
