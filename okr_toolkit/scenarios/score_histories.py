"""A team's past scores read as sandbagging, over-reaching or a healthy stretch."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from okr_toolkit._validate import finite_array, require_columns
from okr_toolkit.core.grades import interpret_history
from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.exceptions import OKRDataError

__all__ = ["grade_diagnostics"]

_LABELS = {
    "not_ambitious": "sandbagging",
    "over_reaching": "over_reaching",
    "healthy_stretch": "healthy",
}


def grade_diagnostics(
    scores: Any,
    *,
    group_col: str | None = None,
    score_col: str = "score",
    sweet_spot: tuple[float, float] = (0.6, 0.7),
    settings: Settings = DEFAULT_SETTINGS,
) -> pd.DataFrame:
    """Read each team's score history: sandbagging, over-reaching or healthy.

    Labels come from :func:`okr_toolkit.core.grades.interpret_history`: ``"sandbagging"``
    when at least ``settings.sandbagging_share`` (half) of the scores are 1.0,
    ``"over_reaching"`` when the mean is below ``settings.overreach_mean``
    (0.3), else ``"healthy"``. The shares show the distribution against the
    0.6-0.7 sweet spot of a well-set stretch target [OKR vs KPI vs MBO; KPI vs OKR —
    the difference that matters].

    Parameters
    ----------
    scores
        A list/array/Series of scores, or a DataFrame with a ``score`` column
        (and the ``group_col`` column). Not modified.
    group_col
        Team column of the DataFrame; None reads all scores as one history.
    score_col
        Score column of the DataFrame.

    Returns
    -------
    pandas.DataFrame
        One row per team: ``n``, ``mean``, ``share_full`` (at 1.0),
        ``share_sweet_spot``, ``share_low`` (below 0.3), ``label``.

    Examples
    --------
    >>> import pandas as pd
    >>> past = pd.DataFrame({"team": ["a"] * 4 + ["b"] * 4,
    ...                      "score": [1, 1, 1, 0.9, 0.6, 0.7, 0.65, 0.8]})
    >>> grade_diagnostics(past, group_col="team")
      team  n    mean  share_full  share_sweet_spot  share_low        label
    0    a  4  0.9750        0.75              0.00        0.0  sandbagging
    1    b  4  0.6875        0.00              0.75        0.0      healthy
    """
    values, groups = _scores_and_groups(scores, group_col, score_col)
    lo, hi = sweet_spot
    v = np.round(values, 9)
    rows = []
    for key in pd.unique(groups):
        vals = v[groups == key]
        reading = interpret_history(vals, settings=settings)
        row = {group_col: key} if group_col else {}
        row.update(
            n=reading.n,
            mean=reading.mean,
            share_full=reading.share_full,
            share_sweet_spot=float(((vals >= lo) & (vals <= hi)).mean()),
            share_low=float((vals < 0.3).mean()),
            label=_LABELS[reading.label],
        )
        rows.append(row)
    return pd.DataFrame(rows)


def _scores_and_groups(
    scores: Any, group_col: str | None, score_col: str
) -> tuple[np.ndarray, np.ndarray]:
    """The scores as floats and the team of each (all 0 without ``group_col``)."""
    if isinstance(scores, pd.DataFrame):
        require_columns(
            scores, [score_col] + ([group_col] if group_col else []), "the score history"
        )
        values = finite_array(scores[score_col], score_col, noun="row").ravel()
        groups = scores[group_col].to_numpy() if group_col else np.zeros(len(values), dtype=int)
    else:
        if group_col is not None:
            raise ValueError("`group_col` names a column: pass a DataFrame with it")
        values = finite_array(scores, score_col, noun="score").ravel()
        groups = np.zeros(len(values), dtype=int)
    if values.size == 0:
        raise OKRDataError("the score history is empty; give at least one past score")
    return values, groups
