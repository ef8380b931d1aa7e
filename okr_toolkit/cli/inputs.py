"""Reading what an ``okr`` command is given: OKR files and plain CSV tables, from a path
or from standard input (``-``), and the ``--settings`` file. Every failure is an
:class:`~okr_toolkit.cli._common.Unreadable` whose message names the input, which the
command line turns into one ``okr:`` line and exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from okr_toolkit.exceptions import OKRDataError

from ._common import STDIN_NAME, STDIO, Unreadable, first_line, is_terminal

__all__ = [
    "load_settings",
    "okr_problems",
    "one_stdin",
    "read_okr",
    "read_table",
    "stdin_bytes",
    "table_from",
]


def stdin_bytes(what: str, limit: int | None = None) -> bytes:
    """Everything on standard input (at most ``limit`` bytes).

    In a terminal, first says on standard error how to end the input.

    Parameters
    ----------
    what : str
        What is read, for a person: ``"a CSV table"``, ``"OKRs in YAML"`` ...
    limit : int, optional
        Read at most this many bytes; default everything.

    Returns
    -------
    bytes
        What was read (a text stream put in place of stdin is encoded as UTF-8).

    Raises
    ------
    Unreadable
        When there is no standard input, or it cannot be read.
    """
    stream = sys.stdin
    if stream is None:
        raise Unreadable(f"{STDIN_NAME}: there is no standard input to read {what} from")
    if is_terminal(stream):
        print(f"okr: reading {what} from the terminal; end it with Ctrl-D", file=sys.stderr)
    try:
        buffer = getattr(stream, "buffer", None)
        if buffer is None:  # a text stream put in place of stdin (an embedding program)
            text = stream.read() if limit is None else stream.read(limit)
            return text.encode("utf-8")
        return buffer.read() if limit is None else buffer.read(limit)
    except OSError as err:
        raise Unreadable(f"cannot read {STDIN_NAME}: {err.strerror or err}") from err


def one_stdin(parser: argparse.ArgumentParser, **inputs: str | None) -> None:
    """Refuse two inputs that both say ``-``: standard input can be read only once.

    Parameters
    ----------
    parser : argparse.ArgumentParser
        The command's parser, which reports the bad usage (and exits 2).
    **inputs : str or None
        Each input by its name on the command line, ``_`` for ``-``:
        ``FILE=args.file, __kpis=args.kpis``.
    """
    named = [name.replace("_", "-") for name, value in inputs.items() if value == STDIO]
    if len(named) > 1:
        parser.error(
            f"only one input can be read from standard input (-), not {' and '.join(named)}"
        )


def table_from(raw: bytes | str, name: str) -> pd.DataFrame:
    """A CSV table from bytes already read, or from the file at a path.

    Parameters
    ----------
    raw : bytes or str
        The CSV's bytes, or the path of the file.
    name : str
        The input as messages name it.

    Returns
    -------
    pandas.DataFrame
        The table as :func:`pandas.read_csv` reads it.

    Raises
    ------
    Unreadable
        When the file is missing or a folder, or is not CSV.
    """
    import io as _io

    try:
        return pd.read_csv(_io.BytesIO(raw) if isinstance(raw, bytes) else raw)
    except FileNotFoundError as err:
        raise Unreadable(f"cannot read {name}: no such file") from err
    except IsADirectoryError as err:
        raise Unreadable(f"cannot read {name}: it is a directory") from err
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as err:
        raise Unreadable(f"cannot read {name} as CSV: {first_line(err)}") from err
    except BrokenPipeError:
        raise
    except OSError as err:
        raise Unreadable(f"cannot read {name}: {err.strerror or err}") from err


def read_table(path: str) -> pd.DataFrame:
    """A plain CSV table (a KPI list, a KPI history, a plan); ``-`` reads standard input.

    Parameters
    ----------
    path : str
        The file, or ``-``.

    Returns
    -------
    pandas.DataFrame
        The table.

    Raises
    ------
    Unreadable
        When it cannot be read as CSV.
    """
    if path == STDIO:
        return table_from(stdin_bytes("a CSV table"), STDIN_NAME)
    return table_from(path, path)


def okr_problems(err: OKRDataError) -> Unreadable:
    """The reader's problems, one per line like a compiler's: unreadable input (exit 2).

    Parameters
    ----------
    err : OKRDataError
        What the OKR-file reader raised; an ``OKRFileError`` lists its ``problems``.

    Returns
    -------
    Unreadable
        The error to raise: a count and one indented line per problem, or the
        reader's message (with how to name the format, for an unknown file type).
    """
    problems: Sequence[Any] = getattr(err, "problems", ())
    if len(problems) > 1:
        total = getattr(err, "total", len(problems))  # beyond the first few, one line sums up
        head = f"{total:,} problems in {problems[0].file}, each with its fix:"
        return Unreadable("\n".join([head, *(f"  {p}" for p in problems)]))
    text = str(err).strip()
    if "unknown file type" in text:
        text += " (or say how to read it: --input-format yaml|csv|xlsx)"
    return Unreadable(text)


def read_okr(path: str, input_format: str | None = None, raw: bytes | None = None) -> Any:
    """An OKR file read and checked by the reader; ``-`` reads standard input.

    Parameters
    ----------
    path : str
        The file, or ``-``.
    input_format : {"yaml", "csv", "xlsx"}, optional
        How to read it; default by the file's suffix. Standard input has no suffix
        to tell its format: ``input_format`` or YAML.
    raw : bytes, optional
        Standard input already read (by a command that had to look first).

    Returns
    -------
    okr_toolkit.io.OKRFile
        The file's tidy frames.

    Raises
    ------
    Unreadable
        When the input could be opened but not read as OKRs (see :func:`okr_problems`).
    """
    from okr_toolkit.io import MAX_FILE_BYTES, read_okr_data, read_okr_file

    try:
        if path != STDIO:
            okr_file = read_okr_file(path, format=input_format)
        else:
            fmt = input_format or "yaml"
            if raw is None:
                what = {"yaml": "OKRs in YAML", "csv": "OKRs in CSV", "xlsx": "an Excel workbook"}
                raw = stdin_bytes(what[fmt], limit=MAX_FILE_BYTES + 1)
            okr_file = read_okr_data(raw, format=fmt, name=STDIN_NAME)
    except OKRDataError as err:
        # The input could be opened but not read as OKRs: unreadable input.
        raise okr_problems(err) from err
    # What the reader converted (a percentage cell, a confidence scale) is said, on stderr.
    for warning in getattr(okr_file, "warnings", ()):
        print(f"okr: note: {warning}", file=sys.stderr)
    return okr_file


def load_settings(args: argparse.Namespace) -> Any:
    """The settings of ``--settings FILE`` (a YAML mapping such as ``green_from: 0.8``).

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line; a command without ``--settings`` gets the defaults.

    Returns
    -------
    okr_toolkit.Settings
        The defaults with the file's values in their place.

    Raises
    ------
    Unreadable
        When the file cannot be read, is not YAML, or names settings that do not exist.
    """
    from okr_toolkit.core.settings import DEFAULT_SETTINGS, settings_from

    path = getattr(args, "settings", None)
    if not path:
        return DEFAULT_SETTINGS
    import yaml

    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as err:
        raise Unreadable(f"cannot read settings {path}: no such file") from err
    except (OSError, UnicodeDecodeError) as err:
        raise Unreadable(f"cannot read settings {path}: {first_line(err)}") from err
    try:
        values = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise Unreadable(f"{path}: not valid YAML: {first_line(err)}") from err
    try:
        return settings_from({} if values is None else values, source=path)
    except OKRDataError as err:
        raise Unreadable(str(err)) from err
