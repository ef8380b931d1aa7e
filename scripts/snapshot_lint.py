"""Record what the linter finds in a few thousand OKR tables, to compare later.

A refactor of ``okr_toolkit.linter`` must leave every finding unchanged: the same
rows in the same order, the same messages and fixes, the same columns, dtypes,
index and Python types of every cell, the same errors for bad input, and the
same output of :func:`~okr_toolkit.linter.lint_statement` and
:func:`~okr_toolkit.linter.format_findings`. This script lints a fixed,
deterministic set of inputs and writes each result as one JSON line to a gzip
file:

* the shipped files (``datasets/sample_okrs.yaml``, ``datasets/acme_okrs.yaml``)
  and every readable ``tests/bad_files/valid_*`` file, read with
  :func:`okr_toolkit.read_okr_file`, with and without their KPIs;
* the articles' examples (:func:`okr_toolkit.datasets.load_okr_examples`), whole
  and one example at a time;
* a few thousand random OKR tables (and KPI tables) built from the labelled
  corpus's sentences with other numbers, cycles, ``pay_linked``,
  ``guardrail``, KPI links and thresholds, column aliases, teams and levels,
  and random focus limits in :class:`~okr_toolkit.Settings`;
* a few bad inputs (the error type and message are recorded);
* ``lint_statement`` on every corpus sentence, with and without a threshold,
  and ``format_findings`` of some of the results above.

The random tables are rebuilt from the sentence pool stored in the snapshot's
first line, so editing ``datasets/statements.csv`` later does not move them.

    python scripts/snapshot_lint.py --write tests/snapshots/lint.jsonl.gz
    python scripts/snapshot_lint.py --check tests/snapshots/lint.jsonl.gz

``--check`` prints the first differences and exits 1 when any result changed
(``--every N`` checks every N-th case only). ``tests/test_lint_snapshot.py``
checks a few hundred cases in the test suite. When the linter (or the statement
reader it uses) changes a finding on purpose, regenerate the file with
``--write`` and say in the commit which findings changed and why.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import os
import random
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SEED = 2026
N_RANDOM = 3000

NUMBER = re.compile(r"\d+(?:\.\d+)?")
OBJECTIVES = (
    "Make the first week so valuable customers can't imagine going back",
    "Become the market leader in mid-market onboarding",
    "Customers who recommend us to their peers",
    "Achieve $50M revenue",
    "Improve Customer Satisfaction Index in Q4 by 30%",
    "Grow ARR to 3M",
    "Make every single customer who signs up in the first week feel that they cannot "
    "imagine working without us again",
    "Delight enterprise buyers from the first call to the signed contract and beyond it",
    "Win back churned accounts",
    "Ship a product people love",
    "Own the developer conversation",
    "Annual growth plan for FY26",
)
CYCLES = ("quarterly", "2026Q3", "Q3 2026", "annual", "Annually", "FY2026", "yearly", "H2", "")
TRUTHY = (True, False, "yes", "no", "TRUE", "false", "1", "0", "y", None, " Yes ")
DIRECTIONS = ("increase", "decrease", "stay_above", "stay_below", "milestone", "up")
KPI_NAMES = ("activation_rate", "nps", "uptime", "churn", "arr", "mql_to_sql", "csat", "cac")
TEAMS = ("Sales", "Growth", "Support", "Platform", None)
LEVELS = ("company", "team", "person", None)


# --- the inputs ---------------------------------------------------------------------------


def sentence_pool() -> dict[str, list[str]]:
    """The corpus sentences the random tables are built from (stored in the snapshot)."""
    with (ROOT / "datasets" / "statements.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return {
        "statements": [r["statement"] for r in rows if r["statement"].strip()],
        "kpi_statements": [r["statement"] for r in rows if r["label"] in ("kpi", "key_result")],
    }


def _renumber(text: str, rng: random.Random) -> str:
    if rng.random() < 0.4:
        return text
    return NUMBER.sub(lambda m: str(rng.choice([0, 1, 3, 12, 25, 45, 65, 99, 1500, 2.5])), text)


def random_case(i: int, pool: dict[str, list[str]]) -> dict[str, Any]:
    """Random table number ``i``: its OKRs, KPIs (or None) and lint keywords."""
    rng = random.Random(f"{SEED}-{i}")
    n_objectives = rng.choice([1, 1, 2, 3, 4, 5, 6, 7])
    rows: list[dict[str, Any]] = []
    teams = rng.random() < 0.3
    for o in range(n_objectives):
        objective = rng.choice(OBJECTIVES)
        team, level = rng.choice(TEAMS), rng.choice(LEVELS)
        for k in range(rng.choice([1, 1, 2, 2, 3, 3, 4, 5])):
            row: dict[str, Any] = {
                "objective_id": f"o{o}" if rng.random() < 0.95 else o,
                "objective": objective,
                "kr_id": f"o{o}.kr{k + 1}",
                "statement": _renumber(rng.choice(pool["statements"]), rng),
            }
            if teams:
                row["team"], row["level"] = team, level
            if rng.random() < 0.6:
                row["kpi"] = rng.choice([*KPI_NAMES, None, "", " "])
            if rng.random() < 0.3:
                baseline = rng.choice([None, 0, 10, 42, 99.0])
                target = rng.choice([None, 5, 25, 65, 99.5, "n/a"])
                row["baseline"], row["target"] = baseline, target
            if rng.random() < 0.2:
                row["direction"] = rng.choice(DIRECTIONS)
            if rng.random() < 0.35:
                row["kpi_threshold"] = rng.choice([None, 25, 30, 50, 65, 70.0, 99.0, "x"])
            for column in ("cycle", "pay_linked", "guardrail", "committed"):
                if rng.random() < 0.25:
                    row[column] = rng.choice(CYCLES if column == "cycle" else TRUTHY)
            rows.append(row)
    okrs = pd.DataFrame(rows)
    if rng.random() < 0.15:
        okrs = okrs.drop(columns="kr_id")
    if rng.random() < 0.15:
        okrs = okrs.rename(columns={"objective_id": "example_id", "kpi": "linked_kpi"})
    if rng.random() < 0.05:
        okrs = okrs.drop(columns="objective")
    if rng.random() < 0.1:
        okrs.index = pd.Index([f"r{j}" for j in range(len(okrs))])
    kpis = None
    if rng.random() < 0.5:
        names = rng.sample(KPI_NAMES, rng.randint(1, len(KPI_NAMES)))
        if rng.random() < 0.1:
            names.append(names[0])  # a duplicate name: the first one counts
        kpi_rows = [
            {"kpi": name, "threshold": rng.choice([10.0, 25, 40.0, 65, 99.0, None])}
            for name in names
        ]
        if rng.random() < 0.5:
            for r in kpi_rows:
                r["value"] = rng.choice([5.0, 30, 45.0, 99.5])
                if rng.random() < 0.7:
                    r["better"] = rng.choice(["higher", "lower"])
        if rng.random() < 0.4:
            for r in kpi_rows:
                r["statement"] = rng.choice([*pool["kpi_statements"], None])
        kpis = pd.DataFrame(kpi_rows)
        if rng.random() < 0.15:
            kpis = kpis.rename(columns={"kpi": "name"})
    kwargs: dict[str, Any] = {}
    if rng.random() < 0.2:
        kwargs["max_objectives"] = rng.randint(1, 6)
        kwargs["max_key_results"] = rng.randint(1, 5)
    return {"okrs": okrs, "kpis": kpis, "settings": kwargs}


def file_cases() -> Iterator[tuple[str, pd.DataFrame, pd.DataFrame | None]]:
    """The shipped and test files, read as a user's files are."""
    import okr_toolkit as okr

    paths = [ROOT / "datasets" / "sample_okrs.yaml", ROOT / "datasets" / "acme_okrs.yaml"]
    paths += sorted((ROOT / "tests" / "bad_files").glob("valid_*"))
    for path in paths:
        try:
            source = okr.read_okr_file(path)
        except okr.OKRDataError:
            continue  # a side file (.kpis.csv, .checkins.csv), not an OKR file
        name = str(path.relative_to(ROOT))
        yield name, source.okrs, source.kpis
        if source.kpis is not None:
            yield f"{name} (no KPIs)", source.okrs, None


