package io.marginsim.spec;

import io.marginsim.check.Checks;
import io.marginsim.check.Counts;
import io.marginsim.check.SpecException;
import io.marginsim.liquidation.Microstructure;
import io.marginsim.market.CorrelationMatrix;
import io.marginsim.market.GbmMarket;
import io.marginsim.market.Jumps;
import io.marginsim.market.MarketSpec;
import io.marginsim.model.Account;
import io.marginsim.model.Asset;
import io.marginsim.model.Collateral;
import io.marginsim.model.Debt;
import io.marginsim.model.Position;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A complete simulation request: the market, the account, the horizon and the run settings. Immutable and
 * valid by construction: every constructor checks its arguments and names the offending field.
 *
 * @param correlation in asset order, positive semi-definite with unit diagonal
 * @param market      the price model beyond GBM, one entry per asset ({@link MarketSpec#gbm} for plain GBM)
 * @param paths       number of Monte Carlo paths, at most {@link #MAX_PATHS}
 * @param microstructure liquidation terms, funding and borrow rates; {@link Microstructure#NONE} for the plain
 *                    breach model (breach = close at the breach step's price, no costs)
 * @param monitoring  whether margin is checked at step ends or continuously ({@link Monitoring})
 */
public record Spec(List<Asset> assets, CorrelationMatrix correlation, MarketSpec market, Account account,
                   double horizonDays, int stepsPerDay, long paths, long seed, EngineKind engine,
                   Microstructure microstructure, Monitoring monitoring) {
    /** Counter word 1 of Philox holds the path index, and exact quantiles keep one value per path in an array. */
    public static final long MAX_PATHS = Integer.MAX_VALUE - 8;
    /** Guard against a typo turning a run into days of work. */
    public static final long MAX_STEPS = 1_000_000;
    /** Largest mean number of jumps per step: beyond it the per-step Poisson cap (and its loop) grows long. */
    public static final double MAX_JUMPS_PER_STEP = 1.0;
    private static final double SECONDS_PER_DAY = 86_400;

    /** A spec of plain correlated GBM and the plain breach model. */
    public Spec(List<Asset> assets, CorrelationMatrix correlation, Account account, double horizonDays,
                int stepsPerDay, long paths, long seed, EngineKind engine) {
        this(assets, correlation, MarketSpec.gbm(assets.size()), account, horizonDays, stepsPerDay, paths, seed, engine,
                Microstructure.NONE);
    }

    /** A spec with the default {@link Monitoring}. */
    public Spec(List<Asset> assets, CorrelationMatrix correlation, MarketSpec market, Account account,
                double horizonDays, int stepsPerDay, long paths, long seed, EngineKind engine,
                Microstructure microstructure) {
        this(assets, correlation, market, account, horizonDays, stepsPerDay, paths, seed, engine, microstructure,
                Monitoring.DEFAULT);
    }

    public Spec {
        assets = List.copyOf(assets);
        Objects.requireNonNull(microstructure, "microstructure");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(monitoring, "monitoring");
        if (assets.isEmpty()) {
            throw new SpecException("assets", "must list at least one asset but was empty");
        }
        Set<String> names = new HashSet<>();
        for (int a = 0; a < assets.size(); a++) {
            if (!names.add(assets.get(a).name())) {
                throw new SpecException("assets[" + a + "].name", "must be unique but \"" + assets.get(a).name()
                        + "\" appears twice");
            }
        }
        if (correlation.size() != assets.size()) {
            throw new SpecException("correlation", "must be " + assets.size() + " x " + assets.size()
                    + " (one row per asset) but was " + correlation.size() + " x " + correlation.size());
        }
        if (market.assets().size() != assets.size()) {
            throw new SpecException("market", "must describe " + Counts.of(assets.size(), "asset") + " but described "
                    + market.assets().size());
        }
        checkAssetsKnown(names, account);
        checkAligned(account, microstructure);
        Checks.atMost("horizonDays", Checks.positive("horizonDays", horizonDays), Checks.MAX_HORIZON_DAYS);
        Checks.positive("stepsPerDay", (long) stepsPerDay);
        double steps = horizonDays * stepsPerDay;
        if (Math.abs(steps - Math.rint(steps)) > 1e-9 * Math.max(1, steps) || Math.rint(steps) < 1) {
            throw new SpecException("horizonDays", "times stepsPerDay must be a whole number of steps (>= 1) but "
                    + horizonDays + " x " + stepsPerDay + " = " + steps);
        }
        if (Math.rint(steps) > MAX_STEPS) {
            throw new SpecException("horizonDays", "times stepsPerDay must be at most " + MAX_STEPS + " steps but was "
                    + (long) Math.rint(steps));
        }
        checkJumpRates(market, (long) Math.rint(steps), horizonDays);
        checkDriftMoves(assets, horizonDays);
        checkLatency(microstructure, horizonDays);
        Checks.positive("paths", paths);
        if (paths > MAX_PATHS) {
            throw new SpecException("paths", "must be at most " + MAX_PATHS + " but was " + paths);
        }
    }

    /** exp of the drift's move over the horizon is every path's trend: it must stay far inside double and float range. */
    private static void checkDriftMoves(List<Asset> assets, double horizonDays) {
        double years = horizonDays / GbmMarket.DAYS_PER_YEAR;
        for (int a = 0; a < assets.size(); a++) {
            double drift = assets.get(a).drift();
            if (!(Math.abs(drift * years) <= Checks.MAX_DRIFT_MOVE)) {
                throw new SpecException("assets[" + a + "].drift", "times the horizon (" + years + " years) must be "
                        + "between -" + Checks.show(Checks.MAX_DRIFT_MOVE) + " and " + Checks.show(Checks.MAX_DRIFT_MOVE)
                        + " (a log move) but was " + drift + " x " + years + " = " + drift * years);
            }
        }
    }

    /** A fill due after the horizon executes at the horizon's price, so a longer latency can only be a unit mistake. */
    private static void checkLatency(Microstructure m, double horizonDays) {
        double horizonSeconds = horizonDays * SECONDS_PER_DAY;
        if (m.liquidation() != null && !(m.liquidation().latencySeconds() <= horizonSeconds)) {
            throw new SpecException("liquidation.latencySeconds", "must be at most the horizon, " + horizonSeconds
                    + " seconds (" + horizonDays + " days), but was " + m.liquidation().latencySeconds());
        }
    }

    private static void checkJumpRates(MarketSpec market, long steps, double horizonDays) {
        double dt = horizonDays / steps / GbmMarket.DAYS_PER_YEAR;
        for (int a = 0; a < market.assets().size(); a++) {
            checkJumpRate("assets[" + a + "].jumpIntensity", market.assets().get(a).jumps(), dt);
        }
        checkJumpRate("market.commonJump.intensity", market.commonJump(), dt);
    }

    private static void checkJumpRate(String field, Jumps jumps, double dt) {
        if (jumps != null && jumps.intensity() * dt > MAX_JUMPS_PER_STEP) {
            throw new SpecException(field, "times the step length (" + dt + " years) must be at most "
                    + MAX_JUMPS_PER_STEP + " jump per step but was " + jumps.intensity() + " per year; use more "
                    + "stepsPerDay");
        }
    }

    private static void checkAssetsKnown(Set<String> names, Account account) {
        List<Collateral> collateral = account.collateral();
        for (int i = 0; i < collateral.size(); i++) {
            known(names, "account.collateral[" + i + "].asset", collateral.get(i).asset());
        }
        List<Debt> debts = account.debts();
        for (int i = 0; i < debts.size(); i++) {
            known(names, "account.debts[" + i + "].asset", debts.get(i).asset());
        }
        List<Position> positions = account.positions();
        for (int i = 0; i < positions.size(); i++) {
            known(names, "account.positions[" + i + "].asset", positions.get(i).asset());
        }
    }

    /** Per-position and per-debt terms must line up with the account they were read with. */
    private static void checkAligned(Account account, Microstructure m) {
        int positions = account.positions().size();
        if (m.liquidation() != null && m.liquidation().positions().size() != positions) {
            throw new SpecException("liquidation", "must have terms for each of the " + positions
                    + " positions but had " + m.liquidation().positions().size());
        }
        if (!m.funding().isEmpty() && m.funding().size() != positions) {
            throw new SpecException("account.positions", "funding must be given per position (" + positions
                    + ") but had " + m.funding().size() + " entries");
        }
        if (!m.haircuts().isEmpty() && m.haircuts().size() != account.collateral().size()) {
            throw new SpecException("account.collateral", "haircut models must be given per collateral entry ("
                    + account.collateral().size() + ") but had " + m.haircuts().size() + " entries");
        }
        if (!m.borrowRate().isEmpty() && m.borrowRate().size() != account.debts().size()) {
            throw new SpecException("account.debts", "borrow rates must be given per debt (" + account.debts().size()
                    + ") but had " + m.borrowRate().size() + " entries");
        }
    }

    private static void known(Set<String> names, String field, String asset) {
        if (!names.contains(asset)) {
            throw new SpecException(field, "must name one of the assets " + names + " but was \"" + asset + "\"");
        }
    }

    /** Number of simulation steps. */
    public int steps() {
        return (int) Math.rint(horizonDays * stepsPerDay);
    }

    /** Index of the asset called {@code name}, or -1. */
    public int assetIndex(String name) {
        for (int a = 0; a < assets.size(); a++) {
            if (assets.get(a).name().equals(name)) {
                return a;
            }
        }
        return -1;
    }

    /** The same spec with other run settings, for tests, sweeps and the command line's overrides. */
    public Spec withRun(long paths, long seed, EngineKind engine) {
        return new Spec(assets, correlation, market, account, horizonDays, stepsPerDay, paths, seed, engine,
                microstructure, monitoring);
    }

    /** The same spec stepped {@code perDay} times a day, for the half-step check of {@code --richardson}. */
    public Spec withStepsPerDay(int perDay) {
        return new Spec(assets, correlation, market, account, horizonDays, perDay, paths, seed, engine,
                microstructure, monitoring);
    }

    /** The same spec monitored another way, for the command line's {@code --monitoring}. */
    public Spec withMonitoring(Monitoring other) {
        return new Spec(assets, correlation, market, account, horizonDays, stepsPerDay, paths, seed, engine,
                microstructure, other);
    }

    /** The same spec under another stress overlay in place of {@code market.stress}, e.g. a named scenario's. */
    public Spec withStress(io.marginsim.market.Stress stress) {
        return new Spec(assets, correlation, market.withStress(stress), account, horizonDays, stepsPerDay, paths, seed,
                engine, microstructure, monitoring);
    }

    /** The same spec with another account, e.g. more cash. */
    public Spec withAccount(Account other) {
        return new Spec(assets, correlation, market, other, horizonDays, stepsPerDay, paths, seed, engine,
                microstructure, monitoring);
    }
}
