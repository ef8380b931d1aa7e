"""A whole OKR set forecast at a check-in date: every KR and every objective.

:func:`forecast_okrs` runs in named steps: the cycle's dates and the weeks left
(:func:`_cycle`), the check-ins seen by then (:func:`_checkins_until`), one
simulation per KR on a shared path index (:func:`_simulate_krs`, each KR by
:func:`_forecast_kr`), then the two tables (:func:`_kr_table`,
:func:`_objective_table`).

A KR's own figures (its chance of success, expected score and interval) are exact:
the end value of its walk is normal (:class:`~okr_toolkit.scenarios.ends.End`). An
objective's expected score is exact too (the mean of its KRs'); its interval and
chance of success are the simulated paths' (the distribution of a mean of several
clamped scores has no closed form), so only they depend on ``paths`` and the seed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from okr_toolkit._validate import require_columns, to_timestamp, to_timestamps
from okr_toolkit.core.pacing import expected_progress, linear_forecast, quarter_bounds
from okr_toolkit.core.scoring import score as score_values
from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.scenarios.arguments import EPS, count, generator
from okr_toolkit.scenarios.ends import End
from okr_toolkit.scenarios.simulation import simulate_kr
from okr_toolkit.scenarios.walks import estimate_walk

__all__ = ["OKRForecast", "forecast_okrs"]


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

    Each KR's walk is estimated from its own check-ins up to ``on`` (at least
    four, at any spacing: each change is scaled to a week by the dates, so a
    fortnightly series is not taken for a weekly one) and simulated from its
    last value over the whole weeks left until ``end`` (rounded to the nearest
    week). KRs are simulated side by side on the same path index, so an
    objective's score on path ``i`` is the mean of its KRs' scores on path
    ``i`` and its interval is that of the mean, not a mean of intervals. KRs
    are independent of each other.

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
        Simulation size and randomness of the objectives' figures (each KR's are exact).
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
    0  activation.kr1  0.27  0.52  0.55  0.50  0.30  0.70
    1  activation.kr2  0.37  0.52  0.71  0.67  0.51  0.83
    2  activation.kr3  0.13  0.52  0.21  0.13  0.00  0.38
    >>> print(fc.objectives.round(2).to_string())
      example_id  n_krs  expected_score  score_p10  score_p90  p_success
    0  activation      3            0.43       0.32       0.54        0.0
    """
    require_columns(krs, [kr_col, "baseline", "target", objective_col], "the key results table")
    require_columns(checkins, [kr_col, "date", "value"], "the check-ins table")
    paths = count(paths, "paths", 1)
    gen = generator(rng, seed)
    on_ts, start_ts, end_ts, weeks = _cycle(on, end, start)
    seen = _checkins_until(checkins, on_ts, kr_col)
    linear = linear_forecast(krs, seen, end_ts, kr_col=kr_col).set_index(kr_col)
    rows, score_paths = _simulate_krs(krs, seen, weeks, paths, gen, kr_col, interval, settings)
    per_kr = _kr_table(
        rows,
        krs,
        kr_col,
        linear["forecast_score"],
        (on_ts, start_ts, end_ts),
    )
    objectives = _objective_table(
        krs[objective_col].to_numpy(),
        score_paths,
        per_kr["expected_score"].to_numpy(),
        objective_col,
        interval,
        settings,
    )
    return OKRForecast(per_kr, objectives)


def _cycle(on: Any, end: Any, start: Any) -> tuple[pd.Timestamp, pd.Timestamp, pd.Timestamp, int]:
    """``on``, the cycle's first and last day, and the whole weeks left from ``on``."""
    on_ts, end_ts = to_timestamp(on, "on"), to_timestamp(end, "end")
    start_ts = quarter_bounds(end_ts)[0] if start is None else to_timestamp(start, "start")
    if end_ts < on_ts:
        raise OKRDataError(f"the cycle ends ({end_ts.date()}) before `on` ({on_ts.date()})")
    return on_ts, start_ts, end_ts, round((end_ts - on_ts).days / 7)


def _checkins_until(checkins: pd.DataFrame, on: pd.Timestamp, kr_col: str) -> pd.DataFrame:
    """The check-ins made by ``on``, dates parsed, in date order within each KR."""
    dates = to_timestamps(checkins["date"], "the check-ins table: date")
    seen = checkins.loc[dates <= on].assign(date=dates[dates <= on])
    return seen.sort_values([kr_col, "date"], kind="stable")


