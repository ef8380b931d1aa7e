"""The walk a metric is modelled by, and estimating it from the metric's history.

The KR's metric follows a weekly Gaussian random walk,

    value[t + 1] = value[t] + drift + volatility * eps[t],   eps ~ N(0, 1),

so after ``w`` weeks the end value is normal with mean ``current + drift * w``
and variance ``volatility**2 * w``. ``drift`` and ``volatility`` are either
stated (the analyst's assumptions) or estimated from the metric's weekly
history by :func:`estimate_walk`: the mean and the standard deviation of the
week-to-week differences. A stalled KPI is often mean-reverting rather than a
pure walk; a random walk then spreads wider than the metric really would over
a quarter, which *flatters* the chance of an ambitious target. Read the
probabilities as upper bounds for a metric nobody is actively moving.

What is not modelled: KRs move independently of each other; the walk has no
mean reversion; threshold (``stay_above``/``stay_below``) and milestone KRs
are not simulated.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from okr_toolkit._validate import require_columns, to_float_array, to_timestamps
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.scenarios.arguments import EPS, number

__all__ = ["MIN_HISTORY", "Walk", "estimate_walk", "walk_parameters"]

#: Fewest weekly values from which :func:`estimate_walk` estimates a walk.
MIN_HISTORY = 4


class Walk(NamedTuple):
    """Weekly drift and volatility of a metric, and how many values they came from."""

    drift: float
    volatility: float
    n: int


def estimate_walk(values: Any, *, when: Any = None, name: str = "history") -> Walk:
    """Estimate a weekly Gaussian random walk from a metric's values.

    Parameters
    ----------
    values
        At least four values, oldest first (a list, array or Series; a
        DataFrame with a ``value`` column is read from that column).
    when
        When each value was taken (dates, or times in weeks), for values that
        are not one week apart: a fortnightly series changes twice as much
        per step as a weekly one with the same walk. Each change is then scaled
        to a week (drift: total change over total weeks; volatility: of the
        changes less their drift, over the square root of their weeks). Without
        ``when`` the values are taken as weekly.
    name
        What to call the values in error messages.

    Returns
    -------
    Walk
        ``drift`` (mean weekly change), ``volatility`` (standard deviation of
        the weekly changes, ``ddof=1``) and ``n`` (number of values).

    Raises
    ------
    OKRDataError
        Fewer than four values, a missing or infinite value, or a constant
        history (zero volatility: it cannot say how uncertain the future is).

    Examples
    --------
    >>> estimate_walk([40.0, 41.0, 43.0, 44.0, 46.0])
    Walk(drift=1.5, volatility=0.5773502691896257, n=5)

    The same changes a fortnight apart are half the weekly drift:

    >>> dates = ["2026-07-06", "2026-07-20", "2026-08-03", "2026-08-17", "2026-08-31"]
    >>> estimate_walk([40.0, 41.0, 43.0, 44.0, 46.0], when=dates).drift
    0.75
    """
    if isinstance(values, pd.DataFrame):
        require_columns(values, ["value"], f"the {name}")
        values = values["value"]
    arr = to_float_array(values, name, None, noun="value").ravel()
    if arr.size < MIN_HISTORY:
        raise OKRDataError(
            f"the {name} has {arr.size} values; estimating a weekly drift and volatility "
            f"needs at least {MIN_HISTORY}. Collect more weekly values, or pass drift= and "
            "volatility= as stated assumptions"
        )
    bad = np.flatnonzero(~np.isfinite(arr))
    if bad.size:
        raise OKRDataError(
            f"the {name} has a missing or infinite value at position {int(bad[0])} "
            f"({bad.size} in all); drop or fill those weeks before estimating the walk"
        )
    diffs = np.diff(arr)
    gaps = _weeks_between(when, arr.size, name)
    drift = float(diffs.sum() / gaps.sum()) if gaps is not None else float(diffs.mean())
    if gaps is not None:
        diffs = (diffs - drift * gaps) / np.sqrt(gaps)  # each change as one week's
    vol = float(diffs.std(ddof=1))
    if not vol > EPS * max(1.0, float(np.abs(arr).max())):
        raise OKRDataError(
            f"the {name} changes by exactly the same amount every week (zero volatility): "
            "a constant history cannot tell how uncertain the future is. Pass volatility= "
            "explicitly (volatility=0 gives a deterministic path)"
        )
    return Walk(drift, vol, int(arr.size))


def _weeks_between(when: Any, n: int, name: str) -> np.ndarray | None:
    """Weeks between consecutive values (None when ``when`` is None), all positive."""
    if when is None:
        return None
    raw = pd.Series(when).reset_index(drop=True)
    if len(raw) != n:
        raise OKRDataError(f"the {name} has {n} values but {len(raw)} times in `when`")
    if raw.dtype.kind in "iuf":
        times = raw.to_numpy(dtype=float)
    else:
        days = to_timestamps(raw, f"`when` of the {name}").to_numpy(dtype="datetime64[D]")
        times = days.astype(np.int64) / 7.0
    gaps = np.diff(times)
    if not (gaps > 0).all():
        i = int(np.argmax(~(gaps > 0)))
        raise OKRDataError(
            f"the {name}: value {i + 1} is not later than value {i}; give the values "
            "oldest first, one per date"
        )
    return gaps


def walk_parameters(history: Any, drift: Any, volatility: Any) -> tuple[float, float]:
    """The drift and volatility to simulate: as stated, else estimated from ``history``.

    A stated volatility with a history estimates only the drift (so a constant
    history still gives one); without a history the drift defaults to 0.

    Examples
    --------
    >>> walk_parameters([40.0, 41.0, 43.0, 44.0, 46.0], None, 2.0)
    (1.5, 2.0)
    >>> walk_parameters(None, None, 1.0)
    (0.0, 1.0)
    """
    if history is not None and (drift is None or volatility is None):
        if volatility is not None:
            # Explicit volatility: a constant history still gives a drift.
            arr = to_float_array(
                history["value"] if isinstance(history, pd.DataFrame) else history,
                "history",
                None,
                noun="value",
            ).ravel()
            if arr.size < 2 or not np.isfinite(arr).all():
                raise OKRDataError(
                    "the history needs at least two finite values to estimate a drift; "
                    "pass drift= as well"
                )
            est_drift, est_vol = float(np.diff(arr).mean()), float(volatility)
        else:
            est_drift, est_vol, _ = estimate_walk(history)
        drift = est_drift if drift is None else drift
        volatility = est_vol if volatility is None else volatility
    if volatility is None:
        raise OKRDataError(
            "no volatility: pass history= (weekly values to estimate it from) or "
            "volatility= (the typical size of a weekly change, a stated assumption)"
        )
    d = number(0.0 if drift is None else drift, "drift")
    v = number(volatility, "volatility")
    if v < 0:
        raise ValueError(f"`volatility` must be >= 0, got {v:g}")
    return d, v
