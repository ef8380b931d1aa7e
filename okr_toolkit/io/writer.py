"""Writing OKRs as YAML, CSV or Excel: atomically, round-trip safe, formula-safe.

Reading a written file gives back the same frames (apart from ``line``), and
that is checked: what would be written is read back before anything is
written, and refused, with what is wrong, if the reader would refuse it (a
key result without a statement, a negative weight, text no file can hold).
In tables, text a spreadsheet could run as a formula gets a leading ``'``,
which the readers remove again. PyYAML and openpyxl are imported on first use.
"""

from __future__ import annotations

import csv
import datetime as dt
import io as _io
import math
import os
import re
from collections.abc import Callable, Hashable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from okr_toolkit._atomic import write_all_atomic
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.io.csv_reader import side_files
from okr_toolkit.io.fields import FORMAT_VERSION
from okr_toolkit.io.model import FileProblem, OKRFile, OKRFileError
from okr_toolkit.io.numbers import DOT3 as _DOT3
from okr_toolkit.io.reading import check_format
from okr_toolkit.io.tables import formula_like
from okr_toolkit.vocab import CHECKIN_COLUMNS, KPI_COLUMNS, KR_COLUMNS, OBJECTIVE_COLUMNS

__all__ = ["okr_file_bytes", "write_okr_file"]


def write_okr_file(okr_file: OKRFile, path: str | Path, *, overwrite: bool = False) -> Path:
    """Write OKRs to ``path`` as YAML, CSV or Excel (by its suffix), atomically.

    Reading the written file gives back the same frames (apart from ``line``).

    Parameters
    ----------
    okr_file : OKRFile
        What :func:`read_okr_file` returned, or frames built the same way.
    path : str or Path
        ``.yaml``/``.yml``, ``.csv`` (plus ``NAME.kpis.csv`` and
        ``NAME.checkins.csv`` when there are KPIs or check-ins) or ``.xlsx``.
    overwrite : bool, default False
        Replace an existing file. The file ``okr_file`` was read from is never
        replaced.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    TypeError
        When ``okr_file`` is not an :class:`OKRFile` (a DataFrame: wrap it
        as ``OKRFile(path="", okrs=frame)``).
    OKRDataError
        When the file exists (without ``overwrite``), is the source, or when
        what would be written would not read back: nothing is written then.

    Notes
    -----
    In CSV and Excel, text that a spreadsheet could run as a formula (``= + - @``
    first, after any white space or control characters, or a tab or carriage
    return first) is written with a leading ``'``; :func:`read_okr_file` removes
    it again.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> import okr_toolkit.datasets as ds
    >>> from okr_toolkit.io import read_okr_file
    >>> sample = read_okr_file(ds.data_path("sample_okrs.yaml"))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     out = write_okr_file(sample, Path(folder) / "q3.xlsx")
    ...     back = read_okr_file(out)
    >>> back.okrs.drop(columns="line").equals(sample.okrs.drop(columns="line"))
    True
    """
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"write_okr_file needs a path (str or Path), got {type(path).__name__}")
    p = Path(path)
    suffix = p.suffix.lower()
    _check_frames(okr_file, xml=suffix == ".xlsx")
    writers: dict[str, Callable[[OKRFile, Path], dict[Path, bytes]]] = {
        ".yaml": _yaml_bytes,
        ".yml": _yaml_bytes,
        ".csv": _csv_bytes,
        ".xlsx": _excel_bytes,
    }
    if suffix not in writers:
        raise OKRDataError(
            f"{p}: cannot write {suffix or 'a file without a suffix'!r}; use .yaml, .csv or .xlsx"
        )
    outputs = writers[suffix](okr_file, p)
    if suffix == ".csv" and overwrite:
        # Stale side files from an earlier export would be read back as this file's.
        for side in side_files(p):
            if side not in outputs and side.exists():
                outputs[side] = b""
    read_from = _files_read(okr_file)
    for target in outputs:
        if target.resolve() in read_from:
            raise OKRDataError(
                f"{target}: refusing to write over a file the OKRs were read from; "
                "choose another name"
            )
        if target.exists() and not overwrite:
            raise OKRDataError(
                f"{target}: already exists; choose another name or pass overwrite=True"
            )
    _reads_back(outputs, p)
    write_all_atomic(outputs)
    return p


