package io.marginsim.engine;

import io.marginsim.engine.scalar.ScalarEngine;
import io.marginsim.liquidation.ImpactModel;
import io.marginsim.liquidation.PartialPolicy;
import io.marginsim.liquidation.PremiumLink;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Feature;
import io.marginsim.problem.Frictions;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.problem.UnsupportedModelException;
import io.marginsim.spec.Monitoring;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An engine runs a problem when it lists every feature the problem uses; membership decides, not emptiness. */
class EngineFeaturesTest {
    private static final CompiledProblem T_AND_GARCH = ProblemCompiler.compile(Specs.parse("""
            {"assets": [{"name": "X", "price": 100, "degreesOfFreedom": 5,
                         "garch": {"omega": 0.05, "alpha": 0.1, "beta": 0.8}}],
             "account": {"cash": 100, "positions": [{"asset": "X", "size": 1, "entryPrice": 100,
                         "rules": {"type": "flat", "rate": 0.05}}]},
             "monitoring": "discrete", "horizonDays": 2, "stepsPerDay": 4, "engine": "scalar"}"""));

    @Test
    void anEngineLackingOneFeatureNamesOnlyThatOne() {
        Engine studentOnly = engine(Set.of(Feature.STUDENT_T));
        assertThat(T_AND_GARCH.featuresInUse()).containsExactly(Feature.STUDENT_T,
                Feature.GARCH);
        assertThat(studentOnly.implementsAll(T_AND_GARCH)).isFalse();
        assertThat(T_AND_GARCH.featuresBeyond(studentOnly.implementedFeatures())).containsExactly(Feature.GARCH);
        assertThatThrownBy(() -> T_AND_GARCH.requireImplemented("test", studentOnly.implementedFeatures()))
                .isInstanceOf(UnsupportedModelException.class)
                .hasMessage("the test engine does not implement GARCH volatility yet; run --engine scalar or "
                        + "--engine auto");
    }

    @Test
    void anEngineListingEveryFeatureRunsTheProblem() {
        Engine both = engine(Set.of(Feature.STUDENT_T, Feature.GARCH, Feature.DCC));
        assertThat(both.implementsAll(T_AND_GARCH)).isTrue();
        T_AND_GARCH.requireImplemented("test", both.implementedFeatures());
    }

    @Test
    void theReferenceLacksNothing() {
        ScalarEngine reference = new ScalarEngine(1, 64);
        assertThat(reference.implementsAll(T_AND_GARCH)).isTrue();
        assertThat(reference.unimplemented(T_AND_GARCH)).as("what it would name as missing agrees").isEmpty();
    }

    @Test
    void theReferenceImplementsEveryFeature() {
        CompiledProblem everything = everyFeature();
        assertThat(everything.featuresInUse()).as("the problem below uses them all")
                .isEqualTo(EnumSet.allOf(Feature.class));
        ScalarEngine reference = new ScalarEngine(1, 64);
        assertThat(reference.implementedFeatures()).containsExactly(Feature.values());
        assertThat(everything.featuresBeyond(reference.implementedFeatures())).isEmpty();
        assertThat(reference.unimplemented(everything)).isEmpty();
        assertThat(reference.implementsAll(everything)).isTrue();
    }

    @Test
    void aMissingFeatureIsNamedByItsLabelInDeclarationOrder() {
        CompiledProblem everything = everyFeature();
        Engine none = engine(Set.of());
        assertThat(none.unimplemented(everything)).containsExactly("Student-t innovations", "the t copula",
                "Merton jumps", "GARCH volatility", "AR(1) returns", "DCC correlation",
                "filtered historical simulation", "funding", "premium-linked funding", "path-dependent haircuts",
                "borrow interest", "liquidation mechanics", "liquidation latency", "liquidation slippage",
                "liquidation fee", "liquidation fee capped at remaining margin", "partial liquidation",
                "continuous monitoring");
        assertThat(everything.marketModelFeatures()).isEqualTo(Feature.ofKind(Feature.Kind.MARKET_MODEL));
        assertThat(everything.mechanicsFeatures()).isEqualTo(Feature.ofKind(Feature.Kind.MECHANICS));
        assertThat(everything.continuousMonitoringBeyondGbm()).contains("continuous monitoring with Student-t "
                + "innovations, the t copula, Merton jumps, GARCH volatility, AR(1) returns, DCC correlation, "
                + "filtered historical simulation");
    }

    /**
     * One asset and one position with every model, mechanic and continuous monitoring switched on, built from parts:
     * only what {@link CompiledProblem#featuresInUse()} reads matters, since nothing here is simulated.
     */
    private static CompiledProblem everyFeature() {
        double[] one = {1};
        double[] zero = {0};
        CompiledProblem.Market market = new CompiledProblem.Market(new String[]{"X"}, new double[]{100},
                new double[]{Math.log(100)}, zero, new double[]{0.01});
        CompiledProblem.Models models = CompiledProblem.Models.builder(one, new double[]{0.01})
                .studentT(new double[]{5}, 6)
                .jumps(new double[]{0.01}, new double[]{-0.05}, new double[]{0.1}, new int[]{8})
                .garch(new boolean[]{true}, new double[]{1e-6}, new double[]{0.1}, new double[]{0.8},
                        new double[]{1e-4})
                .ar1(new double[]{0.1})
                .dcc(0.05, 0.9, one)
                .historical(2, new double[]{1, -1})
                .build();
        CompiledProblem.Account account = CompiledProblem.Account.builder(1, false, 100)
                .position(0, 1, 100, 0, true, zero, new double[]{0.05}, zero).build();
        Frictions.Liquidation liquidation = new Frictions.Liquidation(0.5, ImpactModel.SQRT, 0.1,
                new double[]{1e6}, new double[]{0.005}, new boolean[]{true},
                new PartialPolicy[]{new PartialPolicy(PartialPolicy.Mode.FRACTION, 0.5, 0)});
        Frictions.PremiumFunding premium = new Frictions.PremiumFunding(new PremiumLink[1], new double[]{1e-4},
                new double[]{0.5}, new int[]{1}, new double[]{Math.log(100)});
        Frictions.PathHaircuts haircuts = new Frictions.PathHaircuts(new int[]{0}, one, one, new double[]{0.5},
                new double[]{0.1}, new double[]{0.2});
        Frictions frictions = new Frictions(new double[]{1e-4}, new double[]{1e-5}, liquidation, premium, haircuts);
        return new CompiledProblem(market, models, account, 4, 0.25, 7, frictions, Monitoring.CONTINUOUS);
    }

    private static Engine engine(Set<Feature> features) {
        return FeatureEngines.implementing(features);
    }
}
