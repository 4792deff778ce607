package io.marginsim.engine.opencl;

import io.marginsim.engine.contract.Problems;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * After OpenCL is loaded, a context opened and a program built and run, the handlers of the signals the JVM relies on are
 * still the JVM's own: addresses inside {@code libjvm.so}. PoCL's LLVM replaces them when it is loaded, so without
 * {@link JvmSignalHandlers#restore} this fails on the PoCL machines the tests run on.
 */
class JvmSignalHandlersTest {
    /** SIGILL, SIGFPE, SIGBUS, SIGSEGV, SIGUSR2: the handlers PoCL's LLVM replaces (seen with -Xcheck:jni). */
    private static final int[] JVM_SIGNALS = {4, 8, 7, 11, 12};

    @Test
    void theJvmKeepsItsHandlersOnceOpenClIsInUse() throws IOException {
        assumeTrue(JvmSignalHandlers.supported(), "no sigaction here");
        // open the engine, build its programs and run them, so that every driver initialisation has happened
        OpenClTestEngines.floatEngine().run(Problems.tieredThreeBrackets(1), 0, 1_000, p -> { }).close();
        List<long[]> jvm = libjvmRanges();
        assumeTrue(!jvm.isEmpty(), "libjvm.so is not in /proc/self/maps");
        for (int signal : JVM_SIGNALS) {
            long handler = JvmSignalHandlers.handlerAddress(signal);
            assertThat(jvm.stream().anyMatch(r -> Long.compareUnsigned(handler, r[0]) >= 0
                    && Long.compareUnsigned(handler, r[1]) < 0))
                    .as("handler of signal %d at %x lies in libjvm.so", signal, handler).isTrue();
        }
    }

    /** Address ranges at which libjvm.so is mapped, from {@code /proc/self/maps}. */
    private static List<long[]> libjvmRanges() throws IOException {
        Path maps = Path.of("/proc/self/maps");
        assumeTrue(Files.isReadable(maps), "no /proc/self/maps");
        return Files.readAllLines(maps).stream().filter(line -> line.endsWith("/libjvm.so")).map(line -> {
            String[] range = line.substring(0, line.indexOf(' ')).split("-");
            return new long[] {Long.parseUnsignedLong(range[0], 16), Long.parseUnsignedLong(range[1], 16)};
        }).toList();
    }
}