def _files_read(okr_file: OKRFile) -> set[Path]:
    """The files ``okr_file`` was read from: its own, and a CSV's side files beside it."""
    if not okr_file.path:
        return set()
    source = Path(okr_file.path)
    files = {source}
    if source.suffix.lower() == ".csv":
        files.update(side_files(source))
    return {f.resolve() for f in files}


_REQUIRED = {"okrs": ("objective_id", "kr_id", "statement")}
#: Characters no OKR file can hold: lone surrogates (no UTF-8 for them), NUL; and,
#: for a workbook, the control characters XML 1.0 forbids.
_NEVER = re.compile("[\x00\ud800-\udfff]")
_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def _check_frames(okr_file: object, xml: bool = False) -> None:
    """What is to be written is an OKRFile whose frames a file can hold, or say why not."""
    if not isinstance(okr_file, OKRFile):
        got = type(okr_file).__name__
        hint = (
            "; wrap a key-results table as OKRFile(path='', okrs=frame)"
            if isinstance(okr_file, pd.DataFrame)
            else ""
        )
        raise TypeError(
            f"write_okr_file needs an OKRFile (what read_okr_file returns), got {got}{hint}"
        )
    problems: list[str] = []
    frames = {
        "okrs": okr_file.okrs,
        "objectives": okr_file.objectives,
        "kpis": okr_file.kpis,
        "checkins": okr_file.checkins,
    }
    for name, frame in frames.items():
        if frame is None:
            continue
        if not isinstance(frame, pd.DataFrame):
            raise TypeError(f"OKRFile.{name} must be a DataFrame, got {type(frame).__name__}")
        for column in _REQUIRED.get(name, ()):
            if column not in frame.columns:
                problems.append(f"{name} has no column {column!r}")
        for column in frame.columns:
            if frame[column].dtype != object and str(frame[column].dtype) not in ("str", "string"):
                continue
            never = _NOT_IN_XML if xml else _NEVER
            for i, value in enumerate(frame[column]):
                bad = never.search(value) if isinstance(value, str) else None
                if bad is not None:
                    problems.append(
                        f"{name} row {i}{_kr_of(frame, i)} column {column!r}: the text "
                        f"{value[:40]!r} holds {_char(bad.group())}, which "
                        f"{'a workbook cannot' if xml else 'no file can'} hold; remove it"
                    )
    okrs = okr_file.okrs
    if "statement" in okrs.columns:
        for i, row in enumerate(okrs.to_dict("records")):
            statement = row.get("statement")
            if not isinstance(statement, str) or not statement.strip():
                problems.append(
                    f"okrs row {i}{_kr_of(okrs, i)}: statement is missing; "
                    "every key result needs one (the key result as a sentence)"
                )
            weight = _clean(row.get("weight"))
            if weight is not None and (
                not isinstance(weight, int | float) or not math.isfinite(weight) or weight < 0
            ):
                problems.append(
                    f"okrs row {i}{_kr_of(okrs, i)}: weight {weight!r} is not a number of 0 or more"
                )
    if problems:
        raise OKRDataError(
            "cannot write these OKRs, "
            + ("; ".join(problems[:20]))
            + (f"; and {len(problems) - 20:,} more" if len(problems) > 20 else "")
        )


def _kr_of(frame: pd.DataFrame, i: int) -> str:
    if "kr_id" in frame.columns:
        return f" (kr_id {_clean(frame['kr_id'].iloc[i])!r})"
    return ""


def _char(c: str) -> str:
    if "\ud800" <= c <= "\udfff":
        return f"a lone surrogate (U+{ord(c):04X})"
    return f"the control character U+{ord(c):04X}"


