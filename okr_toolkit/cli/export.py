"""``okr export``: read an OKR file (YAML, CSV or Excel), check it, and write the same
OKRs in the format the output's suffix names (a CSV with its ``.kpis.csv`` and
``.checkins.csv`` beside it), or to standard output as ``--output-format`` says.
Nothing is written over the input or, without ``--force``, over an existing file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from okr_toolkit.exceptions import OKRDataError

from ._common import STDIO, Unreadable, first_line, is_terminal
from .inputs import read_okr
from .options import INPUT_FORMATS, add_command, epilog, files, input_format_option
from .outputs import write_stdout

if TYPE_CHECKING:
    from .options import Subparsers

__all__ = ["add_parser", "run"]

_HELP = "convert an OKR file between YAML, CSV and Excel"
_DESCRIPTION = (
    "Read an OKR file (.yaml/.yml, .csv or .xlsx), check it, and write the same OKRs\n"
    "in the format OUTPUT's suffix names. A CSV gets NAME.kpis.csv and\n"
    "NAME.checkins.csv beside it when there are KPIs or check-ins. In CSV and Excel,\n"
    "text a spreadsheet would run as a formula (= + - @) is written with a leading '.\n"
    "Nothing is written over the input or, without --force, over an existing file.\n"
    "FILE - reads standard input; -o - writes standard output, as --output-format\n"
    "says (default yaml; csv only when there are no KPIs or check-ins, which a CSV\n"
    "keeps in side files)."
)
_EXAMPLES = (
    "  okr export client_draft.xlsx -o okrs.yaml\n"
    "  okr export okrs.yaml -o okrs.xlsx --force\n"
    "  okr export client_draft.xlsx -o - | less\n"
    "  okr export - --input-format xlsx -o - < client_draft.xlsx > okrs.yaml"
)
_FORMAT_OF_SUFFIX = {".yaml": "yaml", ".yml": "yaml", ".csv": "csv", ".xlsx": "xlsx"}


def add_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    """Add ``okr export`` with its options and help.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        Where the ``okr`` parser keeps its commands.

    Returns
    -------
    argparse.ArgumentParser
        The command's parser; its ``func`` is :func:`run`.
    """
    p = add_command(subparsers, "export", _HELP, _DESCRIPTION, epilog(_EXAMPLES, None))
    files(p.add_argument("file", help="OKR file to read: .yaml/.yml, .csv or .xlsx; - for stdin"))
    input_format_option(p)
    files(
        p.add_argument(
            "-o",
            "--output",
            required=True,
            help="file to write: .yaml, .csv or .xlsx; - for stdout",
        )
    )
    p.add_argument(
        "--output-format",
        choices=INPUT_FORMATS,
        help="what -o - writes (default yaml); for a file, its suffix decides",
    )
    p.add_argument("--force", action="store_true", help="overwrite OUTPUT if it exists")
    p.set_defaults(func=run)
    return p


def _output_format(args: argparse.Namespace, to_stdout: bool) -> str:
    """What to write: ``--output-format`` (which a file's suffix must agree with), or YAML."""
    wanted = args.output_format
    if not to_stdout and wanted is not None:
        suffix = Path(args.output).suffix.lower()
        if _FORMAT_OF_SUFFIX.get(suffix) != wanted:
            args.parser.error(
                f"--output-format {wanted} does not match {args.output}: for a file, its "
                "suffix decides (.yaml, .csv or .xlsx); --output-format is for -o -"
            )
    fmt: str = wanted or "yaml"
    if to_stdout and fmt == "xlsx" and is_terminal(sys.stdout):
        raise Unreadable(
            "an Excel workbook is binary, not for a terminal: redirect standard output "
            "(> okrs.xlsx), or write the file with -o okrs.xlsx"
        )
    return fmt


def run(args: argparse.Namespace) -> int:
    """Run ``okr export``: the OKR file read, checked and written in the other format.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    int
        0 (every failure is unreadable input or bad usage, exit 2).
    """
    from okr_toolkit.io import okr_file_bytes, write_okr_file

    to_stdout = args.output == STDIO
    fmt = _output_format(args, to_stdout)
    source = read_okr(args.file, args.input_format)
    try:
        if to_stdout:
            data = okr_file_bytes(source, format=fmt)
        else:
            out = write_okr_file(source, args.output, overwrite=args.force)
    except OKRDataError as err:
        # The library's advice names its keyword; here the switch is --force.
        text = first_line(err).replace("pass overwrite=True", "pass --force to replace it")
        raise Unreadable(text) from err
    except OSError as err:
        raise Unreadable(f"cannot write {args.output}: {err.strerror or err}") from err
    if to_stdout:
        write_stdout(data)
        return 0
    n_krs, n_checkins = len(source.okrs), 0 if source.checkins is None else len(source.checkins)
    print(f"wrote {out}: {n_krs} key results, {n_checkins} check-ins")
    return 0
