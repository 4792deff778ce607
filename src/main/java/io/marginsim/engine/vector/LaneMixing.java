package io.marginsim.engine.vector;

import io.marginsim.market.ChiSquare;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;

import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LOG;
import static jdk.incubator.vector.VectorOperators.LOG1P;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.SIN;
import static jdk.incubator.vector.VectorOperators.SQRT;

/**
 * The Student-t mixing factor {@code sqrt((nu - 2) / W)} of {@link io.marginsim.market.StudentMixing} for
 * {@link Lanes#COUNT} paths in float, with {@code W} the chi-square of {@link ChiSquare} from the same blocks and
 * words: the integer part from blocks {@code 0 ..}, the fractional part from blocks
 * {@link ChiSquare#FRACTION_BLOCK} to {@code FRACTION_BLOCK + 2} with the same four Marsaglia-Tsang candidates.
 *
 * <p>The integer part needs no sine or cosine where both normals of a Box-Muller pair are summed:
 * {@code (r cos t)^2 + (r sin t)^2 = r^2 = -2 log u}, the same value as the reference's sum up to rounding. So a
 * pair costs one logarithm (two, for precision near {@code u = 1}), and {@code nu = 4} one Philox block per path
 * and step.
 */
final class LaneMixing {
    private static final int L = Lanes.COUNT;
    private static final float TWO_PI_OVER_2_POW_32 = (float) (2.0 * Math.PI * 0x1.0p-32);
    private final int stream;
    private final int k0;
    private final int k1;
    /** Normals summed exactly: {@code floor(nu)}. */
    private final int whole;
    private final float dofMinusTwo;
    /** Fractional part: shape {@code a = f / 2} of its gamma (0 when nu is an integer), and Marsaglia-Tsang's d, c. */
    private final boolean fractional;
    private final float d;
    private final float c;
    private final float inverseShape;
    private final LaneNormals fractionNormals;
    private final int[] words = new int[4 * L];
    private final float[] uniforms = new float[4 * L];
    private final float[] normals = new float[4 * L];
    /** {@code 1 - u} of words 0 and 2. */
    private final float[] complements = new float[2 * L];
    /** The chi-square being accumulated, and the fractional part's {@code Gamma(a + 1)}, one per lane. */
    private final float[] sum = new float[L];
    private final float[] gamma = new float[L];

    LaneMixing(double dof, int stream, long seed) {
        this.stream = stream;
        k0 = (int) seed;
        k1 = (int) (seed >>> 32);
        whole = (int) Math.floor(dof);
        dofMinusTwo = (float) (dof - 2);
        double a = 0.5 * (dof - whole);
        fractional = a > 0;
        // as in ChiSquare: d = a + 1 - 1/3, in double before rounding
        double dd = a + 1 - 1.0 / 3;
        d = (float) dd;
        c = (float) (1 / Math.sqrt(9 * dd));
        inverseShape = fractional ? (float) (1 / a) : 0f;
        fractionNormals = fractional ? new LaneNormals(seed) : null;
    }

    /** Writes the factor of counter step {@code step} for paths {@code firstPath + lane} to {@code out[at ..]}. */
    void fill(int step, int firstPath, float[] out, int at) {
        Lanes.fill(sum, 0, 0f);
        for (int block = 0; 4 * block < whole; block++) {
            LanePhilox.block(step, firstPath, block, stream, k0, k1, words);
            // the radii come from words 0 and 2; a lone cosine's angle is taken from its word directly
            for (int j = 0; j < 4; j += 2) {
                LaneUniforms.convert(words, j, uniforms, j * L);
                LaneUniforms.convert(words, j, true, complements, j / 2 * L);
            }
            addSquares(whole - 4 * block);
        }
        if (fractional) {
            fractionNormals.fill(step, firstPath, stream, ChiSquare.FRACTION_BLOCK + 1, ChiSquare.CANDIDATES, normals);
            LanePhilox.block(step, firstPath, ChiSquare.FRACTION_BLOCK, stream, k0, k1, words);
            for (int j = 0; j < ChiSquare.CANDIDATES; j++) {
                LaneUniforms.convert(words, j, uniforms, j * L);
            }
            acceptCandidates();
            LanePhilox.block(step, firstPath, ChiSquare.FRACTION_BLOCK + 2, stream, k0, k1, words);
            LaneUniforms.convert(words, 0, uniforms, 0);
            addFractionalGamma();
        }
        FloatVector.broadcast(Lanes.FLOATS, dofMinusTwo).div(FloatVector.fromArray(Lanes.FLOATS, sum, 0))
                .lanewise(SQRT).intoArray(out, at);
    }

