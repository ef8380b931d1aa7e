"""The KR scorer, driven without a browser: set widget values, read app.result."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import okr_toolkit as okr
from okr_toolkit.present.widgets import KRScorer


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


def test_kr_scorer_is_a_widget_that_composes():
    import ipywidgets as w

    app = KRScorer()
    assert isinstance(app, w.VBox) and not hasattr(app, "widget")
    box = w.VBox([app, w.HTML("below")])
    assert box.children[0] is app
    assert app.children[:3] == (app.baseline, app.target, app.current)


def test_kr_scorer_traits_fire_when_a_slider_moves():
    app = KRScorer()
    seen = []
    app.observe(
        lambda change: seen.append((change["name"], change["new"])), names=["score", "grade"]
    )
    app.current.value = 50.0
    assert ("grade", "red") in seen
    assert [n for n, _ in seen].count("score") == 1
    assert dict(seen)["score"] == pytest.approx((50 - 42) / (65 - 42))
    # an observer of one trait sees the others already new
    grades = []
    app.observe(lambda change: grades.append(app.grade), names="score")
    app.current.value = 60.0
    assert grades == ["green"]
    app.target.value = 42.0  # equals the baseline: no score
    assert app.score is None and app.grade is None and "equals baseline" in app.error
    assert app.result == {"score": None, "grade": None, "reading": None, "error": app.error}


def test_kr_scorer_score_links_to_another_widget():
    import ipywidgets as w

    app = KRScorer()
    gauge = w.FloatProgress(min=0.0, max=1.0)
    w.dlink((app, "score"), (gauge, "value"))
    assert gauge.value == pytest.approx(0.7)
    app.current.value = 50.0
    assert gauge.value == pytest.approx((50 - 42) / (65 - 42))
    # and a slider of another app drives this one's current value
    other = w.FloatSlider(min=0.0, max=100.0)
    w.link((other, "value"), (app.current, "value"))
    other.value = 65.0
    assert app.score == pytest.approx(1.0)


def test_kr_scorer_loads_a_key_result_in_one_update():
    app = KRScorer()
    scores = []
    app.observe(lambda change: scores.append(change["new"]), names="score")
    app.load(baseline=1200, target=300, current=900, name="cost")
    assert scores == [pytest.approx(1 / 3)]  # once, not once per slider
    assert app.direction.value == "decrease" and app.name == "cost"
    assert (app.baseline.min, app.baseline.max) == (0.0, 1500.0) and app.baseline.step == 1.0
    app.load(baseline=10, target=20)  # no check-in yet: half way
    assert app.current.value == 15.0 and app.score == pytest.approx(0.5)
    with pytest.raises(ValueError, match="low < high"):
        app.load(baseline=10, target=20, low=30, high=30)
    app.name = "renamed"
    assert "renamed" in json.dumps(app.chart.to_dict())
    app.reset()
    assert (app.current.value, app.name, app.score) == (58.1, "my KR", pytest.approx(0.7))
    assert (app.baseline.min, app.baseline.max, app.baseline.step) == (0.0, 100.0, 0.1)


def test_kpi_converter_composes_and_its_proposal_fires():
    import ipywidgets as w

    from okr_toolkit.present.widgets import KPIConverter

    app = KPIConverter()
    assert isinstance(app, w.VBox) and w.VBox([app]).children == (app,)
    seen = []
    app.observe(lambda change: seen.append(change["new"]), names="proposal")
    app.kpi.value = "activation_rate"
    assert [p.kpi for p in seen] == ["activation_rate"]
    assert app.statement == seen[0].statement and app.error is None
    app.strategy.value = "benchmark_top"  # activation has no benchmark row
    assert seen[-1] is None and app.proposal is None and app.statement is None
    assert "no typical range" in app.error and app.warnings == []
    assert set(app.result) == {
        "statement",
        "target",
        "threshold_score",
        "explanation",
        "warnings",
        "error",
    }


def test_kpi_converter_threshold_score_links_to_another_widget():
    import ipywidgets as w

    from okr_toolkit.present.widgets import KPIConverter

    app = KPIConverter()
    shown = w.FloatText()
    w.dlink(
        (app, "threshold_score"), (shown, "value"), transform=lambda x: -1.0 if x is None else x
    )
    assert shown.value == pytest.approx(0.5)  # clear at 0.5
    app.score.value = 0.25
    assert shown.value == pytest.approx(0.25)
    # and the parameter slider can be driven from outside
    knob = w.FloatSlider(min=0.05, max=1.0, step=0.05)
    w.link((knob, "value"), (app.score, "value"))
    knob.value = 0.4
    assert app.threshold_score == pytest.approx(0.4)


def test_statement_checker_reads_classifies_and_lints():
    from okr_toolkit.present.widgets import StatementChecker

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
    from okr_toolkit.present.widgets import StatementChecker

    app = StatementChecker("<script>alert(1)</script> launch 3 portals")
    assert "<script>" not in app.reading.value + app.findings.value
    assert "&lt;script&gt;" in app.findings.value


def test_statement_checker_composes_observes_and_links():
    import ipywidgets as w

    from okr_toolkit.present.widgets import StatementChecker

    app = StatementChecker("Publish 12 blog posts")
    assert isinstance(app, w.VBox) and w.HBox([app]).children == (app,)
    assert (app.label, app.lint_findings[0][0]) == ("activity", "OKR202")
    labels = []
    app.observe(lambda change: labels.append(change["new"]), names="label")
    badge = w.Label()
    w.dlink((app, "label"), (badge, "value"))
    typed = w.Text("Publish 12 blog posts")
    w.link((typed, "value"), (app.text, "value"))
    typed.value = "Increase blog traffic from 20k to 28k visits a month"
    assert labels == ["key_result"] and badge.value == "key_result"
    assert app.parsed["baseline"] == 20000 and app.result["label"] == "key_result"


def test_migration_planner_follows_the_answers_and_teams(tmp_path):
    import pandas as pd

    from okr_toolkit.present.widgets import MigrationPlanner

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
    from okr_toolkit.present.widgets import MigrationPlanner

    app = MigrationPlanner(["Sales"], "2026Q1")
    app.start.value = "next year"
    assert app.plan is None and "Cannot plan" in app.summary.value
    assert app.result["error"]
    app.start.value = "2026Q3"
    assert app.plan is not None and app.plan["quarter"].iloc[0] == "2026Q3"
    app.teams.value = ""
    assert app.plan is None and app.download.value == ""


def test_migration_planner_composes_and_its_plan_fires():
    import ipywidgets as w

    from okr_toolkit.present.widgets import MigrationPlanner

    app = MigrationPlanner(["Sales", "Support"], "2026Q1")
    assert isinstance(app, w.VBox) and w.VBox([app]).children == (app,)
    plans, decisions = [], []
    app.observe(lambda change: plans.append(change["new"]), names="plan")
    app.observe(lambda change: decisions.append(change["new"]), names="decision")
    app.regulated.value = True
    assert decisions == ["coexist"] and len(plans) == 1
    assert isinstance(plans[0], pd.DataFrame) and app.assessment.decision == "coexist"
    app.start.value = "next year"  # no plan
    assert plans[-1] is None and decisions[-1] is None and "Cannot plan" in app.summary.value
    assert app.result == {"decision": None, "problems": [], "error": app.error}


def test_migration_planner_decision_links_to_another_widget():
    import ipywidgets as w

    from okr_toolkit.present.widgets import MigrationPlanner

    app = MigrationPlanner(["Sales", "Support"], "2026Q1")
    shown = w.Label()
    w.dlink((app, "decision"), (shown, "value"), transform=lambda d: d or "no plan")
    assert shown.value == "replace"
    # a checkbox elsewhere answers the question for the planner
    answer = w.Checkbox(value=False)
    w.link((answer, "value"), (app.bonus_tied_to_annual_targets, "value"))
    answer.value = True
    assert shown.value == "coexist"


def test_scenario_explorer_updates_probabilities_and_chart():
    from okr_toolkit.present.widgets import ScenarioExplorer

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
    from okr_toolkit.present.widgets import ScenarioExplorer

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


def test_scenario_explorer_composes_observes_and_links():
    import ipywidgets as w

    from okr_toolkit.present.widgets import ScenarioExplorer

    app = ScenarioExplorer(drift=1.0, volatility=0.0, weeks_left=6)
    assert isinstance(app, w.VBox) and w.VBox([app]).children == (app,)
    seen = []
    app.observe(lambda change: seen.append(change["new"]), names="p_success")
    chance = w.FloatProgress(min=0.0, max=1.0)
    w.dlink((app, "p_success"), (chance, "value"))
    assert chance.value == 0.0
    drift = w.FloatSlider(value=1.0, min=-3.0, max=5.0)
    w.link((drift, "value"), (app.drift, "value"))
    drift.value = 2.0
    assert seen == [1.0] and chance.value == 1.0
    assert app.simulation.drift == 2.0 and app.error is None
    app.weeks.value = 7  # still certain: the trait does not fire again
    assert seen == [1.0] and app.simulation.weeks == 7


# --- the workshop dashboard ---------------------------------------------------------------

SAMPLE_CHECKINS = {
    # activation.kr1: 42% -> 65%, at 58.1%: (58.1-42)/(65-42) = 0.70
    "statement: Lift week-1 activation from 42% to 65%": "current: 58.1",
    # activation.kr2: 5 -> 2 days, at 3.5: (5-3.5)/(5-2) = 0.50
    "statement: Reduce time-to-first-value from 5 days to 2 days": "current: 3.5",
}


def _sample_with_checkins(title: str | None = None) -> bytes:
    from okr_toolkit.datasets import data_path

    text = data_path("sample_okrs.yaml").read_text(encoding="utf-8")
    for line, extra in SAMPLE_CHECKINS.items():
        text = text.replace(line, f"{line}\n        {extra}")
    if title is not None:
        text = text.replace(
            "title: Make the first week so valuable customers can't imagine going back",
            f"title: {title}",
        )
    return text.encode("utf-8")


def _upload(app, name: str, content: bytes) -> None:
    """What the browser does: set the FileUpload's value."""
    import datetime as dt

    app.upload.value = (
        {
            "name": name,
            "type": "",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": dt.datetime(2026, 9, 30, tzinfo=dt.timezone.utc),
        },
    )


