package io.marginsim.problem;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a problem uses beyond plain GBM, the plain breach model and step-end checks, which not every engine
 * implements: {@link CompiledProblem#featuresInUse()} detects them and an engine lists those it runs in
 * {@link io.marginsim.engine.Engine#implementedFeatures()}. Users meet them by {@link #label()} in refusals and
 * notes, so labels are worded to read inside a sentence ("does not implement GARCH volatility").
 *
 * <p>The declaration order is the order messages list features in: market models, then account-side mechanics,
 * then monitoring. An {@link EnumSet} of features iterates in it.
 */
public enum Feature {
    STUDENT_T(Kind.MARKET_MODEL, "Student-t innovations"),
    T_COPULA(Kind.MARKET_MODEL, "the t copula"),
    MERTON_JUMPS(Kind.MARKET_MODEL, "Merton jumps"),
    GARCH(Kind.MARKET_MODEL, "GARCH volatility"),
    AR1(Kind.MARKET_MODEL, "AR(1) returns"),
    DCC(Kind.MARKET_MODEL, "DCC correlation"),
    HISTORICAL(Kind.MARKET_MODEL, "filtered historical simulation"),
    /** Constant funding of a perpetual position. */
    FUNDING(Kind.MECHANICS, "funding"),
    /** {@link Frictions.PremiumFunding}. */
    PREMIUM_FUNDING(Kind.MECHANICS, "premium-linked funding"),
    /** {@link Frictions.PathHaircuts}. */
    PATH_HAIRCUTS(Kind.MECHANICS, "path-dependent haircuts"),
    BORROW(Kind.MECHANICS, "borrow interest"),
    /** Any {@link Frictions.Liquidation}; the features after it refine it. */
    LIQUIDATION(Kind.MECHANICS, "liquidation mechanics"),
    LATENCY(Kind.MECHANICS, "liquidation latency"),
    SLIPPAGE(Kind.MECHANICS, "liquidation slippage"),
    FEE(Kind.MECHANICS, "liquidation fee"),
    /** {@link Frictions.Liquidation#feeCapped}, on a position that pays a fee. */
    FEE_CAPPED(Kind.MECHANICS, "liquidation fee capped at remaining margin"),
    PARTIAL(Kind.MECHANICS, "partial liquidation"),
    /** Named like a model: an engine that does not list it refuses continuous monitoring. */
    CONTINUOUS_MONITORING(Kind.MONITORING, "continuous monitoring");

    /** Which part of the problem a feature belongs to. */
    public enum Kind {
        /** The market beyond correlated GBM ({@link CompiledProblem#gbmOnly()} is false with any). */
        MARKET_MODEL,
        /** Carrying costs and the liquidation policy ({@link Frictions}). */
        MECHANICS,
        /** When the margin is checked ({@link io.marginsim.spec.Monitoring}). */
        MONITORING
    }

    private final Kind kind;
    private final String label;

    Feature(Kind kind, String label) {
        this.kind = kind;
        this.label = label;
    }

    public Kind kind() {
        return kind;
    }

    /** The name users read, exactly as refusals and notes print it. */
    public String label() {
        return label;
    }

    /** The label, so that a feature or a set of them prints as users read it in test descriptions and logs too. */
    @Override
    public String toString() {
        return label;
    }

    /** Every feature of {@code kind}, in declaration order. */
    public static EnumSet<Feature> ofKind(Kind kind) {
        EnumSet<Feature> out = EnumSet.noneOf(Feature.class);
        for (Feature f : values()) {
            if (f.kind == kind) {
                out.add(f);
            }
        }
        return out;
    }

    /** The union of {@code parts}, unmodifiable: the fixed feature list of an engine. */
    @SafeVarargs
    public static Set<Feature> setOf(Collection<Feature>... parts) {
        EnumSet<Feature> all = EnumSet.noneOf(Feature.class);
        for (Collection<Feature> part : parts) {
            all.addAll(part);
        }
        return Collections.unmodifiableSet(all);
    }

    /** The labels of {@code features}, in their iteration order. */
    public static List<String> labels(Collection<Feature> features) {
        return features.stream().map(Feature::label).toList();
    }
}
