"""Monte Carlo speed: ``simulate_kr`` (vectorised numpy) vs a plain Python loop.

Run: ``.venv/bin/python benchmarks/bench_scenarios.py`` (``--loop-paths 2000``
times the Python loop on a sample of paths and scales it up, for slow machines).

The task: 100,000 paths x 13 weeks of a Gaussian random walk for the activation
KR of "OKR vs KPI vs MBO" (42% -> 65%), each path's end value scored and
P(score >= 0.7) counted. By default the loop runs on every path (under a second); with
``--loop-paths`` it runs on fewer and its time is scaled up (it is linear in
paths); the printout says which. Prints the best of several runs of each.

Where the time goes: drawing 1.3 million normal numbers is about three
quarters of the vectorised run, so the speed-up is bounded by the generator
(numpy's ziggurat) against ``random.gauss``. Not a test: timings depend on
the machine, so nothing here asserts.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable

from okr_toolkit.scenarios import simulate_kr

BASELINE, TARGET, CURRENT = 42.0, 65.0, 48.0
DRIFT, VOL = 1.0, 1.2


def python_loop(paths: int, weeks: int, seed: int = 1) -> float:
    """One path and one week at a time, scoring each end value: P(score >= 0.7)."""
    rnd = random.Random(seed)
    hits = 0
    for _ in range(paths):
        value = CURRENT
        for _ in range(weeks):
            value += DRIFT + VOL * rnd.gauss(0.0, 1.0)
        score = min(1.0, max(0.0, (value - BASELINE) / (TARGET - BASELINE)))
        hits += score >= 0.7
    return hits / paths


def vectorised(paths: int, weeks: int, seed: int = 1) -> float:
    sim = simulate_kr(
        BASELINE, TARGET, CURRENT, weeks, drift=DRIFT, volatility=VOL, paths=paths, seed=seed
    )
    return sim.p_success


def best_time(fn: Callable[[], object], repeat: int) -> float:
    """Fastest of ``repeat`` runs: the least disturbed by other work on the machine."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paths", type=int, default=100_000)
    parser.add_argument("--weeks", type=int, default=13)
    parser.add_argument(
        "--loop-paths", type=int, default=None, help="time the loop on this many paths and scale"
    )
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    loop_paths = args.paths if args.loop_paths is None else min(args.loop_paths, args.paths)
    vectorised(1000, args.weeks)  # warm up imports and caches
    t_vec = best_time(lambda: vectorised(args.paths, args.weeks), args.repeat)
    t_loop_sample = best_time(lambda: python_loop(loop_paths, args.weeks), 3)
    t_loop = t_loop_sample * args.paths / loop_paths
    p_vec = vectorised(args.paths, args.weeks)
    p_loop = python_loop(loop_paths, args.weeks)

    print(
        f"{args.paths:,} paths x {args.weeks} weeks "
        f"(best of {args.repeat} runs; the loop, best of 3)"
    )
    print(f"  simulate_kr (numpy)   {t_vec:8.4f} s   P(score >= 0.7) = {p_vec:.3f}")
    scale = args.paths / loop_paths
    how = "ran on every path" if loop_paths == args.paths else (
        f"timed on {loop_paths:,} paths ({t_loop_sample:.4f} s), scaled x{scale:g}"
    )  # fmt: skip
    print(f"  plain Python loop     {t_loop:8.4f} s   P(score >= 0.7) = {p_loop:.3f}  [{how}]")
    print(f"  speed-up              {t_loop / t_vec:8.1f} x   (aim: <= 0.2 s and >= 50 x)")

    # The scenario explorer's slider callback: simulate, draw the fan chart, render SVG.
    from okr_toolkit.present.widgets import ScenarioExplorer

    app = ScenarioExplorer()
    values = iter([round(0.1 * i, 1) for i in range(1, 1000)])

    def move_slider() -> None:
        app.drift.value = next(values)

    t_cb = best_time(move_slider, args.repeat)
    print(
        f"  widget callback       {t_cb * 1e3:8.1f} ms  ({app.paths:,} paths, chart rendered "
        "to SVG; aim: <= 50 ms)"
    )


if __name__ == "__main__":
    main()
