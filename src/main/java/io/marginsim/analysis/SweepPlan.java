package io.marginsim.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marginsim.check.SpecException;
import io.marginsim.spec.JsonNodes;
import io.marginsim.spec.Spec;
import io.marginsim.spec.SpecReader;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A validated sweep: a base spec (as JSON), axes that set values at JSON paths, and the buffer targets to report.
 * Cells are the cartesian product of the axes, numbered with the last axis varying fastest; a cell's spec is built
 * on demand, so a grid of any size costs memory for its axis values only.
 */
public final class SweepPlan {
    /** A sweep this large is a typo, and cell indices stay within a long's exact range in JSON. */
    public static final long MAX_CELLS = 100_000_000;
    private static final int MAX_RANGE_VALUES = 1_000_000;

    private final ObjectNode base;
    private final List<SweepAxis> axes;
    private final List<JsonPath> paths;
    private final List<Double> targets;
    private final long cells;
    private final String fingerprint;
    private final String source;
    /** What the base spec's file names are relative to: the base file's directory, or the sweep's. */
    private final Path specDirectory;
    private final List<Path> inputs;

    private SweepPlan(ObjectNode base, List<SweepAxis> axes, List<JsonPath> paths, List<Double> targets, String source,
                      Path specDirectory, List<Path> inputs) {
        this.base = base;
        this.specDirectory = specDirectory;
        this.inputs = List.copyOf(inputs);
        this.axes = List.copyOf(axes);
        this.paths = List.copyOf(paths);
        this.targets = List.copyOf(targets);
        this.source = source;
        long product = 1;
        for (SweepAxis axis : axes) {
            product *= axis.values().size();
            if (product > MAX_CELLS) {
                throw new SpecException("axes", "must give at most " + MAX_CELLS + " cells in all but give more");
            }
        }
        this.cells = product;
        this.fingerprint = digest(base.toString() + axes + targets);
    }

    public static SweepPlan read(Path file) {
        return parse(readText(file, "sweep file " + file), file.toAbsolutePath().getParent(), file.toString(), file);
    }

    /** Parses a sweep; a base given as a file name is read relative to {@code dir}. */
    public static SweepPlan parse(String text, Path dir, String source) {
        return parse(text, dir, source, null);
    }

    private static SweepPlan parse(String text, Path dir, String source, Path sweepFile) {
        List<Path> inputs = new ArrayList<>();
        if (sweepFile != null) {
            inputs.add(sweepFile);
        }
        JsonNodes root = JsonNodes.parse(text, source).allowOnly("base", "axes", "targets");
        JsonNodes baseNode = root.get("base");
        JsonNode baseJson;
        Path specDirectory = dir;
        if (baseNode.node().isTextual()) {
            Path file = dir.resolve(baseNode.asText());
            specDirectory = file.toAbsolutePath().getParent();
            inputs.add(file);
            baseJson = JsonNodes.parse(readText(file, "base spec file " + file), file.toString()).node();
        } else if (baseNode.node().isObject()) {
            baseJson = baseNode.node();
        } else {
            throw baseNode.error("must be a spec object or the name of a spec file but was " + baseNode.node().getNodeType());
        }
        inputs.addAll(SpecReader.referencedFiles(baseJson, specDirectory));
        if (baseJson.isObject() && baseJson.has("scenarios")) {
            // a sweep runs its cells on the baseline; dropping the key also spares each cell re-reading a scenarios
            // file from a folder the cell's spec no longer knows
            baseJson = ((ObjectNode) baseJson).deepCopy();
            ((ObjectNode) baseJson).remove("scenarios");
        }
        List<SweepAxis> axes = new ArrayList<>();
        List<JsonPath> paths = new ArrayList<>();
        List<JsonNodes> axisNodes = root.get("axes").elements();
        if (axisNodes.isEmpty()) {
            throw root.get("axes").error("must list at least one axis but was empty");
        }
        for (int i = 0; i < axisNodes.size(); i++) {
            JsonNodes axis = axisNodes.get(i).allowOnly("path", "values", "range");
            String pathText = axis.text("path");
            JsonPath path = JsonPath.parse(pathText);
            if (path == null) {
                throw axis.get("path").error("must look like account.positions[0].size but was \"" + pathText + "\"");
            }
            String why = path.whyNotSettable(baseJson);
            if (why != null) {
                throw axis.get("path").error("\"" + pathText + "\" cannot be set in the base spec because " + why);
            }
            for (int j = 0; j < i; j++) {
                String overlap = overlap(path, paths.get(j));
                if (overlap != null) {
                    throw axis.get("path").error("\"" + pathText + "\" " + overlap + " axes[" + j + "].path \""
                            + paths.get(j).text() + "\"; an axis path may be set by one axis only, or one axis's "
                            + "values would overwrite the other's");
                }
            }
            axes.add(new SweepAxis(i, pathText, values(axis)));
            paths.add(path);
        }
        return new SweepPlan(((ObjectNode) baseJson).deepCopy(), axes, paths, targets(root), source, specDirectory,
                inputs);
    }

