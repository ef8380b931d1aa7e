"""The ``okr`` argument parser: the top-level options and help, and the commands in the
order ``okr --help`` lists them, each registered by its own module (:data:`COMMANDS`).
"""

from __future__ import annotations

import argparse

from okr_toolkit import __version__

from . import (
    completion,
    convert,
    dashboard,
    export,
    file_format,
    lint,
    new,
    notebooks,
    plan,
    report,
    score,
)
from .options import FILE_FORMAT_HINT

__all__ = ["COMMANDS", "build_parser"]

#: The command modules, in the order of ``okr --help``; each has ``add_parser(subparsers)``
#: and the ``run(args)`` that its parser's ``func`` default names.
COMMANDS = (
    score,
    lint,
    report,
    convert,
    plan,
    new,
    export,
    file_format,
    completion,
    notebooks,
    dashboard,
)


def _epilog(prog: str) -> str:
    """The text after the top-level options: how files, exit codes and errors work."""
    return (
        f"Run '{prog} COMMAND --help' for a command's options and examples.\n"
        "A file name - reads standard input, or writes standard output.\n\n"
        "Exit codes: 0 ok; 1 the data was read but has problems (lint errors, KRs that\n"
        "cannot be scored, targets short of a KPI threshold, guardrail violations);\n"
        "2 unreadable input or bad usage. Errors go to stderr, prefixed 'okr: '.\n"
        "Output into a pipe that closes early (okr lint big.yaml | head) stops quietly\n"
        "with 141, like any Unix tool; Ctrl-C with 130.\n\n"
        f"{FILE_FORMAT_HINT}"
    )


def build_parser(prog: str = "okr") -> argparse.ArgumentParser:
    """The ``okr`` argument parser, with one sub-command per task.

    Parameters
    ----------
    prog : str, default "okr"
        The command's name in usage lines and help.

    Returns
    -------
    argparse.ArgumentParser
        The parser; each sub-command's parser sets ``func`` to its handler.

    Examples
    --------
    >>> build_parser().parse_args(["lint", "okrs.yaml"]).file
    'okrs.yaml'
    """
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Score, check, convert and plan OKR, KPI and MBO goals.",
        epilog=_epilog(prog),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"okr-toolkit {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.add_parser(subparsers)
    return parser
