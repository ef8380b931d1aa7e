"""Scenarios: how likely is a Key Result to land, and how were its targets set?

Every OKR tool paces a KR with a straight line (:mod:`okr_toolkit.core.pacing`).
This module puts a distribution around that line.

The model
---------
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

Paths are simulated all at once with numpy (one ``weeks x paths`` block of
standard normal draws, summed or cumulatively summed over weeks), in chunks
that bound memory and advance the progress bar; the only Python loop is over
chunks. Draws are float32 (seven significant digits, far finer than any Monte
Carlo error, and faster to generate); sums and paths are float64. Every random
function takes ``seed`` or ``rng`` (a :class:`numpy.random.Generator`), so
results are reproducible.

What is not modelled: KRs move independently of each other; the walk has no
mean reversion; threshold (``stay_above``/``stay_below``) and milestone KRs
are not simulated.

Scores of simulated end values come from :func:`okr_toolkit.core.scoring.score`
(clamped), and success is ``settings.aspirational_success`` (0.7) [OKR vs KPI vs MBO,
003].
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from okr_toolkit._validate import finite_array, require_columns, to_float_array, to_timestamp
from okr_toolkit.core.grades import interpret_history
from okr_toolkit.core.pacing import expected_progress, linear_forecast, quarter_bounds
from okr_toolkit.core.scoring import score as score_values
from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.exceptions import OKRDataError

__all__ = [
    "PERCENTILES",
    "CalibrationReport",
    "OKRForecast",
    "Simulation",
    "Walk",
    "ambition",
    "calibrate_target",
    "confidence_calibration",
    "estimate_walk",
    "fan",
    "forecast_okrs",
    "grade_diagnostics",
    "simulate_kr",
    "simulate_pay_link",
]

#: Percentiles reported by :class:`Simulation`.
PERCENTILES: tuple[int, ...] = (5, 25, 50, 75, 95)
#: Fewest weekly values from which :func:`estimate_walk` estimates a walk.
MIN_HISTORY = 4
#: Normal draws per chunk: bounds memory (8 bytes each) and paces the progress bar.
_CHUNK_DRAWS = 2_000_000
#: Above this many draws a run shows a progress bar unless ``progress=False``.
_AUTO_PROGRESS_DRAWS = 50_000_000
_EPS = 1e-9


# --------------------------------------------------------------------------- helpers


class _Progress:
    """A dependency-free progress line: ``\\r``-updated on stderr, or a Jupyter display.

    In Jupyter (IPython imported and a kernel running) it updates one
    ``IPython.display`` handle with a text/plain line; elsewhere it rewrites a
    line on stderr. Disabled, it does nothing.
    """

    def __init__(self, total: int, label: str = "simulating", enabled: bool = True) -> None:
        self.total = max(int(total), 1)
        self.label = label
        self.enabled = enabled
        self.done = 0
        self._shown = -1
        self._handle: Any = None
        if enabled and _in_jupyter():
            from IPython.display import display  # IPython is there: we are in a kernel

            self._handle = display({"text/plain": self._line()}, raw=True, display_id=True)

    def _line(self) -> str:
        pct = int(100 * self.done / self.total)
        bar = "#" * (pct // 5) + "-" * (20 - pct // 5)
        return f"{self.label}: [{bar}] {pct:3d}% ({self.done:,}/{self.total:,})"

    def update(self, n: int) -> None:
        self.done = min(self.total, self.done + int(n))
        pct = int(100 * self.done / self.total)
        if not self.enabled or pct == self._shown:
            return
        self._shown = pct
        if self._handle is not None:
            self._handle.update({"text/plain": self._line()}, raw=True)
        else:
            sys.stderr.write("\r" + self._line())
            sys.stderr.flush()

    def close(self) -> None:
        if self.enabled and self._handle is None and self._shown >= 0:
            sys.stderr.write("\n")
            sys.stderr.flush()


def _in_jupyter() -> bool:
    ipython = sys.modules.get("IPython")
    if ipython is None:
        return False
    try:
        shell = ipython.get_ipython()
    except AttributeError:  # pragma: no cover - a very old or stub IPython
        return False
    return shell is not None and getattr(shell, "kernel", None) is not None


def _generator(rng: Any, seed: Any) -> np.random.Generator:
    if rng is not None and seed is not None:
        raise ValueError("give `rng` or `seed`, not both")
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is not None:
        raise TypeError(f"`rng` must be a numpy.random.Generator, got {type(rng).__name__}")
    return np.random.default_rng(seed)


def _count(value: Any, name: str, minimum: int) -> int:
    """A whole number >= minimum, with a message that says which argument is wrong."""
    ok = isinstance(value, int | np.integer) and not isinstance(value, bool)
    if not ok and isinstance(value, float) and value.is_integer():
        value, ok = int(value), True
    if not ok:
        raise ValueError(f"`{name}` must be a whole number, got {value!r}")
    if value < minimum:
        raise ValueError(f"`{name}` must be at least {minimum}, got {value}")
    return int(value)


def _number(value: Any, name: str) -> float:
    arr = finite_array(value, name, noun="argument")
    if arr.size != 1:
        raise ValueError(f"`{name}` must be a single number, got {arr.size} values")
    return float(arr.ravel()[0])


def _chunks(paths: int, weeks: int) -> Iterator[int]:
    rows = max(1, _CHUNK_DRAWS // max(weeks, 1))
    for start in range(0, paths, rows):
        yield min(rows, paths - start)


def _walk_end(
    current: float,
    drift: float,
    vol: float,
    weeks: int,
    paths: int,
    gen: np.random.Generator,
    progress: bool | None,
    keep_paths: bool,
) -> tuple[np.ndarray, np.ndarray | None]:
    """End values (and optionally whole paths) of ``paths`` Gaussian walks."""
    if weeks == 0 or vol == 0.0:
        end = np.full(paths, current + drift * weeks)
        kept = None
        if keep_paths:
            kept = np.broadcast_to(current + drift * np.arange(1, weeks + 1), (paths, weeks)).copy()
        return end, kept
    draws = paths * weeks
    show = bool(progress) if progress is not None else draws > _AUTO_PROGRESS_DRAWS
    bar = _Progress(paths, "simulating paths", enabled=show)
    end = np.empty(paths)
    kept = np.empty((paths, weeks)) if keep_paths else None
    steps = current + drift * np.arange(1, weeks + 1)
    # Draws laid out weeks x paths: summing over weeks then adds contiguous rows,
    # several times faster than reducing short rows of a paths x weeks array.
    # Draws are float32 (7 significant digits, far finer than any Monte Carlo
    # error) and twice as fast to generate; sums and paths are float64.
    buffer = np.empty(weeks * min(paths, max(1, _CHUNK_DRAWS // weeks)), dtype=np.float32)
    at = 0
    try:
        for rows in _chunks(paths, weeks):
            eps = buffer[: weeks * rows].reshape(weeks, rows)  # contiguous, for out=
            gen.standard_normal(dtype=np.float32, out=eps)
            if kept is not None:
                walk = np.cumsum(eps, axis=0, dtype=np.float64)
                kept[at : at + rows] = walk.T * vol + steps
                end[at : at + rows] = kept[at : at + rows, -1]
            else:
                total = eps.sum(axis=0, dtype=np.float64)
                total *= vol
                total += steps[-1]
                end[at : at + rows] = total
            at += rows
            bar.update(rows)
    finally:
        bar.close()
    return end, kept


# --------------------------------------------------------------------------- the walk


class Walk(NamedTuple):
    """Weekly drift and volatility of a metric, and how many values they came from."""

    drift: float
    volatility: float
    n: int


def estimate_walk(values: Any, *, name: str = "history") -> Walk:
    """Estimate a weekly Gaussian random walk from a metric's weekly values.

    Parameters
    ----------
    values
        At least four weekly values, oldest first (a list, array or Series; a
        DataFrame with a ``value`` column is read from that column).
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
    vol = float(diffs.std(ddof=1))
    if not vol > _EPS * max(1.0, float(np.abs(arr).max())):
        raise OKRDataError(
            f"the {name} changes by exactly the same amount every week (zero volatility): "
            "a constant history cannot tell how uncertain the future is. Pass volatility= "
            "explicitly (volatility=0 gives a deterministic path)"
        )
    return Walk(float(diffs.mean()), vol, int(arr.size))


