"""Pacing within a cycle: where a KR should be by now, and where it is heading.

OKRs run on quarters [OKR vs KPI vs MBO; KPI vs OKR — the difference that
matters]. The straight-line pace says a KR should have covered the same share
of its way as the share of the quarter that has passed. Days count whole, with
the end day included, so on the last day of the quarter the expected progress
is 1.0.

The forecast fits a least-squares line through a KR's dated check-ins and
reads it at the end of the cycle. It is the simplest honest forecast; the
scenario module models the uncertainty around it.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import numpy as np
import pandas as pd

from okr_toolkit._validate import (
    Problems,
    broadcast,
    finite_array,
    labelled,
    labels_of,
    require_columns,
    to_float_array,
    to_timestamp,
    to_timestamps,
)
from okr_toolkit.core.scoring import score as score_values
from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.exceptions import OKRDataError

__all__ = ["PACES", "expected_progress", "linear_forecast", "pace", "pacing", "quarter_bounds"]

PACES: tuple[str, ...] = ("behind", "on_track", "ahead")
PACE_DTYPE = pd.CategoricalDtype(list(PACES), ordered=True)
_QUARTER = re.compile(r"^\s*(?:(\d{4})\s*-?\s*Q([1-4])|Q([1-4])\s*[- ]?\s*(\d{4}))\s*$", re.I)


def quarter_bounds(
    quarter: str | date | datetime | pd.Timestamp | pd.Period,
) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day of a quarter.

    Parameters
    ----------
    quarter
        ``"2026Q3"``, ``"2026-Q3"``, ``"Q3 2026"``, a ``pandas.Period``, or any
        date inside the quarter.

    Examples
    --------
    >>> start, end = quarter_bounds("2026Q3")
    >>> start.date(), end.date()
    (datetime.date(2026, 7, 1), datetime.date(2026, 9, 30))
    >>> quarter_bounds("2026-08-17")[0].date()
    datetime.date(2026, 7, 1)
    """
    if isinstance(quarter, str):
        m = _QUARTER.match(quarter)
        if m:
            year = int(m.group(1) or m.group(4))
            q = int(m.group(2) or m.group(3))
            period = pd.Period(year=year, quarter=q, freq="Q")
        else:
            try:
                period = to_timestamp(quarter, "quarter").to_period("Q")
            except OKRDataError as err:
                raise OKRDataError(
                    f"quarter {quarter!r} is not a quarter or a date; write it like "
                    "'2026Q3', 'Q3 2026' or '2026-08-17'"
                ) from err
    elif isinstance(quarter, pd.Period):
        period = quarter.asfreq("Q")
    else:
        period = to_timestamp(quarter, "quarter").to_period("Q")
    return period.start_time.normalize(), period.end_time.normalize()


def _days(values: Any) -> Any:
    """Whole days since the epoch, for a date or a column of dates."""
    if isinstance(values, pd.Timestamp):
        return int(np.datetime64(values, "D").astype(np.int64))
    stamps = to_timestamps(values, "date").to_numpy(dtype="datetime64[D]")
    return stamps.astype(np.int64)


def expected_progress(on: Any, start: Any, end: Any) -> Any:
    """Share of the cycle elapsed at the end of day ``on``, in [0, 1].

    Examples
    --------
    >>> expected_progress("2026-08-17", "2026-07-01", "2026-09-30")
    0.5217391304347826
    >>> expected_progress("2026-09-30", "2026-07-01", "2026-09-30")
    1.0
    """
    s, e = _days(to_timestamp(start, "start")), _days(to_timestamp(end, "end"))
    if e < s:
        raise OKRDataError(f"the cycle ends ({end}) before it starts ({start}); swap the dates")
    scalar = np.ndim(on) == 0
    d = _days(to_timestamp(on, "on")) if scalar else _days(to_timestamps(on, "on"))
    out = np.clip((d - s + 1) / (e - s + 1), 0.0, 1.0)
    if isinstance(on, pd.Series):
        return pd.Series(out, index=on.index, name="expected")
    return float(out) if scalar else out


def pace(score: Any, expected: Any, *, settings: Settings = DEFAULT_SETTINGS) -> Any:
    """Read a score against the straight-line pace: behind, on track or ahead.

    A KR is ``"behind"`` when it trails the expected progress by more than
    ``settings.pacing_tolerance`` (0.1), ``"ahead"`` when it leads by more.

    Examples
    --------
    >>> pace(0.3, 0.52), pace(0.5, 0.52), pace(0.8, 0.52)
    ('behind', 'on_track', 'ahead')
    """
    s = finite_array(score, "score", noun="score")
    x = finite_array(expected, "expected progress", noun="score")
    s, x = broadcast(score=s, expected=x)
    gap = np.round(s - x, 9)
    tol = settings.pacing_tolerance
    codes = np.where(gap < -tol, 0, np.where(gap > tol, 2, 1))
    return labelled(codes, PACE_DTYPE, score, "pace")