@pytest.fixture(scope="module")
def dashboard_class():
    from okr_toolkit.present.widgets import WorkshopDashboard

    return WorkshopDashboard


def test_dashboard_starts_on_the_sample_with_every_tab(dashboard_class):
    app = dashboard_class()
    assert app.source_name == "sample_okrs.yaml" and app.error is None
    assert app.example.value == "sample_okrs.yaml"
    assert [app.tabs.get_title(i) for i in range(len(app.tabs.children))] == [
        "Scores",
        "Pacing",
        "KPI health",
        "Lint",
        "KPI -> KR",
        "Migration",
        "Scenarios",
        "Score a KR",
        "Report & export",
    ]
    # the sample is a draft without check-ins: every KR listed, none scored, and why
    assert len(app.scores) == 7
    assert set(app.scores["status"]) == {"no check-in yet"}
    assert "No key result has a check-in yet" in app.summary.value
    assert app.chart is None and app.scores_chart_view.value == ""
    assert "activation.kr1" in app.scores_view.value
    # KPI health: table and chart (inline SVG, rendered locally)
    assert dict(zip(app.kpi_table["kpi"], app.kpi_table["status"], strict=True)) == {
        "activation_rate": "breached",
        "time_to_first_value": "breached",
        "revenue": "breached",
        "profit_margin": "healthy",
    }
    svg = app.kpi_chart_view.value.lower()
    assert "<svg" in svg and "<script" not in svg and "href=" not in svg and "src=" not in svg
    # lint: the README's 2 errors and 6 warnings, each in the table with its fix
    assert app.findings["severity"].astype(str).value_counts().to_dict() == {
        "warning": 6,
        "error": 2,
    }
    for code in app.findings["code"]:
        assert code in app.lint_view.value
    assert "Loaded sample_okrs.yaml" in app.message and "7 key results" in app.message
    # the existing apps are there, working
    assert app.scorer.result["grade"] == "green"
    assert app.converter.result["error"] is None
    assert app.planner.result["decision"] == "replace"
    assert app.explorer.result["error"] is None


