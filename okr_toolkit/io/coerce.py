"""Turning read cells into typed values, and the wording shared by every check.

:class:`Coerce` reads a :class:`~okr_toolkit.io.model.Cell` as the kind its
field has in :mod:`okr_toolkit.io.fields` (text, id, number, bool, date, unit,
or one of a fixed set of words), and records a problem where it cannot.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
from collections.abc import Iterable
from typing import Any

import numpy as np

from okr_toolkit._dates import date_fix, read_date_text
from okr_toolkit.io.fields import ENUM_HINTS, ENUMS
from okr_toolkit.io.model import Cell, Problems
from okr_toolkit.io.numbers import read_number, yaml_surprise
from okr_toolkit.vocab import KNOWN_UNITS

__all__ = ["Coerce", "blank", "cell_id", "id_text", "nearest", "show", "unknown_field_fix"]

_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0"}
_PLAIN_NUMBER_FIX = "write a plain number such as 65 (the unit goes in the unit field)"


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

    def __init__(
        self, problems: Problems, decimal_comma: str | None = None, dots: str | None = None
    ) -> None:
        self.p = problems
        #: Why a comma may be a decimal comma in this file (then 1,500 is ambiguous).
        self.decimal_comma = decimal_comma
        #: Why a dot may group thousands in this file (then 1.500 is ambiguous).
        self.dots = dots

    def value(self, cell: Cell | None, kind: str, name: str, what: str) -> Any:
        if cell is None or (blank(cell.value) and not isinstance(cell.value, float)):
            return None
        v = cell.value
        if kind in ("text", "id"):
            if isinstance(v, bool) or isinstance(v, list | dict):
                self.p.at(cell, f"{what}: {name} must be text, got {show(v)}", "write it as text")
                return None
            if cell.raw is not None and isinstance(v, int | float | dt.date):
                # A YAML scalar as written: id 1.10 is "1.10", not the number 1.1.
                return cell.raw.strip() if kind == "id" else cell.raw
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
            surprise = yaml_surprise(cell.raw, v) if cell.raw is not None else None
            if surprise is not None:
                self.p.at(cell, f"{what}: {name} {surprise[0]}", surprise[1])
                return None
            x = float(v)
        elif isinstance(v, str) and cell.text:
            reading = read_number(v, decimal_comma=self.decimal_comma, dots=self.dots)
            if reading.value is None:
                if not reading.finite:
                    self.p.at(cell, f"{what}: {name} {show(v)} is not a finite number", reading.fix)
                elif reading.why:
                    self.p.at(
                        cell,
                        f"{what}: {name} {show(v)} is not a number: it {reading.why}",
                        reading.fix,
                    )
                else:
                    self.p.at(cell, f"{what}: {name} {show(v)} is not a number", _PLAIN_NUMBER_FIX)
                return None
            x = reading.value
        elif isinstance(v, str):
            return self._yaml_text_number(cell, v, name, what)
        else:
            self.p.at(cell, f"{what}: {name} must be a number, got {show(v)}", "write a number")
            return None
        if not math.isfinite(x):
            self.p.at(cell, f"{what}: {name} {show(v)} is not a finite number", "write a number")
            return None
        return x

    def _yaml_text_number(self, cell: Cell, v: str, name: str, what: str) -> float | None:
        """A YAML string where a number belongs: ``1e6`` is read (as YAML 1.2 does); other
        text is refused with the fix for what it is, quoted or not."""
        reading = read_number(v)
        plain = cell.raw is not None
        surprise = yaml_surprise(v, v) if plain else None
        if surprise is not None:  # 09: a leading zero that YAML 1.1 left as text
            self.p.at(cell, f"{what}: {name} {surprise[0]}", surprise[1])
            return None
        if plain and reading.form == "plain" and reading.value is not None:
            if math.isfinite(reading.value):
                return reading.value  # 1e6 or 1.5e6: a string in YAML 1.1, a number in 1.2
        if not plain:
            if reading.form == "plain" or _number_with_unit(v):
                fix = "remove the quotes and any unit sign: write it as a plain number"
            elif reading.form == "grouped":
                fix = f"remove the quotes and the separators: {reading.fix}"
            elif reading.fix:
                fix = f"remove the quotes and {reading.fix}"
            else:
                fix = _PLAIN_NUMBER_FIX
        elif reading.form == "grouped":
            fix = f"{reading.fix} (a YAML number has no thousands separators)"
        elif reading.fix:
            fix = reading.fix
        else:
            fix = _PLAIN_NUMBER_FIX
        self.p.at(cell, f"{what}: {name} {show(v)} is text, not a number", fix)
        return None

    def date(self, cell: Cell, name: str, what: str) -> dt.date | None:
        v = cell.value
        if isinstance(v, dt.datetime):
            return v.date()  # the day as written, in its own zone: never converted
        if isinstance(v, dt.date):
            return v
        if isinstance(v, str):
            day = read_date_text(v)
            if day is not None:
                return day
        self.p.at(cell, f"{what}: {name} {show(v)} is not a date", _serial_fix(cell) or date_fix(v))
        return None


def _serial_fix(cell: Cell) -> str | None:
    """For a workbook's number where a date belongs: the day it is as a date serial."""
    v = cell.value
    if cell.sheet is None or isinstance(v, bool) or not isinstance(v, int | float):
        return None
    if not 32874 <= v < 73051:  # 1990 to 2100: a date that was never formatted as one
        return None
    day = dt.date(1899, 12, 30) + dt.timedelta(days=int(v))
    return (
        f"the cell holds a number, which as a spreadsheet date is {day.isoformat()}: format "
        f"the cell as a date, or type {day.isoformat()}"
    )


def _number_with_unit(text: str) -> bool:
    try:
        float(text.strip().rstrip("%"))
    except ValueError:
        return False
    return True


def cell_id(cell: Cell | None) -> str | None:
    """The id a cell holds, as written (a YAML ``1.10`` is ``"1.10"``); None when blank."""
    if cell is None:
        return None
    if cell.raw is not None and isinstance(cell.value, int | float | dt.date):
        if isinstance(cell.value, bool):
            return None
        return cell.raw.strip() or None
    return id_text(cell.value)


def id_text(value: Any) -> str | None:
    if value is None or isinstance(value, bool | list | dict):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None
