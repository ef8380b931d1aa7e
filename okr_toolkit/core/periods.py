"""Periods of a KPI history, put in time order and spaced, whatever way they are written.

A history's period column may hold dates, numbers (1, 2, 3), or labels: ISO
weeks (``2026-W09``), months (``2026-07``, ``Jul 2026``), quarters
(``2026Q3``) or weeks without a year (``W9``). Sorted as text, ``W9`` comes
after ``W11`` and ``01/04/2026`` before ``12/28/2025``; so labels are read
into numbers that sort in time order. Dates whose day and month cannot be told
apart (``03/04/2026``) and labels that are none of these are refused, naming
the row, rather than put in some order.

The spacing matters as much as the order: two misses a month apart in a weekly
series are not "in a row". :func:`gaps` marks where a series skips one of its
periods or more.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from okr_toolkit._validate import to_timestamps
from okr_toolkit.exceptions import OKRDataError

__all__ = ["gaps", "period_keys"]

_ISO_WEEK = re.compile(r"^\s*(\d{4})\s*-?\s*W(\d{1,2})(?:-?[1-7])?\s*$", re.I)
_WEEK = re.compile(r"^\s*(?:W|wk\.?|week)\s*(\d{1,2})\s*$", re.I)
_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
_QUARTER = re.compile(r"^\s*(?:(\d{4})\s*-?\s*Q([1-4])|Q([1-4])\s*[- ]?\s*(\d{4}))\s*$", re.I)
_MONTH_NAME = re.compile(r"^\s*([A-Za-z]{3,9})\.?\s+(\d{4})\s*$")
_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        )
    )
    for name in names.split()
}
_HOW = (
    "write periods as dates (YYYY-MM-DD), ISO weeks (2026-W09), months (2026-07) "
    "or quarters (2026Q3)"
)


def _label_key(text: str) -> tuple[str, float] | None:
    """(kind, key) of one period label, or None when it is no label this module reads."""
    if m := _ISO_WEEK.match(text):
        year, week = int(m.group(1)), int(m.group(2))
        try:
            monday = pd.Timestamp.fromisocalendar(year, week, 1)
        except ValueError:
            return None
        return "date", float(monday.value // 86_400_000_000_000)
    if m := _QUARTER.match(text):
        year, quarter = int(m.group(1) or m.group(4)), int(m.group(2) or m.group(3))
        return "quarter", float(year * 4 + quarter - 1)
    if m := _MONTH.match(text):
        year, month = int(m.group(1)), int(m.group(2))
        return ("month", float(year * 12 + month - 1)) if 1 <= month <= 12 else None
    if (m := _MONTH_NAME.match(text)) and m.group(1).lower() in _MONTHS:
        return "month", float(int(m.group(2)) * 12 + _MONTHS[m.group(1).lower()] - 1)
    if m := _WEEK.match(text):
        week = int(m.group(1))
        return ("week", float(week)) if 1 <= week <= 53 else None
    return None


def period_keys(periods: pd.Series, column: str = "period") -> np.ndarray:
    """Numbers that put ``periods`` in time order, one step per period for labels.

    Dates become days; ISO weeks the day of their Monday; months, quarters and
    year-less weeks a running count of them; numbers stay as they are.

    Raises
    ------
    OKRDataError
        Naming the first row that is missing, cannot be read, or is another kind
        of period than the rest; and for year-less weeks that cross a new year
        (``W52`` and ``W1`` in one history), which only a year can order.

    Examples
    --------
    >>> import pandas as pd
    >>> period_keys(pd.Series(["W9", "W11", "W10"])).tolist()
    [9.0, 11.0, 10.0]
    >>> period_keys(pd.Series(["2026Q4", "2027Q1"])).tolist()
    [8107.0, 8108.0]
    """
    values = periods.reset_index(drop=True)
    missing = values.isna().to_numpy()
    if missing.any():
        raise OKRDataError(f"KPI history row {int(np.argmax(missing))}: {column} is missing")
    if values.dtype.kind in "iuf":
        return values.to_numpy(dtype=float)
    if values.dtype.kind == "M" or isinstance(values.dtype, pd.DatetimeTZDtype):
        days = to_timestamps(values, column).to_numpy(dtype="datetime64[D]")
        return days.astype(np.int64).astype(float)
    texts = values.astype(object)
    if not all(isinstance(v, str) for v in texts):
        if all(isinstance(v, (int, float, np.number)) and not isinstance(v, bool) for v in texts):
            return texts.to_numpy(dtype=float)
        dated = to_timestamps(texts, column).to_numpy(dtype="datetime64[D]")
        return dated.astype(np.int64).astype(float)
    read = [_label_key(v) for v in texts]
    if all(r is None for r in read):
        # Not labels: dates as text (refused there when day and month cannot be told).
        try:
            dated = to_timestamps(texts, column).to_numpy(dtype="datetime64[D]")
        except OKRDataError as err:
            raise OKRDataError(f"{err}; {_HOW}") from err
        return dated.astype(np.int64).astype(float)
    kinds = {r[0] for r in read if r is not None}
    for i, r in enumerate(read):
        if r is None or len(kinds) > 1:
            raise OKRDataError(
                f"KPI history row {i}: {column} {texts.iloc[i]!r} "
                + ("is another kind of period than the others" if r else "cannot be read")
                + f"; {_HOW}"
            )
    keys = np.array([r[1] for r in read if r is not None], dtype=float)
    if kinds == {"week"} and keys.max() >= 48 and keys.min() <= 5:
        raise OKRDataError(
            f"the {column} labels run from week {keys.max():.0f} to week {keys.min():.0f} "
            "without a year, so their order across the new year cannot be told; write them "
            "with the year, as ISO weeks (2026-W52, 2027-W01)"
        )
    return keys


def gaps(keys: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """Where a sorted series skips at least one of its periods (True on the row after the gap).

    A series' period is the smallest step between its consecutive keys (a week
    of days for weekly dates, one for labels); a step more than 1.5 times that
    is a gap: 14 days in a weekly series, two months in a monthly one. ``keys``
    must be sorted within each of ``groups`` (contiguous).

    Examples
    --------
    >>> import numpy as np
    >>> gaps(np.array([1.0, 8.0, 15.0, 43.0, 50.0]), np.zeros(5)).tolist()
    [False, False, False, True, False]
    """
    n = len(keys)
    out = np.zeros(n, dtype=bool)
    if n < 2:
        return out
    step = np.diff(keys)
    same = groups[1:] == groups[:-1]
    frame = pd.DataFrame({"g": groups[1:][same], "step": step[same]})
    period = frame.groupby("g", sort=False)["step"].min()
    cadence = pd.Series(groups[1:]).map(period).to_numpy(dtype=float)
    out[1:] = same & (step > 1.5 * cadence)
    return out
