"""Reading an OKR CSV file, and the KPI and check-in files beside it."""

from __future__ import annotations

import csv
import io as _io
from pathlib import Path
from typing import Any

from okr_toolkit.io.model import Document, Problems, fail
from okr_toolkit.io.raw import decode, read_bytes
from okr_toolkit.io.tables import Table, checkins_from_table, kpis_from_table, krs_from_table

__all__ = ["csv_document", "side_files"]


def _csv_rows(name: str, text: str, p: Problems) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    if "\x00" in text:
        fail(
            name,
            "the file holds binary data (NUL bytes), not CSV text",
            "export the sheet as CSV (UTF-8)",
        )
    rows: list[list[str]] = []
    try:
        rows.extend(csv.reader(_io.StringIO(text, newline=""), strict=True))
    except csv.Error as err:
        fail(
            name,
            f"not a readable CSV ({err})",
            "check the quoting of text that contains quotes or commas",
            len(rows) + 1,
        )
    if not rows:
        fail(name, "the file is empty", "the first row names the columns")
    return rows[0], [(i + 2, r) for i, r in enumerate(rows[1:])]


def side_files(path: str | Path) -> tuple[Path, Path]:
    """The KPI and check-in files beside an OKR CSV: ``NAME.kpis.csv``, ``NAME.checkins.csv``."""
    p = Path(path)
    return p.with_name(p.stem + ".kpis.csv"), p.with_name(p.stem + ".checkins.csv")


def csv_document(name: str, text: str, p: Path | None) -> Document:
    doc = Document(name)
    problems = Problems(name)
    header, rows = _csv_rows(name, text, problems)
    krs_from_table(doc, Table(name, header, rows, None, name, problems), True, {})
    if p is None:  # from memory: no side files
        problems.raise_if_any()
        return doc
    kpi_path, checkin_path = side_files(p)
    for side, reader in ((kpi_path, kpis_from_table), (checkin_path, checkins_from_table)):
        if not side.exists():
            continue
        side_name = str(side)
        side_text = decode(side_name, read_bytes(side))
        side_header, side_rows = _csv_rows(side_name, side_text, problems)
        records = reader(Table(side_name, side_header, side_rows, None, name, problems))
        if side == kpi_path:
            doc.kpis = records
        else:
            doc.checkins = records
    problems.raise_if_any()
    return doc
