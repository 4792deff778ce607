package io.marginsim.engine;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A few small blocks of an engine's hot code, simulated on a background thread while a command starts up (reading
 * and compiling its spec), so that the JIT has compiled that code by the time the real simulation starts.
 *
 * <p>Why: the vector engine's lane code runs in the interpreter and in C1's code until C2 has compiled it, and there
 * the Vector API boxes every operation, tens of times slower than C2's code. A cold {@code simulate} of 2^20 paths x
 * 256 steps spent about half its time so (bench/RESULTS.md, "The step covariance in vectors, Philox on vpmuludq, and
 * a JIT warm-up"). The warm-up runs the shared lane code (Philox, the normals, the market step, the account) while
 * the main thread is busy with class loading, JSON and the compiled problem, on a core it leaves idle.
 *
 * <p>It stops at the first run of any engine ({@link #stop}, called by the engines' {@code run}), or after its
 * blocks; it writes only to its own {@link PathBlock} and shares no state with the real run, so results are the
 * same with it or without it. A failure ends it without a word: it only ever saves time.
 */
public final class JitWarmUp {
    private static final AtomicBoolean STOPPED = new AtomicBoolean();

    private JitWarmUp() {
    }

    /**
     * Starts simulating {@code blocks} blocks of {@code paths} paths of {@code problem} on {@code engine}, in a daemon
     * thread, unless an engine has already started a run.
     */
    public static void start(Engine engine, CompiledProblem problem, int paths, int blocks) {
        if (STOPPED.get()) {
            return;
        }
        Thread.ofPlatform().daemon().name("margin-sim-jit-warm-up").start(() -> run(engine, problem, paths, blocks));
    }

    private static void run(Engine engine, CompiledProblem problem, int paths, int blocks) {
        try {
            PathBlock out = PathBlock.forProblem(problem, paths);
            for (int b = 0; b < blocks && !STOPPED.get(); b++) {
                engine.simulate(problem, (long) b * paths, out);
            }
        } catch (RuntimeException | LinkageError ignored) {
            // a warm-up that cannot run saves nothing and costs nothing
        }
    }

    /** Stops the warm-up before its next block: an engine is about to run for real and needs the cores. */
    public static void stop() {
        STOPPED.set(true);
    }
}
