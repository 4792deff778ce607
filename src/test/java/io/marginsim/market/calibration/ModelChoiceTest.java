package io.marginsim.market.calibration;

import io.marginsim.check.SpecException;
import io.marginsim.spec.SpecReader;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Boundary rules and auto's choice, on fits made by hand so that each rule is met exactly. */
class ModelChoiceTest {
    private static final double[] RETURNS = new SyntheticReturns(41).gbm(400, 0.6, 0, 1.0 / 365);

    private static ModelFit fit(String model, double logLikelihood, int k, String[] names, double... values) {
        return new ModelFit(model, ModelFit.named(names, values), Map.of(), logLikelihood, k);
    }

    private static ModelFit gbm(double logLikelihood) {
        return fit("gbm", logLikelihood, 2, new String[] {"volatility", "drift"}, 0.6, 0.1);
    }

    private static ModelFit studentT(double logLikelihood, double nu) {
        double scale = 0.02;
        return fit("student-t", logLikelihood, 3, new String[] {"degreesOfFreedom", "location", "scale", "volatility"},
                nu, 0.0, scale, scale * Math.sqrt(nu / (nu - 2) * 365));
    }

    private static ModelFit garch(double logLikelihood, double omega, double alpha, double beta) {
        return fit("garch", logLikelihood, 4, new String[] {"omega", "alpha", "beta", "mean", "longRunVolatility"},
                omega, alpha, beta, 0.0, Math.sqrt(omega / (1 - alpha - beta) * 365));
    }

    private static ModelFit merton(double logLikelihood, double intensity) {
        return fit("merton", logLikelihood, 5,
                new String[] {"diffusionVolatility", "jumpIntensity", "jumpMean", "jumpStdev", "location"},
                0.4, intensity, -0.05, 0.08, 0.0);
    }

    private static Calibration.AssetFits fits(ModelFit t, ModelFit g, ModelFit m) {
        return new Calibration.AssetFits("BTC", 100, gbm(0), t, g, m);
    }

    @Test
    void boundariesAreTheDocumentedOnes() {
        double variance = MaximumLikelihood.variance(RETURNS);
        assertThat(ModelChoice.boundary(gbm(0), RETURNS, 1)).isEmpty();
        assertThat(ModelChoice.boundary(studentT(0, 2.05), RETURNS, 1)).contains("degrees of freedom 2.05");
        assertThat(ModelChoice.boundary(studentT(0, 2.06), RETURNS, 1)).isEmpty();
        assertThat(ModelChoice.boundary(garch(0, 1e-6, 0.1, 0.899), RETURNS, 1)).contains("alpha + beta = 0.999");
        assertThat(ModelChoice.boundary(garch(0, 1e-6, 0.1, 0.898), RETURNS, 1)).isEmpty();
        assertThat(ModelChoice.boundary(garch(0, 0.5e-6 * variance, 0.1, 0.8), RETURNS, 1)).contains("omega");
        assertThat(ModelChoice.boundary(merton(0, 0.99 * 365), RETURNS, 1)).contains("at the cap of one jump");
        assertThat(ModelChoice.boundary(merton(0, 0.5 * 365.0 / RETURNS.length), RETURNS, 1))
                .isEqualTo("fewer than one jump expected in the whole sample");
        assertThat(ModelChoice.boundary(merton(0, 20), RETURNS, 1)).isEmpty();
    }

    @Test
    void autoTakesTheBestAicOffTheBoundaryAndSaysWhatItPassedOver() {
        // student-t and garch have the better likelihoods but sit on boundaries; merton is next
        Calibration.AssetFits fits = fits(studentT(100, 2.01), garch(90, 1e-6, 0.2, 0.7995), merton(50, 20));
        ModelChoice.Fitted auto = ModelChoice.AUTO.select(fits, RETURNS, 1, keys -> "");
        assertThat(auto.model()).isEqualTo("merton");
        assertThat(auto.onBoundary()).isFalse();
        assertThat(auto.note()).startsWith("auto took merton because AIC's better student-t is on a boundary "
                + "(degrees of freedom 2.01").contains("; garch is on a boundary (alpha + beta = 0.9995").doesNotContain("\n");

        // a model whose keys a spec refuses is passed over the same way
        ModelChoice.Fitted refused = ModelChoice.AUTO.select(fits(studentT(100, 4), garch(0, 1e-6, 0.1, 0.8),
                merton(0, 20)), RETURNS, 1, keys -> keys.containsKey("degreesOfFreedom") ? "no t today" : "");
        assertThat(refused.model()).isEqualTo("gbm");
        assertThat(refused.note()).contains("student-t gives keys a spec refuses (no t today)");
    }

    @Test
    void anExplicitModelOnABoundaryKeepsItsKeysWithANote() {
        Calibration.AssetFits fits = fits(studentT(0, 3), garch(0, 1e-6, 0.2, 0.7995), merton(0, 20));
        ModelChoice.Fitted garch = ModelChoice.GARCH.select(fits, RETURNS, 1, keys -> "");
        assertThat(garch.onBoundary()).isTrue();
        assertThat(garch.usable()).isTrue();
        assertThat(garch.note()).startsWith("garch is on a boundary (alpha + beta = 0.9995");
        assertThat(garch.keys()).containsOnlyKeys("drift", "garch");

        ModelChoice.Fitted t = ModelChoice.STUDENT_T.select(fits(studentT(0, 2.0), garch(0, 1e-6, 0.1, 0.8),
                merton(0, 20)), RETURNS, 1, keys -> "");
        assertThat(t.onBoundary()).isTrue();
    }

    @Test
    void simulateRefusesStudentTAtTwoDegreesOfFreedomWithOneSentence() {
        String spec = """
                {"assets": [{"name": "BTC", "price": 100, "volatility": 0.5, "degreesOfFreedom": 2}],
                 "account": {"cash": 100, "positions": [{"asset": "BTC", "size": 1, "entryPrice": 100,
                             "rules": {"type": "flat", "rate": 0.01}}]}, "horizonDays": 1}""";
        assertThatThrownBy(() -> SpecReader.parse(spec, "spec", false)).isInstanceOf(SpecException.class)
                .hasMessage("assets[0].degreesOfFreedom must be > 2 (finite variance) and <= 200 but was 2.0");
    }
}
