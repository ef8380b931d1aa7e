"""Argument and data checks shared by the core modules.

Every check raises :class:`~okr_toolkit.exceptions.OKRDataError` with a message
that names the item (key result, KPI, row) and says how to fix it. Checks are
vectorised: the fast path for clean numeric input costs a few array passes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeAlias

import numpy as np
import numpy.typing as npt
import pandas as pd

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
) -> np.ndarray:
    """Return ``values`` as a float64 array, or raise naming the bad entries.

    Text is refused even when it looks like a number ("42" or "42%"): a number
    stored as text usually means a column was read wrongly, and guessing would
    hide that. Missing values (None, NaN, pd.NA) become NaN for the caller to
    judge.
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
    if arr.dtype.kind in "fiub":
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
        else:
            shown, kind = repr(value), type(value).__name__
        return (
            f"{where}: {field} {shown} is {kind}, not a number; "
            "write it as a plain number such as 42 or 0.42 (no units or % sign)"
        )

    def as_float(v: Any) -> float:
        if v is None or v is pd.NA or v is pd.NaT:
            return np.nan
        if isinstance(v, str | bytes):
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
) -> np.ndarray:
    """Like :func:`to_float_array`, and also refuse missing and infinite entries."""
    labels = default_labels(values, labels)
    arr = to_float_array(values, field, labels, noun)
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
    """Broadcast named arrays together, or raise naming their lengths."""
    try:
        return list(np.broadcast_arrays(*(np.asarray(a) for a in arrays.values())))
    except ValueError as err:
        sizes = ", ".join(f"{name} has {np.size(a)}" for name, a in arrays.items())
        raise ValueError(
            f"{', '.join(arrays)} must have matching lengths (or be single values): {sizes}"
        ) from err


def to_timestamp(value: Any, field: str) -> pd.Timestamp:
    """Parse one date, or raise naming the argument and the expected format."""
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError) as err:
        raise OKRDataError(
            f"{field} {value!r} is not a date; write it as YYYY-MM-DD, e.g. '2026-08-17'"
        ) from err
    if pd.isna(stamp):
        raise OKRDataError(f"{field} is missing; give a date such as '2026-08-17'")
    return stamp


def to_timestamps(values: Any, field: str, labels: Labels | None = None) -> pd.Series:
    """Parse a column of dates, or raise naming the first bad or missing entry and its row."""
    series = values if isinstance(values, pd.Series) else pd.Series(values)
    try:
        stamps = pd.to_datetime(series, errors="coerce")
    except (ValueError, TypeError, OverflowError) as err:
        raise OKRDataError(
            f"{field} holds values that are not dates ({err}); write dates as YYYY-MM-DD"
        ) from err
    missing = series.isna().to_numpy()
    unread = stamps.isna().to_numpy() & ~missing
    for mask, problem in ((unread, "is not a date"), (missing, "is missing")):
        if mask.any():
            i = int(np.argmax(mask))
            where = f"row {i}" if labels is None else f"row {i} ({labels[i]!r})"
            shown = f" {series.iloc[i]!r}" if problem == "is not a date" else ""
            raise OKRDataError(
                f"{field}{shown} at {where} {problem}; write dates as YYYY-MM-DD, e.g. '2026-08-17'"
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
