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
