"""Numbers written as text, in the forms people write them: which are read, which refused.

A number in a table cell (every CSV cell, a text cell of a workbook) is read
only when its text has one meaning:

* plain: ``42``, ``-3.5``, ``.5``, ``1e6``, ``+7``;
* grouped in thousands by commas, spaces or apostrophes, with any decimal part
  after a point: ``1,000``, ``12,500,000``, ``1,000.5``, ``1 000``, ``1'000``;
  Indian grouping (``6,50,000``, ``1,00,00,000``).

Everything else is refused, saying what the text could mean and how to write
it: a decimal comma (``42,5``: write 42.5), a continental number (``1.000,5``),
dots grouping thousands (``1.000.000``), separators in odd places (``6,50,00``),
a per cent sign, a currency, a suffix (``2M``), brackets for a negative
(``(5)``). In a file that writes numbers the continental way elsewhere (a
decimal comma in another cell, or separated by semicolons), ``1,500`` and
``1.500`` mean 1500 or 1.5 and are refused too: never a guessed number.

YAML has its own rules (:func:`yaml_surprise`): YAML 1.1, which PyYAML reads,
takes ``010`` for the octal number 8 and ``2:00`` for the base-60 number 120;
those are refused with what was meant.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

__all__ = ["DOT3", "Reading", "read_number", "scaled", "yaml_surprise"]

_SPACES = " \u00a0\u202f\u2009"
_NUMBER = r"(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
_PLAIN = re.compile(rf"[+-]?{_NUMBER}")
#: One dot and three digits (``1.500``): 1.5, or 1500 on the continent.
DOT3 = re.compile(r"[+-]?[1-9][0-9]{0,2}\.[0-9]{3}")
_COMMA3 = re.compile(r"[+-]?[1-9][0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_SPACE3 = re.compile(rf"[+-]?[1-9][0-9]{{0,2}}(?:[{_SPACES}][0-9]{{3}})+(?:\.[0-9]+)?")
_APOSTROPHE3 = re.compile(r"[+-]?[1-9][0-9]{0,2}(?:['\u2019][0-9]{3})+(?:\.[0-9]+)?")
_INDIAN = re.compile(r"[+-]?[1-9][0-9]?(?:,[0-9]{2})+,[0-9]{3}(?:\.[0-9]+)?")
_CONTINENTAL = re.compile(
    rf"[+-]?[1-9][0-9]{{0,2}}([.{_SPACES}'\u2019])[0-9]{{3}}(?:\1[0-9]{{3}})*,[0-9]+"
)
_DECIMAL_COMMA = re.compile(r"[+-]?[0-9]*,[0-9]+")
_DOT_GROUPED = re.compile(r"[+-]?[1-9][0-9]{0,2}(?:\.[0-9]{3}){2,}")
_SEPARATED = re.compile(rf"[+-]?[0-9][0-9.,{_SPACES}'\u2019]*[0-9]")
_PERCENT = re.compile(r"(.+?)\s*%")
_CURRENCY = re.compile(r"(?:([$€£¥]|USD|EUR|GBP|CHF)\s*(.+)|(.+?)\s*([$€£¥]|USD|EUR|GBP|CHF))")
_SUFFIX = re.compile(r"(.+?)\s*(k|K|M|B|bn|mn|mln|m)")
_SUFFIX_SCALE = {"k": 3, "K": 3, "M": 6, "mn": 6, "mln": 6, "B": 9, "bn": 9}
_NOT_FINITE = {"nan", "inf", "infinity", "+inf", "-inf", "+infinity", "-infinity"}


@dataclass(frozen=True)
class Reading:
    """What a text reads as: ``value``, or why it does not (``why``) and how to write it.

    ``form`` is ``"plain"`` (``42.5``, ``1e6``) or ``"grouped"`` (``1,000``) for a
    number read; ``continental`` marks text written with a decimal comma or dots
    grouping thousands, which makes ``1,500`` ambiguous elsewhere in the file.
    """

    value: float | None
    why: str = ""
    fix: str = ""
    form: str = ""
    continental: bool = False
    finite: bool = True
    point: bool = False


def _num(text: str) -> str:
    """A number's text without separators, as a fix writes it: ``1000.5``."""
    return text.lstrip("+")


