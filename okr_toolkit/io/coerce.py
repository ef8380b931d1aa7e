"""Turning read cells into typed values, and the wording shared by every check.

:class:`Coerce` reads a :class:`~okr_toolkit.io.model.Cell` as the kind its
field has in :mod:`okr_toolkit.io.fields` (text, id, number, bool, date, unit,
or one of a fixed set of words), and records a problem where it cannot.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Iterable
from typing import Any

import numpy as np

from okr_toolkit.io.fields import ENUM_HINTS, ENUMS
from okr_toolkit.io.model import Cell, Problems
from okr_toolkit.vocab import KNOWN_UNITS

__all__ = ["Coerce", "blank", "id_text", "nearest", "show", "unknown_field_fix"]

_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def nearest(name: str, known: Iterable[str]) -> str:
    """``; did you mean 'title'?`` when a close known name exists, else ``""``."""
    match = difflib.get_close_matches(name.lower(), list(known), n=1, cutoff=0.6)
    return f"did you mean {match[0]!r}? " if match else ""


def unknown_field_fix(name: str, known: Iterable[str]) -> str:
    known = list(known)
    return f"{nearest(name, known)}the fields here are: {', '.join(known)}"


def blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and value.strip() == ""


def show(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


class Coerce:
    """Turns cells into typed values, recording a problem (and returning None) when it can't."""

    def __init__(self, problems: Problems) -> None:
        self.p = problems

    def value(self, cell: Cell | None, kind: str, name: str, what: str) -> Any:
        if cell is None or (blank(cell.value) and not isinstance(cell.value, float)):
            return None
        v = cell.value
        if kind in ("text", "id"):
            if isinstance(v, bool) or isinstance(v, list | dict):
                self.p.at(cell, f"{what}: {name} must be text, got {show(v)}", "write it as text")
                return None
            if isinstance(v, dt.date):
                return v.isoformat()
            if isinstance(v, float) and v.is_integer():
                v = int(v)
            return str(v).strip() if kind == "id" else str(v)
        if kind == "number":
            return self.number(cell, name, what)
        if kind == "bool":
            if isinstance(v, bool):
                return v
            if cell.text and str(v).strip().lower() in _TRUE | _FALSE:
                return str(v).strip().lower() in _TRUE
            self.p.at(
                cell, f"{what}: {name} must be true or false, got {show(v)}", "write true or false"
            )
            return None
        if kind == "date":
            return self.date(cell, name, what)
        if kind == "unit":
            text = str(v).strip()
            if text in KNOWN_UNITS:
                return text
            self.p.at(
                cell,
                f"{what}: unknown unit {show(v)}",
                f"{nearest(text, KNOWN_UNITS)}use one of {' '.join(KNOWN_UNITS)}, "
                "or leave unit out",
            )
            return None
        if kind.startswith("enum:"):
            choices = ENUMS[kind[5:]]
            text = str(v).strip().lower()
            if text in choices:
                return text
            self.p.at(
                cell,
                f"{what}: {name} {show(v)} is not one of {', '.join(choices)}",
                ENUM_HINTS.get((name, text), nearest(text, choices))
                + f"write one of {', '.join(choices)}",
            )
            return None
        raise AssertionError(kind)  # pragma: no cover

    def number(self, cell: Cell, name: str, what: str) -> float | None:
        v = cell.value
        if isinstance(v, bool):
            self.p.at(cell, f"{what}: {name} must be a number, got {show(v)}", "write a number")
            return None
        if isinstance(v, int | float | np.integer | np.floating):
            x = float(v)
        elif isinstance(v, str) and cell.text:
            try:
                x = float(v.strip().replace(",", ""))
            except ValueError:
                self.p.at(
                    cell,
                    f"{what}: {name} {show(v)} is not a number",
                    "write a plain number such as 65 (the unit goes in the unit field)",
                )
                return None
        elif isinstance(v, str):
            try:
                float(v.strip().rstrip("%"))
                fix = "remove the quotes and any unit sign: write it as a plain number"
            except ValueError:
                fix = "write a plain number such as 65 (the unit goes in the unit field)"
            self.p.at(cell, f"{what}: {name} {show(v)} is text, not a number", fix)
            return None
        else:
            self.p.at(cell, f"{what}: {name} must be a number, got {show(v)}", "write a number")
            return None
        if not math.isfinite(x):
            self.p.at(cell, f"{what}: {name} {show(v)} is not a finite number", "write a number")
            return None
        return x

    def date(self, cell: Cell, name: str, what: str) -> dt.date | None:
        v = cell.value
        if isinstance(v, dt.datetime):
            return v.date()
        if isinstance(v, dt.date):
            return v
        text = str(v).strip()
        if _DATE.match(text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                pass
        self.p.at(
            cell,
            f"{what}: {name} {show(v)} is not a date",
            "write it as YYYY-MM-DD, e.g. 2026-07-06",
        )
        return None


def id_text(value: Any) -> str | None:
    if value is None or isinstance(value, bool | list | dict):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None
