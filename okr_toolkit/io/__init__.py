"""OKR files in and out: YAML, CSV and Excel, in the documented format (version 1).

The format is described in ``docs/okr-file-format.md`` and published as a JSON
Schema, ``okr_toolkit/okr_file.schema.json``. In short, a YAML file reads::

    version: 1
    cycle: 2026Q3
    objectives:
      - id: activation
        title: Make the first week so valuable customers can't imagine going back
        key_results:
          - id: activation.kr1
            statement: Lift week-1 activation from 42% to 65%
            kpi: activation_rate
            baseline: 42
            target: 65
            checkins:
              - {date: 2026-07-06, value: 42.7, confidence: 5}
    kpis:
      - {name: activation_rate, threshold: 50, value: 42}

A CSV file holds one row per key result (KPIs and check-ins go in
``NAME.kpis.csv`` and ``NAME.checkins.csv`` beside it); an Excel workbook has the
sheets ``objectives``, ``key_results``, ``kpis`` and ``checkins``.

Reading checks everything and reports *every* problem at once
(:class:`OKRFileError`), each with its file, line (YAML) or row (tables),
column and a fix. YAML is parsed safely: no object construction, and anchors
and aliases are refused. Input files are never written to; every write goes to
a temporary file first and replaces the target in one step.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io as _io
import json
import math
from collections.abc import Callable, Hashable, Iterator, Mapping
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

import pandas as pd

from okr_toolkit._atomic import write_all_atomic
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.io.build import build
from okr_toolkit.io.coerce import unknown_field_fix
from okr_toolkit.io.fields import (
    CHECKIN_FIELDS,
    ENUMS,
    FORMAT_VERSION,
    KPI_FIELDS,
    KR_FIELDS,
    OBJECTIVE_FIELDS,
    TOP_FIELDS,
)
from okr_toolkit.io.model import (
    Cell,
    Document,
    FileProblem,
    OKRFile,
    OKRFileError,
    Problems,
    Record,
)
from okr_toolkit.vocab import (
    CHECKIN_COLUMNS,
    KNOWN_UNITS,
    KPI_COLUMNS,
    KR_COLUMNS,
    OBJECTIVE_COLUMNS,
)

__all__ = [
    "CHECKIN_FIELDS",
    "FORMAT_VERSION",
    "INPUT_FORMATS",
    "KPI_FIELDS",
    "KR_FIELDS",
    "MAX_FILE_BYTES",
    "OBJECTIVE_FIELDS",
    "TOP_FIELDS",
    "FileProblem",
    "OKRFile",
    "OKRFileError",
    "json_schema",
    "okr_file_bytes",
    "read_okr_data",
    "read_okr_file",
    "schema_path",
    "side_files",
    "write_okr_file",
]

#: Files larger than this are refused before parsing (20 MB: thousands of OKRs).
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Text a spreadsheet would run as a formula if a cell started with it.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_YAML_SUFFIXES = (".yaml", ".yml")
_EXCEL_SUFFIXES = (".xlsx", ".xlsm")
#: The formats an OKR file is read from, by name (``format=`` of the readers).
INPUT_FORMATS = ("yaml", "csv", "xlsx")
_FORMAT_OF_SUFFIX = {
    ".yaml": "yaml",
    ".yml": "yaml",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
}
#: Deeper nesting than any OKR file needs; refused before Python's recursion limit.
_MAX_YAML_DEPTH = 50
_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{t}"
    for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}


# --------------------------------------------------------------------------- reading


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
    p = Path(path)
    name = str(p)
    if format is None:
        suffix = p.suffix.lower()
        if suffix not in _FORMAT_OF_SUFFIX:
            hint = "; save it as .xlsx" if suffix == ".xls" else ""
            _fail(
                name,
                f"unknown file type {suffix or '(none)'!r}",
                f"use .yaml, .yml, .csv or .xlsx{hint}",
            )
        format = _FORMAT_OF_SUFFIX[suffix]
    return _read(name, _read_bytes(p), _check_format(format), p)


def read_okr_data(data: str | bytes, format: str = "yaml", *, name: str = "<data>") -> OKRFile:
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
    fmt = _check_format(format)
    if isinstance(data, str):
        if fmt == "xlsx":
            raise TypeError("an Excel workbook is bytes, not text; pass the file's bytes")
        raw = data.encode("utf-8")
    elif isinstance(data, bytes | bytearray | memoryview):
        raw = bytes(data)
    else:
        raise TypeError(f"`data` must be str or bytes, got {type(data).__name__}")
    try:
        return _read(name, _checked(name, raw, "input"), fmt, None)
    except OKRFileError as err:
        # ``name`` has no suffix to tell rows (CSV, Excel) from lines (YAML): say which.
        tabular = fmt != "yaml"
        raise OKRFileError([replace(p, tabular=tabular) for p in err.problems]) from None


def _check_format(format: object) -> str:
    fmt = format.lower() if isinstance(format, str) else format
    if fmt == "yml":
        fmt = "yaml"
    if fmt not in INPUT_FORMATS:
        raise ValueError(f"`format` must be one of {', '.join(INPUT_FORMATS)}, got {format!r}")
    return str(fmt)


def _read(name: str, raw: bytes, fmt: str, path: Path | None) -> OKRFile:
    """Parse, check and build; ``path`` is where CSV side files are looked for (None: none)."""
    if fmt == "yaml":
        doc = _yaml_document(name, _decode(name, raw))
    elif fmt == "csv":
        doc = _csv_document(name, _decode(name, raw), path)
    else:
        doc = _excel_document(name, raw)
    return build(doc)


def _fail(path: str, message: str, fix: str = "", line: int | None = None) -> NoReturn:
    raise OKRFileError([FileProblem(path, message, fix, line)])


def _too_big(name: str, size: int, what: str) -> None:
    _fail(
        name,
        f"the {what} is {size / 1024 / 1024:.1f} MB; the limit is "
        f"{MAX_FILE_BYTES // 1024 // 1024} MB",
        "split it into one file per team or quarter",
    )


def _read_bytes(p: Path) -> bytes:
    name = str(p)
    try:
        size = p.stat().st_size
        if p.is_dir():
            _fail(name, "is a directory, not a file", "give the path of an OKR file")
        if size > MAX_FILE_BYTES:
            _too_big(name, size, "file")
        # At most one byte past the limit: a pipe (/dev/fd/63) has no size to stat.
        with p.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        _fail(name, "no such file", "check the path (okr new FILE writes a starter)")
    except OSError as err:
        _fail(name, f"cannot be read ({err.strerror or err})")
    return _checked(name, raw, "file")


def _checked(name: str, raw: bytes, what: str) -> bytes:
    """``raw`` unless it is over the size limit or holds nothing but white space."""
    if len(raw) > MAX_FILE_BYTES:
        _fail(
            name,
            f"the {what} is more than {MAX_FILE_BYTES // 1024 // 1024} MB, the limit",
            "split it into one file per team or quarter",
        )
    if not raw.strip():
        _fail(name, f"the {what} is empty", "start from the file `okr new FILE` writes")
    return raw


def _decode(name: str, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        _fail(name, "the file is not UTF-8 text", "save it as UTF-8", line)
    raise AssertionError  # pragma: no cover


# ----- YAML


def _yaml_bases() -> tuple[type, ...]:
    """The classes of the YAML loader: libyaml's C parser under PyYAML's Python composer.

    The composer must be Python, to refuse aliases, tags and deep nesting as it
    goes; the parser (the scanning of characters, most of the time) may be C,
    which makes reading about four times faster. Without libyaml, all Python.
    """
    import yaml
    from yaml.composer import Composer
    from yaml.constructor import SafeConstructor
    from yaml.resolver import Resolver

    try:
        from yaml._yaml import CParser
    except ImportError:  # PyYAML built without libyaml
        return (yaml.SafeLoader,)

    class FastBase(Composer, SafeConstructor, Resolver, CParser):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

    return (FastBase,)


@functools.cache
def _checking_loader(fast: bool = True) -> type:
    """The YAML loader class, built once: safe, and refusing aliases, tags and deep nesting.

    ``fast=False`` gives the same checks over PyYAML's pure-Python parser, used to
    locate a nesting problem that libyaml refused on its own terms (see
    :func:`_compose`).
    """
    import yaml

    bases = _yaml_bases() if fast else (yaml.SafeLoader,)

    class Loader(*bases):  # type: ignore[misc]
        depth = 0

        # Aliases can expand a small file into an enormous one ("billion laughs"),
        # and OKR files have no use for them: refuse them as they are parsed.
        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                mark = self.peek_event().start_mark
                raise yaml.MarkedYAMLError(
                    problem="anchors and aliases (*name) are not supported", problem_mark=mark
                )
            if self.depth >= _MAX_YAML_DEPTH:
                raise yaml.MarkedYAMLError(
                    problem=f"nested more than {_MAX_YAML_DEPTH} levels deep",
                    problem_mark=self.peek_event().start_mark,
                )
            self.depth += 1
            try:
                node = super().compose_node(parent, index)
            finally:
                self.depth -= 1
            if node.tag not in _PLAIN_TAGS:
                raise yaml.MarkedYAMLError(
                    problem=f"the tag {node.tag.replace('tag:yaml.org,2002:', '!!')} is not "
                    "allowed (OKR files hold plain values only)",
                    problem_mark=node.start_mark,
                )
            return node

    return Loader


def _compose(text: str) -> Any:
    """Parse ``text`` into YAML nodes with the checking loader.

    libyaml (from 0.2.6, bundled with PyYAML 6.0.4) refuses flow nesting beyond
    its own limit while scanning ahead, at a place and in words that vary by
    version. Nesting that deep is always past ours, so on that refusal the text
    is read again by the pure-Python parser, whose composer stops at level
    ``_MAX_YAML_DEPTH`` where that level opens: the same problem, at the same
    place, whichever libyaml is installed.
    """
    import yaml

    try:
        return yaml.compose(text, Loader=_checking_loader())
    except yaml.MarkedYAMLError as err:
        if "nesting depth" not in (err.problem or ""):
            raise
        try:
            return yaml.compose(text, Loader=_checking_loader(fast=False))
        except yaml.MarkedYAMLError as located:
            raise located from None
        # Unreachable in practice (1000 levels is past 50); if it ever happens,
        # the refusal still says what the project says, at libyaml's mark.
        raise yaml.MarkedYAMLError(
            problem=f"nested more than {_MAX_YAML_DEPTH} levels deep",
            problem_mark=err.problem_mark,
        ) from None


def _yaml_document(name: str, text: str) -> Document:
    import yaml

    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = err.problem or err.context or "not valid YAML"
        fix = (
            "write the values out in full"
            if "alias" in problem
            else "remove the tag and write a plain value"
            if "tag" in problem
            else "split the file, or nest less deeply"
            if "nested" in problem
            else "check the indentation and quoting around this line"
        )
        if problem == "but found another document":
            problem = "the file holds more than one YAML document (a second '---')"
            fix = "keep one document per file: remove the '---' line and what follows it"
        elif err.context and err.context_mark and err.problem_mark:
            problem += (
                f" ({err.context} that starts on line {err.context_mark.line + 1} "
                f"column {err.context_mark.column + 1})"
            )
        raise OKRFileError(
            [
                FileProblem(
                    name,
                    f"not valid YAML: {problem}",
                    fix,
                    mark.line + 1 if mark else None,
                    mark.column + 1 if mark else None,
                )
            ]
        ) from None
    except yaml.reader.ReaderError as err:
        before = text[: err.position]
        raise OKRFileError(
            [
                FileProblem(
                    name,
                    f"the character {chr(err.character)!r} is not allowed in a YAML file",
                    "remove it (it often comes from copying out of a binary file or a PDF)",
                    before.count("\n") + 1,
                    len(before) - before.rfind("\n"),
                )
            ]
        ) from None
    except yaml.YAMLError as err:
        _fail(name, f"not valid YAML: {str(err).splitlines()[0]}")
    doc = Document(name)
    problems = Problems(name)
    if root is None:
        _fail(name, "the file has no content, only comments", "add objectives (see okr new)")
    reader = _YamlReader(problems)
    top = reader.mapping(root, TOP_FIELDS, "the file", "the top of the file")
    if top is not None:
        doc.top = {
            k: reader.cell(v, k, "the file")
            for k, (_, v) in top.items()
            if k not in ("objectives", "kpis")
        }
        if "objectives" not in top:
            problems.at(
                reader.where(root),
                "the file has no 'objectives' list",
                "add objectives: with at least one objective",
            )
        n_before = len(problems.items)
        objective_nodes = reader.sequence(top, "objectives", "the file")
        if "objectives" in top and not objective_nodes and len(problems.items) == n_before:
            problems.at(
                reader.where(top["objectives"][1]),
                "the objectives list is empty",
                "add at least one objective (okr new writes a starter)",
            )
        for i, node in enumerate(objective_nodes):
            reader.objective(doc, node, i)
        if "kpis" in top:
            doc.kpis = []
            for node in reader.sequence(top, "kpis", "the file"):
                fields = reader.mapping(node, KPI_FIELDS, "each KPI", "a KPI")
                if fields is not None:
                    doc.kpis.append(reader.record(node, fields, "KPI"))
    if problems.items:
        # Structural problems first; the value checks would only repeat them.
        problems.raise_if_any()
    return doc


class _YamlReader:
    def __init__(self, problems: Problems) -> None:
        import yaml

        self.yaml = yaml
        self.p = problems
        self.constructor = yaml.constructor.SafeConstructor()

    @staticmethod
    def where(node: Any) -> Cell:
        return Cell(None, node.start_mark.line + 1, node.start_mark.column + 1)

    def mapping(
        self, node: Any, known: dict[str, str], plural: str, what: str
    ) -> dict[str, tuple[Any, Any]] | None:
        if not isinstance(node, self.yaml.MappingNode):
            self.p.at(
                self.where(node),
                f"expected {what} as 'field: value' lines, got {self._kind(node)}",
                "check the indentation: fields of one item line up under each other",
            )
            return None
        out: dict[str, tuple[Any, Any]] = {}
        for key, value in node.value:
            if not isinstance(key, self.yaml.ScalarNode):
                self.p.at(self.where(key), "a field name must be plain text", "write name: value")
                continue
            name = str(key.value)
            if name in out:
                first = out[name][0].start_mark.line + 1
                self.p.at(
                    self.where(key),
                    f"field '{name}' is given twice (first on line {first})",
                    "keep one of them",
                )
                continue
            if name not in known:
                self.p.at(
                    self.where(key),
                    f"unknown field '{name}' in {what}",
                    unknown_field_fix(name, known),
                )
                continue
            out[name] = (key, value)
        return out

    def _kind(self, node: Any) -> str:
        if isinstance(node, self.yaml.SequenceNode):
            return "a list"
        if isinstance(node, self.yaml.MappingNode):
            return "a mapping"
        value = self.scalar(node)
        return "nothing" if value is None else f"the value {str(value)[:40]!r}"

    def scalar(self, node: Any) -> Any:
        try:
            return self.constructor.construct_object(node, deep=True)
        except (self.yaml.YAMLError, ValueError, TypeError, OverflowError):
            return str(node.value)

    def cell(self, node: Any, name: str, what: str) -> Cell:
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        if not isinstance(node, self.yaml.ScalarNode):
            self.p.at(
                Cell(None, line, column),
                f"{what}: {name} must be a single value, got {self._kind(node)}",
                "write it on one line after the colon",
            )
            return Cell(None, line, column)
        return Cell(self.scalar(node), line, column)

    def sequence(self, fields: dict[str, tuple[Any, Any]], name: str, what: str) -> list[Any]:
        if name not in fields:
            return []
        node = fields[name][1]
        if isinstance(node, self.yaml.ScalarNode) and self.scalar(node) is None:
            return []
        if not isinstance(node, self.yaml.SequenceNode):
            self.p.at(
                self.where(node),
                f"{what}: {name} must be a list (items starting with '- '), got {self._kind(node)}",
                f"write each item of {name} on its own line starting with '- '",
            )
            return []
        return list(node.value)

    def record(self, node: Any, fields: dict[str, tuple[Any, Any]], what: str, **kw: Any) -> Record:
        cells = {
            k: self.cell(v, k, what)
            for k, (_, v) in fields.items()
            if k not in ("key_results", "checkins")
        }
        here = self.where(node)
        return Record(cells, here.line, here.column, **kw)

    def objective(self, doc: Document, node: Any, i: int) -> None:
        fields = self.mapping(node, OBJECTIVE_FIELDS, "each objective", "an objective")
        if fields is None:
            return
        rec = self.record(node, fields, "objective", index=i)
        doc.objectives.append(rec)
        obj_id = _id_text(rec.fields["id"].value) if "id" in rec.fields else None
        for j, kr_node in enumerate(self.sequence(fields, "key_results", "objective")):
            kr_fields = self.mapping(kr_node, KR_FIELDS, "each key result", "a key result")
            if kr_fields is None:
                continue
            kr = self.record(kr_node, kr_fields, "key result", owner=obj_id, index=j)
            doc.krs.append(kr)
            kr_id = _id_text(kr.fields["id"].value) if "id" in kr.fields else None
            if kr_id is None and obj_id is not None:
                kr_id = f"{obj_id}.kr{j + 1}"
            for c_node in self.sequence(kr_fields, "checkins", "key result"):
                c_fields = self.mapping(c_node, CHECKIN_FIELDS, "each check-in", "a check-in")
                if c_fields is not None:
                    doc.checkins.append(self.record(c_node, c_fields, "check-in", owner=kr_id))


def _id_text(value: Any) -> str | None:
    if value is None or isinstance(value, bool | list | dict):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


# ----- CSV and Excel

# Table column -> (record kind, field name in the format).
_OBJ_COLUMN_FIELDS = {
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


def _unquote(value: Any) -> Any:
    """Undo the formula neutralising of :func:`_neutralise`."""
    if isinstance(value, str) and len(value) > 1 and value[0] == "'" and value[1] in "=+-@\t\r":
        return value[1:]
    return value


class _Table:
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
        width = len(self.columns)
        for number, values in self.rows:
            if all(_empty(v) for v in values):
                continue
            if len(values) > width and any(not _empty(v) for v in values[width:]):
                self.p.at(
                    Cell(None, number, None, self.sheet, file=self.file),
                    f"row {number} has {len(values)} cells but the header has {width} columns",
                    "remove the extra cells or quote text that contains commas",
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
                cells[name] = Cell(value, number, name, sheet, is_text, file)
            yield number, cells


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _fields(cells: dict[str, Cell], mapping: dict[str, str]) -> dict[str, Cell]:
    return {
        field: cells[col]
        for col, field in mapping.items()
        if col in cells and not _empty(cells[col].value)
    }


def _krs_from_table(
    doc: Document, table: _Table, with_objectives: bool, objectives: dict[str, Record]
) -> None:
    what = "the key results" if table.sheet else "an OKR CSV"
    known = {
        **(_OBJ_COLUMN_FIELDS if with_objectives else {"objective_id": "id"}),
        **_KR_COLUMN_FIELDS,
    }
    required = ("objective_id", "statement")
    table.check_columns(known, required, what)
    if any(c not in table.columns for c in required):
        return
    counts: dict[str, int] = {}
    for number, cells in table.records():
        obj_cell = cells["objective_id"]
        obj_id = _id_text(obj_cell.value)
        if obj_id is None:
            table.p.at(
                obj_cell,
                f"row {number}: objective_id is empty",
                "write the id of the objective this key result belongs to",
            )
            continue
        if with_objectives:
            fields = _fields(cells, _OBJ_COLUMN_FIELDS)
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
        kr_fields = _fields(cells, _KR_COLUMN_FIELDS)
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


def _kpis_from_table(table: _Table) -> list[Record]:
    table.check_columns(_KPI_COLUMN_FIELDS, ("kpi", "threshold"), "the KPIs")
    return [
        Record(_fields(cells, _KPI_COLUMN_FIELDS), number, None, table.sheet, file=table.file)
        for number, cells in table.records()
    ]


def _checkins_from_table(table: _Table) -> list[Record]:
    table.check_columns(
        {"kr_id": "kr_id", **_CHECKIN_COLUMN_FIELDS}, ("kr_id", "date", "value"), "the check-ins"
    )
    out: list[Record] = []
    if "kr_id" not in table.columns:
        return out
    for number, cells in table.records():
        kr_cell = cells["kr_id"]
        kr_id = _id_text(kr_cell.value)
        if kr_id is None:
            table.p.at(
                kr_cell,
                f"row {number}: kr_id is empty",
                "write the id of the key result checked in",
            )
            continue
        out.append(
            Record(
                _fields(cells, _CHECKIN_COLUMN_FIELDS),
                number,
                None,
                table.sheet,
                owner=kr_id,
                owner_cell=kr_cell,
                file=table.file,
            )
        )
    return out


def _csv_rows(name: str, text: str, p: Problems) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    if "\x00" in text:
        _fail(
            name,
            "the file holds binary data (NUL bytes), not CSV text",
            "export the sheet as CSV (UTF-8)",
        )
    rows: list[list[str]] = []
    try:
        rows.extend(csv.reader(_io.StringIO(text, newline=""), strict=True))
    except csv.Error as err:
        _fail(
            name,
            f"not a readable CSV ({err})",
            "check the quoting of text that contains quotes or commas",
            len(rows) + 1,
        )
    if not rows:
        _fail(name, "the file is empty", "the first row names the columns")
    return rows[0], [(i + 2, r) for i, r in enumerate(rows[1:])]


def side_files(path: str | Path) -> tuple[Path, Path]:
    """The KPI and check-in files beside an OKR CSV: ``NAME.kpis.csv``, ``NAME.checkins.csv``."""
    p = Path(path)
    return p.with_name(p.stem + ".kpis.csv"), p.with_name(p.stem + ".checkins.csv")


def _csv_document(name: str, text: str, p: Path | None) -> Document:
    doc = Document(name)
    problems = Problems(name)
    header, rows = _csv_rows(name, text, problems)
    _krs_from_table(doc, _Table(name, header, rows, None, name, problems), True, {})
    if p is None:  # from memory: no side files
        problems.raise_if_any()
        return doc
    kpi_path, checkin_path = side_files(p)
    for side, reader in ((kpi_path, _kpis_from_table), (checkin_path, _checkins_from_table)):
        if not side.exists():
            continue
        side_name = str(side)
        side_text = _decode(side_name, _read_bytes(side))
        side_header, side_rows = _csv_rows(side_name, side_text, problems)
        records = reader(_Table(side_name, side_header, side_rows, None, name, problems))
        if side == kpi_path:
            doc.kpis = records
        else:
            doc.checkins = records
    problems.raise_if_any()
    return doc


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


def _excel_document(name: str, raw: bytes) -> Document:
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
        _fail(
            name,
            f"not a readable Excel workbook ({type(err).__name__})",
            "save it from your spreadsheet as .xlsx",
        )
    doc = Document(name)
    problems = Problems(name)
    sheets = {ws.title.strip().lower(): ws for ws in book.worksheets}

    def table(sheet: str) -> _Table | None:
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
            return _Table(name, [], [], ws.title, name, problems)
        return _Table(
            name, rows[0], [(i + 2, r) for i, r in enumerate(rows[1:])], ws.title, name, problems
        )

    kr_table = table("key_results")
    obj_table = table("objectives")
    if kr_table is None or obj_table is None:
        missing = [s for s in ("objectives", "key_results") if s not in sheets]
        _fail(
            name,
            f"the workbook has no sheet named {' or '.join(repr(m) for m in missing)} "
            f"(it has {', '.join(repr(ws.title) for ws in book.worksheets)})",
            "name the sheets objectives, key_results, kpis and checkins (write_okr_file makes one)",
        )
    objectives: dict[str, Record] = {}
    obj_columns = {**_OBJ_COLUMN_FIELDS, "committed": "committed"}  # as documented
    obj_table.check_columns(obj_columns, ("objective_id", "objective"), "the objectives")
    if "objective_id" in obj_table.columns:
        for number, cells in obj_table.records():
            fields = _fields(cells, obj_columns)
            obj_id = _id_text(cells["objective_id"].value)
            rec = Record(fields, number, None, obj_table.sheet, index=len(doc.objectives))
            doc.objectives.append(rec)
            if obj_id is not None:
                objectives.setdefault(obj_id, rec)
    before = len(problems.items)
    _krs_from_table(doc, kr_table, False, objectives)
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
        doc.kpis = _kpis_from_table(kpi_table)
    checkin_table = table("checkins")
    if checkin_table is not None:
        doc.checkins = _checkins_from_table(checkin_table)
    book.close()
    problems.raise_if_any()
    return doc


# --------------------------------------------------------------------------- writing


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

    Notes
    -----
    In CSV and Excel, text that a spreadsheet would run as a formula (starting
    with ``= + - @``, a tab or a carriage return) is written with a leading
    ``'``; :func:`read_okr_file` removes it again.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> import okr_toolkit.datasets as ds
    >>> sample = read_okr_file(ds.data_path("sample_okrs.yaml"))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     out = write_okr_file(sample, Path(folder) / "q3.xlsx")
    ...     back = read_okr_file(out)
    >>> back.okrs.drop(columns="line").equals(sample.okrs.drop(columns="line"))
    True
    """
    p = Path(path)
    suffix = p.suffix.lower()
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
    source = Path(okr_file.path).resolve() if okr_file.path else None
    for target in outputs:
        if source is not None and target.resolve() == source:
            raise OKRDataError(
                f"{target}: refusing to write over the file the OKRs were read from; "
                "choose another name"
            )
        if target.exists() and not overwrite:
            raise OKRDataError(
                f"{target}: already exists; choose another name or pass overwrite=True"
            )
    write_all_atomic(outputs)
    return p


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
    if isinstance(value, str) and value.startswith(_FORMULA_START):
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
        writer.writerow(["" if v is None else _csv_value(v) for v in row])
    return buffer.getvalue().encode("utf-8")


