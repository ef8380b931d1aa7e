"""Rows of a CSV file or an Excel sheet as records: what the two table formats share.

:class:`Table` holds one table's rows with their row numbers and column names
and checks its header; the ``*_from_table`` functions turn its rows into the
:class:`~okr_toolkit.io.model.Record` objects of a
:class:`~okr_toolkit.io.model.Document`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from okr_toolkit.io.coerce import id_text, unknown_field_fix
from okr_toolkit.io.model import Cell, Document, Percent, Problems, Record
from okr_toolkit.vocab import CHECKIN_COLUMNS, KPI_COLUMNS, KR_COLUMNS

__all__ = [
    "CHECKIN_TABLE_COLUMNS",
    "KPI_TABLE_COLUMNS",
    "KR_TABLE_COLUMNS",
    "MAX_COLUMNS",
    "OBJ_COLUMN_FIELDS",
    "Table",
    "checkins_from_table",
    "fields_of",
    "find_header",
    "formula_like",
    "kpis_from_table",
    "krs_from_table",
]

# Table column -> (record kind, field name in the format).
OBJ_COLUMN_FIELDS = {
    "objective_id": "id",
    "objective": "title",
    "objective_owner": "owner",
    "team": "team",
    "level": "level",
    "parent_id": "parent",
    "cycle": "cycle",
}
_KR_COLUMN_FIELDS = {"kr_id": "id", **{c: c for c in KR_COLUMNS if c != "kr_id"}}
_KPI_COLUMN_FIELDS = {"kpi": "name", **{c: c for c in KPI_COLUMNS if c != "kpi"}}
_CHECKIN_COLUMN_FIELDS = {c: c for c in CHECKIN_COLUMNS if c != "kr_id"}

#: The column names of each table, to find its header row by.
KR_TABLE_COLUMNS = frozenset([*OBJ_COLUMN_FIELDS, *_KR_COLUMN_FIELDS, "committed"])
KPI_TABLE_COLUMNS = frozenset(_KPI_COLUMN_FIELDS)
CHECKIN_TABLE_COLUMNS = frozenset(["kr_id", *_CHECKIN_COLUMN_FIELDS])

#: A table of an OKR file has about 20 columns; a cell past this one is a stray.
MAX_COLUMNS = 64
#: How many rows from the top the header row is looked for in, when row 1 is not it.
_HEADER_SEARCH = 10

_FORMULA_CHARS = "=+-@"
#: What a spreadsheet skips before it looks for a formula: white space, control characters.
_LEADING = "".join(chr(c) for c in range(33)) + "\x7f\xa0\u3000"


def formula_like(text: str) -> bool:
    """Whether text must be written with a leading ``'`` so no spreadsheet runs it.

    True when ``=``, ``+``, ``-`` or ``@`` comes first after any white space or
    control characters (a carriage return, a tab), and for text that starts with
    a tab or a carriage return; any ``'`` in front is looked past, so that text
    which itself starts with ``'=`` comes back as written.

    Examples
    --------
    >>> formula_like("=SUM(A1)"), formula_like("\\r=1+1"), formula_like(" @me")
    (True, True, True)
    >>> formula_like("Lift activation"), formula_like("'plain")
    (False, False)
    """
    text = text.lstrip("'")
    if text[:1] in ("\t", "\r"):
        return True
    rest = text.lstrip(_LEADING)
    return bool(rest) and rest[0] in _FORMULA_CHARS


def _unquote(value: Any) -> Any:
    """Undo the formula neutralising of the writer: the ``'`` it put before such text."""
    if isinstance(value, str) and value[:1] == "'" and formula_like(value[1:]):
        return value[1:]
    return value


def _named(row: list[Any], known: frozenset[str]) -> int:
    return sum(1 for v in row[:MAX_COLUMNS] if isinstance(v, str) and v.strip() in known)


def find_header(
    rows: list[tuple[int, list[Any]]], known: frozenset[str]
) -> tuple[int, list[Any]] | None:
    """The row that names the columns when it is not the first: a title above the header.

    None when the first row is the header, or when no row near the top names two
    columns (then the first row is read as the header, and its names are checked).
    """
    if not rows or _named(rows[0][1], known) >= 2:
        return None
    for number, row in rows[1:_HEADER_SEARCH]:
        if _named(row, known) >= 2:
            return number, row
    return None


