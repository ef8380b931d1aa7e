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
    "MAX_PROBLEMS_SHOWN",
    "Cell",
    "Document",
    "FileProblem",
    "OKRFile",
    "OKRFileError",
    "Percent",
    "Problems",
    "Record",
    "fail",
]

#: An error lists at most this many problems, then one line that counts the rest.
MAX_PROBLEMS_SHOWN = 20

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
    """An OKR file with problems; ``problems`` lists them, in file order.

    The message starts with one line per problem (a single problem is the whole
    message), so the first line is always worth showing. A file with more than
    :data:`MAX_PROBLEMS_SHOWN` problems (a column of 300,000 bad cells) lists
    the first ones and then one more problem that counts the rest and says
    where they are; ``total`` is the number of problems found.
    """

    def __init__(self, problems: Sequence[FileProblem], total: int | None = None) -> None:
        found = tuple(problems)
        self.total = len(found) if total is None else total
        if len(found) > MAX_PROBLEMS_SHOWN + 1:
            found = (*found[:MAX_PROBLEMS_SHOWN], _the_rest(found[MAX_PROBLEMS_SHOWN:]))
        self.problems = found
        if len(self.problems) == 1:
            text = str(self.problems[0])
        else:
            head = f"{self.problems[0].file}: {self.total:,} problems"
            text = "\n".join([head, *(f"  {p}" for p in self.problems)])
        super().__init__(text)


def _the_rest(rest: Sequence[FileProblem]) -> FileProblem:
    """One problem that stands for ``rest``: how many, and where most of them are."""
    by_place: dict[str, int] = {}
    for p in rest:
        place = f"column {p.column!r}" if isinstance(p.column, str) else "other places"
        if p.sheet is not None:
            place = f"sheet {p.sheet!r} {place}"
        if p.file != rest[0].file:
            place = f"{p.file} {place}"
        by_place[place] = by_place.get(place, 0) + 1
    common = sorted(by_place.items(), key=lambda kv: -kv[1])[:3]
    where = ", ".join(f"{n:,} in {place}" for place, n in common)
    lines = [p.line for p in rest if p.line is not None]
    rows = rest[0].sheet is not None or isinstance(rest[0].column, str)
    span = f" ({'rows' if rows else 'lines'} {min(lines):,} to {max(lines):,})" if lines else ""
    return FileProblem(
        rest[0].file,
        f"and {len(rest):,} more problems like them{span}: {where}",
        "fix the ones listed (the rest are often the same mistake repeated) "
        "and read the file again",
        tabular=rest[0].tabular,
    )


def fail(
    path: str, message: str, fix: str = "", line: int | None = None, column: int | None = None
) -> NoReturn:
    """Raise an :class:`OKRFileError` of one problem (one that stops reading)."""
    raise OKRFileError([FileProblem(path, message, fix, line, column)])


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
    warnings : tuple of FileProblem
        What the reader converted and says so, each at its place: a percentage
        cell read as per cent, confidences given as 0-1 put on 0-10, a file
        read as semicolon-separated. Empty for a file read exactly as written.
    """

    path: str
    okrs: pd.DataFrame
    kpis: pd.DataFrame | None = None
    objectives: pd.DataFrame | None = None
    checkins: pd.DataFrame | None = None
    company: str | None = None
    warnings: tuple[FileProblem, ...] = ()


class Percent(float):
    """A number from a spreadsheet cell formatted as a percentage (0.42 shown as 42%)."""

    __slots__ = ()


@dataclass(slots=True)
class Cell:
    """A value and where it sits in the file.

    ``text`` marks table cells that hold text (every CSV cell). For YAML,
    ``raw`` is a plain (unquoted) scalar as written, so that ``1.10`` stays
    ``"1.10"`` where text is meant, and ``quoted`` marks a quoted one.
    ``percent`` marks a spreadsheet number formatted as a percentage.
    """

    value: Any
    line: int | None = None
    column: int | str | None = None
    sheet: str | None = None
    text: bool = False
    file: str | None = None  # a side file (CSV KPIs / check-ins), when not the main one
    raw: str | None = None
    quoted: bool = False
    percent: bool = False


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
    #: Why a comma may be a decimal comma here (a semicolon-separated file), if it may.
    decimal_comma: str | None = None
    #: What the reader converted and says so (see ``OKRFile.warnings``).
    notes: list[FileProblem] = field(default_factory=list)


class Problems:
    """Collects the problems of one file."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.items: list[FileProblem] = []
        self.notes: list[FileProblem] = []

    def _problem(self, where: Cell | Record | None, message: str, fix: str) -> FileProblem:
        line = getattr(where, "line", None)
        column = getattr(where, "column", None)
        sheet = getattr(where, "sheet", None)
        path = getattr(where, "file", None) or self.path
        return FileProblem(path, message, fix, line, column, sheet)

    def at(self, where: Cell | Record | None, message: str, fix: str = "") -> None:
        self.items.append(self._problem(where, message, fix))

    def note(self, where: Cell | Record | None, message: str, fix: str = "") -> None:
        """Say what was converted (a warning, not a problem): ``message`` and what was read."""
        self.notes.append(self._problem(where, message, fix))

    def raise_if_any(self) -> None:
        if self.items:
            raise OKRFileError(sorted(self.items, key=self._order))

    def _order(self, problem: FileProblem) -> tuple[int, int, int, int]:
        """File order: main file, then side files; sheets in their documented order."""
        side = 0 if problem.file == self.path else 1 + problem.file.endswith(".checkins.csv")
        sheet = _SHEET_ORDER.get(problem.sheet or "", len(_SHEET_ORDER))
        column = problem.column if isinstance(problem.column, int) else 0
        return (side, sheet, problem.line or 0, column)
