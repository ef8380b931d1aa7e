"""What every ``okr`` command shares: the one-line error and its exit code, the name
``-`` for standard input and output, and the probes of the terminal and of what is
installed. Imports nothing of the toolkit, so every other module of the package can
import it.
"""

from __future__ import annotations

import sys
from typing import Any

__all__ = [
    "STDIN_NAME",
    "STDIO",
    "Unreadable",
    "fail",
    "first_line",
    "installed",
    "is_terminal",
    "shown_name",
]

#: The file name that means standard input (where a file is read) or standard output
#: (where one is written).
STDIO = "-"
#: What messages call standard input.
STDIN_NAME = "<stdin>"


class Unreadable(Exception):
    """The input could not be read at all, or the command was misused (exit code 2)."""


def fail(message: str, code: int) -> int:
    """Print ``okr: MESSAGE`` on standard error and hand back the exit code.

    Parameters
    ----------
    message : str
        The error, without the ``okr:`` prefix.
    code : int
        The exit code to return.

    Returns
    -------
    int
        ``code``, so that a command can ``return fail(...)``.
    """
    print(f"okr: {message}", file=sys.stderr)
    return code


def first_line(err: BaseException) -> str:
    """The first line of an error's message (its type's name when it has none).

    Parameters
    ----------
    err : BaseException
        The error to show.

    Returns
    -------
    str
        The first line of ``str(err)``, stripped.

    Examples
    --------
    >>> first_line(ValueError("no target\\nsecond line"))
    'no target'
    >>> first_line(KeyError())
    'KeyError'
    """
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


def shown_name(path: str) -> str:
    """``path`` as messages show it: ``<stdin>`` for ``-``.

    Parameters
    ----------
    path : str
        A file name from the command line.

    Returns
    -------
    str
        ``path`` itself, or :data:`STDIN_NAME` for :data:`STDIO`.

    Examples
    --------
    >>> shown_name("-"), shown_name("okrs.yaml")
    ('<stdin>', 'okrs.yaml')
    """
    return STDIN_NAME if path == STDIO else path


def is_terminal(stream: Any) -> bool:
    """Is ``stream`` a terminal (not a file or a pipe)?

    Parameters
    ----------
    stream : file-like
        ``sys.stdin``, ``sys.stdout`` or what stands in for them.

    Returns
    -------
    bool
        False as well for a stream that cannot tell (closed, or without ``isatty``).
    """
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


def installed(module: str) -> bool:
    """Can ``module`` be imported here (without importing it)?

    Parameters
    ----------
    module : str
        A top-level module name, such as ``"voila"``.

    Returns
    -------
    bool
        Whether an import of ``module`` would find it.

    Examples
    --------
    >>> installed("json"), installed("no_such_module_here")
    (True, False)
    """
    import importlib.util

    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False
