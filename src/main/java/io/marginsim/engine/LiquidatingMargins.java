package io.marginsim.engine;

import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.Valuation;

/**
 * The margins {@link ContinuousMonitor} checks for a {@link LiquidatingAccount}: the account itself, on its current
 * cash, sizes and collateral units, and its shadow, which keeps the original sizes and pays the same carrying costs.
 * Excesses are the account's own shortfalls negated, so the check and the step-end check value it the same way; the
 * slopes are those of {@link Valuation} on the current sizes (a closed position has none).
 */
final class LiquidatingMargins {
    private final LiquidatingAccount account;
    private final CompiledProblem p;

    LiquidatingMargins(LiquidatingAccount account) {
        this.account = account;
        this.p = account.problem();
    }

    ContinuousMonitor.Margin real() {
        return new ContinuousMonitor.Margin() {
            @Override
            public double crossExcess(double[] price) {
                return -account.crossShortfallAt(price);
            }

            @Override
            public void crossSlopes(double[] price, double[] out) {
                unitSlopes(price, out);
                for (int i = 0; i < p.positions; i++) {
                    out[p.positionAsset.get(i)] += positionSlope(i, price[p.positionAsset.get(i)]);
                }
            }

            @Override
            public double positionExcess(int i, double mark) {
                return -account.isolatedShortfallAt(i, mark);
            }

            @Override
            public double positionSlope(int i, double mark) {
                double size = account.size(i);
                if (size == 0 || !p.markBasis.get(i)) {
                    return size;
                }
                return size - Math.abs(size) * p.tierRate.get(p.bracket(i, Math.abs(size) * mark));
            }
        };
    }

    ContinuousMonitor.Margin shadow() {
        return new ContinuousMonitor.Margin() {
            @Override
            public double crossExcess(double[] price) {
                return -account.shadowShortfallAt(price);
            }

            @Override
            public void crossSlopes(double[] price, double[] out) {
                unitSlopes(price, out);
                for (int i = 0; i < p.positions; i++) {
                    out[p.positionAsset.get(i)] += Valuation.positionExcessSlope(p, i, price[p.positionAsset.get(i)]);
                }
            }

            @Override
            public double positionExcess(int i, double mark) {
                return Valuation.isolatedEquity(p, i, mark) - account.shadowFunding(i)
                        - Valuation.positionRequirement(p, i, mark);
            }

            @Override
            public double positionSlope(int i, double mark) {
                return Valuation.positionExcessSlope(p, i, mark);
            }
        };
    }

    /**
     * Collateral and debt: value units less requirement units, at this step's haircuts; and less the portfolio
     * margin's slope at {@code price} (compiled for the starting sizes, which both margins hold while open).
     */
    private void unitSlopes(double[] price, double[] out) {
        double[] value = account.valueUnits();
        double[] requirement = account.requirementUnits();
        for (int a = 0; a < p.assets; a++) {
            out[a] = value[a] - requirement[a];
        }
        Valuation.subtractPortfolioSlopes(p, price, out);
    }
}
