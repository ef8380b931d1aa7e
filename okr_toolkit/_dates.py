"""Dates in OKR files: the forms read, the ones refused with their fix, and cycles as dates.

One rule in every format: a check-in's date is the day as written. A date
with a time (``2026-07-06T23:30:00-05:00`` in YAML, CSV or a workbook's text,
or a workbook's date-and-time cell) is read as its date in the zone it is
written in, never converted to UTC or to this machine's zone, so that the same
text gives the same day everywhere.

``03/04/2026`` is 3 April in most of the world and March 4 in the US: a date
with slashes or dots is never read, and the fix names each reading as
``YYYY-MM-DD``. A cycle written as a quarter (``2026Q3``, ``2026-Q3``,
``Q3 2026``) is that calendar quarter (the quarters of
``okr_toolkit.core.quarter_bounds``).
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["DATE_FIX", "cycle_bounds", "date_fix", "read_date_text"]

#: The fix for a date that is not one, when nothing more precise can be said.
DATE_FIX = "write it as YYYY-MM-DD, e.g. 2026-07-06"

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_TIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?",
    re.IGNORECASE,
)
_LOOSE_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_DAY_MONTH = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_QUARTER = re.compile(r"^\s*(?:(\d{4})\s*-?\s*Q([1-4])|Q([1-4])\s*[- ]?\s*(\d{4}))\s*$", re.I)
_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def read_date_text(text: str) -> dt.date | None:
    """The date ``text`` writes as ``YYYY-MM-DD`` (a time after it, in any zone, is dropped).

    Examples
    --------
    >>> read_date_text("2026-07-06")
    datetime.date(2026, 7, 6)
    >>> read_date_text("2026-07-06T23:30:00-05:00")  # the day as written, not UTC's
    datetime.date(2026, 7, 6)
    >>> read_date_text("03/04/2026") is None
    True
    """
    s = text.strip()
    m = _ISO.fullmatch(s) or _ISO_TIME.fullmatch(s)
    if not m:
        return None
    day = _day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if day is None or (m.re is _ISO_TIME and not _valid_time(m)):
        return None
    return day


def _valid_time(m: re.Match[str]) -> bool:
    hour, minute, second = int(m.group(4)), int(m.group(5)), int(m.group(6) or 0)
    zone = m.group(7)
    if zone and zone.upper() != "Z":
        digits = zone[1:].replace(":", "")
        if int(digits[:2]) > 23 or (len(digits) > 2 and int(digits[2:]) > 59):
            return False
    return hour <= 23 and minute <= 59 and second <= 59


def _iso(day: dt.date) -> str:
    return f"{day.isoformat()} ({day.day} {_MONTHS[day.month - 1]})"


def date_fix(value: object) -> str:
    """The fix for a value that is not a ``YYYY-MM-DD`` date: its readings, when it has any.

    Examples
    --------
    >>> print(date_fix("03/04/2026"))  # doctest: +NORMALIZE_WHITESPACE
    it could be 3 April or 4 March: write 2026-04-03 (3 April) or 2026-03-04 (4 March),
    as YYYY-MM-DD
    >>> date_fix("07/26/2026")
    'write 2026-07-26 (26 July), as YYYY-MM-DD'
    """
    if isinstance(value, bool):
        return DATE_FIX
    s = str(value).strip()
    m = _COMPACT.fullmatch(s)
    if m:
        day = _day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day is not None:
            return f"write {_iso(day)}, as YYYY-MM-DD"
    m = _LOOSE_ISO.fullmatch(s)
    if m:
        day = _day(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day is not None:
            return f"write {_iso(day)}, as YYYY-MM-DD"
    m = _DAY_MONTH.fullmatch(s)
    if m:
        a, b, year_text = int(m.group(1)), int(m.group(2)), m.group(3)
        if len(year_text) == 2:
            return (
                f"write the year in full, as YYYY-MM-DD (is {s!r} in 20{year_text}? "
                "and which is the day?)"
            )
        year = int(year_text)
        day_first, month_first = _day(year, b, a), _day(year, a, b)
        if day_first and month_first and day_first != month_first:
            return (
                f"it could be {day_first.day} {_MONTHS[day_first.month - 1]} or "
                f"{month_first.day} {_MONTHS[month_first.month - 1]}: write {_iso(day_first)} "
                f"or {_iso(month_first)}, as YYYY-MM-DD"
            )
        day = day_first or month_first
        if day is not None:
            return f"write {_iso(day)}, as YYYY-MM-DD"
    m = _ISO.fullmatch(s)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{s} is not a day of the calendar; {DATE_FIX}"
    return DATE_FIX


def cycle_bounds(cycle: object) -> tuple[dt.date, dt.date] | None:
    """First and last day of a cycle written as a quarter; None for any other cycle.

    Examples
    --------
    >>> cycle_bounds("2026Q3")
    (datetime.date(2026, 7, 1), datetime.date(2026, 9, 30))
    >>> cycle_bounds("annual") is None
    True
    """
    if not isinstance(cycle, str):
        return None
    m = _QUARTER.match(cycle)
    if not m:
        return None
    year = int(m.group(1) or m.group(4))
    quarter = int(m.group(2) or m.group(3))
    start = dt.date(year, 3 * quarter - 2, 1)
    end = dt.date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
    return start, end - dt.timedelta(days=1)