def _reads_back(outputs: dict[Path, bytes], p: Path) -> None:
    """Refuse to write what the reader would refuse: read it back from a scratch folder."""
    import tempfile

    from okr_toolkit.io.reading import read_okr_file

    with tempfile.TemporaryDirectory(prefix="okr-write-check-") as folder:
        scratch = Path(folder)
        for target, data in outputs.items():
            if data:
                (scratch / target.name).write_bytes(data)
        try:
            read_okr_file(scratch / p.name)
        except OKRFileError as err:
            lines = [
                f"{_as_written(x, scratch, outputs)}: {x.message}; {x.fix}" for x in err.problems
            ]
            raise OKRDataError(
                f"{p}: not written, because it would not read back "
                f"({err.total:,} problem{'s' if err.total != 1 else ''}); fix the OKRs first:\n  "
                + "\n  ".join(lines)
            ) from None


def _as_written(problem: FileProblem, scratch: Path, outputs: dict[Path, bytes]) -> str:
    """A read-back problem's place, in the file as it would have been written."""
    where = problem.location
    for target in outputs:
        where = where.replace(str(scratch / target.name), str(target))
    return where


def _clean(value: Any) -> Any:
    """A frame value as plain Python: None for missing, int for whole floats."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _objectives_of(okr_file: OKRFile) -> pd.DataFrame:
    if okr_file.objectives is not None:
        return okr_file.objectives
    cols = [c for c in OBJECTIVE_COLUMNS if c in okr_file.okrs.columns]
    return (
        okr_file.okrs[cols].drop_duplicates("objective_id").reindex(columns=list(OBJECTIVE_COLUMNS))
    )


def _latest(okr_file: OKRFile) -> dict[str, float]:
    c = okr_file.checkins
    if c is None or len(c) == 0:
        return {}
    return (
        c.sort_values(["kr_id", "date"], kind="stable").groupby("kr_id")["value"].last().to_dict()
    )


def _kr_current(kr: Mapping[Hashable, Any], latest: dict[str, float]) -> Any:
    current = _clean(kr.get("current"))
    if (
        current is not None
        and kr["kr_id"] in latest
        and float(current) == float(latest[kr["kr_id"]])
    ):
        return None  # implied by the latest check-in
    return current


def _yaml_bytes(okr_file: OKRFile, p: Path) -> dict[Path, bytes]:
    import yaml

    okrs = okr_file.okrs
    objectives = _objectives_of(okr_file)
    cycles = {_clean(c) for c in objectives["cycle"]} if "cycle" in objectives else {None}
    top_cycle = cycles.pop() if len(cycles) == 1 else None
    pays = {_clean(v) for v in okrs["pay_linked"]} if "pay_linked" in okrs else {None}
    top_pay = pays.pop() if len(pays) == 1 else None
    latest = _latest(okr_file)
    checkins = okr_file.checkins
    doc: dict[str, Any] = {"version": FORMAT_VERSION}
    if okr_file.company:
        doc["company"] = okr_file.company
    if top_cycle is not None:
        doc["cycle"] = top_cycle
    if top_pay is not None:
        doc["pay_linked"] = top_pay
    doc["objectives"] = []
    # Group once: filtering the frames per objective and per KR would be quadratic.
    krs_of: dict[Any, list[dict[Hashable, Any]]] = {}
    for kr in okrs.to_dict("records"):
        krs_of.setdefault(kr["objective_id"], []).append(kr)
    checkins_of: dict[Any, list[dict[Hashable, Any]]] = {}
    for row in [] if checkins is None else checkins.to_dict("records"):
        checkins_of.setdefault(row["kr_id"], []).append(row)
    for o in objectives.to_dict("records"):
        obj: dict[str, Any] = {"id": _clean(o["objective_id"]), "title": _clean(o["objective"])}
        for col, name in (
            ("objective_owner", "owner"),
            ("team", "team"),
            ("level", "level"),
            ("parent_id", "parent"),
        ):
            if col in o and _clean(o[col]) is not None:
                obj[name] = _clean(o[col])
        if top_cycle is None and _clean(o.get("cycle")) is not None:
            obj["cycle"] = _clean(o["cycle"])
        krs = []
        for kr in krs_of.get(o["objective_id"], []):
            item: dict[str, Any] = {"id": _clean(kr["kr_id"]), "statement": _clean(kr["statement"])}
            for col in KR_COLUMNS[2:]:
                if col not in kr:
                    continue
                value = _kr_current(kr, latest) if col == "current" else _clean(kr[col])
                if (col == "pay_linked" and top_pay is not None) or (
                    col == "weight" and value == 1
                ):
                    continue  # implied by the top of the file / the default weight
                if value is not None:
                    item[col] = value
            rows = checkins_of.get(kr["kr_id"], [])
            if rows:
                item["checkins"] = [
                    {k: _clean(r[k]) for k in CHECKIN_COLUMNS[1:] if _clean(r[k]) is not None}
                    for r in rows
                ]
            krs.append(item)
        obj["key_results"] = krs
        doc["objectives"].append(obj)
    if okr_file.kpis is not None:
        doc["kpis"] = [
            {
                ("name" if k == "kpi" else k): _clean(r[k])
                for k in KPI_COLUMNS
                if k in r and _clean(r[k]) is not None
            }
            for r in okr_file.kpis.to_dict("records")
        ]
    head = f"# OKR file, format version {FORMAT_VERSION}: `okr file-format` describes every field\n"
    body = yaml.dump(doc, Dumper=_dumper(), sort_keys=False, allow_unicode=True, width=100)
    return {p: (head + body).encode("utf-8")}


def _dumper() -> type:
    """A safe YAML dumper that indents list items under their key, like the documented files.

    (libyaml's faster emitter cannot indent them; files people edit by hand are
    worth the extra second per few thousand key results.)
    """
    import yaml

    class IndentedDumper(yaml.SafeDumper):
        def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
            super().increase_indent(flow, False)

    return IndentedDumper


def _neutralise(value: Any) -> Any:
    """Text a spreadsheet could run as a formula, with a ``'`` before it (the readers drop it)."""
    if isinstance(value, str) and formula_like(value):
        return "'" + value
    return value


