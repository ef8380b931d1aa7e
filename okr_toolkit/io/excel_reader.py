"""Reading an OKR workbook (.xlsx): the sheets objectives, key_results, kpis and checkins.

openpyxl is imported on first use.
"""

from __future__ import annotations

import io as _io

from okr_toolkit.io.coerce import id_text
from okr_toolkit.io.model import Cell, Document, Problems, Record, fail
from okr_toolkit.io.tables import (
    OBJ_COLUMN_FIELDS,
    Table,
    checkins_from_table,
    fields_of,
    kpis_from_table,
    krs_from_table,
)

__all__ = ["excel_document"]


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
        rows = [list(r) for r in ws.iter_rows(values_only=True)]
        written = formulas[ws.title].iter_rows(values_only=True) if formulas is not None else ()
        for number, (row, as_written) in enumerate(zip(rows, written, strict=False), start=1):
            for i, (value, formula) in enumerate(zip(row, as_written, strict=False)):
                if value is None and isinstance(formula, str) and formula.startswith("="):
                    head = rows[0][i] if number > 1 and rows[0][i] is not None else f"#{i + 1}"
                    problems.at(
                        Cell(None, number, str(head).strip(), ws.title),
                        f"the cell holds the formula {formula[:40]!r} but no calculated value",
                        "open the workbook in a spreadsheet and save it, or type the value",
                    )
        if not rows:
            return Table(name, [], [], ws.title, name, problems)
        return Table(
            name, rows[0], [(i + 2, r) for i, r in enumerate(rows[1:])], ws.title, name, problems
        )

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
    problems.raise_if_any()
    return doc
