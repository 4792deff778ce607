package io.marginsim.engine.contract;

import io.marginsim.engine.Engine;
import io.marginsim.engine.Precision;
import io.marginsim.engine.opencl.OpenClTestEngines;
import io.marginsim.engine.vector.VectorEngine;
import io.marginsim.problem.CompiledProblem;

import java.util.Locale;

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
    VECTOR_FLOAT(Precision.FLOAT, Integer.MAX_VALUE, true, true, 0.001) {
        @Override
        public Engine open(int paths) {
            return new VectorEngine(1, paths);
        }

        @Override
        public double tolerance(CompiledProblem problem, double laneRelative) {
            return laneRelative * grossNotional(problem);
        }
    },
    OPENCL_FLOAT(Precision.FLOAT, Catalogue.KERNEL_PATHS, false, false, EngineUnderTest.KERNEL_CONTINUOUS_OUTLIERS) {
        @Override
        public Engine open(int paths) {
            return OpenClTestEngines.floatEngine();
        }

        @Override
        public double tolerance(CompiledProblem problem, double laneRelative) {
            return KERNEL_FLOAT_RELATIVE * accountSize(problem);
        }
    },
    OPENCL_DOUBLE(Precision.DOUBLE, Catalogue.KERNEL_PATHS, false, false, EngineUnderTest.KERNEL_CONTINUOUS_OUTLIERS) {
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
    /**
     * The kernels' share of paths whose liquidating outcomes may lie beyond the tolerance under continuous
     * monitoring, 10 of 4,096: a tier partial leaves the notional at its bracket's floor, so which bracket's slope the
     * next check's bridge takes is decided by the rounding of the fill price, in double as in float (seen on up to 6
     * paths of slow fills); and in float the crossing time after a fill within the step rests on a small excess that
     * is a difference of large values (seen on 1 path).
     */
    private static final double KERNEL_CONTINUOUS_OUTLIERS = 0.0025;

    final Precision precision;
    /** The most paths a case runs on this engine: OpenCL on a CPU device is slow, and 4,096 paths span many groups. */
    final int maxPaths;
    /** Whether the engine keeps breach times within the step, which {@link io.marginsim.engine.BreachTimes} checks. */
    final boolean exactTimes;

    /**
     * Whether a liquidating account's worst shortfall must agree on every path, or only where breach steps and event
     * counts do: the vector lanes run the reference's account per lane in double, so a path cut one step apart still
     * ends its worst shortfall within rounding; the kernels keep their own account in the engine's precision.
     */
    final boolean shortfallOnEveryPath;

    /**
     * Whether a liquidating account's outliers count once per path rather than once per outcome: a kernel path that
     * a re-check within a step sends another way is off in equity, loss and bad debt at once.
     */
    final boolean countOutliersByPath;

    /**
     * The share of paths whose liquidating outcomes may lie beyond the tolerance under continuous monitoring: the
     * vector lanes one in a thousand (a check again after a fill within a step starts from an excess within rounding
     * of zero); the kernels {@link #KERNEL_CONTINUOUS_OUTLIERS}.
     */
    final double continuousOutlierShare;

    EngineUnderTest(Precision precision, int maxPaths, boolean exactTimes, boolean shortfallOnEveryPath,
                    double continuousOutlierShare) {
        this.precision = precision;
        this.maxPaths = maxPaths;
        this.exactTimes = exactTimes;
        this.shortfallOnEveryPath = shortfallOnEveryPath;
        this.countOutliersByPath = !shortfallOnEveryPath;
        this.continuousOutlierShare = continuousOutlierShare;
    }

    /**
     * How far the mean of a liquidating outcome may lie from the reference's, given the reference's standard error
     * and the per-path tolerance: the vector lanes within one standard error (their difference is well inside the
     * Monte Carlo interval of any report); the kernels within three, or the rounding tolerance where that is wider
     * (on common random numbers the gap is rounding only, far inside the interval).
     */
    public double meanGap(double standardError, double tolerance) {
        return this == VECTOR_FLOAT ? standardError : Math.max(3 * standardError, tolerance);
    }

    /** The flavour of an OpenCL engine of {@code precision}. */
    public static EngineUnderTest openCl(Precision precision) {
        return precision == Precision.DOUBLE ? OPENCL_DOUBLE : OPENCL_FLOAT;
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
            sum += (Math.abs(p.valueUnits.get(a)) + Math.abs(p.requirementUnits.get(a))) * Math.exp(p.initialLogPrice.get(a));
        }
        return sum;
    }

    /** Gross entry notional plus cash: the scale of the account's rounding errors. */
    public static double accountSize(CompiledProblem problem) {
        double size = Math.abs(problem.cash);
        for (int i = 0; i < problem.positions; i++) {
            size += Math.abs(problem.positionSize.get(i) * problem.positionEntry.get(i));
        }
        return size;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
