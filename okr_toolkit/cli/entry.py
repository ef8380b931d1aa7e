"""The entry point of the ``okr`` command: :func:`main` parses the command line, runs
the command, and turns every way it can end into an exit code and at most one
``okr:`` line on standard error, never a traceback: 0 ok, 1 the data has problems,
2 unreadable input or bad usage, 141 a closed pipe, 130 Ctrl-C.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence

from okr_toolkit.exceptions import OKRDataError

from ._common import Unreadable, fail, first_line
from .parser import build_parser

__all__ = ["EXIT_BROKEN_PIPE", "EXIT_INTERRUPTED", "main", "module_prog"]

#: The exit code after the reader of stdout went away (``okr score big.csv | head -1``):
#: 128 + SIGPIPE, what a shell reports for any Unix tool stopped that way.
EXIT_BROKEN_PIPE = 141
#: The exit code after Ctrl-C: 128 + SIGINT.
EXIT_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None, *, prog: str = "okr") -> int:
    """Run the ``okr`` command; returns the exit code.

    Parameters
    ----------
    argv : sequence of str, optional
        The arguments after the command's name; default ``sys.argv[1:]``.
    prog : str, default "okr"
        The command's name in usage lines and help (``python -m okr_toolkit``
        passes its own).

    Returns
    -------
    int
        0 ok; 1 the data was read but has problems; 2 unreadable input or bad
        usage; 141 the reader of stdout closed the pipe; 130 interrupted (Ctrl-C).

    Examples
    --------
    >>> main(["--version"])
    okr-toolkit ...
    0
    >>> main(["score", "no-such-file.csv"])
    2
    """
    try:
        code = _run(argv, prog)
        sys.stdout.flush()  # inside the try: a closed pipe shows here, not at exit
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    return code


def _silence_stdout() -> None:
    """The reader of stdout went away: point stdout at devnull so that the flush at exit
    cannot fail again (the pattern the Python documentation recommends for SIGPIPE)."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _run(argv: Sequence[str] | None, prog: str) -> int:
    """Parse and run the command; every failure but a closed pipe or Ctrl-C as its code."""
    parser = build_parser(prog)
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:  # --help, --version, usage errors (2)
        return int(done.code or 0) if not isinstance(done.code, str) else 2
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args))
    except SystemExit as done:  # parser.error() inside a command: bad usage
        return int(done.code or 0) if not isinstance(done.code, str) else 2
    except (BrokenPipeError, KeyboardInterrupt):
        raise
    except Unreadable as err:
        return fail(str(err), 2)
    except OKRDataError as err:
        return fail(first_line(err), 2)
    except Exception as err:  # a bug: still one line, never a traceback
        return fail(f"unexpected error, please report it: {type(err).__name__}: {err}", 2)


def module_prog(module: str) -> str:
    """The command's name when run as ``python -m MODULE``, as Python 3.14's argparse shows it.

    Parameters
    ----------
    module : str
        The module run with ``-m``.

    Returns
    -------
    str
        ``python3 -m MODULE``, named after this interpreter.

    Examples
    --------
    >>> module_prog("okr_toolkit").endswith(" -m okr_toolkit")
    True
    """
    return f"{os.path.basename(sys.executable) or 'python'} -m {module}"
