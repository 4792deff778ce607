package io.marginsim.engine.opencl;

import io.marginsim.check.Counts;
import io.marginsim.engine.Engine;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.engine.JitWarmUp;
import io.marginsim.engine.Precision;
import io.marginsim.engine.opencl.OpenClDevices.Device;
import io.marginsim.engine.opencl.OpenClDevices.DeviceInfo;
import io.marginsim.engine.opencl.OpenClDevices.DeviceType;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.problem.Frictions;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.Workloads;
import io.marginsim.stats.PathStats;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs paths on an OpenCL device, one work-item per path (kernels/paths.cl, or kernels/frictions.cl for problems
 * with carrying costs and liquidation mechanics), with the first-breach histogram reduced on the device
 * (kernels/reduce.cl). Only that histogram (and, with a {@code liquidation} object, per-group liquidation counts
 * and sums) comes back, chunk by chunk, while the next chunk computes; the per-path samples that {@link PathStats}
 * needs for exact quantiles (worst shortfall and terminal equity; liquidation loss and bad debt) stay on the device
 * as {@link DeviceSample}s, ranked there by {@link RadixSelect} (kernels/select.cl) when a report asks. An isolated
 * account's per-position outcomes come back per path of the chunk ({@link ScopeSlot}) and are reduced on the host to
 * counts and sums.
 *
 * <p>Calls are serialised: one engine drives its device from one thread at a time.
 */
public final class OpenClEngine implements Engine {
    /**
     * Paths per launch: bounds the per-launch scratch memory; the samples a run keeps grow with its paths
     * (8 bytes a path in float, see {@link DeviceSample}).
     */
    public static final int DEFAULT_CHUNK_PATHS = 1 << 20;
    /** Every market model of kernels/models.cl and every mechanic of kernels/frictions.cl. */
    private static final Set<Feature> FEATURES = Feature.setOf(ModelBuffer.FEATURES,
            Feature.ofKind(Feature.Kind.MECHANICS), EnumSet.of(Feature.CONTINUOUS_MONITORING));

    private final DeviceInfo info;
    private final cl_device_id device;
    private final Precision precision;
    private final long maxConstantBytes;
    private final cl_context context;
    /** Two in-order queues, one per chunk in flight. */
    private final cl_command_queue[] queues = new cl_command_queue[2];
    /** Programs by build options; compiling is slow, problems of one shape share one. */
    private final Map<String, PathKernels> programs = new HashMap<>();
    private final DeviceReads reads = new DeviceReads();
    /** Ranks the samples of every run; built when the engine opens, shared with the samples it outlives. */
    private RadixSelect select;
    /** Runs batches of small cells; made at the first batch. */
    private BatchRunner batches;

    private OpenClEngine(Device device, Precision precision) {
        this.info = device.info();
        this.device = device.id();
        this.precision = precision;
        this.maxConstantBytes = OpenClDevices.deviceLong(device.id(), CL.CL_DEVICE_MAX_CONSTANT_BUFFER_SIZE);
        cl_context_properties properties = new cl_context_properties();
        properties.addProperty(CL.CL_CONTEXT_PLATFORM, device.platform());
        this.context = CL.clCreateContext(properties, 1, new cl_device_id[] {device.id()}, null, null, null);
        for (int q = 0; q < queues.length; q++) {
            queues[q] = newQueue(context, device.id());
        }
        // a driver may initialise its compiler, and with it crash handlers in place of the JVM's, on first use
        JvmSignalHandlers.restore();
    }

