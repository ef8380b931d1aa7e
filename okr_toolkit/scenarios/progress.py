"""The progress line a long simulation shows, without a dependency.

On stderr the line is rewritten in place with ``\\r``; in Jupyter (IPython imported
and a kernel running) one ``IPython.display`` handle is updated instead.
"""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["Progress"]


class Progress:
    """A dependency-free progress line: ``\\r``-updated on stderr, or a Jupyter display.

    In Jupyter (IPython imported and a kernel running) it updates one
    ``IPython.display`` handle with a text/plain line; elsewhere it rewrites a
    line on stderr. Disabled, it does nothing.
    """

    def __init__(self, total: int, label: str = "simulating", enabled: bool = True) -> None:
        self.total = max(int(total), 1)
        self.label = label
        self.enabled = enabled
        self.done = 0
        self._shown = -1
        self._handle: Any = None
        if enabled and _in_jupyter():
            from IPython.display import display  # IPython is there: we are in a kernel

            self._handle = display({"text/plain": self._line()}, raw=True, display_id=True)

    def _line(self) -> str:
        pct = int(100 * self.done / self.total)
        bar = "#" * (pct // 5) + "-" * (20 - pct // 5)
        return f"{self.label}: [{bar}] {pct:3d}% ({self.done:,}/{self.total:,})"

    def update(self, n: int) -> None:
        self.done = min(self.total, self.done + int(n))
        pct = int(100 * self.done / self.total)
        if not self.enabled or pct == self._shown:
            return
        self._shown = pct
        if self._handle is not None:
            self._handle.update({"text/plain": self._line()}, raw=True)
        else:
            sys.stderr.write("\r" + self._line())
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self._handle is None and self._shown >= 0:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _in_jupyter() -> bool:
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return False
    try:
        shell = ipython.get_ipython()
    except AttributeError:  # pragma: no cover - a very old or stub IPython
        return False
    return shell is not None and getattr(shell, "kernel", None) is not None
