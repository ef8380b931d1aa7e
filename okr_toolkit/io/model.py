"""What reading an OKR file produces: the read records, the problems, the result.

Readers (:mod:`okr_toolkit.io.yaml_reader`, :mod:`okr_toolkit.io.tables`) turn a
file into a :class:`Document` of :class:`Record` objects whose :class:`Cell`
values remember where they came from; :func:`okr_toolkit.io.build.build` checks
them, collecting every problem in :class:`Problems`, and returns an
:class:`OKRFile` or raises :class:`OKRFileError` with every :class:`FileProblem`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NoReturn

import pandas as pd

from okr_toolkit.exceptions import OKRDataError

__all__ = [
    "Cell",
    "Document",
    "FileProblem",
    "OKRFile",
    "OKRFileError",
    "Problems",
    "Record",
    "fail",
]

_SHEET_ORDER = {"": -1, "objectives": 0, "key_results": 1, "kpis": 2, "checkins": 3}


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


def fail(path: str, message: str, fix: str = "", line: int | None = None) -> NoReturn:
    """Raise an :class:`OKRFileError` of one problem (one that stops reading)."""
    raise OKRFileError([FileProblem(path, message, fix, line)])


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
