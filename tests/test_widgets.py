"""The KR scorer, driven without a browser: set widget values, read app.result."""

from __future__ import annotations

import pytest

from okr_toolkit.widgets import KRScorer


def test_starts_on_the_seed_activation_example():
    app = KRScorer()
    assert app.result["score"] == pytest.approx(0.7)
    assert app.result["grade"] == "green"
    assert app.result["error"] is None
    assert app.chart_view.value.startswith("<svg")
    assert "0.70 green" in app.summary.value


def test_slider_change_updates_score_grade_and_chart():
    app = KRScorer()
    app.current.value = 50.0
    assert app.result["score"] == pytest.approx((50 - 42) / (65 - 42))
    assert app.result["grade"] == "red"
    bars = app.chart.to_dict()
    assert any(layer["mark"]["type"] == "bar" for layer in bars["layer"])


def test_direction_toggle_scores_a_decreasing_metric():
    app = KRScorer(baseline=45, target=30, current=36, direction="decrease")
    assert app.result["score"] == pytest.approx(0.6)
    app.direction.value = "increase"  # now contradicts the numbers
    assert app.result["score"] is None
    assert "direction is 'increase'" in app.result["error"]
    assert "Cannot score" in app.summary.value
    assert app.chart_view.value == ""


def test_convention_dropdown_shows_other_tools_numbers():
    app = KRScorer(baseline=40, target=60, current=70)
    assert app.result["score"] == pytest.approx(1.0)
    app.method.value = "uncapped"
    assert app.result["score"] == pytest.approx(1.5)


def test_error_text_is_escaped_in_the_page():
    app = KRScorer(baseline=10, target=10, current=10, name="<b>x</b>")
    assert "<b>x</b>" not in app.summary.value
    assert "&lt;b&gt;x&lt;/b&gt;" in app.summary.value


def test_statement_checker_reads_classifies_and_lints():
    from okr_toolkit.widgets import StatementChecker

    app = StatementChecker("Conduct 50 customer satisfaction surveys every month")
    assert app.result["label"] == "activity"
    assert [code for code, _ in app.result["findings"]] == ["OKR202"]
    assert "OKR202" in app.findings.value
    app.text.value = "Reduce median first response time from 6h to 45 min by end of Q3"
    parsed = app.result["parsed"]
    assert app.result["label"] == "key_result"
    assert (parsed["baseline"], parsed["target"], parsed["unit"]) == (360.0, 45.0, "minutes")
    assert parsed["deadline"] == "end of Q3"
    assert "<td><code>360.0</code></td>" in app.reading.value
    app.text.value = "Improve customer satisfaction"
    assert app.result["label"] == "unmeasurable"
    assert "OKR201" in app.findings.value


def test_statement_checker_escapes_what_the_student_types():
    from okr_toolkit.widgets import StatementChecker

    app = StatementChecker("<script>alert(1)</script> launch 3 portals")
    assert "<script>" not in app.reading.value + app.findings.value
    assert "&lt;script&gt;" in app.findings.value


def test_migration_planner_follows_the_answers_and_teams(tmp_path):
    import pandas as pd

    from okr_toolkit.widgets import MigrationPlanner

    app = MigrationPlanner(["Sales", "Support", "Product", "Finance"], "2026Q1")
    assert app.result["decision"] == "replace" and app.result["problems"] == []
    assert app.plan.groupby("quarter")["framework"].apply(set).iloc[0] == {"OKR pilot", "MBO"}
    assert set(app.plan.loc[app.plan["quarter"] == "2027Q1", "framework"]) == {"OKR"}
    assert app.chart_view.value.startswith("<svg")
    assert "data:text/csv;base64," in app.download.value
    app.pilot.value = "Product"
    first = app.plan[app.plan["quarter"] == "2026Q1"].set_index("team")["framework"]
    assert first["Product"] == "OKR pilot" and first["Sales"] == "MBO"
    app.annual_review_in_hr.value = True
    assert app.result["decision"] == "coexist"
    assert not (app.plan["framework"] == "OKR").any()
    assert app.plan["okr_pay_decoupled"].all()
    app.teams.value = "Sales\nSupport"
    assert sorted(app.plan["team"].unique()) == ["Sales", "Support"]
    assert app.pilot.options == ("Sales", "Support")
    out = tmp_path / "plan.csv"
    app.to_csv(str(out))
    pd.testing.assert_frame_equal(
        pd.read_csv(out, dtype={"team": str}).astype({"team": object}).iloc[:, :3],
        app.plan.astype({"team": object}).iloc[:, :3],
        check_dtype=False,
    )


def test_migration_planner_shows_input_errors():
    from okr_toolkit.widgets import MigrationPlanner

    app = MigrationPlanner(["Sales"], "2026Q1")
    app.start.value = "next year"
    assert app.plan is None and "Cannot plan" in app.summary.value
    assert app.result["error"]
    app.start.value = "2026Q3"
    assert app.plan is not None and app.plan["quarter"].iloc[0] == "2026Q3"
    app.teams.value = ""
    assert app.plan is None and app.download.value == ""


def test_scenario_explorer_updates_probabilities_and_chart():
    from okr_toolkit.widgets import ScenarioExplorer

    app = ScenarioExplorer(drift=1.0, volatility=1.5, weeks_left=6)
    first = app.result["p_success"]
    assert 0.0 < first < 1.0
    assert app.chart_view.value.startswith("<svg")
    app.drift.value = 3.0
    assert app.result["p_success"] > first
    app.target.value = 90.0
    assert app.result["p_success"] < 0.05
    app.weeks.value = 13
    assert app.simulation.weeks == 13
    # seeded: the same inputs give the same answer
    again = ScenarioExplorer(drift=1.0, volatility=1.5, weeks_left=6)
    assert again.result["p_success"] == first


def test_scenario_explorer_redraws_with_the_new_numbers():
    from okr_toolkit.widgets import ScenarioExplorer

    app = ScenarioExplorer(drift=1.0, volatility=0.0, weeks_left=6)
    assert "P(score &gt;= 0.7) = 0%" in app.chart_view.value or "P(score >= 0.7) = 0%" in (
        app.chart_view.value
    )
    before = app.chart_view.value
    app.drift.value = 2.0
    assert app.chart_view.value != before
    assert "= 100%" in app.chart_view.value
    # the Altair chart on demand matches what is shown
    assert app.chart.to_dict()["title"].startswith("P(score >= 0.7) = 100%")
