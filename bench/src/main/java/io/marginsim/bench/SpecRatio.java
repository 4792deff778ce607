package io.marginsim.bench;

import io.marginsim.engine.vector.VectorEngine;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.PathBlock;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.problem.Workloads;
import io.marginsim.spec.SpecReader;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The vector engine's throughput on spec files next to the plain one-asset workload ({@link Workloads#oneAsset}),
 * in one JVM on one thread, as a ratio: what liquidation mechanics and carrying costs cost relative to the plain
 * breach model. The runs are interleaved (plain, each spec, again) so that load from other work on the machine
 * falls on all of them alike, and each is scored by the CPU time of the simulating thread as well as by the wall
 * clock: on a shared machine the first is steady where the second is not.
 *
 * <p>Arguments: {@code paths repetitions spec...}; prints the best of the repetitions per problem, in path-steps
 * per CPU-second and per second.
 */
public final class SpecRatio {
    private SpecRatio() {
    }

    public static void main(String[] args) {
        int paths = Integer.parseInt(args[0]);
        int repetitions = Integer.parseInt(args[1]);
        int count = args.length - 1;
        CompiledProblem[] problems = new CompiledProblem[count];
        String[] names = new String[count];
        problems[0] = Workloads.oneAsset(42);
        names[0] = "plain";
        for (int k = 1; k < count; k++) {
            names[k] = args[k + 1];
            problems[k] = ProblemCompiler.compile(SpecReader.read(Path.of(names[k])));
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] perCpuSecond = new double[count];
        double[] perSecond = new double[count];
        for (int r = 0; r < repetitions; r++) {
            for (int k = 0; k < count; k++) {
                PathBlock block = PathBlock.forProblem(problems[k], paths);
                double pathSteps = (double) paths * problems[k].steps;
                long cpu = threads.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                new VectorEngine(1, paths).simulate(problems[k], 0, block);
                perCpuSecond[k] = Math.max(perCpuSecond[k],
                        pathSteps / ((threads.getCurrentThreadCpuTime() - cpu) * 1e-9));
                perSecond[k] = Math.max(perSecond[k], pathSteps / ((System.nanoTime() - wall) * 1e-9));
            }
        }
        for (int k = 0; k < count; k++) {
            System.out.printf(Locale.ROOT, "%-40s %.3e path-steps per CPU-s (x plain %.3f), %.3e per s (x %.3f)%n",
                    names[k], perCpuSecond[k], perCpuSecond[k] / perCpuSecond[0], perSecond[k],
                    perSecond[k] / perSecond[0]);
        }
    }
}
