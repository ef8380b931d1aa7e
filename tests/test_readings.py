"""One quarter read as an OKR, a KPI and an MBO target (okr_toolkit.core.readings)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from okr_toolkit import Settings
from okr_toolkit.core import PayoutCurve, interpret_three_ways


def _row(**values) -> pd.DataFrame:
    return pd.DataFrame({k: [v] for k, v in values.items()})


ACTIVATION = dict(metric="week-1 activation", baseline=42.0, target=65.0, current=58.1)


def test_activation_interpret_three_ways():
    # OKR vs KPI vs MBO: 42% -> 65% with a 50% threshold, the quarter ends at 58.1%
    row = interpret_three_ways(_row(**ACTIVATION, kpi_threshold=50.0)).iloc[0]
    assert row["okr_score"] == pytest.approx(0.70)  # (58.1-42)/(65-42)
    assert row["okr_grade"] == "green"
    assert bool(row["okr_success"])
    assert row["kpi_status"] == "healthy"  # 8.1 clear of 50, margin 2.5
    assert row["mbo_achievement"] == pytest.approx(58.1 / 65)  # ≈ 89%
    assert row["mbo_payout"] == pytest.approx(0.7346, abs=1e-4)  # 0.5 + 0.0938/0.2*0.5
    assert row["okr_says"] == "score 0.70 (green): success for a stretch key result"
    assert row["kpi_says"] == "healthy: 58.1 clears the threshold of 50 by 8.1"
    assert row["mbo_says"] == "89% of the agreed target of 65: pays 73% of the target bonus"


def test_sales_cycle_decreasing():
    # OKR vs KPI vs MBO: sales cycle 45 -> 30 days, ends at 36, with a 40-day KPI line
    quarter = _row(
        metric="sales cycle", baseline=45.0, target=30.0, current=36.0, kpi_threshold=40.0
    )
    row = interpret_three_ways(quarter).iloc[0]
    assert row["okr_score"] == pytest.approx(0.6)  # (36-45)/(30-45)
    assert row["okr_grade"] == "yellow"
    assert not bool(row["okr_success"])
    assert row["kpi_status"] == "healthy"  # lower is better: 4 days clear, margin 2
    assert row["mbo_achievement"] == pytest.approx(30 / 36)  # target / actual ≈ 83%
    assert row["mbo_payout"] == pytest.approx(0.5 + (30 / 36 - 0.8) / 0.2 * 0.5)  # ≈ 0.58
    assert row["kpi_says"] == "healthy: 36 clears the threshold of 40 by 4"
    assert row["okr_says"] == "score 0.60 (yellow): short of success for a stretch key result"


def test_same_number_three_verdicts():
    # The lesson: one end-of-quarter value, three frameworks, three different answers.
    quarter = pd.DataFrame(
        {
            "metric": ["activation", "mql_to_sql"],
            "baseline": [42.0, 18.0],
            "target": [65.0, 32.0],
            "current": [58.1, 24.0],
            "kpi_threshold": [50.0, 25.0],
        },
        index=["a", "m"],
    )
    out = interpret_three_ways(quarter)
    assert out.index.tolist() == ["a", "m"]
    assert out["okr_grade"].tolist() == ["green", "yellow"]  # (24-18)/14 ≈ 0.43
    assert out["kpi_status"].tolist() == ["healthy", "breached"]  # 24 < 25
    assert out["mbo_payout"].tolist()[1] == pytest.approx(0.0)  # 24/32 = 75% < 80%


def test_committed_and_mbo_target_columns():
    quarter = _row(**ACTIVATION, kpi_threshold=50.0, committed=True, mbo_target=58.0)
    row = interpret_three_ways(quarter).iloc[0]
    assert not bool(row["okr_success"])  # committed KRs need 1.0
    assert row["okr_says"] == "score 0.70 (green): short of success for a committed key result"
    assert row["mbo_achievement"] == pytest.approx(58.1 / 58)
    assert row["mbo_payout"] == pytest.approx(1.0 + (58.1 / 58 - 1.0) / 0.2 * 0.5)


def test_breached_kpi_sentence():
    row = interpret_three_ways(
        _row(metric="m", baseline=42.0, target=65.0, current=45.0, kpi_threshold=50.0)
    )
    assert row.iloc[0]["kpi_says"] == "breached: 45 misses the threshold of 50 by 5"


def test_stay_below_without_baseline_reads_lower_as_better():
    # churn must stay under 2%; it ends at 1.8% with a 2.5% KPI line
    quarter = _row(
        metric="churn",
        baseline=np.nan,
        target=2.0,
        current=1.8,
        kpi_threshold=2.5,
        direction="stay_below",
    )
    row = interpret_three_ways(quarter).iloc[0]
    assert row["okr_score"] == 1.0
    assert row["kpi_status"] == "healthy"  # 1.8 is 0.7 under the 2.5 line
    assert row["mbo_achievement"] == pytest.approx(2.0 / 1.8)


def test_settings_and_curve_are_used():
    quarter = _row(**ACTIVATION, kpi_threshold=50.0)
    row = interpret_three_ways(
        quarter,
        settings=Settings(green_from=0.8, kpi_tolerance=0.2),
        curve=PayoutCurve(threshold=0.9),
    ).iloc[0]
    assert row["okr_grade"] == "yellow"
    assert row["kpi_status"] == "at_risk"  # margin 10 > 8.1
    assert row["mbo_payout"] == 0.0  # 89% is under a 90% threshold


def test_empty_results():
    empty = pd.DataFrame(
        {"metric": [], "baseline": [], "target": [], "current": [], "kpi_threshold": []}
    )
    out = interpret_three_ways(empty)
    assert len(out) == 0
    assert {"okr_score", "kpi_status", "mbo_payout"} <= set(out.columns)
