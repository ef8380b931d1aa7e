"""``okr report``: write one self-contained HTML report of an OKR file (scores and
grades, pacing, KPI health, lint findings, charts inline) to a file or to standard
output, and with ``--charts DIR`` every chart of it as SVG and PNG for slides.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import sys
import tempfile
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
    p.add_argument(
        "--force", action="store_true", help="overwrite OUTPUT even if it is not an HTML report"
    )
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
    from okr_toolkit._atomic import write_atomic
    from okr_toolkit.present.report import build_report, check_report_path

    folder = _check_options(args)
    source = read_okr(args.file, args.input_format)
    settings = load_settings(args)
    to_stdout = args.output == STDIO
    # Everything is checked, built and rendered before the first file is written, so a
    # failure (a bad folder, a chart that cannot be drawn) leaves nothing half-done.
    with tempfile.TemporaryDirectory(prefix="okr-charts-") as staging:
        try:
            if not to_stdout:
                check_report_path(args.output, source.path, overwrite=args.force)
            html = build_report(source, title=args.title, settings=settings)
            staged = [] if folder is None else _render_charts(source, Path(staging), args, settings)
        except OKRDataError as err:
            text = first_line(err).replace("pass overwrite=True", "pass --force")
            raise Unreadable(text) from err
        try:
            if to_stdout:
                write_stdout(html.encode("utf-8"))
            else:
                write_atomic(Path(args.output), html.encode("utf-8"))
        except OSError as err:
            raise Unreadable(f"cannot write {args.output}: {err.strerror or err}") from err
        if folder is None:
            if not to_stdout:
                print(f"wrote {args.output}")
            return 0
        written = _move_charts(staged, folder)
    if to_stdout:  # stdout holds the report: the note goes to stderr
        print(f"wrote {written} chart files in {folder}", file=sys.stderr)
    else:
        print(f"wrote {args.output} and {written} chart files in {folder}")
    return 0


def _check_options(args: argparse.Namespace) -> Path | None:
    """The charts folder, once ``--charts`` and ``--scale`` are known to be usable."""
    if args.charts == STDIO:
        args.parser.error("--charts names a folder; standard output (-) cannot hold chart files")
    if not (math.isfinite(args.scale) and args.scale > 0):
        args.parser.error(f"--scale must be a positive number such as 2, got {args.scale:g}")
    if args.charts is None:
        return None
    folder = Path(args.charts)
    if folder.exists() and not folder.is_dir():
        raise Unreadable(f"--charts {folder}: is a file, not a folder; name a folder")
    existing = next(p for p in (folder, *folder.absolute().parents) if p.exists())
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        raise Unreadable(f"--charts {folder}: cannot create files in {existing}")
    return folder


def _render_charts(
    source: Any, staging: Path, args: argparse.Namespace, settings: Any
) -> list[Path]:
    """Render each chart of the report as SVG and PNG into ``staging``."""
    from okr_toolkit.present.charts import save_chart
    from okr_toolkit.present.report import report_charts

    staged = []
    for name, chart in report_charts(source, settings=settings).items():
        for suffix in (".svg", ".png"):
            try:
                staged.append(save_chart(chart, staging / f"{name}{suffix}", scale=args.scale))
            except (ValueError, RuntimeError, MemoryError) as err:
                raise Unreadable(
                    f"cannot draw the {name} chart as {suffix[1:].upper()}: {first_line(err)}; "
                    "nothing was written (run without --charts for the report alone)"
                ) from err
    return staged


def _move_charts(staged: list[Path], folder: Path) -> int:
    """Move the rendered charts into ``folder``; how many files."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for path in staged:
            shutil.move(str(path), str(folder / path.name))
    except OSError as err:
        raise Unreadable(f"cannot write charts to {folder}: {err.strerror or err}") from err
    return len(staged)
