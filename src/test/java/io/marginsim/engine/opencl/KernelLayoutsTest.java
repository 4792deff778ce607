package io.marginsim.engine.opencl;

import io.marginsim.engine.PortfolioSpecs;
import io.marginsim.engine.contract.FrictionProblems;
import io.marginsim.engine.contract.Problems;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.spec.Monitoring;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The generated layout header against the Java packing, and the kernels against the header: every field's define
 * evaluates, for a problem's shape, to the offset the packer writes it at, and no kernel reads a packed buffer at an
 * offset of its own.
 */
class KernelLayoutsTest {
    private static final Pattern DEFINE = Pattern.compile("(?m)^#define (\\w+) (.+)$");
    /** A name tested as a build option, which a generated offset must not shadow. */
    private static final Pattern OPTION = Pattern.compile("(?:#ifn?def\\s+|defined\\s*\\(\\s*)(\\w+)");
    /** The packed buffers and the records within them, as the kernels name their pointers. */
    private static final String BUFFERS = "models|market|account|layout|params|ints|reals|q|chi|jump|dcc"
            + "|scopeBreachOut|scopeEquityOut|scopeLossOut|scopeBadDebtOut|cell|cells";
    /** A read of a packed buffer (not a member of a struct, not an array declared under the same name). */
    private static final Pattern SUBSCRIPT = Pattern.compile(
            "(?<![\\w>.])(?<!(?:real|int|uint|char) )(" + BUFFERS + ")\\[([^\\]]*)\\]");
    private static final Pattern POINTER = Pattern.compile("(?<![\\w>.])(" + BUFFERS + ")\\s*\\+\\s*(\\w+)");
    /** Names the hand-kept layouts defined, which the generated header replaces. */
    private static final Pattern OLD_NAMES = Pattern.compile(
            "#define\\s+(F_\\w+|ASSET_FIELDS|MODEL_HEADER|COPULA_RECORD|COMMON_JUMP_RECORD|FACTOR_AT|DCC_AT"
                    + "|MARKET_REALS|ACCOUNT_REALS|LAYOUT_INTS|PORTFOLIO_REALS|CELL_INTS)\\b");

    private static final List<LayoutShape> SHAPES = List.of(new LayoutShape(1, 0, 0, 0), new LayoutShape(2, 3, 0, 0),
            new LayoutShape(3, 2, 4, 5), new LayoutShape(16, 7, 1, 256));

    @Test
    void everyFieldIsDefinedAtTheOffsetThePackerUses() {
        Map<String, String> defines = defines(KernelLayouts.header());
        for (Layout<?> layout : KernelLayouts.ALL) {
            assertFieldsDefined(layout, defines);
        }
    }

