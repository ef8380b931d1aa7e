"""The ``okr`` command: one sub-command per task, each a thin door onto the library."""

from __future__ import annotations

from okr_toolkit.cli.commands import build_parser, main, module_prog

__all__ = ["build_parser", "main", "module_prog"]