def test_dashboard_upload_with_checkins_scores_them(dashboard_class):
    app = dashboard_class()
    _upload(app, "client q3.yaml", _sample_with_checkins())
    assert app.error is None and app.source_name == "client q3.yaml"
    scored = app.scores.set_index("kr_id")
    assert scored.loc["activation.kr1", "score"] == pytest.approx(0.7)
    assert scored.loc["activation.kr1", "grade"] == "green"
    assert scored.loc["activation.kr2", "score"] == pytest.approx(0.5)
    assert scored.loc["activation.kr2", "grade"] == "yellow"
    assert scored.loc["support.kr1", "status"] == "no check-in yet"
    assert "0.70" in app.scores_view.value and "2 of 7 key results scored" in app.summary.value
    assert app.scores_chart_view.value.startswith("<svg")
    spec = json.dumps(app.chart.to_dict(validate=False))
    assert "activation.kr1" in spec and "activation.kr2" in spec and "support.kr1" not in spec
    assert "Loaded client q3.yaml" in app.message and "2 scored" in app.message
    # the upload is consumed (so the same file can be sent again) and the chooser cleared
    assert app.upload.value == () and app.example.value is None
    # the temporary copy is gone and its path is never shown
    from pathlib import Path

    assert not Path(app.source.path).exists()
    assert "okr-upload-" not in app.message + app.status.value
    # choosing the example again goes back to it
    app.example.value = "sample_okrs.yaml"
    assert app.source_name == "sample_okrs.yaml" and app.scores["grade"].eq("").all()