    /** How path {@code a} collides with the path of an earlier axis, or null when they set disjoint values. */
    private static String overlap(JsonPath a, JsonPath b) {
        List<Object> x = a.segments();
        List<Object> y = b.segments();
        if (x.equals(y)) {
            return "repeats";
        }
        if (x.size() > y.size() && x.subList(0, y.size()).equals(y)) {
            return "lies inside";
        }
        if (y.size() > x.size() && y.subList(0, x.size()).equals(x)) {
            return "contains";
        }
        return null;
    }

    /** The buffer targets: absent means the one default, present means a non-empty list without repeats. */
    private static List<Double> targets(JsonNodes root) {
        if (!root.has("targets")) {
            return List.of(0.01);
        }
        List<JsonNodes> given = root.get("targets").elements();
        if (given.isEmpty()) {
            throw root.get("targets").error("must list at least one breach probability but was empty; leave "
                    + "targets out for the default [0.01]");
        }
        List<Double> targets = new ArrayList<>();
        for (JsonNodes t : given) {
            double target = t.asNumber();
            if (!(target > 0 && target < 1)) {
                throw t.error("must be a breach probability strictly between 0 and 1 but was " + target);
            }
            int earlier = targets.indexOf(target);
            if (earlier >= 0) {
                throw t.error("repeats targets[" + earlier + "] = " + target + "; each target names one buffer column");
            }
            targets.add(target);
        }
        return targets;
    }

    private static List<JsonNode> values(JsonNodes axis) {
        if (axis.has("values") == axis.has("range")) {
            throw axis.error("must give exactly one of values (a list) or range ({from, to, step})");
        }
        if (axis.has("values")) {
            List<JsonNode> values = new ArrayList<>();
            for (JsonNodes v : axis.get("values").elements()) {
                values.add(v.node());
            }
            if (values.isEmpty()) {
                throw axis.get("values").error("must list at least one value but was empty");
            }
            return values;
        }
        JsonNodes range = axis.object("range").allowOnly("from", "to", "step");
        // Decimal arithmetic, so 0.2 + 2 * 0.2 is 0.6 and not 0.6000000000000001 in the output.
        BigDecimal from = BigDecimal.valueOf(range.number("from"));
        BigDecimal to = BigDecimal.valueOf(range.number("to"));
        BigDecimal step = BigDecimal.valueOf(range.number("step"));
        if (step.signum() <= 0) {
            throw range.get("step").error("must be > 0 but was " + step);
        }
        if (from.compareTo(to) > 0) {
            throw range.get("to").error("must be >= from (" + from + ") but was " + to);
        }
        BigDecimal count = to.subtract(from).divideToIntegralValue(step);
        if (count.compareTo(BigDecimal.valueOf(MAX_RANGE_VALUES)) >= 0) {
            throw range.error("must give at most " + MAX_RANGE_VALUES + " values but gives " + count.add(BigDecimal.ONE));
        }
        List<JsonNode> values = new ArrayList<>();
        for (int i = 0; i <= count.intValue(); i++) {
            BigDecimal value = from.add(step.multiply(BigDecimal.valueOf(i))).stripTrailingZeros();
            // Whole numbers stay integral so they can sweep counts such as stepsPerDay.
            values.add(value.scale() <= 0 ? LongNode.valueOf(value.longValueExact()) : DoubleNode.valueOf(value.doubleValue()));
        }
        return values;
    }

