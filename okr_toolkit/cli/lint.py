"""``okr lint``: check an OKR file for the common OKR / KPI / MBO mistakes, one finding
per line with its rule code and a suggested fix (or one JSON record per finding).
``--select`` and ``--ignore`` choose rules by code or prefix; lint errors exit 1,
warnings and infos alone 0.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from okr_toolkit.exceptions import OKRDataError

from ._common import Unreadable, first_line, shown_name
from .inputs import load_settings, one_stdin, read_okr, read_table
from .options import add_command, epilog, files, input_format_option, settings_option
from .outputs import print_json, records

if TYPE_CHECKING:
    from .options import Subparsers

__all__ = ["add_parser", "run"]

_HELP = "check OKRs for the common OKR / KPI / MBO mistakes"
_DESCRIPTION = (
    "Lint an OKR file. Prints one finding per line with its rule code and a\n"
    "suggested fix (or, with --format json, one record per finding).\n"
    "FILE - reads standard input (YAML unless --input-format says otherwise)."
)
_EXAMPLES = (
    "  okr lint okrs.yaml\n  okr lint okrs.csv --kpis kpis.csv --format json\n"
    "  okr lint okrs.yaml --select OKR2 --ignore OKR204\n"
    "  okr export client_draft.xlsx -o - | okr lint -"
)
_PROBLEMS = "lint errors (warnings and infos alone exit 0)"


def add_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    """Add ``okr lint`` with its options and help.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        Where the ``okr`` parser keeps its commands.

    Returns
    -------
    argparse.ArgumentParser
        The command's parser; its ``func`` is :func:`run`.
    """
    p = add_command(subparsers, "lint", _HELP, _DESCRIPTION, epilog(_EXAMPLES, _PROBLEMS))
    files(p.add_argument("file", help="OKR file: .yaml/.yml, .csv or .xlsx; - for stdin"))
    input_format_option(p)
    files(p.add_argument("--kpis", help="CSV of KPIs (kpi, threshold, value, better); - for stdin"))
    p.add_argument(
        "--select",
        metavar="CODES",
        help="run only these rules: codes or prefixes, comma-separated (OKR1,OKR201)",
    )
    p.add_argument("--ignore", metavar="CODES", help="skip these rules (codes or prefixes)")
    settings_option(p)
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=run)
    return p


def _codes(text: str | None) -> list[str] | None:
    """``--select OKR1,OKR201`` as a list of rule codes or prefixes."""
    if text is None:
        return None
    return [code.strip() for code in text.split(",") if code.strip()]


def run(args: argparse.Namespace) -> int:
    """Run ``okr lint``: print the findings of the file's key results and KPIs.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    int
        1 when a finding is an error, else 0.
    """
    from okr_toolkit.linter import format_findings, lint

    one_stdin(args.parser, FILE=args.file, __kpis=args.kpis)
    name = shown_name(args.file)
    source = read_okr(args.file, args.input_format)
    kpis = source.kpis
    if args.kpis:
        kpis = read_table(args.kpis)
    try:
        findings = lint(
            source.okrs,
            kpis,
            settings=load_settings(args),
            select=_codes(args.select),
            ignore=_codes(args.ignore),
        )
    except ValueError as err:
        if not isinstance(err, OKRDataError):  # an unknown rule code: bad usage
            args.parser.error(first_line(err))
        raise Unreadable(f"{name}: {first_line(err)}") from err
    except OKRDataError as err:
        raise Unreadable(f"{name}: {first_line(err)}") from err
    lines = source.okrs.set_index("kr_id")["line"] if "line" in source.okrs else None
    if args.format == "json":
        found = findings.assign(severity=findings["severity"].astype(str))
        if lines is not None:
            found = found.assign(line=found["kr_id"].map(lines).astype("Int64"))
        print_json(records(found))
    else:
        line_of = {} if lines is None else lines.dropna().astype(int).to_dict()
        print(format_findings(findings, source=name, lines=line_of))
    return 1 if (findings["severity"] == "error").any() else 0