def _bad_inputs() -> Iterator[tuple[str, Any, Any]]:
    good = {"objective_id": "a", "objective": "Make it good", "statement": "Lift X from 1 to 2"}
    yield "not a frame", "not a frame", None
    yield "kpis not a frame", pd.DataFrame([good]), [1, 2]
    yield "no statement column", pd.DataFrame({"objective_id": ["a"]}), None
    yield "no objective_id column", pd.DataFrame({"statement": ["x"]}), None
    yield "empty statement", pd.DataFrame([good, {**good, "statement": " "}]), None
    yield "missing statement", pd.DataFrame([good, {**good, "statement": None}]), None
    yield "kpis without threshold", pd.DataFrame([good]), pd.DataFrame({"kpi": ["x"]})
    yield "no rows", pd.DataFrame(columns=["objective_id", "statement"]), None
    yield (
        "no rows, KPIs",
        pd.DataFrame(columns=["objective_id", "statement"]),
        pd.DataFrame({"kpi": ["x", "y"], "threshold": [1.0, 2.0], "value": [3.0, 1.0]}),
    )
    yield (
        "empty KPI table",
        pd.DataFrame([good]),
        pd.DataFrame({"kpi": pd.Series(dtype=object), "threshold": pd.Series(dtype=float)}),
    )