def _walk_parameters(history: Any, drift: Any, volatility: Any) -> tuple[float, float]:
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
    d = _number(0.0 if drift is None else drift, "drift")
    v = _number(volatility, "volatility")
    if v < 0:
        raise ValueError(f"`volatility` must be >= 0, got {v:g}")
    return d, v


# --------------------------------------------------------------------------- one KR


@dataclass(frozen=True, eq=False)
class Simulation:
    """Simulated end of a Key Result's cycle.

    Attributes
    ----------
    end_values, end_scores
        One entry per simulated path: the metric at the end of the cycle and
        its clamped score.
    p_success
        Share of paths scoring at least ``settings.aspirational_success``.
    p_threshold
        Share of paths ending on the right side of the KPI threshold (at or
        above it for an increase, at or below for a decrease); None without a
        threshold.
    percentiles
        ``{"value": {5: ..., 25: ..., ...}, "score": {...}}``.
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

        Examples
        --------
        >>> sim = simulate_kr(42, 65, 48, 6, drift=1.0, volatility=1.0, seed=1)
        >>> sim.summary().round(2)
                mean     p5    p25    p50    p75    p95
        value  53.96  49.97  52.30  53.96  55.60  58.04
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
    (0.048, 0.949)
    >>> round(sim.percentiles["score"][50], 2)
    0.52
    """
    paths = _count(paths, "paths", 1)
    weeks = _count(weeks_left, "weeks_left", 0)
    b, t, c = _number(baseline, "baseline"), _number(target, "target"), _number(current, "current")
    d, v = _walk_parameters(history, drift, volatility)
    gen = _generator(rng, seed)
    if direction not in (None, "increase", "decrease"):
        raise ValueError(
            f"simulate_kr models a metric moving towards its target: `direction` must be "
            f"None, 'increase' or 'decrease', got {direction!r}"
        )
    score_values(c, b, t, direction)  # refuses a KR that cannot be scored, before simulating
    decrease = direction == "decrease" or (direction is None and t < b)
    end, kept = _walk_end(c, d, v, weeks, paths, gen, progress, keep_paths)
    scores = score_values(end, b, t, direction)
    p_success = float(np.mean(scores >= settings.aspirational_success - _EPS))
    p_threshold = None
    if threshold is not None:
        th = _number(threshold, "threshold")
        p_threshold = float(np.mean(end <= th if decrease else end >= th))
    # The score is monotone in the end value (falling for a decrease), so its
    # percentiles are the scores of the value's percentiles: one partition, not two.
    q_value = np.percentile(end, PERCENTILES)
    mirrored = np.percentile(end, [100 - q for q in PERCENTILES]) if decrease else q_value
    q_score = score_values(mirrored, b, t, direction)
    pct = {
        "value": dict(zip(PERCENTILES, q_value.tolist(), strict=True)),
        "score": dict(zip(PERCENTILES, q_score.tolist(), strict=True)),
    }
    return Simulation(end, scores, p_success, p_threshold, pct, d, v, weeks, kept)


