"""``okr file-format``: show the description of the OKR file format (version 1) that
comes with the installed toolkit, in the pager when standard output is a terminal;
or where it and the JSON Schema are installed, or the modeline that points an editor
at the schema (the first line ``okr new`` writes).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ._common import Unreadable, is_terminal
from .options import add_command, epilog

if TYPE_CHECKING:
    from .options import Subparsers

__all__ = ["add_parser", "run"]

_HELP = "show the OKR file format: every field of YAML, CSV and Excel files"
_DESCRIPTION = (
    "Print the description of the OKR file format (version 1) that comes with the\n"
    "installed toolkit: every field of the YAML file, the CSV and Excel layouts, the\n"
    "units, and how editors check a file against the JSON Schema. In a terminal it\n"
    "opens in your pager. --schema prints where the JSON Schema file is installed;\n"
    "--modeline the first line that points an editor at it (okr new writes it)."
)
_EXAMPLES = (
    "  okr file-format\n"
    "  okr file-format | grep -A3 'baseline:'\n"
    "  okr file-format --schema\n"
    "  { okr file-format --modeline; cat draft.yaml; } > okrs.yaml"
)


def add_parser(subparsers: Subparsers) -> argparse.ArgumentParser:
    """Add ``okr file-format`` with its options and help.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        Where the ``okr`` parser keeps its commands.

    Returns
    -------
    argparse.ArgumentParser
        The command's parser; its ``func`` is :func:`run`.
    """
    p = add_command(subparsers, "file-format", _HELP, _DESCRIPTION, epilog(_EXAMPLES, None))
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--schema", action="store_true", help="print the path of the installed JSON Schema"
    )
    group.add_argument(
        "--modeline",
        action="store_true",
        help="print the '# yaml-language-server: $schema=file://...' line that okr new "
        "writes first, for this installation",
    )
    group.add_argument("--path", action="store_true", help="print the path of the document")
    p.set_defaults(func=run)
    return p


def _print_schema(modeline: bool) -> None:
    """The installed JSON Schema's path, or the modeline that points an editor at it."""
    from okr_toolkit.io import schema_path

    schema = schema_path().resolve()
    if not schema.is_file():
        raise Unreadable(f"the JSON Schema is missing from this installation ({schema})")
    if modeline:
        from okr_toolkit.io import MODELINE

        sys.stdout.write(MODELINE.format(uri=schema.as_uri()))
    else:
        print(schema)


def run(args: argparse.Namespace) -> int:
    """Run ``okr file-format``: the document (paged in a terminal), or a path.

    Parameters
    ----------
    args : argparse.Namespace
        The parsed command line.

    Returns
    -------
    int
        0 (a broken installation is unreadable input, exit 2).
    """
    from okr_toolkit._shipped import shipped_dir

    if args.schema or args.modeline:
        _print_schema(args.modeline)
        return 0
    doc = shipped_dir("docs") / "okr-file-format.md"
    if not doc.is_file():
        raise Unreadable(
            f"the file-format document is missing from this installation ({doc}); "
            "reinstall okr-toolkit"
        )
    if args.path:
        print(doc)
        return 0
    text = doc.read_text(encoding="utf-8")
    if is_terminal(sys.stdout):
        import pydoc

        pydoc.pager(text)  # $PAGER or less, as `git help` does; plain text into a pipe
    else:
        sys.stdout.write(text)
    return 0
