"""``python -m okr_toolkit.cli``: the same as the ``okr`` command."""

from __future__ import annotations

import sys

from okr_toolkit.cli.entry import main, module_prog

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main(prog=module_prog("okr_toolkit.cli")))
