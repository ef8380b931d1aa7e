"""Record what reading (and writing) a few thousand OKR files gives, to compare later.

A refactor of the OKR-file layer (``okr_toolkit.io``) must leave its behaviour
unchanged: the same frames from a good file (columns, dtypes, index and the
Python type of every cell), and for a bad file the same
:class:`~okr_toolkit.OKRFileError` with the same problems in the same order,
each with its file, line or row, column, sheet, message and fix. This script
reads a fixed, deterministic set of inputs and writes each result as one JSON
line to a gzip file:

* every file under ``datasets/`` and ``tests/bad_files/``, read with
  :func:`okr_toolkit.read_okr_file` (side files and non-OKR files too: their
  errors are behaviour), and the OKR files among them also through
  :func:`okr_toolkit.read_okr_data` as ``<stdin>``;
* a few thousand variants of a few base files, as YAML, CSV (with side files)
  and Excel in turn: fields dropped, values of the wrong type, bad dates,
  duplicated ids, unknown fields, broken parent links and, per format, broken
  text (indentation, tabs, aliases, tags, nesting, encodings), broken tables
  (columns dropped, renamed or repeated, extra cells, contradicting rows) and
  broken workbooks (sheets missing, formulas without a value);
* what :func:`okr_toolkit.write_okr_file` and :func:`okr_toolkit.okr_file_bytes`
  write for the good repository files and every fourth good variant (YAML and
  CSV text, the cells of each Excel sheet), and what reading that back gives;
* :func:`okr_toolkit.io.json_schema` and :func:`okr_toolkit.io.starter_yaml`.

The variants are built here with PyYAML, :mod:`csv` and openpyxl only, never
with the code under test, from base texts stored in the snapshot's first line,
so editing ``datasets/`` later does not move them.

    python scripts/snapshot_okr_files.py --write tests/snapshots/okr_files.jsonl.gz
    python scripts/snapshot_okr_files.py --check tests/snapshots/okr_files.jsonl.gz

``--check`` prints the first differences and exits 1 when any result changed
(``--every N`` checks every N-th variant only). ``tests/test_okr_files_snapshot.py``
checks every repository file and every tenth variant in the test suite. When
reading changes on purpose, regenerate the file with ``--write`` and say in
the commit which results changed and why.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import csv
import datetime as dt
import functools
import gzip
import hashlib
import io
import json
import math
import os
import random
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SEED = 2026
N_VARIANTS = 3000
#: Every good variant whose number is a multiple of this is written out too.
WRITE_EVERY = 4
FORMATS = ("yaml", "csv", "xlsx")
#: The folders every file of which is read as it is.
FOLDERS = ("datasets", "tests/bad_files")

# The table layout of the format (docs/okr-file-format.md), written out here so
# that the inputs do not move with the code.
OBJECTIVE_COLUMNS = {
    "id": "objective_id",
    "title": "objective",
    "owner": "objective_owner",
    "team": "team",
    "level": "level",
    "parent": "parent_id",
    "cycle": "cycle",
}
KR_FIELDS = (
    "id",
    "statement",
    "kpi",
    "baseline",
    "target",
    "current",
    "unit",
    "direction",
    "weight",
    "owner",
    "guardrail",
    "committed",
    "pay_linked",
)
KPI_FIELDS = ("name", "threshold", "value", "better", "unit", "owner", "team", "description")
CHECKIN_FIELDS = ("date", "value", "confidence", "note")
OBJECTIVE_FIELDS = (*OBJECTIVE_COLUMNS, "committed")
TOP_FIELDS = ("version", "company", "cycle", "pay_linked")

BAD_VALUES: tuple[Any, ...] = (
    True,
    False,
    "abc",
    "42%",
    "1,234",
    "  ",
    "",
    None,
    [1, 2],
    {"a": 1},
    3.5,
    0,
    -1,
    11,
    7,
    7.0,
    "65",
    "yes",
    "maybe",
    "2026-07-06",
    "=SUM(A1:A3)",
    "+1",
    "-5",
    "@here",
    "n/a",
    float("inf"),
    float("nan"),
    "x" * 70,
    "Zürich — ✓",
)
BAD_DATES: tuple[Any, ...] = (
    "2026-02-30",
    "2026-13-01",
    "07/06/2026",
    "yesterday",
    20260706,
    "2026-7-6",
    "",
    None,
    True,
    "2026-07-06T10:00",
)
UNKNOWN_NAMES = (
    "titel",
    "Target",
    "statment",
    "xyz",
    "kpi_name",
    "Owner",
    "due",
    "baselin",
    "treshold",
    "comment",
)
ENUM_WORDS = {
    "direction": ("up", "threshold", "binary", "Increase", " decrease ", "down", "milestone"),
    "level": ("division", "Company", "teams", "person"),
    "better": ("more", "Lower", "higher", "less"),
    "unit": ("percent", "%", "Days", "usd", "$", "points", "pts"),
}
FIELD_CHOICES = {
    "objective": OBJECTIVE_FIELDS,
    "kr": KR_FIELDS,
    "kpi": KPI_FIELDS,
    "checkin": CHECKIN_FIELDS,
    "top": TOP_FIELDS,
}


# --- the base files -----------------------------------------------------------------------


def repo_files() -> list[str]:
    """Every file under :data:`FOLDERS`, relative to the repository, in order."""
    out: list[str] = []
    for folder in FOLDERS:
        out += sorted(str(p.relative_to(ROOT)) for p in (ROOT / folder).rglob("*") if p.is_file())
    return out


def base_pool() -> dict[str, str]:
    """The texts the variants start from (stored in the snapshot's first line)."""
    names = ["datasets/sample_okrs.yaml", "datasets/acme_okrs.yaml"]
    names += sorted(
        str(p.relative_to(ROOT)) for p in (ROOT / "tests" / "bad_files").glob("valid_yaml_*.yaml")
    )
    pool = {n: (ROOT / n).read_bytes().decode("utf-8-sig") for n in names}
    pool["<a rich file>"] = RICH
    return pool


RICH = """\
version: 1
company: Acme Analytics — Zürich
cycle: 2026Q3
pay_linked: false
objectives:
  - id: company
    title: Become the analytics tool teams can't work without
    owner: Dana Whitfield
    team: Company
    level: company
    committed: true
    key_results:
      - id: company.kr1
        statement: Grow ARR from $2M to $3M
        kpi: arr
        baseline: 2000000
        target: 3000000
        unit: $
        weight: 2
        owner: CFO
        checkins:
          - {date: 2026-07-06, value: 2100000, confidence: 6, note: "two deals slipped"}
          - {date: 2026-07-13, value: 2250000, confidence: 7}
      - id: company.kr2
        statement: Keep uptime at or above 99.9%
        kpi: uptime
        target: 99.9
        unit: "%"
        direction: stay_above
        guardrail: true
  - id: support
    title: Make support something customers talk about
    owner: Head of Support
    team: Support
    level: team
    parent: company
    cycle: 2026Q3
    key_results:
      - id: support.kr1
        statement: Cut first response time from 6 hours to 45 minutes
        baseline: 360
        target: 45
        unit: minutes
        direction: decrease
        current: 200
        committed: false
        pay_linked: false
      - statement: Ship the new help centre
        direction: milestone
kpis:
  - {name: arr, threshold: 2500000, value: 2250000, better: higher, unit: $, owner: CFO}
  - name: uptime
    threshold: 99.9
    value: 99.95
    unit: "%"
    team: Platform
    description: Monthly availability of the app
"""


# --- building a variant -------------------------------------------------------------------


def _records(doc: Any) -> dict[str, list[dict[str, Any]]]:
    """The mappings of a parsed document, by kind (only the ones that are mappings)."""
    out: dict[str, list[dict[str, Any]]] = {"objective": [], "kr": [], "kpi": [], "checkin": []}
    if not isinstance(doc, dict):
        return out
    out["top"] = [doc]
    for obj in doc.get("objectives") or []:
        if not isinstance(obj, dict):
            continue
        out["objective"].append(obj)
        for kr in obj.get("key_results") or []:
            if not isinstance(kr, dict):
                continue
            out["kr"].append(kr)
            out["checkin"] += [c for c in kr.get("checkins") or [] if isinstance(c, dict)]
    out["kpi"] = [k for k in doc.get("kpis") or [] if isinstance(k, dict)]
    return out


def _trim(doc: dict[str, Any], rng: random.Random) -> None:
    """Keep a few objectives of a big file, and mostly drop parent links that now dangle."""
    objectives = doc.get("objectives") or []
    if len(objectives) > 4:
        keep = sorted(rng.sample(range(len(objectives)), rng.randint(1, 4)))
        doc["objectives"] = [objectives[i] for i in keep]
        ids = {o.get("id") for o in doc["objectives"]}
        for o in doc["objectives"]:
            if o.get("parent") is not None and o["parent"] not in ids and rng.random() < 0.8:
                del o["parent"]
    if isinstance(doc.get("kpis"), list) and len(doc["kpis"]) > 6:
        used = {kr.get("kpi") for kr in _records(doc)["kr"]}
        doc["kpis"] = [k for k in doc["kpis"] if k.get("name") in used or rng.random() < 0.2]


def _enrich(doc: dict[str, Any], rng: random.Random) -> str:
    """A change that keeps the file good: numbers, check-ins, weights, flags."""
    krs = _records(doc)["kr"]
    if not krs:
        return "enrich: nothing"
    kr = rng.choice(krs)
    what = rng.choice(["numbers", "checkins", "flags", "weight", "current", "threshold_kr"])
    if what == "numbers":
        baseline = rng.choice([0, 5, 42, 99.5, 1500])
        kr["baseline"] = baseline
        kr["target"] = baseline + rng.choice([-3, 10, 23, 0.5, 1000])
        kr.pop("direction", None)
    elif what == "checkins":
        start = dt.date(2026, 7, 6)
        kr["checkins"] = [
            {
                "date": start + dt.timedelta(days=7 * w),
                "value": rng.choice([1, 42.5, 50, 61.25]),
                **({"confidence": rng.randint(0, 10)} if rng.random() < 0.6 else {}),
                **({"note": rng.choice(["on track", "slipped", ""])} if rng.random() < 0.3 else {}),
            }
            for w in rng.sample(range(13), rng.randint(1, 5))
        ]
    elif what == "flags":
        for name in ("guardrail", "committed", "pay_linked"):
            if rng.random() < 0.5:
                kr[name] = rng.random() < 0.5
    elif what == "weight":
        kr["weight"] = rng.choice([0, 0.5, 1, 2, 3.25])
    elif what == "current":
        kr["current"] = rng.choice([0, 12.5, 44, 70])
    else:
        kr["direction"] = rng.choice(["stay_above", "stay_below", "milestone"])
    return f"enrich: {what}"


def _mutate(doc: Any, rng: random.Random) -> str:
    """Break the document in one way; say how."""
    recs = _records(doc)
    kinds = [k for k, v in recs.items() if v]
    if not isinstance(doc, dict) or not kinds:
        return "nothing to break"
    how = rng.choice(
        [
            "drop_field",
            "drop_field",
            "wrong_type",
            "wrong_type",
            "wrong_type",
            "bad_date",
            "duplicate_id",
            "duplicate_id",
            "unknown_field",
            "bad_enum",
            "parent",
            "kpi_reference",
            "no_movement",
            "negative_weight",
            "wrong_direction",
            "version",
            "confidence",
            "structure",
            "empty",
            "numeric_text",
        ]
    )
    if how == "drop_field":
        kind = rng.choice(kinds)
        rec = rng.choice(recs[kind])
        if not rec:
            return "drop_field: empty"
        name = rng.choice(sorted(rec))
        del rec[name]
        return f"drop_field: {kind}.{name}"
    if how == "wrong_type":
        kind = rng.choice(kinds)
        rec = rng.choice(recs[kind])
        name = rng.choice(FIELD_CHOICES[kind])
        rec[name] = copy.deepcopy(rng.choice(BAD_VALUES))
        return f"wrong_type: {kind}.{name}"
    if how == "bad_date":
        if not recs["checkin"]:
            return "bad_date: no check-ins"
        rng.choice(recs["checkin"])["date"] = rng.choice(BAD_DATES)
        return "bad_date"
    if how == "duplicate_id":
        kind = rng.choice(["objective", "kr", "kpi", "checkin"])
        field = {"objective": "id", "kr": "id", "kpi": "name", "checkin": "date"}[kind]
        have = [r for r in recs[kind] if field in r]
        if len(have) < 2:
            if kind == "objective" and have:  # copy the objective whole
                doc["objectives"].append(copy.deepcopy(have[0]))
                return "duplicate_id: objective copied"
            return f"duplicate_id: too few {kind}s"
        a, b = rng.sample(have, 2)
        b[field] = copy.deepcopy(a[field])
        return f"duplicate_id: {kind}"
    if how == "unknown_field":
        kind = rng.choice(kinds)
        rng.choice(recs[kind])[rng.choice(UNKNOWN_NAMES)] = rng.choice(["x", 1, None])
        return f"unknown_field: {kind}"
    if how == "bad_enum":
        name = rng.choice(sorted(ENUM_WORDS))
        kind = {"direction": "kr", "level": "objective", "better": "kpi"}.get(
            name, rng.choice(["kr", "kpi"])
        )
        if not recs[kind]:
            return f"bad_enum: no {kind}"
        rng.choice(recs[kind])[name] = rng.choice(ENUM_WORDS[name])
        return f"bad_enum: {kind}.{name}"
    if how == "parent":
        objectives = recs["objective"]
        if not objectives:
            return "parent: no objectives"
        o = rng.choice(objectives)
        choice = rng.choice(["unknown", "self", "cycle", "cycle3"])
        if choice == "unknown":
            o["parent"] = rng.choice(["nowhere", "compan", 3])
        elif choice == "self":
            o["parent"] = o.get("id")
        else:
            loop = rng.sample(objectives, min(len(objectives), 2 if choice == "cycle" else 3))
            for x, y in zip(loop, loop[1:] + loop[:1], strict=True):
                x["parent"] = y.get("id")
        return f"parent: {choice}"
    if how == "kpi_reference":
        if not recs["kr"]:
            return "kpi_reference: no KRs"
        rng.choice(recs["kr"])["kpi"] = rng.choice(["activation_rat", "nothing_like_it", 12])
        return "kpi_reference"
    if how in ("no_movement", "negative_weight", "wrong_direction"):
        if not recs["kr"]:
            return f"{how}: no KRs"
        kr = rng.choice(recs["kr"])
        if how == "no_movement":
            kr["baseline"] = kr["target"] = rng.choice([0, 45, 99.5])
            if rng.random() < 0.5:
                kr["direction"] = rng.choice(["increase", "decrease", "stay_above"])
        elif how == "negative_weight":
            kr["weight"] = rng.choice([-1, -0.5])
        else:
            kr["baseline"], kr["target"] = 10, 5
            kr["direction"] = "increase"
        return how
    if how == "version":
        doc["version"] = rng.choice([2, "1", "one", 1.0, None])
        return "version"
    if how == "confidence":
        if not recs["checkin"]:
            return "confidence: no check-ins"
        rng.choice(recs["checkin"])["confidence"] = rng.choice([11, -1, 10.5, "high"])
        return "confidence"
    if how == "structure":
        choice = rng.choice(["objective_text", "key_results_map", "checkins_scalar", "kr_list"])
        objectives = doc.get("objectives")
        if choice == "objective_text" and isinstance(objectives, list) and objectives:
            objectives[rng.randrange(len(objectives))] = "Grow the business"
        elif choice == "key_results_map" and recs["objective"]:
            rng.choice(recs["objective"])["key_results"] = {"statement": "Lift X from 1 to 2"}
        elif choice == "checkins_scalar" and recs["kr"]:
            rng.choice(recs["kr"])["checkins"] = "weekly"
        elif choice == "kr_list" and recs["objective"]:
            o = rng.choice(recs["objective"])
            o["key_results"] = [*(o.get("key_results") or []), ["Lift X", "from 1 to 2"]]
        return f"structure: {choice}"
    if how == "empty":
        choice = rng.choice(["objectives_empty", "no_objectives", "no_kpis", "kpis_none", "no_krs"])
        if choice == "objectives_empty":
            doc["objectives"] = []
        elif choice == "no_objectives":
            doc.pop("objectives", None)
        elif choice == "no_kpis":
            doc.pop("kpis", None)
        elif choice == "kpis_none":
            doc["kpis"] = None
        elif recs["objective"]:
            rng.choice(recs["objective"]).pop("key_results", None)
        return f"empty: {choice}"
    # numeric_text
    kind = rng.choice([k for k in ("kr", "kpi", "checkin") if recs[k]] or ["top"])
    rec = rng.choice(recs[kind])
    name = rng.choice(["baseline", "target", "current", "weight", "threshold", "value"])
    rec[name] = rng.choice(["65", "65%", " 65 ", "1,500", "6.5e1", "sixty"])
    return f"numeric_text: {kind}.{name}"


def _yaml_text(doc: Any, rng: random.Random) -> str:
    import yaml

    return yaml.safe_dump(
        doc,
        sort_keys=False,
        allow_unicode=rng.random() < 0.8,
        default_flow_style=rng.choice([False, False, None]),
        width=rng.choice([80, 1000]),
    )


def _break_text(text: str, rng: random.Random) -> tuple[str, str]:
    """Break YAML text in one way; say how."""
    lines = text.splitlines(keepends=True)
    n = len(lines)
    i = rng.randrange(n) if n else 0
    how = rng.choice(
        [
            "delete_line",
            "duplicate_line",
            "indent",
            "dedent",
            "no_colon",
            "tab",
            "second_document",
            "alias",
            "anchor_alias",
            "tag",
            "python_tag",
            "deep",
            "control_char",
            "bom",
            "crlf",
            "unclosed_quote",
            "unclosed_bracket",
            "comments_only",
            "merge_key",
        ]
    )
    if not lines:
        return text, "empty text"
    line = lines[i]
    head, sep, tail = line.partition(": ")
    if how == "delete_line":
        del lines[i]
    elif how == "duplicate_line":
        lines.insert(i, line)
    elif how == "indent":
        lines[i] = " " * rng.choice([1, 2, 3]) + line
    elif how == "dedent":
        lines[i] = line[min(len(line) - len(line.lstrip(" ")), rng.choice([1, 2])) :]
    elif how == "no_colon" and sep:
        lines[i] = head + " " + tail
    elif how == "tab":
        lines[i] = "\t" + line.lstrip(" ")
    elif how == "second_document":
        lines.append("---\nobjectives: []\n")
    elif how == "alias" and sep:
        lines[i] = head + ": *somewhere\n"
    elif how == "anchor_alias" and sep:
        lines[i] = head + ": &a " + tail
        lines.append("extra: *a\n")
    elif how in ("tag", "python_tag") and sep:
        tag = "!!binary" if how == "tag" else "!!python/object/apply:os.system"
        lines[i] = f"{head}: {tag} {tail}"
    elif how == "deep" and sep:
        depth = rng.choice([49, 50, 51, 60, 1000])
        lines[i] = f"{head}: " + "[" * depth + "1" + "]" * depth + "\n"
    elif how == "control_char":
        cut = rng.randrange(len(line) + 1)
        lines[i] = line[:cut] + rng.choice(["\x00", "\x07", "\x1b", "\ufffe"]) + line[cut:]
    elif how == "bom":
        lines[0] = "\ufeff" + lines[0]
    elif how == "crlf":
        lines = [ln.replace("\n", "\r\n") for ln in lines]
    elif how == "unclosed_quote" and sep:
        lines[i] = f'{head}: "{tail}'
    elif how == "unclosed_bracket" and sep:
        lines[i] = f"{head}: [{tail}"
    elif how == "comments_only":
        lines = ["# " + ln for ln in lines]
    elif how == "merge_key" and sep:
        lines.insert(i, " " * (len(head) - len(head.lstrip())) + "<<: {a: 1}\n")
    else:
        return text, f"{how}: not applicable"
    return "".join(lines), how


def _cell_text(value: Any, rng: random.Random) -> str:
    """A value as a spreadsheet exported to CSV would write it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return rng.choice(["true", "TRUE", "yes", "1", "false"] if value else ["false", "no", "0"])
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _excel_value(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # a workbook has no NaN or infinity
    if value is None or isinstance(value, bool | int | float | str | dt.date):
        return value
    return str(value)


Table = list[list[Any]]


def _objective_rows(doc: Any) -> Iterator[tuple[list[Any], list[list[Any]], list[list[Any]]]]:
    """Each objective's row, its key results' rows and their check-ins' rows."""
    for o in _records(doc)["objective"]:
        krs, checkins = [], []
        for j, kr in enumerate(x for x in o.get("key_results") or [] if isinstance(x, dict)):
            krs.append([kr.get(f) for f in KR_FIELDS])
            kr_id = kr.get("id") or (f"{o.get('id')}.kr{j + 1}" if o.get("id") else None)
            for c in kr.get("checkins") or []:
                if isinstance(c, dict):
                    checkins.append([kr_id, *(c.get(f) for f in CHECKIN_FIELDS)])
        yield [o.get(f) for f in OBJECTIVE_FIELDS], krs, checkins


def _kpi_table(doc: Any) -> Table | None:
    if not isinstance(doc, dict) or doc.get("kpis") is None:
        return None
    return [["kpi", *KPI_FIELDS[1:]]] + [
        [k.get(f) for f in KPI_FIELDS] for k in _records(doc)["kpi"]
    ]


def _tables(doc: Any) -> dict[str, Table]:
    """The document as the sheets of a workbook: objectives, key_results, kpis, checkins."""
    objectives: Table = [[*OBJECTIVE_COLUMNS.values(), "committed"]]
    krs: Table = [["objective_id", "kr_id", *KR_FIELDS[1:]]]
    checkins: Table = [["kr_id", *CHECKIN_FIELDS]]
    for objective, kr_rows, checkin_rows in _objective_rows(doc):
        objectives.append(objective)
        krs += [[objective[0], *kr] for kr in kr_rows]
        checkins += checkin_rows
    out = {"objectives": objectives, "key_results": krs, "checkins": checkins}
    kpis = _kpi_table(doc)
    if kpis is not None:
        out["kpis"] = kpis
    return out


def _csv_tables(doc: Any, rng: random.Random) -> dict[str, Table]:
    """The document as an OKR CSV (objective columns on each key result's row) and side files."""
    width = len(OBJECTIVE_COLUMNS)
    rows: Table = [[*OBJECTIVE_COLUMNS.values(), "kr_id", *KR_FIELDS[1:]]]
    checkins: Table = [["kr_id", *CHECKIN_FIELDS]]
    top = doc if isinstance(doc, dict) else {}
    for objective, kr_rows, checkin_rows in _objective_rows(doc):
        shown = objective[:width]
        if shown[-1] is None and rng.random() < 0.5:
            shown[-1] = top.get("cycle")
        for j, kr in enumerate(kr_rows or [[None] * len(KR_FIELDS)]):
            # Later rows of an objective repeat its columns, or leave them blank.
            repeat = j == 0 or rng.random() < 0.5
            rows.append([*(shown if repeat else [shown[0]] + [None] * (width - 1)), *kr])
        checkins += checkin_rows
    out = {"main": rows}
    kpis = _kpi_table(doc)
    if kpis is not None:
        out["kpis"] = kpis
    if len(checkins) > 1:
        out["checkins"] = checkins
    return out


def _break_table(tables: dict[str, Table], rng: random.Random) -> str:
    """Break one table (a CSV file or an Excel sheet) in one way; say how."""
    name = rng.choice(sorted(tables))
    table = tables[name]
    header = table[0]
    how = rng.choice(
        [
            "drop_column",
            "rename_column",
            "duplicate_header",
            "blank_header",
            "blank_cell",
            "bad_cell",
            "bad_cell",
            "extra_cells",
            "blank_row",
            "contradict",
            "formula_text",
            "header_only",
            "short_row",
        ]
    )
    rows = table[1:]
    if how == "drop_column" and header:
        k = rng.randrange(len(header))
        for row in table:
            del row[k : k + 1]
    elif how == "rename_column" and header:
        k = rng.randrange(len(header))
        header[k] = rng.choice([header[k].upper(), header[k][:-1], " " + header[k], "notes"])
    elif how == "duplicate_header" and len(header) > 1:
        k = rng.randrange(1, len(header))
        header[k] = header[k - 1]
    elif how == "blank_header" and header:
        header[rng.randrange(len(header))] = rng.choice(["", None, " "])
    elif how in ("blank_cell", "bad_cell", "formula_text") and rows and header:
        row = rng.choice(rows)
        k = rng.randrange(len(row)) if row else 0
        if row:
            row[k] = (
                rng.choice(["", None, "  "])
                if how == "blank_cell"
                else rng.choice(["=1+1", "'=SUM(A1)", "+5", "-x", "@me", "'+1"])
                if how == "formula_text"
                else copy.deepcopy(rng.choice(BAD_VALUES + BAD_DATES))
            )
    elif how == "extra_cells" and rows:
        rng.choice(rows).extend(rng.choice([["x"], ["", ""], [None, "y"]]))
    elif how == "short_row" and rows:
        row = rng.choice(rows)
        del row[rng.randrange(len(row) + 1) :]
    elif how == "blank_row":
        table.insert(rng.randint(1, len(table)), [None] * len(header))
    elif how == "contradict" and len(rows) > 1 and header and header[0] == "objective_id":
        a, b = rng.sample(rows, 2)
        b[0] = a[0]
        if len(b) > 1:
            b[1] = "Another title altogether"
    elif how == "header_only":
        del table[1:]
    else:
        return f"{name}.{how}: not applicable"
    return f"{name}.{how}"


def _csv_bytes(table: Table, rng: random.Random) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=rng.choice(["\n", "\n", "\r\n"]))
    for row in table:
        writer.writerow([_cell_text(v, rng) for v in row])
    return buffer.getvalue().encode("utf-8")