def pacing(
    krs: pd.DataFrame, on: Any, start: Any, end: Any, *, settings: Settings = DEFAULT_SETTINGS
) -> pd.DataFrame:
    """Add ``expected``, ``gap`` and ``pace`` columns to a table of scored KRs.

    Examples
    --------
    >>> import pandas as pd
    >>> krs = pd.DataFrame({"kr_id": ["a", "b"], "score": [0.25, 0.55]})
    >>> pacing(krs, "2026-08-17", "2026-07-01", "2026-09-30").round(2)
      kr_id  score  expected   gap      pace
    0     a   0.25      0.52 -0.27    behind
    1     b   0.55      0.52  0.03  on_track
    """
    require_columns(krs, ["score"], "the key results table")
    x = expected_progress(on, start, end)
    if np.ndim(x) != 0:
        raise ValueError(f"`on` must be a single date, got {np.size(x)} dates")
    s = pd.Series(finite_array(krs["score"], "score", labels_of(krs, "kr_id")), index=krs.index)
    return krs.assign(expected=x, gap=s - x, pace=pace(s, np.full(len(krs), x), settings=settings))


def _check_in_cycle(
    when: pd.Series, labels: np.ndarray, start: pd.Timestamp | None, end: pd.Timestamp
) -> None:
    """Refuse check-ins dated outside the cycle, naming the first few."""
    outside = (when.dt.normalize() > end.normalize()).to_numpy().copy()
    if start is not None:
        outside |= (when.dt.normalize() < start.normalize()).to_numpy()
    cycle = f"{'...' if start is None else start.date()} to {end.date()}"
    problems = Problems("check-ins")
    problems.check(
        outside,
        lambda i: (
            f"check-in row {i} ({labels[i]!r}): {when.iloc[i].date()} is outside the cycle "
            f"({cycle}); fix the date (a year typo?) or drop check-ins of another cycle"
        ),
    )
    problems.raise_if_any()


def _forecast_status(
    ids: np.ndarray, n: np.ndarray, var: np.ndarray, direction: pd.Series | None
) -> np.ndarray:
    """Why each KR gets no linear forecast ("" where it gets one)."""
    status = np.full(len(ids), "", dtype=object)
    flat = ~(var > 1e-12)
    status[flat] = [
        f"no forecast: check-ins on at least two different dates are needed, found {int(k)}; "
        "add check-ins, or pass start= to count the baseline as the first point"
        for k in n[flat]
    ]
    if direction is not None:
        milestone = direction.astype(object).to_numpy() == "milestone"
        status[milestone] = (
            "no forecast: a milestone is done or not done; there is no line to extend"
        )
    return status


