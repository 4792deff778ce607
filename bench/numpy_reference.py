#!/usr/bin/env python3
"""NumPy reference for the margin-sim standard workloads, written the way a researcher would in a notebook.

Same model as io.marginsim.problem.Workloads: n equicorrelated GBM assets (vol 0.8, correlation 0.5, no drift,
price 100), one long 10x position per asset in one cross-margined pool, flat 5% maintenance on mark notional,
256 steps of 1/8 day. A path breaches at the first step where requirement > equity. Vectorised over paths and
steps (a chunk of paths x all steps at once), float32, NumPy's own generator (so paths are not the same draws as
the Java engines: compare breach probabilities, not paths).

Elementwise NumPy runs on one core; the small matmul may use BLAS threads. Prints one line: assets, paths,
best/median/worst throughput in asset-path-steps/s, and the breach probability.
"""
import argparse
import math
import time

import numpy as np

STEPS = 256
STEP_DAYS = 1.0 / 8
VOL = 0.8
CORRELATION = 0.5
PRICE = 100.0
SIZE = 10.0
LEVERAGE = 10.0
RATE = 0.05


def simulate(paths, assets, chunk, rng):
    dt = STEP_DAYS / 365.0
    drift = np.float32(-0.5 * VOL * VOL * dt)
    corr = np.full((assets, assets), CORRELATION) + (1 - CORRELATION) * np.eye(assets)
    loading = (VOL * math.sqrt(dt) * np.linalg.cholesky(corr)).astype(np.float32)
    cash = np.float32(assets * SIZE * PRICE / LEVERAGE)
    breaches = 0
    worst = np.empty(paths, dtype=np.float32)
    for start in range(0, paths, chunk):
        n = min(chunk, paths - start)
        z = rng.standard_normal((STEPS, n, assets), dtype=np.float32)
        log_return = np.cumsum(drift + z @ loading.T, axis=0)          # (steps, n, assets)
        price = np.float32(PRICE) * np.exp(log_return)
        equity = cash + SIZE * (price - np.float32(PRICE)).sum(axis=2)  # (steps, n)
        requirement = RATE * SIZE * price.sum(axis=2)
        shortfall = requirement - equity
        breached = shortfall > 0
        first = np.where(breached.any(axis=0), breached.argmax(axis=0) + 1, 0)
        breaches += int(np.count_nonzero(first))
        worst[start:start + n] = shortfall.max(axis=0)
    return breaches, worst


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paths", type=int, default=1 << 18)
    parser.add_argument("--assets", type=int, default=1)
    parser.add_argument("--chunk", type=int, default=8192, help="paths per vectorised chunk")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    simulate(min(args.paths, args.chunk), args.assets, args.chunk, rng)  # warm caches and allocator
    rates = []
    breaches = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        breaches, _ = simulate(args.paths, args.assets, args.chunk, rng)
        rates.append(args.paths * STEPS * args.assets / (time.perf_counter() - start))
    rates.sort()
    print(f"assets={args.assets} engine=numpy threads=- paths={args.paths} best={rates[-1]:.4g} "
          f"median={rates[len(rates) // 2]:.4g} worst={rates[0]:.4g} "
          f"breachProbability={breaches / args.paths:.4f}")


if __name__ == "__main__":
    main()
