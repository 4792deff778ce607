package io.marginsim.engine.opencl;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * Keeps the JVM's own handlers of the signals it relies on in place around OpenCL calls.
 *
 * <p>The JVM handles SIGSEGV itself, as part of normal running: a safepoint poll is a load from a page that is
 * protected while a garbage collection waits, and implicit null checks are faulting loads. An OpenCL driver built on
 * LLVM (PoCL, and compilers of GPU drivers alike) installs LLVM's crash handlers for SIGSEGV, SIGBUS, SIGFPE, SIGILL
 * and SIGUSR2 when it is loaded, flagged {@code SA_RESETHAND}: the first fault of a safepoint poll resets the
 * handler to the default, so a second thread faulting at the same safepoint kills the process ("Segmentation
 * fault", no {@code hs_err} file). This class records the handlers before the first OpenCL call and puts them back
 * after every call that may load or initialise a driver or its compiler (platform discovery, context creation,
 * program builds), through {@code sigaction(2)} reached with the Foreign Function API.
 *
 * <p>The {@code struct sigaction} is copied as opaque bytes, so its layout does not matter; where {@code sigaction}
 * cannot be found (not a POSIX C library), nothing is done. Nor is anything done in a JVM started with
 * {@code libjsig.so} preloaded: it keeps its own handlers and chains foreign ones behind them by itself, and would
 * take a restored handler for a foreign one, chaining the JVM's handler to itself.
 */
final class JvmSignalHandlers {
    /** SIGILL, SIGFPE, SIGBUS, SIGSEGV and SIGUSR2 as numbered on Linux. */
    private static final int[] SIGNALS = {4, 8, 7, 11, 12};
    /** More than any C library's {@code struct sigaction} (152 bytes with glibc on x86-64). */
    private static final long STRUCT_BYTES = 512;

    private static final MethodHandle SIGACTION = chainedByLibjsig() ? null : sigaction().orElse(null);
    /** The JVM's handlers, read when this class is initialised: before any OpenCL library is loaded. */
    private static final MemorySegment[] JVM_HANDLERS = read();

    private JvmSignalHandlers() {
    }

    /** Loads this class, so that the JVM's handlers are recorded before the first OpenCL call. */
    static void recordBeforeOpenCl() {
        // the static initialisers did the work
    }

    /** Puts back every handler that differs from the JVM's. */
    static synchronized void restore() {
        if (JVM_HANDLERS == null) {
            return;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment current = arena.allocate(STRUCT_BYTES);
            for (int i = 0; i < SIGNALS.length; i++) {
                call(SIGNALS[i], MemorySegment.NULL, current);
                if (current.mismatch(JVM_HANDLERS[i]) >= 0) {
                    call(SIGNALS[i], JVM_HANDLERS[i], MemorySegment.NULL);
                }
            }
        }
    }

    /** Address of the handler now installed for {@code signal} (the first member of the struct), or 0. */
    static long handlerAddress(int signal) {
        if (SIGACTION == null) {
            return 0;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment current = arena.allocate(STRUCT_BYTES);
            call(signal, MemorySegment.NULL, current);
            return current.get(ValueLayout.JAVA_LONG, 0);
        }
    }

    /** Whether this platform lets the handlers be read and restored. */
    static boolean supported() {
        return JVM_HANDLERS != null;
    }

    private static MemorySegment[] read() {
        if (SIGACTION == null) {
            return null;
        }
        MemorySegment[] saved = new MemorySegment[SIGNALS.length];
        for (int i = 0; i < SIGNALS.length; i++) {
            saved[i] = Arena.global().allocate(STRUCT_BYTES);
            call(SIGNALS[i], MemorySegment.NULL, saved[i]);
        }
        return saved;
    }

    private static void call(int signal, MemorySegment action, MemorySegment previous) {
        try {
            int result = (int) SIGACTION.invokeExact(signal, action, previous);
            if (result != 0) {
                throw new IllegalStateException("sigaction(" + signal + ") failed with " + result);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("sigaction(" + signal + ") failed", e);
        }
    }

    private static boolean chainedByLibjsig() {
        String preload = System.getenv("LD_PRELOAD");
        return preload != null && preload.contains("libjsig");
    }

    @SuppressWarnings("restricted") // a native downcall is this class's purpose; the launcher enables native access
    private static Optional<MethodHandle> sigaction() {
        try {
            Linker linker = Linker.nativeLinker();
            return linker.defaultLookup().find("sigaction").map(address -> linker.downcallHandle(address,
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS,
                            ValueLayout.ADDRESS)));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }
}