Case = tuple[str, Callable[[], Any]]


def cases(pool: dict[str, list[str]]) -> list[Case]:
    """Every case, by name, with a function that computes its result."""
    import okr_toolkit as okr
    from okr_toolkit.linter import format_findings, lint, lint_statement

    out: list[Case] = []

    def add_lint(name: str, okrs: Any, kpis: Any, **kwargs: Any) -> None:
        out.append((name, lambda: lint(okrs, kpis, **kwargs)))

    for name, okrs, kpis in file_cases():
        add_lint(name, okrs, kpis)
        if name.endswith("sample_okrs.yaml"):
            relaxed = replace(okr.core.DEFAULT_SETTINGS, max_objectives=2, max_key_results=2)
            add_lint(f"{name} (strict limits)", okrs, kpis, settings=relaxed)
            lines = okrs.dropna(subset=["line"]).set_index("kr_id")["line"].to_dict()
            out.append(
                (
                    f"{name}: format_findings",
                    lambda okrs=okrs, kpis=kpis, lines=lines: format_findings(
                        lint(okrs, kpis), source="okrs.yaml", lines=lines
                    ),
                )
            )
    examples = okr.datasets.load_okr_examples()
    add_lint("load_okr_examples()", examples, None)
    add_lint(
        "load_okr_examples(), classified",
        examples,
        None,
        classified=okr.statements.classify_statements(examples["statement"]),
    )
    for example_id, rows in examples.groupby("example_id", sort=False):
        add_lint(f"load_okr_examples: {example_id}", rows, None)
    for name, okrs, kpis in _bad_inputs():
        add_lint(f"bad input: {name}", okrs, kpis)
    for i in range(N_RANDOM):

        def run(i: int = i) -> Any:
            case = random_case(i, pool)
            settings = replace(okr.core.DEFAULT_SETTINGS, **case["settings"])
            return lint(case["okrs"], case["kpis"], settings=settings)

        out.append((f"random {i}", run))
        if i % 100 == 0:

            def formatted(i: int = i) -> Any:
                case = random_case(i, pool)
                return format_findings(lint(case["okrs"], case["kpis"]), source=f"t{i}.csv")

            out.append((f"random {i}: format_findings", formatted))
    for j, text in enumerate(pool["statements"]):
        threshold = [None, 25, 65.0][j % 3]
        out.append(
            (
                f"lint_statement {j}",
                lambda text=text, threshold=threshold: lint_statement(
                    text, kpi_threshold=threshold
                ),
            )
        )
    return out


# --- recording a result -------------------------------------------------------------------


def _cell(value: Any) -> Any:
    """A cell as JSON that keeps its Python type (np.str_ is not str, NaN is not None)."""
    if value is None or type(value) in (str, bool, int):
        return value
    if type(value) is float:
        return value if value == value else {"float": "nan"}
    return {type(value).__name__: repr(value)}


