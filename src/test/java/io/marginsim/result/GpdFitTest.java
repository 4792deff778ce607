package io.marginsim.result;

import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class GpdFitTest {

    /** GPD draws by inversion: {@code sigma ((1 - U)^-xi - 1) / xi}. */
    static double[] gpd(double xi, double sigma, int n, long seed) {
        Well19937c random = new Well19937c(seed);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = GpdFit.excessQuantile(xi, sigma, 1 - random.nextDouble());
        }
        return y;
    }

    @ParameterizedTest
    @CsvSource({"-0.2, 2, 11", "0.0, 2, 12", "0.2, 2, 13", "0.5, 2, 14", "0.2, 0.01, 15"})
    void recoversShapeAndScaleWithinThreeAsymptoticStandardErrors(double xi, double sigma, long seed) {
        int n = 4000;
        GpdFit fit = GpdFit.fit(gpd(xi, sigma, n, seed));
        // Smith (1985): n Cov(xi, sigma) -> (1 + xi) [[1 + xi, -sigma], [-sigma, 2 sigma^2]] for xi > -1/2
        double seShape = (1 + xi) / Math.sqrt(n);
        double seScale = sigma * Math.sqrt(2 * (1 + xi) / n);
        assertThat(fit.shape()).isCloseTo(xi, within(3 * seShape));
        assertThat(fit.scale()).isCloseTo(sigma, within(3 * seScale));
        // the observed information agrees with the expected one
        assertThat(fit.shapeStandardError()).isCloseTo(seShape, within(0.2 * seShape));
        assertThat(fit.scaleStandardError()).isCloseTo(seScale, within(0.2 * seScale));
        assertThat(fit.atShapeGuard()).isFalse();
    }

    @Test
    void theMaximumIsAMaximumOfTheLikelihood() {
        double[] y = gpd(0.3, 1, 500, 7);
        GpdFit fit = GpdFit.fit(y);
        double best = GpdFit.logLikelihood(fit.shape(), fit.scale(), y);
        for (double dx : new double[] {-1e-3, 1e-3}) {
            assertThat(GpdFit.logLikelihood(fit.shape() + dx, fit.scale(), y)).isLessThan(best);
            assertThat(GpdFit.logLikelihood(fit.shape(), fit.scale() * (1 + dx), y)).isLessThan(best);
        }
    }

    @Test
    void uniformExcessesStopAtTheShapeGuard() {
        // uniform excesses are GPD with xi = -1, below the guard
        Well19937c random = new Well19937c(3);
        double[] y = new double[1000];
        for (int i = 0; i < y.length; i++) {
            y[i] = 1e-9 + random.nextDouble();
        }
        assertThat(GpdFit.fit(y).atShapeGuard()).isTrue();
    }

    @Test
    void exponentialLimitAndDistributionFunctionsAgree() {
        double[] y = {0.5, 1.0, 2.0};
        assertThat(GpdFit.logLikelihood(0, 2, y)).isCloseTo(-3 * Math.log(2) - 3.5 / 2, within(1e-12));
        assertThat(GpdFit.logLikelihood(1e-9, 2, y)).isCloseTo(GpdFit.logLikelihood(0, 2, y), within(1e-6));
        assertThat(GpdFit.survival(0.5, 2, GpdFit.excessQuantile(0.5, 2, 0.01))).isCloseTo(0.01, within(1e-12));
        assertThat(GpdFit.survival(-0.5, 2, 4.0)).isZero();
        assertThat(GpdFit.density(0, 2, 0)).isEqualTo(0.5);
        assertThatThrownBy(() -> GpdFit.fit(new double[] {1, 0})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("> 0");
    }
}
