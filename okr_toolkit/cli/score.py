"""``okr score``: score key results on 0.0-1.0 with their grade, from an OKR file (each
key result with a baseline, a target and a current value, or its latest check-in) or
from a plain CSV of baseline/target/current. A key result that cannot be scored
exits 1; one with no check-in yet is shown as such, never given an invented score.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from okr_toolkit.core.scoring import METHODS, score_krs
from okr_toolkit.exceptions import OKRDataError

from ._common import STDIO, fail, shown_name
from .inputs import load_settings, read_okr, read_table, stdin_bytes, table_from
from .options import add_command, epilog, files, input_format_option, settings_option
from .outputs import print_json, records

if TYPE_CHECKING:
    from .options import Subparsers

__all__ = ["add_parser", "run"]

_OKR_SUFFIXES = (".yaml", ".yml", ".xlsx", ".xlsm")

_HELP = "score key results (OKR file, or a CSV of baseline/target/current)"
_DESCRIPTION = (
    "Score key results on 0.0-1.0 with their grade.\n\n"
    "FILE is an OKR file (.yaml/.yml/.xlsx, or a .csv with objective_id and statement\n"
    "columns; okr file-format describes them): each key result with a baseline, a target\n"
    "and a current value (given, or its latest check-in) is scored; the others are\n"
    "shown as 'no check-in yet', never given an invented score.\n"
    "FILE may also be a plain CSV with columns baseline, target, current and\n"
    "optionally kr_id, objective_id, direction. FILE - reads standard input\n"
    "(YAML unless --input-format says csv or xlsx)."
)
_EXAMPLES = (
    "  okr score okrs.yaml\n"
    "  okr score krs.csv --format json\n"
    "  okr score okrs.yaml --method uncapped\n"
    "  cat okrs.yaml | okr score -\n"
    "  okr score - --input-format csv < krs.csv"
)
_PROBLEMS = (
    "a key result cannot be scored\n     (no target, a current value that is not a number, ...)"
)


def add_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    """Add ``okr score`` with its options and help.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        Where the ``okr`` parser keeps its commands.

    Returns
    -------
    argparse.ArgumentParser
        The command's parser; its ``func`` is :func:`run`.
    """
    p = add_command(subparsers, "score", _HELP, _DESCRIPTION, epilog(_EXAMPLES, _PROBLEMS))
    files(p.add_argument("file", help="OKR file or CSV of baseline/target/current; - for stdin"))
    input_format_option(p)
    p.add_argument("--method", choices=METHODS, default="clamped", help="scoring convention")
    settings_option(p)
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.set_defaults(func=run)
    return p


def _okr_header(header: Iterable[object]) -> bool:
    """Do a CSV's columns make it an OKR file (documented format), not a bare table of numbers?"""
    names = set(header)
    return "statement" in names and "objective_id" in names


def _header(data: bytes) -> list[str]:
    """The column names of a CSV's first line, whichever of , ; or tab separates them
    (the OKR reader reads all three, so the choice of door must not depend on it)."""
    first = data.split(b"\n", 1)[0].decode("utf-8", errors="replace").lstrip("\ufeff")
    sep = max(",;\t", key=first.count)
    return [name.strip().strip('"').strip() for name in first.split(sep)]


def _is_okr_layout(path: str, input_format: str | None) -> bool:
    """Is the file at ``path`` an OKR file rather than a bare table of numbers?"""
    if input_format is not None and input_format != "csv":
        return True
    if input_format is None and Path(path).suffix.lower() in _OKR_SUFFIXES:
        return True
    try:
        with open(path, "rb") as handle:
            head = handle.read(65536)
    except OSError:
        return _okr_header(read_table(path).columns)  # says why it cannot be read
    return _okr_header(_header(head))


def run(args: argparse.Namespace) -> int:
    """Run ``okr score``: an OKR file's scorecard, or the scores of a plain table.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    int
        0 every key result read was scored (or waits for a check-in); 1 one cannot be
        scored.
    """
    name = shown_name(args.file)
    if args.file == STDIO:
        fmt = args.input_format or "yaml"
        if fmt != "csv":
            return _score_okr_file(args, read_okr(STDIO, fmt))
        raw = stdin_bytes("key results in CSV")
        if _okr_header(_header(raw[:65536])):
            return _score_okr_file(args, read_okr(STDIO, fmt, raw))
        krs = table_from(raw, name)
    elif _is_okr_layout(args.file, args.input_format):
        return _score_okr_file(args, read_okr(args.file, args.input_format))
    else:
        krs = read_table(args.file)
    try:
        scored = score_krs(krs, method=args.method, settings=load_settings(args))
    except OKRDataError as err:
        return fail(f"{name}: {err}", 1)
    columns = [c for c in ("objective_id", "kr_id", "baseline", "target", "current") if c in scored]
    out = scored[[*columns, "score", "grade"]]
    if args.format == "json":
        print_json(records(out.assign(grade=out["grade"].astype(str))))
    else:
        print(out.to_string(index=False, float_format=lambda v: f"{v:.2f}"))
    return 0


def _score_okr_file(args: argparse.Namespace, source: Any) -> int:
    """Print the scorecard of an OKR file already read; 1 when a key result is not scorable."""
    from okr_toolkit.core.scorecard import scorecard

    name = shown_name(args.file)
    # The reader has already set `current` to each KR's latest check-in where none is given.
    table = scorecard(source.okrs, method=args.method, settings=load_settings(args))
    columns = ["objective_id", "kr_id", "baseline", "target", "current", "score", "grade"]
    out = table[[*columns, "status"]]
    problems = out["status"].str.startswith("not scored")
    notes = table.loc[table["note"] != "", ["kr_id", "note"]]
    if args.format == "json":
        print_json(records(table[[*columns, "status", "note"]]))
    else:
        shown = out.assign(score=out["score"].map(lambda v: "" if pd.isna(v) else f"{v:.2f}"))
        print(shown.to_string(index=False, na_rep="", float_format=lambda v: f"{v:g}"))
        n_scored = int((out["grade"] != "").sum())
        waiting = int((out["status"] == "no check-in yet").sum())
        print(
            f"{name}: {len(out)} key results, {n_scored} scored, {waiting} with no "
            f"check-in yet, {int(problems.sum())} not scorable"
        )
        for kr_id, note in notes.itertuples(index=False):  # conversions made, said
            print(f"note: {kr_id}: {note}")
    if problems.any():
        first = out[problems].iloc[0]
        return fail(f"{name}: key result {first['kr_id']!r} {first['status']}", 1)
    return 0
