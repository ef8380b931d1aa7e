"""Presentation: charts (Altair), HTML views and the report, and the widgets.

Thin layers over the workspace and the core; nothing here computes a number the
library below does not. Altair and ipywidgets are imported only by the modules
that need them (``okr_toolkit.present.charts``, ``okr_toolkit.present.widgets``).
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["charts", "report", "views", "widgets"]


def __getattr__(name: str) -> Any:
    # Each on first use: charts bring Altair, widgets bring ipywidgets.
    if name in __all__:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'okr_toolkit.present' has no attribute {name!r}")