def _break_csv_bytes(raw: bytes, rng: random.Random) -> tuple[bytes, str]:
    how = rng.choice(["not_utf8", "nul", "unclosed_quote", "bom", "empty", "unquoted_comma"])
    if how == "not_utf8":
        cut = rng.randrange(len(raw) + 1)
        return raw[:cut] + b"\xff\xfe" + raw[cut:], how
    if how == "nul":
        return raw + b"\x00\x00", how
    if how == "unclosed_quote":
        lines = raw.split(b"\n")
        k = rng.randrange(len(lines))
        lines[k] = b'"' + lines[k]
        return b"\n".join(lines), how
    if how == "bom":
        return b"\xef\xbb\xbf" + raw, how
    if how == "empty":
        return rng.choice([b"", b"  \n"]), how
    lines = raw.split(b"\n")
    k = rng.randrange(1, len(lines)) if len(lines) > 1 else 0
    lines[k] = lines[k].replace(b" ", b", ", 1)
    return b"\n".join(lines), how


def _excel_bytes(tables: dict[str, Table], rng: random.Random) -> tuple[bytes, str]:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    names = list(tables)
    how = ""
    if rng.random() < 0.08:
        drop = rng.choice(["objectives", "key_results"])
        names.remove(drop)
        how = f"no sheet {drop}"
    for name in names:
        title = name
        if rng.random() < 0.05:
            title = rng.choice([name.upper(), f" {name} ", name.title()])
            how += f" sheet title {title!r}"
        ws = book.create_sheet(title)
        for r, row in enumerate(tables[name]):
            values = [_excel_value(v) for v in row]
            if r > 0 and values and rng.random() < 0.01:
                values[rng.randrange(len(values))] = "=1+1"  # a formula without a value
                how += " formula"
            ws.append(values)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue(), how.strip()


