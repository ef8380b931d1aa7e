"""KPI -> Key Result conversion: strategies, directions, explanations, candidates, seed examples."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import okr_toolkit as okr
from okr_toolkit import datasets
from okr_toolkit.planning.convert import explain, find_candidates, kpi_to_kr
from okr_toolkit.present import charts


def seed_row(kr_id: str) -> pd.Series:
    examples = datasets.load_okr_examples().set_index("kr_id")
    return examples.loc[kr_id]


# --- the seed examples, reproduced ---------------------------------------------------


@pytest.mark.parametrize(
    ("kr_id", "kwargs"),
    [
        # OKR vs KPI vs MBO: activation stuck at 42% vs 50%; 65% clears the threshold at 8/23
        ("activation.kr1", {"strategy": "clear_at_score", "score": 8 / 23}),
        ("activation.kr1", {"strategy": "gap_multiple", "multiple": 23 / 8}),
        ("activation.kr1", {"strategy": "explicit", "target": 65}),
        # OKR vs KPI vs MBO: MQL-to-SQL stuck at 18% vs 25%; 32% clears it at exactly 0.5
        ("mql_to_sql.kr1", {"strategy": "clear_at_score", "score": 0.5}),
        ("mql_to_sql.kr1", {"strategy": "gap_multiple", "multiple": 2}),
    ],
)
def test_seed_000_main_key_results(kr_id, kwargs):
    row = seed_row(kr_id)
    kr = kpi_to_kr(row["linked_kpi"], row["baseline"], row["kpi_threshold"], unit="%", **kwargs)
    assert kr.baseline == row["baseline"]
    assert kr.target == pytest.approx(row["target"], abs=1e-9)
    assert kr.threshold == row["kpi_threshold"]
    assert kr.direction == row["direction"] == "increase"
    assert kr.warnings == ()


def test_seed_000_activation_reads_as_the_design_note_says():
    kr = kpi_to_kr(
        "activation_rate", 42, 50, strategy="explicit", target=65, unit="%", label="activation"
    )
    assert kr.threshold_score == pytest.approx((50 - 42) / (65 - 42))  # ≈ 0.35
    assert kr.value_at(0.7) == pytest.approx(58.1)
    assert explain(kr) == (
        "Reaching 0.7 of this KR puts activation at 58.1%, clearing the 50% threshold; "
        "the threshold is cleared at a score of 0.35."
    )
    assert kr.statement == "Increase activation from 42% to 65%"


@pytest.mark.parametrize(
    ("kr_id", "threshold"),
    [
        ("activation.kr2", 4.0),  # time to first value, days: lower is better
        ("mql_to_sql.kr2", 40.0),  # sales cycle 45 -> 30 days
        # KPI vs OKR — the difference that matters: first response 6 h -> 45 min, in minutes
        ("support_human.kr1", 120.0),
        ("support_channels.kr1", 4.0),  # Do OKRs replace KPIs?: response time 5 h -> 2 h
    ],
)
def test_decreasing_seed_key_results(kr_id, threshold):
    row = seed_row(kr_id)
    kr = kpi_to_kr(
        row["metric"],
        row["baseline"],
        threshold,
        strategy="explicit",
        target=row["target"],
        better="lower",
        unit=str(row["unit"]),
    )
    assert kr.direction == row["direction"] == "decrease"
    assert kr.target < kr.threshold < kr.baseline
    assert kr.statement.startswith("Reduce ")
    # the same score formula the scorer uses
    assert okr.score(kr.value_at(0.7), kr.baseline, kr.target) == pytest.approx(0.7)


def test_seed_000_customer_satisfaction_30_to_50():
    row = seed_row("satisfaction_leader.kr1")
    kr = kpi_to_kr(
        "customer_satisfaction_rate", 30, 40, strategy="explicit", target=row["target"], unit="%"
    )
    assert (kr.baseline, kr.target) == (30.0, 50.0)
    assert kr.threshold_score == pytest.approx(0.5)


def test_seed_004_revenue_kpi_kept_as_kr_target_is_flagged():
    # "Enhance KPIs with OKRs" keeps "Achieve $50M revenue" (the original KPI) as KR1:
    # a KR set at the KPI threshold, so even a perfect score only reaches the line.
    row = seed_row("market_leader.kr1")
    kr = kpi_to_kr(
        "revenue", 40e6, row["kpi_threshold"], strategy="explicit", target=row["target"], unit="$"
    )
    assert kr.statement == "Increase revenue from $40M to $50M"
    assert any("does not clear the threshold" in w for w in kr.warnings)
    examples = datasets.load_okr_examples()
    leader = examples[examples["example_id"] == "market_leader"]
    assert leader["objective"].unique().tolist() == ["Become the market leader"]
    assert len(leader) == 4


# --- strategies ------------------------------------------------------------------------


def test_benchmark_top_reads_the_best_end_of_the_range():
    win = kpi_to_kr("win_rate_mid_market", 18, 20, strategy="benchmark_top", unit="%")
    assert win.target == 30.0  # OKR vs KPI vs MBO: win rate 20-30%
    close = kpi_to_kr("time_to_close", 70, 60, strategy="benchmark_top", better="lower")
    assert close.target == 30.0 and close.direction == "decrease"  # time to close 30-60 days


def test_benchmark_top_with_another_key_and_unknown_kpi():
    kr = kpi_to_kr(
        "my_ttfv", 9, 7, strategy="benchmark_top", benchmark="time_to_first_value", better="lower"
    )
    assert kr.target == 2.0
    with pytest.raises(okr.OKRDataError, match="no typical range"):
        kpi_to_kr("churn", 5, 3, strategy="benchmark_top", better="lower")


def test_history_quantile_uses_the_kpis_own_best_weeks():
    history = datasets.load_kpi_history()
    kr = kpi_to_kr(
        "activation_rate", 42, 40, strategy="history_quantile", quantile=0.9, history=history
    )
    values = history.loc[history["kpi"] == "activation_rate", "value"]
    assert kr.target == pytest.approx(np.quantile(values, 0.9))
    assert kr.parameters["periods"] == 26
    # a lower-is-better KPI aims at its low quantile
    low = kpi_to_kr(
        "cycle",
        50,
        45,
        strategy="history_quantile",
        quantile=0.9,
        history=[40, 42, 44, 46, 48, 50],
        better="lower",
    )
    assert low.target == pytest.approx(np.quantile([40, 42, 44, 46, 48, 50], 0.1))


def test_history_quantile_of_a_stalled_kpi_warns_it_cannot_clear_the_threshold():
    kr = kpi_to_kr(
        "activation_rate", 42, 50, strategy="history_quantile", history=datasets.load_kpi_history()
    )
    assert kr.target < 50
    assert "does not clear the threshold" in kr.warnings[0]
    assert "still short" in explain(kr)


def test_late_threshold_warning_when_success_leaves_the_kpi_breached():
    kr = kpi_to_kr("x", 40, 50, strategy="clear_at_score", score=0.9)
    assert kr.threshold_score == pytest.approx(0.9)
    assert "above the 0.7" in kr.warnings[0]
    assert "still short of" in explain(kr)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"strategy": "explicit"}, okr.OKRDataError, "needs target"),
        ({"strategy": "explicit", "target": 42}, okr.OKRDataError, "equals the current"),
        ({"strategy": "explicit", "target": 30}, okr.OKRDataError, "wrong side"),
        ({"strategy": "clear_at_score", "score": 0}, ValueError, "score"),
        ({"strategy": "clear_at_score", "score": 1.5}, ValueError, "score"),
        ({"strategy": "gap_multiple", "multiple": 0.5}, ValueError, "multiple"),
        ({"strategy": "history_quantile"}, okr.OKRDataError, "needs the KPI's history"),
        ({"strategy": "history_quantile", "history": [1, 2]}, okr.OKRDataError, "at least 4"),
        (
            {"strategy": "history_quantile", "history": [1, 2, 3], "quantile": 1},
            ValueError,
            "quantile",
        ),
        ({"strategy": "magic"}, ValueError, "strategy"),
        ({"better": "up"}, ValueError, "better"),
    ],
)
def test_bad_arguments(kwargs, error, match):
    with pytest.raises(error, match=match):
        kpi_to_kr("activation_rate", 42, 50, **kwargs)


@pytest.mark.parametrize(
    ("current", "threshold", "match"),
    [(float("nan"), 50, "finite"), (42, float("inf"), "finite"), ("42%", 50, "not a number")],
)
def test_bad_numbers_name_the_kpi(current, threshold, match):
    with pytest.raises(okr.OKRDataError, match=match) as info:
        kpi_to_kr("activation_rate", current, threshold)
    assert "activation_rate" in str(info.value)


@pytest.mark.parametrize("strategy", ["clear_at_score", "gap_multiple"])
def test_gap_strategies_refuse_a_healthy_kpi(strategy):
    with pytest.raises(okr.OKRDataError, match="already meets its threshold"):
        kpi_to_kr("activation_rate", 55, 50, strategy=strategy)


def test_proposal_row_fits_the_kr_table_and_scores():
    kr = kpi_to_kr("mql_to_sql_rate", 18, 25, unit="%", label="MQL-to-SQL")
    row = kr.to_kr("mql.kr1", "qualification")
    table = pd.DataFrame([{**row, "current": 27.8}])
    scored = okr.core.score_krs(table)
    assert scored["score"].iloc[0] == pytest.approx(0.7)
    assert kr.to_dict()["statement"] == "Increase MQL-to-SQL from 18% to 32%"


# --- candidates ------------------------------------------------------------------------


def test_find_candidates_ranks_the_seed_stalls():
    found = find_candidates(datasets.load_kpi_history())
    assert found.index.tolist() == ["mql_to_sql_rate", "activation_rate"]  # 39 weeks, then 26
    assert found["run"].tolist() == [39, 26]
    assert found["baseline"].tolist() == [18.0, 42.0]  # the levels the seed quotes
    assert found["rank"].tolist() == [1, 2]


def test_find_candidates_skips_healthy_kpis_and_breaks_ties_by_gap():
    history = pd.DataFrame(
        {
            "kpi": ["a"] * 3 + ["b"] * 3 + ["ok"] * 3,
            "week": [1, 2, 3] * 3,
            "value": [9.0, 9.0, 9.0, 5.0, 5.0, 5.0, 20.0, 21.0, 22.0],
            "threshold": 10.0,
        }
    )
    before = history.copy(deep=True)
    found = find_candidates(history)
    assert found.index.tolist() == ["b", "a"]  # equal runs; b is further below
    assert found["relative_gap"].tolist() == pytest.approx([0.5, 0.1])
    pd.testing.assert_frame_equal(history, before)
    assert find_candidates(history, recent=1)["baseline"].tolist() == [5.0, 9.0]


def test_find_candidates_lower_is_better():
    history = pd.DataFrame(
        {
            "kpi": "cycle",
            "week": [1, 2, 3],
            "value": [44.0, 46.0, 45.0],
            "threshold": 40.0,
            "better": "lower",
        }
    )
    found = find_candidates(history)
    assert found.loc["cycle", "gap"] == pytest.approx(5.0)
    assert found.loc["cycle", "better"] == "lower"


# --- chart and widget --------------------------------------------------------------------


def test_conversion_chart_marks_baseline_threshold_success_and_target():
    kr = kpi_to_kr("activation_rate", 42, 50, strategy="explicit", target=65, unit="%")
    spec = charts.proposal_chart(kr).to_dict()
    layers = {
        layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]: layer
        for layer in spec["layer"]
    }
    marks = pd.DataFrame(spec["datasets"][layers["point"]["data"]["name"]])
    assert marks["value"].tolist() == pytest.approx([42, 50, 58.1, 65])
    segments = pd.DataFrame(spec["datasets"][layers["bar"]["data"]["name"]])
    assert segments[["start", "end"]].to_numpy().tolist() == [[42, 50], [50, 65]]


def test_conversion_chart_reverses_the_axis_for_decreases():
    kr = kpi_to_kr("cycle", 45, 40, strategy="explicit", target=30, better="lower")
    spec = charts.proposal_chart(kr).to_dict()
    assert spec["layer"][0]["encoding"]["x"]["scale"]["reverse"] is True


def test_converter_widget_drives_without_a_browser():
    from okr_toolkit.present.widgets import KPIConverter

    app = KPIConverter()
    assert app.kpi.value == "mql_to_sql_rate"
    # clear at 0.5, 18 -> 32 as in OKR vs KPI vs MBO
    assert app.proposal.target == pytest.approx(32.0)
    assert app.score.layout.display == "" and app.multiple.layout.display == "none"
    app.kpi.value = "activation_rate"
    app.strategy.value = "gap_multiple"
    app.multiple.value = 2.0
    assert app.proposal.target == pytest.approx(58.0)
    assert "clearing the 50% threshold" in app.result["explanation"]
    assert app.chart_view.value.startswith("<svg")
    app.strategy.value = "benchmark_top"  # activation has no benchmark row
    assert app.proposal is None and "no typical range" in app.result["error"]
    app.strategy.value = "history_quantile"
    assert app.result["warnings"] and "does not clear" in app.result["warnings"][0]


def test_explain_a_kpi_that_already_clears_its_threshold():
    # Issue 13: "cleared at a score of -0.36" for a KPI already healthy.
    kr = kpi_to_kr("nps", 52, 40, strategy="explicit", target=60, label="NPS")
    text = explain(kr)
    assert "-0." not in text
    assert "the baseline of 52 already clears it" in text
    low = kpi_to_kr("cycle", 20, 30, better="lower", strategy="explicit", target=15, label="cycle")
    assert "already clears it" in explain(low)
