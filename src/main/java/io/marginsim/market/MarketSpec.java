package io.marginsim.market;

import io.marginsim.spec.SpecException;

import java.util.Collections;
import java.util.List;

/**
 * The market model of a spec beyond GBM: per-asset dynamics and the spec's {@code market} object.
 *
 * @param assets                 one entry per asset, in asset order
 * @param copulaDegreesOfFreedom degrees of freedom of the t copula (one mixing variable shared by all assets), or
 *                               0 for the Gaussian dependence of the correlated normals
 * @param commonJump             jumps shared by all assets, each asset's log return moving by {@code beta} times
 *                               the common jump; null for none
 * @param commonJumpBetas        one loading per asset (empty without a common jump)
 */
public record MarketSpec(List<AssetDynamics> assets, double copulaDegreesOfFreedom, Jumps commonJump,
                         double[] commonJumpBetas, Stress stress) {
    /** Plain correlated GBM, the model of a spec without a {@code market} key. */
    public static MarketSpec gbm(int assets) {
        return new MarketSpec(Collections.nCopies(assets, AssetDynamics.GBM), 0, null, new double[0],
                Stress.none(assets));
    }

    public MarketSpec {
        assets = List.copyOf(assets);
        commonJumpBetas = commonJumpBetas.clone();
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
        return new MarketSpec(assets, copulaDegreesOfFreedom, commonJump, commonJumpBetas, other);
    }

    @Override
    public double[] commonJumpBetas() {
        return commonJumpBetas.clone();
    }

    /** Whether the model is plain correlated GBM (a stress overlay folds into GBM's parameters, so it may be set). */
    public boolean isGbm() {
        return copulaDegreesOfFreedom == 0 && (commonJump == null || commonJump.intensity() == 0) && assets.stream().allMatch(AssetDynamics::isGbm);
    }
}
