"""The HTML report: content, escaping, no network, and atomic writing."""

from __future__ import annotations

import os
import re
import shutil
import textwrap
from pathlib import Path

import pytest

import okr_toolkit as okr
from okr_toolkit import datasets
from okr_toolkit.present.report import build_report, write_report

SAMPLE = datasets.data_path("sample_okrs.yaml")


def _urls(page: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]*", page)


@pytest.fixture(scope="module")
def sample_page() -> str:
    return build_report(SAMPLE, on="2026-09-30")


def test_sample_report_lists_every_kr_and_lint_code(sample_page):
    source = okr.read_okr_file(SAMPLE)
    for kr_id in source.okrs["kr_id"]:
        assert kr_id in sample_page
    codes = set(okr.lint(source.okrs, source.kpis)["code"])
    assert codes
    for code in codes:
        assert code in sample_page
    assert sample_page.startswith("<!DOCTYPE html>")
    assert "sample_okrs.yaml" in sample_page
    assert "2026-09-30" in sample_page
    # The fixes are shown too.
    fix = okr.lint(source.okrs, source.kpis)["fix"].iloc[0]
    assert okr_escape(fix) in sample_page


def okr_escape(text: str) -> str:
    import html

    return html.escape(text, quote=True)


def test_sample_report_is_offline_and_scriptless(sample_page):
    page = build_report(SAMPLE, plan=okr.plan_migration(["Sales", "Support"], "2026Q1"))
    for doc in (sample_page, page):
        assert "<script" not in doc.lower()
        assert all(u.startswith("http://www.w3.org/") for u in _urls(doc)), _urls(doc)
        assert "@import" not in doc and "url(" not in doc
    assert "<svg" in page and "<svg" in sample_page


def test_sample_has_no_checkins_so_nothing_is_scored(sample_page):
    # The sample file carries no current values: every KR waits, none is invented.
    assert sample_page.count("no check-in yet") >= 7
    scores = sample_page.split("<h2>Key results: scores and grades</h2>")[1].split("<h2>")[0]
    assert "<svg" not in scores
    assert "none is scored" in scores
    # The KPI values are real, so KPI health has its chart.
    assert "<svg" in sample_page.split("<h2>KPI health</h2>")[1]


def test_kpi_health_table(sample_page):
    section = sample_page.split("<h2>KPI health</h2>")[1].split("</table>")[0]
    # activation 42 < 50 breached; time to first value 5 > 4 (lower better) breached;
    # revenue 41M < 50M breached; margin 27 vs 25 is healthy.
    assert section.count(">breached<") == 3
    assert section.count(">healthy<") == 1


def test_no_date_without_on():
    page = build_report(SAMPLE)
    assert "as of" not in page and "<time>" not in page


def test_bad_date_is_refused():
    with pytest.raises(ValueError, match="on"):
        build_report(SAMPLE, on="not a date")


