"""The OKR file format, version 1: its fields, and the checks every reader shares.

The format is documented in ``docs/okr-file-format.md`` and published as a JSON
Schema (``okr_toolkit/okr_file.schema.json``); a test keeps the three in step.
Readers for each file type (:mod:`okr_toolkit.io`) turn a file into
:class:`Record` objects that remember where each value came from; :func:`build`
checks them all, collects *every* problem with its location, and returns the
tidy frames of an :class:`OKRFile`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.vocab import (
    BETTER,
    CHECKIN_COLUMNS,
    DIRECTIONS,
    KNOWN_UNITS,
    KPI_COLUMNS,
    KR_COLUMNS,
    LEVELS,
    OBJECTIVE_COLUMNS,
    OKR_COLUMNS,
)

__all__ = [
    "CHECKIN_FIELDS",
    "FORMAT_VERSION",
    "KPI_FIELDS",
    "KR_FIELDS",
    "OBJECTIVE_FIELDS",
    "TOP_FIELDS",
    "FileProblem",
    "OKRFile",
    "OKRFileError",
]

FORMAT_VERSION = 1


# Field name -> kind. Kinds: text, id, number, bool, date, list, unit, and
# "enum:<name>" for a fixed set of words.
TOP_FIELDS: dict[str, str] = {
    "version": "version",
    "company": "text",
    "cycle": "text",
    "pay_linked": "bool",
    "objectives": "list",
    "kpis": "list",
}
OBJECTIVE_FIELDS: dict[str, str] = {
    "id": "id",
    "title": "text",
    "owner": "text",
    "team": "text",
    "level": "enum:level",
    "parent": "id",
    "cycle": "text",
    "committed": "bool",
    "key_results": "list",
}
KR_FIELDS: dict[str, str] = {
    "id": "id",
    "statement": "text",
    "kpi": "id",
    "baseline": "number",
    "target": "number",
    "current": "number",
    "unit": "unit",
    "direction": "enum:direction",
    "weight": "number",
    "owner": "text",
    "guardrail": "bool",
    "committed": "bool",
    "pay_linked": "bool",
    "checkins": "list",
}
KPI_FIELDS: dict[str, str] = {
    "name": "id",
    "threshold": "number",
    "value": "number",
    "better": "enum:better",
    "unit": "unit",
    "owner": "text",
    "team": "text",
    "description": "text",
}
CHECKIN_FIELDS: dict[str, str] = {
    "date": "date",
    "value": "number",
    "confidence": "number",
    "note": "text",
}
_ENUMS = {"level": LEVELS, "direction": DIRECTIONS, "better": BETTER}
# Words people use for a choice that has another name here.
_ENUM_HINTS = {
    ("direction", "threshold"): "a key result that holds a line is stay_above (at or above "
    "the target, as in '80%+ satisfaction') or stay_below (at or under it); ",
    ("direction", "binary"): "a done-or-not key result is a milestone; ",
}

_NUMBER_COLUMNS = {"baseline", "target", "current", "weight", "threshold", "value", "confidence"}
_BOOL_COLUMNS = {"guardrail", "committed", "pay_linked"}

_SHEET_ORDER = {"": -1, "objectives": 0, "key_results": 1, "kpis": 2, "checkins": 3}

_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class FileProblem:
    """One problem in an input file: where it is, what is wrong, how to fix it.

    ``line`` is the YAML line or the CSV / Excel row (the header is row 1);
    ``column`` is a YAML column number or a table's column name. Whether the
    place is a row or a line follows the file's suffix, unless ``tabular`` says
    (for input without a file name, such as ``<stdin>``).

    Examples
    --------
    >>> p = FileProblem("okrs.yaml", "target 45 equals baseline 45",
    ...                 "set a target different from the baseline", line=14, column=17)
    >>> p.location
    'okrs.yaml line 14 column 17'
    >>> print(p)  # doctest: +NORMALIZE_WHITESPACE
    okrs.yaml line 14 column 17: target 45 equals baseline 45; set a target different from the
    baseline
    """

    file: str
    message: str
    fix: str = ""
    line: int | None = None
    column: int | str | None = None
    sheet: str | None = None
    tabular: bool | None = None

    @property
    def location(self) -> str:
        """Where the problem is, as a person would look for it."""
        parts = [self.file]
        if self.sheet is not None:
            parts.append(f"sheet {self.sheet!r}")
        tabular = self.sheet is not None or (
            self.tabular
            if self.tabular is not None
            else self.file.lower().endswith((".csv", ".xlsx", ".xlsm"))
        )
        if tabular or isinstance(self.column, str):
            if self.line is not None:
                parts.append(f"row {self.line}")
            if self.column is not None:
                parts.append(f"column {self.column!r}")
        else:
            if self.line is not None:
                parts.append(f"line {self.line}")
            if self.column is not None:
                parts.append(f"column {self.column}")
        return " ".join(parts)

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" + (f"; {self.fix}" if self.fix else "")


class OKRFileError(OKRDataError):
    """An OKR file with problems; ``problems`` lists every one of them.

    The message starts with one line per problem (a single problem is the whole
    message), so the first line is always worth showing.
    """

    def __init__(self, problems: Sequence[FileProblem]) -> None:
        self.problems = tuple(problems)
        if len(self.problems) == 1:
            text = str(self.problems[0])
        else:
            head = f"{self.problems[0].file}: {len(self.problems)} problems"
            text = "\n".join([head, *(f"  {p}" for p in self.problems)])
        super().__init__(text)


@dataclass(frozen=True)
class OKRFile:
    """What an OKR file holds, as tidy frames.

    Attributes
    ----------
    path : str
        The file it was read from.
    okrs : DataFrame
        One row per key result, with its objective's columns repeated (the CSV
        layout) and ``line``, where it starts in the file.
    kpis : DataFrame or None
        One row per KPI (``kpi``, ``threshold``, ``value``, ``better``, ...).
    objectives : DataFrame or None
        One row per objective (``objective_id``, ``objective``, ``parent_id``, ...).
    checkins : DataFrame or None
        One row per weekly check-in (``kr_id``, ``date``, ``value``, ``confidence``).
    company : str or None
        The company named in the file, if any.
    """

    path: str
    okrs: pd.DataFrame
    kpis: pd.DataFrame | None = None
    objectives: pd.DataFrame | None = None
    checkins: pd.DataFrame | None = None
    company: str | None = None


@dataclass(slots=True)
class Cell:
    """A value and where it sits in the file. ``text`` marks table cells (all text)."""

    value: Any
    line: int | None = None
    column: int | str | None = None
    sheet: str | None = None
    text: bool = False
    file: str | None = None  # a side file (CSV KPIs / check-ins), when not the main one


@dataclass(slots=True)
class Record:
    """One objective, key result, KPI or check-in as read, before any checking."""

    fields: dict[str, Cell]
    line: int | None = None
    column: int | str | None = None
    sheet: str | None = None
    owner: str | None = None  # the objective id (KRs) or KR id (check-ins) it belongs to
    owner_cell: Cell | None = None
    index: int = 0  # position among its siblings, for default ids
    file: str | None = None


@dataclass
class Document:
    """Everything read from one file, format-neutral."""

    path: str
    top: dict[str, Cell] = field(default_factory=dict)
    objectives: list[Record] = field(default_factory=list)
    krs: list[Record] = field(default_factory=list)
    kpis: list[Record] | None = None
    checkins: list[Record] = field(default_factory=list)


class Problems:
    """Collects the problems of one file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[FileProblem] = []

    def at(self, where: Cell | Record | None, message: str, fix: str = "") -> None:
        line = getattr(where, "line", None)
        column = getattr(where, "column", None)
        sheet = getattr(where, "sheet", None)
        path = getattr(where, "file", None) or self.path
        self.items.append(FileProblem(path, message, fix, line, column, sheet))

    def raise_if_any(self) -> None:
        if self.items:
            raise OKRFileError(sorted(self.items, key=self._order))

    def _order(self, problem: FileProblem) -> tuple[int, int, int, int]:
        """File order: main file, then side files; sheets in their documented order."""
        side = 0 if problem.file == self.path else 1 + problem.file.endswith(".checkins.csv")
        sheet = _SHEET_ORDER.get(problem.sheet or "", len(_SHEET_ORDER))
        column = problem.column if isinstance(problem.column, int) else 0
        return (side, sheet, problem.line or 0, column)


