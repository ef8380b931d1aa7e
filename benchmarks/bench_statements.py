"""Reading statements: speed on 10,000 lines, and accuracy on sources the reader never saw.

Run: ``.venv/bin/python benchmarks/bench_statements.py`` (``--no-cv`` skips the
cross-validation, which trains five models: about a minute).

Accuracy is measured three ways:

* **grouped cross-validation** on ``datasets/published_statements.csv`` (with the
  project's own corpus in the training folds): the sources are dealt to five
  folds, and each fold's statements are labelled by the rules and a model trained
  without any statement of their sources. This is the figure that counts; the
  rules alone are shown beside it, with per-kind precision and recall and the
  confusion table;
* the numbers of the published key results and KPIs (direction with baseline and
  target, or relative change), which the rules read;
* the project's corpus and holdout, as before (the shipped model has seen the
  corpus, not the holdout).

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
from okr_toolkit.datasets import load_published_statements, load_statements
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


def published_numbers(frame: pd.DataFrame) -> None:
    """How often the numbers of a published key result or KPI are read right."""
    read = classify_statements(frame["statement"].astype(str))
    rows = frame["label"].astype(str).isin(["key_result", "kpi"]).to_numpy()
    ok = []
    for i in rows.nonzero()[0]:
        want, got = frame.iloc[i], read.iloc[i]
        same = all(
            _same(got[c], want[c]) for c in ("direction", "baseline", "target", "relative_change")
        )
        ok.append(same)
    kinds = frame.loc[rows, "label"].astype(str).to_numpy()
    hits = pd.Series(ok, index=kinds)
    print(f"\npublished key results and KPIs: numbers read right {hits.mean():.3f} ({len(hits)})")
    for kind, share in hits.groupby(level=0).mean().items():
        print(f"  {kind:12} {share:.3f}")


def _same(a: object, b: object) -> bool:
    if pd.isna(a) and pd.isna(b):  # type: ignore[call-overload]
        return True
    if pd.isna(a) or pd.isna(b):  # type: ignore[call-overload]
        return False
    if isinstance(b, float):
        return abs(float(a) - b) <= 1e-6 * max(1.0, abs(b))  # type: ignore[arg-type]
    return str(a) == str(b)


def cross_validated() -> None:
    """Grouped cross-validation: rules alone and rules with the model, on unseen sources."""
    import importlib.util

    from okr_toolkit.statements.training import grouped_cross_validation

    spec = importlib.util.spec_from_file_location(
        "train", Path(__file__).resolve().parent.parent / "scripts" / "train_statement_model.py"
    )
    assert spec is not None and spec.loader is not None
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    frame = train.training_frame()
    published = ~frame["group"].str.startswith("own: ")
    started = time.perf_counter()
    evaluation = grouped_cross_validation(frame)
    seconds = time.perf_counter() - started
    result = evaluation.frame[published.to_numpy()]
    sources = frame.loc[published, "group"].nunique()
    print(
        f"\ngrouped cross-validation, 5 folds by source: {len(result):,} published statements "
        f"from {sources} sources ({seconds:.0f} s)"
    )
    for column, name in (("rule", "rules alone"), ("combined", "rules + model")):
        print(f"  {name:14} label accuracy {(result[column] == result['label']).mean():.3f}")
    from okr_toolkit.statements.training import Evaluation

    published_only = Evaluation(result.reset_index(drop=True))
    for column in ("rule", "combined"):
        print(f"\n  per kind, {column}:")
        print(published_only.per_kind(column).round(3).to_string())
    print("\n  confusion, rules + model:")
    print(published_only.confusion("combined").to_string())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=10_000, help="statements to time")
    parser.add_argument("--runs", type=int, default=5, help="timing runs (best is kept)")
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    args = parser.parse_args()

    corpus = load_statements()
    texts = corpus["statement"].tolist()
    texts = (texts * (args.n // len(texts) + 1))[: args.n]
    speed(texts, args.runs)

    if not args.no_cv:
        cross_validated()
    published_numbers(load_published_statements())
    accuracy("corpus (datasets/statements.csv)", corpus)
    holdout = pd.read_csv(HOLDOUT, keep_default_na=False, na_values=[""])
    accuracy("holdout (tests/statements_holdout.csv)", holdout)


if __name__ == "__main__":
    main()
