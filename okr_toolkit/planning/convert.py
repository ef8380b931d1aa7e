"""From a stalled KPI to a stretch Key Result.

The recipe of "OKR vs KPI vs MBO", "KPI vs OKR — the difference that matters"
and "Enhance KPIs with OKRs": the KPI's current value becomes the KR's
baseline, its threshold stays as the operational floor the KPI keeps
defending, and the KR's target is set deliberately beyond the threshold.
Week-1 activation stuck at 42% against a 50% threshold became "lift week-1
activation from 42% to 65%" [OKR vs KPI vs MBO].

The target comes from a named strategy:

``"explicit"``
    you give the target.
``"clear_at_score"``
    the threshold is cleared at score ``s``: ``target = baseline +
    (threshold - baseline) / s``. The 42 -> 65 of "OKR vs KPI vs MBO" clears
    50 at s ≈ 0.35; its 18 -> 32 clears 25 at s = 0.5.
``"gap_multiple"``
    the target sits ``m`` threshold-gaps from the baseline: ``target =
    baseline + m * (threshold - baseline)``.
``"benchmark_top"``
    the best end of the KPI's typical B2B SaaS range (the table in
    "OKR vs KPI vs MBO"): the top for higher-is-better KPIs, the bottom for
    lower-is-better ones.
``"history_quantile"``
    a quantile of the KPI's own history: its best weeks (``q`` = 0.9 reads
    the 90th percentile when higher is better, the 10th when lower is).

Lower-is-better KPIs (sales cycle, time to first value) work the same way, in
the other direction: the KR is a "decrease".
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

from okr_toolkit._validate import require_columns, to_float_array
from okr_toolkit.core.kpis import stall_summary
from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.core.tolerance import at_least
from okr_toolkit.exceptions import OKRDataError

__all__ = ["STRATEGIES", "KRProposal", "explain", "find_candidates", "kpi_to_kr"]

STRATEGIES: tuple[str, ...] = (
    "explicit",
    "clear_at_score",
    "gap_multiple",
    "benchmark_top",
    "history_quantile",
)
Strategy = Literal[
    "explicit", "clear_at_score", "gap_multiple", "benchmark_top", "history_quantile"
]


@dataclass(frozen=True)
class KRProposal:
    """A Key Result proposed from a KPI, with what its score will mean against the KPI.

    Attributes
    ----------
    kpi, label, unit, better
        Which KPI, its readable name, unit, and whether higher or lower is better.
    baseline, threshold, target
        Where the KPI is now, the floor it must keep, and where the KR aims.
    direction
        ``"increase"`` or ``"decrease"``.
    strategy, parameters
        How the target was chosen (see the module notes).
    threshold_score
        The KR score at which the KPI's threshold is cleared.
    warnings
        What a consultant should look at twice (a target that does not clear
        the threshold, one that needs more than a doubling, ...).
    """

    kpi: str
    label: str
    baseline: float
    threshold: float
    target: float
    direction: str
    unit: str
    better: str
    strategy: str
    parameters: dict[str, float] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    @property
    def threshold_score(self) -> float:
        """Score at which the KR's metric reaches the KPI threshold."""
        return (self.threshold - self.baseline) / (self.target - self.baseline)

    def value_at(self, score: float) -> float:
        """The metric's value when the KR scores ``score``."""
        return self.baseline + score * (self.target - self.baseline)

    @property
    def statement(self) -> str:
        """The KR as a sentence: "Increase week-1 activation from 42% to 65%"."""
        verb = "Increase" if self.direction == "increase" else "Reduce"
        return (
            f"{verb} {self.label} from {_fmt(self.baseline, self.unit)} "
            f"to {_fmt(self.target, self.unit)}"
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain fields plus the derived ``statement`` and ``threshold_score``."""
        out = asdict(self)
        out["warnings"] = list(self.warnings)
        out["statement"] = self.statement
        out["threshold_score"] = self.threshold_score
        return out

    def to_kr(self, kr_id: str, objective_id: str = "") -> dict[str, Any]:
        """One row of the tidy key-results table (see :data:`okr_toolkit.vocab.KR_COLUMNS`)."""
        return {
            "objective_id": objective_id,
            "kr_id": kr_id,
            "title": self.statement,
            "baseline": self.baseline,
            "target": self.target,
            "direction": self.direction,
            "unit": self.unit,
            "kpi": self.kpi,
            "kpi_threshold": self.threshold,
        }


def _fmt(value: float, unit: str) -> str:
    """A number as people write it with its unit: 42%, $2.5M, 30 days."""
    text = f"{value:,.1f}".rstrip("0").rstrip(".")
    if unit == "%":
        return f"{text}%"
    if unit in ("$", "€", "£"):
        for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "K")):
            if abs(value) >= size:
                short = f"{value / size:.2f}".rstrip("0").rstrip(".")
                return f"{unit}{short}{suffix}"
        return f"{unit}{text}"
    return f"{text} {unit}".strip()


def _finite(value: Any, field_name: str, kpi: str) -> float:
    number = float(to_float_array(value, field_name, [kpi], noun="KPI"))
    if not math.isfinite(number):
        raise OKRDataError(f"KPI {kpi!r}: {field_name} must be a finite number, got {value!r}")
    return number


def _benchmark_target(kpi: str, lower_better: bool, benchmarks: pd.DataFrame | None) -> float:
    from okr_toolkit.datasets import load_kpi_benchmarks

    table = load_kpi_benchmarks() if benchmarks is None else benchmarks
    require_columns(table, ["kpi", "low", "high"], "the benchmarks table")
    rows = table[table["kpi"].astype(str) == kpi]
    if rows.empty:
        raise OKRDataError(
            f"KPI {kpi!r} has no typical range to aim for; known: "
            f"{', '.join(map(str, table['kpi']))}. Pass benchmark='<one of those>' "
            "or choose another strategy"
        )
    row = rows.iloc[0]
    return float(row["low"] if lower_better else row["high"])


def _history_target(
    history: Any, kpi: str, quantile: float, lower_better: bool
) -> tuple[float, int]:
    if history is None:
        raise OKRDataError(
            f"KPI {kpi!r}: the 'history_quantile' strategy needs the KPI's history; "
            "pass history=<values or a DataFrame with a 'value' column>"
        )
    if isinstance(history, pd.DataFrame):
        require_columns(history, ["value"], "the KPI history")
        if "kpi" in history.columns:
            history = history.loc[history["kpi"].astype(str) == kpi, "value"]
        else:
            history = history["value"]
    values = to_float_array(history, "history value", None, noun="KPI observation").ravel()
    values = values[np.isfinite(values)]
    if len(values) < 4:
        raise OKRDataError(
            f"KPI {kpi!r}: the history has {len(values)} usable values; a quantile needs "
            "at least 4 periods"
        )
    q = 1 - quantile if lower_better else quantile
    return float(np.quantile(values, q)), len(values)


def kpi_to_kr(
    kpi: str,
    current: float,
    threshold: float,
    *,
    strategy: Strategy = "clear_at_score",
    target: float | None = None,
    score: float = 0.5,
    multiple: float = 2.0,
    quantile: float = 0.9,
    history: Any = None,
    benchmark: str | None = None,
    benchmarks: pd.DataFrame | None = None,
    better: Literal["higher", "lower"] = "higher",
    unit: str = "",
    label: str | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> KRProposal:
    """Propose a stretch Key Result that moves a KPI past its threshold.

    Parameters
    ----------
    kpi
        The KPI's key, e.g. ``"activation_rate"``.
    current
        Its value now: becomes the KR's baseline.
    threshold
        The level the KPI defends: stays the operational floor.
    strategy
        How to set the target, one of :data:`STRATEGIES`.
    target
        For ``"explicit"``.
    score
        For ``"clear_at_score"``: the KR score at which the threshold should
        be cleared (0 < score <= 1; default 0.5).
    multiple
        For ``"gap_multiple"``: how many threshold gaps to aim (>= 1).
    quantile, history
        For ``"history_quantile"``: which quantile of ``history`` (values, or
        a tidy history frame with ``kpi`` and ``value``).
    benchmark, benchmarks
        For ``"benchmark_top"``: the KPI's key in the benchmarks table (default
        ``kpi``) and the table (default: the one in "OKR vs KPI vs MBO").
    better
        ``"higher"`` or ``"lower"``: lower-is-better KPIs give "decrease" KRs.
    unit, label
        For the statement: ``"%"``, ``"days"``... and a readable name.

    Returns
    -------
    KRProposal

    Raises
    ------
    OKRDataError
        When the numbers cannot make a KR: missing values, a target equal to
        the baseline or on the wrong side of it, a gap-based strategy for a
        KPI that already clears its threshold.

    Examples
    --------
    "OKR vs KPI vs MBO": week-1 activation stuck at 42% against a 50% threshold.

    >>> kr = kpi_to_kr("activation_rate", 42, 50, strategy="explicit", target=65,
    ...                unit="%", label="week-1 activation")
    >>> kr.statement, round(kr.threshold_score, 2)
    ('Increase week-1 activation from 42% to 65%', 0.35)

    The MQL-to-SQL target of "OKR vs KPI vs MBO" is the one that clears 25% at a score of 0.5:

    >>> kpi_to_kr("mql_to_sql_rate", 18, 25, strategy="clear_at_score", score=0.5).target
    32.0

    A lower-is-better KPI, sales cycle at 45 days against 40:

    >>> kpi_to_kr("sales_cycle", 45, 40, strategy="gap_multiple", multiple=3,
    ...           better="lower", unit="days").statement
    'Reduce sales_cycle from 45 days to 30 days'
    """
    if strategy not in STRATEGIES:
        raise ValueError(
            f"`strategy` must be one of {', '.join(map(repr, STRATEGIES))}, got {strategy!r}"
        )
    if better not in ("higher", "lower"):
        raise ValueError(f"`better` must be 'higher' or 'lower', got {better!r}")
    baseline = _finite(current, "current value", kpi)
    floor = _finite(threshold, "threshold", kpi)
    lower_better = better == "lower"
    sign = -1.0 if lower_better else 1.0
    gap = floor - baseline
    params: dict[str, float] = {}
    if strategy in ("clear_at_score", "gap_multiple") and sign * gap <= 0:
        raise OKRDataError(
            f"KPI {kpi!r} at {baseline:g} already meets its threshold of {floor:g}, so there "
            f"is no gap for '{strategy}' to scale; set the target with 'explicit', "
            "'benchmark_top' or 'history_quantile' to stretch a healthy KPI"
        )
    if strategy == "explicit":
        if target is None:
            raise OKRDataError(f"KPI {kpi!r}: the 'explicit' strategy needs target=<number>")
        goal = _finite(target, "target", kpi)
    elif strategy == "clear_at_score":
        s = float(score)
        if not 0 < s <= 1:
            raise ValueError(f"`score` must be in (0, 1], got {score!r}")
        goal = baseline + gap / s
        params["score"] = s
    elif strategy == "gap_multiple":
        m = float(multiple)
        if not (math.isfinite(m) and m >= 1):
            raise ValueError(f"`multiple` must be a number >= 1, got {multiple!r}")
        goal = baseline + m * gap
        params["multiple"] = m
    elif strategy == "benchmark_top":
        goal = _benchmark_target(benchmark or kpi, lower_better, benchmarks)
    else:
        q = float(quantile)
        if not 0 < q < 1:
            raise ValueError(f"`quantile` must be strictly between 0 and 1, got {quantile!r}")
        goal, n = _history_target(history, kpi, q, lower_better)
        params.update(quantile=q, periods=float(n))
    goal = round(goal, 10) + 0.0  # tidy float noise such as 64.99999999999999
    if goal == baseline:
        raise OKRDataError(
            f"KPI {kpi!r}: the target {goal:g} equals the current value; a key result must "
            "move its metric"
        )
    if sign * (goal - baseline) < 0:
        raise OKRDataError(
            f"KPI {kpi!r}: the target {goal:g} is on the wrong side of the current value "
            f"{baseline:g} for a KPI where {better} is better"
        )
    warnings = []
    if sign * (goal - floor) <= 0:
        warnings.append(
            f"the target {goal:g} does not clear the threshold {floor:g}: even a perfect "
            "score leaves the KPI breached; aim past the threshold"
        )
    else:
        reach = (floor - baseline) / (goal - baseline)
        if reach > settings.aspirational_success:
            warnings.append(
                f"the threshold is cleared only at a score of {reach:.2f}, above the "
                f"{settings.aspirational_success:g} that counts as success: a successful "
                "quarter could still leave the KPI breached"
            )
    return KRProposal(
        kpi=kpi,
        label=label or kpi,
        baseline=baseline,
        threshold=floor,
        target=goal,
        direction="decrease" if lower_better else "increase",
        unit=unit,
        better=better,
        strategy=strategy,
        parameters=params,
        warnings=tuple(warnings),
    )


def explain(
    proposal: KRProposal, *, score: float | None = None, settings: Settings = DEFAULT_SETTINGS
) -> str:
    """What the KR means against its KPI, as a consultant would say it.

    Parameters
    ----------
    proposal
        From :func:`kpi_to_kr`.
    score
        The score to read (default: the 0.7 that counts as success).

    Examples
    --------
    >>> import textwrap
    >>> kr = kpi_to_kr("activation_rate", 42, 50, strategy="explicit", target=65,
    ...                unit="%", label="activation")
    >>> print(textwrap.fill(explain(kr), 88))
    Reaching 0.7 of this KR puts activation at 58.1%, clearing the 50% threshold; the
    threshold is cleared at a score of 0.35.

    A KPI already on the right side of its threshold clears it from the start:

    >>> healthy = kpi_to_kr("nps", 52, 40, strategy="explicit", target=60, label="NPS")
    >>> print(textwrap.fill(explain(healthy), 88))
    Reaching 0.7 of this KR puts NPS at 57.6, clearing the 40 threshold; the baseline of 52
    already clears it, so every score does.
    """
    s = settings.aspirational_success if score is None else float(score)
    value = proposal.value_at(s)
    where = f"Reaching {s:g} of this KR puts {proposal.label} at {_fmt(value, proposal.unit)}"
    floor = _fmt(proposal.threshold, proposal.unit)
    reach = proposal.threshold_score
    sign = -1.0 if proposal.better == "lower" else 1.0
    if reach > 1:
        return (
            f"{where}, still short of the {floor} threshold: even a full score of 1.0 "
            f"reaches only {_fmt(proposal.target, proposal.unit)}. Aim past the threshold."
        )
    clears = bool(at_least(sign * value, sign * proposal.threshold))
    verdict = "clearing" if clears else "still short of"
    if reach <= 0:
        return (
            f"{where}, {verdict} the {floor} threshold; the baseline of "
            f"{_fmt(proposal.baseline, proposal.unit)} already clears it, so every score does."
        )
    return (
        f"{where}, {verdict} the {floor} threshold; the threshold is cleared at a score of "
        f"{reach:.2f}."
    )


def find_candidates(
    history: pd.DataFrame,
    *,
    periods: int | None = None,
    recent: int | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    kpi_col: str = "kpi",
    period_col: str = "week",
    value_col: str = "value",
    threshold_col: str = "threshold",
    better_col: str = "better",
) -> pd.DataFrame:
    """Stalled KPIs worth an OKR, most stuck first.

    A KPI qualifies when its current run of misses is at least ``periods``
    long (default ``settings.stall_periods``). The ranking puts the longest
    stall first and, among equal runs, the widest gap relative to the
    threshold. The suggested baseline is the median value over the stall (or
    over the last ``recent`` observations): the level where the KPI is stuck,
    not one noisy week.

    Parameters
    ----------
    history
        Tidy KPI history (``kpi``, ``week``, ``value``, ``threshold``,
        optionally ``better``), as for :func:`okr_toolkit.core.detect_stalls`.
    kpi_col, period_col, value_col, threshold_col, better_col
        Column names, as for :func:`okr_toolkit.core.stall_summary`.

    Returns
    -------
    pandas.DataFrame
        One row per stalled KPI, indexed by KPI: ``run``, ``stalled_since``,
        ``latest_value``, ``baseline`` (suggested), ``threshold``, ``gap``,
        ``relative_gap``, ``better`` and ``rank``.

    Examples
    --------
    >>> from okr_toolkit.datasets import load_kpi_history
    >>> find_candidates(load_kpi_history())[["run", "baseline", "threshold", "rank"]]
                     run  baseline  threshold  rank
    kpi
    mql_to_sql_rate   39      18.0       25.0     1
    activation_rate   26      42.0       50.0     2
    """
    if recent is not None and recent < 1:
        raise ValueError(f"`recent` must be at least 1, got {recent!r}")
    summary = stall_summary(
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
    stalled = summary[summary["run"] >= n]
    ordered = history.sort_values([kpi_col, period_col], kind="stable")
    # Rows counted from the end: the stall is the last `run` rows of each KPI.
    from_end = ordered.groupby(kpi_col, sort=False).cumcount(ascending=False).to_numpy()
    window = ordered[kpi_col].map(summary["run"]).to_numpy() if recent is None else recent
    tail = ordered[from_end < window]
    baseline = tail.groupby(kpi_col, sort=False)[value_col].median()
    if better_col in history.columns:
        better = ordered.groupby(kpi_col, sort=False)[better_col].last().astype(str)
    else:
        better = pd.Series("higher", index=baseline.index)
    out = pd.DataFrame(
        {
            "run": stalled["run"],
            "stalled_since": stalled["stalled_since"],
            "latest_value": stalled["latest_value"],
            "baseline": baseline.reindex(stalled.index),
            "threshold": stalled["threshold"],
            "gap": stalled["gap"],
            "relative_gap": stalled["gap"]
            / stalled["threshold"].abs().where(stalled["threshold"] != 0),
            "better": better.reindex(stalled.index),
        }
    )
    out = out.sort_values(["run", "relative_gap"], ascending=[False, False], kind="stable")
    return out.assign(rank=np.arange(1, len(out) + 1))
