"""Linting speed: 10,000 key results in one call vs one statement at a time.

Run: ``.venv/bin/python benchmarks/bench_lint.py``. Prints medians; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import time

import pandas as pd

import okr_toolkit as okr
from okr_toolkit import datasets, statements


def _team(i: int) -> str:
    """A distinct all-letter name for team i (no digits, so nothing new to parse)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    name = ""
    while True:
        i, r = divmod(i, 26)
        name = letters[r] + name
        if i == 0:
            return name


def make_okrs(n: int) -> pd.DataFrame:
    """n distinct key results, three per objective, built from the labelled corpus."""
    corpus = datasets.load_statements()["statement"].tolist()
    # Each line gets its own team name, so every statement is new to the reader's cache.
    texts = [f"{corpus[i % len(corpus)].rstrip('.')} for team {_team(i)}" for i in range(n)]
    rows = [
        {
            "objective_id": f"o{i // 3}",
            "objective": "Make onboarding something customers talk about",
            "kr_id": f"kr{i}",
            "statement": texts[i],
            "kpi": "activation_rate" if i % 2 else None,
            "kpi_threshold": 50.0 if i % 2 else None,
        }
        for i in range(n)
    ]
    return pd.DataFrame(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    okrs = make_okrs(args.n)

    # classify_statement caches recent lines: clear the cache before each cold run
    # so that every statement is read from scratch.
    cold, warm = [], []
    for _ in range(args.repeat):
        statements._classify_cached.cache_clear()
        start = time.perf_counter()
        findings = okr.lint(okrs)
        cold.append(time.perf_counter() - start)
        start = time.perf_counter()
        okr.lint(okrs)
        warm.append(time.perf_counter() - start)
    t_table, t_warm = statistics.median(cold), statistics.median(warm)

    statements._classify_cached.cache_clear()
    start = time.perf_counter()
    texts = okrs["statement"].tolist()
    okr.statements.classify_statements(texts)
    t_classify = time.perf_counter() - start

    sample = texts[:300]
    start = time.perf_counter()
    for text in sample:
        okr.linter.lint_statement(text)
    t_each = (time.perf_counter() - start) / len(sample) * args.n

    print(f"{args.n:,} key results, {len(findings):,} findings")
    print(f"  okr.lint(table), cold cache            : {t_table * 1e3:8.1f} ms  (aim: < 1000 ms)")
    print(f"    of which classify_statements        : {t_classify * 1e3:8.1f} ms")
    print(f"  okr.lint(table), warm cache            : {t_warm * 1e3:8.1f} ms")
    print(f"    per key result                      : {t_table / args.n * 1e6:8.1f} µs")
    print(f"  lint_statement() one at a time (est.) : {t_each * 1e3:8.1f} ms")
    print(f"  one call / one at a time              : {t_each / t_table:8.0f}x faster")


if __name__ == "__main__":
    main()
