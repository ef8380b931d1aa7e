"""The ``okr`` command line.

Exit codes: 0 success; 1 the data was read but has problems (for example a KR
that cannot be scored); 2 the input could not be read or the command was
misused.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

import pandas as pd

from . import __version__
from .exceptions import OKRDataError
from .scoring import METHODS, score_krs

__all__ = ["main"]


class _Unreadable(Exception):
    """The input could not be read at all (exit code 2)."""


def _read_table(path: str) -> pd.DataFrame:
    try:
        return pd.read_csv(path)
    except FileNotFoundError as err:
        raise _Unreadable(f"cannot read {path}: no such file") from err
    except IsADirectoryError as err:
        raise _Unreadable(f"cannot read {path}: it is a directory") from err
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as err:
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        raise _Unreadable(f"cannot read {path} as CSV: {reason}") from err
    except OSError as err:
        raise _Unreadable(f"cannot read {path}: {err.strerror or err}") from err


def _fail(message: str, code: int) -> int:
    print(f"okr: {message}", file=sys.stderr)
    return code


def _score(args: argparse.Namespace) -> int:
    krs = _read_table(args.file)
    try:
        scored = score_krs(krs, method=args.method)
    except OKRDataError as err:
        return _fail(f"{args.file}: {err}", 1)
    columns = [c for c in ("objective_id", "kr_id", "baseline", "target", "current") if c in scored]
    out = scored[[*columns, "score", "grade"]]
    if args.format == "json":
        records = out.assign(grade=out["grade"].astype(str)).to_dict(orient="records")
        print(json.dumps(records, indent=2, default=str))
    else:
        print(out.to_string(index=False, float_format=lambda v: f"{v:.2f}"))
    return 0


def _lint(args: argparse.Namespace) -> int:
    from .io import read_okr_file
    from .lint import format_findings, lint

    try:
        source = read_okr_file(args.file)
        kpis = source.kpis
        if args.kpis:
            kpis = _read_table(args.kpis)
        findings = lint(source.okrs, kpis)
    except OKRDataError as err:
        # The file could be opened but not read as OKRs: unreadable input.
        raise _Unreadable(str(err).splitlines()[0]) from err
    lines = source.okrs.set_index("kr_id")["line"] if "line" in source.okrs else None
    if args.format == "json":
        records = findings.assign(severity=findings["severity"].astype(str))
        if lines is not None:
            records = records.assign(line=records["kr_id"].map(lines).astype("Int64"))
        print(json.dumps(records.to_dict(orient="records"), indent=2, default=_json_default))
    else:
        line_of = {} if lines is None else lines.dropna().astype(int).to_dict()
        print(format_findings(findings, source=args.file, lines=line_of))
    return 1 if (findings["severity"] == "error").any() else 0


def _report(args: argparse.Namespace) -> int:
    from .report import write_report

    try:
        write_report(args.file, args.output, title=args.title)
    except OKRDataError as err:
        raise _Unreadable(str(err).splitlines()[0]) from err
    except OSError as err:
        raise _Unreadable(f"cannot write {args.output}: {err.strerror or err}") from err
    print(f"wrote {args.output}")
    return 0


def _json_default(value: object) -> object:
    if pd.isna(value):  # type: ignore[arg-type]
        return None
    return str(value)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="okr",
        description="Score, compare and teach OKR, KPI and MBO goals.",
        epilog="Exit codes: 0 ok, 1 problems in the data, 2 unreadable input or bad usage.",
    )
    parser.add_argument("--version", action="version", version=f"okr-toolkit {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    p_score = sub.add_parser(
        "score",
        help="score key results from a CSV file (one row per KR)",
        description="Score key results from a CSV with columns baseline, target, current "
        "and optionally kr_id, objective_id, direction.",
    )
    p_score.add_argument("file", help="CSV file, one row per key result")
    p_score.add_argument("--method", choices=METHODS, default="clamped", help="scoring convention")
    p_score.add_argument("--format", choices=("table", "json"), default="table")
    p_score.set_defaults(func=_score)
    p_lint = sub.add_parser(
        "lint",
        help="check OKRs (YAML or CSV) for the common OKR / KPI / MBO mistakes",
        description="Lint an OKR file. Prints one finding per line with its rule code and a "
        "suggested fix. Exit codes: 0 no errors (warnings allowed), 1 errors found, "
        "2 unreadable input.",
    )
    p_lint.add_argument("file", help="OKR file: .yaml/.yml (objectives, key results, KPIs) or .csv")
    p_lint.add_argument("--kpis", help="CSV of KPIs (kpi, threshold, value, better)")
    p_lint.add_argument("--format", choices=("text", "json"), default="text")
    p_lint.set_defaults(func=_lint)
    p_report = sub.add_parser(
        "report",
        help="write a self-contained HTML report (scores, KPI health, lint findings)",
        description="Write one HTML file that opens with no network: scores and grades, KPI "
        "health, lint findings, charts inline. The input file is never modified.",
    )
    p_report.add_argument("file", help="OKR file: .yaml/.yml or .csv")
    p_report.add_argument("-o", "--output", required=True, help="the HTML file to write")
    p_report.add_argument("--title", default=None, help="report title")
    p_report.set_defaults(func=_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``okr`` command; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except _Unreadable as err:
        return _fail(str(err), 2)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