def _csv_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
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


def okr_file_bytes(okr_file: OKRFile, format: str = "yaml") -> bytes:
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
    >>> sample = read_okr_file(ds.data_path("sample_okrs.yaml"))
    >>> text = okr_file_bytes(sample).decode("utf-8")
    >>> text.startswith("# OKR file, format version 1")
    True
    >>> back = read_okr_data(text, "yaml", name="<stdin>")
    >>> back.okrs.drop(columns="line").equals(sample.okrs.drop(columns="line"))
    True
    """
    fmt = _check_format(format)
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
    return outputs[p]


# --------------------------------------------------------------------------- schema


def schema_path() -> Path:
    """Where the published JSON Schema of the OKR file format is."""
    return Path(str(resources.files("okr_toolkit") / "okr_file.schema.json"))


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the YAML/JSON OKR file, built from the format's field lists.

    Examples
    --------
    >>> schema = json_schema()
    >>> schema["required"], sorted(schema["properties"])[:3]
    (['objectives'], ['company', 'cycle', 'kpis'])
    """

    def prop(kind: str, name: str) -> dict[str, Any]:
        if kind == "number":
            out: dict[str, Any] = {"type": "number"}
            if name == "weight":
                out["minimum"] = 0
            if name == "confidence":
                out.update(minimum=0, maximum=10)
            return out
        if kind == "bool":
            return {"type": "boolean"}
        if kind == "date":
            return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
        if kind == "unit":
            return {"enum": list(KNOWN_UNITS)}
        if kind.startswith("enum:"):
            return {"enum": list(ENUMS[kind[5:]])}
        if kind == "version":
            return {"const": FORMAT_VERSION}
        if kind == "id":
            return {"type": ["string", "integer"], "minLength": 1}
        return {"type": "string"}

    def obj(
        fields: dict[str, str], required: list[str], nested: dict[str, Any], title: str
    ) -> dict[str, Any]:
        props = {n: nested[n] if n in nested else prop(k, n) for n, k in fields.items()}
        return {
            "type": "object",
            "title": title,
            "additionalProperties": False,
            "required": required,
            "properties": props,
        }

    checkin = obj(CHECKIN_FIELDS, ["date", "value"], {}, "Check-in")
    kr = obj(
        KR_FIELDS, ["statement"], {"checkins": {"type": "array", "items": checkin}}, "Key result"
    )
    objective = obj(
        OBJECTIVE_FIELDS,
        ["id", "title"],
        {
            "key_results": {"type": "array", "items": kr},
            "parent": {"type": ["string", "integer", "null"]},
        },
        "Objective",
    )
    kpi = obj(KPI_FIELDS, ["name", "threshold"], {}, "KPI")
    top = obj(
        TOP_FIELDS,
        ["objectives"],
        {
            "objectives": {"type": "array", "minItems": 1, "items": objective},
            "kpis": {"type": "array", "items": kpi},
        },
        "OKR file (okr-toolkit format version 1)",
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "okr_file.schema.json",
        "description": (
            "Objectives, key results, check-ins and KPIs for one cycle; "
            "`okr file-format` describes every field"
        ),
        **top,
    }


def _dump_schema() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