    /** Adds the squares of the first {@code min(4, left)} normals of the block whose uniforms are loaded. */
    private void addSquares(int left) {
        FloatVector total = FloatVector.fromArray(Lanes.FLOATS, sum, 0);
        for (int pair = 0; pair < 2 && 2 * pair < left; pair++) {
            // -2 log u, taken as -2 log1p(-(1 - u)) above one half: a small chi-square needs every uniform near
            // one, where u in float has only absolute precision, and 1 / W turns that into a large relative error
            FloatVector u = FloatVector.fromArray(Lanes.FLOATS, uniforms, 2 * pair * L);
            FloatVector nearOne = FloatVector.fromArray(Lanes.FLOATS, complements, pair * L).neg().lanewise(LOG1P);
            FloatVector radius2 = u.lanewise(LOG).blend(nearOne, u.compare(GT, 0.5f)).mul(-2f);
            if (2 * pair + 1 < left) {
                total = total.add(radius2);
            } else {
                // only the cosine normal of this pair is used: cos^2(2 pi u) = sin^2(2 pi t) with t = u - 1/4 reduced
                // into [-1/4, 1/4), exactly, on the word; a small chi-square needs cos near zero, where the sine of
                // the small t keeps the relative precision that cos of a rounded u loses
                FloatVector t = ((FloatVector) IntVector.fromArray(Lanes.INTS, words, (2 * pair + 1) * L)
                        .and(0x7FFFFFFF).sub(1 << 30).convert(I2F, 0)).add(0.5f).mul(TWO_PI_OVER_2_POW_32);
                FloatVector sin = t.lanewise(SIN);
                total = radius2.mul(sin.mul(sin)).add(total);
            }
        }
        total.intoArray(sum, 0);
    }

    /**
     * Marsaglia-Tsang's test on the four candidates (normals in {@code normals}, uniforms in {@code uniforms}),
     * scanned backwards as in the reference so the first accepted candidate wins; {@code d} where none is. Writes
     * {@code Gamma(a + 1)} to {@code gamma}.
     */
    private void acceptCandidates() {
        FloatVector chosen = FloatVector.broadcast(Lanes.FLOATS, d);
        for (int k = ChiSquare.CANDIDATES - 1; k >= 0; k--) {
            FloatVector g = FloatVector.fromArray(Lanes.FLOATS, normals, k * L);
            FloatVector v = g.mul(c).add(1f);
            v = v.mul(v).mul(v);
            // log of v <= 0 is NaN and fails the comparison; the v > 0 mask says so explicitly
            FloatVector bound = g.mul(g).mul(0.5f).add(d).sub(v.mul(d)).add(v.lanewise(LOG).mul(d));
            VectorMask<Float> accept = v.compare(GT, 0f)
                    .and(FloatVector.fromArray(Lanes.FLOATS, uniforms, k * L).lanewise(LOG).compare(LT, bound));
            chosen = chosen.blend(v.mul(d), accept);
        }
        chosen.intoArray(gamma, 0);
    }

    /** Adds {@code 2 Gamma(a + 1) V^(1/a)}, {@code V} being the uniform in the first lanes of {@code uniforms}. */
    private void addFractionalGamma() {
        FloatVector power = FloatVector.fromArray(Lanes.FLOATS, uniforms, 0).lanewise(LOG).mul(inverseShape)
                .lanewise(EXP);
        FloatVector.fromArray(Lanes.FLOATS, gamma, 0).mul(power).mul(2f).add(FloatVector.fromArray(Lanes.FLOATS, sum, 0)).intoArray(sum, 0);
    }
}
