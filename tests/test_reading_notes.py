"""What the toolkit converted while reading a file is said wherever the file is shown
(issue 13): the command line, the report and the dashboard say the same notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from okr_toolkit import Workspace
from okr_toolkit.present import views
from okr_toolkit.present.report import build_report

RESPONSE = "Reduce median first response time from 6h to 45 min"
SEMICOLONS = (
    "objective_id;objective;kr_id;statement;baseline;target;current\no;Grow;o.kr1;Lift x;1;10;4\n"
)
HOURS = (
    "objectives:\n  - id: support\n    title: Answer fast\n    key_results:\n"
    f"      - statement: {RESPONSE}\n        current: 2.3\n        unit: hours\n"
)


@pytest.fixture
def semicolons(tmp_path: Path) -> Path:
    path = tmp_path / "q3.csv"
    path.write_text(SEMICOLONS, encoding="utf-8")
    return path


@pytest.fixture
def hours(tmp_path: Path) -> Path:
    path = tmp_path / "support.yaml"
    path.write_text(HOURS, encoding="utf-8")
    return path


def test_the_workspace_collects_the_readers_and_the_scorecards_notes(semicolons, hours):
    (file_note,) = Workspace.open(semicolons).notes.itertuples()
    assert file_note.where.endswith("q3.csv") and file_note.kr_id == ""
    assert file_note.note.startswith("the columns are separated by semicolons, not commas")
    (kr_note,) = Workspace.open(hours).notes.itertuples()
    assert kr_note.where.endswith("support.yaml line 5") and kr_note.kr_id == "support.kr1"
    assert kr_note.note.startswith("baseline and target read from the statement in minutes")


def test_a_file_read_as_written_has_no_notes_and_no_notes_section(tmp_path):
    path = tmp_path / "plain.yaml"
    path.write_text(HOURS.replace("6h to 45 min", "6 hours to 1 hour"), encoding="utf-8")
    ws = Workspace.open(path)
    assert ws.notes.empty
    page = build_report(ws)
    assert "How the file was read" not in page and "notes on reading" not in page


def test_the_report_says_what_was_converted(semicolons, hours):
    page = build_report(semicolons)
    assert "<h2>How the file was read</h2>" in page
    assert "<strong>1</strong> note on reading" in page
    assert "the columns are separated by semicolons, not commas" in page
    page = build_report(hours)
    # Once in the notes section and once under the key result's statement.
    assert page.count("converted to the key result&#39;s hours") == 2
    assert page.index("How the file was read") < page.index("Key results: scores and grades")


def test_the_scores_table_shows_a_note_under_its_statement(hours):
    html = views.scores_view(Workspace.open(hours).scores)
    statement_cell = html.split("<td>", 3)[3].split("</td>")[0]
    assert statement_cell.startswith(RESPONSE)
    assert '<span class="muted">baseline and target read from the statement' in statement_cell


def test_the_dashboard_says_the_notes_above_every_tab(semicolons):
    from okr_toolkit.present.widgets import WorkshopDashboard

    app = WorkshopDashboard(example=None)
    app.load_bytes("client q3.csv", semicolons.read_bytes())
    assert "Read with 1 conversion." in app.status.value
    assert "the columns are separated by semicolons, not commas" in app.status.value
    # The upload is called by its own name, never by a temporary copy's path.
    assert app.message.splitlines()[-1].startswith(
        "note: client q3.csv: the columns are separated by semicolons, not commas"
    )
    app.load_example("sample_okrs.yaml")
    assert "conversion" not in app.status.value and "note:" not in app.message
