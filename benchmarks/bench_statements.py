"""Reading statements: speed on 10,000 lines, and accuracy on the corpus and the holdout.

Run: ``.venv/bin/python benchmarks/bench_statements.py``.

Speed is measured three ways, each the best of several runs:

* ``uncached``: every line read from scratch (the LRU cache bypassed), which is
  what 10,000 *different* statements cost;
* ``classify_statements``: the frame the linter builds, 10,000 lines at once,
  with the cache as it works in use (the corpus repeated, so most lines are hits);
* ``classify_statement``: one call per line, cache warm.

A pure-Python reference loop is timed too, so numbers from different machines
can be compared. Not a test: timings depend on the machine, so nothing here
asserts.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

from okr_toolkit import classify_statement, statements
from okr_toolkit.datasets import load_statements
from okr_toolkit.statements import classify_statements

HOLDOUT = Path(__file__).resolve().parent.parent / "tests" / "statements_holdout.csv"
FIELDS = ("baseline", "target", "unit", "direction", "relative_change", "deadline")


def best_of(runs: int, work: Callable[[], object]) -> float:
    """Shortest wall time of ``runs`` calls of ``work``, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def reference_loop() -> int:
    """200,000 iterations of integer arithmetic: a yardstick for the machine."""
    total = 0
    for i in range(200_000):
        total += i * 2 % 7
    return total


def speed(texts: list[str], runs: int) -> None:
    n = len(texts)

    def uncached() -> None:
        for text in texts:
            statements._classify_uncached(text)

    def frame() -> None:
        classify_statements(texts)

    def one_by_one() -> None:
        for text in texts:
            classify_statement(text)

    print(f"speed, {n:,} statements (the corpus repeated), best of {runs} runs")
    ref = best_of(runs, reference_loop)
    print(f"  reference loop (200k iterations):  {ref * 1e3:8.1f} ms")
    for name, work in (
        ("uncached, one at a time", uncached),
        ("classify_statements (cache on)", frame),
        ("classify_statement (cache warm)", one_by_one),
    ):
        statements._classify_cached.cache_clear()
        seconds = best_of(runs, work)
        print(f"  {name:33} {seconds * 1e6 / n:8.1f} us/statement  {seconds:7.3f} s total")


def accuracy(name: str, frame: pd.DataFrame) -> None:
    read = classify_statements(frame["statement"])
    want = frame["label"].astype(str)
    got = read["label"].astype(str)
    print(f"\n{name}: {len(frame)} statements, label accuracy {(got == want).mean():.3f}")
    for column in FIELDS:
        g = read[column].astype(object).where(read[column].notna(), None)
        w = frame[column].astype(object).where(frame[column].notna(), None)
        same = [
            (a is None and b is None)
            or (a is not None and b is not None and (a == b or str(a) == str(b)))
            or (isinstance(a, float) and isinstance(b, float) and abs(a - b) < 1e-9)
            for a, b in zip(g, w, strict=True)
        ]
        print(f"  {column:16} {sum(same) / len(same):.3f}")
    table = pd.crosstab(
        pd.Categorical(want, categories=statements.LABELS),
        pd.Categorical(got, categories=statements.LABELS),
        rownames=["expected"],
        colnames=["read as"],
        dropna=False,
    )
    print(table.to_string())
    wrong = frame.loc[(got != want).to_numpy(), "statement"].tolist()
    for text in wrong:
        result = classify_statement(text)
        print(f"  - {text!r}: read as {result.label}: {result.reason}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000, help="statements to time")
    parser.add_argument("--runs", type=int, default=5, help="timing runs (best is kept)")
    args = parser.parse_args()

    corpus = load_statements()
    texts = corpus["statement"].tolist()
    texts = (texts * (args.n // len(texts) + 1))[: args.n]
    speed(texts, args.runs)

    accuracy("corpus (datasets/statements.csv)", corpus)
    holdout = pd.read_csv(HOLDOUT, keep_default_na=False, na_values=[""])
    accuracy("holdout (tests/statements_holdout.csv)", holdout)


if __name__ == "__main__":
    main()