def linear_forecast(
    krs: pd.DataFrame,
    checkins: pd.DataFrame,
    end: Any,
    *,
    start: Any = None,
    kr_col: str = "kr_id",
    date_col: str = "date",
    value_col: str = "value",
) -> pd.DataFrame:
    """Linear end-of-cycle forecast for each KR from its dated check-ins.

    Fits value = a + b * day by least squares per KR (all KRs at once, from
    grouped sums: no loop over KRs) and reads the line at ``end``.

    Parameters
    ----------
    krs
        One row per KR: ``kr_id``, ``baseline``, ``target`` and optionally
        ``direction``. Not modified.
    checkins
        One row per check-in: ``kr_id``, ``date``, ``value``. Not modified.
    end
        Last day of the cycle.
    start
        First day of the cycle. When given, each KR's baseline counts as a
        check-in on that day, so a single real check-in is enough to forecast.
    kr_col, date_col, value_col
        The columns holding the KR id (in both tables), the check-in date and
        the value checked in.

    Returns
    -------
    pandas.DataFrame
        One row per KR in ``krs``: ``n_checkins``, ``last_date``,
        ``last_value`` (the baseline when a KR has no check-in yet),
        ``slope_per_week``, ``forecast_value``,
        ``current_score`` (of the last value), ``forecast_score`` and
        ``status``: "" for a forecast KR, else why it has none (a milestone;
        fewer than two check-in dates), so one such KR does not sink the table.

    Raises
    ------
    OKRDataError
        For a check-in dated after ``end`` or before ``start``: it belongs to
        another cycle (or its year is a typo), and would pull the line.

    Examples
    --------
    >>> import pandas as pd
    >>> krs = pd.DataFrame({"kr_id": ["activation"], "baseline": [42.0], "target": [65.0]})
    >>> checkins = pd.DataFrame({"kr_id": ["activation"] * 3,
    ...                          "date": ["2026-07-06", "2026-07-13", "2026-07-20"],
    ...                          "value": [43.0, 44.0, 45.0]})
    >>> fc = linear_forecast(krs, checkins, end="2026-09-30")
    >>> fc[["kr_id", "slope_per_week", "forecast_value", "forecast_score"]].round(2)
            kr_id  slope_per_week  forecast_value  forecast_score
    0  activation             1.0           55.29            0.58
    """
    require_columns(checkins, [kr_col, date_col, value_col], "the check-ins table")
    require_columns(krs, [kr_col, "baseline", "target"], "the key results table")
    ids = krs[kr_col].to_numpy()
    bad_id = pd.isna(ids) | pd.Series(ids).duplicated().to_numpy()
    if bad_id.any():
        i = int(np.argmax(bad_id))
        raise OKRDataError(
            f"the key results table, row {i}: {kr_col} {ids[i]!r} is missing or repeated; "
            "give each key result one row with its own id"
        )
    end = to_timestamp(end, "end")
    start = None if start is None else to_timestamp(start, "start")
    labels = checkins[kr_col].to_numpy()
    when = to_timestamps(checkins[date_col], f"the check-ins table: {date_col}", labels)
    _check_in_cycle(when, labels, start, end)
    points = pd.DataFrame(
        {
            "kr": labels,
            "t": _days(when).astype(float),
            "v": to_float_array(checkins[value_col], value_col, labels),
        }
    )
    problems = Problems("check-ins")
    problems.check(
        points["v"].isna().to_numpy(),
        lambda i: f"check-in row {i} ({labels[i]!r}): value is missing; drop the row or fill it",
    )
    problems.check(
        np.isinf(points["v"].to_numpy()),
        lambda i: f"check-in row {i} ({labels[i]!r}): value must be a finite number",
    )
    problems.check(
        pd.isna(labels),
        lambda i: f"check-in row {i}: {kr_col} is missing; say which key result it is for",
    )
    problems.raise_if_any()
    real_n = points.groupby("kr", sort=False).size()
    if start is not None:
        base = pd.DataFrame(
            {
                "kr": krs[kr_col].to_numpy(),
                "t": float(_days(start)),
                "v": to_float_array(krs["baseline"], "baseline", krs[kr_col].to_numpy()),
            }
        )
        points = pd.concat([base, points], ignore_index=True)
    # Stable sort: on a tie with the start-day baseline, the real check-in is the last.
    last = points.sort_values("t", kind="stable").groupby("kr", sort=False).last()
    t0 = points["t"].min() if len(points) else 0.0
    points = points.assign(t=points["t"] - t0)  # centre for numerical stability
    points = points.assign(tt=points["t"] ** 2, tv=points["t"] * points["v"])
    sums = points.groupby("kr", sort=False).agg(
        n=("t", "size"), st=("t", "sum"), sv=("v", "sum"), stt=("tt", "sum"), stv=("tv", "sum")
    )
    sums = sums.reindex(krs[kr_col].to_numpy())
    n = sums["n"].fillna(0).to_numpy()
    var = sums["stt"].to_numpy() - sums["st"].to_numpy() ** 2 / np.where(n > 0, n, 1)
    direction = krs["direction"] if "direction" in krs.columns else None
    status = _forecast_status(ids, n, var, direction)
    ok = status == ""
    with np.errstate(divide="ignore", invalid="ignore"):
        slope = (sums["stv"].to_numpy() - sums["st"].to_numpy() * sums["sv"].to_numpy() / n) / var
        intercept = (sums["sv"].to_numpy() - slope * sums["st"].to_numpy()) / n
    t_end = float(_days(end)) - t0
    slope = np.where(ok, slope, np.nan)
    predicted = np.where(ok, intercept + slope * t_end, np.nan)
    last = last.reindex(ids)
    last_value = last["v"].to_numpy()
    current_score = np.full(len(ids), np.nan)
    forecast_score = np.full(len(ids), np.nan)
    # A milestone's last value is still done / not done; score what can be scored.
    has_last = ~np.isnan(last_value)
    for values, out, rows in (
        (last_value, current_score, has_last),
        (predicted, forecast_score, ok),
    ):
        if rows.any():
            out[rows] = score_values(
                values[rows],
                baseline=krs["baseline"].to_numpy()[rows],
                target=krs["target"].to_numpy()[rows],
                direction=None if direction is None else direction.to_numpy()[rows],
                labels=ids[rows],
            )
    return pd.DataFrame(
        {
            kr_col: ids,
            "n_checkins": real_n.reindex(ids).fillna(0).astype(int).to_numpy(),
            "last_date": pd.to_datetime((last["t"].to_numpy()).astype("int64"), unit="D"),
            "last_value": last_value,
            "slope_per_week": slope * 7,
            "forecast_value": predicted,
            "current_score": current_score,
            "forecast_score": forecast_score,
            "status": status,
        },
        index=krs.index,
    )
