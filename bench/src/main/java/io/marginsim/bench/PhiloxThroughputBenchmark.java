package io.marginsim.bench;

import io.marginsim.engine.vector.LanePhilox;
import io.marginsim.rng.Philox4x32;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How many Philox4x32-10 blocks per second: the scalar reference one counter at a time versus
 * {@link LanePhilox} one vector of counters at a time. Both compute the blocks of {@value #BLOCKS} consecutive
 * path indices; the score is blocks per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class PhiloxThroughputBenchmark {
    private static final int BLOCKS = 4096;
    private static final int KEY0 = 0x1234_5678;
    private static final int KEY1 = 0x9abc_def0;
    private final int[] words = new int[4 * LanePhilox.LANES];
    private int step;

    @Benchmark
    @OperationsPerInvocation(BLOCKS)
    public void scalar(Blackhole hole) {
        step++;
        for (int path = 0; path < BLOCKS; path++) {
            Philox4x32.block(step, path, 0, 0, KEY0, KEY1, words);
            hole.consume(words[0] ^ words[1] ^ words[2] ^ words[3]);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BLOCKS)
    public void lanes(Blackhole hole) {
        step++;
        for (int path = 0; path < BLOCKS; path += LanePhilox.LANES) {
            LanePhilox.block(step, path, 0, 0, KEY0, KEY1, words);
            hole.consume(words);
        }
    }
}
