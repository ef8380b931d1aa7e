"""One model through every door: the same OKR scores the same wherever it comes in.

Each kind of key result (increase, decrease, stay_above with and without partial
credit, stay_below, milestone, and a change from a baseline: "by 20%", "by 25%"
down, "by 10 points") is built once in Python, then taken through every
door: the Python API (:func:`okr_toolkit.core.scorecard` on
:func:`okr_toolkit.core.objectives_to_frame`), a YAML, CSV and Excel file, ``okr
score``, the HTML report and the workshop dashboard. Each door must give the
same score, grade and status, under the default settings and under stricter
grade bands.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

import okr_toolkit as okr
from okr_toolkit import KeyResult, Objective, Settings
from okr_toolkit.core import DEFAULT_SETTINGS
from okr_toolkit.io import OKRFile

#: kr_id -> (KeyResult, expected score). Grades follow from the settings.
KINDS: dict[str, tuple[KeyResult, float]] = {
    # OKR vs KPI vs MBO: (58.1 - 42) / (65 - 42) = 0.7
    "o.increase": (
        KeyResult("o.increase", "Lift week-1 activation from 42% to 65%", 42, 65, 58.1, unit="%"),
        0.7,
    ),
    # OKR vs KPI vs MBO: (36 - 45) / (30 - 45) = 0.6
    "o.decrease": (
        KeyResult("o.decrease", "Cut sales cycle from 45 to 30 days", 45, 30, 36, unit="days"),
        0.6,
    ),
    "o.stay_above_met": (
        KeyResult(
            "o.stay_above_met",
            "Keep satisfaction at 80%+",
            target=80,
            current=84,
            direction="stay_above",
            unit="%",
        ),
        1.0,
    ),
    # from a baseline below the line: (75 - 70) / (80 - 70) = 0.5
    "o.stay_above_partial": (
        KeyResult(
            "o.stay_above_partial",
            "Reach 80%+ satisfaction",
            baseline=70,
            target=80,
            current=75,
            direction="stay_above",
            unit="%",
        ),
        0.5,
    ),
    "o.stay_below": (
        KeyResult(
            "o.stay_below",
            "Keep churn under 2%",
            target=2,
            current=2.6,
            direction="stay_below",
            unit="%",
        ),
        0.0,
    ),
    "o.milestone": (
        KeyResult("o.milestone", "Ship SSO", current=1, direction="milestone"),
        1.0,
    ),
    # A change, not a target: 500 * 1.2 = 600, (560 - 500) / (600 - 500) = 0.6
    "o.up_by_percent": (
        KeyResult("o.up_by_percent", "Grow weekly active teams by 20%", 500, current=560),
        0.6,
    ),
    # 400 * 0.75 = 300, (340 - 400) / (300 - 400) = 0.6
    "o.down_by_percent": (
        KeyResult("o.down_by_percent", "Reduce support tickets by 25%", 400, current=340),
        0.6,
    ),
    # an absolute change in the KR's unit: 30 + 10 = 40, (37 - 30) / (40 - 30) = 0.7
    "o.by_points": (
        KeyResult("o.by_points", "Raise NPS by 10 points", 30, current=37, unit="points"),
        0.7,
    ),
}
#: The KRs whose file gives a baseline and the change in the statement, no target.
BY_CHANGE = ("o.up_by_percent", "o.down_by_percent", "o.by_points")
STRICT = replace(DEFAULT_SETTINGS, yellow_from=0.5, green_from=0.8)
SETTINGS = {"default": DEFAULT_SETTINGS, "strict": STRICT}


def expected(settings: Settings) -> pd.DataFrame:
    scores = pd.Series({k: s for k, (_, s) in KINDS.items()}, name="score")
    grades = okr.grade(scores, settings=settings).astype(str)
    return pd.DataFrame({"score": scores, "grade": grades, "status": ""})


def okr_file() -> OKRFile:
    objective = Objective(
        "o", "Make the first week count", key_results=tuple(kr for kr, _ in KINDS.values())
    )
    frame = okr.core.objectives_to_frame([objective])
    # As a client writes them: the change in the statement, no target in the file.
    frame.loc[frame["kr_id"].isin(BY_CHANGE), "target"] = float("nan")
    return OKRFile(path="built in Python", okrs=frame)


def through_the_api(settings: Settings, tmp_path: Path) -> pd.DataFrame:
    return okr.scorecard(okr_file().okrs, settings=settings)


def through_a_file(suffix: str):
    def door(settings: Settings, tmp_path: Path) -> pd.DataFrame:
        path = tmp_path / f"okrs{suffix}"
        okr.write_okr_file(okr_file(), path)
        return okr.scorecard(okr.read_okr_file(path).okrs, settings=settings)

    door.__name__ = f"through_{suffix[1:]}"
    return door


def through_a_workspace(settings: Settings, tmp_path: Path) -> pd.DataFrame:
    path = tmp_path / "okrs.xlsx"
    okr.write_okr_file(okr_file(), path)
    return okr.Workspace.open(path, settings=settings).scores


def _settings_file(settings: Settings, tmp_path: Path) -> list[str]:
    """``--settings FILE`` for the command line, when the settings are not the defaults."""
    if settings == DEFAULT_SETTINGS:
        return []
    path = tmp_path / "settings.yaml"
    path.write_text(f"yellow_from: {settings.yellow_from}\ngreen_from: {settings.green_from}\n")
    return ["--settings", str(path)]


def _okr(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "okr_toolkit", *args], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def through_okr_score(settings: Settings, tmp_path: Path) -> pd.DataFrame:
    path = tmp_path / "okrs.yaml"
    okr.write_okr_file(okr_file(), path)
    out = _okr("score", str(path), "--format", "json", *_settings_file(settings, tmp_path))
    return pd.DataFrame(json.loads(out)).fillna({"status": ""})


def through_okr_report(settings: Settings, tmp_path: Path) -> pd.DataFrame:
    path = tmp_path / "okrs.yaml"
    okr.write_okr_file(okr_file(), path)
    page = _okr("report", str(path), "-o", "-", *_settings_file(settings, tmp_path))
    section = page.split("<h2>Key results: scores and grades</h2>")[1].split("<h2>")[0]
    return pd.DataFrame([_shown(section, kr_id) for kr_id in KINDS])


def _shown(page: str, kr_id: str) -> dict[str, object]:
    """The score and grade a page shows on the row of ``kr_id``."""
    row = re.search(rf">{re.escape(kr_id)}</td>(.*?)</tr>", page, re.S)
    assert row, kr_id
    shown = re.search(r"([\d.]+) <span class=.badge[^>]*>(\w+)</span>", row.group(1))
    assert shown, row.group(1)
    return {"kr_id": kr_id, "score": float(shown[1]), "grade": shown[2], "status": ""}


def through_the_report(settings: Settings, tmp_path: Path) -> pd.DataFrame:
    page = okr.present.report.build_report(okr_file(), settings=settings)
    section = page.split("<h2>Key results: scores and grades</h2>")[1].split("<h2>")[0]
    return pd.DataFrame([_shown(section, kr_id) for kr_id in KINDS])


def through_the_dashboard(settings: Settings, tmp_path: Path) -> pd.DataFrame:
    from okr_toolkit.present.widgets import WorkshopDashboard

    path = tmp_path / "okrs.yaml"
    okr.write_okr_file(okr_file(), path)
    app = WorkshopDashboard(example=None, settings=settings)
    app.load_bytes("okrs.yaml", path.read_bytes())
    assert app.error is None, app.error
    assert app.scores is not None
    shown = pd.DataFrame([_shown(app.scores_view.value, kr_id) for kr_id in KINDS])
    # What the page shows is what the app holds.
    held = app.scores.set_index("kr_id")
    assert held.loc[shown["kr_id"], "grade"].astype(str).tolist() == shown["grade"].tolist()
    return shown


DOORS = [
    through_the_api,
    through_a_file(".yaml"),
    through_a_file(".csv"),
    through_a_file(".xlsx"),
    through_a_workspace,
    through_okr_score,
    through_okr_report,
    through_the_report,
    through_the_dashboard,
]


@pytest.mark.parametrize("settings_name", list(SETTINGS))
@pytest.mark.parametrize("door", DOORS, ids=lambda d: d.__name__)
def test_every_door_gives_the_same_score_grade_and_status(door, settings_name, tmp_path) -> None:
    settings = SETTINGS[settings_name]
    got = door(settings, tmp_path).set_index("kr_id")
    want = expected(settings)
    assert got.index.tolist() == want.index.tolist()
    assert got["score"].astype(float).round(2).tolist() == want["score"].round(2).tolist()
    assert got["grade"].astype(str).tolist() == want["grade"].tolist()
    assert got["status"].fillna("").astype(str).tolist() == want["status"].tolist()


def test_the_strict_bands_change_some_grades() -> None:
    # Otherwise the matrix would not show that settings reach every door.
    assert (expected(DEFAULT_SETTINGS)["grade"] != expected(STRICT)["grade"]).any()


def test_a_threshold_written_the_old_way_is_refused_with_the_new_words(tmp_path) -> None:
    path = tmp_path / "okrs.yaml"
    path.write_text(
        "objectives:\n"
        "  - id: o\n"
        "    title: Delight customers\n"
        "    key_results:\n"
        "      - statement: Achieve 80%+ satisfaction\n"
        "        target: 80\n"
        "        direction: threshold\n"
    )
    with pytest.raises(okr.OKRFileError) as caught:
        okr.read_okr_file(path)
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (7, 20)
    assert "direction 'threshold' is not one of increase, decrease, stay_above" in problem.message
    assert problem.fix.startswith("a key result that holds a line is stay_above")


def test_a_table_built_in_python_is_linted_and_reported_like_a_file() -> None:
    frame = okr_file().okrs
    assert frame.columns.tolist() == list(okr.vocab.OKR_COLUMNS)
    findings = okr.lint(frame)
    assert set(findings.columns) >= {"rule", "severity", "message"}
    assert "Make the first week count" in okr.present.report.build_report(okr_file())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("green_form: 0.8\n", "unknown setting 'green_form'; did you mean 'green_from'?"),
        ("green_from: high\n", "green_from must be a number, got 'high'"),
        ("stall_periods: 2.5\n", "stall_periods must be a whole number, got 2.5"),
        ("kpi_count_range: [12]\n", "kpi_count_range must be two whole numbers"),
        ("yellow_from: 0.8\ngreen_from: 0.5\n", "grade bands must satisfy 0 < yellow_from"),
        ("- 0.8\n", "settings must be a mapping of names to values"),
        ("green_from: [\n", "not valid YAML"),
    ],
)
def test_a_bad_settings_file_is_refused_with_what_to_fix(tmp_path, text, message) -> None:
    path = tmp_path / "okrs.yaml"
    okr.write_okr_file(okr_file(), path)
    bad = tmp_path / "settings.yaml"
    bad.write_text(text)
    done = subprocess.run(
        [sys.executable, "-m", "okr_toolkit", "score", str(path), "--settings", str(bad)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("okr: ") and message in done.stderr
    assert "Traceback" not in done.stderr


def test_settings_from_lists_every_problem() -> None:
    with pytest.raises(okr.OKRDataError) as caught:
        okr.core.settings_from({"green_form": 0.8, "stall_periods": "two"}, source="team.yaml")
    assert str(caught.value).splitlines()[0] == "team.yaml: 2 problems:"


def test_a_change_in_the_statement_sets_the_target_from_the_baseline() -> None:
    targets = {k: kr.target for k, (kr, _) in KINDS.items() if k in BY_CHANGE}
    assert targets == {"o.up_by_percent": 600.0, "o.down_by_percent": 300.0, "o.by_points": 40.0}
    assert KINDS["o.down_by_percent"][0].direction == "decrease"


def test_a_change_in_another_unit_is_not_converted_silently() -> None:
    with pytest.raises(okr.OKRDataError, match=r"change is in days but .* measured in hours"):
        KeyResult("x", "Cut first response time by 2 days", baseline=6, unit="hours")
    table = pd.DataFrame(
        {
            "kr_id": ["x"],
            "statement": ["Cut first response time by 2 days"],
            "baseline": [6.0],
            "current": [5.0],
            "unit": ["hours"],
        }
    )
    [status] = okr.scorecard(table)["status"]
    assert status == (
        "not scored: no target: the statement's change is in days "
        "but the key result is measured in hours"
    )


def test_the_workspace_conversions_are_what_okr_convert_proposes(capsys):
    # One model through every door: the CLI's proposals for a file equal the workspace's.
    import json

    from okr_toolkit import Workspace, datasets
    from okr_toolkit.cli import main

    path = datasets.data_path("acme_okrs.yaml")
    ws = Workspace.open(path)
    conversions = ws.conversions
    assert len(conversions) == int((ws.kpi_health["status"] == "breached").sum()) > 0
    assert main(["convert", str(path), "--format", "json"]) == 0
    proposals = json.loads(capsys.readouterr().out)["proposals"]
    cli = {p["kpi"]: (p["baseline"], p["target"], p["unit"], p["explanation"]) for p in proposals}
    mine = {
        r.kpi: (r.baseline, r.target, r.unit, r.explanation)
        for r in conversions.itertuples(index=False)
    }
    assert cli == mine
