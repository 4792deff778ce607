package io.marginsim.liquidation;

import io.marginsim.problem.PathBlock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A spec without liquidation, funding, borrow or haircut-model keys must give exactly the results the simulator
 * gave before those mechanics existed: breach = close at the breach step's price, no costs. The vectors below were
 * computed by {@link FrozenProblems#main} on the code before the change and are compared bit for bit.
 */
class FrozenReferenceTest {
    private static final int[] CROSS_BREACH = {
            0, 11, 0, 0, 0, 0, 0, 57, 59, 0, 0, 0, 0, 0, 53, 0, 76, 34, 0, 52, 31, 0, 49, 81, 0, 51, 0, 0, 0, 0, 0,
            0, 51, 0, 0, 0, 0, 0, 0, 0
    };
    private static final double[] CROSS_EQUITY = {
            9654.542752997142, 537.7303599470806, 8680.212739101888, 12711.88841152308, 19608.7804959392,
            21332.790863430877, 2623.8104164846472, -67.8721887792226, -417.6930059011438, 4709.827956759632,
            4080.7936978743965, 7582.585048320011, 12732.89416523666, 4378.899640583677, 550.4596716220294,
            7024.51540363477, 635.3675137422042, 471.4226546930913, 9973.24242449498, 377.71117355698516,
            437.4565356108915, 11028.179734242935, 184.32002996150004, 502.5506448000451, 17163.65519732425,
            246.48057683261322, 2468.1421740872584, 4839.512502540783, 8106.590315770327, 8339.155545519123,
            8792.474768011485, 7526.722499296349, 517.0991665230786, 9923.38784173506, 4271.178182469924,
            2382.9031828950738, 7821.456490814592, 7126.450654798244, 2918.088902204524, 9648.908024673428
    };
    private static final int[] ISOLATED_BREACH = {
            14, 17, 0, 0, 0, 19, 0, 19, 35, 11, 52, 0, 26, 91, 88, 37, 0, 9, 22, 5, 15, 23, 10, 23, 34, 6, 18, 72,
            35, 47, 28, 0, 38, 22, 74, 0, 36, 0, 29, 27
    };
    private static final double[] ISOLATED_EQUITY = {
            12585.17089413591, 9638.041691859142, 12361.418594785719, 6835.715155666594, 14643.126440642784,
            3661.2372828011607, 11135.588565644166, 751.1727353444535, 1590.4696685585736, 12503.722250562829,
            2851.1406887809417, 9354.894381538477, 1017.536655225615, 8070.451489046629, 9263.501133075128,
            1989.519846673034, 12917.954076702279, 3486.9614749927186, 17816.912094803552, 4072.2389561459213,
            2759.061167351411, 11074.979583820616, 7844.501006759893, 1158.6376911846933, 19989.80509472624,
            3442.6394060617195, 1861.2902456781976, 4206.028109971714, 2631.1858669750964, 1575.6362819758037,
            2167.648034984158, 10637.851208271451, 3780.444166240057, 10346.888650415614, 3676.585897988606,
            4554.036589479292, 7486.1916824330165, 11389.587808625847, 13625.91629883963, 4423.720142424374
    };

    @Test
    void crossWithoutLiquidationKeysIsUnchanged() {
        PathBlock block = FrozenProblems.run(FrozenProblems.CROSS);
        assertThat(block.firstBreachStep).containsExactly(CROSS_BREACH);
        assertThat(block.terminalEquity).containsExactly(CROSS_EQUITY);
    }

    @Test
    void isolatedWithoutLiquidationKeysIsUnchanged() {
        PathBlock block = FrozenProblems.run(FrozenProblems.ISOLATED);
        assertThat(block.firstBreachStep).containsExactly(ISOLATED_BREACH);
        assertThat(block.terminalEquity).containsExactly(ISOLATED_EQUITY);
    }
}
