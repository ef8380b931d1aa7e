"""Grades and plain-language readings of OKR scores.

Default bands [KPI vs OKR — the difference that matters; Google's re:Work OKR
guide]: red 0.0-0.3, yellow 0.4-0.6, green 0.7-1.0.
Scores fall between those printed values too (0.35, 0.65), so the bands are
half-open: red is ``score < 0.4``, yellow ``0.4 <= score < 0.7`` and green
``score >= 0.7``. Band edges are compared with the toolkit's one tolerance
(:mod:`okr_toolkit.core.tolerance`) so that a score computed as 0.7
(``(58.1 - 42) / (65 - 42)`` is 0.70000000000000006 or 0.69999999999999996
depending on the operands) grades as green.

Aspirational OKRs succeed at 0.7; committed OKRs are expected to reach 1.0
[OKR vs KPI vs MBO; KPI vs OKR — the difference that matters]. A run of 1.0s
says the targets were not ambitious; low scores start a conversation, not a
penalty.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from okr_toolkit._validate import broadcast, finite_array, to_float_array
from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.core.tolerance import at_least, at_most
from okr_toolkit.exceptions import OKRDataError

__all__ = [
    "GRADES",
    "HistoryInterpretation",
    "grade",
    "interpret_history",
    "interpret_score",
    "is_success",
]

#: Grade names, worst first.
GRADES: tuple[str, ...] = ("red", "yellow", "green")
GRADE_DTYPE = pd.CategoricalDtype(list(GRADES), ordered=True)


def _codes(values: np.ndarray, settings: Settings) -> np.ndarray:
    codes = np.asarray(at_least(values, settings.yellow_from)).view(np.int8).copy()
    codes += np.asarray(at_least(values, settings.green_from)).view(np.int8)
    return codes


def score_array(scores: Any, field: str = "score", noun: str = "score") -> np.ndarray:
    """``scores`` as finite floats on the 0.0-1.0 scale, or raise saying what they look like.

    A score of 7 or 65 is on another scale (0-10, percent) and would grade as
    green; ``True`` is not a score at all. Both are refused rather than read.
    Uncapped scores (over 1.0 for over-delivery, below 0 for going backwards)
    are clipped to 0-1 by the caller first: they grade the same.
    """
    values = finite_array(scores, field, noun=noun, allow_bool=False)
    outside = ~(at_least(values, 0.0) & at_most(values, 1.0))
    if np.any(outside):
        bad = values[outside] if values.ndim else values
        worst = float(np.ravel(bad)[0])
        scale = (
            "; on a 0-100 (percent) scale, divide by 100"
            if worst > 10
            else "; on a 0-10 scale, divide by 10"
            if worst > 1
            else ""
        )
        raise OKRDataError(
            f"{field} {worst:g} is not on the 0.0-1.0 scale{scale}; an uncapped score "
            "(over-delivery above 1.0, going backwards below 0) grades as if clipped: "
            "pass numpy.clip(scores, 0, 1)"
        )
    return np.clip(values, 0.0, 1.0)


def grade_series(values: np.ndarray, index: pd.Index, settings: Settings) -> pd.Series:
    """Grades of already-validated finite scores, as an ordered categorical Series."""
    cat = pd.Categorical.from_codes(_codes(values, settings), dtype=GRADE_DTYPE, validate=False)
    return pd.Series(cat, index=index, name="grade")


def grade(scores: Any, *, settings: Settings = DEFAULT_SETTINGS) -> Any:
    """Grade scores red / yellow / green.

    Parameters
    ----------
    scores
        A score, an array of scores or a Series of scores.
    settings
        Holds the band edges ``yellow_from`` (0.4) and ``green_from`` (0.7).

    Returns
    -------
    str, numpy.ndarray of str, or pandas.Series
        A Series input gives an ordered categorical Series (red < yellow <
        green) with the same index.

    Examples
    --------
    >>> grade(0.7), grade(0.65), grade(0.35)
    ('green', 'yellow', 'red')
    >>> import pandas as pd
    >>> grade(pd.Series([0.2, 0.5, 0.9])).tolist()
    ['red', 'yellow', 'green']
    """
    values = score_array(scores)
    if isinstance(scores, pd.Series):
        return grade_series(values, scores.index, settings)
    codes = _codes(values, settings)
    if codes.ndim == 0:
        return GRADES[int(codes)]
    return np.array(GRADES, dtype=object)[codes]


def is_success(
    scores: Any, *, committed: Any = False, settings: Settings = DEFAULT_SETTINGS
) -> Any:
    """Whether each score counts as success: 0.7 if aspirational, 1.0 if committed.

    Examples
    --------
    >>> is_success(0.7), is_success(0.7, committed=True)
    (True, False)
    """
    values = score_array(scores)
    flags = np.asarray(committed)
    if flags.dtype.kind in "iuf":
        valid = bool(np.isin(flags, [0, 1]).all())
    elif flags.dtype.kind != "b":
        entries = flags.astype(object).ravel()
        valid = all(isinstance(f, int | float | np.number) and f in (0, 1) for f in entries)
    else:
        valid = True
    if not valid:
        raise OKRDataError(
            f"committed must be True or False for every score, got {committed!r}; "
            "fill in missing values"
        )
    values, flags = broadcast(scores=values, committed=flags.astype(bool))
    bar = np.where(flags, settings.committed_success, settings.aspirational_success)
    out = np.asarray(at_least(values, bar))
    if isinstance(scores, pd.Series):
        return pd.Series(out, index=scores.index, name="success")
    return bool(out) if out.ndim == 0 else out


def interpret_score(
    score: float, *, committed: bool = False, settings: Settings = DEFAULT_SETTINGS
) -> str:
    """Say what one score means, the way an OKR coach would.

    Examples
    --------
    >>> print(interpret_score(0.7))
    0.70 (green): success for a stretch key result; 0.7 is what an ambitious target should land at.
    >>> print(interpret_score(0.7, committed=True))
    0.70 (green): short of 1.0 on a committed key result; find out what blocked delivery.
    """
    values = score_array(score)
    if values.size != 1:
        raise ValueError(
            f"interpret_score interprets one score, got {values.size}; use grade() for many scores"
        )
    value = float(values.ravel()[0])
    g = grade(value, settings=settings)
    head = f"{value:.2f} ({g}): "
    if committed:
        if at_least(value, settings.committed_success):
            return head + "delivered, as a committed key result should be."
        return head + "short of 1.0 on a committed key result; find out what blocked delivery."
    if at_least(value, 1.0):
        return head + (
            "target fully reached. Fine once; if it happens every quarter, "
            "the targets are not ambitious enough."
        )
    if at_least(value, settings.aspirational_success):
        return head + (
            "success for a stretch key result; 0.7 is what an ambitious target should land at."
        )
    if at_least(value, settings.yellow_from):
        return head + "real progress, short of the 0.7 mark; talk about what held it back."
    return head + (
        "little movement. Start a conversation about why (wrong bet, blocked, "
        "or over-reached), not a penalty."
    )


@dataclass(frozen=True)
class HistoryInterpretation:
    """What a run of past scores says about how targets are set."""

    n: int
    mean: float
    share_full: float
    share_green: float
    label: str
    message: str


def interpret_history(
    scores: Any, *, settings: Settings = DEFAULT_SETTINGS
) -> HistoryInterpretation:
    """Interpret a history of scores: sandbagging, over-reaching, or a healthy stretch.

    Labels: ``"not_ambitious"`` when at least ``settings.sandbagging_share`` of
    the scores are 1.0; ``"over_reaching"`` when the mean is below
    ``settings.overreach_mean``; otherwise ``"healthy_stretch"``.

    Examples
    --------
    >>> interpret_history([1.0, 1.0, 0.9, 1.0]).label
    'not_ambitious'
    >>> interpret_history([0.6, 0.7, 0.65, 0.8]).label
    'healthy_stretch'
    """
    values = to_float_array(scores, "score", None, noun="score").ravel()
    if values.size == 0:
        raise OKRDataError("the score history is empty; give at least one past score")
    values = score_array(values, noun="past score")
    mean = float(values.mean())
    share_full = float(np.mean(at_least(values, 1.0)))
    share_green = float(np.mean(at_least(values, settings.green_from)))
    if share_full >= settings.sandbagging_share:
        label = "not_ambitious"
        message = (
            f"{share_full:.0%} of these key results scored 1.0: the targets are being hit, "
            "not stretched. Raise them until about 0.7 is the typical landing."
        )
    elif mean < settings.overreach_mean:
        label = "over_reaching"
        message = (
            f"mean score {mean:.2f}: targets this far out of reach stop motivating. "
            "Check whether they were realistic stretches or wishes."
        )
    else:
        label = "healthy_stretch"
        message = (
            f"mean score {mean:.2f} with {share_full:.0%} at 1.0: ambitious targets, "
            "mostly landing in the stretch zone."
        )
    return HistoryInterpretation(len(values), mean, share_full, share_green, label, message)