# --------------------------------------------------------------------------- an OKR set


@dataclass(frozen=True)
class OKRForecast:
    """Forecast of an OKR set: one table per KR and one per objective."""

    krs: pd.DataFrame
    objectives: pd.DataFrame


def forecast_okrs(
    krs: pd.DataFrame,
    checkins: pd.DataFrame,
    on: Any,
    end: Any,
    *,
    start: Any = None,
    objective_col: str = "objective_id",
    kr_col: str = "kr_id",
    paths: int = 5000,
    rng: np.random.Generator | None = None,
    seed: int | None = None,
    interval: tuple[float, float] = (10, 90),
    settings: Settings = DEFAULT_SETTINGS,
) -> OKRForecast:
    """Forecast every KR and objective of an OKR set at a check-in date.

    Each KR's walk is estimated from its own check-ins up to ``on`` (weekly
    check-ins, at least four) and simulated from its last value over the whole
    weeks left until ``end`` (rounded to the nearest week). KRs are simulated
    side by side on the same path index, so an objective's score on path ``i``
    is the mean of its KRs' scores on path ``i`` and its interval is that of
    the mean, not a mean of intervals. KRs are independent of each other.

    Parameters
    ----------
    krs
        One row per KR: ``kr_id``, ``baseline``, ``target``, the objective
        column and optionally ``direction``. Not modified.
    checkins
        One row per check-in: ``kr_id``, ``date``, ``value``. Not modified.
    on, end
        The check-in date to forecast from and the last day of the cycle.
    start
        First day of the cycle; default the first day of ``end``'s quarter.
    objective_col, kr_col
        Column names: the objective each KR belongs to and the KR id (in
        both tables).
    paths, rng, seed
        Simulation size and randomness.
    interval
        Lower and upper percentiles of the reported interval.

    Returns
    -------
    OKRForecast
        ``krs``: per KR ``current``, ``current_score``, ``expected_progress``
        (the straight-line pace at ``on``), ``linear_forecast_score`` (the
        least-squares line of :func:`okr_toolkit.core.pacing.linear_forecast`),
        ``expected_score``, ``score_p10``, ``score_p90``, ``p_success``, and
        the walk's ``drift`` and ``volatility``. ``objectives``: per objective
        ``n_krs``, ``expected_score``, ``score_p10``, ``score_p90``,
        ``p_success`` (of the objective's mean score).

    Examples
    --------
    >>> from okr_toolkit.datasets import load_checkins, load_okr_examples
    >>> krs = load_okr_examples().query("example_id == 'activation'")
    >>> fc = forecast_okrs(krs, load_checkins(), "2026-08-17", "2026-09-30",
    ...                    objective_col="example_id", seed=7)
    >>> cols = ["kr_id", "current_score", "expected_progress", "linear_forecast_score",
    ...         "expected_score", "score_p10", "score_p90"]
    >>> print(fc.krs[cols].round(2).to_string())  # doctest: +NORMALIZE_WHITESPACE
                kr_id  current_score  expected_progress  linear_forecast_score
             expected_score  score_p10  score_p90
    0  activation.kr1  0.27  0.52  0.55  0.50  0.30  0.69
    1  activation.kr2  0.37  0.52  0.71  0.67  0.51  0.83
    2  activation.kr3  0.13  0.52  0.21  0.13  0.00  0.37
    >>> print(fc.objectives.round(2).to_string())
      example_id  n_krs  expected_score  score_p10  score_p90  p_success
    0  activation      3            0.43       0.32       0.54        0.0
    """
    require_columns(krs, [kr_col, "baseline", "target", objective_col], "the key results table")
    require_columns(checkins, [kr_col, "date", "value"], "the check-ins table")
    paths = _count(paths, "paths", 1)
    gen = _generator(rng, seed)
    on_ts, end_ts = to_timestamp(on, "on"), to_timestamp(end, "end")
    start_ts = quarter_bounds(end_ts)[0] if start is None else to_timestamp(start, "start")
    if end_ts < on_ts:
        raise OKRDataError(f"the cycle ends ({end_ts.date()}) before `on` ({on_ts.date()})")
    weeks = round((end_ts - on_ts).days / 7)
    dates = pd.to_datetime(checkins["date"])
    seen = checkins.loc[dates <= on_ts].assign(date=dates[dates <= on_ts])
    seen = seen.sort_values([kr_col, "date"], kind="stable")
    ids = krs[kr_col].to_numpy()
    linear = linear_forecast(krs, seen, end_ts, kr_col=kr_col).set_index(kr_col)
    has_dir = "direction" in krs.columns
    rows, score_paths = [], np.empty((len(krs), paths))
    for i, (kid, b, t) in enumerate(zip(ids, krs["baseline"], krs["target"], strict=True)):
        direction = krs["direction"].iloc[i] if has_dir else None
        values = seen.loc[seen[kr_col] == kid, "value"]
        try:
            walk = estimate_walk(values, name=f"check-ins of key result {kid!r}")
        except OKRDataError as err:
            raise OKRDataError(f"{err}; forecasting needs weekly check-ins up to `on`") from err
        current = float(values.iloc[-1])
        sim = simulate_kr(
            b, t, current, weeks, drift=walk.drift, volatility=walk.volatility,
            paths=paths, direction=direction, rng=gen, settings=settings,
        )  # fmt: skip
        score_paths[i] = sim.end_scores
        rows.append(
            {
                kr_col: kid,
                "current": current,
                "current_score": score_values(current, b, t, direction),
                "drift": walk.drift,
                "volatility": walk.volatility,
                "p_success": sim.p_success,
            }
        )
    lo, hi = interval
    per_kr = pd.DataFrame(rows, index=krs.index)
    per_kr.insert(3, "expected_progress", expected_progress(on_ts, start_ts, end_ts))
    per_kr.insert(4, "linear_forecast_score", linear["forecast_score"].reindex(ids).to_numpy())
    per_kr.insert(5, "expected_score", score_paths.mean(axis=1))
    per_kr.insert(6, f"score_p{lo:g}", np.percentile(score_paths, lo, axis=1))
    per_kr.insert(7, f"score_p{hi:g}", np.percentile(score_paths, hi, axis=1))
    objectives = krs[objective_col].to_numpy()
    out = []
    for obj in pd.unique(objectives):
        mean_path = score_paths[objectives == obj].mean(axis=0)
        out.append(
            {
                objective_col: obj,
                "n_krs": int((objectives == obj).sum()),
                "expected_score": float(mean_path.mean()),
                f"score_p{lo:g}": float(np.percentile(mean_path, lo)),
                f"score_p{hi:g}": float(np.percentile(mean_path, hi)),
                "p_success": float(np.mean(mean_path >= settings.aspirational_success - _EPS)),
            }
        )
    return OKRForecast(per_kr, pd.DataFrame(out))


