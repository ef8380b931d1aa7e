"""The ``okr`` command: one sub-command per task, each a thin door onto the library.

One module per command, named after it (``score``, ``lint``, ``report``, ``convert``,
``plan``, ``new``, ``export``, ``file_format``, ``completion``, ``notebooks``,
``dashboard``), each with its ``add_parser(subparsers)`` (its options and help) and
its ``run(args)``. Beside them: :mod:`.parser` builds the parser from the list of
command modules, :mod:`.entry` holds :func:`main` and the exit codes,
:mod:`.options` the help layout and the options several commands share,
:mod:`.inputs` and :mod:`.outputs` reading files and standard input and writing
results, and :mod:`._common` the error line and what every module needs. The
package holds no domain logic: it imports the library's layers below it, never the
other way round.
"""

from __future__ import annotations

from okr_toolkit.cli.entry import main, module_prog
from okr_toolkit.cli.parser import build_parser

__all__ = ["build_parser", "main", "module_prog"]
