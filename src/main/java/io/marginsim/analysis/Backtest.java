package io.marginsim.analysis;

import io.marginsim.check.SpecException;
import io.marginsim.engine.Engine;
import io.marginsim.engine.EngineUnavailableException;
import io.marginsim.market.calibration.ModelChoice;
import io.marginsim.market.calibration.OhlcSeries;
import io.marginsim.problem.CompiledProblem;
import io.marginsim.problem.ProblemCompiler;
import io.marginsim.problem.Valuation;
import io.marginsim.simulation.Engines;
import io.marginsim.simulation.Simulation;
import io.marginsim.simulation.Simulator;
import io.marginsim.spec.Spec;
import io.marginsim.spec.SpecReader;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Predicted against realised breaches on real history. For every start date, each {@code everyDays} after the first
 * {@code windowDays} returns, the model is fitted to the trailing {@code windowDays} returns only, the template is
 * moved to that date ({@link BacktestTemplate}) and simulated, and the account is then valued on the days that
 * followed, with the margin rules the engines use ({@link Valuation}). Start dates whose horizon runs past the data's
 * end are left out. One engine serves every window.
 */
public final class Backtest {
    /** Fewest returns a window may fit on: {@code calibrate}'s minimum series. */
    public static final int MIN_WINDOW = 30;

    private Backtest() {
    }

    public record Settings(int windowDays, int everyDays, ModelChoice model, boolean fittedDrift) {
    }

    /**
     * One start date.
     *
     * @param model           the model simulated: the one asked for, auto's choice, or gbm when the fit was on a
     *                        boundary ({@link ModelChoice#boundary})
     * @param volatility      the fit's annualised volatility (GARCH: the forecast for the first day; Merton: diffusion
     *                        and jumps together)
     * @param breachedOnClose whether the account breached at some close of the horizon
     * @param breachedOnRange whether it breached at some close, low or high (false when the file has no range)
     */
    public record Window(Instant start, double close, String model, double volatility, double predicted,
                         boolean breachedOnClose, boolean breachedOnRange) {
        public String date() {
            return Backtest.date(start);
        }
    }

    /**
     * Every window and the scores of the predictions on closes and, when the file has highs and lows, on the range.
     *
     * @param overlap windows per independent one: {@code ceil(horizonDays / everyDays)}
     */
    public record Result(Settings settings, int horizonDays, int overlap, boolean hasRange, String engine, long paths,
                         long seed, List<Window> windows) {
        public double independentWindows() {
            return (double) windows.size() / overlap;
        }

        /** Windows that simulated gbm because the requested model's fit was on a boundary. */
        public int gbmFallbacks() {
            return settings.model() == ModelChoice.AUTO || settings.model() == ModelChoice.GBM ? 0
                    : (int) windows.stream().filter(w -> !w.model().equals(settings.model().label())).count();
        }

        /** How many windows simulated each model, in the order gbm, student-t, garch, merton; none left out. */
        public Map<String, Integer> modelsUsed() {
            Map<String, Integer> out = new LinkedHashMap<>();
            for (ModelChoice m : ModelChoice.values()) {
                if (m != ModelChoice.AUTO) {
                    out.put(m.label(), (int) windows.stream().filter(w -> w.model().equals(m.label())).count());
                }
            }
            return out;
        }

        public double[] predicted() {
            return windows.stream().mapToDouble(Window::predicted).toArray();
        }

        public BacktestScores onCloses() {
            boolean[] y = new boolean[windows.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = windows.get(i).breachedOnClose();
            }
            return BacktestScores.of(predicted(), y, overlap);
        }

        /** Null when the file has no highs and lows. */
        public BacktestScores onRange() {
            if (!hasRange) {
                return null;
            }
            boolean[] y = new boolean[windows.size()];
            for (int i = 0; i < y.length; i++) {
                y[i] = windows.get(i).breachedOnRange();
            }
            return BacktestScores.of(predicted(), y, overlap);
        }
    }

    /**
     * One start date's simulation: the template moved there, as spec JSON that any machine can read (the template
     * may not name files, see {@link BacktestTemplate}), to be run with the command line's settings.
     */
    public record Job(int row, Instant time, double close, ModelChoice.Fitted fit, String spec) implements Serializable {
        /** The job's spec as the template's reader would have read it, before run settings. */
        public Spec read(String source) {
            return SpecReader.parse(spec, source + " moved to " + date(time), false);
        }
    }

    /**
     * Breach probabilities of every window's simulation, in order, with its run settings (paths, seed, engine,
     * monitoring) applied: one engine on this machine ({@link #local}) or Spark tasks, the windows then being cells of
     * one job as a sweep's are.
     */
    @FunctionalInterface
    public interface Predictor {
        Predictions predict(List<Job> jobs, String source) throws EngineUnavailableException;
    }