def _table_rows(
    frame: pd.DataFrame | None, columns: tuple[str, ...], latest: dict[str, float] | None = None
) -> tuple[list[str], list[list[Any]]]:
    """Every documented column, in order, so that an exported file doubles as a template."""
    records = [] if frame is None else frame.to_dict("records")
    rows = [
        [
            _neutralise(
                _kr_current(r, latest)
                if (c == "current" and latest is not None)
                else _clean(r.get(c))
            )
            for c in columns
        ]
        for r in records
    ]
    return list(columns), rows


def _csv_text(header: list[str], rows: list[list[Any]]) -> bytes:
    buffer = _io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        cells = ["" if v is None else _csv_value(v) for v in row]
        if any("\r" in c for c in cells):
            # The csv module quotes only the characters of its line ending (\n), so a
            # carriage return would be left bare, and a reader would start a row there.
            buffer.write(",".join(_quoted(c) for c in cells) + "\n")
        else:
            writer.writerow(cells)
    return buffer.getvalue().encode("utf-8")


def _quoted(cell: str) -> str:
    """One CSV cell as csv.writer writes it, with a carriage return quoted too."""
    if any(ch in cell for ch in ',"\r\n'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def _csv_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        text = repr(value)
        # 1.375 could be 1375 with a dot grouping thousands (the reader refuses it in a file
        # with no other decimal point); 1.3750 is the same number and reads one way only.
        return text + "0" if _DOT3.fullmatch(text) else text
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _csv_bytes(okr_file: OKRFile, p: Path) -> dict[Path, bytes]:
    latest = _latest(okr_file)
    okrs = okr_file.okrs
    parts = []
    for _, o in _objectives_of(okr_file).iterrows():
        krs = okrs[okrs["objective_id"] == o["objective_id"]]
        # An objective with no key results yet still gets a row, with the KR columns blank.
        parts.append(krs if len(krs) else o.to_frame().T.drop(columns="line", errors="ignore"))
    rows = pd.concat(parts, ignore_index=True) if parts else okrs
    out = {p: _csv_text(*_table_rows(rows, (*OBJECTIVE_COLUMNS, *KR_COLUMNS), latest))}
    kpi_path, checkin_path = side_files(p)
    if okr_file.kpis is not None:
        out[kpi_path] = _csv_text(*_table_rows(okr_file.kpis, KPI_COLUMNS))
    if okr_file.checkins is not None and len(okr_file.checkins):
        out[checkin_path] = _csv_text(*_table_rows(okr_file.checkins, CHECKIN_COLUMNS))
    return out


def _excel_bytes(okr_file: OKRFile, p: Path) -> dict[Path, bytes]:
    import openpyxl
    from openpyxl.utils import get_column_letter

    latest = _latest(okr_file)
    book = openpyxl.Workbook(write_only=True)
    sheets = [
        ("objectives", _table_rows(_objectives_of(okr_file), OBJECTIVE_COLUMNS)),
        ("key_results", _table_rows(okr_file.okrs, ("objective_id", *KR_COLUMNS), latest)),
        ("kpis", _table_rows(okr_file.kpis, KPI_COLUMNS)),
        ("checkins", _table_rows(okr_file.checkins, CHECKIN_COLUMNS)),
    ]
    for title, (header, rows) in sheets:
        if title == "kpis" and okr_file.kpis is None:
            continue
        ws = book.create_sheet(title)
        for i, name in enumerate(header, start=1):
            width = max([len(str(name)), *(len(str(r[i - 1] or "")) for r in rows)])
            ws.column_dimensions[get_column_letter(i)].width = min(60, width + 2)
        ws.freeze_panes = "A2"
        ws.append(header)
        # Text that starts with = is a formula to openpyxl; _neutralise has put a ' before it.
        for row in rows:
            ws.append(row)
    buffer = _io.BytesIO()
    book.save(buffer)
    return {p: buffer.getvalue()}


def okr_file_bytes(okr_file: OKRFile, *, format: str = "yaml") -> bytes:
    """The bytes :func:`write_okr_file` would write, for a stream or a download.

    Parameters
    ----------
    okr_file : OKRFile
        What :func:`read_okr_file` or :func:`read_okr_data` returned.
    format : {"yaml", "csv", "xlsx"}, default "yaml"
        YAML text, the key-results CSV, or an Excel workbook.

    Returns
    -------
    bytes
        One file's content. Reading it back with :func:`read_okr_data` gives
        the same frames (apart from ``line``).

    Raises
    ------
    OKRDataError
        For CSV when there are KPIs or check-ins: a CSV keeps them in side files
        (``NAME.kpis.csv``, ``NAME.checkins.csv``), which one stream cannot
        carry; write to a file, or choose YAML or Excel.
    ValueError
        When ``format`` is not one of ``yaml``, ``csv``, ``xlsx``.

    Examples
    --------
    >>> import okr_toolkit.datasets as ds
    >>> from okr_toolkit.io import read_okr_data, read_okr_file
    >>> sample = read_okr_file(ds.data_path("sample_okrs.yaml"))
    >>> text = okr_file_bytes(sample).decode("utf-8")
    >>> text.startswith("# OKR file, format version 1")
    True
    >>> back = read_okr_data(text, format="yaml", name="<stdin>")
    >>> back.okrs.drop(columns="line").equals(sample.okrs.drop(columns="line"))
    True
    """
    fmt = check_format(format)
    _check_frames(okr_file, xml=fmt == "xlsx")
    name = Path(okr_file.path).stem if okr_file.path else "okrs"
    p = Path(f"{name}.{fmt}")
    writers: dict[str, Callable[[OKRFile, Path], dict[Path, bytes]]] = {
        "yaml": _yaml_bytes,
        "csv": _csv_bytes,
        "xlsx": _excel_bytes,
    }
    outputs = writers[fmt](okr_file, p)
    if fmt == "csv":
        n_kpis = 0 if okr_file.kpis is None else len(okr_file.kpis)
        n_checkins = 0 if okr_file.checkins is None else len(okr_file.checkins)
        if n_kpis or n_checkins:
            raise OKRDataError(
                f"{okr_file.path}: a CSV holds the key results only; its {n_kpis} KPI(s) and "
                f"{n_checkins} check-in(s) go in side files (NAME.kpis.csv, NAME.checkins.csv), "
                "which one stream cannot carry; write to a file, or use yaml or xlsx"
            )
    _reads_back(outputs, p)
    return outputs[p]
