"""One Key Result's cycle, simulated: how likely is it to land?

Every OKR tool paces a KR with a straight line (:mod:`okr_toolkit.core.pacing`).
:func:`simulate_kr` puts a distribution around that line: it simulates the
weeks left as a Gaussian walk (:mod:`okr_toolkit.scenarios.walks`) from the
KR's current value. Every random function takes ``seed`` or ``rng`` (a
:class:`numpy.random.Generator`), so results are reproducible.

Scores of simulated end values come from :func:`okr_toolkit.core.scoring.score`
(clamped), and success is ``settings.aspirational_success`` (0.7) [OKR vs KPI vs MBO;
KPI vs OKR — the difference that matters].

The end value of a Gaussian walk is normal (mean ``current + drift * weeks``,
standard deviation ``volatility * sqrt(weeks)``), and the score is monotone in
it, so the chance of success, the chance of clearing a threshold and every
percentile have a closed form: :func:`simulate_kr` reports those exactly, in
microseconds, whatever the number of paths. The simulated paths are a sample
for histograms and fan charts (:func:`fan`); their number is capped at
:data:`MAX_PATHS`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from okr_toolkit.core.scoring import score as score_values
from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.scenarios.arguments import count, generator, number
from okr_toolkit.scenarios.ends import End
from okr_toolkit.scenarios.paths import walk_end
from okr_toolkit.scenarios.walks import walk_parameters

__all__ = ["MAX_PATHS", "PERCENTILES", "Simulation", "fan", "simulate_kr"]

#: Percentiles reported by :class:`Simulation`.
PERCENTILES: tuple[int, ...] = (5, 25, 50, 75, 95)
#: Most paths :func:`simulate_kr` draws: 80 MB of end values. The probabilities and
#: percentiles are exact at any size; the paths only feed charts.
MAX_PATHS = 10_000_000


@dataclass(frozen=True, eq=False)
class Simulation:
    """Simulated end of a Key Result's cycle.

    Attributes
    ----------
    end_values, end_scores
        One entry per simulated path: the metric at the end of the cycle and
        its clamped score.
    p_success
        Probability of scoring at least ``settings.aspirational_success``
        (exact, from the normal end value).
    p_threshold
        Probability of ending on the right side of the KPI threshold (at or
        above it for an increase, at or below for a decrease), exact; None
        without a threshold.
    percentiles
        ``{"value": {5: ..., 25: ..., ...}, "score": {...}}``, exact.
    drift, volatility, weeks
        The walk that was simulated.
    paths
        The whole paths (``paths x weeks``) when ``keep_paths=True``, else None.
    """

    end_values: np.ndarray
    end_scores: np.ndarray
    p_success: float
    p_threshold: float | None
    percentiles: dict[str, dict[int, float]]
    drift: float
    volatility: float
    weeks: int
    paths: np.ndarray | None = field(default=None, repr=False)

    def summary(self) -> pd.DataFrame:
        """Mean and percentiles of the end value and the end score.

        The percentiles are exact; the means are those of the simulated paths.

        Examples
        --------
        >>> sim = simulate_kr(42, 65, 48, 6, drift=1.0, volatility=1.0, seed=1)
        >>> sim.summary().round(2)
                mean     p5    p25    p50    p75    p95
        value  53.96  49.97  52.35  54.00  55.65  58.03
        score   0.52   0.35   0.45   0.52   0.59   0.70
        """
        rows = {}
        for key, arr in (("value", self.end_values), ("score", self.end_scores)):
            row = {"mean": float(arr.mean())}
            row.update({f"p{q}": self.percentiles[key][q] for q in PERCENTILES})
            rows[key] = row
        return pd.DataFrame.from_dict(rows, orient="index")


def fan(
    simulation: Simulation, current: float, *, quantiles: Sequence[int] = (5, 25, 50, 75, 95)
) -> pd.DataFrame:
    """Percentiles of the simulated paths week by week: the data of a fan chart.

    Week 0 is today (every path at ``current``); week ``w`` is the end of the
    w-th simulated week.

    Parameters
    ----------
    simulation
        From :func:`simulate_kr` with ``keep_paths=True``.
    current
        The metric today (the start of every path).

    Returns
    -------
    pandas.DataFrame
        One row per week: ``week`` and one column ``p<q>`` per quantile.

    Examples
    --------
    >>> sim = simulate_kr(42, 65, 48, 4, drift=1.0, volatility=0.0, seed=1, keep_paths=True)
    >>> fan(sim, 48)[["week", "p50"]]
       week   p50
    0     0  48.0
    1     1  49.0
    2     2  50.0
    3     3  51.0
    4     4  52.0
    """
    if simulation.paths is None:
        raise OKRDataError(
            "this simulation kept no paths; run simulate_kr(..., keep_paths=True) for a fan chart"
        )
    qs = [int(q) for q in quantiles]
    bands = np.percentile(simulation.paths, qs, axis=0)  # quantile x week
    start = np.full((len(qs), 1), float(current))
    table = np.hstack([start, bands]).T
    out = pd.DataFrame(table, columns=[f"p{q}" for q in qs])
    out.insert(0, "week", np.arange(len(out)))
    return out


def simulate_kr(
    baseline: float,
    target: float,
    current: float,
    weeks_left: int,
    *,
    drift: float | None = None,
    volatility: float | None = None,
    history: Any = None,
    paths: int = 10_000,
    threshold: float | None = None,
    direction: str | None = None,
    rng: np.random.Generator | None = None,
    seed: int | None = None,
    progress: bool | None = None,
    keep_paths: bool = False,
    settings: Settings = DEFAULT_SETTINGS,
) -> Simulation:
    """Monte Carlo of a Key Result's path over the weeks left in its cycle.

    Parameters
    ----------
    baseline, target, current
        The KR as :func:`okr_toolkit.core.scoring.score` reads it.
    weeks_left
        Whole weeks to simulate (0 scores ``current`` as it is).
    drift, volatility
        Weekly drift and volatility of the metric, as stated assumptions.
        Either may be left out when ``history`` is given; ``volatility=0``
        gives one deterministic path. Without ``history``, drift defaults to 0.
    history
        Weekly values of the metric, oldest first, to estimate the walk from
        (see :func:`estimate_walk`).
    paths
        Number of simulated paths.
    threshold
        The KPI threshold, to report the chance of ending on its right side.
    direction
        ``"increase"`` or ``"decrease"``; inferred from the numbers when None.
    rng, seed
        A :class:`numpy.random.Generator`, or a seed for a new one.
    progress
        Show a progress bar. Default: only for runs over 50 million draws.
    keep_paths
        Keep every path (``paths x weeks`` floats) on the result.
    settings
        ``aspirational_success`` is the success bar (0.7).

    Returns
    -------
    Simulation

    Raises
    ------
    OKRDataError
        A history too short, constant or with missing values; a KR that
        cannot be scored.
    ValueError
        ``paths < 1``, ``weeks_left < 0``, negative volatility.

    Examples
    --------
    OKR vs KPI vs MBO's activation KR (42% -> 65%, threshold 50%), at 48% with six
    weeks to go, gaining a point a week give or take a point:

    >>> sim = simulate_kr(42, 65, 48, 6, drift=1.0, volatility=1.0, threshold=50, seed=1)
    >>> round(sim.p_success, 3), round(sim.p_threshold, 3)
    (0.047, 0.949)
    >>> round(sim.percentiles["score"][50], 2)
    0.52
    """
    paths = count(paths, "paths", 1)
    if paths > MAX_PATHS:
        raise ValueError(
            f"`paths` {paths:,} would hold {paths * 8 / 1e9:.1f} GB of end values; the "
            f"probabilities and percentiles are exact at any size, so the paths only feed "
            f"charts: use at most {MAX_PATHS:,} (10,000 draws a smooth histogram)"
        )
    weeks = count(weeks_left, "weeks_left", 0)
    b, t, c = number(baseline, "baseline"), number(target, "target"), number(current, "current")
    d, v = walk_parameters(history, drift, volatility)
    gen = generator(rng, seed)
    if direction not in (None, "increase", "decrease"):
        raise ValueError(
            f"simulate_kr models a metric moving towards its target: `direction` must be "
            f"None, 'increase' or 'decrease', got {direction!r}"
        )
    score_values(c, b, t, direction)  # refuses a KR that cannot be scored, before simulating
    decrease = direction == "decrease" or (direction is None and t < b)
    end, kept = walk_end(c, d, v, weeks, paths, gen, progress, keep_paths)
    scores = score_values(end, b, t, direction)
    ends = End.of_walk(c, drift=d, volatility=v, weeks=weeks)
    beyond = ends.p_at_most if decrease else ends.p_at_least
    p_success = beyond(b + settings.aspirational_success * (t - b))
    p_threshold = None if threshold is None else beyond(number(threshold, "threshold"))
    # The score is monotone in the end value (falling for a decrease), so its
    # percentiles are the scores of the value's percentiles.
    q_value = np.array([ends.quantile(q / 100) for q in PERCENTILES])
    mirrored = q_value[::-1] if decrease else q_value
    q_score = score_values(mirrored, b, t, direction)
    pct = {
        "value": dict(zip(PERCENTILES, q_value.tolist(), strict=True)),
        "score": dict(zip(PERCENTILES, q_score.tolist(), strict=True)),
    }
    return Simulation(end, scores, p_success, p_threshold, pct, d, v, weeks, kept)