    /** Each job's predicted breach probability, in order, and the engine that ran them. */
    public record Predictions(double[] breachProbability, String engine) {
    }

    /**
     * One engine on this machine, opened for the first window and used for all, with {@code settings} applied. On the
     * OpenCL engine, consecutive windows of one program run as batches of many windows a launch, as a sweep's small
     * cells do ({@link CellBatches}); windows that cannot join a batch, and windows on other engines, run one by one.
     * Either way a window's prediction is that of its run alone.
     */
    public static Predictor local(UnaryOperator<Spec> settings, Engines.Options options) {
        return local(settings, options, Sweep.Listener.NONE);
    }

    /**
     * {@link #local(UnaryOperator, Engines.Options)} telling {@code progress} of the windows as a sweep's listener
     * hears of cells (with no row: a window is not a sweep row).
     */
    public static Predictor local(UnaryOperator<Spec> settings, Engines.Options options, Sweep.Listener progress) {
        return (jobs, source) -> {
            Spec first = settings.apply(jobs.getFirst().read(source));
            Engines.Selection engine = Engines.select(first.engine(), options);
            double[] predicted = new double[jobs.size()];
            String engineName = null;
            CellBatches<Predicted> batches = new CellBatches<>(progress::pathsDone);
            progress.started(jobs.size(), 0);
            try {
                for (int i = 0; i < jobs.size(); i++) {
                    Spec spec = settings.apply(jobs.get(i).read(source));
                    int window = i;
                    List<Predicted> done = batches.add(spec, engine, (run, pathSteps) -> Predicted.of(window, run,
                            pathSteps));
                    if (done == null) {
                        try (Simulation run = Simulator.run(spec, engine, options, Engine.ProgressListener.NONE)) {
                            done = List.of(Predicted.of(i, run, (double) spec.paths() * spec.steps()));
                        }
                    }
                    engineName = record(done, predicted, progress, engineName);
                }
                engineName = record(batches.flush(), predicted, progress, engineName);
            } finally {
                engine.engine().close();
            }
            return new Predictions(predicted, engineName);
        };
    }

    /** A window's predicted breach probability, the engine that ran it and the work it took. */
    private record Predicted(int window, double breachProbability, String engine, double pathSteps) {
        static Predicted of(int window, Simulation run, double pathSteps) {
            return new Predicted(window, run.report().breachProbability(), run.report().engine(), pathSteps);
        }
    }

    /** Stores finished windows' predictions and tells {@code progress}; returns the engine that ran the last one. */
    private static String record(List<Predicted> done, double[] predicted, Sweep.Listener progress, String engine) {
        for (Predicted p : done) {
            predicted[p.window()] = p.breachProbability();
            progress.cellDone(null, p.pathSteps());
            engine = p.engine();
        }
        return engine;
    }

    /**
     * Runs every window on one engine of this machine.
     *
     * @param overrides run settings from the command line, applied to each window's spec
     */
    public static Result run(OhlcSeries prices, String source, BacktestTemplate template, Settings settings,
                             UnaryOperator<Spec> overrides, Engines.Options options)
            throws EngineUnavailableException {
        return run(prices, source, template, settings, overrides, local(overrides, options));
    }

    /**
     * Fits every window here (on all cores), has {@code predictor} simulate them, and scores the predictions against
     * what followed each start date.
     *
     * @param overrides the run settings {@code predictor} applies, for the result's paths and seed
     */
    public static Result run(OhlcSeries prices, String source, BacktestTemplate template, Settings settings,
                             UnaryOperator<Spec> overrides, Predictor predictor) throws EngineUnavailableException {
        int horizon = check(prices, source, template, settings);
        List<Job> jobs = jobs(prices, source, template, settings, horizon);
        Spec first = overrides.apply(template.spec());
        Predictions predictions = predictor.predict(jobs, source);
        if (predictions.breachProbability().length != jobs.size()) {
            throw new IllegalStateException(predictions.breachProbability().length + " predictions came back for "
                    + jobs.size() + " windows");
        }
        List<Window> windows = new ArrayList<>(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            CompiledProblem problem = ProblemCompiler.compile(job.read(source));
            windows.add(new Window(job.time(), job.close(), job.fit().model(), job.fit().volatility(),
                    predictions.breachProbability()[i], breached(problem, prices, job.row(), horizon, false),
                    prices.hasRange() && breached(problem, prices, job.row(), horizon, true)));
        }
        return new Result(settings, horizon, (horizon + settings.everyDays() - 1) / settings.everyDays(),
                prices.hasRange(), predictions.engine(), first.paths(), first.seed(), windows);
    }