    @Test
    void theGeneratedNamesAreDistinct() {
        List<String> names = new ArrayList<>();
        Matcher m = DEFINE.matcher(KernelLayouts.header());
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).doesNotHaveDuplicates().contains("MODEL_GARCH_OMEGA", "FRICTION_DEPTH",
                "FRICTION_INT_PARTIAL_MODE", "ACCOUNT_SCENARIO_UNITS", "LAYOUT_TIER_START", "MODELS_DCC");
    }

    /**
     * DCC's target rides with what rounding it to float leaves, at the header's offsets: a float device adds the two
     * back into Cbar to within a float's rounding of the residual, so a correlation of 0.999999 keeps its 1 - rho
     * (rounded to float alone it moves by 1.3 per cent).
     */
    @Test
    void theDccTargetCarriesItsFloatResidual() {
        Map<String, String> defines = defines(KernelLayouts.header());
        CompiledProblem dcc = Problems.compile(Problems.dccSpec(3, "",
                "[[1, 0.999999, 0.999999], [0.999999, 1, 0.999999], [0.999999, 0.999999, 1]]",
                "\"dcc\": {\"a\": 0.05, \"b\": 0.9}", 57));
        LayoutShape shape = LayoutShape.of(dcc);
        double[] models = ModelBuffer.pack(dcc);
        assertThat(models.length).isEqualTo(eval("MODELS_DCC + DCC_FIELDS", defines, shape));
        int target = eval("MODELS_DCC + DCC_TARGET", defines, shape);
        int low = eval("MODELS_DCC + DCC_TARGET_LOW", defines, shape);
        for (int e = 0; e < dcc.assets * dcc.assets; e++) {
            double c = dcc.dccTarget.get(e);
            assertThat(models[target + e]).as("Cbar entry %d", e).isEqualTo(c);
            // as a float device holds them
            float hi = (float) models[target + e];
            float lo = (float) models[low + e];
            assertThat((double) hi + lo).as("Cbar entry %d from float", e)
                    .isCloseTo(c, offset((double) Math.ulp(hi) * 0x1p-24));
        }
    }

    @Test
    void packedValuesLieAtTheHeadersOffsets() {
        Map<String, String> defines = defines(KernelLayouts.header());
        CompiledProblem garch = Problems.garch(7);
        double[] models = ModelBuffer.pack(garch);
        int asset = garch.assets - 1;
        int record = eval("MODELS_PER_ASSET + " + asset + " * MODEL_FIELDS", defines, LayoutShape.of(garch));
        assertThat(models[record + eval("MODEL_GARCH_OMEGA", defines, LayoutShape.of(garch))])
                .isEqualTo(garch.garchOmega.get(asset));
        assertThat(models[record + eval("MODEL_GARCH_START", defines, LayoutShape.of(garch))])
                .isEqualTo(garch.initialVariance.get(asset));
        assertThat(models.length).isEqualTo(eval("MODELS_DCC", defines, LayoutShape.of(garch)));

        CompiledProblem liquidated = FrictionProblems.frozenCross(FrictionProblems.LATENCY_LINEAR_FEE, 7);
        LayoutShape shape = LayoutShape.of(liquidated);
        double[] reals = FrictionBuffer.pack(liquidated);
        int[] ints = FrictionBuffer.packInts(liquidated);
        assertThat(reals.length).isEqualTo(eval("FRICTION_FIELDS", defines, shape));
        assertThat(ints.length).isEqualTo(eval("FRICTION_INT_FIELDS", defines, shape));
        for (int i = 0; i < liquidated.positions; i++) {
            assertThat(reals[eval("FRICTION_DEPTH", defines, shape) + i])
                    .isEqualTo(liquidated.frictions.liquidation().depth().get(i));
            assertThat(reals[eval("FRICTION_FUNDING", defines, shape) + i])
                    .isEqualTo(liquidated.frictions.fundingPerStep().get(i));
        }
        assertThat(reals[eval("FRICTION_IMPACT_COEFFICIENT", defines, shape)])
                .isEqualTo(liquidated.frictions.liquidation().impactCoefficient());

        CompiledProblem grid = ProblemCompiler.compile(PortfolioSpecs.twoAssets(15_000, 7, 4096, Monitoring.DISCRETE));
        LayoutShape gridShape = LayoutShape.of(grid);
        assertThat(gridShape.scenarios()).isPositive();
        double[] account = ProblemBuffers.accountArray(grid);
        assertThat(account.length).isEqualTo(eval("ACCOUNT_FIELDS", defines, gridShape));
        assertThat(account[eval("ACCOUNT_CASH", defines, gridShape)]).isEqualTo(grid.cash);
        assertThat(account[eval("ACCOUNT_PORTFOLIO_MINIMUM", defines, gridShape)]).isEqualTo(grid.portfolioMinimum);
        assertThat(account[eval("ACCOUNT_SCENARIO_UNITS", defines, gridShape) + grid.scenarioUnits.length() - 1])
                .isEqualTo(grid.scenarioUnits.get(grid.scenarioUnits.length() - 1));
        int[] layout = ProblemBuffers.layoutArray(grid);
        assertThat(layout.length).isEqualTo(eval("LAYOUT_FIELDS", defines, gridShape));
        assertThat(ProblemBuffers.marketArray(grid).length).isEqualTo(eval("MARKET_FIELDS", defines, gridShape));
    }

    @Test
    void noKernelReadsAPackedBufferAtAnOffsetOfItsOwn() throws IOException {
        Map<String, String> defines = defines(KernelLayouts.header());
        List<Path> kernels;
        try (Stream<Path> files = Files.list(Path.of("kernels"))) {
            kernels = files.filter(f -> f.toString().endsWith(".cl")).sorted().toList();
        }
        assertThat(kernels).extracting(f -> f.getFileName().toString()).contains("models.cl", "account.cl",
                "frictions.cl", "paths.cl", "batch.cl");
        List<String> offenders = new ArrayList<>();
        for (Path file : kernels) {
            String source = Files.readString(file);
            offenders.addAll(literalAccesses(file.getFileName().toString(), source, defines.keySet()));
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theScanFindsLiteralOffsets() {
        Map<String, String> defines = defines(KernelLayouts.header());
        String old = """
                #define F_FUNDING 2
                    f->latencyWhole = ints[0];
                    real s = q[COMMON_BETA + 1];
                    p->entry = account + POSITIONS;
                    p->cash = account[ACCOUNT_CASH];
                #ifdef MODEL_FIELDS
                """;
        assertThat(literalAccesses("old.cl", old, defines.keySet())).hasSize(5);
    }

    /** Accesses of a packed buffer that name no generated offset, and definitions of the old hand-kept names. */
    static List<String> literalAccesses(String file, String source, Set<String> generated) {
        List<String> found = new ArrayList<>();
        Matcher old = OLD_NAMES.matcher(source);
        while (old.find()) {
            found.add(file + ": " + old.group());
        }
        Matcher own = DEFINE.matcher(source);
        while (own.find()) {
            if (generated.contains(own.group(1))) {
                found.add(file + ": redefines " + own.group(1));
            }
        }
        Matcher option = OPTION.matcher(source);
        while (option.find()) {
            if (generated.contains(option.group(1))) {
                found.add(file + ": build option " + option.group(1) + " is also a generated offset");
            }
        }
        Matcher subscript = SUBSCRIPT.matcher(source);
        while (subscript.find()) {
            if (!namesOnlyGeneratedOffsets(subscript.group(2), generated)) {
                found.add(file + ": " + subscript.group());
            }
        }
        Matcher pointer = POINTER.matcher(source);
        while (pointer.find()) {
            if (!namesOnlyGeneratedOffsets(pointer.group(2), generated)) {
                found.add(file + ": " + pointer.group());
            }
        }
        return found;
    }

    /**
     * Whether an index holds no number and no upper-case name but generated ones: a path's or an element's variable
     * ({@code gid}, {@code i}, a batch cell's {@code c}) is fine, a literal or a build option alone is not.
     */
    private static boolean namesOnlyGeneratedOffsets(String index, Set<String> generated) {
        return Stream.of(index.split("\\W+")).filter(t -> !t.isEmpty())
                .allMatch(t -> generated.contains(t) || t.matches("[a-z]\\w*"));
    }

    private static <E extends Enum<E> & LayoutField> void assertFieldsDefined(Layout<E> layout,
                                                                             Map<String, String> defines) {
        for (LayoutShape shape : SHAPES) {
            for (E field : layout.fields()) {
                assertThat(defines).containsKey(layout.name(field));
                assertThat(eval(layout.name(field), defines, shape)).as("%s for %s", layout.name(field), shape)
                        .isEqualTo(layout.offset(field, shape));
            }
            assertThat(eval(layout.lengthName(), defines, shape)).as("%s for %s", layout.lengthName(), shape)
                    .isEqualTo(layout.length(shape));
        }
    }

    private static Map<String, String> defines(String header) {
        Map<String, String> out = new HashMap<>();
        Matcher m = DEFINE.matcher(header);
        while (m.find()) {
            out.put(m.group(1), m.group(2));
        }
        return out;
    }

    /** The value of a define's expression (integers, names, +, *, >, brackets) for a problem's shape. */
    static int eval(String expression, Map<String, String> defines, LayoutShape shape) {
        Map<String, Integer> options = Map.of("ASSETS", shape.assets(), "POSITIONS", shape.positions(),
                "HAIRCUT_ENTRIES", shape.haircutEntries(), "SCENARIOS", shape.scenarios());
        return new Evaluator(expression, defines, options).comparison();
    }

    private static final class Evaluator {
        private final List<String> tokens = new ArrayList<>();
        private final Map<String, String> defines;
        private final Map<String, Integer> options;
        private int at;

        Evaluator(String expression, Map<String, String> defines, Map<String, Integer> options) {
            Matcher m = Pattern.compile("\\w+|[-+*()<>?:/]").matcher(expression);
            while (m.find()) {
                tokens.add(m.group());
            }
            this.defines = defines;
            this.options = options;
        }

        int comparison() {
            int left = sum();
            if (at < tokens.size() && tokens.get(at).equals(">")) {
                at++;
                return left > sum() ? 1 : 0;
            }
            return left;
        }

        private int sum() {
            int value = product();
            while (at < tokens.size() && tokens.get(at).equals("+")) {
                at++;
                value += product();
            }
            return value;
        }

        private int product() {
            int value = operand();
            while (at < tokens.size() && tokens.get(at).equals("*")) {
                at++;
                value *= operand();
            }
            return value;
        }

        private int operand() {
            String token = tokens.get(at++);
            if (token.equals("(")) {
                int value = comparison();
                assertThat(tokens.get(at++)).isEqualTo(")");
                return value;
            }
            if (token.matches("\\d+")) {
                return Integer.parseInt(token);
            }
            if (options.containsKey(token)) {
                return options.get(token);
            }
            assertThat(defines).as("a define for %s", token).containsKey(token);
            return new Evaluator(defines.get(token), defines, options).comparison();
        }
    }
}
