"""Reading an OKR CSV file, and the KPI and check-in files beside it.

A file separated by semicolons or tabs (as spreadsheets save "CSV" where the
comma is the decimal separator) is read as such when its header row says so
unambiguously, and the reader says it did. A title row above the header, a
stray cell far to the right and a quote left open are each reported at their
row with the fix.
"""

from __future__ import annotations

import csv
import io as _io
from pathlib import Path
from typing import Any

from okr_toolkit.io.model import Cell, Document, FileProblem, Problems, fail
from okr_toolkit.io.raw import decode, read_bytes
from okr_toolkit.io.tables import (
    CHECKIN_TABLE_COLUMNS,
    KPI_TABLE_COLUMNS,
    KR_TABLE_COLUMNS,
    MAX_COLUMNS,
    Table,
    checkins_from_table,
    find_header,
    kpis_from_table,
    krs_from_table,
)

__all__ = ["csv_document", "side_files"]

_SEPARATORS = {",": "commas", ";": "semicolons", "\t": "tabs"}


def _separator(text: str, known: frozenset[str]) -> str:
    """The column separator: a comma, unless only semicolons or only tabs split a row near
    the top into two or more of the table's column names."""
    lines = [line for line in text.splitlines()[:10] if line.strip()]
    for sep in _SEPARATORS:
        for line in lines:
            names = [c.strip().strip('"').strip() for c in line.split(sep)]
            if sum(n in known for n in names) >= 2:
                return sep
    return ","


def _csv_rows(
    name: str, text: str, p: Problems, known: frozenset[str], doc: Document
) -> tuple[list[str], list[tuple[int, list[Any]]]] | None:
    """The header and the numbered rows of one CSV file (None: a problem stops this file)."""
    if "\x00" in text:
        fail(
            name,
            "the file holds binary data (NUL bytes), not CSV text",
            "export the sheet as CSV (UTF-8)",
        )
    sep = _separator(text, known)
    if sep != ",":
        doc.notes.append(
            FileProblem(
                name,
                f"the columns are separated by {_SEPARATORS[sep]}, not commas",
                f"read as separated by {_SEPARATORS[sep]}",
            )
        )
        if sep == ";":
            doc.decimal_comma = (
                "is separated by semicolons, as spreadsheets that write decimal commas save CSV"
            )
    rows: list[list[str]] = []
    try:
        rows.extend(csv.reader(_io.StringIO(text, newline=""), delimiter=sep, strict=True))
    except csv.Error as err:
        if "field larger" in str(err):
            fail(
                name,
                f"a quoted cell runs on for more than {csv.field_size_limit():,} characters: "
                'a quote (") is probably never closed',
                'close the quote, and double any quote inside quoted text ("")',
                _open_quote_row(text, len(rows) + 1),
            )
        fail(
            name,
            f"not a readable CSV ({err})",
            "check the quoting of text that contains quotes or commas",
            len(rows) + 1,
        )
    if not rows:
        fail(name, "the file is empty", "the first row names the columns")
    numbered = [(i + 1, r) for i, r in enumerate(rows)]
    _strays(name, numbered, p)
    header = find_header(numbered, known)
    if header is not None:
        number = header[0]
        above = next((v for _, r in numbered[: number - 1] for v in r if v.strip()), "")
        p.at(
            Cell(None, 1, None, file=None if name == p.path else name),
            f"row 1 is not the header: the column names are on row {number}"
            + (f" (above them: {above[:40]!r})" if above else ""),
            f"delete row{'s 1 to ' + str(number - 1) if number > 2 else ' 1'} so that the "
            "first row names the columns",
        )
        return None
    return rows[0][:MAX_COLUMNS], [(n, r[:MAX_COLUMNS]) for n, r in numbered[1:]]


def _open_quote_row(text: str, fallback: int) -> int:
    """The line where the quote that is never closed opens, or ``fallback``."""
    inside, line, start = False, 1, fallback
    for i, ch in enumerate(text):
        if ch == '"':
            inside = not inside
            if inside:
                start = line
        elif ch == "\n":
            line += 1
        if i > 50_000_000:  # pragma: no cover - past the size limit
            break
    return start if inside else fallback


def _strays(name: str, rows: list[tuple[int, list[str]]], p: Problems) -> None:
    """Cells far right of any table (past column ``MAX_COLUMNS``), reported where they are."""
    file = None if name == p.path else name
    for number, row in rows:
        if len(row) <= MAX_COLUMNS:
            continue
        for i, value in enumerate(row[MAX_COLUMNS:], start=MAX_COLUMNS + 1):
            if value.strip():
                p.at(
                    Cell(None, number, f"#{i}", file=file),
                    f"row {number} has a value in column {i:,} ({value[:40]!r}), far to the "
                    f"right of the table (an OKR table has at most {MAX_COLUMNS} columns)",
                    "delete it, or the columns after the table",
                )
                break


def side_files(path: str | Path) -> tuple[Path, Path]:
    """The KPI and check-in files beside an OKR CSV: ``NAME.kpis.csv``, ``NAME.checkins.csv``."""
    p = Path(path)
    return p.with_name(p.stem + ".kpis.csv"), p.with_name(p.stem + ".checkins.csv")


def csv_document(name: str, text: str, p: Path | None) -> Document:
    doc = Document(name)
    problems = Problems(name)
    table = _csv_rows(name, text, problems, KR_TABLE_COLUMNS, doc)
    if table is not None:
        krs_from_table(doc, Table(name, *table, None, name, problems), True, {})
    if p is None:  # from memory: no side files
        problems.raise_if_any()
        return doc
    kpi_path, checkin_path = side_files(p)
    for side, reader, known in (
        (kpi_path, kpis_from_table, KPI_TABLE_COLUMNS),
        (checkin_path, checkins_from_table, CHECKIN_TABLE_COLUMNS),
    ):
        if not side.exists():
            continue
        side_name = str(side)
        side_text = decode(side_name, read_bytes(side))
        side_table = _csv_rows(side_name, side_text, problems, known, doc)
        if side_table is None:
            continue
        records = reader(Table(side_name, *side_table, None, name, problems))
        if side == kpi_path:
            doc.kpis = records
        else:
            doc.checkins = records
    problems.raise_if_any()
    return doc
