"""One quarter read three ways: the OKR score, the KPI status and the MBO payout.

The core lesson of the source articles: the same number means different things
in each framework. Activation at 58.1% after a quarter aimed at 42% -> 65% is a 0.7
OKR score (success), a healthy KPI (it clears the 50% threshold), and, if the
65% had been an MBO target, 89% achievement and a cut bonus.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from okr_toolkit._validate import finite_array, require_columns, to_float_array
from okr_toolkit.core.grades import GRADE_DTYPE, grade, is_success
from okr_toolkit.core.kpis import kpi_status
from okr_toolkit.core.mbo import DEFAULT_PAYOUT, PayoutCurve, achievement, payout
from okr_toolkit.core.scoring import score
from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.exceptions import OKRDataError

__all__ = ["interpret_three_ways"]


def interpret_three_ways(
    results: pd.DataFrame,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    curve: PayoutCurve = DEFAULT_PAYOUT,
) -> pd.DataFrame:
    """Read the same end-of-quarter results as an OKR, a KPI and an MBO target.

    Parameters
    ----------
    results
        One row per metric with ``metric``, ``baseline``, ``target`` (the KR
        target), ``current`` (the value reached) and ``kpi_threshold``.
        Optional: ``direction`` (increase / decrease; inferred when absent),
        ``mbo_target`` (the agreed annual target; defaults to ``target``, i.e.
        "what if this stretch target had been tied to pay") and ``committed``
        (bool). Not modified.
    settings, curve
        Grade bands and the bonus payout curve.

    Returns
    -------
    pandas.DataFrame
        ``metric``, ``current``, ``okr_score``, ``okr_grade``, ``okr_success``,
        ``kpi_status``, ``mbo_achievement``, ``mbo_payout`` and a sentence for
        each framework: ``okr_says``, ``kpi_says``, ``mbo_says``.

    Examples
    --------
    >>> import pandas as pd
    >>> quarter = pd.DataFrame({"metric": ["week-1 activation"], "baseline": [42.0],
    ...                         "target": [65.0], "current": [58.1], "kpi_threshold": [50.0]})
    >>> row = interpret_three_ways(quarter).iloc[0]
    >>> print(row["okr_says"]); print(row["kpi_says"]); print(row["mbo_says"])
    score 0.70 (green): success for a stretch key result
    healthy: 58.1 clears the threshold of 50 by 8.1
    89% of the agreed target of 65: pays 73% of the target bonus
    """
    require_columns(
        results, ["metric", "baseline", "target", "current", "kpi_threshold"], "the results table"
    )
    labels = results["metric"].to_numpy()
    direction = results["direction"] if "direction" in results.columns else None
    s = score(
        results["current"], results["baseline"], results["target"], direction, labels=labels
    ).to_numpy()
    # score() has checked the numbers; the target sets which way is better, unless a
    # direction says so (a 'stay_below' KR may have no baseline).
    target = to_float_array(results["target"], "target", labels)
    baseline = to_float_array(results["baseline"], "baseline", labels)
    lower_better = target < baseline
    if direction is not None:
        names = direction.astype(object).to_numpy()
        lower_better = (
            (names == "decrease")
            | (names == "stay_below")
            | (~np.isin(names, ["increase", "stay_above"]) & lower_better)
        )
    better = np.where(lower_better, "lower", "higher")
    current = to_float_array(results["current"], "current", labels)
    threshold = finite_array(results["kpi_threshold"], "kpi_threshold", labels, noun="metric")
    status = kpi_status(current, threshold, better=better, settings=settings)
    mbo_target = (
        finite_array(results["mbo_target"], "mbo_target", labels, noun="metric")
        if "mbo_target" in results.columns
        else target
    )
    if "committed" in results.columns and results["committed"].dtype.kind == "b":
        committed = results["committed"].to_numpy()
    elif "committed" in results.columns:
        flags = results["committed"].astype(object).to_numpy()
        bad = np.array(
            [not (isinstance(f, int | float | np.number) and f in (0, 1)) for f in flags],
            dtype=bool,
        )
        if bad.any():
            i = int(np.argmax(bad))
            raise OKRDataError(
                f"metric {labels[i]!r}: committed must be True or False, got {flags[i]!r}"
            )
        committed = flags.astype(bool)
    else:
        committed = np.zeros(len(results), dtype=bool)
    # achievement() names rows by position; name the metric instead.
    unpayable = (mbo_target <= 0) | (lower_better & (current <= 0))
    if unpayable.any():
        i = int(np.argmax(unpayable))
        raise OKRDataError(
            f"metric {labels[i]!r}: the MBO target {mbo_target[i]:g} and, when lower is "
            f"better, the value reached {current[i]:g} must be positive; achievement is a "
            "ratio of the two"
        )
    ach = achievement(current, mbo_target, better=better)
    pay = payout(ach, curve=curve)
    grades = grade(s, settings=settings)
    success = is_success(s, committed=committed, settings=settings)
    clearance = np.where(lower_better, threshold - current, current - threshold)

    def okr_sentence(i: int) -> str:
        kind = "committed" if committed[i] else "stretch"
        verdict = "success" if success[i] else "short of success"
        return f"score {s[i]:.2f} ({grades[i]}): {verdict} for a {kind} key result"

    def kpi_sentence(i: int) -> str:
        side = "clears" if clearance[i] >= 0 else "misses"
        return (
            f"{status[i].replace('_', ' ')}: {current[i]:g} {side} the threshold of "
            f"{threshold[i]:g} by {abs(clearance[i]):.3g}"
        )

    def mbo_sentence(i: int) -> str:
        return (
            f"{ach[i]:.0%} of the agreed target of {mbo_target[i]:g}: "
            f"pays {pay[i]:.0%} of the target bonus"
        )

    rows = range(len(results))
    return pd.DataFrame(
        {
            "metric": labels,
            "current": current,
            "okr_score": s,
            "okr_grade": pd.Categorical(grades, dtype=GRADE_DTYPE),
            "okr_success": success,
            "kpi_status": status,
            "mbo_achievement": ach,
            "mbo_payout": pay,
            "okr_says": [okr_sentence(i) for i in rows],
            "kpi_says": [kpi_sentence(i) for i in rows],
            "mbo_says": [mbo_sentence(i) for i in rows],
        },
        index=results.index,
    )
