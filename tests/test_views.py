"""The shared HTML views: snapshots of what the report and the dashboard show, and escaping.

Each view of the two bundled files is compared with its snapshot in
``tests/snapshots/views/``. After a deliberate change of a view, rewrite them with
``OKR_UPDATE_SNAPSHOTS=1 python -m pytest tests/test_views.py`` and read the diff.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import okr_toolkit as okr
from okr_toolkit.datasets import data_path
from okr_toolkit.present import views
from okr_toolkit.workspace import kpi_table, pacing_table

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots" / "views"
FILES = ("sample_okrs.yaml", "acme_okrs.yaml")


def rendered(name: str) -> dict[str, str]:
    source = okr.read_okr_file(data_path(name))
    scores = okr.scorecard(source.okrs)
    findings = okr.lint(source.okrs, source.kpis)
    return {
        "scores_summary": views.scores_summary(scores),
        "scores": views.scores_view(scores),
        "pacing": views.pacing_view(pacing_table(source, scores=scores)),
        "kpis": views.kpis_view(kpi_table(source.kpis)),
        "lint": views.lint_view(findings, okr.Workspace(source).lines),
    }


@pytest.mark.parametrize("name", FILES)
def test_views_match_their_snapshots(name: str) -> None:
    stem = name.removesuffix(".yaml")
    for view, page in rendered(name).items():
        path = SNAPSHOTS / f"{stem}.{view}.html"
        if os.environ.get("OKR_UPDATE_SNAPSHOTS"):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page, encoding="utf-8")
        assert path.exists(), f"no snapshot {path.name}: run with OKR_UPDATE_SNAPSHOTS=1"
        assert page == path.read_text(encoding="utf-8"), f"{path.name} changed"


def test_the_report_and_the_dashboard_show_the_same_views() -> None:
    from okr_toolkit.present.widgets import WorkshopDashboard

    app = WorkshopDashboard(example="acme_okrs.yaml")
    want = rendered("acme_okrs.yaml")
    assert app.scores_view.value == want["scores"]
    assert app.summary.value == want["scores_summary"]
    assert app.pacing_view.value == want["pacing"]
    assert app.kpi_view.value == want["kpis"]
    assert app.lint_view.value == want["lint"]
    page = okr.present.report.build_report(data_path("acme_okrs.yaml"))
    for view in ("scores", "pacing", "kpis", "lint"):
        assert want[view] in page, view


def test_empty_tables_say_what_to_do() -> None:
    empty = okr.scorecard(pd.DataFrame({"kr_id": ["k"], "statement": ["Ship SSO"]}))
    assert "none is scored" in views.scores_summary(empty)
    assert "nothing to pace" in views.pacing_view(pd.DataFrame(columns=["pace"]))
    assert "lists no KPIs" in views.kpis_view(kpi_table(None))
    no_findings = okr.lint(pd.DataFrame(columns=["objective_id", "kr_id", "statement"]))
    assert "No findings" in views.lint_view(no_findings)


@settings(max_examples=60, deadline=None)
@given(text=st.text(min_size=1, max_size=40))
def test_every_value_from_a_file_is_escaped(text: str) -> None:
    krs = pd.DataFrame(
        {
            "objective_id": [text],
            "objective": [text],
            "kr_id": [text],
            "statement": [text],
            "current": [1.0],
            "baseline": [0.0],
            "target": [2.0],
        }
    )
    page = views.scores_view(okr.scorecard(krs))
    cells = page.split("<td>")[1:4]
    for cell in cells:
        value = cell.split("</td>")[0]
        assert "<" not in value and ">" not in value
        assert html.unescape(value) == text


@settings(max_examples=40, deadline=None)
@given(name=st.text(min_size=1, max_size=30))
def test_the_dashboard_status_lines_escape_the_file_name(name: str) -> None:
    import base64
    import re

    for page in (
        views.loaded_view(name, [("objectives", 1)]),
        views.unreadable_view(name, f"{name} line 3: bad\n  - {name}", still_showing=name),
        views.note_view(name),
        views.download_view(name, name.encode("utf-8"), "text/plain"),
    ):
        text = re.sub(r"<[^>]*>", "", page)
        assert "<" not in text and ">" not in text  # every < and > of the name escaped
    link = views.download_view(name, name.encode("utf-8"), "text/plain")
    encoded = re.search(r"href='data:text/plain;base64,([^']*)'", link).group(1)
    assert base64.b64decode(encoded) == name.encode("utf-8")
    assert html.unescape(re.search(r"download='([^']*)'", link).group(1)) == name


def test_workspace_counts_are_the_report_summary() -> None:
    ws = okr.Workspace.open(data_path("acme_okrs.yaml"))
    page = okr.present.report.build_report(ws)
    for label, n in ws.counts.items():
        assert f"<li><strong>{n}</strong> {label}</li>" in page, label
    assert ws.analyse() is ws
    assert set(ws.moving_krs["kr_id"]) <= set(ws.scores["kr_id"])
    assert (ws.moving_krs["baseline"] != ws.moving_krs["target"]).all()
