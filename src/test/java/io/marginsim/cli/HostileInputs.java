package io.marginsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marginsim.testing.SpecEdits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Generates hostile inputs for every command: each value of a small valid spec replaced by values a careless or
 * malicious user might give, each key removed, unknown keys, malformed JSON text, broken price histories, sweep files
 * and option values. Inputs are generated from the valid ones, so a new spec key is attacked without a new line here.
 */
final class HostileInputs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One run of the command line: input files to lay down first, then the arguments ({dir} is the case folder). */
    record Case(String name, Map<String, byte[]> files, List<String> args) {
        Case {
            files = Map.copyOf(files);
            args = List.copyOf(args);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /**
     * A small spec that exercises every layer: venue preset, inline tiered rule with its options, funding, liquidation
     * latency and slippage.
     */
    static final String BASE_SPEC = """
            {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.6, "drift": 0.0},
                        {"name": "ETH", "price": 3000, "volatility": 0.8}],
             "correlation": [[1.0, 0.7], [0.7, 1.0]],
             "account": {"mode": "cross", "cash": 6000,
                         "collateral": [{"asset": "ETH", "amount": 1, "haircut": 0.1}],
                         "positions": [{"asset": "BTC", "size": 1.0, "entryPrice": 60000,
                                        "venue": "binance-usdm", "symbol": "BTCUSDT",
                                        "funding": {"fundingRatePerInterval": 0.0001, "fundingIntervalHours": 8}},
                                       {"asset": "ETH", "size": -2.0, "entryPrice": 3000,
                                        "rules": {"type": "tiered", "bracketBasis": "entry", "triggerFeeRate": 0.0005,
                                                  "tiers": [{"floor": 0, "rate": 0.004, "amount": 0},
                                                            {"floor": 5000, "rate": 0.005, "amount": 5}]}}]},
             "liquidation": {"latencySeconds": 30,
                             "slippage": {"model": "linear", "depth": {"BTC": 50000000, "ETH": 20000000},
                                          "volatilityThinning": 0.5}},
             "market": {"stress": {"shock": [-0.05, -0.05], "volatilityMultiplier": 1.5}},
             "horizonDays": 2, "stepsPerDay": 4, "paths": 400, "seed": 7}
            """;

    /**
     * An account of inverse contracts margined in the coin: inline coin brackets with a published amount, a venue
     * preset with its face value, a stress and continuous monitoring, so that the coin view runs too.
     */
    static final String INVERSE_SPEC = """
            {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.6, "drift": 0.0}],
             "account": {"mode": "cross", "cash": 1000, "collateral": [{"asset": "BTC", "amount": 0.1}],
                         "positions": [{"asset": "BTC", "contract": "inverse", "faceValue": 1, "size": 60000,
                                        "entryPrice": 60000,
                                        "rules": {"type": "tiered", "basis": "entry",
                                                  "tiers": [{"floor": 0, "rate": 0.005},
                                                            {"floor": 150, "rate": 0.01, "amount": 0.75}]}},
                                       {"asset": "BTC", "contract": "inverse", "size": -30000, "entryPrice": 61000,
                                        "venue": "bybit-inverse", "symbol": "BTCUSD"}]},
             "market": {"stress": {"shock": [-0.05], "volatilityMultiplier": 1.5}},
             "monitoring": "continuous", "horizonDays": 2, "stepsPerDay": 4, "paths": 400, "seed": 7}
            """;

    /**
     * A portfolio-margined account: two positions under a scenario grid (one scenario with a volatility move) with a
     * minimum, and a full liquidation after a latency.
     */
    static final String PORTFOLIO_SPEC = """
            {"assets": [{"name": "BTC", "price": 60000, "volatility": 0.6},
                        {"name": "ETH", "price": 3000, "volatility": 0.8}],
             "account": {"mode": "cross", "cash": 15000,
                         "positions": [{"asset": "BTC", "size": 1, "entryPrice": 60000},
                                       {"asset": "ETH", "size": -10, "entryPrice": 3000}],
                         "portfolioMargin": {"scenarios": [{"name": "down", "moves": {"BTC": -0.1, "ETH": -0.1}},
                                                           {"moves": {"BTC": -0.1, "ETH": 0.15}, "volatility": 0.2}],
                                             "minimum": 500}},
             "liquidation": {"latencySeconds": 30, "partial": {"mode": "full"}},
             "horizonDays": 2, "stepsPerDay": 4, "paths": 400, "seed": 7}
            """;

    /** A one-asset template for {@code backtest}. */
    static final String TEMPLATE = """
            {"assets": [{"name": "BTC", "price": 100, "volatility": 0.6}],
             "account": {"mode": "cross", "cash": 10,
                         "positions": [{"asset": "BTC", "size": 1.0, "entryPrice": 100,
                                        "rules": {"type": "flat", "rate": 0.005}}]},
             "horizonDays": 5, "stepsPerDay": 1, "paths": 200, "seed": 3}
            """;

    static final String BASE_SWEEP = """
            {"base": "spec.json",
             "axes": [{"path": "account.positions[0].size", "values": [0.5, 2.0]},
                      {"path": "assets[0].volatility", "range": {"from": 0.4, "to": 0.8, "step": 0.4}}],
             "targets": [0.05]}
            """;

    /** Values that replace a number, a string or a structure. */
    private static final List<JsonNode> HOSTILE_VALUES = List.of(
            NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1e308), NODES.numberNode(-1e308),
            NODES.numberNode(1e-308), NODES.numberNode(2147483648L), NODES.textNode("NaN"), NODES.nullNode(),
            NODES.textNode("x"), NODES.arrayNode(), NODES.numberNode(1e12));

    private HostileInputs() {
    }

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        specValues(cases, "", BASE_SPEC);
        specKeys(cases, "", BASE_SPEC);
        specValues(cases, "inverse ", INVERSE_SPEC);
        specKeys(cases, "inverse ", INVERSE_SPEC);
        specValues(cases, "portfolio ", PORTFOLIO_SPEC);
        specKeys(cases, "portfolio ", PORTFOLIO_SPEC);
        specTexts(cases);
        options(cases);
        sweeps(cases);
        calibrations(cases);
        return cases;
    }

    /** Every leaf of {@code valid} replaced by every hostile value, run by {@code simulate} or {@code liq-price}. */
    private static void specValues(List<Case> cases, String label, String valid) {
        JsonNode base = parse(valid);
        List<String> leaves = new ArrayList<>();
        collectLeaves(base, "", leaves);
        int k = 0;
        for (String leaf : leaves) {
            for (JsonNode value : HOSTILE_VALUES) {
                JsonNode spec = base.deepCopy();
                set(spec, leaf, value.deepCopy());
                String command = (k++ % 3 == 2) ? "liq-price" : "simulate";
                cases.add(specCase(label + command + " " + leaf + "=" + value, spec.toString(), command, "--format",
                        k % 2 == 0 ? "json" : "table"));
            }
        }
    }

    /** Every key removed in turn, and an unknown key in every object. */
    private static void specKeys(List<Case> cases, String label, String valid) {
        JsonNode base = parse(valid);
        List<String> objects = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        walk(base, "", (path, node) -> {
            if (node.isObject()) {
                objects.add(path);
                node.fieldNames().forEachRemaining(name -> keys.add(join(path, name)));
            }
        });
        for (String key : keys) {
            JsonNode spec = base.deepCopy();
            remove(spec, key);
            cases.add(specCase(label + "simulate without " + key, spec.toString(), "simulate", "--format", "json"));
        }
        for (String object : objects) {
            JsonNode spec = base.deepCopy();
            ((ObjectNode) (object.isEmpty() ? spec : at(spec, object))).put("unknownKey", 1);
            cases.add(specCase(label + "simulate unknown key in " + object, spec.toString(), "simulate"));
        }
    }

    /** Malformed or surprising JSON text. */
    private static void specTexts(List<Case> cases) {
        String spec = parse(BASE_SPEC).toString();
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("empty file", "");
        texts.put("truncated", spec.substring(0, spec.length() / 2));
        texts.put("trailing text", spec + " trailing");
        texts.put("two specs", spec + spec);
        texts.put("array", "[" + spec + "]");
        texts.put("null", "null");
        texts.put("number", "42");
        texts.put("huge exponent", SpecEdits.replace(spec, "\"cash\":6000", "\"cash\":1e999"));
        texts.put("long digits", SpecEdits.replace(spec, "\"cash\":6000", "\"cash\":" + "9".repeat(400)));
        texts.put("deep nesting", "[".repeat(5000) + "]".repeat(5000));
        texts.put("comment", "// spec\n" + spec);
        texts.put("duplicate key", SpecEdits.replace(spec, "\"seed\":7", "\"seed\":7,\"seed\":8"));
        texts.put("byte order mark", "\uFEFF" + spec);
        for (var text : texts.entrySet()) {
            cases.add(specCase("simulate " + text.getKey(), text.getValue(), "simulate"));
            cases.add(specCase("liq-price " + text.getKey(), text.getValue(), "liq-price"));
        }
        cases.add(new Case("simulate invalid UTF-8", Map.of("spec.json", new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}),
                List.of("simulate", "{dir}/spec.json")));
        cases.add(new Case("simulate missing file", Map.of(), List.of("simulate", "{dir}/absent.json")));
        cases.add(new Case("simulate folder as spec", Map.of("sub/x", new byte[0]), List.of("simulate", "{dir}/sub")));
    }

    /** Option values of every command. */
    private static void options(List<Case> cases) {
        String spec = BASE_SPEC;
        String[][] runOptions = {
                {"--paths", "0"}, {"--paths", "-5"}, {"--paths", "abc"}, {"--paths", "1e12"},
                {"--paths", "3000000000"}, {"--paths", "2147483639"}, {"--paths", "2.5"}, {"--seed", "-1"},
                {"--seed", "99999999999999999999"}, {"--engine", "foo"}, {"--threads", "0"}, {"--threads", "-1"},
                {"--device", "-1"}, {"--device", "99"}, {"--precision", "half"}, {"--format", "xml"},
                {"--scenario", "nosuch"}, {"--out", "{dir}/spec.json"}, {"--out", "{dir}/sub"}, {"--out", "{dir}/spec.json/x"},
                {"--out", ""}, {"--plot", "{dir}/spec.json"}, {"--plot-loss", "{dir}/sub"}, {"--unknown", "1"},
                {"--out", "{dir}/r.json", "--plot", "{dir}/r.json"}};
        Map<String, byte[]> specFiles = withSub(Map.of("spec.json", bytes(spec)));
        optionCases(cases, List.of("simulate", "{dir}/spec.json"), specFiles, runOptions);
        optionCases(cases, List.of("buffer", "{dir}/spec.json"), specFiles, new String[][] {
                {"--target", "0"}, {"--target", "1"}, {"--target", "-0.1"}, {"--target", "NaN"}, {"--target", "0.0001"},
                {"--target", "2"}, {"--target", "abc"}, {"--solve", "foo"}, {"--solve", "size", "--target", "0"},
                {"--out", "{dir}/spec.json"}, {"--target", "Infinity"}});
        optionCases(cases, List.of("bench"), Map.of(), new String[][] {
                {"--paths", "0"}, {"--paths", "-1"}, {"--paths", "3000000000"}, {"--paths", "abc"}, {"--assets", "0"},
                {"--assets", "-1"}, {"--assets", "100000"}, {"--engines", "foo"}, {"--repeat", "0"}, {"--repeat", "-3"},
                {"--device", "-1"}});
        optionCases(cases, List.of("bench", "--engines", "scalar"), specFiles, new String[][] {
                {"--spec", "{dir}/absent.json"}, {"--spec", "{dir}/sub"}, {"--spec", ""},
                {"--spec", "{dir}/spec.json", "--assets", "2"}, {"--spec", "{dir}/spec.json", "--paths", "0"},
                {"--spec", "{dir}/spec.json", "--repeat", "0"}, {"--spec", "{dir}/spec.json", "--paths", "2000000000"}});
        Map<String, byte[]> backtestFiles = withSub(Map.of("template.json", bytes(TEMPLATE),
                "prices.csv", bytes(prices(60, HostileInputs::price)), "spec.json", bytes(spec)));
        optionCases(cases, List.of("backtest", "{dir}/prices.csv", "--spec", "{dir}/template.json"), backtestFiles,
                new String[][] {
                        {"--window", "0"}, {"--window", "-30"}, {"--window", "100000"}, {"--every", "0"},
                        {"--every", "abc"}, {"--model", "foo"}, {"--drift", "up"}, {"--paths", "0"},
                        {"--spec", "{dir}/spec.json"}, {"--spec", "{dir}/absent.json"}, {"--out", "{dir}/prices.csv"},
                        {"--out", "{dir}/sub"}, {"--format", "xml"}, {"--window", "30", "--every", "7"}});
        cases.add(new Case("presets extra argument", Map.of(), List.of("presets", "extra")));
        cases.add(new Case("devices unknown option", Map.of(), List.of("devices", "--all")));
        cases.add(new Case("unknown command", Map.of(), List.of("frobnicate")));
        cases.add(new Case("liq-price --format xml", Map.of("spec.json", bytes(spec)),
                List.of("liq-price", "{dir}/spec.json", "--format", "xml")));
    }

    /** One case per option set, each given after the same leading arguments. */
    private static void optionCases(List<Case> cases, List<String> command, Map<String, byte[]> files,
                                    String[][] options) {
        for (String[] option : options) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of(option));
            cases.add(new Case(command.getFirst() + " " + String.join(" ", option), files, args));
        }
    }

    /** Sweep files with broken axes and targets, and sweep options. */
    private static void sweeps(List<Case> cases) {
        Map<String, Consumer<ObjectNode>> edits = new LinkedHashMap<>();
        edits.put("no axes", s -> s.putArray("axes"));
        edits.put("axis at unknown path", s -> axis(s, 0).put("path", "account.nosuch"));
        edits.put("axis at index beyond array", s -> axis(s, 0).put("path", "account.positions[5].size"));
        edits.put("axis without values", s -> axis(s, 0).putArray("values"));
        edits.put("axis with bad value", s -> axis(s, 0).putArray("values").add("big"));
        edits.put("range step 0", s -> range(s).put("step", 0));
        edits.put("range step negative", s -> range(s).put("step", -0.1));
        edits.put("range backwards", s -> range(s).put("from", 2.0));
        edits.put("range of 1e9 cells", s -> range(s).put("step", 1e-9));
        edits.put("duplicate axis", s -> ((ArrayNode) s.get("axes")).add(axis(s, 0).deepCopy()));
        edits.put("empty targets", s -> s.putArray("targets"));
        edits.put("duplicate targets", s -> s.putArray("targets").add(0.05).add(0.05));
        edits.put("target 0", s -> s.putArray("targets").add(0.0));
        edits.put("target 1.5", s -> s.putArray("targets").add(1.5));
        edits.put("target text", s -> s.putArray("targets").add("x"));
        edits.put("missing base file", s -> s.put("base", "absent.json"));
        edits.put("base is the sweep", s -> s.put("base", "sweep.json"));
        edits.put("base is a number", s -> s.put("base", 3));
        edits.put("unknown key", s -> s.put("unknownKey", true));
        edits.put("axis sets an invalid value", s -> axis(s, 0).putArray("values").add(-1e308).add(0));
        for (var edit : edits.entrySet()) {
            ObjectNode sweep = (ObjectNode) parse(BASE_SWEEP);
            edit.getValue().accept(sweep);
            cases.add(sweepCase("sweep " + edit.getKey(), sweep.toString(), "--out", "{dir}/grid"));
        }
        String sweep = parse(BASE_SWEEP).toString();
        cases.add(sweepCase("sweep trailing text", sweep + "]"));
        cases.add(sweepCase("sweep --out empty prefix", sweep, "--out", ""));
        cases.add(sweepCase("sweep --out folder", sweep, "--out", "{dir}/sub"));
        cases.add(sweepCase("sweep --out under a file", sweep, "--out", "{dir}/spec.json/grid"));
        cases.add(sweepCase("sweep --resume without journal", sweep, "--out", "{dir}/grid", "--resume"));
        cases.add(sweepCase("sweep --paths 0", sweep, "--out", "{dir}/grid", "--paths", "0"));
        cases.add(sweepCase("sweep --engine foo", sweep, "--out", "{dir}/grid", "--engine", "foo"));
        cases.add(sweepCase("sweep --plot is the csv", sweep, "--out", "{dir}/grid", "--plot", "{dir}/grid.csv"));
        String seedAxis = SpecEdits.replace(SpecEdits.replace(sweep,
                "\"path\":\"assets[0].volatility\"", "\"path\":\"seed\""),
                "\"range\":{\"from\":0.4,\"to\":0.8,\"step\":0.4}", "\"values\":[1,2]");
        cases.add(sweepCase("sweep --seed over a seed axis", seedAxis, "--out", "{dir}/grid", "--seed", "99"));
    }

    /** Price histories that break the fits. */
    private static void calibrations(List<Case> cases) {
        Map<String, String> csvs = new LinkedHashMap<>();
        csvs.put("empty", "");
        csvs.put("header only", "timestamp,BTC\n");
        csvs.put("one row", "timestamp,BTC\n2024-01-01,100\n");
        csvs.put("constant column", prices(40, i -> "100"));
        csvs.put("zero price", prices(40, i -> i == 10 ? "0" : price(i)));
        csvs.put("negative price", prices(40, i -> i == 10 ? "-5" : price(i)));
        csvs.put("tiny price", prices(40, i -> i == 10 ? "1e-308" : price(i)));
        csvs.put("huge price", prices(40, i -> i == 10 ? "1e308" : price(i)));
        csvs.put("NaN price", prices(40, i -> i == 10 ? "NaN" : price(i)));
        csvs.put("Infinity price", prices(40, i -> i == 10 ? "Infinity" : price(i)));
        csvs.put("missing value", prices(40, i -> i == 10 ? "" : price(i)));
        csvs.put("29 rows", prices(29, HostileInputs::price));
        csvs.put("two regimes", prices(40, i -> i < 20 ? "100" : price(i)));
        csvs.put("text in header only", "timestamp,BTC,ETH\n" + prices(40, HostileInputs::price).lines().skip(1)
                .map(l -> l + "\n").reduce("", String::concat));
        csvs.put("unsorted", prices(40, HostileInputs::price).replace("2024-01-05", "2023-01-05"));
        for (var csv : csvs.entrySet()) {
            cases.add(new Case("calibrate " + csv.getKey(), Map.of("prices.csv", bytes(csv.getValue())),
                    List.of("calibrate", "{dir}/prices.csv", "--out", "{dir}/fragment.json")));
        }
        String good = prices(60, HostileInputs::price);
        cases.add(new Case("calibrate --out is the input", Map.of("prices.csv", bytes(good)),
                List.of("calibrate", "{dir}/prices.csv", "--out", "{dir}/prices.csv")));
        cases.add(new Case("calibrate --format xml", Map.of("prices.csv", bytes(good)),
                List.of("calibrate", "{dir}/prices.csv", "--format", "xml")));
    }

    private static Case specCase(String name, String spec, String command, String... options) {
        List<String> args = new ArrayList<>(List.of(command, "{dir}/spec.json"));
        args.addAll(List.of(options));
        return new Case(name, Map.of("spec.json", bytes(spec)), args);
    }

    private static Case sweepCase(String name, String sweep, String... options) {
        List<String> args = new ArrayList<>(List.of("sweep", "{dir}/sweep.json"));
        args.addAll(List.of(options));
        return new Case(name, withSub(Map.of("sweep.json", bytes(sweep), "spec.json", bytes(BASE_SPEC))), args);
    }

    /** Adds a folder {@code sub} (with one file) that options may wrongly name as an output file. */
    private static Map<String, byte[]> withSub(Map<String, byte[]> files) {
        Map<String, byte[]> all = new LinkedHashMap<>(files);
        all.put("sub/keep.txt", bytes("keep"));
        return all;
    }

    private static String prices(int rows, java.util.function.IntFunction<String> price) {
        StringBuilder csv = new StringBuilder("timestamp,BTC\n");
        for (int i = 0; i < rows; i++) {
            csv.append(java.time.LocalDate.of(2024, 1, 1).plusDays(i)).append(',').append(price.apply(i)).append('\n');
        }
        return csv.toString();
    }

    private static String price(int i) {
        return Double.toString(100 * Math.exp(0.02 * Math.sin(1.7 * i) + 0.01 * Math.cos(0.3 * i * i)));
    }

    private static ObjectNode axis(ObjectNode sweep, int i) {
        return (ObjectNode) sweep.get("axes").get(i);
    }

    private static ObjectNode range(ObjectNode sweep) {
        return (ObjectNode) axis(sweep, 1).get("range");
    }

    private static void collectLeaves(JsonNode node, String path, List<String> leaves) {
        walk(node, path, (p, n) -> {
            if (n.isValueNode()) {
                leaves.add(p);
            }
        });
    }

    private static void walk(JsonNode node, String path, java.util.function.BiConsumer<String, JsonNode> visit) {
        visit.accept(path, node);
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                walk(field.getValue(), join(path, field.getKey()), visit);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", visit);
            }
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The node at a path written as {@code a.b[2].c}. */
    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : path.split("\\.")) {
            int bracket = step.indexOf('[');
            node = node.get(bracket < 0 ? step : step.substring(0, bracket));
            while (bracket >= 0) {
                int close = step.indexOf(']', bracket);
                node = node.get(Integer.parseInt(step.substring(bracket + 1, close)));
                bracket = step.indexOf('[', close);
            }
        }
        return node;
    }

    private static void set(JsonNode root, String path, JsonNode value) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        if (path.endsWith("]")) {
            JsonNode parent = at(root, path.substring(0, cut));
            ((ArrayNode) parent).set(Integer.parseInt(path.substring(cut + 1, path.length() - 1)), value);
        } else {
            JsonNode parent = cut < 0 ? root : at(root, path.substring(0, cut));
            ((ObjectNode) parent).set(path.substring(cut + 1), value);
        }
    }

    private static void remove(JsonNode root, String path) {
        int cut = path.lastIndexOf('.');
        JsonNode parent = cut < 0 ? root : at(root, path.substring(0, cut));
        ((ObjectNode) parent).remove(path.substring(cut + 1));
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