class Table:
    """Rows of one CSV file or Excel sheet, each cell with its row and column name."""

    def __init__(
        self,
        file: str,
        header: list[Any],
        rows: list[tuple[int, list[Any]]],
        sheet: str | None,
        main: str,
        p: Problems,
    ) -> None:
        self.file = None if file == main else file
        self.sheet = sheet
        self.header_row = Cell(None, 1, None, sheet, file=self.file)
        self.columns: list[str] = []
        self.p = p
        #: Set when a problem with the table as a whole (a title row above the header)
        #: has been reported: its columns and rows are then not checked.
        self.unread = False
        seen: set[str] = set()
        for i, h in enumerate(header):
            name = "" if h is None else str(h).strip()
            self.columns.append(name)
            if not name:
                if any(i < len(r) and not _empty(r[i]) for _, r in rows):
                    self.p.at(
                        Cell(None, 1, f"#{i + 1}", sheet, file=self.file),
                        f"column {i + 1} has no name",
                        "write a column name in the header row",
                    )
            elif name in seen:
                self.p.at(
                    Cell(None, 1, name, sheet, file=self.file),
                    f"column '{name}' appears twice in the header",
                    "keep one of them",
                )
            seen.add(name)
        self.rows = rows

    def check_columns(self, known: dict[str, str], required: tuple[str, ...], what: str) -> None:
        if self.unread:
            return
        for name in self.columns:
            if name and name not in known:
                self.p.at(
                    Cell(None, 1, name, self.sheet, file=self.file),
                    f"unknown column '{name}' in {what}",
                    unknown_field_fix(name, known),
                )
        for name in required:
            if name not in self.columns:
                self.p.at(
                    self.header_row,
                    f"no '{name}' column in {what}",
                    f"add a '{name}' column to the header row",
                )

    def records(self) -> Iterator[tuple[int, dict[str, Cell]]]:
        if self.unread:
            return
        width = len(self.columns)
        for number, values in self.rows:
            if all(_empty(v) for v in values):
                continue
            if len(values) > width and any(not _empty(v) for v in values[width:]):
                self.p.at(
                    Cell(None, number, None, self.sheet, file=self.file),
                    f"row {number} has {len(values)} cells but the header has {width} columns",
                    "remove the extra cells, or name their column in the header row"
                    if self.sheet
                    else "remove the extra cells or quote text that contains commas",
                )
            n = len(values)
            sheet, file = self.sheet, self.file
            cells = {}
            for i, name in enumerate(self.columns):
                if not name:
                    continue
                value: Any = values[i] if i < n else None
                is_text = isinstance(value, str)
                if is_text and value[:1] == "'":
                    value = _unquote(value)
                percent = type(value) is Percent
                if percent:
                    value = float(value)
                cells[name] = Cell(value, number, name, sheet, is_text, file, percent=percent)
            yield number, cells


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def fields_of(cells: dict[str, Cell], mapping: dict[str, str]) -> dict[str, Cell]:
    return {
        field: cells[col]
        for col, field in mapping.items()
        if col in cells and not _empty(cells[col].value)
    }


def krs_from_table(
    doc: Document, table: Table, with_objectives: bool, objectives: dict[str, Record]
) -> None:
    what = "the key results" if table.sheet else "an OKR CSV"
    known = {
        **(OBJ_COLUMN_FIELDS if with_objectives else {"objective_id": "id"}),
        **_KR_COLUMN_FIELDS,
    }
    required = ("objective_id", "statement")
    table.check_columns(known, required, what)
    if table.unread or any(c not in table.columns for c in required):
        return
    counts: dict[str, int] = {}
    for number, cells in table.records():
        obj_cell = cells["objective_id"]
        obj_id = id_text(obj_cell.value)
        if obj_id is None:
            table.p.at(
                obj_cell,
                f"row {number}: objective_id is empty",
                "write the id of the objective this key result belongs to",
            )
            continue
        if with_objectives:
            fields = fields_of(cells, OBJ_COLUMN_FIELDS)
            if obj_id not in objectives:
                rec = Record(
                    fields, number, None, table.sheet, index=len(objectives), file=table.file
                )
                objectives[obj_id] = rec
                doc.objectives.append(rec)
            else:
                first = objectives[obj_id]
                for name, cell in fields.items():
                    earlier = first.fields.get(name)
                    if earlier is None:
                        first.fields[name] = cell
                    elif str(earlier.value).strip() != str(cell.value).strip():
                        table.p.at(
                            cell,
                            f"objective {obj_id!r}: {cell.column} {_unquote(cell.value)!r} "
                            f"differs from {earlier.value!r} on row {earlier.line}",
                            "write the objective's columns the same on every row, "
                            "or leave them blank after the first",
                        )
        kr_fields = fields_of(cells, _KR_COLUMN_FIELDS)
        if not kr_fields and with_objectives:
            continue  # a row for an objective that has no key results yet
        index = counts.get(obj_id, 0)
        counts[obj_id] = index + 1
        doc.krs.append(
            Record(
                kr_fields,
                number,
                None,
                table.sheet,
                owner=obj_id,
                owner_cell=obj_cell,
                index=index,
                file=table.file,
            )
        )


def kpis_from_table(table: Table) -> list[Record]:
    table.check_columns(_KPI_COLUMN_FIELDS, ("kpi", "threshold"), "the KPIs")
    return [
        Record(fields_of(cells, _KPI_COLUMN_FIELDS), number, None, table.sheet, file=table.file)
        for number, cells in table.records()
    ]


def checkins_from_table(table: Table) -> list[Record]:
    table.check_columns(
        {"kr_id": "kr_id", **_CHECKIN_COLUMN_FIELDS}, ("kr_id", "date", "value"), "the check-ins"
    )
    out: list[Record] = []
    if "kr_id" not in table.columns:
        return out
    for number, cells in table.records():
        kr_cell = cells["kr_id"]
        kr_id = id_text(kr_cell.value)
        if kr_id is None:
            table.p.at(
                kr_cell,
                f"row {number}: kr_id is empty",
                "write the id of the key result checked in",
            )
            continue
        out.append(
            Record(
                fields_of(cells, _CHECKIN_COLUMN_FIELDS),
                number,
                None,
                table.sheet,
                owner=kr_id,
                owner_cell=kr_cell,
                file=table.file,
            )
        )
    return out
