"""KPI health: status against a threshold or range, benchmarks, and stalls.

A KPI has a threshold (or a range) that is defended; a breach starts a
conversation [KPI vs OKR — the difference that matters]. The status rule:

``"breached"``
    on the wrong side of the threshold (below it when higher is better),
    or outside the range. A range with a ``better`` side defends only its
    other edge: when higher is better, a value above the range is better than
    the range, not a breach.
``"at_risk"``
    on the right side, but within the tolerance margin of the line. The
    margin is ``tolerance`` x |threshold| for a threshold, and ``tolerance``
    x (upper - lower) for a range.
``"healthy"``
    clear of the line by more than the margin.

A KPI that misses twice in a row needs management intervention [OKR vs. KPI:
Differences And Importance]; one stalled below its threshold for months
(activation 42% vs 50% for six months, MQL-to-SQL 18% vs 25% for nine) is the
seed of an OKR [OKR vs KPI vs MBO].
"""

from __future__ import annotations

from typing import Any, Literal

import numpy as np
import pandas as pd

from okr_toolkit._validate import (
    Problems,
    align_to,
    broadcast,
    finite_array,
    labelled,
    require_columns,
    to_float_array,
)
from okr_toolkit.core.periods import gaps, period_keys
from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.core.tolerance import above, at_least, at_most, below
from okr_toolkit.exceptions import OKRDataError

__all__ = [
    "KPI_STATUSES",
    "compare_to_benchmarks",
    "detect_stalls",
    "kpi_status",
    "stall_summary",
]

KPI_STATUSES: tuple[str, ...] = ("breached", "at_risk", "healthy")
STATUS_DTYPE = pd.CategoricalDtype(list(KPI_STATUSES), ordered=True)
Better = Literal["higher", "lower"]


def _better_mask(better: Any, n: int, where: Any = None) -> np.ndarray:
    """True where lower values are better, checking every entry."""
    names = np.asarray(better, dtype=object).ravel()
    if names.size not in (1, n):
        raise ValueError(
            f"`better` has {names.size} entries but there are {n} KPI values; "
            "give one per value, or a single 'higher' / 'lower' for all"
        )
    names = np.broadcast_to(names, (n,))
    ok = (names == "higher") | (names == "lower")
    if not ok.all():
        i = int(np.argmax(~ok))
        who = f"KPI at row {i}" if where is None else where(i)
        raise OKRDataError(f"{who}: better must be 'higher' or 'lower', got {names[i]!r}")
    return names == "lower"