def test_dashboard_bad_upload_names_the_problem_and_keeps_the_data(dashboard_class):
    app = dashboard_class()
    _upload(app, "draft.yaml", b"objectives:\n  - id: growth\n    key_results: []\n")
    assert app.error is not None and "title" in app.error
    assert app.message.startswith("Cannot read draft.yaml.")
    assert "Still showing sample_okrs.yaml" in app.message
    assert "Traceback" not in app.status.value and "draft.yaml" in app.status.value
    assert app.source_name == "sample_okrs.yaml" and len(app.scores) == 7
    # not YAML at all
    _upload(app, "notes.yaml", b"objectives: [unclosed\n")
    assert "notes.yaml" in app.error and "Cannot read notes.yaml" in app.status.value
    # a file type the toolkit does not read
    _upload(app, "okrs.txt", b"hello")
    assert "'.txt'" in app.error and ".yaml" in app.error
    # a CSV without the columns, and an Excel file that is not one
    _upload(app, "okrs.csv", b"a,b\n1,2\n")
    assert "okrs.csv" in app.error and "objective_id" in app.error
    _upload(app, "okrs.xlsx", b"not a spreadsheet")
    assert "okrs.xlsx" in app.error
    assert app.upload.value == ()
    # a good file afterwards clears the error
    _upload(app, "fixed.yaml", _sample_with_checkins())
    assert app.error is None and app.message.startswith("Loaded fixed.yaml")


def test_dashboard_lists_every_problem_of_a_file(dashboard_class, monkeypatch):
    import okr_toolkit.io
    from okr_toolkit.exceptions import OKRDataError

    def two_problems(data, *, format, name):
        path = name
        raise OKRDataError(
            f"2 problems in {path}:\n"
            f"  - {path} line 3: objective is missing 'title'\n"
            f"  - {path} line 9: target '<b>x</b>' is not a number"
        )

    app = dashboard_class()
    monkeypatch.setattr(okr_toolkit.io, "read_okr_data", two_problems)
    app.load_bytes("team.yaml", b"objectives: []")
    page = app.status.value
    assert "2 problems in team.yaml:" in page
    assert page.count("<li>") == 2
    assert "<li>team.yaml line 3: objective is missing &#39;title&#39;</li>" in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page and "<b>x</b>" not in page
    assert "line 9" in app.message