def _simulate_krs(
    krs: pd.DataFrame,
    seen: pd.DataFrame,
    weeks: int,
    paths: int,
    gen: np.random.Generator,
    kr_col: str,
    interval: tuple[float, float],
    settings: Settings,
) -> tuple[list[dict[str, Any]], np.ndarray]:
    """One row per KR and its simulated end scores (KR x path), KR by KR from ``gen``."""
    has_dir = "direction" in krs.columns
    rows, score_paths = [], np.empty((len(krs), paths))
    ids = krs[kr_col].to_numpy()
    for i, (kid, b, t) in enumerate(zip(ids, krs["baseline"], krs["target"], strict=True)):
        direction = krs["direction"].iloc[i] if has_dir else None
        mine = seen[seen[kr_col] == kid]
        row, score_paths[i] = _forecast_kr(
            kid, b, t, direction, mine["value"], mine["date"], weeks, paths, gen, kr_col,
            interval, settings,
        )  # fmt: skip
        rows.append(row)
    return rows, score_paths


def _forecast_kr(
    kid: Any,
    baseline: Any,
    target: Any,
    direction: Any,
    values: pd.Series,
    dates: pd.Series,
    weeks: int,
    paths: int,
    gen: np.random.Generator,
    kr_col: str,
    interval: tuple[float, float],
    settings: Settings,
) -> tuple[dict[str, Any], np.ndarray]:
    """One KR: its walk from its check-ins ``values`` (on ``dates``, whatever their
    spacing), simulated from the last of them; its expected score and the score's
    ``interval`` percentiles exact."""
    try:
        walk = estimate_walk(values, when=dates, name=f"check-ins of key result {kid!r}")
    except OKRDataError as err:
        raise OKRDataError(f"{err}; forecasting needs check-ins up to `on`") from err
    current = float(values.iloc[-1])
    sim = simulate_kr(
        baseline, target, current, weeks, drift=walk.drift, volatility=walk.volatility,
        paths=paths, direction=direction, rng=gen, settings=settings,
    )  # fmt: skip
    ends = End.of_walk(current, drift=walk.drift, volatility=walk.volatility, weeks=weeks)
    b, t = float(baseline), float(target)
    lo, hi = interval
    # The score falls as the value rises for a decrease: its low percentile is the value's high.
    flip = t < b
    row = {
        kr_col: kid,
        "current": current,
        "current_score": score_values(current, baseline, target, direction),
        "drift": walk.drift,
        "volatility": walk.volatility,
        "p_success": sim.p_success,
        "expected_score": ends.expected_score(b, t),
        f"score_p{lo:g}": _score_at(ends, b, t, direction, 1 - lo / 100 if flip else lo / 100),
        f"score_p{hi:g}": _score_at(ends, b, t, direction, 1 - hi / 100 if flip else hi / 100),
    }
    return row, sim.end_scores


def _score_at(end: End, baseline: float, target: float, direction: Any, p: float) -> float:
    """The score of the end value's ``p`` quantile (``p`` in (0, 1); 0 and 1 are the
    bounds a clamped score reaches)."""
    if p <= 0.0 or p >= 1.0:
        value = end.mean if end.sd == 0 else (-np.inf if p <= 0 else np.inf)
    else:
        value = end.quantile(p)
    return float(score_values(value, baseline, target, direction))


def _kr_table(
    rows: list[dict[str, Any]],
    krs: pd.DataFrame,
    kr_col: str,
    linear_scores: pd.Series,
    dates: tuple[pd.Timestamp, pd.Timestamp, pd.Timestamp],
) -> pd.DataFrame:
    """The per-KR table: the rows, with the pace and the line's score.

    ``dates`` are ``on`` and the cycle's first and last day; ``linear_scores`` is
    indexed by KR id.
    """
    per_kr = pd.DataFrame(rows, index=krs.index)
    columns = list(per_kr.columns)
    exact = columns[6:]  # expected_score and the interval, after p_success
    per_kr = per_kr[columns[:3] + exact + columns[3:6]]
    per_kr.insert(3, "expected_progress", expected_progress(*dates))
    ids = krs[kr_col].to_numpy()
    per_kr.insert(4, "linear_forecast_score", linear_scores.reindex(ids).to_numpy())
    return per_kr


def _objective_table(
    objectives: np.ndarray,
    score_paths: np.ndarray,
    expected_scores: np.ndarray,
    objective_col: str,
    interval: tuple[float, float],
    settings: Settings,
) -> pd.DataFrame:
    """Per objective: the mean of its KRs' scores path by path, summarised. The expected
    score is exact (the mean of the KRs' exact expected scores: expectation is linear);
    the interval and the chance of success are the simulated mean's."""
    lo, hi = interval
    out = []
    for obj in pd.unique(objectives):
        mean_path = score_paths[objectives == obj].mean(axis=0)
        out.append(
            {
                objective_col: obj,
                "n_krs": int((objectives == obj).sum()),
                "expected_score": float(expected_scores[objectives == obj].mean()),
                f"score_p{lo:g}": float(np.percentile(mean_path, lo)),
                f"score_p{hi:g}": float(np.percentile(mean_path, hi)),
                "p_success": float(np.mean(mean_path >= settings.aspirational_success - EPS)),
            }
        )
    return pd.DataFrame(out)