def record(result: Callable[[], Any]) -> dict[str, Any]:
    """What a case produced, as plain JSON."""
    try:
        value = result()
    except Exception as err:  # the error is part of the behaviour
        return {"error": type(err).__name__, "message": str(err)}
    if isinstance(value, str):
        return {"text": value}
    frame: pd.DataFrame = value
    return {
        "columns": [str(c) for c in frame.columns],
        "dtypes": [str(t) for t in frame.dtypes],
        "categories": [
            [str(c) for c in frame[c].cat.categories] + [str(frame[c].cat.ordered)]
            for c in frame.columns
            if isinstance(frame[c].dtype, pd.CategoricalDtype)
        ],
        "index": repr(frame.index),
        "rows": [[_cell(v) for v in row] for row in frame.itertuples(index=False, name=None)],
    }


# pandas 3 stores text as "str" with NaN for missing, pandas 2 (the floor, and
# Python 3.10) as "object" with None: the same findings either way, so the comparison
# names both "text" and both missing values None.
_TEXT_DTYPES = {"str", "string", "object"}


def _portable(recorded: dict[str, Any]) -> dict[str, Any]:
    """A recorded result with the pandas-version-specific spelling of text columns removed."""
    if "dtypes" not in recorded:
        return recorded
    text = [t in _TEXT_DTYPES for t in recorded["dtypes"]]
    missing = {"float": "nan"}
    rows = [
        [
            None if is_text and cell == missing else cell
            for cell, is_text in zip(row, text, strict=True)
        ]
        for row in recorded["rows"]
    ]
    dtypes = ["text" if is_text else t for t, is_text in zip(recorded["dtypes"], text, strict=True)]
    return {**recorded, "dtypes": dtypes, "rows": rows}


def _dump(value: Any) -> str:
    return json.dumps(_portable(value), sort_keys=True, ensure_ascii=False)


def _file_hashes() -> dict[str, str]:
    names = ["datasets/sample_okrs.yaml", "datasets/acme_okrs.yaml"]
    names += [str(p.relative_to(ROOT)) for p in sorted((ROOT / "tests/bad_files").glob("valid_*"))]
    return {n: hashlib.sha256((ROOT / n).read_bytes()).hexdigest()[:16] for n in names}


def write(path: Path) -> int:
    pool = sentence_pool()
    todo = cases(pool)
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.write(_dump({"pool": pool, "files": _file_hashes()}) + "\n")
        for name, result in todo:
            handle.write(_dump({"case": name, **record(result)}) + "\n")
    return len(todo)


def load(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        header, *recorded = (json.loads(line) for line in handle)
    return header, recorded


def check(path: Path, every: int = 1) -> tuple[int, list[tuple[str, str, str]]]:
    """How many cases were compared, and the differences as (case, was, now)."""
    header, recorded = load(path)
    todo = dict(cases(header["pool"]))
    if list(todo) != [r["case"] for r in recorded]:
        missing = sorted(set(todo) ^ {r["case"] for r in recorded})[:5]
        raise SystemExit(f"the cases changed (e.g. {missing}): regenerate with --write")
    changed_files = {n for n, h in _file_hashes().items() if header["files"].get(n) != h}
    changed = []
    compared = 0
    for i, was in enumerate(recorded):
        if i % every and not was["case"].startswith(("datasets", "tests", "load", "bad")):
            continue
        compared += 1
        now = {"case": was["case"], **record(todo[was["case"]])}
        if _dump(was) != _dump(now):
            stale = any(was["case"].startswith(name) for name in changed_files)
            note = " (its file changed since the snapshot)" if stale else ""
            changed.append((was["case"] + note, _dump(was), _dump(now)))
    return compared, changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, metavar="FILE")
    action.add_argument("--check", type=Path, metavar="FILE")
    parser.add_argument("--every", type=int, default=1, help="check every N-th case only")
    args = parser.parse_args(argv)
    if args.write:
        print(f"{write(args.write)} results written to {args.write}")
        return 0
    compared, changed = check(args.check, args.every)
    for name, was, now in changed[: int(os.environ.get("OKR_SNAPSHOT_SHOW", "10"))]:
        print(f"changed: {name}\n  was {was[:2000]}\n  now {now[:2000]}")
    print(f"{compared} cases compared, {len(changed)} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