    /**
     * Opens a device.
     *
     * @param deviceIndex    index in {@link OpenClDevices#list()}, or -1 for the first GPU
     * @param allowCpuDevice whether a CPU (or other non-GPU) device may be used: with index -1 it is the
     *                       fallback when there is no GPU; a CPU device is never taken without this permission
     * @throws EngineUnavailableException with a one-sentence reason when the engine cannot run
     */
    public static OpenClEngine open(int deviceIndex, Precision precision, boolean allowCpuDevice)
            throws EngineUnavailableException {
        Device device = choose(devicesFor(deviceIndex), deviceIndex, allowCpuDevice);
        DeviceInfo info = device.info();
        requirePrecision(info, precision);
        OpenClEngine engine;
        try {
            engine = new OpenClEngine(device, precision);
        } catch (CLException e) {
            throw new EngineUnavailableException("Opening OpenCL device " + info.index() + " (" + info.name()
                    + ") failed with " + OpenClDevices.status(e) + ".", e);
        }
        try {
            // A compiler that rejects the kernels should make the engine unavailable now, not fail the first run.
            engine.programFor(Workloads.oneAsset(0));
            engine.select = new RadixSelect(engine.context, engine.device, info.name(), precision, engine.reads,
                    Integer.MAX_VALUE);
            return engine;
        } catch (EngineUnavailableException | RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    static void requirePrecision(DeviceInfo info, Precision precision) throws EngineUnavailableException {
        if (precision == Precision.DOUBLE && !info.fp64()) {
            throw new EngineUnavailableException("OpenCL device " + info.index() + " (" + info.name()
                    + ") has no double precision (cl_khr_fp64), so only float precision can run there.");
        }
    }

    /**
     * The devices to choose from; when there is no OpenCL at all, a device asked for by number is refused in terms
     * of {@code --device}, the option that asked for it.
     */
    private static List<Device> devicesFor(int deviceIndex) throws EngineUnavailableException {
        try {
            return OpenClDevices.enumerate();
        } catch (EngineUnavailableException e) {
            if (deviceIndex < 0) {
                throw e;
            }
            String why = e.getMessage().replaceFirst("\\.$", "");
            throw new EngineUnavailableException("--device " + deviceIndex + " needs an OpenCL device, and none is "
                    + "present: " + Character.toLowerCase(why.charAt(0)) + why.substring(1) + ".", e);
        }
    }

    static Device choose(List<Device> devices, int index, boolean allowCpuDevice)
            throws EngineUnavailableException {
        if (index >= devices.size() || index < -1) {
            String seen = switch (devices.size()) {
                case 0 -> "no OpenCL device";
                case 1 -> "1 OpenCL device, number 0 in 'margin-sim devices'";
                default -> devices.size() + " OpenCL devices, numbered 0 to " + (devices.size() - 1)
                        + " in 'margin-sim devices'";
            };
            throw new EngineUnavailableException("--device " + index + " names no OpenCL device: this machine has "
                    + seen + ".");
        }
        if (index >= 0) {
            DeviceInfo info = devices.get(index).info();
            if (!info.usable()) {
                throw new EngineUnavailableException("OpenCL device " + index + " (" + info.name()
                        + ") cannot run the engine because " + info.reasonIfNot() + ".");
            }
            if (info.type() != DeviceType.GPU && !allowCpuDevice) {
                throw new EngineUnavailableException("OpenCL device " + index + " (" + info.name()
                        + ") is not a GPU, and a non-GPU device is used only when chosen explicitly.");
            }
            return devices.get(index);
        }
        for (Device d : devices) {
            if (d.info().usable() && d.info().type() == DeviceType.GPU) {
                return d;
            }
        }
        for (Device d : devices) {
            if (d.info().usable() && allowCpuDevice) {
                return d;
            }
        }
        throw new EngineUnavailableException("No usable OpenCL GPU was found among "
                + Counts.of(devices.size(), "OpenCL device") + "; a CPU device is used only when asked for with --engine opencl or --device N.");
    }

    @Override
    public String name() {
        return "opencl";
    }

    @Override
    public String description() {
        return "OpenCL on " + info.name() + " (" + info.platform() + ", " + info.type() + ", "
                + info.computeUnits() + " compute units), " + precision.name().toLowerCase(java.util.Locale.ROOT) + " precision";
    }

    /** Every market model of {@link CompiledProblem} (kernels/models.cl) and every {@link Frictions} mechanic. */
    @Override
    public Set<Feature> implementedFeatures() {
        return FEATURES;
    }

    /** Beyond the features: premium-linked funding whose window does not fit the kernel's private memory. */
    @Override
    public List<String> unimplemented(CompiledProblem problem) {
        List<String> missing = new ArrayList<>(Engine.super.unimplemented(problem));
        FrictionBuffer.beyondLimits(problem).ifPresent(missing::add);
        return missing;
    }


    public Precision precision() {
        return precision;
    }

    public DeviceInfo device() {
        return info;
    }

    @Override
    public synchronized void simulate(CompiledProblem problem, long firstPath, PathBlock out) {
        CompiledProblem.requireNothingMissing(name(), unimplemented(problem));
        if (out.size() == 0) {
            return;
        }
        PathKernels kernels = kernels(problem);
        int chunk = ScopeSlot.chunkPaths(problem, Math.min(out.size(), DEFAULT_CHUNK_PATHS));
        try (ProblemBuffers params = new ProblemBuffers(context, problem, precision);
             ChunkSlot slot = new ChunkSlot(context, queues[0], chunk, problem, kernels, precision, reads)) {
            for (int offset = 0; offset < out.size(); offset += chunk) {
                int count = Math.min(chunk, out.size() - offset);
                slot.simulateInto(kernels, problem, params, firstPath + offset, out, offset, count);
            }
        }
    }

    @Override
    public PathStats run(CompiledProblem problem, long firstPath, long count, ProgressListener progress) {
        CompiledProblem.requireNothingMissing(name(), unimplemented(problem));
        return run(problem, firstPath, count, progress, DEFAULT_CHUNK_PATHS);
    }

    /** {@link #run} with a chosen chunk size; results do not depend on it. */
    synchronized PathStats run(CompiledProblem problem, long firstPath, long count, ProgressListener progress,
                               int chunkPaths) {
        JitWarmUp.stop();
        if (count < 0 || chunkPaths < 1) {
            throw new IllegalArgumentException("count must be >= 0 and chunkPaths >= 1 but were " + count + ", "
                    + chunkPaths);
        }
        DeviceStats run = DeviceStats.create(select, problem);
        PathStats total = run.stats();
        if (count == 0) {
            return total;
        }
        int chunk = ScopeSlot.chunkPaths(problem, (int) Math.min(chunkPaths, count));
        ChunkSlot[] slots = new ChunkSlot[queues.length];
        try (ProblemBuffers params = new ProblemBuffers(context, problem, precision)) {
            PathKernels kernels = kernels(problem);
            for (int s = 0; s < slots.length; s++) {
                slots[s] = new ChunkSlot(context, queues[s], chunk, problem, kernels, precision, reads);
            }
            int next = 0;
            for (long start = 0; start < count; start += chunk) {
                // Chunks are collected in submission order: the slot about to be reused holds the older one.
                report(progress, slots[next].collect(run));
                slots[next].submit(kernels, problem, params, firstPath + start, (int) Math.min(chunk, count - start));
                next = (next + 1) % slots.length;
            }
            for (int s = 0; s < slots.length; s++) {
                report(progress, slots[(next + s) % slots.length].collect(run));
            }
        } catch (RuntimeException | Error e) {
            total.close();
            throw e;
        } finally {
            for (ChunkSlot slot : slots) {
                if (slot != null) {
                    slot.close();
                }
            }
        }
        return total;
    }

    /**
     * Runs every cell of {@code batch} from path 0 in one launch (see {@link CellBatch}); each cell's statistics
     * equal those of {@link #run} on that cell alone, except that their samples are in host memory.
     */
    public synchronized List<PathStats> run(CellBatch batch) throws EngineUnavailableException {
        JitWarmUp.stop();
        if (batches == null) {
            batches = new BatchRunner(context, device, info.name(), queues[0], precision, reads);
        }
        return batches.run(batch);
    }

    private static void report(ProgressListener progress, int paths) {
        if (paths > 0) {
            progress.pathsDone(paths);
        }
    }

    /**
     * Builds the kernels for the shape (assets, positions) of {@code problem} now rather than at its first run,
     * so that timings and the first result are not delayed by the compiler.
     */
    public synchronized void prepare(CompiledProblem problem) {
        kernels(problem);
    }

    /**
     * What the device compiler made of the kernels that run {@code problem} (building them if need be): private
     * and local memory and group sizes, path kernel first, then the reductions and the ranking kernel of every run.
     */
    public synchronized List<KernelFacts> kernelFacts(CompiledProblem problem) {
        List<KernelFacts> facts = new ArrayList<>(kernels(problem).facts());
        facts.add(select.facts(device));
        return facts;
    }

    private PathKernels kernels(CompiledProblem problem) {
        try {
            return programFor(problem);
        } catch (EngineUnavailableException e) {
            // The probe program built when the engine opened, so this is a defect of the kernels, not the machine.
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private PathKernels programFor(CompiledProblem problem) throws EngineUnavailableException {
        String options = PathKernels.options(problem, precision, maxConstantBytes);
        PathKernels kernels = programs.get(options);
        if (kernels == null) {
            kernels = PathKernels.build(context, device, info.name(), options, FrictionBuffer.applies(problem));
            programs.put(options, kernels);
        }
        return kernels;
    }

    /** Builds a program of the given kernel sources for tests of single kernels; the caller closes it. */
    KernelProgram buildProgram(String options, String... resources) throws EngineUnavailableException {
        return KernelProgram.build(context, device, info.name(), options, resources);
    }

    cl_context context() {
        return context;
    }

    cl_command_queue queue() {
        return queues[0];
    }

    cl_device_id deviceId() {
        return device;
    }

    /** Bytes copied from the device to the host since the engine opened, for tests of what comes back. */
    long bytesRead() {
        return reads.bytes();
    }

    @Override
    public synchronized void close() {
        programs.values().forEach(PathKernels::close);
        programs.clear();
        if (batches != null) {
            batches.close();
            batches = null;
        }
        if (select != null) {
            select.release();
            select = null;
        }
        for (cl_command_queue queue : queues) {
            CL.clReleaseCommandQueue(queue);
        }
        CL.clReleaseContext(context);
    }


    @SuppressWarnings("deprecation")
    static cl_command_queue newQueue(cl_context context, cl_device_id device) {
        // The OpenCL 1.x call, which OpenCL 1.2 drivers (older NVIDIA ones among them) still require.
        return CL.clCreateCommandQueue(context, device, 0, null);
    }
}
