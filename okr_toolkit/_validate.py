"""Argument and data checks shared by the core modules.

Every check raises :class:`~okr_toolkit.exceptions.OKRDataError` with a message
that names the item (key result, KPI, row) and says how to fix it. Checks are
vectorised: the fast path for clean numeric input costs a few array passes.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeAlias

import numpy as np
import numpy.typing as npt
import pandas as pd

from okr_toolkit._dates import date_fix
from okr_toolkit.exceptions import OKRDataError

#: Names of the items in a batch, one per item, for error messages: a sequence or
#: the array a column or index gives (``to_numpy()``).
Labels: TypeAlias = Sequence[Any] | npt.NDArray[Any]

#: How many individual problems one error message lists before summarising.
MAX_LISTED = 5


def describe(labels: Labels | None, i: int, noun: str = "key result") -> str:
    """Name item ``i``: ``key result 'kr1'``, ``key result at row 3`` or just ``key result``."""
    if i < 0:
        return noun if labels is None else f"{noun} {str(labels[0])!r}"
    if labels is None:
        return f"{noun} at row {i}"
    return f"{noun} {str(labels[i])!r}"


class Problems:
    """Collects every problem found in a batch, then raises them as one error."""

    def __init__(self, what: str = "key results") -> None:
        self.what = what
        self.messages: list[str] = []
        self.count = 0

    def add(self, message: str) -> None:
        self.count += 1
        if len(self.messages) < MAX_LISTED:
            self.messages.append(message)

    def check(self, mask: np.ndarray, message: Callable[[int], str]) -> None:
        """Record a problem at every position where ``mask`` is true."""
        idx = np.flatnonzero(mask)
        if len(idx) == 0:
            return
        room = max(0, MAX_LISTED - len(self.messages))
        self.messages.extend(message(int(i)) for i in idx[:room])
        self.count += len(idx)

    def raise_if_any(self) -> None:
        if self.count == 0:
            return
        if self.count == 1:
            raise OKRDataError(self.messages[0])
        lines = [f"{self.count} problems in the {self.what}:"]
        lines += [f"  - {m}" for m in self.messages]
        if self.count > len(self.messages):
            lines.append(f"  ... and {self.count - len(self.messages)} more")
        raise OKRDataError("\n".join(lines))


def to_float_array(
    values: Any,
    field: str,
    labels: Labels | None,
    noun: str = "key result",
    *,
    allow_bool: bool = False,
) -> np.ndarray:
    """Return ``values`` as a float64 array, or raise naming the bad entries.

    Text is refused even when it looks like a number ("42" or "42%"): a number
    stored as text usually means a column was read wrongly, and guessing would
    hide that. So are complex numbers, and True/False unless ``allow_bool``
    (a milestone's done / not done): a flag where a measurement belongs is a
    column mix-up. Missing values (None, NaN, pd.NA) become NaN for the caller
    to judge.
    """
    if isinstance(values, pd.Series | pd.Index):
        if isinstance(values.dtype, pd.CategoricalDtype):
            values = values.astype(object)
        arr = values.to_numpy()
    else:
        arr = np.asarray(values)
        if arr.dtype.kind in "US" and not isinstance(values, np.ndarray):
            # A list mixing numbers and text ([42.0, "n/a"]) would become all text;
            # keep each entry as given so only the real text is reported.
            arr = np.asarray(values, dtype=object)
        elif arr.dtype.kind in "fic" and isinstance(values, list | tuple) and arr.ndim == 1:
            # [True, 5.0] would become [1.0, 5.0] and [1+0j, 2.0] complex: keep the items.
            if any(isinstance(v, bool | np.bool_ | complex | np.complexfloating) for v in values):
                arr = np.empty(len(values), dtype=object)
                arr[:] = list(values)
    if arr.dtype.kind in "fiu" or (arr.dtype.kind == "b" and allow_bool):
        return arr.astype(np.float64, copy=False)
    if arr.dtype.kind in "mM":
        raise OKRDataError(f"{field} holds dates or durations; it must hold plain numbers")
    flat = arr.ravel()
    scalar = arr.ndim == 0
    problems = Problems(noun + "s")

    def bad(i: int) -> str:
        where = describe(labels, -1 if scalar else i, noun)
        value = flat[i]
        if isinstance(value, str | bytes):
            shown, kind = repr(str(value)), "text"
        elif isinstance(value, bool | np.bool_):
            shown, kind = repr(bool(value)), "True/False"
        else:
            shown, kind = repr(value), type(value).__name__
        return (
            f"{where}: {field} {shown} is {kind}, not a number; "
            "write it as a plain number such as 42 or 0.42 (no units or % sign)"
        )

    def as_float(v: Any) -> float:
        if v is None or v is pd.NA or v is pd.NaT:
            return np.nan
        if isinstance(v, str | bytes | complex | np.complexfloating):
            raise TypeError
        if isinstance(v, bool | np.bool_) and not allow_bool:
            raise TypeError
        return float(v)

    out = np.empty(len(flat), dtype=np.float64)
    bad_mask = np.zeros(len(flat), dtype=bool)
    for i, v in enumerate(flat):  # only reached for object input: the slow, rare path
        try:
            out[i] = as_float(v)
        except (TypeError, ValueError):
            bad_mask[i] = True
    problems.check(bad_mask, bad)
    problems.raise_if_any()
    return out.reshape(arr.shape)


def bool_mask(values: Any) -> np.ndarray:
    """Where ``values`` holds True/False rather than numbers (same shape as its array)."""
    if isinstance(values, pd.Series | pd.Index):
        arr = values.to_numpy()
    elif isinstance(values, list | tuple):
        # np.asarray([True, 5.0]) is [1.0, 5.0]: look at the items as given.
        arr = np.empty(len(values), dtype=object)
        arr[:] = list(values)
    else:
        arr = np.asarray(values)
    if arr.dtype.kind == "b":
        return np.ones(arr.shape, dtype=bool)
    if arr.dtype.kind != "O":
        return np.zeros(arr.shape, dtype=bool)
    flat = [isinstance(v, bool | np.bool_) for v in arr.ravel()]
    return np.array(flat, dtype=bool).reshape(arr.shape)


def require_columns(frame: Any, columns: Iterable[str], what: str) -> None:
    """Raise when ``frame`` is not a DataFrame or lacks any of ``columns``."""
    if not isinstance(frame, pd.DataFrame):
        raise OKRDataError(f"{what} must be a pandas DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        have = ", ".join(map(str, frame.columns)) or "no columns"
        raise OKRDataError(
            f"{what} is missing column(s) {', '.join(map(repr, missing))}; it has: {have}. "
            "Rename your columns or pass their names as arguments."
        )


def one_of(value: Any, allowed: Sequence[str], name: str) -> str:
    """Check a keyword argument against its allowed values."""
    if value not in allowed:
        raise ValueError(f"`{name}` must be one of {', '.join(map(repr, allowed))}, got {value!r}")
    return value


def labels_of(frame: pd.DataFrame, label: str | None) -> Labels | None:
    """Names for the rows of ``frame``: its ``label`` column, else a non-default index.

    ``None`` (a plain 0..n-1 index and no label column) makes messages say
    "at row i" instead.
    """
    if label is not None and label in frame.columns:
        return frame[label].to_numpy()
    if isinstance(frame.index, pd.RangeIndex) and frame.index.start == 0 and frame.index.step == 1:
        return None
    return frame.index.to_numpy()


def default_labels(values: Any, labels: Labels | None) -> Labels | None:
    """``labels``, else the index of a Series that has a meaningful (non-default) one."""
    if labels is not None or not isinstance(values, pd.Series):
        return labels
    index = values.index
    if isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1:
        return None
    return index.to_numpy()


def finite_array(
    values: Any,
    field: str,
    labels: Labels | None = None,
    noun: str = "key result",
    *,
    allow_bool: bool = False,
) -> np.ndarray:
    """Like :func:`to_float_array`, and also refuse missing and infinite entries."""
    labels = default_labels(values, labels)
    arr = to_float_array(values, field, labels, noun, allow_bool=allow_bool)
    flat = arr.ravel()
    scalar = arr.ndim == 0
    problems = Problems(noun + "s")
    problems.check(
        np.isnan(flat),
        lambda i: (
            f"{describe(labels, -1 if scalar else i, noun)}: {field} is missing (NaN); "
            "fill it in or drop the row"
        ),
    )
    problems.check(
        np.isinf(flat),
        lambda i: (
            f"{describe(labels, -1 if scalar else i, noun)}: {field} is {flat[i]:g}; "
            "it must be a finite number"
        ),
    )
    problems.raise_if_any()
    return arr


def broadcast(**arrays: Any) -> list[np.ndarray]:
    """Broadcast named arrays together, or raise naming their lengths.

    Single values (numbers, 0-d arrays) go with every entry; sequences must
    have the same length. A one-item list is a sequence of one, not a single
    value: ``[5.0]`` against three targets is refused rather than repeated.
    """
    values = [np.asarray(a) for a in arrays.values()]
    shapes = {v.shape for v in values if v.ndim > 0}
    if len(shapes) > 1:
        sizes = ", ".join(
            f"{name} has {np.size(a)}" for name, a in zip(arrays, values, strict=True)
        )
        raise ValueError(
            f"{', '.join(arrays)} must have matching lengths (or be single values): {sizes}"
        )
    return list(np.broadcast_arrays(*values))


def align_to(reference: Any, **others: Any) -> dict[str, Any]:
    """Line Series arguments up with ``reference`` by index label, not position.

    When ``reference`` is a Series, every other argument that is a Series with
    the same labels in another order is reordered to match; one with other
    labels is refused, naming the labels that differ. Anything else is
    returned as given.
    """
    if not isinstance(reference, pd.Series):
        return others
    out: dict[str, Any] = {}
    for name, value in others.items():
        if isinstance(value, pd.Series) and not value.index.equals(reference.index):
            missing = reference.index.difference(value.index)
            extra = value.index.difference(reference.index)
            if len(missing) or len(extra) or not value.index.is_unique:
                shown = [*missing[:3], *extra[:3]]
                raise OKRDataError(
                    f"{name} is a Series whose index does not match the values': labels "
                    f"{', '.join(repr(x) for x in shown)} are in one and not the other; "
                    "Series are matched by label, so give both the same labels (or pass "
                    "plain arrays to match by position)"
                )
            value = value.reindex(reference.index)
        out[name] = value
    return out


# Day and month as numbers in either order ("03/04/2026", "4.3.26"): 3 April or March 4.
_NUMERIC_DATE = re.compile(r"^\s*\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,4}\b")


def _wall_time(stamp: pd.Timestamp) -> pd.Timestamp:
    """A timezone-aware time as the date and time on the clock where it was written.

    The one rule for time zones: "2026-07-06T00:30+02:00" is 6 July, the day the
    person checking in saw, not 5 July in UTC.
    """
    return stamp.tz_localize(None) if stamp.tzinfo is not None else stamp


def _date_problem(value: Any, field: str) -> str | None:
    """Why ``value`` cannot be read as a date without guessing, or None."""
    if isinstance(value, bool | int | float | np.number) and value == value:  # not NaN
        return (
            f"{field} {value!r} is a number, not a date; write it as YYYY-MM-DD, "
            "e.g. '2026-08-17'" + (" (or a quarter such as '2026Q1')" if field == "quarter" else "")
        )
    if isinstance(value, str) and _NUMERIC_DATE.match(value):
        # "03/04/2026" has two readings, "12/28/2025" one: say each as YYYY-MM-DD.
        return f"{field} {value!r} is not written YYYY-MM-DD: {date_fix(value.strip())}"
    return None


def _first_undatable(series: pd.Series) -> int | None:
    """Position of the first entry :func:`_date_problem` refuses, or None (vectorised)."""
    if series.dtype.kind in "iufb":
        known = series.notna().to_numpy()
        return int(np.argmax(known)) if known.any() else None
    text = series.astype(object)
    is_text = np.fromiter((isinstance(v, str) for v in text), dtype=bool, count=len(text))
    bad = np.zeros(len(series), dtype=bool)
    if is_text.any():
        bad[is_text] = text[is_text].astype(str).str.match(_NUMERIC_DATE).to_numpy(dtype=bool)
    if not is_text.all():
        rest = ~is_text
        bad[rest] = [_date_problem(v, "") is not None for v in text[rest]]
    return int(np.argmax(bad)) if bad.any() else None


def to_timestamp(value: Any, field: str) -> pd.Timestamp:
    """Parse one date, or raise naming the argument and the expected format.

    Numbers (``2026`` would be 2026 nanoseconds after 1970) and dates written
    with the day and month as numbers in an order that cannot be told
    ("03/04/2026") are refused; a timezone-aware time keeps its own wall-clock
    date and time.
    """
    problem = _date_problem(value, field)
    if problem:
        raise OKRDataError(problem)
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError) as err:
        raise OKRDataError(
            f"{field} {value!r} is not a date; write it as YYYY-MM-DD, e.g. '2026-08-17'"
        ) from err
    if pd.isna(stamp):
        raise OKRDataError(f"{field} is missing; give a date such as '2026-08-17'")
    return _wall_time(stamp)


def _parse_dates(series: pd.Series) -> pd.Series:
    """Dates of a Series, each timezone-aware entry at its own wall-clock time."""
    if isinstance(series.dtype, pd.DatetimeTZDtype):
        return series.dt.tz_localize(None)
    if series.dtype.kind == "M":
        return series
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # mixed offsets: handled below, one by one
            stamps = pd.to_datetime(series, errors="coerce")
    except (ValueError, TypeError):
        stamps = None
    if stamps is not None and isinstance(stamps.dtype, pd.DatetimeTZDtype):
        return stamps.dt.tz_localize(None)
    if stamps is not None and stamps.dtype.kind == "M":
        return stamps

    def one(v: Any) -> Any:
        try:
            return pd.NaT if pd.isna(v) else _wall_time(pd.Timestamp(v))
        except (ValueError, TypeError, OverflowError):
            return pd.NaT

    return pd.Series([one(v) for v in series], index=series.index, dtype="datetime64[ns]")


def to_timestamps(values: Any, field: str, labels: Labels | None = None) -> pd.Series:
    """Parse a column of dates, or raise naming the first bad or missing entry and its row.

    The rules of :func:`to_timestamp`, for every entry.
    """
    series = values if isinstance(values, pd.Series) else pd.Series(values)

    def where(i: int) -> str:
        return f"row {i}" if labels is None else f"row {i} ({labels[i]!r})"

    if series.dtype.kind not in "Mm":
        i = _first_undatable(series)
        if i is not None:
            raise OKRDataError(f"{where(i)}: {_date_problem(series.iloc[i], field)}")
    try:
        stamps = _parse_dates(series)
    except (ValueError, TypeError, OverflowError) as err:
        raise OKRDataError(
            f"{field} holds values that are not dates ({err}); write dates as YYYY-MM-DD"
        ) from err
    missing = series.isna().to_numpy()
    unread = stamps.isna().to_numpy() & ~missing
    for mask, problem in ((unread, "is not a date"), (missing, "is missing")):
        if mask.any():
            i = int(np.argmax(mask))
            shown = f" {series.iloc[i]!r}" if problem == "is not a date" else ""
            raise OKRDataError(
                f"{field}{shown} at {where(i)} {problem}; write dates as YYYY-MM-DD, "
                "e.g. '2026-08-17'"
            )
    return stamps


def labelled(codes: np.ndarray, dtype: pd.CategoricalDtype, like: Any, name: str) -> Any:
    """Turn integer codes into labels shaped like the input ``like``.

    A single label (str) for a scalar, an ordered categorical Series (same
    index, named ``name``) for a Series, else an object array of labels.
    """
    names = dtype.categories
    if codes.ndim == 0:
        return str(names[int(codes)])
    out = pd.Categorical.from_codes(codes, dtype=dtype)
    if isinstance(like, pd.Series):
        return pd.Series(out, index=like.index, name=name)
    return np.asarray(out, dtype=object)
