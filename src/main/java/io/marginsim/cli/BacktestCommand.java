package io.marginsim.cli;

import io.marginsim.analysis.Backtest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code margin-sim backtest PRICES.csv --spec TEMPLATE.json}: predicted against realised breaches on history. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "For every start date of a price history, fit the model on the trailing window, simulate the "
                + "template spec moved to that date's close, and check whether the account breached on the days that "
                + "followed; report predicted against realised breach frequency, Brier scores, reliability and the "
                + "Kupiec test.")
final class BacktestCommand implements Callable<Integer> {
    @Mixin
    BacktestOptions backtest;

    @Override
    public Integer call() throws Exception {
        return backtest.run(settings -> Backtest.local(settings::apply, backtest.overrides.engineOptions(),
                CellProgress.create(System.console() != null, System.err, "backtest", "window")));
    }
}
