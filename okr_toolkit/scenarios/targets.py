"""Targets measured against a metric's walk: the target with a given chance, and a target's chance.

:func:`calibrate_target` finds the stretch target a team reaches 0.7 of with a
chosen probability; :func:`ambition` gives the chance of reaching 0.7 of a
target set by hand. Both read the cycle as the metric's walk
(:mod:`okr_toolkit.scenarios.walks`) from the baseline, whose end value is
normal (:class:`~okr_toolkit.scenarios.ends.End`), so both answers are exact:
no paths are drawn and no seed is needed.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from okr_toolkit.core.scoring import score as score_values
from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.scenarios.arguments import count, number
from okr_toolkit.scenarios.ends import End
from okr_toolkit.scenarios.walks import walk_parameters

__all__ = ["ambition", "calibrate_target"]


def _cycle_end(
    history: Any,
    weeks: int,
    baseline: float | None,
    drift: float | None,
    volatility: float | None,
) -> tuple[float, End]:
    """The baseline and where a cycle of ``weeks`` from it ends."""
    weeks = count(weeks, "weeks", 1)
    d, v = walk_parameters(history, drift, volatility)
    if baseline is None:
        if history is None:
            raise OKRDataError("no baseline: pass baseline= or a history whose last value it is")
        vals = history["value"] if isinstance(history, pd.DataFrame) else history
        baseline = float(np.asarray(vals, dtype=float).ravel()[-1])
    b = number(baseline, "baseline")
    return b, End.of_walk(b, drift=d, volatility=v, weeks=weeks)


def calibrate_target(
    history: Any,
    *,
    weeks: int = 13,
    level: float = 0.5,
    success: float | None = None,
    baseline: float | None = None,
    direction: str = "increase",
    drift: float | None = None,
    volatility: float | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> float:
    """The stretch target for which P(score >= success) equals ``level``, exactly.

    A score of at least ``s`` means the end value covered at least ``s`` of
    the way from baseline to target, so for an increase P(score >= s) =
    P(end >= baseline + s * (target - baseline)). Setting that to ``level``
    gives ``target = baseline + (q - baseline) / s`` with ``q`` the
    ``1 - level`` quantile of the end value (the ``level`` quantile for a
    decrease). The end value of a Gaussian walk is normal, so ``q = baseline +
    drift * weeks + volatility * sqrt(weeks) * z`` with ``z`` the standard
    normal quantile: the target is exact, not a simulation's estimate.

    Parameters
    ----------
    history
        Weekly values of the metric, oldest first (or None with ``drift``,
        ``volatility`` and ``baseline`` given).
    weeks
        Length of the cycle in weeks (13 for a quarter).
    level
        The wanted probability of success, in (0, 1).
    success
        The success score; default ``settings.aspirational_success`` (0.7).
    baseline
        Start value of the KR; default the last value of ``history``.
    direction
        ``"increase"`` or ``"decrease"``.
    drift, volatility
        Override the walk estimated from ``history`` (e.g. the weekly gain the
        OKR's initiatives are expected to bring to a stalled metric).
    settings
        ``aspirational_success`` is the default ``success`` (0.7).

    Raises
    ------
    OKRDataError
        When no target in ``direction`` reaches ``level``: a metric with no
        drift in that direction cannot reach 0.7 of *any* move with a 50%
        chance. Lower ``level`` or state the ``drift`` the OKR should bring.

    Examples
    --------
    A metric gaining half a point a week, give or take a point, from 42:

    >>> round(calibrate_target(None, baseline=42, drift=0.5, volatility=1.0), 2)
    51.29
    """
    if not 0.0 < level < 1.0:
        raise ValueError(f"`level` must be strictly between 0 and 1, got {level}")
    s = settings.aspirational_success if success is None else number(success, "success")
    if not 0.0 < s <= 1.0:
        raise ValueError(f"`success` must be in (0, 1], got {s}")
    if direction not in ("increase", "decrease"):
        raise ValueError(f"`direction` must be 'increase' or 'decrease', got {direction!r}")
    b, end = _cycle_end(history, weeks, baseline, drift, volatility)
    inc = direction == "increase"
    q = end.quantile(1.0 - level if inc else level)
    move = q - b
    if (move <= 0) if inc else (move >= 0):
        raise OKRDataError(
            f"no {direction} target reaches a score of {s:g} with probability {level:g}: the "
            f"end value the metric {'exceeds' if inc else 'stays under'} with that "
            f"probability is {q:.3g}, not beyond the baseline {b:.3g}. "
            "A stalled metric needs a change to move; pass drift= (the weekly gain "
            "the OKR's initiatives should bring) or ask for a lower level"
        )
    return b + move / s


def ambition(
    history: Any,
    target: float,
    *,
    weeks: int = 13,
    baseline: float | None = None,
    direction: str | None = None,
    drift: float | None = None,
    volatility: float | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> float:
    """P(score >= 0.7) of a target if the metric keeps moving as in its history, exactly.

    The score reaches ``settings.aspirational_success`` when the end value passes
    ``baseline + 0.7 * (target - baseline)``; the end value of the walk is normal, so
    the chance is one normal tail (:class:`~okr_toolkit.scenarios.ends.End`).

    Parameters
    ----------
    history
        Weekly values of the metric, oldest first (or None with ``drift``,
        ``volatility`` and ``baseline`` given).
    target
        The key result's target.
    weeks
        Length of the cycle in weeks (13 for a quarter).
    baseline
        Start value of the KR; default the last value of ``history``.
    direction
        ``"increase"`` or ``"decrease"``; inferred from baseline and target when None.
    drift, volatility
        Override the walk estimated from ``history``.
    settings
        ``aspirational_success`` is the success bar (0.7).

    Examples
    --------
    OKR vs KPI vs MBO's 42% -> 65% activation target, with activation stuck around 42%
    and moving about a point a week:

    >>> round(ambition(None, 65, baseline=42, drift=0.0, volatility=1.0), 4)
    0.0
    >>> round(ambition(None, 46, baseline=42, drift=0.0, volatility=1.0), 4)
    0.2187
    """
    b, end = _cycle_end(history, weeks, baseline, drift, volatility)
    t = number(target, "target")
    score_values(b, b, t, direction)  # refuses a target that cannot be scored
    decrease = direction == "decrease" or (direction is None and t < b)
    line = b + settings.aspirational_success * (t - b)
    return end.p_at_most(line) if decrease else end.p_at_least(line)
