"""``okr new``: write a commented starter OKR file in the documented YAML format (one
objective with three key results, a KPI and a check-in, every field commented), its
first line pointing editors at the installed JSON Schema. An existing file is never
overwritten without ``--force``; ``-`` writes the starter to standard output.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from okr_toolkit._atomic import write_atomic

from ._common import STDIO, Unreadable, first_line
from .options import add_command, epilog, files

if TYPE_CHECKING:
    from .options import Subparsers

__all__ = ["add_parser", "run"]

_HELP = "write a commented starter OKR file (YAML)"
_DESCRIPTION = (
    "Write a starter OKR file in the documented YAML format: one objective with\n"
    "three key results, a KPI and a check-in, each field commented. An existing file\n"
    "is never overwritten unless --force is given; the file is written atomically.\n"
    "FILE - writes the starter to standard output."
)
_EXAMPLES = (
    "  okr new okrs.yaml\n  okr new okrs.yaml --company Acme --cycle 2027Q1 --force\n"
    "  okr new - | okr lint -"
)


def add_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    """Add ``okr new`` with its options and help.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        Where the ``okr`` parser keeps its commands.

    Returns
    -------
    argparse.ArgumentParser
        The command's parser; its ``func`` is :func:`run`.
    """
    p = add_command(subparsers, "new", _HELP, _DESCRIPTION, epilog(_EXAMPLES, None))
    files(p.add_argument("file", help="the YAML file to write (.yaml or .yml); - for stdout"))
    p.add_argument("--company", help="the company's name")
    p.add_argument("--cycle", help="the quarter, YYYYQn (default: the current quarter)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.set_defaults(func=run)
    return p


def _check_target(out: Path, force: bool) -> None:
    """Refuse a file that is not YAML, a folder, or (without ``--force``) one that exists."""
    if out.suffix.lower() not in (".yaml", ".yml"):
        raise Unreadable(f"{out}: okr new writes YAML; name the file .yaml or .yml")
    if out.is_dir():
        raise Unreadable(f"{out}: is a directory")
    if out.exists() and not force:
        raise Unreadable(f"{out} already exists; not overwritten (pass --force to replace it)")


def run(args: argparse.Namespace) -> int:
    """Run ``okr new``: the starter file, written atomically (or to standard output).

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    int
        0 (a file that cannot be written is unreadable input or bad usage, exit 2).
    """
    import shlex

    from okr_toolkit.io import schema_path, starter_yaml

    to_stdout = args.file == STDIO
    out = Path(args.file)
    if not to_stdout:
        _check_target(out, args.force)
    today = _dt.date.today()
    cycle = args.cycle or f"{today.year}Q{(today.month - 1) // 3 + 1}"
    # First line: where editors find the schema, on this disk (the toolkit never fetches).
    schema = schema_path().resolve()
    try:
        text = starter_yaml(
            args.company,
            cycle,
            filename="okrs.yaml" if to_stdout else out.name,
            schema_uri=schema.as_uri(),
        )
    except ValueError as err:
        raise Unreadable(first_line(err)) from err
    if to_stdout:
        sys.stdout.write(text)
        return 0
    try:
        write_atomic(out, text.encode("utf-8"), overwrite=args.force)
    except FileExistsError as err:
        raise Unreadable(f"{out} already exists; not overwritten (pass --force)") from err
    except OSError as err:
        raise Unreadable(f"cannot write {out}: {err.strerror or err}") from err
    print(
        f"wrote {out}: a starter OKR file for {cycle}; edit it, then run: "
        f"okr lint {shlex.quote(str(out))}"
    )
    return 0