def read_number(text: str, *, decimal_comma: str | None = None, dots: str | None = None) -> Reading:
    """Read ``text`` as a number, or say why it is not one.

    Parameters
    ----------
    text : str
        A cell's text.
    decimal_comma : str, optional
        Why a comma may be a decimal comma in this file ("writes '42,5' on row 7");
        then ``1,500`` and ``1.500`` are ambiguous.
    dots : str, optional
        Why a dot may group thousands here (no number of the file has a decimal
        point); then ``1.500`` (1.5, or 1500 on the continent) is ambiguous.

    Examples
    --------
    >>> read_number("12,500,000").value
    12500000.0
    >>> r = read_number("42,5")
    >>> r.value, r.why, r.fix
    (None, 'has a decimal comma', 'write 42.5 (a decimal point)')
    >>> read_number("1,500", decimal_comma="writes '42,5' on row 3").fix
    'write 1500 or 1.5'
    >>> read_number("1.500").value, read_number("1.500", dots="has no decimal point").fix
    (1.5, 'write 1.5 or 1500')
    """
    s = text.strip(_SPACES + "\t\r\n").replace("\u2212", "-")
    if s.lower() in _NOT_FINITE:
        return Reading(None, "is not a finite number", "write a number", finite=False)
    if _PLAIN.fullmatch(s):
        if DOT3.fullmatch(s) and (decimal_comma or dots):
            thousands = s.replace(".", "")
            return _ambiguous(
                f"{_plain(float(s))} with a decimal point, or {_num(thousands)} with a dot "
                "grouping thousands",
                decimal_comma or dots or "",
                f"write {_plain(float(s))} or {_num(thousands)}",
            )
        point = "." in s and not DOT3.fullmatch(s)
        return Reading(float(s), form="plain", point=point)
    if _COMMA3.fullmatch(s):
        plain = s.replace(",", "")
        if decimal_comma and s.count(",") == 1 and "." not in s:
            decimal = _plain(float(s.replace(",", ".")))
            return _ambiguous(
                f"{_num(plain)} with a comma grouping thousands, or {decimal} with a decimal comma",
                decimal_comma,
                f"write {_num(plain)} or {decimal}",
            )
        return Reading(float(plain), form="grouped", fix=f"write {_num(plain)}", point="." in s)
    for grouped in (_SPACE3, _APOSTROPHE3, _INDIAN):
        if grouped.fullmatch(s):
            plain = re.sub(rf"[,{_SPACES}'\u2019]", "", s)
            return Reading(float(plain), form="grouped", fix=f"write {_num(plain)}", point="." in s)
    if _CONTINENTAL.fullmatch(s):
        plain = re.sub(rf"[.{_SPACES}'\u2019]", "", s).replace(",", ".")
        return Reading(
            None, "has a decimal comma", f"write {_num(plain)} (a decimal point)", continental=True
        )
    if _DECIMAL_COMMA.fullmatch(s):
        plain = s.replace(",", ".")
        plain = plain.replace("-.", "-0.").replace("+.", "0.")
        plain = "0" + plain if plain.startswith(".") else plain
        return Reading(
            None, "has a decimal comma", f"write {_num(plain)} (a decimal point)", continental=True
        )
    if _DOT_GROUPED.fullmatch(s):
        plain = s.replace(".", "")
        return Reading(
            None,
            f"has more than one dot: with dots grouping thousands it is {_num(plain)}, "
            "but a dot is a decimal point here, and a number has one",
            f"write {_num(plain)}",
            continental=True,
        )
    if _SEPARATED.fullmatch(s):
        return Reading(
            None,
            "has its separators in odd places: neither groups of three digits "
            "(65,000) nor one decimal point (6.5)",
            "write the number with no separators and a point for any decimal part, e.g. 65000",
        )
    return _with_sign(s, decimal_comma)


def _ambiguous(readings: str, reason: str, fix: str) -> Reading:
    return Reading(None, f"is ambiguous: {readings} (this file {reason})", fix)


def _inner(text: str, decimal_comma: str | None) -> Reading:
    """The number inside a sign: its reading, which is no value when it could read two ways
    (``€1.000``: 1 or 1000) even where the file gives no reason to think so."""
    inner = read_number(text, decimal_comma=decimal_comma)
    if inner.value is not None and read_number(text, decimal_comma="x", dots="x").value is None:
        return Reading(None, inner.why, "", inner.form)
    return inner