    /**
     * The sweep as one self-contained document (base inlined, every axis as its list of values) that
     * {@link #parse} reads back into an equal plan with the same fingerprint; for machines that cannot see the
     * sweep file or its base spec file.
     */
    public String toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("base", base.deepCopy());
        ArrayNode axesJson = o.putArray("axes");
        for (SweepAxis axis : axes) {
            ObjectNode a = axesJson.addObject();
            a.put("path", axis.path());
            axis.values().forEach(a.putArray("values")::add);
        }
        targets.forEach(o.putArray("targets")::add);
        return o.toString();
    }

    public List<SweepAxis> axes() {
        return axes;
    }

    public List<Double> targets() {
        return targets;
    }

    public long cells() {
        return cells;
    }

    /**
     * The files the sweep reads (the sweep file, a base spec file, the files the base spec reads), which its outputs
     * must not replace.
     */
    public List<Path> inputs() {
        return inputs;
    }

    /** The axis that sets the top-level spec key {@code key} (such as {@code seed}), or null when none does. */
    public SweepAxis axisSetting(String key) {
        for (int a = 0; a < axes.size(); a++) {
            if (paths.get(a).segments().equals(List.of(key))) {
                return axes.get(a);
            }
        }
        return null;
    }

    /** Identifies the sweep (base, axes, targets) so a journal is never resumed by a different sweep. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Each axis's value in {@code cell}, in axis order. */
    public List<JsonNode> values(long cell) {
        JsonNode[] out = new JsonNode[axes.size()];
        long rest = cell;
        for (int a = axes.size() - 1; a >= 0; a--) {
            List<JsonNode> values = axes.get(a).values();
            out[a] = values.get((int) (rest % values.size()));
            rest /= values.size();
        }
        return List.of(out);
    }

    /** The spec of {@code cell}, after {@code overrides} (command-line run settings). */
    public Spec spec(long cell, UnaryOperator<Spec> overrides) {
        List<JsonNode> values = values(cell);
        ObjectNode json = base.deepCopy();
        for (int a = 0; a < axes.size(); a++) {
            paths.get(a).set(json, values.get(a));
        }
        try {
            return overrides.apply(SpecReader.parse(json.toString(), source, specDirectory, false));
        } catch (SpecException e) {
            throw new SpecException(blame(e.field(), values), "gives an invalid spec: " + e.getMessage());
        }
    }

    /** Builds every cell's spec once, so a bad value stops the sweep before any simulation starts. */
    public void validate(UnaryOperator<Spec> overrides) {
        for (long cell = 0; cell < cells; cell++) {
            spec(cell, overrides);
        }
    }

    /** Names the axis whose path the error is about, or else the whole cell. */
    private String blame(String field, List<JsonNode> values) {
        for (SweepAxis axis : axes) {
            if (field.equals(axis.path()) || field.startsWith(axis.path() + ".") || field.startsWith(axis.path() + "[")) {
                return "axes[" + axis.index() + "] (" + axis.path() + ") value " + values.get(axis.index());
            }
        }
        return "the cell " + assignments(values);
    }

    /** The cell's number and axis values, e.g. {@code cell 4 (account.cash = 3000, seed = 2)}, for messages. */
    public String describe(long cell) {
        return "cell " + cell + " (" + assignments(values(cell)) + ")";
    }

    private String assignments(List<JsonNode> values) {
        StringBuilder out = new StringBuilder();
        for (SweepAxis axis : axes) {
            out.append(axis.index() == 0 ? "" : ", ").append(axis.path()).append(" = ").append(values.get(axis.index()));
        }
        return out.toString();
    }

    private static String readText(Path file, String what) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SpecException(what, "does not exist");
        } catch (IOException e) {
            throw new SpecException(what, "cannot be read: " + e.getMessage());
        }
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
