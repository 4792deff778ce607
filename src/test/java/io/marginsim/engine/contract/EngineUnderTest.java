package io.marginsim.engine.contract;

import io.marginsim.engine.Engine;
import io.marginsim.engine.Precision;
import io.marginsim.engine.opencl.OpenClTestEngines;
import io.marginsim.engine.vector.VectorEngine;
import io.marginsim.problem.CompiledProblem;

/**
 * An engine and precision the contract suite compares with the scalar reference, with the tolerances its rounding
 * calls for, each relative to a measure of the account's size:
 * <ul>
 *   <li>vector, float: {@link Case#laneRelative} of gross notional (cash, positions at entry, collateral at the
 *   initial price); float prices differ by a few 2^-24 and equities by up to ~1.5e-6 of it after 256 steps;</li>
 *   <li>OpenCL, float: 1e-5 of gross entry notional plus cash; a price carries a relative error of a few 2^-24 from
 *   its accumulated log price;</li>
 *   <li>OpenCL, double: 1e-12 of the same; the device's exp and sqrt are not Java's and -cl-mad-enable fuses
 *   products, so equality is too strict, but every path breaches at the reference's step.</li>
 * </ul>
 */
public enum EngineUnderTest {
    VECTOR_FLOAT(Precision.FLOAT, Integer.MAX_VALUE, true) {
        @Override
        public Engine open(int paths) {
            return new VectorEngine(1, paths);
        }

        @Override
        public double tolerance(CompiledProblem problem, double laneRelative) {
            return laneRelative * grossNotional(problem);
        }
    },
    OPENCL_FLOAT(Precision.FLOAT, Catalogue.KERNEL_PATHS, false) {
        @Override
        public Engine open(int paths) {
            return OpenClTestEngines.floatEngine();
        }

        @Override
        public double tolerance(CompiledProblem problem, double laneRelative) {
            return KERNEL_FLOAT_RELATIVE * accountSize(problem);
        }
    },
    OPENCL_DOUBLE(Precision.DOUBLE, Catalogue.KERNEL_PATHS, false) {
        @Override
        public Engine open(int paths) {
            return OpenClTestEngines.doubleEngine();
        }

        @Override
        public double tolerance(CompiledProblem problem, double laneRelative) {
            return KERNEL_DOUBLE_RELATIVE * accountSize(problem);
        }
    };

    /** OpenCL's float tolerance relative to {@link #accountSize}. */
    public static final double KERNEL_FLOAT_RELATIVE = 1e-5;
    /** OpenCL's double tolerance relative to {@link #accountSize}. */
    public static final double KERNEL_DOUBLE_RELATIVE = 1e-12;

    final Precision precision;
    /** The most paths a case runs on this engine: OpenCL on a CPU device is slow, and 4,096 paths span many groups. */
    final int maxPaths;
    /** Whether the engine keeps breach times within the step, which {@link io.marginsim.engine.BreachTimes} checks. */
    final boolean exactTimes;

    EngineUnderTest(Precision precision, int maxPaths, boolean exactTimes) {
        this.precision = precision;
        this.maxPaths = maxPaths;
        this.exactTimes = exactTimes;
    }

    /** The engine for runs of {@code paths} paths; skips the test where this machine cannot run it. */
    public abstract Engine open(int paths);

    /**
     * The largest gap allowed between this engine's outcome on a path and the reference's; {@code laneRelative} is
     * the vector engine's share of gross notional (see {@link Case#laneRelative}).
     */
    public abstract double tolerance(CompiledProblem problem, double laneRelative);

    /**
     * The least share of paths that must breach at the reference's step: float may move a breach by a step on paths
     * whose shortfall passes within rounding of zero, at most one in a thousand (below 1,000 paths, none).
     */
    public double breachAgreement(int paths) {
        return precision == Precision.DOUBLE || paths < 1_000 ? 1.0 : 0.999;
    }

    /** Cash, positions at entry and collateral (value and requirement units) at the initial price. */
    public static double grossNotional(CompiledProblem p) {
        double sum = accountSize(p);
        for (int a = 0; a < p.assets; a++) {
            sum += (Math.abs(p.valueUnits[a]) + Math.abs(p.requirementUnits[a])) * Math.exp(p.initialLogPrice[a]);
        }
        return sum;
    }

    /** Gross entry notional plus cash: the scale of the account's rounding errors. */
    public static double accountSize(CompiledProblem problem) {
        double size = Math.abs(problem.cash);
        for (int i = 0; i < problem.positions; i++) {
            size += Math.abs(problem.positionSize[i] * problem.positionEntry[i]);
        }
        return size;
    }

    @Override
    public String toString() {
        return name().toLowerCase().replace('_', ' ');
    }
}
