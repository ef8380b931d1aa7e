"""Writing an ``okr`` command's results to standard output: JSON that stays valid (NaN as
``null``, numpy scalars and dates as plain values), a table as JSON records, and bytes
(an HTML report, an Excel workbook) after whatever text came before them.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import json
import math
import sys
from typing import Any

import pandas as pd

__all__ = ["clean", "json_default", "print_json", "records", "write_stdout"]


def json_default(value: object) -> object:
    """A value :mod:`json` cannot write, as one it can (``default=`` of :func:`json.dumps`).

    Parameters
    ----------
    value : object
        A date or timestamp, a numpy scalar, a missing value, or anything else.

    Returns
    -------
    object
        Its ISO date, its Python value, None, or its ``str``.

    Examples
    --------
    >>> import datetime
    >>> json_default(datetime.date(2027, 1, 4)), json_default(pd.NA)
    ('2027-01-04', None)
    """
    if isinstance(value, _dt.date | pd.Timestamp):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    with contextlib.suppress(TypeError, ValueError):
        if pd.isna(value):  # type: ignore[call-overload]  # isna() takes any object; stubs list types
            return None
    return str(value)


def clean(value: Any) -> Any:
    """NaN and numpy scalars as plain JSON values (NaN is not valid JSON).

    Parameters
    ----------
    value : object
        A value, or dicts, lists and tuples of them, nested.

    Returns
    -------
    object
        The same structure (tuples as lists), numpy scalars as Python values and
        non-finite floats as None.

    Examples
    --------
    >>> clean({"score": float("nan"), "krs": (1, 2.5)})
    {'score': None, 'krs': [1, 2.5]}
    """
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def print_json(data: Any) -> None:
    """Print ``data`` as indented JSON (see :func:`clean` and :func:`json_default`).

    Parameters
    ----------
    data : object
        What to print: dicts, lists and values.

    Examples
    --------
    >>> print_json({"kpi": "nps", "value": float("nan")})
    {
      "kpi": "nps",
      "value": null
    }
    """
    print(json.dumps(clean(data), indent=2, default=json_default))


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """A table as JSON records: one dict per row, missing values as None.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table.

    Returns
    -------
    list of dict
        One ``{column: value}`` per row, cleaned by :func:`clean`.

    Examples
    --------
    >>> records(pd.DataFrame({"kr_id": ["a", "b"], "score": [0.5, None]}))
    [{'kr_id': 'a', 'score': 0.5}, {'kr_id': 'b', 'score': None}]
    """
    return clean(frame.astype(object).where(frame.notna(), None).to_dict(orient="records"))


def write_stdout(data: bytes) -> None:
    """Bytes to standard output, after whatever text was printed before them.

    Parameters
    ----------
    data : bytes
        What to write, as it is.
    """
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