# --------------------------------------------------------------------------- targets


def _cycle_end_values(
    history: Any,
    weeks: int,
    baseline: float | None,
    drift: float | None,
    volatility: float | None,
    paths: int,
    rng: Any,
    seed: Any,
) -> tuple[float, np.ndarray]:
    weeks = _count(weeks, "weeks", 1)
    paths = _count(paths, "paths", 1)
    d, v = _walk_parameters(history, drift, volatility)
    if baseline is None:
        if history is None:
            raise OKRDataError("no baseline: pass baseline= or a history whose last value it is")
        vals = history["value"] if isinstance(history, pd.DataFrame) else history
        baseline = float(np.asarray(vals, dtype=float).ravel()[-1])
    b = _number(baseline, "baseline")
    end, _ = _walk_end(b, d, v, weeks, paths, _generator(rng, seed), None, False)
    return b, end


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
    paths: int = 20_000,
    rng: np.random.Generator | None = None,
    seed: int | None = 0,
    settings: Settings = DEFAULT_SETTINGS,
) -> float:
    """The stretch target for which P(score >= success) equals ``level``.

    A score of at least ``s`` means the end value covered at least ``s`` of
    the way from baseline to target, so for an increase P(score >= s) =
    P(end >= baseline + s * (target - baseline)). Setting that to ``level``
    gives ``target = baseline + (q - baseline) / s`` with ``q`` the
    ``1 - level`` quantile of the simulated end value (the ``level`` quantile
    for a decrease). For a Gaussian walk ``q = baseline + drift * weeks +
    volatility * sqrt(weeks) * z`` with ``z`` the standard normal ``1 - level``
    quantile (``level`` quantile for a decrease); the simulated quantile is used
    so the
    rule carries over to other path models.

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
    paths, rng, seed
        Simulation size and randomness.

    Raises
    ------
    OKRDataError
        When no target in ``direction`` reaches ``level``: a metric with no
        drift in that direction cannot reach 0.7 of *any* move with a 50%
        chance. Lower ``level`` or state the ``drift`` the OKR should bring.

    Examples
    --------
    A metric gaining half a point a week, give or take a point, from 42:

    >>> round(calibrate_target(None, baseline=42, drift=0.5, volatility=1.0), 1)
    51.3
    """
    if not 0.0 < level < 1.0:
        raise ValueError(f"`level` must be strictly between 0 and 1, got {level}")
    s = settings.aspirational_success if success is None else _number(success, "success")
    if not 0.0 < s <= 1.0:
        raise ValueError(f"`success` must be in (0, 1], got {s}")
    if direction not in ("increase", "decrease"):
        raise ValueError(f"`direction` must be 'increase' or 'decrease', got {direction!r}")
    b, end = _cycle_end_values(history, weeks, baseline, drift, volatility, paths, rng, seed)
    inc = direction == "increase"
    q = float(np.quantile(end, 1.0 - level if inc else level))
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
    paths: int = 20_000,
    rng: np.random.Generator | None = None,
    seed: int | None = 0,
    settings: Settings = DEFAULT_SETTINGS,
) -> float:
    """P(score >= 0.7) of a target if the metric keeps moving as in its history.

    Examples
    --------
    OKR vs KPI vs MBO's 42% -> 65% activation target, with activation stuck around 42%
    and moving about a point a week:

    >>> ambition(None, 65, baseline=42, drift=0.0, volatility=1.0)
    0.0
    >>> round(ambition(None, 46, baseline=42, drift=0.0, volatility=1.0), 2)
    0.2
    """
    b, end = _cycle_end_values(history, weeks, baseline, drift, volatility, paths, rng, seed)
    scores = score_values(end, b, _number(target, "target"), direction)
    return float(np.mean(scores >= settings.aspirational_success - _EPS))


