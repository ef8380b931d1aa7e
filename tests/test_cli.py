"""The okr command: output, JSON, and exit codes 0 / 1 / 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

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