XSS = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def _write(tmp_path: Path, text: str, name: str = "okrs.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.fixture
def checked_in(tmp_path: Path) -> Path:
    return _write(
        tmp_path,
        f"""
        objectives:
          - id: evil
            title: "{XSS}"
            key_results:
              - id: evil.kr1
                statement: "{XSS}"
              - id: evil.kr2
                statement: "{IMG}"
                baseline: 0
                target: 10
                current: 5
          - id: activation
            title: "Activation {IMG}"
            key_results:
              - id: activation.kr1
                statement: Lift week-1 activation from 42% to 65%
                current: 58.1
              - id: activation.kr2
                statement: Reduce time-to-first-value from 5 days to 2 days
        kpis:
          - name: "{XSS}"
            threshold: 5
            value: 4
        """,
    )


def test_user_text_is_escaped(checked_in):
    page = build_report(checked_in, title=XSS)
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "<svg" in page  # the chart of the two scored KRs


def test_scores_come_from_the_file_and_the_statement(checked_in):
    page = build_report(checked_in)
    row = next(line for line in page.splitlines() if "activation.kr1" in line and "<td" in line)
    # 42 -> 65 read from the statement, 58.1 checked in.
    assert ">42<" in row and ">65<" in row and ">58.1<" in row
    assert "0.70" in row and "green" in row
    row = next(line for line in page.splitlines() if "evil.kr2" in line and "<td" in line)
    assert "0.50" in row and "yellow" in row
    row = next(line for line in page.splitlines() if "activation.kr2" in line and "<td" in line)
    assert "no check-in yet" in row
    assert not re.search(r"\d\.\d\d <span", row)


def test_kr_that_cannot_be_scored_says_why(tmp_path):
    path = _write(
        tmp_path,
        """
        objectives:
          - id: o
            title: Grow
            key_results:
              - id: o.kr1
                statement: Open 12 new retail locations
                current: 4
        """,
    )
    page = build_report(path)
    row = next(line for line in page.splitlines() if "o.kr1" in line and "<td" in line)
    assert "not scored: no baseline" in row
    assert "no check-in yet" not in row


def test_accepts_an_okrfile_and_a_csv(tmp_path):
    source = okr.read_okr_file(SAMPLE)
    assert "activation.kr1" in build_report(source)
    csv = tmp_path / "krs.csv"
    csv.write_text(
        "objective_id,objective,kr_id,statement,baseline,target,current\n"
        "o,Grow,o.kr1,Grow ARR,10,20,15\n",
        encoding="utf-8",
    )
    page = build_report(csv)
    assert "0.50" in page and "The file lists no KPIs" in page


def test_plan_section_only_with_a_plan(sample_page):
    assert "Migration plan" not in sample_page
    plan = okr.plan_migration(["Sales", "Support", "Product"], "2026Q1")
    page = build_report(SAMPLE, plan=plan)
    section = page.split("<h2>Migration plan</h2>")[1]
    assert "Sales" in section and "2026Q1" in section and "<svg" in section


def test_write_report_is_atomic_and_leaves_input_alone(tmp_path):
    source = tmp_path / "okrs.yaml"
    shutil.copy(SAMPLE, source)
    before = source.read_bytes()
    out = write_report(source, tmp_path / "report.html", title="Q3", on="2026-09-30")
    assert out == tmp_path / "report.html"
    assert out.read_text(encoding="utf-8") == build_report(source, title="Q3", on="2026-09-30")
    assert source.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["okrs.yaml", "report.html"]
    # Overwriting an older report is fine.
    write_report(source, out)
    assert "<h1>OKR report: okrs.yaml</h1>" in out.read_text(encoding="utf-8")


def test_write_report_refuses_to_overwrite_the_input(tmp_path):
    source = tmp_path / "okrs.yaml"
    shutil.copy(SAMPLE, source)
    before = source.read_bytes()
    for target in (source, tmp_path / "." / "okrs.yaml"):
        with pytest.raises(okr.OKRDataError, match="input file"):
            write_report(source, target)
    with pytest.raises(okr.OKRDataError, match="input file"):
        write_report(okr.read_okr_file(source), source)
    assert source.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["okrs.yaml"]


def test_failed_replace_leaves_no_temp_file(tmp_path, monkeypatch):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    old = out_dir / "report.html"
    old.write_text("<!DOCTYPE html><p>old report", encoding="utf-8")

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        write_report(SAMPLE, old)
    assert [p.name for p in out_dir.iterdir()] == ["report.html"]
    assert old.read_text(encoding="utf-8") == "<!DOCTYPE html><p>old report"


@pytest.mark.skipif(
    os.name != "posix" or getattr(os, "geteuid", lambda: 0)() == 0,
    reason="needs POSIX permissions and a non-root user",
)
def test_read_only_folder_leaves_nothing(tmp_path):
    out_dir = tmp_path / "ro"
    out_dir.mkdir()
    out_dir.chmod(0o555)
    try:
        with pytest.raises(PermissionError):
            write_report(SAMPLE, out_dir / "report.html")
        assert list(out_dir.iterdir()) == []
    finally:
        out_dir.chmod(0o755)


def test_bad_input_raises_before_writing(tmp_path):
    bad = _write(tmp_path, "objectives: 3\n", name="bad.yaml")
    with pytest.raises(okr.OKRDataError):
        write_report(bad, tmp_path / "report.html")
    assert [p.name for p in tmp_path.iterdir()] == ["bad.yaml"]


def test_import_is_cheap():
    import subprocess
    import sys

    code = "import sys, okr_toolkit.present.report; print('altair' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_pacing_section_for_a_file_with_checkins():
    from okr_toolkit.workspace import pacing_table

    acme = okr.datasets.load_acme_okrs()
    table = pacing_table(acme)
    assert len(table) == len(acme.okrs) == 33
    assert set(table["as_of"]) == {"2026-08-17"}  # the latest check-in, not the clock
    # The expected progress is the library's straight line for 2026Q3.
    expected = okr.core.expected_progress("2026-08-17", "2026-07-01", "2026-09-30")
    assert table["expected"].tolist() == pytest.approx([expected] * 33)
    behind = (table["score"] - table["expected"]).round(
        9
    ) < -okr.core.DEFAULT_SETTINGS.pacing_tolerance
    assert (table.loc[behind, "pace"] == "behind").all() and behind.any()
    assert table["forecast_score"].between(0, 1).all()
    page = okr.present.report.build_report(acme)
    assert "Pacing: where each key result is heading" in page
    assert "As of <time>2026-08-17</time>" in page


def test_pacing_uses_only_checkins_up_to_the_report_date():
    from okr_toolkit.workspace import pacing_table

    acme = okr.datasets.load_acme_okrs()
    early = pacing_table(acme, on="2026-07-20")
    late = pacing_table(acme)
    assert early["n_checkins"].max() < late["n_checkins"].max()
    assert (early["expected"] < late["expected"]).all()


def test_pacing_section_without_checkins_says_why():
    page = okr.present.report.build_report(SAMPLE)
    assert "nothing to pace" in page


def test_an_objective_with_no_key_results_is_listed_not_dropped(tmp_path):
    # Issue 13: an objective with no KRs disappeared from the report.
    from okr_toolkit import Workspace
    from okr_toolkit.present.report import build_report

    path = tmp_path / "okrs.yaml"
    path.write_text(
        "objectives:\n"
        "  - id: growth\n    title: Grow\n    key_results:\n"
        "      - statement: Lift activation from 42% to 65%\n        current: 50\n"
        "  - id: brand\n    title: Be known for quality\n"
    )
    ws = Workspace.open(path)
    assert ws.empty_objectives["objective_id"].tolist() == ["brand"]
    assert ws.counts["objectives"] == 2
    page = build_report(ws)
    assert "Be known for quality" in page
    assert "no key results yet" in page


def test_a_report_of_many_key_results_draws_a_histogram_not_a_bar_each(tmp_path):
    # Issue 13: okr report on 2,000 KRs died inside the chart renderer.
    from okr_toolkit.present.charts import to_svg
    from okr_toolkit.present.report import MAX_BARS, report_charts

    lines = ["objectives:"]
    for o in range(100):
        lines += [f"  - id: o{o}", f"    title: Objective {o}", "    key_results:"]
        for k in range(5):
            lines += [f"      - statement: Lift signups from 100 to {200 + k}",
                      f"        current: {100 + (o * 5 + k) % 100}"]  # fmt: skip
    path = tmp_path / "big.yaml"
    path.write_text("\n".join(lines) + "\n")
    charts = report_charts(path)
    spec = charts["kr_scores"].to_dict()
    assert spec["mark"]["type"] == "rect"
    assert (
        sum(row["key results"] for row in spec["datasets"][spec["data"]["name"]]) == 500 > MAX_BARS
    )
    assert to_svg(charts["kr_scores"]).startswith("<svg")
