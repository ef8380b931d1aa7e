"""Reading an OKR file, or OKR data in memory, in any of its formats.

:func:`read_okr_file` and :func:`read_okr_data` pick the reader of the format
(:mod:`~okr_toolkit.io.yaml_reader`, :mod:`~okr_toolkit.io.csv_reader`,
:mod:`~okr_toolkit.io.excel_reader`), which makes a
:class:`~okr_toolkit.io.model.Document`, and check it with
:func:`~okr_toolkit.io.build.build`.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.io.build import build
from okr_toolkit.io.csv_reader import csv_document
from okr_toolkit.io.excel_reader import excel_document
from okr_toolkit.io.model import OKRFile, OKRFileError, fail
from okr_toolkit.io.raw import checked, decode, read_bytes
from okr_toolkit.io.yaml_reader import yaml_document

__all__ = ["INPUT_FORMATS", "check_format", "read_okr_data", "read_okr_file"]

#: The formats an OKR file is read from, by name (``format=`` of the readers).
INPUT_FORMATS = ("yaml", "csv", "xlsx")
_FORMAT_OF_SUFFIX = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
}


def read_okr_file(path: str | Path, *, format: str | None = None) -> OKRFile:
    """Read an OKR file (``.yaml``/``.yml``, ``.csv`` or ``.xlsx``) and check it.

    Parameters
    ----------
    path : str or Path
        The file. For CSV, ``NAME.kpis.csv`` and ``NAME.checkins.csv`` beside
        it are read too when they exist.
    format : {"yaml", "csv", "xlsx"}, optional
        How to read the file; default: by its suffix. Give it for a file whose
        name says nothing, such as ``/dev/fd/63`` from ``<(...)`` in a shell.

    Returns
    -------
    OKRFile
        Tidy frames: ``okrs`` (one row per key result), ``kpis``, ``objectives``
        and ``checkins``. A key result's ``current`` is its latest check-in's
        value unless the file gives one.

    Raises
    ------
    OKRFileError
        Listing every problem found, each with file, line or row, column and
        how to fix it. (A subclass of :class:`~okr_toolkit.OKRDataError`.)
    ValueError
        When ``format`` is not one of ``INPUT_FORMATS``.
    TypeError
        When ``path`` is not a path (``None``, a number, bytes, an open stream);
        the message says what to pass. Text that is a file's content rather
        than its name raises :class:`~okr_toolkit.OKRDataError`.

    See Also
    --------
    read_okr_data : the same from text or bytes already in memory (stdin, an upload).

    Examples
    --------
    >>> import okr_toolkit.datasets as ds
    >>> sample = read_okr_file(ds.data_path("sample_okrs.yaml"))
    >>> len(sample.okrs), len(sample.kpis), len(sample.objectives)
    (7, 4, 3)
    >>> first = sample.okrs.iloc[0]
    >>> print(first["kr_id"], "|", first["statement"], "| line", first["line"])
    activation.kr1 | Lift week-1 activation from 42% to 65% | line 9
    """
    p = _path(path)
    name = str(p)
    if format is None:
        suffix = p.suffix.lower()
        if suffix not in _FORMAT_OF_SUFFIX:
            hint = "; save it as .xlsx" if suffix == ".xls" else ""
            fail(
                name,
                f"unknown file type {suffix or '(none)'!r}",
                f"use .yaml, .yml, .csv or .xlsx{hint}",
            )
        format = _FORMAT_OF_SUFFIX[suffix]
    return _read(name, read_bytes(p), check_format(format), p)


def read_okr_data(data: str | bytes, *, format: str = "yaml", name: str = "<data>") -> OKRFile:
    """Read OKRs from text or bytes in memory, checked exactly as a file would be.

    For what arrives without a file: standard input (``okr lint -``), an
    uploaded file's bytes, a string in a test. Every problem is reported as
    :func:`read_okr_file` reports it, at its line or row and column, with
    ``name`` in the place of the file's path.

    Parameters
    ----------
    data : str or bytes
        The content: YAML or CSV text (bytes are decoded as UTF-8), or an Excel
        workbook's bytes.
    format : {"yaml", "csv", "xlsx"}, default "yaml"
        How to read it. A CSV holds the key results only: KPIs and check-ins
        live in side files, which data in memory does not have.
    name : str, default "<data>"
        What messages call the input, such as ``"<stdin>"`` or an upload's name.

    Returns
    -------
    OKRFile
        As from :func:`read_okr_file`; its ``path`` is ``name``.

    Raises
    ------
    OKRFileError
        Listing every problem found (a subclass of :class:`~okr_toolkit.OKRDataError`).
    ValueError
        When ``format`` is not one of ``INPUT_FORMATS``.
    TypeError
        When an Excel workbook is given as text.

    Examples
    --------
    >>> text = (
    ...     "objectives:\\n"
    ...     "  - id: growth\\n"
    ...     "    title: Make the first week count\\n"
    ...     "    key_results:\\n"
    ...     "      - statement: Lift week-1 activation from 42% to 65%\\n"
    ... )
    >>> okrs = read_okr_data(text, name="<stdin>")
    >>> first = okrs.okrs.iloc[0]
    >>> print(okrs.path, first["kr_id"], "line", first["line"])
    <stdin> growth.kr1 line 5
    >>> read_okr_data(text.replace("title", "titel"), name="<stdin>")
    Traceback (most recent call last):
    ...
    okr_toolkit.io.model.OKRFileError: <stdin> line 3 column 5: ...
    """
    fmt = check_format(format)
    if isinstance(data, str):
        if fmt == "xlsx":
            raise TypeError("an Excel workbook is bytes, not text; pass the file's bytes")
        raw = data.encode("utf-8")
    elif isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
    elif hasattr(data, "read"):
        raise TypeError(
            f"`data` must be str or bytes, got a stream ({type(data).__name__}); "
            "pass its content: read_okr_data(stream.read(), format=...)"
        )
    else:
        raise TypeError(
            f"`data` must be str or bytes, got {type(data).__name__}; "
            "for a file on disk use read_okr_file(path)"
        )
    try:
        return _read(name, checked(name, raw, "input"), fmt, None)
    except OKRFileError as err:
        # ``name`` has no suffix to tell rows (CSV, Excel) from lines (YAML): say which.
        tabular = fmt != "yaml"
        raise OKRFileError(
            [replace(p, tabular=tabular) for p in err.problems], total=err.total
        ) from None


def _path(path: object) -> Path:
    """``path`` as a Path, or a TypeError / OKRDataError that says what to pass instead."""
    if isinstance(path, str) and ("\n" in path or len(path) > 4096):
        head = path.strip().splitlines()[0][:40] if path.strip() else ""
        raise OKRDataError(
            f"read_okr_file got the text of a file ({head!r}...), not a path; "
            "read text in memory with read_okr_data(text, format='yaml') (or 'csv')"
        )
    if isinstance(path, str | os.PathLike):
        return Path(path)
    got = type(path).__name__
    if isinstance(path, bytes | bytearray | memoryview):
        hint = (
            "for a file's content in memory use read_okr_data(data, format=...); "
            "for a path pass a str or pathlib.Path"
        )
    elif hasattr(path, "read"):
        hint = "pass the file's path, or its content: read_okr_data(stream.read(), format=...)"
    else:
        hint = "pass the path of an OKR file as a str or pathlib.Path"
    raise TypeError(f"read_okr_file needs a path, got {got}; {hint}")


def check_format(format: object) -> str:
    fmt = format.lower() if isinstance(format, str) else format
    if fmt == "yml":
        fmt = "yaml"
    if fmt not in INPUT_FORMATS:
        raise ValueError(f"`format` must be one of {', '.join(INPUT_FORMATS)}, got {format!r}")
    return str(fmt)


def _read(name: str, raw: bytes, fmt: str, path: Path | None) -> OKRFile:
    """Parse, check and build; ``path`` is where CSV side files are looked for (None: none)."""
    if fmt != "xlsx":
        _not_text(name, raw, fmt)
    if fmt == "yaml":
        doc = yaml_document(name, decode(name, raw))
    elif fmt == "csv":
        doc = csv_document(name, decode(name, raw), path)
    else:
        doc = excel_document(name, raw)
    return build(doc)


def _not_text(name: str, raw: bytes, fmt: str) -> None:
    """A workbook or a compressed file where text belongs, named for what it is."""
    if raw.startswith(b"PK\x03\x04"):
        fail(
            name,
            f"the file is a zip archive (an Excel workbook?), not {fmt.upper()} text",
            "name a workbook .xlsx (or read it as xlsx), or save the sheet as CSV UTF-8",
        )
    if raw.startswith(b"\x1f\x8b"):
        fail(name, "the file is compressed (gzip), not text", "unpack it first (gunzip)")
