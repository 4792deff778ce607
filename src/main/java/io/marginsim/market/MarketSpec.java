package io.marginsim.market;

import io.marginsim.check.SpecException;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The market model of a spec beyond GBM: per-asset dynamics and the spec's {@code market} object.
 *
 * @param assets                 one entry per asset, in asset order
 * @param copulaDegreesOfFreedom degrees of freedom of the t copula (one mixing variable shared by all assets), or
 *                               0 for the Gaussian dependence of the correlated normals
 * @param commonJump             jumps shared by all assets, each asset's log return moving by {@code beta} times
 *                               the common jump; null for none
 * @param commonJumpBetas        one loading per asset (empty without a common jump)
 * @param dcc                    DCC(1,1) dynamic correlation around the spec's correlation, or null for a constant
 *                               one; at most {@link Dcc#MAX_ASSETS} assets
 * @param historical             filtered historical simulation: the innovations are bootstrapped rows of these
 *                               residuals, scaled by each asset's GARCH volatility (every asset needs a GARCH
 *                               model then); null for drawn innovations. Excludes the t copula, per-asset
 *                               Student-t, DCC and a correlation stress: the rows carry the tails and dependence
 */
public record MarketSpec(List<AssetDynamics> assets, double copulaDegreesOfFreedom, Jumps commonJump,
                         double[] commonJumpBetas, Stress stress, Dcc dcc, HistoricalResiduals historical) {
    /** Plain correlated GBM, the model of a spec without a {@code market} key. */
    public static MarketSpec gbm(int assets) {
        return new MarketSpec(Collections.nCopies(assets, AssetDynamics.GBM), 0, null, new double[0],
                Stress.none(assets));
    }

    /** A market with constant correlation and drawn innovations. */
    public MarketSpec(List<AssetDynamics> assets, double copulaDegreesOfFreedom, Jumps commonJump,
                      double[] commonJumpBetas, Stress stress) {
        this(assets, copulaDegreesOfFreedom, commonJump, commonJumpBetas, stress, null, null);
    }

    public MarketSpec {
        assets = List.copyOf(assets);
        commonJumpBetas = commonJumpBetas.clone();
        if (dcc != null) {
            Dcc.checkAssets("dcc", assets.size());
        }
        if (historical != null) {
            checkHistorical(assets, copulaDegreesOfFreedom, stress, dcc, historical);
        }
        if (copulaDegreesOfFreedom != 0) {
            AssetDynamics.checkDegreesOfFreedom("copulaDegreesOfFreedom", copulaDegreesOfFreedom);
            for (int a = 0; a < assets.size(); a++) {
                if (assets.get(a).degreesOfFreedom() != 0) {
                    // the copula's mixing variable sets every marginal; a second mixing would change both
                    throw SpecException.atPath("assets[" + a + "].degreesOfFreedom", "must not be given with the t copula"
                            + " (market.copulaDegreesOfFreedom sets every asset's tails) but was "
                            + assets.get(a).degreesOfFreedom());
                }
            }
        }
        if (commonJump != null) {
            Stress.checkLength("commonJump.betas", commonJumpBetas.length, assets.size());
        }
        Stress.checkLength("stress.shock", stress.shock().length, assets.size());
    }

    /** The same model under another stress overlay (a named scenario replaces the spec's own). */
    public MarketSpec withStress(Stress other) {
        return new MarketSpec(assets, copulaDegreesOfFreedom, commonJump, commonJumpBetas, other, dcc, historical);
    }

    private static void checkHistorical(List<AssetDynamics> assets, double copulaDof, Stress stress, Dcc dcc,
                                        HistoricalResiduals historical) {
        if (historical.assets() != assets.size()) {
            throw new SpecException("historical", "must have one residual column per asset (" + assets.size()
                    + ") but had " + historical.assets());
        }
        String rows = " (the bootstrapped residual rows carry the assets' tails and dependence)";
        if (copulaDof != 0) {
            throw new SpecException("copula", "must be gaussian with historical" + rows + " but was t");
        }
        if (dcc != null) {
            throw new SpecException("dcc", "must not be given with historical" + rows);
        }
        if (stress.correlationToOne() != 0) {
            throw new SpecException("stress.correlationToOne", "must be 0 with historical" + rows + " but was "
                    + stress.correlationToOne());
        }
        for (int a = 0; a < assets.size(); a++) {
            if (assets.get(a).degreesOfFreedom() != 0) {
                throw SpecException.atPath("assets[" + a + "].degreesOfFreedom", "must not be given with "
                        + "market.historical" + rows + " but was " + assets.get(a).degreesOfFreedom());
            }
            if (assets.get(a).garch() == null) {
                throw SpecException.atPath("assets[" + a + "].garch", "is required with market.historical (its "
                        + "volatility rescales the residuals; the spec reader fills in the history's fit)");
            }
        }
    }

    @Override
    public double[] commonJumpBetas() {
        return commonJumpBetas.clone();
    }

    /** Whether the model is plain correlated GBM (a stress overlay folds into GBM's parameters, so it may be set). */
    public boolean isGbm() {
        return dcc == null && historical == null && copulaDegreesOfFreedom == 0
                && (commonJump == null || commonJump.intensity() == 0) && assets.stream().allMatch(AssetDynamics::isGbm);
    }

    /** Value equality: a record compares arrays by identity otherwise. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MarketSpec m && assets.equals(m.assets)
                && Double.compare(copulaDegreesOfFreedom, m.copulaDegreesOfFreedom) == 0
                && Objects.equals(commonJump, m.commonJump) && Arrays.equals(commonJumpBetas, m.commonJumpBetas)
                && stress.equals(m.stress) && Objects.equals(dcc, m.dcc)
                && Objects.equals(historical, m.historical);
    }

    @Override
    public int hashCode() {
        return Objects.hash(assets, copulaDegreesOfFreedom, commonJump, Arrays.hashCode(commonJumpBetas), stress,
                dcc, historical);
    }

    @Override
    public String toString() {
        return "MarketSpec[assets=" + assets + ", copulaDegreesOfFreedom=" + copulaDegreesOfFreedom + ", commonJump="
                + commonJump + ", commonJumpBetas=" + Arrays.toString(commonJumpBetas) + ", stress=" + stress
                + ", dcc=" + dcc + ", historical=" + historical + "]";
    }
}
