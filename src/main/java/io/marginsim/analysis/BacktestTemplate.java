package io.marginsim.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.marginsim.check.SpecException;
import io.marginsim.spec.Spec;
import io.marginsim.spec.SpecReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A spec of one asset, moved to another date of history: its price set to that date's close, every quote-currency
 * amount (cash, entry prices, isolated margins) multiplied by {@code close / price}, sizes and asset amounts
 * unchanged, and the asset's market-model keys replaced by a fit. Equity and notional then scale by the same factor,
 * so leverage and the margin ratio of a flat or size-scaled rule are those of the template on every date (tier
 * floors are venue rules in quote currency and are not scaled).
 */
public final class BacktestTemplate {
    /** The asset keys a fit sets; the template's own are dropped so that they cannot contradict it. */
    private static final String[] MODEL_KEYS = {"volatility", "drift", "degreesOfFreedom", "garch", "jumpIntensity",
            "jumpMean", "jumpStdev"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root;
    private final String source;
    private final Path directory;
    private final Spec spec;

    private BacktestTemplate(ObjectNode root, String source, Path directory, Spec spec) {
        this.root = root;
        this.source = source;
        this.directory = directory;
        this.spec = spec;
    }

    /** Reads and checks the template: a valid spec with exactly one asset and no {@code market.historical}. */
    public static BacktestTemplate read(Path file) throws IOException {
        Spec spec = SpecReader.read(file);
        String text = Files.readString(file);
        if (spec.assets().size() != 1) {
            throw new SpecException("--spec " + file + " assets", "must hold exactly one asset (the one whose "
                    + "history is backtested) but holds " + spec.assets().size());
        }
        ObjectNode root;
        try {
            root = (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // the spec reader has parsed it already
        }
        if (root.path("market").has("historical")) {
            throw new SpecException("--spec " + file + " market.historical", "must be left out because each window "
                    + "fits its own model (--model) on the trailing history, but it is given");
        }
        return new BacktestTemplate(root, file.toString(), file.toAbsolutePath().getParent(), spec);
    }

    /** The template as read. */
    public Spec spec() {
        return spec;
    }

    public String assetName() {
        return spec.assets().getFirst().name();
    }

    /**
     * The template moved to a date whose close is {@code close}, with the asset's model keys set to
     * {@code assetKeys}.
     */
    public Spec at(double close, Map<String, Object> assetKeys, String date) {
        return SpecReader.parse(json(close, assetKeys), source + " moved to " + date, directory, false);
    }

    /**
     * {@link #at} as spec JSON, which reads the same anywhere (Spark executors too): a template has no
     * {@code market.historical}, and its {@code scenarios}, which a backtest leaves out as every command that runs
     * one spec does (they were checked when the template was read), are dropped, so it names no file.
     */
    public String json(double close, Map<String, Object> assetKeys) {
        double scale = close / spec.assets().getFirst().price();
        ObjectNode moved = root.deepCopy();
        moved.remove("scenarios");
        ObjectNode asset = (ObjectNode) moved.get("assets").get(0);
        asset.remove(List.of(MODEL_KEYS));
        asset.put("price", close);
        asset.setAll((ObjectNode) JSON.valueToTree(assetKeys));
        ObjectNode account = (ObjectNode) moved.get("account");
        scale(account, "cash", scale);
        for (JsonNode position : account.path("positions")) {
            scale((ObjectNode) position, "entryPrice", scale);
            scale((ObjectNode) position, "margin", scale);
        }
        return moved.toString();
    }

    private static void scale(ObjectNode node, String key, double factor) {
        if (node.has(key) && node.get(key).isNumber()) {
            node.put(key, node.get(key).doubleValue() * factor);
        }
    }
}