def _with_sign(s: str, decimal_comma: str | None) -> Reading:
    """A number with a per cent sign, a currency, a suffix or brackets: refused, with the fix."""
    m = _PERCENT.fullmatch(s)
    if m:
        inner = _inner(m.group(1), decimal_comma)
        if inner.why:
            return inner
        shown = f"{inner.value:g}" if inner.value is not None else "the number"
        return Reading(
            None, "has a per cent sign", f"write {shown} (the unit, %, goes in the unit field)"
        )
    m = _CURRENCY.fullmatch(s)
    if m:
        sign = m.group(1) or m.group(4)
        inner = _inner(m.group(2) or m.group(3), decimal_comma)
        if inner.why:
            return inner
        if (
            inner.value is None
            and not inner.form
            and not _SEPARATED.fullmatch(m.group(2) or m.group(3))
        ):
            return Reading(None)
        shown = _plain(inner.value) if inner.value is not None else "the number without separators"
        return Reading(
            None,
            f"has a currency sign ({sign})",
            f"write {shown} (the unit, {sign}, goes in the unit field)",
        )
    m = _SUFFIX.fullmatch(s)
    if m:
        inner = _inner(m.group(1), decimal_comma)
        if inner.value is None:
            return inner if inner.why else Reading(None)
        suffix = m.group(2)
        scale = _SUFFIX_SCALE.get(suffix)
        if scale is None:
            whole = "write a plain number (the unit goes in the unit field)"
        else:
            word = {3: "thousand", 6: "million", 9: "billion"}[scale]
            whole = f"write {_plain(scaled(inner.value, scale))} if {suffix} means {word}"
        return Reading(None, f"has a suffix ({suffix})", whole)
    if s.startswith("(") and s.endswith(")"):
        inner = _inner(s[1:-1], decimal_comma)
        if inner.value is not None:
            return Reading(
                None, "is in brackets (an accountant's negative?)", f"write -{_plain(inner.value)}"
            )
    return Reading(None)


def _plain(x: float) -> str:
    """``2000000`` rather than ``2e+06``, ``1.5`` as it is."""
    if math.isfinite(x) and x.is_integer() and abs(x) < 1e18:
        return str(int(x))
    return repr(x)


def scaled(x: float, power: int) -> float:
    """``x`` times ten to ``power``, exact in decimal.

    ``scaled(0.42, 2)`` is 42.0, where ``0.42 * 100`` is 42.00000000000001.
    """
    from decimal import Decimal

    return float(Decimal(repr(float(x))).scaleb(power))


_LEADING_ZERO = re.compile(r"[+-]?0[0-9_]+")
_SEXAGESIMAL = re.compile(r"[+-]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?")


def yaml_surprise(raw: str, value: object) -> tuple[str, str] | None:
    """What YAML 1.1 made of a plain scalar that a person would read otherwise, and the fix.

    ``raw`` is the scalar as written, ``value`` what PyYAML read. None when the
    value is what the text says.

    Examples
    --------
    >>> yaml_surprise("010", 8)
    ("'010' has a leading zero, which YAML 1.1 reads as the octal number 8", 'write 10 (or 8)')
    >>> yaml_surprise("1_000", 1000) is None
    True
    """
    text = raw.strip()
    if _LEADING_ZERO.fullmatch(text):
        digits = text.lstrip("+-").lstrip("0").replace("_", "") or "0"
        sign = "-" if text.startswith("-") else ""
        if isinstance(value, int) and not isinstance(value, bool):
            return (
                f"{text!r} has a leading zero, which YAML 1.1 reads as the octal number {value}",
                f"write {sign}{digits} (or {value})" if str(value) != digits else f"write {value}",
            )
        return (f"{text!r} has a leading zero", f"write {sign}{digits}")
    if ":" in text and _SEXAGESIMAL.fullmatch(text):
        head, _, rest = text.lstrip("+-").partition(":")
        minutes = rest.split(":")[0]
        hint = ""
        if head.isdigit() and minutes.isdigit():
            hours = int(head) + int(minutes) / 60
            hint = f" ({text} as hours is {hours:g}, as minutes {int(head) * 60 + int(minutes)})"
        return (
            f"{text!r} reads in YAML 1.1 as the base-60 number {value}, like a clock time",
            f"write a plain number in the key result's unit{hint}",
        )
    lowered = text.lower().lstrip("+-")
    if lowered.startswith(("0x", "0b", "0o")):
        try:
            meant = int(text.replace("_", ""), 0)
        except ValueError:
            return None
        return (f"{text!r} is not a decimal number", f"write it in decimal: {meant}")
    return None
