"""The okr command: output, JSON, and exit codes 0 / 1 / 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import okr_toolkit as okr
from okr_toolkit.cli import main


@pytest.fixture
def krs_csv(tmp_path):
    path = tmp_path / "krs.csv"
    path.write_text("kr_id,baseline,target,current\nactivation,42,65,58.1\ncycle,45,30,36\n")
    return path


def test_score_table(krs_csv, capsys):
    assert main(["score", str(krs_csv)]) == 0
    out = capsys.readouterr().out
    assert "activation" in out and "0.70" in out and "green" in out
    assert "cycle" in out and "0.60" in out and "yellow" in out


def test_score_json(krs_csv, capsys):
    assert main(["score", str(krs_csv), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert [r["kr_id"] for r in records] == ["activation", "cycle"]
    assert records[0]["score"] == pytest.approx(0.7)
    assert records[1]["grade"] == "yellow"


def test_score_method_option(tmp_path, capsys):
    path = tmp_path / "over.csv"
    path.write_text("kr_id,baseline,target,current\nx,40,60,70\n")
    assert main(["score", str(path), "--method", "uncapped", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["score"] == pytest.approx(1.5)


def test_bad_data_exits_1_naming_the_kr(tmp_path, capsys):
    path = tmp_path / "bad.csv"
    original = "kr_id,baseline,target,current\nactivation,42,42,50\n"
    path.write_text(original)
    assert main(["score", str(path)]) == 1
    err = capsys.readouterr().err
    assert "activation" in err and "equals baseline" in err
    assert path.read_text() == original  # the user's file is untouched


@pytest.mark.parametrize(
    ("content", "reason"),
    [(None, "no such file"), ("", "cannot read"), (b"\xff\xfe\x00bad", "cannot read")],
)
def test_unreadable_input_exits_2_with_one_line(tmp_path, capsys, content, reason):
    path = tmp_path / "input.csv"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content)
    assert main(["score", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert reason in err and "\n" not in err


def test_missing_columns_exit_1(tmp_path, capsys):
    path = tmp_path / "cols.csv"
    path.write_text("name,start,goal\na,1,2\n")
    assert main(["score", str(path)]) == 1
    assert "missing column" in capsys.readouterr().err


def test_no_command_prints_help_and_exits_2(capsys):
    assert main([]) == 2
    assert "score" in capsys.readouterr().out


def test_installed_entry_point_runs():
    done = subprocess.run(
        [sys.executable, "-m", "okr_toolkit.cli", "--help"], capture_output=True, text=True
    )
    assert done.returncode == 0 and "Exit codes" in done.stdout


def test_report_command_writes_offline_html(tmp_path, capsys):
    from okr_toolkit.datasets import data_path

    out = tmp_path / "report.html"
    assert main(["report", str(data_path("sample_okrs.yaml")), "-o", str(out)]) == 0
    assert "wrote" in capsys.readouterr().out
    html = out.read_text(encoding="utf-8")
    assert "<svg" in html and "<script" not in html
    assert "https://" not in html


def test_report_command_unreadable_input_exits_2(tmp_path, capsys):
    assert main(["report", str(tmp_path / "missing.yaml"), "-o", str(tmp_path / "r.html")]) == 2
    assert "no such file" in capsys.readouterr().err
    assert not (tmp_path / "r.html").exists()


# --- every command: --help, exit codes ------------------------------------------------

COMMANDS = ("score", "lint", "report", "convert", "plan", "new")


def test_top_level_help_lists_every_command_and_the_exit_codes(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in COMMANDS:
        assert f"\n    {command} " in out
    assert "Exit codes: 0 ok; 1" in out and "2 unreadable input or bad usage" in out


@pytest.mark.parametrize("command", COMMANDS)
def test_each_command_help_has_examples_and_exit_codes(command, capsys):
    assert main([command, "--help"]) == 0
    out = capsys.readouterr().out
    assert "examples:\n  okr " + command in out
    assert "exit codes:\n  0  ok\n  1  " in out
    assert "  2  unreadable input or bad usage" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["score"],
        ["score", "x.csv", "--format", "xml"],
        ["convert", "--kpi", "a", "--current", "x", "--threshold", "1"],
        ["plan", "--teams", "A", "--strategy", "merge"],
    ],
)
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == 2
    assert "usage: okr" in capsys.readouterr().err


def test_installed_okr_command(tmp_path):
    import shutil
    from pathlib import Path

    okr = shutil.which("okr", path=str(Path(sys.executable).parent))
    if okr is None:
        pytest.skip("the package is not installed with its entry point")
    done = subprocess.run([okr, "--help"], capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert all(command in done.stdout for command in COMMANDS)
    done = subprocess.run(
        [okr, "score", str(tmp_path / "missing.yaml")], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert done.stderr.startswith("okr: ") and "Traceback" not in done.stderr


# --- okr score on OKR files -------------------------------------------------------------

OKR_YAML = """\
version: 1
cycle: 2026Q3
objectives:
  - id: activation
    title: Make the first week count
    key_results:
      - id: activation.kr1
        statement: Lift week-1 activation from 42% to 65%
        kpi: activation_rate
        current: 58.1
      - id: activation.kr2
        statement: Reduce time-to-first-value from 5 days to 2 days
        baseline: 5
        target: 2
        checkins:
          - {date: 2026-07-20, value: 3.5}
          - {date: 2026-07-06, value: 4.8}
      - id: activation.kr3
        statement: Raise week-1 NPS from 28 to 45
