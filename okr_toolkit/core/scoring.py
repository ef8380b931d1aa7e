"""Scoring Key Results on the 0.0-1.0 scale, vectorised.

The rule [KPI vs OKR — the difference that matters; the clipping is ours]: a
Key Result scores the share of the way it has moved from its baseline to its
target,

    score = (current - baseline) / (target - baseline), clipped to [0, 1].

The same formula serves increasing and decreasing metrics (sales cycle 45 -> 30
days): for a decrease both differences are negative, so the ratio is still the
share of the way travelled.

Two kinds of Key Result need a rule of their own. We chose:

*Threshold KRs* (``stay_above``: "achieve 80%+ satisfaction", ``stay_below``:
"keep churn under 2%"). A threshold that is met is fully met, so the score is
1.0 whenever ``current`` is on the right side of ``target`` (the boundary
counts: "80%+" includes 80). When it is not met and a baseline on the wrong
side is known, the score is the linear progress from that baseline, exactly as
an increase/decrease KR would score, so movement towards the line earns
credit. With no baseline, or a baseline that already met the threshold (a hold
that was then lost), an unmet threshold scores 0.0.

*Milestones* ("ship the new onboarding flow") are binary: ``current`` is 1 (or
True) when done and 0 when not; anything else is an error. Baseline and target
are ignored. A milestone is usually an activity in disguise, which the linter
will say; the score still has to be defined.

"At the target" and "on the threshold" follow the toolkit's one tolerance
(:mod:`okr_toolkit.core.tolerance`): ``0.58 * 100`` against a target of 58
scores 1.0, as :func:`okr_toolkit.kpi_status` and the grades would agree.

Scoring conventions differ between tools, which is why two tools can show the
same data as different numbers. ``method`` names them:

``"clamped"`` (default)
    linear progress clipped to [0, 1].
``"uncapped"``
    linear progress, unclipped: over-delivery shows as more than 1.0 (more
    than 100%) and going backwards as a negative number.
``"negative_to_zero"``
    going backwards shows as 0, over-delivery is not capped.
``"pass_fail"``
    1.0 when the target is strictly beaten (``current > target`` for an
    increase), else 0.0: reaching the target exactly fails.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal, overload

import numpy as np
import pandas as pd

from okr_toolkit._validate import (
    Labels,
    Problems,
    align_to,
    bool_mask,
    broadcast,
    describe,
    labels_of,
    one_of,
    require_columns,
    to_float_array,
)
from okr_toolkit.core.grades import grade_series
from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.core.tolerance import above, at_least, at_most, below, same
from okr_toolkit.vocab import DIRECTIONS

__all__ = ["METHODS", "score", "score_krs"]

#: The scoring conventions :func:`score` knows.
METHODS: tuple[str, ...] = ("clamped", "uncapped", "negative_to_zero", "pass_fail")

Method = Literal["clamped", "uncapped", "negative_to_zero", "pass_fail"]
_INC, _DEC, _ABOVE, _BELOW, _MILESTONE = range(5)
_CODE: dict[str, int] = {name: code for code, name in enumerate(DIRECTIONS)}
_NEEDS_BASELINE = (_INC, _DEC)


def _direction_codes(
    direction: Any,
    baseline: np.ndarray,
    target: np.ndarray,
    labels: Labels | None,
    problems: Problems,
) -> np.ndarray:
    """Turn ``direction`` (None, a name, or one name per KR) into int8 codes."""
    size = baseline.shape
    if direction is None:
        # Linear KR by default: the sign of (target - baseline) says which way.
        return np.where(target < baseline, _DEC, _INC).astype(np.int8)
    if isinstance(direction, str):
        if direction not in _CODE:
            who = describe(labels, -1) if baseline.ndim == 0 else "key results"
            problems.add(
                f"{who}: direction {direction!r} is not one of {', '.join(DIRECTIONS)}; "
                "use 'increase' or 'decrease' for a metric you move, 'stay_above' or "
                "'stay_below' for a threshold to reach, 'milestone' for done / not done"
            )
            return np.zeros(size, dtype=np.int8)
        return np.full(size, _CODE[direction], dtype=np.int8)
    n = int(np.prod(size))
    if isinstance(direction, pd.Series) and isinstance(direction.dtype, pd.CategoricalDtype):
        cats = [str(c) for c in direction.cat.categories]
        codes = direction.cat.codes.to_numpy()
        if cats != list(DIRECTIONS[: len(cats)]):
            # Categories in another order or with unknown names: translate them.
            lut = np.array([_CODE.get(c, -1) for c in cats] + [-2], dtype=np.int8)
            codes = lut[codes]  # code -1 (missing) picks the -2 sentinel
        elif codes.size and codes.min() < 0:
            codes = np.where(codes < 0, -2, codes).astype(np.int8)
    else:
        names = np.asarray(direction, dtype=object).ravel()
        codes = np.full(names.shape, -1, dtype=np.int8)
        for name, code in _CODE.items():
            codes[names == name] = code
        codes[pd.isna(names)] = -2
    single = np.ndim(direction) == 0  # one name for all; a one-item list is one KR's
    if codes.size != n and not (single and codes.size == 1):
        raise ValueError(
            f"direction has {codes.size} entries but there are {n} key "
            "results; give one direction per key result, or a single name for all"
        )
    if codes.shape != size:
        codes = np.broadcast_to(codes.reshape(-1)[0] if codes.size == 1 else codes, size).copy()
    if codes.size and codes.min() < 0:
        names = np.asarray(direction, dtype=object).ravel()
        flat = np.broadcast_to(names[0] if names.size == 1 else names, size).ravel()
        problems.check(
            codes == -2,
            lambda i: (
                f"{describe(labels, i)}: direction is missing; write one of {', '.join(DIRECTIONS)}"
            ),
        )
        problems.check(
            codes == -1,
            lambda i: (
                f"{describe(labels, i)}: direction {flat[i]!r} is not one of "
                f"{', '.join(DIRECTIONS)}"
            ),
        )
    return codes


def _check(
    c: np.ndarray,
    b: np.ndarray,
    t: np.ndarray,
    code: np.ndarray,
    labels: Labels | None,
    problems: Problems,
) -> None:
    """Record every reason a KR cannot be scored."""
    scalar = c.ndim == 0

    def who(i: int) -> str:
        return describe(labels, -1 if scalar else i)

    linear = code <= _DEC
    threshold = (code == _ABOVE) | (code == _BELOW)
    with np.errstate(invalid="ignore"):
        problems.check(
            np.isnan(c),
            lambda i: (
                f"{who(i)}: current is missing (NaN); record a check-in value, "
                "or use the baseline if there is none yet"
            ),
        )
        for name, values in (("current", c), ("baseline", b), ("target", t)):

            def not_finite(i: int, name: str = name, values: np.ndarray = values) -> str:
                return f"{who(i)}: {name} is {values.flat[i]:g}; it must be a finite number"

            problems.check(np.isinf(values), not_finite)
        problems.check(
            linear & np.isnan(b),
            lambda i: (
                f"{who(i)}: baseline is missing (NaN); a key result is scored from "
                "where its metric started, so give the value at the start of the cycle"
            ),
        )
        problems.check(
            (linear | threshold) & np.isnan(t),
            lambda i: f"{who(i)}: target is missing (NaN); give the value the key result aims for",
        )
        equal = same(t, b)
        problems.check(
            linear & equal,
            lambda i: (
                f"{who(i)}: target {t.flat[i]:g} equals baseline {b.flat[i]:g}; a key "
                "result must move its metric (a level to hold is a KPI, or a 'stay_above' KR)"
            ),
        )
        problems.check(
            (code == _INC) & (t < b) & ~equal,
            lambda i: (
                f"{who(i)}: direction is 'increase' but target {t.flat[i]:g} is below "
                f"baseline {b.flat[i]:g}; set direction to 'decrease' or swap the numbers"
            ),
        )
        problems.check(
            (code == _DEC) & (t > b) & ~equal,
            lambda i: (
                f"{who(i)}: direction is 'decrease' but target {t.flat[i]:g} is above "
                f"baseline {b.flat[i]:g}; set direction to 'increase' or swap the numbers"
            ),
        )
        problems.check(
            (code == _MILESTONE) & ~np.isnan(c) & (c != 0) & (c != 1),
            lambda i: (
                f"{who(i)}: a milestone is done (1) or not done (0), got current "
                f"{c.flat[i]:g}; split it into a measurable key result if progress is partial"
            ),
        )


def _check_flags(
    flags: np.ndarray, code: np.ndarray, labels: Labels | None, problems: Problems
) -> None:
    """Refuse True/False as ``current`` except for a milestone (done / not done)."""
    scalar = flags.ndim == 0
    problems.check(
        flags & (code != _MILESTONE),
        lambda i: (
            f"{describe(labels, -1 if scalar else i)}: current is True/False, which only a "
            "milestone (done / not done) can be; give the metric's value as a number"
        ),
    )


def _fast_linear(
    c: np.ndarray, b: np.ndarray, t: np.ndarray, code: np.ndarray | None, method: str
) -> np.ndarray | None:
    """Score clean increase/decrease KRs in a few fused passes.

    Returns ``None`` when anything needs a closer look (a missing or infinite
    value, target equal to baseline, a direction that contradicts the numbers,
    a threshold or milestone KR); the caller then runs the full checks, which
    name every problem. Clean input, the common case, never pays for them.
    """
    if c.ndim == 0 or method == "pass_fail":
        return None
    # Viewed as unsigned, the negative "missing/unknown" codes become large.
    if code is not None and code.size and code.view(np.uint8).max() > _DEC:
        return None
    with np.errstate(all="ignore"):
        gap = np.subtract(t, b)
        out = np.subtract(c, b)
        np.divide(out, gap, out=out)
        # One reduction per array: a NaN or inf anywhere (a missing value, an
        # infinite one, target == baseline) makes the sum non-finite. A false
        # alarm from overflow only sends the input down the careful path.
        clean = np.isfinite(np.add.reduce(out, axis=None)) and np.isfinite(
            np.add.reduce(gap, axis=None)
        )
    if not clean:
        return None
    # A decrease must have target < baseline: the sign bit of the gap says so.
    if code is not None and not np.array_equal(np.signbit(gap), code.view(np.bool_)):
        return None
    _snap_to_the_line(out, c, b, t)
    if method == "clamped":
        np.clip(out, 0.0, 1.0, out=out)
    elif method == "negative_to_zero":
        np.maximum(out, 0.0, out=out)
    out += 0.0  # turns the -0.0 of a decrease KR at its baseline into 0.0
    return out


def _snap_to_the_line(out: np.ndarray, c: np.ndarray, b: np.ndarray, t: np.ndarray) -> None:
    """Make progress exactly 1 where ``current`` is at the target, 0 where at the baseline.

    "At" is :mod:`okr_toolkit.core.tolerance`'s rule, so ``0.58 * 100`` against a
    target of 58 is on target. Only the few entries near 0 or 1 are checked.
    """
    with np.errstate(invalid="ignore"):
        near = np.flatnonzero((np.abs(out - 1.0) < 1e-6) | (np.abs(out) < 1e-6))
    if near.size:
        cn, bn, tn = c.flat[near], b.flat[near], t.flat[near]
        snapped = np.where(same(cn, tn), 1.0, np.where(same(cn, bn), 0.0, out.flat[near]))
        out.flat[near] = snapped


def _progress(c: np.ndarray, b: np.ndarray, t: np.ndarray) -> np.ndarray:
    """``(c - b) / (t - b)``, also where a difference of finite values overflows.

    Two values near the float limit (1e308 and -1e308) have a difference that
    is not a float; halving every value first keeps it one, and gives the same
    ratio. Only the elements that overflowed are recomputed. Call under
    ``np.errstate(over="ignore", ...)``.
    """
    moved, gap = c - b, t - b
    raw = moved / gap
    finite = np.isfinite(c) & np.isfinite(b) & np.isfinite(t)
    overflowed = (np.isinf(moved) | np.isinf(gap)) & finite
    if np.any(overflowed):
        half = (c * 0.5 - b * 0.5) / (t * 0.5 - b * 0.5)
        raw = np.where(overflowed, half, raw)
    return raw


def _kernel(
    c: np.ndarray, b: np.ndarray, t: np.ndarray, code: np.ndarray, method: str
) -> np.ndarray:
    """The arithmetic, on clean arrays of one shape."""
    with np.errstate(divide="ignore", invalid="ignore", over="ignore", under="ignore"):
        if method == "pass_fail":
            beaten = np.where(code == _DEC, below(c, t), above(c, t))
        else:
            raw = np.array(_progress(c, b, t), dtype=np.float64)
            _snap_to_the_line(raw, c, b, t)
            # "+ 0.0" turns the -0.0 of a decrease KR at its baseline into 0.0.
            if method == "clamped":
                out = np.clip(raw, 0.0, 1.0) + 0.0
            elif method == "negative_to_zero":
                out = np.maximum(raw, 0.0) + 0.0
            else:
                out = raw + 0.0
        if np.all(code <= _DEC):  # the common case: only increase/decrease KRs
            return beaten.astype(np.float64) if method == "pass_fail" else out
        is_above, is_below = code == _ABOVE, code == _BELOW
        if method == "pass_fail":
            met = (is_above & above(c, t)) | (is_below & below(c, t))
            result = np.where(code <= _DEC, beaten, met).astype(np.float64)
        else:
            met = (is_above & at_least(c, t)) | (is_below & at_most(c, t))
            # Partial credit only from a baseline that started on the wrong side.
            partial_ok = (is_above & below(b, t)) | (is_below & above(b, t))
            threshold_score = np.where(met, 1.0, np.where(partial_ok, np.minimum(out, 1.0), 0.0))
            result = np.where(code <= _DEC, out, threshold_score)
        return np.where(code == _MILESTONE, c, result)


@overload
def score(
    current: float,
    baseline: float | None = ...,
    target: float | None = ...,
    direction: str | None = ...,
    *,
    method: Method = ...,
    labels: Labels | None = ...,
) -> float: ...
@overload
def score(
    current: pd.Series,
    baseline: Any = ...,
    target: Any = ...,
    direction: Any = ...,
    *,
    method: Method = ...,
    labels: Labels | None = ...,
) -> pd.Series: ...
@overload
def score(
    current: np.ndarray | Sequence[float],
    baseline: Any = ...,
    target: Any = ...,
    direction: Any = ...,
    *,
    method: Method = ...,
    labels: Labels | None = ...,
) -> np.ndarray: ...
def score(
    current: Any,
    baseline: Any = None,
    target: Any = None,
    direction: Any = None,
    *,
    method: Method = "clamped",
    labels: Labels | None = None,
) -> Any:
    """Score Key Results on 0.0-1.0 from baseline to target.

    Works on scalars, numpy arrays and pandas Series alike (arguments
    broadcast like numpy arithmetic); there is no per-KR Python loop.

    Parameters
    ----------
    current
        The metric's value now (or at the end of the cycle).
    baseline
        The value when the cycle started. May be NaN for threshold KRs and is
        ignored for milestones.
    target
        The value the KR aims for.
    direction
        ``None`` (infer increase/decrease from the sign of ``target -
        baseline``), one of :data:`DIRECTIONS`, or one per KR (a sequence, a
        Series, or a categorical Series, the fastest).
    method
        The scoring convention, one of :data:`METHODS` (see the module notes).
    labels
        Names of the KRs, used in error messages. Defaults to the Series index
        when ``current`` is a Series.

    Returns
    -------
    float, numpy.ndarray or pandas.Series
        A float for scalar input, a Series (same index, named ``"score"``)
        when ``current`` is a Series, else an array.

    Raises
    ------
    OKRDataError
        Listing every KR that cannot be scored: target equal to baseline,
        missing or non-numeric values, a direction contradicting the numbers,
        a milestone that is neither 0 nor 1.

    Examples
    --------
    The activation KR of "OKR vs KPI vs MBO" (42% -> 65%), with activation at 58.1%:

    >>> round(score(58.1, baseline=42, target=65), 3)
    0.7

    A decreasing metric, sales cycle 45 -> 30 days, now at 36 days:

    >>> score(36, baseline=45, target=30)
    0.6

    Vectorised, and the conventions of other tools:

    >>> import numpy as np
    >>> score(np.array([30.0, 50.0, 80.0]), baseline=40, target=60)
    array([0. , 0.5, 1. ])
    >>> score(np.array([30.0, 50.0, 80.0]), baseline=40, target=60, method="uncapped")
    array([-0.5,  0.5,  2. ])
    >>> score(82, target=80, direction="stay_above")
    1.0
    """
    one_of(method, METHODS, "method")
    series_index = current.index if isinstance(current, pd.Series) else None
    if labels is None and series_index is not None and not isinstance(series_index, pd.RangeIndex):
        labels = series_index.to_numpy()
    aligned = align_to(current, baseline=baseline, target=target, direction=direction)
    baseline, target, direction = aligned["baseline"], aligned["target"], aligned["direction"]
    c = to_float_array(current, "current", labels, allow_bool=True)
    flags = bool_mask(current)
    b = to_float_array(np.nan if baseline is None else baseline, "baseline", labels)
    t = to_float_array(np.nan if target is None else target, "target", labels)
    c, b, t = broadcast(current=c, baseline=b, target=t)
    if labels is not None and len(labels) != c.size:
        raise ValueError(
            f"`labels` has {len(labels)} names but there are {c.size} key results; "
            "give one name per key result"
        )
    problems = Problems()
    code = None if direction is None else _direction_codes(direction, b, t, labels, problems)
    out = None if problems.count or flags.any() else _fast_linear(c, b, t, code, method)
    if out is None:
        if code is None:
            code = _direction_codes(None, b, t, labels, problems)
        _check(c, b, t, code, labels, problems)
        _check_flags(np.broadcast_to(flags, c.shape), code, labels, problems)
        problems.raise_if_any()
        out = _kernel(c, b, t, code, method)
    if series_index is not None:
        return pd.Series(out, index=series_index, name="score")
    if out.ndim == 0:
        return float(out)
    return out


def score_krs(
    krs: pd.DataFrame,
    *,
    method: Method = "clamped",
    settings: Settings = DEFAULT_SETTINGS,
    current_col: str = "current",
    baseline_col: str = "baseline",
    target_col: str = "target",
    direction_col: str = "direction",
    kr_col: str = "kr_id",
) -> pd.DataFrame:
    """Score a table of Key Results, one row per KR.

    Parameters
    ----------
    krs
        A DataFrame with columns ``current``, ``baseline``, ``target`` and,
        optionally, ``direction`` (inferred from the numbers when absent) and
        ``kr_id`` (used to name KRs in errors). Not modified.
    method
        Scoring convention, see :func:`score`.
    settings
        Grade bands used for the ``grade`` column.
    current_col, baseline_col, target_col, direction_col, kr_col
        Column names, when yours differ.

    Returns
    -------
    pandas.DataFrame
        A copy of ``krs`` with a float ``score`` column and an ordered
        categorical ``grade`` column (red < yellow < green).

    Examples
    --------
    >>> import pandas as pd
    >>> krs = pd.DataFrame({
    ...     "kr_id": ["activation", "time_to_value", "nps"],
    ...     "baseline": [42.0, 5.0, 28.0],
    ...     "target": [65.0, 2.0, 45.0],
    ...     "current": [58.1, 4.0, 30.0],
    ... })
    >>> score_krs(krs)[["kr_id", "score", "grade"]].round(2)
            kr_id  score   grade
    0     activation   0.70   green
    1  time_to_value   0.33     red
    2            nps   0.12     red
    """
    require_columns(krs, [current_col, baseline_col, target_col], "the key results table")
    labels = labels_of(krs, kr_col)
    dir_arg = krs[direction_col] if direction_col in krs.columns else None
    scores = score(
        krs[current_col],
        krs[baseline_col],
        krs[target_col],
        dir_arg,
        method=method,
        labels=labels,
    )
    # score() has already refused NaN and inf, so the grades skip re-validation.
    return krs.assign(score=scores, grade=grade_series(scores.to_numpy(), krs.index, settings))