# --------------------------------------------------------------------------- confidence


@dataclass(frozen=True)
class CalibrationReport:
    """How well check-in confidences forecast success.

    Attributes
    ----------
    brier
        Mean squared gap between confidence (0-1) and success (0 or 1); 0 is
        perfect, 0.25 is what always saying 50% earns.
    reliability
        Per confidence bin: ``bin``, ``mean_confidence``, ``observed_rate``,
        ``count`` (empty bins have count 0 and NaN rates).
    teams
        Per team (None without ``team``): ``n``, ``brier``, ``climatology``
        (the Brier score of always forecasting the team's base rate),
        ``skill`` (1 - brier / climatology), ``corr`` (between confidence and
        success), ``informative`` (False flags a team whose confidence says
        nothing; NA with too few KRs to tell).
    """

    brier: float
    reliability: pd.DataFrame
    teams: pd.DataFrame | None


def _scale_confidence(values: np.ndarray, name: str) -> np.ndarray:
    if values.size == 0:
        raise OKRDataError("no key results to calibrate; give at least one row")
    lo, hi = float(values.min()), float(values.max())
    if lo < 0 or hi > 10:
        raise OKRDataError(f"column {name!r} runs from {lo:g} to {hi:g}; confidence is 0-1 or 0-10")
    if hi <= 1:
        return values
    fractional = (values > 0) & (values < 1)
    if fractional.any():
        i = int(np.argmax(fractional))
        raise OKRDataError(
            f"column {name!r} mixes scales: row {i} is {values[i]:g} (a 0-1 probability?) "
            f"while others reach {hi:g} (0-10); put every confidence on one scale"
        )
    return values / 10.0