kpis:
  - name: activation_rate
    threshold: 50
    value: 42
"""


@pytest.fixture
def okr_yaml(tmp_path):
    path = tmp_path / "okrs.yaml"
    path.write_text(OKR_YAML, encoding="utf-8")
    return path


def test_score_okr_file_scores_what_has_a_check_in_and_invents_nothing(okr_yaml, capsys):
    assert main(["score", str(okr_yaml), "--format", "json"]) == 0
    rows = {r["kr_id"]: r for r in json.loads(capsys.readouterr().out)}
    # OKR vs KPI vs MBO: (58.1 - 42) / (65 - 42) = 0.7
    assert rows["activation.kr1"]["score"] == pytest.approx(0.7)
    assert rows["activation.kr1"]["grade"] == "green"
    # current = the latest check-in (07-20, not the last listed): (5 - 3.5) / (5 - 2) = 0.5
    assert rows["activation.kr2"]["current"] == pytest.approx(3.5)
    assert rows["activation.kr2"]["score"] == pytest.approx(0.5)
    assert rows["activation.kr3"]["score"] is None
    assert rows["activation.kr3"]["status"] == "no check-in yet"


def test_score_okr_file_table(okr_yaml, capsys):
    assert main(["score", str(okr_yaml)]) == 0
    out = capsys.readouterr().out
    assert "activation.kr1" in out and "0.70" in out and "green" in out
    assert "no check-in yet" in out
    assert "3 key results, 2 scored, 1 with no check-in yet" in out


def test_score_okr_csv_is_read_as_an_okr_file(tmp_path, capsys):
    path = tmp_path / "okrs.csv"
    path.write_text(
        "objective_id,objective,kr_id,statement,current\n"
        "a,Make the first week count,a.kr1,Lift week-1 activation from 42% to 65%,58.1\n"
        "a,Make the first week count,a.kr2,Raise week-1 NPS from 28 to 45,\n",
        encoding="utf-8",
    )
    assert main(["score", str(path), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["status"] for r in rows] == ["", "no check-in yet"]
    assert rows[0]["score"] == pytest.approx(0.7)


def test_score_okr_file_with_an_unscorable_kr_exits_1(tmp_path, capsys):
    path = tmp_path / "okrs.yaml"
    path.write_text(
        "objectives:\n  - id: support\n    title: Delight customers\n    key_results:\n"
        "      - statement: Improve customer satisfaction\n        current: 4.2\n",
        encoding="utf-8",
    )
    assert main(["score", str(path)]) == 1
    captured = capsys.readouterr()
    assert "not scored" in captured.out
    assert captured.err.startswith("okr: ") and "support.kr1" in captured.err


@pytest.mark.parametrize(
    "text",
    ["objectives: [unclosed\n", "just a string\n", b"\xff\xfe\x00bad"],
)
def test_score_unreadable_okr_file_exits_2(tmp_path, capsys, text):
    path = tmp_path / "bad.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    assert main(["score", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("okr: ") and "bad.yaml" in err and "Traceback" not in err


# --- okr lint -----------------------------------------------------------------------------


def test_lint_json_and_exit_1_on_errors(capsys):
    from okr_toolkit.datasets import data_path

    assert main(["lint", str(data_path("sample_okrs.yaml")), "--format", "json"]) == 1
    records = json.loads(capsys.readouterr().out)
    assert {"code", "severity", "message", "fix"} <= set(records[0])
    assert any(r["severity"] == "error" for r in records)


def test_lint_clean_file_exits_0(okr_yaml, capsys):
    assert main(["lint", str(okr_yaml)]) == 0
    assert "0 errors" in capsys.readouterr().out


def test_lint_unreadable_exits_2(tmp_path, capsys):
    assert main(["lint", str(tmp_path / "missing.yaml")]) == 2
    assert capsys.readouterr().err.startswith("okr: ")


# --- okr report --charts --------------------------------------------------------------------


def test_report_charts_saves_svg_and_png(okr_yaml, tmp_path, capsys):
    import xml.etree.ElementTree as ET

    out, folder = tmp_path / "report.html", tmp_path / "slides"
    assert main(["report", str(okr_yaml), "-o", str(out), "--charts", str(folder)]) == 0
    assert capsys.readouterr().out.strip() == f"wrote {out} and 4 chart files in {folder}"
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["kpi_health.png", "kpi_health.svg", "kr_scores.png", "kr_scores.svg"]
    assert (folder / "kr_scores.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert ET.parse(folder / "kr_scores.svg").getroot().tag.endswith("svg")
    assert "<svg" in out.read_text(encoding="utf-8")


def test_report_unreadable_input_writes_no_charts(tmp_path, capsys):
    folder = tmp_path / "slides"
    argv = ["report", str(tmp_path / "missing.yaml"), "-o", str(tmp_path / "r.html")]
    assert main([*argv, "--charts", str(folder)]) == 2
    assert capsys.readouterr().err.startswith("okr: ")
    assert not folder.exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--scale", "0"], "--scale must be a positive number"),
        (["--scale", "nan"], "--scale must be a positive number"),
        (["--charts", "{file}"], "is a file, not a folder"),
    ],
)
def test_report_checks_every_option_before_writing_anything(
    okr_yaml, tmp_path, capsys, extra, message
):
    # Issue 13: --scale 0 or a bad charts folder failed after the report was written.
    (tmp_path / "afile").write_text("x")
    extra = [e.replace("{file}", str(tmp_path / "afile")) for e in extra]
    if "--charts" not in extra:
        extra += ["--charts", str(tmp_path / "slides")]
    out = tmp_path / "r.html"
    assert main(["report", str(okr_yaml), "-o", str(out), *extra]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists() and not (tmp_path / "slides").exists()


def test_a_chart_that_cannot_be_drawn_leaves_nothing_written(
    okr_yaml, tmp_path, capsys, monkeypatch
):
    from okr_toolkit.present import charts

    calls = []

    def fail_on_the_third(chart, path, *, scale=2.0):
        calls.append(path)
        if len(calls) == 3:
            raise ValueError("renderer ran out of memory")
        return original(chart, path, scale=scale)

    original = charts.save_chart
    monkeypatch.setattr(charts, "save_chart", fail_on_the_third)
    out, folder = tmp_path / "r.html", tmp_path / "slides"
    assert main(["report", str(okr_yaml), "-o", str(out), "--charts", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "cannot draw the" in err and "nothing was written" in err
    assert not out.exists() and not folder.exists()


def test_report_never_overwrites_data_without_force(okr_yaml, tmp_path, capsys):
    # Issue 13: okr report -o q2.yaml replaced an existing OKR file.
    other = tmp_path / "q2.yaml"
    other.write_text(okr_yaml.read_text())
    assert main(["report", str(okr_yaml), "-o", str(other)]) == 2
    assert "pass --force" in capsys.readouterr().err
    assert other.read_text() == okr_yaml.read_text()
    assert main(["report", str(okr_yaml), "-o", str(tmp_path / "new.csv")]) == 2
    assert "name it new.html" in capsys.readouterr().err
    notes = tmp_path / "notes.txt"
    notes.write_text("mine")
    assert main(["report", str(okr_yaml), "-o", str(notes)]) == 2
    assert notes.read_text() == "mine"
    out = tmp_path / "report.html"
    assert main(["report", str(okr_yaml), "-o", str(out)]) == 0
    assert main(["report", str(okr_yaml), "-o", str(out)]) == 0  # an earlier report is replaced
    assert main(["report", str(okr_yaml), "-o", str(notes), "--force"]) == 0
    assert notes.read_text().startswith("<!DOCTYPE html>")


# --- okr convert ---------------------------------------------------------------------------


def test_convert_one_kpi(capsys):
    argv = ["convert", "--kpi", "activation_rate", "--current", "42", "--threshold", "50"]
    assert main([*argv, "--target", "65", "--unit", "%", "--label", "week-1 activation"]) == 0
    out = capsys.readouterr().out
    assert "key result: Increase week-1 activation from 42% to 65%" in out
    assert "baseline 42%, target 65% (strategy explicit)" in out
    # OKR vs KPI vs MBO: the threshold is cleared at (50 - 42) / (65 - 42) = 0.35
    assert "cleared at a score of 0.35" in out


def test_convert_json(capsys):
    argv = ["convert", "--kpi", "mql_to_sql_rate", "--current", "18", "--threshold", "25"]
    assert main([*argv, "--strategy", "clear_at_score", "--score", "0.5", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    [proposal] = data["proposals"]
    # OKR vs KPI vs MBO: 18 -> 32 clears 25 at a score of 0.5
    assert proposal["target"] == 32.0 and proposal["threshold_score"] == 0.5
    assert proposal["clears_threshold"] is True and proposal["warnings"] == []
    assert "clearing the 25 threshold" in proposal["explanation"]
    assert data["skipped"] == [] and data["problems"] == []


def test_convert_lower_is_better(capsys):
    argv = ["convert", "--kpi", "sales_cycle", "--current", "45", "--threshold", "40"]
    argv += ["--better", "lower", "--strategy", "gap_multiple", "--multiple", "3"]
    assert main([*argv, "--unit", "days", "--format", "json"]) == 0
    [proposal] = json.loads(capsys.readouterr().out)["proposals"]
    assert proposal["target"] == 30.0 and proposal["direction"] == "decrease"


def test_convert_target_short_of_the_threshold_exits_1(capsys):
    argv = ["convert", "--kpi", "activation_rate", "--current", "42", "--threshold", "50"]
    assert main([*argv, "--target", "48"]) == 1
    captured = capsys.readouterr()
    assert "warning: the target 48 does not clear the threshold 50" in captured.out
    assert captured.err.startswith("okr: KPI 'activation_rate'")


def test_convert_numbers_that_make_no_kr_exit_1(capsys):
    # a healthy KPI has no gap for clear_at_score to scale
    argv = ["convert", "--kpi", "uptime", "--current", "99.9", "--threshold", "99"]
    assert main(argv) == 1
    assert "already meets its threshold" in capsys.readouterr().err


def test_convert_okr_file_skips_healthy_kpis(capsys):
    from okr_toolkit.datasets import data_path

    assert main(["convert", str(data_path("sample_okrs.yaml")), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [p["kpi"] for p in data["proposals"]] == [
        "activation_rate",
        "time_to_first_value",
        "revenue",
    ]
    assert data["proposals"][0]["linked_krs"] == ["activation.kr1"]
    assert [s["kpi"] for s in data["skipped"]] == ["profit_margin"]


_THREE_KPIS = """\
cycle: 2027Q1
objectives:
  - id: growth
    title: Make the first week so valuable customers stay
    key_results:
      - id: growth.kr1
        statement: Lift week-1 activation from 42% to 65%
        kpi: activation_rate