    /** Every start date's fit (in parallel: the likelihood fits cost more than the simulations) and moved template. */
    private static List<Job> jobs(OhlcSeries prices, String source, BacktestTemplate template, Settings settings,
                                  int horizon) {
        List<Integer> starts = starts(prices.rows(), settings.windowDays(), settings.everyDays(), horizon);
        if (starts.isEmpty()) {
            throw new SpecException(source, "must have at least " + (settings.windowDays() + horizon + 1) + " rows for "
                    + "one window (--window " + settings.windowDays() + " days of returns, then the spec's " + horizon
                    + "-day horizon) but has " + prices.rows());
        }
        return starts.parallelStream().map(start -> {
            ModelChoice.Fitted fit = fit(settings, prices.logReturns(start - settings.windowDays(), start),
                    prices.intervalDays(), keys -> refusal(template, prices.close(start), keys));
            Instant time = prices.time(start);
            return new Job(start, time, prices.close(start), fit, template.json(prices.close(start), fit.keys()));
        }).toList();
    }

    /**
     * One window's fit through the calibrate round trip ({@link ModelChoice}); a fit on a boundary, which would
     * hand the simulation an unestimated tail or variance level, or whose keys the moved template refuses, is
     * replaced by gbm for that window. The drift is the round trip's (the fitted log-return mean reproduced) with
     * {@code fittedDrift}, else 0.
     *
     * @param refusal empty when the template runs the keys (drift as they come), else why not
     */
    static ModelChoice.Fitted fit(Settings settings, double[] returns, double intervalDays,
                                  Function<Map<String, Object>, String> refusal) {
        Function<Map<String, Object>, String> withDrift = keys -> refusal.apply(withDrift(keys, settings));
        ModelChoice.Fitted fit = settings.model().fit(returns, intervalDays, withDrift);
        if (fit.onBoundary() || !fit.usable()) {
            fit = ModelChoice.GBM.fit(returns, intervalDays);
        }
        return new ModelChoice.Fitted(fit.model(), withDrift(fit.keys(), settings), fit.volatility(), fit.boundary(),
                fit.refused(), fit.note());
    }

    private static Map<String, Object> withDrift(Map<String, Object> keys, Settings settings) {
        Map<String, Object> out = new LinkedHashMap<>(keys);
        if (!settings.fittedDrift()) {
            out.put("drift", 0.0);
        }
        return out;
    }

    /** Empty when the template moved to {@code close} runs {@code keys}, else the spec's error. */
    private static String refusal(BacktestTemplate template, double close, Map<String, Object> keys) {
        try {
            template.at(close, keys, "a start date");
            return "";
        } catch (SpecException e) {
            return e.getMessage();
        }
    }

    /** The UTC calendar day of a row, as start dates are written. */
    static String date(Instant time) {
        return time.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    /** The horizon in rows, after checking the settings against the data and the template. */
    private static int check(OhlcSeries prices, String source, BacktestTemplate template, Settings settings) {
        if (settings.windowDays() < MIN_WINDOW) {
            throw new SpecException("--window", "must be at least " + MIN_WINDOW + " days (returns the model is fitted "
                    + "on) but was " + settings.windowDays());
        }
        if (settings.everyDays() < 1) {
            throw new SpecException("--every", "must be at least 1 day but was " + settings.everyDays());
        }
        if (Math.abs(prices.intervalDays() - 1) > 0.01) {
            throw new SpecException(source, "must hold daily prices (--window, --every and the horizon count rows as "
                    + "days) but its rows are " + prices.intervalDays() + " days apart");
        }
        double horizonDays = template.spec().horizonDays();
        if (horizonDays != Math.rint(horizonDays)) {
            throw new SpecException("--spec horizonDays", "must be a whole number of days to be checked on daily "
                    + "prices but was " + horizonDays);
        }
        return (int) horizonDays;
    }

    /** Start rows: the first after {@code window} returns, then every {@code every}, while the horizon fits. */
    static List<Integer> starts(int rows, int window, int every, int horizon) {
        List<Integer> out = new ArrayList<>();
        for (int s = window; s + horizon <= rows - 1; s += every) {
            out.add(s);
        }
        return out;
    }

    /**
     * Whether the account breaches on some day of the horizon after row {@code start}: at the close and, with
     * {@code range}, at the low or high. Equity minus requirement is concave in one asset's price (linear P&amp;L
     * less a requirement convex in notional), so its minimum over a day's range lies at the low or the high.
     */
    static boolean breached(CompiledProblem problem, OhlcSeries prices, int start, int horizon, boolean range) {
        for (int t = start + 1; t <= start + horizon; t++) {
            if (breachedAt(problem, prices.close(t))
                    || range && (breachedAt(problem, prices.low(t)) || breachedAt(problem, prices.high(t)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean breachedAt(CompiledProblem problem, double price) {
        return Valuation.shortfall(problem, new double[] {price}) > 0;
    }
}
