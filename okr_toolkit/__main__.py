"""``python -m okr_toolkit``: the ``okr`` command, where its script is not on ``PATH``.

The same sub-commands, options and exit codes as ``okr``; usage lines name the
command as it was run (``python -m okr_toolkit``).
"""

from __future__ import annotations

import sys

from okr_toolkit.cli import main, module_prog

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(prog=module_prog("okr_toolkit")))