def test_dashboard_escapes_the_file_text(dashboard_class):
    app = dashboard_class(example=None)
    assert app.source is None and app.scores is None
    _upload(app, "<i>evil</i>.yaml", _sample_with_checkins(title="<script>alert(1)</script>"))
    assert app.error is None
    views = app.scores_view.value + app.lint_view.value + app.status.value
    assert "<script>" not in views and "<i>evil" not in views
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in app.scores_view.value


def test_dashboard_score_a_kr_starts_from_a_kr_of_the_file(dashboard_class):
    app = dashboard_class()
    _upload(app, "q3.yaml", _sample_with_checkins())
    picks = [value for _, value in app.kr_pick.options]
    # the KRs with a baseline and a target, after the seed example
    assert picks == ["", "activation.kr1", "activation.kr2"]
    app.kr_pick.value = "activation.kr2"
    scorer = app.scorer
    assert (scorer.baseline.value, scorer.target.value, scorer.current.value) == (5, 2, 3.5)
    assert scorer.direction.value == "decrease"
    assert scorer.result["score"] == pytest.approx(0.5) and scorer.result["grade"] == "yellow"
    assert scorer.baseline.min <= 2 and scorer.baseline.max >= 5
    scorer.current.value = 2.6  # (5-2.6)/(5-2) = 0.8
    assert scorer.result["score"] == pytest.approx(0.8)
    app.kr_pick.value = ""
    assert scorer.result["score"] == pytest.approx(0.7)
    assert (scorer.baseline.min, scorer.baseline.max) == (0, 100)


@pytest.mark.parametrize("name", ["sample_okrs.yaml", "acme_okrs.yaml"])
def test_dashboard_bundled_examples_load(dashboard_class, name):
    app = dashboard_class(example=None)
    if name not in app.examples:
        pytest.skip(f"{name} is not bundled in datasets/ (yet)")
    app.example.value = name
    assert app.error is None, app.error
    assert app.source_name == name and len(app.scores) > 0


def test_dashboard_lists_every_problem_the_reader_finds(dashboard_class):
    app = dashboard_class()
    app.load_bytes(
        "two teams.yaml",
        b"objectives:\n"
        b"  - id: a\n"
        b"    key_results:\n"
        b"      - statement: Lift x from 1 to 2\n"
        b"        baseline: lots\n"
        b"  - title: no id\n",
    )
    problems = [line.strip() for line in app.error.splitlines()[1:] if line.strip()]
    assert len(problems) >= 3  # the missing title, the text baseline, the missing id
    page = app.status.value
    assert page.count("<li>") == len(problems)
    assert "&#39;lots&#39;" in page and "two teams.yaml line 5" in page
    assert all(problem.split(":")[0] in page for problem in problems)


def test_dashboard_reads_an_excel_upload(dashboard_class, tmp_path):
    import okr_toolkit.io

    if not hasattr(okr_toolkit.io, "write_okr_file"):
        pytest.skip("okr_toolkit.io cannot write Excel files yet")
    app = dashboard_class(example=None)
    if "acme_okrs.yaml" not in app.examples:
        pytest.skip("datasets/acme_okrs.yaml is not bundled (yet)")
    app.example.value = "acme_okrs.yaml"
    book = tmp_path / "acme.xlsx"
    okr_toolkit.io.write_okr_file(app.source, book)
    yaml_scores = app.scores[["kr_id", "score", "grade"]]
    _upload(app, "Acme Q3.xlsx", book.read_bytes())
    assert app.error is None and app.source_name == "Acme Q3.xlsx"
    assert app.scores[["kr_id", "score", "grade"]].equals(yaml_scores)


