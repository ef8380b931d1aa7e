"""``okr report``: write one self-contained HTML report of an OKR file (scores and
grades, pacing, KPI health, lint findings, charts inline) to a file or to standard
output, and with ``--charts DIR`` every chart of it as SVG and PNG for slides.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from okr_toolkit.exceptions import OKRDataError

from ._common import STDIO, Unreadable, first_line
from .inputs import load_settings, read_okr
from .options import add_command, epilog, files, folder, input_format_option, settings_option
from .outputs import write_stdout

if TYPE_CHECKING:
    from .options import Subparsers

__all__ = ["add_parser", "run"]

_HELP = "write a self-contained HTML report (scores, pacing, KPI health, lint findings)"
_DESCRIPTION = (
    "Write one HTML file that opens with no network: scores and grades, KPI health,\n"
    "lint findings, charts inline. The input file is never modified. With --charts,\n"
    "also save every chart of the report as SVG and PNG for slides.\n"
    "FILE - reads standard input; -o - writes the HTML to standard output."
)
_EXAMPLES = (
    "  okr report okrs.yaml -o report.html\n"
    "  okr report okrs.yaml -o report.html --charts slides/\n"
    "  cat okrs.yaml | okr report - -o - > report.html"
)


def add_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    """Add ``okr report`` with its options and help.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        Where the ``okr`` parser keeps its commands.

    Returns
    -------
    argparse.ArgumentParser
        The command's parser; its ``func`` is :func:`run`.
    """
    p = add_command(subparsers, "report", _HELP, _DESCRIPTION, epilog(_EXAMPLES, None))
    files(p.add_argument("file", help="OKR file: .yaml/.yml, .csv or .xlsx; - for stdin"))
    input_format_option(p)
    files(
        p.add_argument("-o", "--output", required=True, help="the HTML file to write; - for stdout")
    )
    p.add_argument("--title", default=None, help="report title")
    folder(
        p.add_argument(
            "--charts", metavar="DIR", help="also save each chart as DIR/NAME.svg and .png"
        )
    )
    p.add_argument("--scale", type=float, default=2.0, help="PNG pixels per chart unit (default 2)")
    settings_option(p)
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    """Run ``okr report``: the HTML report, then the chart files if asked for.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    int
        0 (every failure is unreadable input or bad usage, exit 2).
    """
    from okr_toolkit.present.report import build_report, write_report

    if args.charts == STDIO:
        args.parser.error("--charts names a folder; standard output (-) cannot hold chart files")
    source = read_okr(args.file, args.input_format)
    settings = load_settings(args)
    to_stdout = args.output == STDIO
    try:
        if to_stdout:
            html = build_report(source, title=args.title, settings=settings)
        else:
            write_report(source, args.output, title=args.title, settings=settings)
    except OKRDataError as err:
        raise Unreadable(first_line(err)) from err
    except OSError as err:
        raise Unreadable(f"cannot write {args.output}: {err.strerror or err}") from err
    if to_stdout:
        write_stdout(html.encode("utf-8"))
    if args.charts is None:
        if not to_stdout:
            print(f"wrote {args.output}")
        return 0
    folder = Path(args.charts)
    written = _save_charts(source, folder, scale=args.scale, settings=settings)
    if to_stdout:  # stdout holds the report: the note goes to stderr
        print(f"wrote {written} chart files in {folder}", file=sys.stderr)
    else:
        print(f"wrote {args.output} and {written} chart files in {folder}")
    return 0


def _save_charts(source: Any, folder: Path, *, scale: float, settings: Any) -> int:
    """Save each chart of the report in ``folder`` as SVG and PNG; how many files."""
    from okr_toolkit.present.charts import save_chart
    from okr_toolkit.present.report import report_charts

    written = []
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, chart in report_charts(source, settings=settings).items():
            for suffix in (".svg", ".png"):
                written.append(save_chart(chart, folder / f"{name}{suffix}", scale=scale))
    except OSError as err:
        raise Unreadable(f"cannot write charts to {folder}: {err.strerror or err}") from err
    return len(written)