def confidence_calibration(
    frame: pd.DataFrame,
    *,
    confidence_col: str = "confidence",
    outcome_col: str = "score",
    success: float | None = None,
    team_col: str | None = None,
    bins: int = 5,
    min_krs: int = 8,
    settings: Settings = DEFAULT_SETTINGS,
) -> CalibrationReport:
    """Brier score and reliability table of check-in confidences.

    Confidence on 0-10 (the usual check-in scale) is detected when any value
    exceeds 1 and divided by 10; values outside 0-10, or a mix of fractions
    below 1 with values above 1, are errors. A KR succeeded when its final
    score is at least ``success`` (0.7).

    Rule for "confidence says nothing": a team with at least ``min_krs`` KRs
    is flagged (``informative=False``) when its Brier score is no better than
    always forecasting its own success rate (skill <= 0), or when confidence
    and success are uncorrelated (``|corr| < 0.1``, or no variation at all).

    Parameters
    ----------
    frame
        One row per past KR with a confidence and a final score. Not modified.
    confidence_col, outcome_col, team_col
        Column names: the confidence, the final score and the team;
        ``team_col`` is optional.
    success
        Success score; default ``settings.aspirational_success``.
    bins
        Number of equal-width confidence bins on [0, 1].
    min_krs
        Fewest KRs for which a team is judged.

    Examples
    --------
    >>> import pandas as pd
    >>> past = pd.DataFrame({"confidence": [9, 8, 2, 1], "score": [1.0, 0.5, 0.0, 0.8]})
    >>> rep = confidence_calibration(past, bins=2)
    >>> round(rep.brier, 4)
    0.375
    >>> rep.reliability
              bin  mean_confidence  observed_rate  count
    0  [0.0, 0.5)             0.15            0.5      2
    1  [0.5, 1.0]             0.85            0.5      2
    """
    cols = [confidence_col, outcome_col] + ([team_col] if team_col is not None else [])
    require_columns(frame, cols, "the past key results table")
    bins = _count(bins, "bins", 1)
    s = settings.aspirational_success if success is None else _number(success, "success")
    raw = finite_array(frame[confidence_col], confidence_col, noun="row").ravel()
    p = _scale_confidence(raw, confidence_col)
    hit = (finite_array(frame[outcome_col], outcome_col, noun="row").ravel() >= s - _EPS).astype(
        float
    )
    brier = float(np.mean((p - hit) ** 2))
    idx = np.minimum((p * bins).astype(int), bins - 1)
    counts = np.bincount(idx, minlength=bins)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_p = np.bincount(idx, weights=p, minlength=bins) / counts
        rate = np.bincount(idx, weights=hit, minlength=bins) / counts
    edges = np.linspace(0, 1, bins + 1)
    labels = [
        f"[{edges[i]:.1f}, {edges[i + 1]:.1f}{']' if i == bins - 1 else ')'}" for i in range(bins)
    ]
    reliability = pd.DataFrame(
        {"bin": labels, "mean_confidence": mean_p, "observed_rate": rate, "count": counts}
    )
    teams = None
    if team_col is not None:
        work = pd.DataFrame({"team": frame[team_col].to_numpy(), "p": p, "o": hit})
        work = work.assign(se=(work["p"] - work["o"]) ** 2)
        g = work.groupby("team", sort=True)
        teams = g.agg(n=("p", "size"), brier=("se", "mean"), base=("o", "mean"))
        teams["climatology"] = teams["base"] * (1 - teams["base"])
        with np.errstate(invalid="ignore", divide="ignore"):
            skill = 1 - teams["brier"] / teams["climatology"].where(teams["climatology"] > 0)
        teams["skill"] = skill
        # Correlation from grouped moments: no loop over teams.
        mom = work.assign(pp=work["p"] ** 2, oo=work["o"] ** 2, po=work["p"] * work["o"])
        m = mom.groupby("team", sort=True)[["p", "o", "pp", "oo", "po"]].mean()
        cov = m["po"] - m["p"] * m["o"]
        sd = np.sqrt((m["pp"] - m["p"] ** 2).clip(lower=0) * (m["oo"] - m["o"] ** 2).clip(lower=0))
        teams["corr"] = (cov / sd.where(sd > 1e-12)).clip(-1, 1)
        says_nothing = (teams["skill"].fillna(-1) <= 0) | ~(teams["corr"].abs() >= 0.1)
        teams["informative"] = pd.array(~says_nothing, dtype="boolean")
        teams.loc[teams["n"] < min_krs, "informative"] = pd.NA
        teams = teams.drop(columns="base").reset_index().rename(columns={"team": team_col})
    return CalibrationReport(brier, reliability, teams)