def nearest(name: str, known: Iterable[str]) -> str:
    """``; did you mean 'title'?`` when a close known name exists, else ``""``."""
    match = difflib.get_close_matches(name.lower(), list(known), n=1, cutoff=0.6)
    return f"did you mean {match[0]!r}? " if match else ""


def unknown_field_fix(name: str, known: Iterable[str]) -> str:
    known = list(known)
    return f"{nearest(name, known)}the fields here are: {', '.join(known)}"


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and value.strip() == ""


def _show(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


class _Coerce:
    """Turns cells into typed values, recording a problem (and returning None) when it can't."""

    def __init__(self, problems: Problems) -> None:
        self.p = problems

    def value(self, cell: Cell | None, kind: str, name: str, what: str) -> Any:
        if cell is None or (_blank(cell.value) and not isinstance(cell.value, float)):
            return None
        v = cell.value
        if kind in ("text", "id"):
            if isinstance(v, bool) or isinstance(v, list | dict):
                self.p.at(cell, f"{what}: {name} must be text, got {_show(v)}", "write it as text")
                return None
            if isinstance(v, dt.date):
                return v.isoformat()
            if isinstance(v, float) and v.is_integer():
                v = int(v)
            return str(v).strip() if kind == "id" else str(v)
        if kind == "number":
            return self.number(cell, name, what)
        if kind == "bool":
            if isinstance(v, bool):
                return v
            if cell.text and str(v).strip().lower() in _TRUE | _FALSE:
                return str(v).strip().lower() in _TRUE
            self.p.at(
                cell, f"{what}: {name} must be true or false, got {_show(v)}", "write true or false"
            )
            return None
        if kind == "date":
            return self.date(cell, name, what)
        if kind == "unit":
            text = str(v).strip()
            if text in KNOWN_UNITS:
                return text
            self.p.at(
                cell,
                f"{what}: unknown unit {_show(v)}",
                f"{nearest(text, KNOWN_UNITS)}use one of {' '.join(KNOWN_UNITS)}, "
                "or leave unit out",
            )
            return None
        if kind.startswith("enum:"):
            choices = _ENUMS[kind[5:]]
            text = str(v).strip().lower()
            if text in choices:
                return text
            self.p.at(
                cell,
                f"{what}: {name} {_show(v)} is not one of {', '.join(choices)}",
                _ENUM_HINTS.get((name, text), nearest(text, choices))
                + f"write one of {', '.join(choices)}",
            )
            return None
        raise AssertionError(kind)  # pragma: no cover

    def number(self, cell: Cell, name: str, what: str) -> float | None:
        v = cell.value
        if isinstance(v, bool):
            self.p.at(cell, f"{what}: {name} must be a number, got {_show(v)}", "write a number")
            return None
        if isinstance(v, int | float | np.integer | np.floating):
            x = float(v)
        elif isinstance(v, str) and cell.text:
            try:
                x = float(v.strip().replace(",", ""))
            except ValueError:
                self.p.at(
                    cell,
                    f"{what}: {name} {_show(v)} is not a number",
                    "write a plain number such as 65 (the unit goes in the unit field)",
                )
                return None
        elif isinstance(v, str):
            try:
                float(v.strip().rstrip("%"))
                fix = "remove the quotes and any unit sign: write it as a plain number"
            except ValueError:
                fix = "write a plain number such as 65 (the unit goes in the unit field)"
            self.p.at(cell, f"{what}: {name} {_show(v)} is text, not a number", fix)
            return None
        else:
            self.p.at(cell, f"{what}: {name} must be a number, got {_show(v)}", "write a number")
            return None
        if not math.isfinite(x):
            self.p.at(cell, f"{what}: {name} {_show(v)} is not a finite number", "write a number")
            return None
        return x

    def date(self, cell: Cell, name: str, what: str) -> dt.date | None:
        v = cell.value
        if isinstance(v, dt.datetime):
            return v.date()
        if isinstance(v, dt.date):
            return v
        text = str(v).strip()
        if _DATE.match(text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                pass
        self.p.at(
            cell,
            f"{what}: {name} {_show(v)} is not a date",
            "write it as YYYY-MM-DD, e.g. 2026-07-06",
        )
        return None


def _missing(rec: Record, column: str) -> Record | Cell:
    """Where a missing field is reported: the mapping (YAML) or the row's column (tables)."""
    if isinstance(rec.column, int) or rec.line is None:
        return rec
    return Cell(None, rec.line, column, rec.sheet, file=rec.file)


def _label(rec: Record, kr: bool = True) -> str:
    statement = rec.fields.get("statement")
    if (
        kr
        and statement is not None
        and isinstance(statement.value, str)
        and statement.value.strip()
    ):
        text = statement.value.strip()
        return f"key result {text if len(text) <= 40 else text[:37] + '...'!r}"
    return "key result"


def _typed(
    rec: Record, schema: dict[str, str], coerce: _Coerce, what: str, skip: Sequence[str] = ()
) -> dict[str, Any]:
    return {
        name: coerce.value(rec.fields.get(name), kind, name, what)
        for name, kind in schema.items()
        if kind != "list" and name not in skip
    }


def build(doc: Document) -> OKRFile:
    """Check a read document and return its frames, or raise every problem at once."""
    p = Problems(doc.path)
    coerce = _Coerce(p)
    top = {
        k: coerce.value(doc.top.get(k), kind, k, "file")
        for k, kind in TOP_FIELDS.items()
        if kind not in ("list", "version")
    }
    version = doc.top.get("version")
    if version is not None and version.value != FORMAT_VERSION:
        p.at(
            version,
            f"format version {_show(version.value)} is not supported",
            f"this toolkit reads version {FORMAT_VERSION}",
        )

    # Objectives.
    objectives: list[dict[str, Any]] = []
    seen_obj: dict[str, Record] = {}
    for rec in doc.objectives:
        ident = coerce.value(rec.fields.get("id"), "id", "id", "objective")
        label = f"objective {ident!r}" if ident else "objective"
        row = _typed(rec, OBJECTIVE_FIELDS, coerce, label, skip=("id",))
        if not ident:
            if _absent(rec, "id"):
                p.at(
                    _missing(rec, "objective_id"),
                    "objective is missing 'id'",
                    "give it a short unique id, e.g. growth",
                )
        else:
            _once(
                p, seen_obj, ident, rec, rec.fields["id"],
                f"objective id {ident!r} is used twice", "give each objective its own id",
            )  # fmt: skip
        if not row["title"] and _absent(rec, "title"):
            p.at(
                _missing(rec, "objective"),
                f"{label} is missing 'title'",
                "add title: the objective in words",
            )
        row["id"] = ident
        row["_rec"] = rec
        objectives.append(row)
    if not doc.objectives:
        p.at(
            None,
            "the file has no objectives",
            "add at least one objective (okr new writes a starter)",
        )
    ids = {o["id"] for o in objectives if o["id"]}
    for o in objectives:
        parent = o["parent"]
        if parent and parent not in ids:
            p.at(
                o["_rec"].fields["parent"],
                f"objective {o['id']!r}: parent {parent!r} is not an objective in this file",
                f"{nearest(parent, ids)}use the id of another objective, or leave parent out",
            )
        elif parent and parent == o["id"]:
            p.at(
                o["_rec"].fields["parent"],
                f"objective {o['id']!r} is its own parent",
                "remove parent",
            )
    _check_cycles(objectives, p)

    # KPIs.
    kpi_rows: list[dict[str, Any]] | None = None
    if doc.kpis is not None:
        kpi_rows = []
        seen_kpi: dict[str, Record] = {}
        for rec in doc.kpis:
            name = coerce.value(rec.fields.get("name"), "id", "name", "KPI")
            label = f"KPI {name!r}" if name else "KPI"
            row = _typed(rec, KPI_FIELDS, coerce, label, skip=("name",))
            if not name:
                if _absent(rec, "name"):
                    p.at(
                        _missing(rec, "kpi"),
                        "KPI is missing 'name'",
                        "add name: the KPI's id, e.g. activation_rate",
                    )
            else:
                _once(
                    p, seen_kpi, name, rec, rec.fields["name"],
                    f"KPI {name!r} is listed twice", "list each KPI once",
                )  # fmt: skip
            if row["threshold"] is None and _absent(rec, "threshold"):
                p.at(
                    _missing(rec, "threshold"),
                    f"{label} is missing 'threshold'",
                    "add threshold: the healthy line",
                )
            row["kpi"] = name
            row["_rec"] = rec
            kpi_rows.append(row)
    kpi_names = {k["kpi"] for k in kpi_rows or [] if k["kpi"]}

    # Key results.
    by_obj = {o["id"]: o for o in objectives if o["id"]}
    kr_rows: list[dict[str, Any]] = []
    seen_kr: dict[str, Record] = {}
    for rec in doc.krs:
        label = _label(rec)
        row = _typed(rec, KR_FIELDS, coerce, label, skip=("id",))
        if not row["statement"] and _absent(rec, "statement"):
            p.at(
                _missing(rec, "statement"),
                "key result is missing 'statement'",
                "add statement: the key result as a sentence",
            )
        obj_id = rec.owner
        ident = coerce.value(rec.fields.get("id"), "id", "id", label)
        if not ident and obj_id:
            ident = f"{obj_id}.kr{rec.index + 1}"
        if ident:
            _once(
                p, seen_kr, ident, rec, rec.fields.get("id") or rec,
                f"key result id {ident!r} is used twice", "give each key result its own id",
            )  # fmt: skip
        if obj_id is not None and obj_id not in by_obj and rec.owner_cell is not None:
            p.at(
                rec.owner_cell,
                f"{label}: objective {obj_id!r} is not an objective in this file",
                f"{nearest(obj_id, by_obj)}use the id of an objective",
            )
        linear = row["direction"] in (None, "increase", "decrease")
        if linear and row["baseline"] is not None and row["target"] is not None:
            if row["baseline"] == row["target"]:
                p.at(
                    rec.fields["target"],
                    f"{label}: target {_num(row['target'])} equals baseline "
                    f"{_num(row['baseline'])}; a key result must move its metric",
                    "set a target different from the baseline",
                )
        if row["weight"] is not None and row["weight"] < 0:
            p.at(
                rec.fields["weight"],
                f"{label}: weight {_num(row['weight'])} is negative",
                "use a weight of 0 or more",
            )
        if row["kpi"] and kpi_rows is not None and row["kpi"] not in kpi_names:
            p.at(
                rec.fields["kpi"],
                f"{label}: KPI {row['kpi']!r} is not listed under kpis",
                f"{nearest(row['kpi'], kpi_names)}add it to kpis, or fix the name",
            )
        if row["direction"] in ("increase", "decrease") and None not in (
            row["baseline"],
            row["target"],
        ):
            moves_up = row["target"] > row["baseline"]
            if moves_up != (row["direction"] == "increase") and row["baseline"] != row["target"]:
                p.at(
                    rec.fields["direction"],
                    f"{label}: direction {row['direction']} but the target "
                    f"{_num(row['target'])} is {'above' if moves_up else 'below'} the baseline "
                    f"{_num(row['baseline'])}",
                    "swap baseline and target, or fix the direction",
                )
        obj = by_obj.get(obj_id or "")
        row["kr_id"] = ident
        row["objective_id"] = obj_id
        row["_obj"] = obj
        row["_rec"] = rec
        kr_rows.append(row)

    # Check-ins.
    checkin_rows: list[dict[str, Any]] = []
    seen_date: dict[tuple[str, dt.date], Record] = {}
    for rec in doc.checkins:
        kr_id = rec.owner
        label = f"check-in of {kr_id!r}" if kr_id else "check-in"
        row = _typed(rec, CHECKIN_FIELDS, coerce, label)
        for need, fix in (
            ("date", "add date: YYYY-MM-DD"),
            ("value", "add value: the metric's reading"),
        ):
            if row[need] is None and _absent(rec, need):
                p.at(_missing(rec, need), f"{label} is missing '{need}'", fix)
        if kr_id is not None and kr_id not in seen_kr and rec.owner_cell is not None:
            p.at(
                rec.owner_cell,
                f"{label}: key result {kr_id!r} is not in this file",
                f"{nearest(kr_id, seen_kr)}use the kr_id of a key result",
            )
        if row["confidence"] is not None and not 0 <= row["confidence"] <= 10:
            p.at(
                rec.fields["confidence"],
                f"{label}: confidence {_num(row['confidence'])} is outside 0-10",
                "rate confidence from 0 (no chance) to 10 (certain)",
            )
        if kr_id and row["date"] is not None:
            _once(
                p, seen_date, (kr_id, row["date"]), rec, rec.fields["date"],
                f"{label}: two check-ins on {row['date']}", "keep one check-in per date",
            )  # fmt: skip
        row["kr_id"] = kr_id
        row["_rec"] = rec
        checkin_rows.append(row)

    p.raise_if_any()
    return _frames(doc, top, objectives, kr_rows, kpi_rows, checkin_rows)


def _absent(rec: Record, name: str) -> bool:
    """The field is left out or blank (a value that is there but unreadable is reported
    by the type check instead)."""
    cell = rec.fields.get(name)
    return cell is None or _blank(cell.value)


def _once(
    p: Problems,
    seen: dict[Any, Record],
    key: Any,
    rec: Record,
    where: Cell | Record,
    message: str,
    fix: str,
) -> None:
    """Remember ``key``; if it was seen before, report ``message`` and where it first was."""
    if key in seen:
        p.at(where, f"{message} (first at {_where(seen[key])})", fix)
    else:
        seen[key] = rec


def _num(x: float) -> str:
    return f"{x:g}"


def _where(rec: Record) -> str:
    if rec.line is None:
        return "another place"
    return f"line {rec.line}" if isinstance(rec.column, int) else f"row {rec.line}"


def _check_cycles(objectives: list[dict[str, Any]], p: Problems) -> None:
    """Report each loop of parent links once, at the first objective of the loop in the file."""
    parent = {o["id"]: o["parent"] for o in objectives if o["id"]}
    recs = {o["id"]: o["_rec"] for o in objectives if o["id"]}
    reported: set[str] = set()
    for start in parent:
        path: list[str] = []
        node: str | None = start
        while node is not None and node in parent and node not in path:
            path.append(node)
            node = parent[node]
        if node is None or node not in path:
            continue
        loop = path[path.index(node) :]
        if len(loop) < 2 or reported.intersection(loop):
            continue  # a self-parent is reported on its own
        reported.update(loop)
        first = min(loop, key=lambda x: recs[x].line or 0)
        order = loop[loop.index(first) :] + loop[: loop.index(first)]
        p.at(
            recs[first].fields["parent"],
            "parent links form a cycle: " + " -> ".join([*order, order[0]]),
            "an objective cannot support itself through others; remove one parent link",
        )


def _frames(
    doc: Document,
    top: dict[str, Any],
    objectives: list[dict[str, Any]],
    kr_rows: list[dict[str, Any]],
    kpi_rows: list[dict[str, Any]] | None,
    checkin_rows: list[dict[str, Any]],
) -> OKRFile:
    obj_frame = _table(
        [
            {
                "objective_id": o["id"],
                "objective": o["title"],
                "objective_owner": o["owner"],
                "team": o["team"],
                "level": o["level"],
                "parent_id": o["parent"],
                "cycle": o["cycle"] if o["cycle"] is not None else top["cycle"],
                "line": o["_rec"].line,
            }
            for o in objectives
        ],
        columns=[*OBJECTIVE_COLUMNS, "line"],
    )
    checkins = _table(
        [{k: r[k] for k in CHECKIN_COLUMNS} | {"line": r["_rec"].line} for r in checkin_rows],
        [*CHECKIN_COLUMNS, "line"],
    )
    checkins["date"] = pd.to_datetime(checkins["date"]).astype("datetime64[ns]")
    checkins = checkins.sort_values(["kr_id", "date"], kind="stable").reset_index(drop=True)
    latest = checkins.groupby("kr_id", sort=False)["value"].last() if len(checkins) else {}
    rows = []
    for r in kr_rows:
        obj = r["_obj"] or {}
        committed = r["committed"] if r["committed"] is not None else obj.get("committed")
        pay = r["pay_linked"] if r["pay_linked"] is not None else top["pay_linked"]
        current = r["current"]
        if current is None and r["kr_id"] in latest:
            current = float(latest[r["kr_id"]])
        cycle = obj.get("cycle") if obj.get("cycle") is not None else top["cycle"]
        rows.append(
            {
                "objective_id": r["objective_id"],
                "objective": obj.get("title"),
                "objective_owner": obj.get("owner"),
                "team": obj.get("team"),
                "level": obj.get("level"),
                "parent_id": obj.get("parent"),
                "cycle": cycle,
                **{k: r[k] for k in KR_COLUMNS if k not in ("committed", "pay_linked", "current")},
                "current": current,
                "weight": 1.0 if r["weight"] is None else r["weight"],
                "committed": committed,
                "pay_linked": pay,
                "line": r["_rec"].line,
            }
        )
    okrs = _table(rows, [*OKR_COLUMNS, "line"])
    kpis = None
    if kpi_rows is not None:
        kpis = _table(
            [{k: r[k] for k in KPI_COLUMNS} | {"line": r["_rec"].line} for r in kpi_rows],
            [*KPI_COLUMNS, "line"],
        )
        kpis["better"] = kpis["better"].fillna("higher")
    return OKRFile(doc.path, okrs, kpis, obj_frame, checkins, top["company"])


def _table(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(columns))
    for c in frame.columns:
        if c in _NUMBER_COLUMNS:
            frame[c] = pd.to_numeric(frame[c], errors="raise").astype("float64")
        elif c in _BOOL_COLUMNS:
            frame[c] = frame[c].astype("boolean")
        elif c == "line":
            frame[c] = frame[c].astype("Int64")
        elif c != "date":
            frame[c] = frame[c].astype(object).where(frame[c].notna(), None)
    return frame