@functools.cache
def _parse(text: str) -> Any:
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def variant(i: int, bases: dict[str, str]) -> dict[str, Any]:
    """Variant number ``i``: its format, files (name -> bytes), main file and how it was made."""
    rng = random.Random(f"{SEED}-{i}")
    fmt = FORMATS[i % len(FORMATS)]
    base = rng.choice(sorted(bases))
    doc = copy.deepcopy(_parse(bases[base]))
    steps = [f"base {base}"]
    if isinstance(doc, dict):
        _trim(doc, rng)
    for _ in range(rng.choice([0, 0, 1, 1, 1, 1, 2, 2, 3])):
        if isinstance(doc, dict) and rng.random() < 0.3:
            steps.append(_enrich(doc, rng))
        steps.append(_mutate(doc, rng))
    if not steps[1:] and isinstance(doc, dict):
        steps.append(_enrich(doc, rng))
    name = f"v{i}.{fmt if fmt != 'yaml' or rng.random() < 0.8 else 'yml'}"
    files: dict[str, bytes] = {}
    if fmt == "yaml":
        text = _yaml_text(doc, rng)
        if rng.random() < 0.3:
            text, how = _break_text(text, rng)
            steps.append(f"text: {how}")
        files[name] = text.encode("utf-8")
        if rng.random() < 0.02:
            cut = rng.randrange(len(files[name]) + 1)
            files[name] = files[name][:cut] + b"\xc3\x28" + files[name][cut:]
            steps.append("not UTF-8")
    elif fmt == "csv":
        tables = _csv_tables(doc, rng)
        if rng.random() < 0.35:
            steps.append("table: " + _break_table(tables, rng))
        stem = name[: -len(".csv")]
        side = {"main": name, "kpis": f"{stem}.kpis.csv", "checkins": f"{stem}.checkins.csv"}
        for key, table in tables.items():
            files[side[key]] = _csv_bytes(table, rng)
        if rng.random() < 0.06:
            key = rng.choice(sorted(tables))
            files[side[key]], how = _break_csv_bytes(files[side[key]], rng)
            steps.append(f"bytes of {key}: {how}")
    else:
        tables = _tables(doc)
        if rng.random() < 0.35:
            steps.append("sheet: " + _break_table(tables, rng))
        files[name], how = _excel_bytes(tables, rng)
        if how:
            steps.append(f"workbook: {how}")
        if rng.random() < 0.01:
            files[name] = files[name][: len(files[name]) // 2]
            steps.append("workbook cut short")
    digest = hashlib.sha256()
    for key in sorted(files):
        digest.update(key.encode() + b"\0")
        # An Excel file's bytes hold the time it was saved: hash what it says instead.
        digest.update(_sheets(files[key]).encode() if key.endswith(".xlsx") else files[key])
    return {
        "fmt": fmt,
        "files": files,
        "main": name,
        "steps": steps,
        "data": rng.random() < 0.15,  # read from memory, as `okr lint -` does
        "input": digest.hexdigest()[:16],
    }


# --- recording a result -------------------------------------------------------------------


def _cell(value: Any) -> Any:
    """A cell as JSON that keeps its Python type (np.str_ is not str, NaN is not None)."""
    if value is None or type(value) in (str, bool, int):
        return value
    if type(value) is float:
        return value if value == value else {"float": "nan"}
    if isinstance(value, np.generic):
        # numpy 2 spells np.int64(33) and bool where numpy 1.26 (the floor) says 33 and
        # bool_: the same names and text on both.
        return {type(value).__name__.rstrip("_"): repr(value.item())}
    return {type(value).__name__: repr(value)}


def _frame(frame: pd.DataFrame | None) -> Any:
    if frame is None:
        return None
    return {
        "columns": [str(c) for c in frame.columns],
        "dtypes": [str(t) for t in frame.dtypes],
        "index": repr(frame.index),
        "rows": [[_cell(v) for v in row] for row in frame.itertuples(index=False, name=None)],
    }


def _sheets(raw: bytes) -> str:
    """The cells of every sheet of a workbook, as text (its bytes hold the time it was saved)."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True)
    except Exception as err:  # a workbook cut short on purpose
        return f"unreadable workbook: {type(err).__name__}"
    out = {
        ws.title: [[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)]
        for ws in book.worksheets
    }
    book.close()
    return json.dumps(out, sort_keys=True, ensure_ascii=False)


def _problem(p: Any) -> list[Any]:
    return [p.file, p.message, p.fix, p.line, p.column, p.sheet, p.tabular, p.location, str(p)]


def record(result: Callable[[], Any]) -> dict[str, Any]:
    """What a case produced, as plain JSON."""
    try:
        value = result()
    except Exception as err:  # the error is part of the behaviour
        out: dict[str, Any] = {"error": type(err).__name__, "message": str(err)}
        if hasattr(err, "problems"):
            out["problems"] = [_problem(p) for p in err.problems]
        return out
    if isinstance(value, bytes):
        if value[:2] == b"PK":
            return {"workbook": json.loads(_sheets(value))}
        return {"text": value.decode("utf-8")}
    if isinstance(value, str):
        return {"text": value}
    if isinstance(value, dict):
        return {"json": value}
    return {
        "path": value.path,
        "company": value.company,
        **{
            name: _frame(getattr(value, name))
            for name in ("okrs", "kpis", "objectives", "checkins")
        },
    }


# pandas 3 stores text as "str" with NaN for missing, pandas 2 (the floor, and
# Python 3.10) as "object" with None: the same file either way, so the comparison
# names both "text" and both missing values None.
_TEXT_DTYPES = {"str", "string", "object"}


def _portable_frame(frame: Any) -> Any:
    if not isinstance(frame, dict) or "dtypes" not in frame:
        return frame
    text = [t in _TEXT_DTYPES for t in frame["dtypes"]]
    missing = {"float": "nan"}
    rows = [
        [None if is_text and c == missing else c for c, is_text in zip(row, text, strict=True)]
        for row in frame["rows"]
    ]
    dtypes = ["text" if is_text else t for t, is_text in zip(frame["dtypes"], text, strict=True)]
    return {**frame, "dtypes": dtypes, "rows": rows}


def _portable(recorded: dict[str, Any]) -> dict[str, Any]:
    """A recorded result with the pandas-version-specific spelling of text columns removed."""
    return {k: _portable_frame(v) for k, v in recorded.items()}


def _dump(value: Any) -> str:
    return json.dumps(_portable(value), sort_keys=True, ensure_ascii=False)


# --- the cases ----------------------------------------------------------------------------


@contextlib.contextmanager
def _cwd(folder: Path) -> Iterator[None]:
    """Read with relative names, so that messages do not hold this machine's paths."""
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def _suffix_format(name: str) -> str | None:
    suffix = Path(name).suffix.lower()
    return {".yaml": "yaml", ".yml": "yaml", ".csv": "csv", ".xlsx": "xlsx"}.get(suffix)


def _writes(okr: Any, okr_file: Any) -> Iterator[tuple[str, Callable[[], Any]]]:
    """What writing a good file gives, and reading that back (run in an empty folder)."""
    for fmt in FORMATS:
        yield f"okr_file_bytes {fmt}", lambda fmt=fmt: okr.io.okr_file_bytes(okr_file, format=fmt)

    for suffix in (".yaml", ".csv", ".xlsx"):

        def written(suffix: str = suffix) -> Any:
            target = f"written{suffix}"
            okr.write_okr_file(okr_file, target, overwrite=True)
            files = {p.name: p.read_bytes() for p in sorted(Path().glob("written.*"))}
            back = record(lambda: okr.read_okr_file(target))
            for name in files:
                Path(name).unlink()
            return {
                "files": {
                    n: _sheets(b) if n.endswith(".xlsx") else b.decode("utf-8")
                    for n, b in files.items()
                },
                "read back": _portable(back),
            }

        yield f"write_okr_file {suffix}", written


#: A case: its name and a function that records its result as JSON.
Case = tuple[str, Callable[[], dict[str, Any]]]


def _read_variant(okr: Any, v: dict[str, Any]) -> Any:
    """Read a variant as a user would: its files in the working directory, or from memory."""
    for name, raw in v["files"].items():
        Path(name).write_bytes(raw)
    try:
        if v["data"]:
            return okr.io.read_okr_data(v["files"][v["main"]], format=v["fmt"], name="<stdin>")
        return okr.read_okr_file(v["main"])
    finally:
        for name in v["files"]:
            Path(name).unlink()


def cases(bases: dict[str, str], folder: Path) -> list[Case]:
    """Every case, by name, with a function that records its result.

    Repository files are read in the repository, and written files and variants
    in ``folder``, each as the working directory, so that every name in a
    message is relative.
    """
    import okr_toolkit as okr
    from okr_toolkit.io import json_schema

    def recorded(fn: Callable[[], Any], where: Path = ROOT) -> Callable[[], dict[str, Any]]:
        def run() -> dict[str, Any]:
            with _cwd(where):
                return record(fn)

        return run

    out: list[Case] = []
    for name in repo_files():
        out.append((name, recorded(lambda name=name: okr.read_okr_file(name))))
        fmt = _suffix_format(name)
        if fmt is None:
            continue
        raw = (ROOT / name).read_bytes()
        out.append(
            (
                f"{name} as <stdin>",
                recorded(
                    lambda raw=raw, fmt=fmt: okr.io.read_okr_data(raw, format=fmt, name="<stdin>")
                ),
            )
        )

        def writes(name: str = name) -> dict[str, Any]:
            try:
                with _cwd(ROOT):
                    okr_file = okr.read_okr_file(name)
            except okr.OKRDataError:
                return {"not read": True}
            with _cwd(folder):
                return {label: _portable(record(fn)) for label, fn in _writes(okr, okr_file)}

        out.append((f"{name}: written", writes))
    out.append(("json_schema()", recorded(json_schema)))
    for kwargs in (
        {"today": dt.date(2026, 8, 14)},
        {"company": 'Acme — Zürich "quoted" \u2028', "cycle": "2027Q1"},
        {"cycle": "2026Q4", "filename": "team.yaml", "schema_uri": "file:///x/s.json"},
        {"cycle": "2026-Q3"},
        {"company": "  "},
        {"cycle": "2026Q1", "schema_uri": "file:///my venv/s.json"},
    ):
        out.append(
            (
                f"starter_yaml({kwargs})",
                recorded(lambda kwargs=kwargs: okr.io.starter_yaml(**kwargs)),
            )
        )
    starter = okr.io.starter_yaml(today=dt.date(2026, 8, 14))
    out.append(
        ("starter read back", recorded(lambda: okr.io.read_okr_data(starter, name="okrs.yaml")))
    )
    for i in range(N_VARIANTS):

        def run(i: int = i) -> dict[str, Any]:
            v = variant(i, bases)
            with _cwd(folder):
                result = {"steps": v["steps"], "input": v["input"]}
                result.update(record(lambda: _read_variant(okr, v)))
                if "okrs" in result and i % WRITE_EVERY == 0:
                    okr_file = _read_variant(okr, v)
                    result["written"] = {
                        label: _portable(record(fn)) for label, fn in _writes(okr, okr_file)
                    }
            return result

        out.append((f"variant {i}", run))
    return out


def _header(bases: dict[str, str]) -> dict[str, Any]:
    files = {n: hashlib.sha256((ROOT / n).read_bytes()).hexdigest()[:16] for n in repo_files()}
    return {"bases": bases, "files": files}


def _result(name: str, fn: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    return {"case": name, **fn()}


def write(path: Path) -> int:
    bases = base_pool()
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        todo = cases(bases, Path(tmp))
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as handle:
            handle.write(json.dumps(_header(bases), sort_keys=True, ensure_ascii=False) + "\n")
            for name, fn in todo:
                handle.write(_dump(_result(name, fn)) + "\n")
    return len(todo)


def load(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        header, *recorded = (json.loads(line) for line in handle)
    return header, recorded


def check(path: Path, every: int = 1) -> tuple[int, list[tuple[str, str, str]]]:
    """How many cases were compared, and the differences as (case, was, now)."""
    header, recorded = load(path)
    bases = header["bases"]
    changed_files = {n for n, h in _header(bases)["files"].items() if header["files"].get(n) != h}
    changed = []
    compared = 0
    with tempfile.TemporaryDirectory() as tmp:
        todo = dict(cases(bases, Path(tmp)))
        if list(todo) != [r["case"] for r in recorded]:
            missing = sorted(set(todo) ^ {r["case"] for r in recorded})[:5]
            raise SystemExit(f"the cases changed (e.g. {missing}): regenerate with --write")
        for i, was in enumerate(recorded):
            if i % every and was["case"].startswith("variant "):
                continue
            compared += 1
            now = _result(was["case"], todo[was["case"]])
            if _dump(was) != _dump(now):
                note = ""
                if any(was["case"].startswith(name) for name in changed_files):
                    note = " (its file changed since the snapshot)"
                elif was.get("input") != now.get("input"):
                    note = " (its input is built differently now)"
                changed.append((was["case"] + note, _dump(was), _dump(now)))
    return compared, changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, metavar="FILE")
    action.add_argument("--check", type=Path, metavar="FILE")
    parser.add_argument("--every", type=int, default=1, help="check every N-th variant only")
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