# --------------------------------------------------------------------------- grades

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


# --------------------------------------------------------------------------- pay link


def simulate_pay_link(
    n_agents: int = 1000,
    *,
    seed: int | None = 0,
    rng: np.random.Generator | None = None,
    ability_sd: float = 0.3,
    noise_sd: float = 0.2,
    luck_sd: float = 0.15,
    stretch: float = 0.8,
    effort_gain: float = 0.25,
    risk_aversion: float = 2.0,
) -> pd.DataFrame:
    """Agents set their own targets, with and without pay tied to the score.

    The model's assumptions (all stated, all deliberately simple):

    1. Each agent has an ability ``a``: what it delivers over the cycle at
       ordinary effort, lognormal around 10 (log-sd ``ability_sd``). The KR
       scores the outcome from a baseline of 0: ``score = clip(outcome /
       target, 0, 1)``.
    2. The agent knows its ability only with noise: it sees ``a_hat = a *
       exp(N(0, noise_sd))``.
    3. Outcome = ``a * (1 + effort) * exp(N(0, luck_sd))``. Effort rises with
       the stretch the agent set itself and saturates: ``effort = effort_gain
       * min(max(target / a_hat - 1, 0), 1)``. A target below ``a_hat`` earns
       no extra effort.
    4. *Pay-linked*: pay rises with the score, so the agent maximises
       expected pay and, being risk averse, picks a target it will almost
       surely hit: ``target = a_hat * exp(-risk_aversion * sqrt(noise_sd**2 +
       luck_sd**2))``.
    5. *Decoupled*: the score carries no pay, so the agent stretches:
       ``target = a_hat * (1 + stretch)``.
    6. A goal is a *stretch goal* when its target is above the agent's true
       ability (more than ordinary effort delivers).

    The same agents, ability noise and luck are used under both regimes, so
    the difference is the incentive alone.

    Returns
    -------
    pandas.DataFrame
        Rows ``pay_linked`` and ``decoupled``; columns ``mean_outcome``,
        ``mean_target``, ``mean_score``, ``share_stretch``,
        ``share_full_score`` (scores of 1.0).

    Examples
    --------
    >>> print(simulate_pay_link(5000, seed=1).round(2).to_string())
                mean_outcome  mean_target  mean_score  share_stretch  share_full_score
    pay_linked         10.52         6.43        1.00            0.0              0.98
    decoupled          12.63        19.07        0.68            1.0              0.05
    """
    n = _count(n_agents, "n_agents", 1)
    for name, val in (("ability_sd", ability_sd), ("noise_sd", noise_sd), ("luck_sd", luck_sd)):
        if not (math.isfinite(val) and val >= 0):
            raise ValueError(f"`{name}` must be a finite number >= 0, got {val}")
    if stretch <= 0:
        raise ValueError(f"`stretch` must be > 0, got {stretch}")
    gen = _generator(rng, seed)
    ability = 10.0 * np.exp(ability_sd * gen.standard_normal(n))
    a_hat = ability * np.exp(noise_sd * gen.standard_normal(n))
    luck = np.exp(luck_sd * gen.standard_normal(n))
    cushion = np.exp(-risk_aversion * math.hypot(noise_sd, luck_sd))
    out = {}
    for regime, target in (("pay_linked", a_hat * cushion), ("decoupled", a_hat * (1 + stretch))):
        effort = effort_gain * np.clip(target / a_hat - 1.0, 0.0, 1.0)
        outcome = ability * (1.0 + effort) * luck
        scores = np.clip(outcome / target, 0.0, 1.0)
        out[regime] = {
            "mean_outcome": float(outcome.mean()),
            "mean_target": float(target.mean()),
            "mean_score": float(scores.mean()),
            "share_stretch": float((target > ability).mean()),
            "share_full_score": float((scores >= 1.0 - _EPS).mean()),
        }
    return pd.DataFrame.from_dict(out, orient="index")
