// margin-sim from JShell: build a spec in Java, simulate it and solve a cash buffer.
// Run from the repository root after `mvn -B package -DskipTests`:
//   /usr/lib/jvm/temurin-25-jdk-amd64/bin/jshell --class-path target/margin-sim.jar examples/api.jsh
import io.marginsim.simulation.*;
import io.marginsim.analysis.BufferSolver;

// JShell runs a line as soon as it is a complete statement, so chained calls end each line with the dot.
var spec = SpecBuilder.spec().
        asset("BTC", 60000, 0.60).
        cash(6000).
        position("BTC", 1.0, 60000).venue("binance-usdm", "BTCUSDT").
        horizonDays(30).stepsPerDay(24).paths(20_000).seed(7).engine("scalar").
        build();

var report = Simulator.simulate(spec);
System.out.printf("breach probability %.4f, 95%% CI [%.4f, %.4f]%n", report.breachProbability(),
        report.breachProbabilityCi95()[0], report.breachProbabilityCi95()[1]);
System.out.println("median days to breach: " + report.timeToBreachQuantilesDays().get("0.5"));

var cash = BufferSolver.solveCash(spec, 0.01, Engines.Options.defaults());
System.out.printf("extra cash for breach probability <= 1%%: %.2f, 95%% CI [%.2f, %.2f]%n", cash.buffer(),
        cash.bufferCi95()[0], cash.bufferCi95()[1]);
/exit