def kpi_status(
    value: Any,
    threshold: Any = None,
    *,
    better: Better | Any = None,
    lower: Any = None,
    upper: Any = None,
    tolerance: float | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> Any:
    """Status of KPI values: breached, at risk or healthy.

    Parameters
    ----------
    value
        The KPI's latest value(s).
    threshold
        The line to defend. Give either ``threshold`` or both ``lower`` and
        ``upper`` (a range to stay inside).
    better
        ``"higher"`` or ``"lower"``, per KPI or for all. The default is
        ``"higher"`` for a threshold; for a range it is "stay inside" (both
        edges defended), and ``"higher"`` / ``"lower"`` defend only the lower /
        upper edge.
    tolerance
        Margin as a fraction (default ``settings.kpi_tolerance``, 0.05).

    Returns
    -------
    str, numpy.ndarray or pandas.Series
        Series input gives an ordered categorical Series.

    Examples
    --------
    Week-1 activation against its 50% threshold [OKR vs KPI vs MBO]:

    >>> kpi_status(42, threshold=50), kpi_status(51, threshold=50), kpi_status(58, threshold=50)
    ('breached', 'at_risk', 'healthy')

    Sales cycle where fewer days are better, and a CSAT range:

    >>> kpi_status(32, threshold=30, better="lower")
    'breached'
    >>> kpi_status(93, lower=90, upper=95)
    'healthy'
    >>> kpi_status([97, 120], lower=[90, 100], upper=[95, 115], better="higher").tolist()
    ['healthy', 'healthy']

    A value computed as ``0.58 * 100`` is on a threshold of 58, not below it (the
    toolkit's one tolerance, :mod:`okr_toolkit.core.tolerance`):

    >>> kpi_status(0.58 * 100, threshold=58)
    'at_risk'
    """
    if tolerance is None:
        tol = settings.kpi_tolerance
    elif isinstance(tolerance, int | float | np.number) and not isinstance(tolerance, bool):
        tol = float(tolerance)
    else:
        raise ValueError(f"`tolerance` must be a number such as 0.05, got {tolerance!r}")
    if not tol >= 0 or np.isinf(tol):
        raise ValueError(f"`tolerance` must be a finite number >= 0, got {tolerance!r}")
    if threshold is not None and (lower is not None or upper is not None):
        raise ValueError("give either `threshold` or `lower` and `upper`, not both")
    aligned = align_to(value, threshold=threshold, lower=lower, upper=upper, better=better)
    threshold, lower, upper = aligned["threshold"], aligned["lower"], aligned["upper"]
    better = aligned["better"]
    v = finite_array(value, "value", noun="KPI")
    if threshold is not None:
        t = finite_array(threshold, "threshold", noun="KPI")
        v, t = broadcast(value=v, threshold=t)
        lower_better = _better_mask("higher" if better is None else better, v.size)
        lower_better = lower_better.reshape(v.shape)
        # The line to defend, and the edge of the at-risk margin beyond it.
        line, edge = t, np.where(lower_better, t - tol * np.abs(t), t + tol * np.abs(t))
        defend_low, defend_high = ~lower_better, lower_better
    elif lower is not None and upper is not None:
        lo = finite_array(lower, "lower", noun="KPI")
        hi = finite_array(upper, "upper", noun="KPI")
        v, lo, hi = broadcast(value=v, lower=lo, upper=hi)
        if np.any(lo > hi):
            i = int(np.argmax(lo > hi))
            raise OKRDataError(
                f"KPI at row {i}: its range has lower {lo.flat[i]:g} above upper "
                f"{hi.flat[i]:g}; swap them"
            )
        margin = tol * (hi - lo)
        if better is None:
            defend_low = defend_high = np.ones(v.shape, dtype=bool)
        else:
            defend_high = _better_mask(better, v.size).reshape(v.shape)
            defend_low = ~defend_high
        codes = _range_codes(v, lo, hi, margin, defend_low, defend_high)
        return labelled(codes, STATUS_DTYPE, value, "status")
    else:
        raise ValueError("give a `threshold`, or both `lower` and `upper` for a range")
    breached = np.where(defend_low, below(v, line), above(v, line))
    near = np.where(defend_low, at_most(v, edge), at_least(v, edge))
    codes = np.where(breached, 0, np.where(near, 1, 2))
    return labelled(codes, STATUS_DTYPE, value, "status")


def _range_codes(
    v: np.ndarray,
    lo: np.ndarray,
    hi: np.ndarray,
    margin: np.ndarray,
    defend_low: np.ndarray,
    defend_high: np.ndarray,
) -> np.ndarray:
    """Status codes (0 breached, 1 at risk, 2 healthy) against the defended edges of ranges."""
    breached = (defend_low & below(v, lo)) | (defend_high & above(v, hi))
    near = (defend_low & at_most(v, lo + margin)) | (defend_high & at_least(v, hi - margin))
    return np.where(breached, 0, np.where(near, 1, 2))


def compare_to_benchmarks(
    values: pd.DataFrame,
    benchmarks: pd.DataFrame | None = None,
    *,
    kpi_col: str = "kpi",
    value_col: str = "value",
) -> pd.DataFrame:
    """Place KPI values against typical B2B SaaS ranges (table in "OKR vs KPI vs MBO").

    Parameters
    ----------
    values
        One row per KPI: ``kpi`` (the benchmark key such as
        ``"win_rate_mid_market"``, or its label, any case) and ``value``.
    benchmarks
        Defaults to :func:`okr_toolkit.datasets.load_kpi_benchmarks`.
    kpi_col, value_col
        The columns of ``values`` holding the KPI and its value.

    Returns
    -------
    pandas.DataFrame
        ``values`` plus ``low``, ``high``, ``unit``, ``better``, ``position``
        (``"below"``, ``"within"``, ``"above"``), ``range_share`` (0 at the low
        end of the range, 1 at the high end) and ``reading``.

    Examples
    --------
    >>> import pandas as pd
    >>> mine = pd.DataFrame({"kpi": ["Win Rate (mid-market)", "time_to_first_value"],
    ...                      "value": [18.0, 5.0]})
    >>> compare_to_benchmarks(mine)[["kpi", "position", "reading"]]
                         kpi position                    reading
    0  Win Rate (mid-market)    below  worse than the typical range
    1    time_to_first_value   within         within the typical range
    """
    from okr_toolkit.datasets import load_kpi_benchmarks

    require_columns(values, [kpi_col, value_col], "the KPI values table")
    table = load_kpi_benchmarks() if benchmarks is None else benchmarks
    require_columns(table, ["kpi", "label", "low", "high", "unit", "better"], "the benchmarks")
    keys = {str(k).lower(): i for i, k in enumerate(table["kpi"])}
    keys.update({str(k).lower(): i for i, k in enumerate(table["label"])})
    wanted = values[kpi_col].astype(str).str.strip().str.lower().to_numpy()
    rows = np.array([keys.get(w, -1) for w in wanted], dtype=np.int64)
    if (rows < 0).any():
        unknown = values[kpi_col].to_numpy()[rows < 0][0]
        raise OKRDataError(
            f"KPI {unknown!r} has no benchmark; known KPIs: {', '.join(map(str, table['kpi']))}"
        )
    v = finite_array(values[value_col], value_col, values[kpi_col].to_numpy(), noun="KPI")
    low = table["low"].to_numpy(dtype=float)[rows]
    high = table["high"].to_numpy(dtype=float)[rows]
    better = table["better"].astype(str).to_numpy()[rows]
    position = np.where(v < low, "below", np.where(v > high, "above", "within"))
    good_side = np.where(better == "lower", "below", "above")
    reading = np.where(
        position == "within",
        "within the typical range",
        np.where(
            position == good_side, "better than the typical range", "worse than the typical range"
        ),
    )
    return values.assign(
        low=low,
        high=high,
        unit=table["unit"].astype(str).to_numpy()[rows],
        better=better,
        position=position,
        range_share=(v - low) / (high - low),
        reading=reading,
    )


def _missed(frame: pd.DataFrame, value: str, threshold: str, better: str | None) -> np.ndarray:
    labels = frame.index.to_numpy()
    v = to_float_array(frame[value], value, labels, noun="KPI observation")
    t = to_float_array(frame[threshold], threshold, labels, noun="KPI observation")
    problems = Problems("KPI history")
    problems.check(
        np.isnan(v), lambda i: f"KPI history row {labels[i]}: {value} is missing; fill or drop it"
    )
    problems.check(np.isnan(t), lambda i: f"KPI history row {labels[i]}: {threshold} is missing")
    problems.check(
        np.isinf(v) | np.isinf(t),
        lambda i: f"KPI history row {labels[i]}: {value} and {threshold} must be finite numbers",
    )
    problems.raise_if_any()
    lower_better = (
        _better_mask(
            frame[better].astype(object).to_numpy(),
            len(frame),
            lambda i: f"KPI history row {labels[i]}",
        )
        if better is not None and better in frame.columns
        else np.zeros(len(frame), dtype=bool)
    )
    return np.where(lower_better, above(v, t), below(v, t))


def detect_stalls(
    history: pd.DataFrame,
    *,
    kpi_col: str = "kpi",
    period_col: str = "week",
    value_col: str = "value",
    threshold_col: str = "threshold",
    better_col: str = "better",
    periods: int | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> pd.DataFrame:
    """Flag, per observation, misses of the threshold and runs of misses.

    Parameters
    ----------
    history
        Tidy KPI history, one row per KPI and period: ``kpi``, ``week`` (any
        sortable period), ``value``, ``threshold`` and optionally ``better``
        ("higher" by default). Not modified.
    kpi_col, period_col, value_col, threshold_col, better_col
        The names of those columns.
    periods
        Run length that makes a stall; default ``settings.stall_periods`` (2:
        "missed twice in a row" [OKR vs. KPI: Differences And Importance]).

    Returns
    -------
    pandas.DataFrame
        ``history`` sorted by KPI and period in time order
        (:func:`okr_toolkit.core.periods.period_keys`: ``W9`` before ``W11``),
        with ``after_gap`` (the series skipped a period or more before this
        one), ``missed`` (bool), ``run`` (consecutive misses up to and
        including this period, 0 when met; a gap starts a new run) and
        ``stalled`` (``run >= periods``).

    Examples
    --------
    >>> import pandas as pd
    >>> h = pd.DataFrame({"kpi": "activation", "week": [1, 2, 3, 4],
    ...                   "value": [51.0, 48.0, 47.0, 52.0], "threshold": 50.0})
    >>> detect_stalls(h)[["week", "missed", "run", "stalled"]]
       week  missed  run  stalled
    0     1   False    0    False
    1     2    True    1    False
    2     3    True    2     True
    3     4   False    0    False

    Misses either side of a skipped month are not "in a row":

    >>> monthly = pd.DataFrame({"kpi": "nps", "week": ["2026-01", "2026-02", "2026-04"],
    ...                         "value": 30.0, "threshold": 40.0})
    >>> detect_stalls(monthly)[["week", "after_gap", "run"]]
          week  after_gap  run
    0  2026-01      False    1
    1  2026-02      False    2
    2  2026-04       True    1
    """
    n = settings.stall_periods if periods is None else periods
    if isinstance(n, bool) or not isinstance(n, int | np.integer) or n < 1:
        raise ValueError(f"`periods` must be a whole number >= 1, got {periods!r}")
    require_columns(history, [kpi_col, period_col, value_col, threshold_col], "the KPI history")
    for column in (kpi_col, period_col):
        if history[column].isna().any():
            raise OKRDataError(
                f"KPI history row {history[column].isna().idxmax()}: {column} is missing"
            )
    dup = history.duplicated([kpi_col, period_col])
    if dup.any():
        row = history[dup].iloc[0]
        raise OKRDataError(
            f"KPI history has two rows for {kpi_col} {row[kpi_col]!r} in "
            f"{period_col} {row[period_col]}; "
            "keep one observation per KPI and period"
        )
    keys = period_keys(history[period_col], period_col)
    try:
        order = np.lexsort((keys, pd.factorize(history[kpi_col], sort=True)[0]))
    except TypeError as err:
        raise OKRDataError(
            f"KPI history: the {kpi_col} column must hold one kind of value "
            f"(all numbers or all text) so it can be sorted ({err})"
        ) from err
    ordered = history.iloc[order]
    keys = keys[order]
    missed = _missed(ordered, value_col, threshold_col, better_col)
    kpis = ordered[kpi_col].to_numpy()
    after_gap = gaps(keys, pd.factorize(kpis)[0])
    # A new block starts where the KPI changes, missed flips, or the series skips a
    # period (two misses a month apart in a weekly series are not in a row).
    new_block = np.ones(len(ordered), dtype=bool)
    if len(ordered) > 1:
        new_block[1:] = (kpis[1:] != kpis[:-1]) | (missed[1:] != missed[:-1]) | after_gap[1:]
    block = np.cumsum(new_block)
    position = np.arange(len(ordered)) - np.flatnonzero(new_block)[block - 1] + 1
    run = np.where(missed, position, 0)
    ordered = ordered.assign(after_gap=after_gap)
    return ordered.assign(missed=missed, run=run, stalled=run >= int(n))


def stall_summary(
    history: pd.DataFrame,
    *,
    kpi_col: str = "kpi",
    period_col: str = "week",
    value_col: str = "value",
    threshold_col: str = "threshold",
    better_col: str = "better",
    periods: int | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> pd.DataFrame:
    """One row per KPI: its latest value, current run of misses, and whether it is stalled.

    Returns
    -------
    pandas.DataFrame
        Indexed by KPI: ``observations``, ``latest_period``, ``latest_value``,
        ``threshold``, ``run`` (consecutive misses up to the latest period),
        ``stalled_since`` (first period of that run, NaN/NaT when not
        missing), ``mean_in_run``, ``gap`` (threshold minus latest value,
        positive when short for higher-is-better KPIs), ``needs_intervention``
        (missed at least twice in a row [OKR vs. KPI: Differences And
        Importance]) and ``stalled`` (run of at least ``periods``), sorted with
        the longest runs first.

    Examples
    --------
    >>> import pandas as pd
    >>> h = pd.DataFrame({"kpi": ["a"] * 3 + ["b"] * 3, "week": [1, 2, 3] * 2,
    ...                   "value": [40.0, 41.0, 42.0, 60.0, 49.0, 55.0], "threshold": 50.0})
    >>> stall_summary(h, periods=3)[["latest_value", "run", "stalled_since", "stalled"]]
         latest_value  run  stalled_since  stalled
    kpi
    a            42.0    3            1.0     True
    b            55.0    0            NaN    False
    """
    flagged = detect_stalls(
        history,
        kpi_col=kpi_col,
        period_col=period_col,
        value_col=value_col,
        threshold_col=threshold_col,
        better_col=better_col,
        periods=periods,
        settings=settings,
    )
    n = settings.stall_periods if periods is None else int(periods)
    grouped = flagged.groupby(kpi_col, sort=False)
    last = grouped.tail(1).set_index(kpi_col)
    run = last["run"].astype(int)
    # The run's first period sits `run - 1` rows before the latest one.
    positions = grouped.cumcount(ascending=False)
    in_run = flagged[positions.to_numpy() < flagged[kpi_col].map(run).to_numpy()]
    first_in_run = in_run.groupby(kpi_col, sort=False)[period_col].first()
    mean_in_run = in_run.groupby(kpi_col, sort=False)[value_col].mean()
    lower_better = (
        last[better_col].astype(str).to_numpy() == "lower"
        if better_col in last.columns
        else np.zeros(len(last), dtype=bool)
    )
    v = last[value_col].to_numpy(dtype=float)
    t = last[threshold_col].to_numpy(dtype=float)
    summary = pd.DataFrame(
        {
            "observations": grouped.size(),
            "latest_period": last[period_col],
            "latest_value": v,
            "threshold": t,
            "run": run,
            "stalled_since": first_in_run.reindex(last.index),
            "mean_in_run": mean_in_run.reindex(last.index),
            "gap": np.where(lower_better, v - t, t - v),
            "needs_intervention": run >= 2,
            "stalled": run >= n,
        },
        index=last.index,
    )
    return summary.sort_values("run", ascending=False, kind="stable")
