"""Reading an OKR workbook (.xlsx): the sheets objectives, key_results, kpis and checkins.

Only the cells a sheet holds are read (a stray cell at XFD1048576 is one cell,
reported where it is, not a million empty rows), and a workbook that unpacks
to more than :data:`MAX_UNPACKED_BYTES` is refused before it is read. A number
formatted as a percentage is marked as such (:class:`~okr_toolkit.io.model.Percent`)
for :mod:`~okr_toolkit.io.build` to read by the key result's unit; merged cells
in a table are refused with their range. openpyxl is imported on first use.
"""

from __future__ import annotations

import contextlib
import io as _io
import re
import warnings
from typing import Any

from okr_toolkit.io.coerce import id_text
from okr_toolkit.io.model import Cell, Document, Percent, Problems, Record, fail
from okr_toolkit.io.raw import MAX_FILE_BYTES
from okr_toolkit.io.tables import (
    CHECKIN_TABLE_COLUMNS,
    KPI_TABLE_COLUMNS,
    KR_TABLE_COLUMNS,
    MAX_COLUMNS,
    OBJ_COLUMN_FIELDS,
    Table,
    checkins_from_table,
    fields_of,
    find_header,
    kpis_from_table,
    krs_from_table,
)

__all__ = ["MAX_UNPACKED_BYTES", "excel_document"]

#: A workbook whose parts unpack to more than this is refused (a zip bomb, or far
#: more than any OKR file): ten times the file size limit.
MAX_UNPACKED_BYTES = 10 * MAX_FILE_BYTES
_SHEET_COLUMNS = {
    "objectives": frozenset([*OBJ_COLUMN_FIELDS, "committed"]),
    "key_results": KR_TABLE_COLUMNS,
    "kpis": KPI_TABLE_COLUMNS,
    "checkins": CHECKIN_TABLE_COLUMNS,
}
# Parts of a number format that are shown as written, not as a format: "text", \x, [Red].
_LITERAL = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


def _scales_to_percent(number_format: str) -> bool:
    """Whether a number format shows a number times 100 with a % sign (``0%``, ``0.0%``);
    ``0"%"`` and ``0\\%`` show the number as it is, with a literal %."""
    return "%" in _LITERAL.sub("", number_format)


