"""KPI health: status, benchmarks and stalls (okr_toolkit.core.kpis)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from okr_toolkit import OKRDataError, Settings, kpi_status
from okr_toolkit.core import KPI_STATUSES, compare_to_benchmarks, detect_stalls, stall_summary

# (value, keyword arguments, expected status); default tolerance 5% of the line
STATUS_CASES = [
    # OKR vs KPI vs MBO: week-1 activation against its 50% threshold; margin 0.05*50 = 2.5
    (42, {"threshold": 50}, "breached"),
    (49.99, {"threshold": 50}, "breached"),
    (50, {"threshold": 50}, "at_risk"),  # on the line is on the right side, inside the margin
    (51, {"threshold": 50}, "at_risk"),
    (52.5, {"threshold": 50}, "at_risk"),  # the margin edge is inclusive
    (52.6, {"threshold": 50}, "healthy"),
    (58.1, {"threshold": 50}, "healthy"),
    # OKR vs KPI vs MBO: MQL-to-SQL 18% vs a 25% threshold
    (18, {"threshold": 25}, "breached"),
    # lower is better: sales cycle in days against 30; margin 1.5
    (32, {"threshold": 30, "better": "lower"}, "breached"),
    (30, {"threshold": 30, "better": "lower"}, "at_risk"),
    (28.5, {"threshold": 30, "better": "lower"}, "at_risk"),
    (28, {"threshold": 30, "better": "lower"}, "healthy"),
    # a range to stay inside, CSAT 90-95; margin 0.05 * 5 = 0.25
    (93, {"lower": 90, "upper": 95}, "healthy"),
    (90, {"lower": 90, "upper": 95}, "at_risk"),
    (94.8, {"lower": 90, "upper": 95}, "at_risk"),
    (89, {"lower": 90, "upper": 95}, "breached"),
    (95.2, {"lower": 90, "upper": 95}, "breached"),  # above the range is outside too
    # OKR vs KPI vs MBO: net revenue retention 100-115%
    (108, {"lower": 100, "upper": 115}, "healthy"),
    # tolerance
    (50, {"threshold": 50, "tolerance": 0}, "at_risk"),
    (50.1, {"threshold": 50, "tolerance": 0}, "healthy"),
    (55, {"threshold": 50, "tolerance": 0.2}, "at_risk"),  # margin 10
    (61, {"threshold": 50, "tolerance": 0.2}, "healthy"),
    # a negative threshold: the margin uses |threshold| (0.5)
    (-9.6, {"threshold": -10}, "at_risk"),
    (-9.4, {"threshold": -10}, "healthy"),
    (-10.1, {"threshold": -10}, "breached"),
]


@pytest.mark.parametrize(("value", "kwargs", "expected"), STATUS_CASES)
def test_kpi_status(value, kwargs, expected):
    assert kpi_status(value, **kwargs) == expected


def test_kpi_statuses_published():
    assert KPI_STATUSES == ("breached", "at_risk", "healthy")


def test_kpi_status_vectorised_per_kpi_better():
    out = kpi_status(
        np.array([42.0, 28.0, 58.0]),
        np.array([50.0, 30.0, 50.0]),
        better=["higher", "lower", "higher"],
    )
    assert isinstance(out, np.ndarray)
    assert out.tolist() == ["breached", "healthy", "healthy"]


def test_kpi_status_series_is_ordered_categorical():
    values = pd.Series([42.0, 51.0, 58.0], index=["w1", "w2", "w3"])
    out = kpi_status(values, threshold=50)
    assert out.index.tolist() == ["w1", "w2", "w3"]
    assert out.name == "status"
    assert out.tolist() == ["breached", "at_risk", "healthy"]
    assert out.cat.ordered
    assert out.cat.categories.tolist() == list(KPI_STATUSES)


def test_kpi_status_settings_tolerance():
    assert kpi_status(51, 50, settings=Settings(kpi_tolerance=0.0)) == "healthy"
    assert kpi_status(51, 50, tolerance=0.0) == "healthy"


def test_kpi_status_empty():
    assert kpi_status(np.array([]), threshold=50).shape == (0,)


# --- benchmarks -------------------------------------------------------------------------------


@pytest.fixture
def benchmarks() -> pd.DataFrame:
    # the typical B2B SaaS ranges of "OKR vs KPI vs MBO" (a subset)
    return pd.DataFrame(
        {
            "kpi": ["visitor_to_lead", "win_rate", "nrr", "sales_cycle"],
            "label": ["Visitor-to-lead", "Win rate", "Net revenue retention", "Sales cycle"],
            "low": [5.0, 20.0, 100.0, 30.0],
            "high": [10.0, 30.0, 115.0, 90.0],
            "unit": ["%", "%", "%", "days"],
            "better": ["higher", "higher", "higher", "lower"],
        }
    )


def test_compare_to_benchmarks(benchmarks):
    mine = pd.DataFrame(
        {
            "kpi": ["visitor_to_lead", "Win Rate", " NET REVENUE RETENTION ", "sales_cycle"],
            "value": [7.5, 18.0, 120.0, 20.0],
        }
    )
    out = compare_to_benchmarks(mine, benchmarks)
    assert out["position"].tolist() == ["within", "below", "above", "below"]
    assert out["reading"].tolist() == [
        "within the typical range",
        "worse than the typical range",  # higher is better, below the range
        "better than the typical range",
        "better than the typical range",  # lower is better, below the range
    ]
    np.testing.assert_allclose(out["range_share"].to_numpy(), [0.5, -0.2, 4 / 3, -1 / 6])
    assert out["unit"].tolist() == ["%", "%", "%", "days"]
    assert out["kpi"].tolist() == mine["kpi"].tolist()


def test_compare_to_benchmarks_edges_are_within(benchmarks):
    mine = pd.DataFrame({"kpi": ["win_rate", "win_rate"], "value": [20.0, 30.0]})
    assert compare_to_benchmarks(mine, benchmarks)["position"].tolist() == ["within", "within"]


# --- stalls -------------------------------------------------------------------------------------


def test_detect_stalls_runs():
    h = pd.DataFrame(
        {
            "kpi": "activation",
            "week": [1, 2, 3, 4, 5, 6, 7],
            "value": [51.0, 48.0, 47.0, 52.0, 49.0, 48.0, 47.0],
            "threshold": 50.0,
        }
    )
    out = detect_stalls(h)
    assert out["missed"].tolist() == [False, True, True, False, True, True, True]
    assert out["run"].tolist() == [0, 1, 2, 0, 1, 2, 3]
    # OKR vs. KPI: Differences And Importance: missed twice in a row needs intervention
    # -> stalled from run 2
    assert out["stalled"].tolist() == [False, False, True, False, False, True, True]


def test_detect_stalls_on_the_line_is_not_a_miss():
    h = pd.DataFrame({"kpi": "k", "week": [1, 2], "value": [50.0, 50.0], "threshold": 50.0})
    assert detect_stalls(h)["missed"].tolist() == [False, False]


def test_detect_stalls_sorts_and_separates_kpis():
    h = pd.DataFrame(
        {
            "kpi": ["b", "a", "b", "a", "a", "b"],
            "week": [2, 2, 1, 1, 3, 3],
            "value": [1.0, 1.0, 1.0, 1.0, 1.0, 9.0],
            "threshold": 5.0,
        }
    )
    out = detect_stalls(h)
    assert out["kpi"].tolist() == ["a", "a", "a", "b", "b", "b"]
    assert out["week"].tolist() == [1, 2, 3, 1, 2, 3]
    # a run never carries over from one KPI to the next
    assert out["run"].tolist() == [1, 2, 3, 1, 2, 0]
    assert out.index.tolist() == [3, 1, 4, 2, 0, 5]  # original row labels kept


def test_detect_stalls_lower_is_better():
    # OKR vs KPI vs MBO: sales cycle against a 30-day line; above it is a miss
    h = pd.DataFrame(
        {
            "kpi": "sales_cycle",
            "week": [1, 2, 3, 4],
            "value": [29.0, 31.0, 33.0, 30.0],
            "threshold": 30.0,
            "better": "lower",
        }
    )
    out = detect_stalls(h)
    assert out["missed"].tolist() == [False, True, True, False]
    assert out["run"].tolist() == [0, 1, 2, 0]


def test_detect_stalls_periods_and_settings():
    h = pd.DataFrame({"kpi": "k", "week": [1, 2, 3], "value": [1.0, 1.0, 1.0], "threshold": 5.0})
    assert detect_stalls(h, periods=3)["stalled"].tolist() == [False, False, True]
    assert detect_stalls(h, periods=1)["stalled"].tolist() == [True, True, True]
    assert detect_stalls(h, settings=Settings(stall_periods=3))["stalled"].tolist() == [
        False,
        False,
        True,
    ]


def test_detect_stalls_string_periods_and_custom_columns():
    h = pd.DataFrame(
        {
            "metric": "mql_to_sql",
            "month": ["2026-01", "2026-03", "2026-02"],
            "v": [18.0, 19.0, 26.0],
            "line": 25.0,
        }
    )
    out = detect_stalls(
        h, kpi_col="metric", period_col="month", value_col="v", threshold_col="line"
    )
    assert out["month"].tolist() == ["2026-01", "2026-02", "2026-03"]
    assert out["run"].tolist() == [1, 0, 1]


def test_detect_stalls_empty():
    h = pd.DataFrame({"kpi": [], "week": [], "value": [], "threshold": []})
    out = detect_stalls(h)
    assert len(out) == 0
    assert {"missed", "run", "stalled"} <= set(out.columns)


def test_stall_summary_seed_examples():
    # OKR vs KPI vs MBO: activation 42% vs 50% for six months; MQL-to-SQL 18% vs 25% for nine;
    # plus a healthy KPI and one that missed only in the latest month
    months = list(range(1, 10))
    h = pd.concat(
        [
            pd.DataFrame(
                {"kpi": "activation", "week": months[:6], "value": 42.0, "threshold": 50.0}
            ),
            pd.DataFrame({"kpi": "mql_to_sql", "week": months, "value": 18.0, "threshold": 25.0}),
            pd.DataFrame(
                {"kpi": "nrr", "week": [1, 2, 3], "value": [104.0, 99.0, 108.0], "threshold": 100.0}
            ),
            pd.DataFrame(
                {"kpi": "win_rate", "week": [1, 2], "value": [25.0, 19.0], "threshold": 20.0}
            ),
        ],
        ignore_index=True,
    )
    s = stall_summary(h)
    assert s.index.tolist() == ["mql_to_sql", "activation", "win_rate", "nrr"]  # longest first
    assert s["run"].tolist() == [9, 6, 1, 0]
    assert s["observations"].tolist() == [9, 6, 2, 3]
    assert s["needs_intervention"].tolist() == [True, True, False, False]
    assert s["stalled"].tolist() == [True, True, False, False]
    assert s.loc["activation", "stalled_since"] == 1
    assert np.isnan(s.loc["nrr", "stalled_since"])
    assert s.loc["activation", "gap"] == pytest.approx(8.0)  # 50 - 42 short
    assert s.loc["mql_to_sql", "mean_in_run"] == pytest.approx(18.0)
    assert s.loc["nrr", "latest_value"] == 108.0
    assert s.loc["win_rate", "latest_period"] == 2


def test_stall_summary_run_restarts_and_lower_better_gap():
    h = pd.DataFrame(
        {
            "kpi": "sales_cycle",
            "week": [1, 2, 3, 4, 5],
            "value": [35.0, 29.0, 32.0, 34.0, 36.0],
            "threshold": 30.0,
            "better": "lower",
        }
    )
    s = stall_summary(h, periods=3)
    row = s.loc["sales_cycle"]
    assert row["run"] == 3
    assert row["stalled_since"] == 3
    assert row["mean_in_run"] == pytest.approx(34.0)
    assert row["gap"] == pytest.approx(6.0)  # 36 - 30 over the line
    assert bool(row["stalled"]) and bool(row["needs_intervention"])


def test_stall_summary_intervention_is_twice_in_a_row_whatever_periods():
    h = pd.DataFrame({"kpi": "k", "week": [1, 2], "value": [1.0, 1.0], "threshold": 5.0})
    s = stall_summary(h, periods=4)
    assert bool(s["needs_intervention"].iloc[0])
    assert not bool(s["stalled"].iloc[0])


def test_stall_summary_empty():
    s = stall_summary(pd.DataFrame({"kpi": [], "week": [], "value": [], "threshold": []}))
    assert len(s) == 0
    assert {"run", "stalled", "needs_intervention"} <= set(s.columns)


def test_a_range_with_a_better_side_defends_only_the_other_edge():
    # Issue 13: values better than the range were called breached.
    got = kpi_status([97, 120], lower=[90, 100], upper=[95, 115], better="higher")
    assert got.tolist() == ["healthy", "healthy"]
    got = kpi_status([85, 90.2, 99], lower=90, upper=95, better="higher")  # margin 0.25
    assert got.tolist() == ["breached", "at_risk", "healthy"]
    got = kpi_status([85, 94.9, 99], lower=90, upper=95, better="lower")
    assert got.tolist() == ["healthy", "at_risk", "breached"]
    # No side given: stay inside, both edges defended.
    assert kpi_status([85, 93, 99], lower=90, upper=95).tolist() == [
        "breached",
        "healthy",
        "breached",
    ]


@pytest.mark.parametrize(
    ("value", "threshold", "better"),
    [(0.58 * 100, 58, "higher"), (0.29 * 100, 29, "lower"), (0.1 + 0.2, 0.3, "lower")],
)
def test_a_value_at_the_threshold_is_on_it_for_status_score_and_stalls(value, threshold, better):
    # One tolerance rule for every "at the line" comparison (issue 13).
    from okr_toolkit import score

    assert kpi_status(value, threshold, better=better, tolerance=0) == "at_risk"
    direction = "stay_above" if better == "higher" else "stay_below"
    assert score(value, target=threshold, direction=direction) == 1.0
    h = pd.DataFrame({"kpi": "k", "week": [1, 2], "value": value, "threshold": threshold,
                      "better": better})  # fmt: skip
    assert not detect_stalls(h)["missed"].any()


def test_series_arguments_are_matched_by_label():
    value = pd.Series([40.0, 60.0], index=["b", "a"])
    threshold = pd.Series([50.0, 70.0], index=["a", "b"])
    assert kpi_status(value, threshold).to_dict() == {"b": "breached", "a": "healthy"}


def _history(weeks, values, threshold=50.0):
    return pd.DataFrame(
        {"kpi": "activation", "week": weeks, "value": values, "threshold": threshold}
    )


def test_week_labels_are_put_in_time_order_not_text_order():
    # Issue 13: W9 sorted after W11 as text.
    out = detect_stalls(_history(["W11", "W9", "W10"], [40.0, 60.0, 45.0]))
    assert out["week"].tolist() == ["W9", "W10", "W11"]
    assert out["run"].tolist() == [0, 1, 2]


@pytest.mark.parametrize(
    "weeks",
    [
        ["2025-W52", "2026-W01", "2026-W02"],
        ["2025Q4", "2026Q1", "2026Q2"],
        ["Nov 2025", "Dec 2025", "Jan 2026"],
        ["2025-11", "2025-12", "2026-01"],
        [pd.Timestamp("2025-12-22"), pd.Timestamp("2025-12-29"), pd.Timestamp("2026-01-05")],
    ],
)
def test_labels_across_the_new_year_stay_in_order(weeks):
    out = detect_stalls(_history(list(reversed(weeks)), [40.0, 41.0, 42.0]))
    assert out["week"].tolist() == list(weeks)
    assert out["run"].tolist() == [1, 2, 3]


@pytest.mark.parametrize(
    ("weeks", "message"),
    [
        (["12/28/2025", "01/04/2026"], r"not written YYYY-MM-DD: write 2025-12-28 \(28 December\)"),
        (["W52", "W1"], r"without a year"),
        (["W1", "2026-02"], r"another kind of period"),
        (["W1", "soon"], r"'soon' cannot be read"),
    ],
)
def test_periods_that_cannot_be_ordered_are_refused(weeks, message):
    with pytest.raises(OKRDataError, match=message):
        detect_stalls(_history(weeks, [40.0] * len(weeks)))


def test_a_gap_in_the_series_breaks_the_run():
    # Issue 13: two misses two months apart counted as "in a row".
    weeks = pd.to_datetime(["2026-01-05", "2026-01-12", "2026-03-09", "2026-03-16"])
    out = detect_stalls(_history(weeks, [40.0, 41.0, 42.0, 43.0]))
    assert out["after_gap"].tolist() == [False, False, True, False]
    assert out["run"].tolist() == [1, 2, 1, 2]
    fortnightly = pd.date_range("2026-01-05", periods=4, freq="14D")
    assert detect_stalls(_history(fortnightly, [40.0] * 4))["run"].tolist() == [1, 2, 3, 4]
    summary = stall_summary(_history(weeks, [40.0, 41.0, 42.0, 43.0]), periods=3)
    assert summary.loc["activation", "run"] == 2
    assert summary.loc["activation", "stalled_since"] == pd.Timestamp("2026-03-09")
