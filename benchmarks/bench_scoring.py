"""Scoring speed: the public DataFrame API vs a bare numpy kernel vs a per-row Python loop.

Run: ``.venv/bin/python benchmarks/bench_scoring.py`` (or ``make bench``).
Prints the median of several runs for each, and the ratios. Not a test:
timings depend on the machine, so nothing here asserts.
"""

from __future__ import annotations

import argparse
import math
import statistics
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

import okr_toolkit as okr


def make_krs(n: int, seed: int = 7) -> pd.DataFrame:
    """n KRs, a mix of increasing and decreasing metrics, as loaded from a file."""
    rng = np.random.default_rng(seed)
    baseline = rng.uniform(10, 90, n).round(1)
    gap = rng.uniform(1, 30, n).round(1)
    decrease = rng.random(n) < 0.3
    target = np.where(decrease, baseline - gap, baseline + gap)
    current = baseline + (target - baseline) * rng.uniform(-0.2, 1.2, n)
    direction = pd.Categorical(
        np.where(decrease, "decrease", "increase"), categories=list(okr.vocab.DIRECTIONS)
    )
    return pd.DataFrame(
        {
            "kr_id": np.arange(n),
            "baseline": baseline,
            "target": target,
            "current": current,
            "direction": direction,
        }
    )


def numpy_kernel(c: np.ndarray, b: np.ndarray, t: np.ndarray) -> np.ndarray:
    """The arithmetic alone: no validation, no grades, no DataFrame."""
    return np.clip((c - b) / (t - b), 0.0, 1.0)


def python_loop(rows: list[tuple[float, float, float, str]]) -> list[float]:
    """One KR at a time, with the same checks the library makes."""
    out = []
    for c, b, t, d in rows:
        if math.isnan(c) or math.isnan(b) or math.isnan(t) or t == b:
            raise ValueError("bad KR")
        if (d == "increase" and t < b) or (d == "decrease" and t > b):
            raise ValueError("direction contradicts numbers")
        out.append(min(1.0, max(0.0, (c - b) / (t - b))))
    return out


def itertuples_loop(krs: pd.DataFrame) -> list[float]:
    """What a pandas user writes without vectorisation: one row object at a time."""
    rows = (
        (row.current, row.baseline, row.target, row.direction)
        for row in krs.itertuples(index=False)
    )
    return python_loop(list(rows))


def timed(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1_000_000, help="number of key results")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    krs = make_krs(args.n)
    c, b, t = (krs[col].to_numpy() for col in ("current", "baseline", "target"))
    rows = list(
        zip(c.tolist(), b.tolist(), t.tolist(), krs["direction"].astype(str).tolist(), strict=True)
    )

    api_scores = okr.core.score_krs(krs)["score"].to_numpy()
    np.testing.assert_allclose(api_scores, numpy_kernel(c, b, t))  # same answers first
    np.testing.assert_allclose(api_scores[:1000], python_loop(rows[:1000]))

    t_api = timed(lambda: okr.core.score_krs(krs), args.repeat)
    t_score = timed(lambda: okr.score(c, b, t), args.repeat)
    t_numpy = timed(lambda: numpy_kernel(c, b, t), args.repeat)
    t_loop = timed(lambda: python_loop(rows), max(1, args.repeat // 3))
    t_iter = timed(lambda: itertuples_loop(krs), 1)

    print(f"{args.n:,} key results (median of {args.repeat} runs)")
    print(f"  okr.core.score_krs(DataFrame) -> score + grade : {t_api * 1e3:8.1f} ms")
    print(f"  okr.score(arrays)                         : {t_score * 1e3:8.1f} ms")
    print(f"  bare numpy kernel                         : {t_numpy * 1e3:8.1f} ms")
    print(f"  per-row Python loop over lists            : {t_loop * 1e3:8.1f} ms")
    print(f"  per-row loop over DataFrame.itertuples()  : {t_iter * 1e3:8.1f} ms")
    print(f"  DataFrame API / numpy kernel : {t_api / t_numpy:6.2f}x  (aim: <= 2x)")
    print(f"  score(arrays) / numpy kernel : {t_score / t_numpy:6.2f}x")
    print(f"  list loop / DataFrame API    : {t_loop / t_api:6.0f}x  (aim: >= 100x)")
    print(f"  itertuples / DataFrame API   : {t_iter / t_api:6.0f}x")


if __name__ == "__main__":
    main()