kpis:
  - {name: activation_rate, threshold: 50, value: 42, better: higher, unit: "%"}
  - {name: uptime, threshold: 99, value: 99.2, better: higher, unit: "%"}
  - {name: churn, threshold: 2, value: 1.0, better: lower, unit: "%"}
"""


def test_convert_okr_file_reads_kpi_health_as_kpi_status_does(tmp_path, capsys):
    # A KPI inside its tolerance of the threshold meets it: it stays a health check,
    # as the KPI health table says; only the breached KPI becomes a key result.
    path = tmp_path / "okrs.yaml"
    path.write_text(_THREE_KPIS, encoding="utf-8")
    assert main(["convert", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    health = okr.Workspace.open(path).kpi_health
    statuses = dict(zip(health["kpi"], health["status"], strict=True))
    assert statuses == {"activation_rate": "breached", "uptime": "at_risk", "churn": "healthy"}
    assert [p["kpi"] for p in data["proposals"]] == ["activation_rate"]
    assert data["proposals"][0]["linked_krs"] == ["growth.kr1"]
    reasons = {s["kpi"]: s["reason"] for s in data["skipped"]}
    assert reasons["uptime"].startswith("only just meets its threshold (99.2 against 99)")
    assert reasons["churn"].startswith("meets its threshold (1 against 2)")


def test_convert_okr_file_uses_the_settings(tmp_path, capsys):
    path = tmp_path / "okrs.yaml"
    path.write_text(_THREE_KPIS, encoding="utf-8")
    settings = tmp_path / "settings.yaml"
    settings.write_text("aspirational_success: 0.6\n", encoding="utf-8")
    argv = ["convert", str(path), "--format", "json"]
    assert main(argv) == 0
    default = json.loads(capsys.readouterr().out)["proposals"][0]
    assert main([*argv, "--settings", str(settings)]) == 0
    relaxed = json.loads(capsys.readouterr().out)["proposals"][0]
    # The explanation reads the KR at the score that counts as success.
    assert default["explanation"].startswith("Reaching 0.7 of this KR")
    assert relaxed["explanation"].startswith("Reaching 0.6 of this KR")
    assert relaxed["target"] == default["target"]


def test_convert_history_ranks_stalled_kpis(tmp_path, capsys):
    from okr_toolkit.datasets import load_kpi_history

    path = tmp_path / "history.csv"
    load_kpi_history().to_csv(path, index=False)
    assert main(["convert", "--history", str(path), "--format", "json"]) == 0
    proposals = json.loads(capsys.readouterr().out)["proposals"]
    assert [p["kpi"] for p in proposals] == ["mql_to_sql_rate", "activation_rate"]
    assert proposals[0]["baseline"] == 18.0 and proposals[0]["target"] == 32.0


ONE_KPI = ["convert", "--kpi", "a", "--current", "1", "--threshold", "2"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["convert"], "give an OKR FILE"),
        (["convert", "--kpi", "a", "--current", "1"], "--kpi needs --current and --threshold"),
        (
            [*ONE_KPI, "--target", "3", "--strategy", "gap_multiple"],
            "--target sets the target itself",
        ),
        (
            [*ONE_KPI, "--multiple", "3"],
            "--multiple applies to --strategy gap_multiple",
        ),
        (
            [*ONE_KPI, "--score", "2"],
            "`score` must be in (0, 1]",
        ),
        (
            [*ONE_KPI, "--strategy", "history_quantile"],
            "needs --history",
        ),
        (["convert", "missing.yaml"], "no such file"),
    ],
)
def test_convert_bad_usage_exits_2(argv, message, capsys):
    assert main(argv) == 2
    assert message in capsys.readouterr().err


# --- okr plan -------------------------------------------------------------------------------

TEAMS = "Sales,Marketing,Product,Engineering,Support"


def test_plan_replace(capsys):
    argv = ["plan", "--teams", TEAMS, "--stale-targets", "--start", "2027Q1", "--pilot", "Product"]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("decision: replace")
    assert "Product      OKR pilot" in out
    assert "2027Q1  pilot OKRs for one quarter in Product" in out
    assert "guardrails: every one kept" in out


def test_plan_json_coexist(capsys):
    argv = ["plan", "--teams", "Risk, Lending ,IT", "--regulated", "--annual-bonus"]
    assert main([*argv, "--start", "2027Q1", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["assessment"]["decision"] == "coexist" and data["strategy"] == "coexist"
    assert len(data["plan"]) == 3 * 5
    assert {r["team"] for r in data["plan"]} == {"Risk", "Lending", "IT"}
    assert {r["framework"] for r in data["plan"]} <= {"MBO", "MBO + OKR"}
    assert data["problems"] == []


def test_plan_waves(capsys):
    argv = ["plan", "--teams", "A,B,C", "--start", "2027Q1", "--strategy", "replace"]
    argv += ["--wave", "C", "--wave", "A,B", "--format", "json"]
    assert main(argv) == 0
    plan = json.loads(capsys.readouterr().out)["plan"]
    q2 = {r["team"]: r["framework"] for r in plan if r["quarter"] == "2027Q2"}
    assert q2 == {"A": "OKR", "B": "OKR", "C": "OKR"}


def test_plan_csv_round_trips_through_check(tmp_path, capsys):
    out = tmp_path / "plan.csv"
    argv = ["plan", "--teams", TEAMS, "--stale-targets", "--start", "2027Q1"]
    assert main([*argv, "--csv", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir()] == ["plan.csv"]
    assert main(["plan", "--check", str(out)]) == 0
    assert "every guardrail kept" in capsys.readouterr().out

    # a hand edit ties an OKR pilot's score to pay: a guardrail violation
    lines = out.read_text(encoding="utf-8").splitlines()
    pilot = next(i for i, line in enumerate(lines) if ",OKR pilot," in line)
    lines[pilot] = lines[pilot].replace(",True,", ",False,")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["plan", "--check", str(out), "--format", "json"]) == 1
    problems = json.loads(capsys.readouterr().out)["problems"]
    assert len(problems) == 1 and "OKR score linked to pay" in problems[0]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["plan"], "give --teams"),
        (["plan", "--teams", "A,A", "--start", "2027Q1"], "more than once"),
        (["plan", "--teams", "A,B", "--start", "2027Q9"], "is not a quarter"),
        (["plan", "--teams", "A,B", "--start", "2027Q1", "--pilot", "C"], "not in `teams`"),
        (["plan", "--check", "missing.csv"], "no such file"),
        (["plan", "--check", "x.csv", "--teams", "A"], "--check reads a plan"),
    ],
)
def test_plan_bad_usage_exits_2(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


# --- okr new ----------------------------------------------------------------------------------


def test_new_writes_a_starter_that_the_other_commands_read(tmp_path, capsys):
    path = tmp_path / "okrs.yaml"
    assert main(["new", str(path), "--company", "Acme", "--cycle", "2027Q1"]) == 0
    out = capsys.readouterr().out.strip()
    assert out == f"wrote {path}: a starter OKR file for 2027Q1; edit it, then run: okr lint {path}"
    assert [p.name for p in tmp_path.iterdir()] == ["okrs.yaml"]  # no temporary file left
    assert 'company: "Acme"' in path.read_text(encoding="utf-8")
    assert main(["lint", str(path)]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out
    assert main(["score", str(path), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["current"] == 44  # from its check-in
    assert [r["status"] for r in rows[1:]] == ["no check-in yet", "no check-in yet"]


def test_new_refuses_to_overwrite(tmp_path, capsys):
    path = tmp_path / "okrs.yaml"
    original = b"# my OKRs, do not touch\r\nobjectives: []\r\n"
    path.write_bytes(original)
    assert main(["new", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("okr: ") and "already exists" in err and "--force" in err
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["okrs.yaml"]


def test_new_force_overwrites(tmp_path, capsys):
    path = tmp_path / "okrs.yml"
    path.write_text("old", encoding="utf-8")
    assert main(["new", str(path), "--force", "--cycle", "2026Q4"]) == 0
    assert "cycle: 2026Q4" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "extra", "message"),
    [
        ("okrs.json", [], "name the file .yaml or .yml"),
        ("okrs.yaml", ["--cycle", "2027"], "YYYYQn"),
        ("missing/okrs.yaml", [], "cannot write"),
    ],
)
def test_new_bad_usage_exits_2(tmp_path, capsys, name, extra, message):
    assert main(["new", str(tmp_path / name), *extra]) == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_every_problem_of_a_broken_file_gets_its_own_line(capsys):
    broken = Path(__file__).parent / "bad_files" / "yaml_several_value_problems.yaml"
    before = broken.read_bytes()
    assert main(["lint", str(broken)]) == 2
    lines = capsys.readouterr().err.rstrip("\n").splitlines()
    assert lines[0] == f"okr: 4 problems in {broken}, each with its fix:"
    assert [line.split(": ", 1)[0].strip() for line in lines[1:]] == [
        f"{broken} line 11 column 17",
        f"{broken} line 12 column 15",
        f"{broken} line 17 column 25",
        f"{broken} line 18 column 9",
    ]
    assert broken.read_bytes() == before


def test_export_converts_between_formats_and_never_overwrites(tmp_path, capsys):
    from okr_toolkit import datasets

    source = datasets.data_path("acme_okrs.yaml")
    xlsx = tmp_path / "acme.xlsx"
    assert main(["export", str(source), "-o", str(xlsx)]) == 0
    assert capsys.readouterr().out == f"wrote {xlsx}: 33 key results, 231 check-ins\n"
    csv_path = tmp_path / "acme.csv"
    assert main(["export", str(xlsx), "-o", str(csv_path)]) == 0
    capsys.readouterr()
    back = okr.read_okr_file(csv_path)
    original = okr.read_okr_file(source)
    pd.testing.assert_frame_equal(
        back.okrs.drop(columns="line"), original.okrs.drop(columns="line")
    )
    before = csv_path.read_bytes()
    assert main(["export", str(xlsx), "-o", str(csv_path)]) == 2
    assert "pass --force to replace it" in capsys.readouterr().err
    assert main(["export", str(csv_path), "-o", str(csv_path), "--force"]) == 2
    assert "refusing to write over a file" in capsys.readouterr().err
    assert csv_path.read_bytes() == before
    assert main(["export", str(xlsx), "-o", str(csv_path), "--force"]) == 0


def test_export_of_a_broken_file_lists_its_problems_and_writes_nothing(tmp_path, capsys):
    broken = Path(__file__).parent / "bad_files" / "yaml_several_value_problems.yaml"
    out = tmp_path / "out.xlsx"
    assert main(["export", str(broken), "-o", str(out)]) == 2
    assert "4 problems" in capsys.readouterr().err
    assert not out.exists()


def test_lint_select_and_ignore_rules_by_code_or_prefix(capsys):
    from okr_toolkit.datasets import data_path

    sample = str(data_path("sample_okrs.yaml"))
    main(["lint", sample, "--select", "OKR2", "--ignore", "OKR203", "--format", "json"])
    codes = {f["code"] for f in json.loads(capsys.readouterr().out)}
    assert codes and all(c.startswith("OKR2") for c in codes) and "OKR203" not in codes
    assert main(["lint", sample, "--select", "OKR9"]) == 2
    assert "unknown rule code in select: 'OKR9'" in capsys.readouterr().err


def test_export_never_writes_over_the_inputs_side_files(tmp_path, capsys):
    # Issue 13: okr export okrs.csv -o okrs.kpis.csv --force replaced the input's KPIs.
    acme = Path(okr.datasets.data_path("acme_okrs.yaml"))
    csv = tmp_path / "okrs.csv"
    assert main(["export", str(acme), "-o", str(csv)]) == 0
    kpis = (tmp_path / "okrs.kpis.csv").read_bytes()
    for target in ("okrs.kpis.csv", "okrs.checkins.csv", "okrs.csv"):
        assert main(["export", str(csv), "-o", str(tmp_path / target), "--force"]) == 2
        assert "refusing to write over a file the OKRs were read from" in capsys.readouterr().err
    assert (tmp_path / "okrs.kpis.csv").read_bytes() == kpis


def test_score_and_lint_read_a_semicolon_csv_through_the_same_door(tmp_path, capsys):
    # Issue 13: okr score sniffed the header with pandas and took a semicolon OKR file
    # for a bare table, while okr lint read it as an OKR file.
    path = tmp_path / "okrs.csv"
    path.write_text(
        "objective_id;objective;kr_id;statement;baseline;target;current\n"
        "a;Grow;a.kr1;Lift activation from 42% to 65%;42;65;58.1\n"
    )
    assert main(["score", str(path)]) == 0
    out = capsys.readouterr()
    assert "a.kr1" in out.out and "0.70" in out.out
    assert "okr: note:" in out.err and "semicolon" in out.err.lower()
    assert main(["lint", str(path)]) in (0, 1)
