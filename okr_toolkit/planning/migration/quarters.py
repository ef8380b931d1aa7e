"""Reading a quarter written as ``"2026Q1"``, ``"Q1 2026"`` or a ``pandas.Period``."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from okr_toolkit.exceptions import OKRDataError

__all__ = ["parse_quarter"]

_QUARTER = re.compile(r"^\s*(?:(\d{4})\s*-?\s*Q([1-4])|Q([1-4])\s*[- ]?\s*(\d{4}))\s*$", re.I)


def parse_quarter(quarter: Any, name: str = "start_quarter") -> pd.Period:
    if isinstance(quarter, pd.Period):
        return quarter.asfreq("Q")
    if isinstance(quarter, str):
        m = _QUARTER.match(quarter)
        if m:
            year = int(m.group(1) or m.group(4))
            q = int(m.group(2) or m.group(3))
            return pd.Period(year=year, quarter=q, freq="Q")
    raise OKRDataError(
        f"`{name}` {quarter!r} is not a quarter; write it like '2026Q1' or 'Q1 2026' "
        "(quarters run Q1 to Q4)"
    )