def _unpacked_size(name: str, raw: bytes) -> None:
    import zipfile

    try:
        with zipfile.ZipFile(_io.BytesIO(raw)) as book:
            size = sum(i.file_size for i in book.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # load_workbook says why it cannot be read
    if size > MAX_UNPACKED_BYTES:
        fail(
            name,
            f"the workbook unpacks to {size / 1024 / 1024:,.0f} MB; the limit is "
            f"{MAX_UNPACKED_BYTES // 1024 // 1024} MB",
            "split it into one file per team or quarter, and delete any sheets of other data",
        )


def _cells(book: Any, ws: Any) -> tuple[dict[int, dict[int, Any]], list[str]]:
    """The cells a sheet holds, by row and column (1-based), and its merged ranges.

    openpyxl's row iterator fills every missing cell up to the sheet's far
    corner; this reads the rows as stored, so a stray cell far away costs one
    cell. Numbers formatted as a percentage come back as :class:`Percent`.
    """
    from openpyxl.cell.read_only import ReadOnlyCell
    from openpyxl.worksheet._reader import WorkSheetParser

    source = ws._get_source()
    rows: dict[int, dict[int, Any]] = {}
    # openpyxl warns about what it does not support (data validation, a date serial out
    # of range, which it reads as an error value); the cells it reads are checked here.
    with contextlib.closing(source), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        parser = WorkSheetParser(
            source,
            ws._shared_strings,
            data_only=book.data_only,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=getattr(book, "_timedelta_formats", set()),
        )
        for number, cells in parser.parse():
            held = {}
            for c in cells:
                value = c["value"]
                if value is None:
                    continue
                if c["data_type"] == "n" and isinstance(value, int | float) and c["style_id"]:
                    shown = ReadOnlyCell(ws, number, c["column"], value, "n", c["style_id"])
                    if _scales_to_percent(str(shown.number_format or "")):
                        value = Percent(value)
                held[c["column"]] = value
            if held:
                rows[number] = held
        merged = [str(m.ref) for m in parser.merged_cells.mergeCell] if parser.merged_cells else []
    return rows, merged


def _has_formulas(raw: bytes) -> bool:
    """Whether any worksheet of an .xlsx holds a formula (an ``<f>`` element)."""
    import re
    import zipfile

    pattern = re.compile(rb"<(?:\w+:)?f[\s>/]")
    with zipfile.ZipFile(_io.BytesIO(raw)) as book:
        return any(
            pattern.search(book.read(n))
            for n in book.namelist()
            if n.startswith("xl/worksheets/") and n.endswith(".xml")
        )


def excel_document(name: str, raw: bytes) -> Document:
    import zipfile

    import openpyxl
    from openpyxl.utils import column_index_from_string, get_column_letter

    _unpacked_size(name, raw)
    try:
        book = openpyxl.load_workbook(_io.BytesIO(raw), read_only=True, data_only=True)
        # The same cells as written: a formula that was never calculated reads as empty.
        # Loading twice doubles the time, so only a workbook with formulas pays for it.
        formulas = (
            openpyxl.load_workbook(_io.BytesIO(raw), read_only=True, data_only=False)
            if _has_formulas(raw)
            else None
        )
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as err:
        fail(
            name,
            f"not a readable Excel workbook ({type(err).__name__})",
            "save it from your spreadsheet as .xlsx",
        )
    doc = Document(name)
    problems = Problems(name)
    sheets = {ws.title.strip().lower(): ws for ws in book.worksheets}

    def table(sheet: str) -> Table | None:
        ws = sheets.get(sheet)
        if ws is None:
            return None
        try:
            held, merged = _cells(book, ws)
            written = _cells(formulas, formulas[ws.title])[0] if formulas is not None else {}
        except (KeyError, ValueError, TypeError, AttributeError) as err:
            fail(
                name,
                f"the sheet {ws.title!r} cannot be read ({type(err).__name__})",
                "save the workbook again from your spreadsheet as .xlsx",
            )
        header_cells = held.get(1, {})
        for number, cells in held.items():
            far = [c for c in cells if c > MAX_COLUMNS]
            if far:
                column = far[0]
                problems.at(
                    Cell(None, number, get_column_letter(column), ws.title),
                    f"cell {get_column_letter(column)}{number} holds {cells[column]!r:.40}, "
                    f"far to the right of the table (an OKR sheet has at most {MAX_COLUMNS} "
                    "columns)",
                    "delete it (select the columns after the table and delete them)",
                )
        for ref in merged:
            first = ref.split(":")[0]
            letters = first.rstrip("0123456789")
            row = int(first[len(letters) :])
            head = header_cells.get(column_index_from_string(letters))
            problems.at(
                Cell(
                    None,
                    row,
                    str(head).strip() if head is not None and row > 1 else first,
                    ws.title,
                ),
                f"cells {ref} are merged",
                "unmerge them and write the value in every cell: each row is read on its own",
            )
        for number, cells in written.items():
            for column, formula in cells.items():
                value = held.get(number, {}).get(column)
                if value is None and isinstance(formula, str) and formula.startswith("="):
                    head = header_cells.get(column) if number > 1 else None
                    problems.at(
                        Cell(
                            None,
                            number,
                            str(head).strip() if head is not None else f"#{column}",
                            ws.title,
                        ),
                        f"the cell holds the formula {formula[:40]!r} but no calculated value",
                        "open the workbook in a spreadsheet and save it, or type the value",
                    )
        # Every row as wide as the widest (as a spreadsheet shows them), up to MAX_COLUMNS.
        width = min(max((max(cells) for cells in held.values()), default=0), MAX_COLUMNS)
        rows = [
            (number, [cells.get(c) for c in range(1, width + 1)])
            for number, cells in sorted(held.items())
        ]
        if not rows or rows[0][0] != 1:
            rows.insert(0, (1, [None] * width))
        header = find_header(rows, _SHEET_COLUMNS[sheet])
        if header is not None:
            number, _ = header
            problems.at(
                Cell(None, 1, None, ws.title),
                f"row 1 is not the header: the column names are on row {number}",
                f"delete row{'s 1 to ' + str(number - 1) if number > 2 else ' 1'} so that the "
                "first row names the columns",
            )
            unread = Table(name, [], [], ws.title, name, problems)
            unread.unread = True
            return unread
        return Table(name, rows[0][1], rows[1:], ws.title, name, problems)

    kr_table = table("key_results")
    obj_table = table("objectives")
    if kr_table is None or obj_table is None:
        missing = [s for s in ("objectives", "key_results") if s not in sheets]
        fail(
            name,
            f"the workbook has no sheet named {' or '.join(repr(m) for m in missing)} "
            f"(it has {', '.join(repr(ws.title) for ws in book.worksheets)})",
            "name the sheets objectives, key_results, kpis and checkins (write_okr_file makes one)",
        )
    objectives: dict[str, Record] = {}
    obj_columns = {**OBJ_COLUMN_FIELDS, "committed": "committed"}  # as documented
    obj_table.check_columns(obj_columns, ("objective_id", "objective"), "the objectives")
    if "objective_id" in obj_table.columns:
        for number, cells in obj_table.records():
            fields = fields_of(cells, obj_columns)
            obj_id = id_text(cells["objective_id"].value)
            rec = Record(fields, number, None, obj_table.sheet, index=len(doc.objectives))
            doc.objectives.append(rec)
            if obj_id is not None:
                objectives.setdefault(obj_id, rec)
    before = len(problems.items)
    krs_from_table(doc, kr_table, False, objectives)
    if len(problems.items) == before:
        for kr in doc.krs:
            if kr.owner not in objectives:
                problems.at(
                    kr.owner_cell,
                    f"objective_id {kr.owner!r} is not on the objectives sheet",
                    "add the objective to the objectives sheet, or fix the id",
                )
    kpi_table = table("kpis")
    if kpi_table is not None:
        doc.kpis = kpis_from_table(kpi_table)
    checkin_table = table("checkins")
    if checkin_table is not None:
        doc.checkins = checkins_from_table(checkin_table)
    book.close()
    if formulas is not None:
        formulas.close()
    problems.raise_if_any()
    return doc