def test_dashboard_paces_the_case_study_and_explains_an_empty_pacing(dashboard_class):
    from okr_toolkit.workspace import pacing_table

    app = dashboard_class()
    assert len(app.pacing) == 0 and "nothing to pace" in app.pacing_view.value
    app.load_example("acme_okrs.yaml")
    expected = pacing_table(okr.datasets.load_acme_okrs())
    pd.testing.assert_frame_equal(app.pacing, expected)
    behind = int((expected["pace"] == "behind").sum())
    assert f"<strong>{behind}</strong> behind" in app.pacing_view.value
    assert "2026-08-17" in app.pacing_view.value


@pytest.mark.parametrize("fmt", ["html", "xlsx", "yaml"])
def test_dashboard_exports_what_is_on_screen(dashboard_class, tmp_path, fmt):
    import base64
    import re

    app = dashboard_class("acme_okrs.yaml")
    app.export_format.value = fmt
    app.export_button.click()
    name, data = app.download
    assert name.startswith("acme_okrs") and name.endswith(f".{fmt}")
    href = re.search(r"href='data:[^;]+;base64,([^']+)'", app.export_link.value).group(1)
    assert base64.b64decode(href) == data
    if fmt == "html":
        page = data.decode("utf-8")
        assert "<script" not in page and "Pacing: where each key result is heading" in page
    else:
        path = tmp_path / name
        path.write_bytes(data)
        back = okr.read_okr_file(path)
        pd.testing.assert_frame_equal(
            back.okrs.drop(columns="line"), app.source.okrs.drop(columns="line")
        )
    # A new file clears the old download, so a stale export is never handed over.
    app.load_example("sample_okrs.yaml")
    assert app.download is None and app.export_link.value == ""


def test_dashboard_is_a_widget_whose_workspace_changes_when_a_file_loads(dashboard_class):
    import ipywidgets as w

    from okr_toolkit.workspace import Workspace

    app = dashboard_class()
    assert isinstance(app, w.VBox) and not hasattr(app, "widget")
    assert w.VBox([app]).children == (app,)
    assert app.scorer in app.tabs.children[7].children  # the apps sit in the tabs as they are
    first = app.workspace
    assert isinstance(first, Workspace) and first.name == "sample_okrs.yaml"
    seen = []
    app.observe(lambda change: seen.append((change["new"], app.source_name)), names="workspace")
    _upload(app, "client q3.yaml", _sample_with_checkins())
    ((ws, name),) = seen
    assert ws is app.workspace and ws is not first and name == "client q3.yaml"
    assert app.scores is ws.scores and app.source is ws.okr_file
    # a file that cannot be read leaves the workspace as it was; the error trait says why
    errors = []
    app.observe(lambda change: errors.append(change["new"]), names="error")
    _upload(app, "draft.yaml", b"objectives: [unclosed\n")
    assert len(seen) == 1 and app.workspace is ws and "draft.yaml" in errors[-1]
    app.load_example("acme_okrs.yaml")
    assert len(seen) == 2 and seen[-1][1] == "acme_okrs.yaml" and errors[-1] is None


def test_dashboard_shows_a_workspace_set_or_linked_from_outside(dashboard_class):
    import ipywidgets as w

    from okr_toolkit.datasets import data_path
    from okr_toolkit.workspace import Workspace

    app = dashboard_class(example=None)
    other = dashboard_class(example=None)
    w.link((app, "workspace"), (other, "workspace"))
    app.workspace = Workspace.open(data_path("acme_okrs.yaml"))
    assert other.workspace is app.workspace
    for dash in (app, other):
        assert dash.source_name == "acme_okrs.yaml" and dash.error is None
        assert dash.message.startswith("Loaded acme_okrs.yaml: 21 objectives, 33 key results")
        assert "co_pipeline.kr1" in dash.scores_view.value
        assert dash.scores_chart_view.value.startswith("<svg")
    picks = [value for _, value in other.kr_pick.options]
    assert picks[0] == "" and "co_pipeline.kr1" in picks
    other.kr_pick.value = "co_pipeline.kr1"
    assert other.scorer.score == pytest.approx((23.5 - 18) / (30 - 18))
    app.workspace = None  # and back to empty
    assert other.source is None and other.scores is None and other.scores_view.value == ""
    assert other.scorer.score == pytest.approx(0.7)  # the sliders back on the seed example
