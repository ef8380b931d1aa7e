"""Issue 13 symptoms that had no test of their own; docs/messy-input-tests.md maps them.

Each test checks the fixed behaviour through the public API or the ``okr`` command, with
the issue's own example where it gives one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from statistics import NormalDist

import pandas as pd
import pytest

import okr_toolkit as okr
from okr_toolkit import scenarios as sc
from okr_toolkit.cli import main
from okr_toolkit.planning import plan_migration
from okr_toolkit.scenarios.simulation import MAX_PATHS

EU_LEADS = "Increase inbound leads from EU by 50%"


def test_a_relative_kr_is_scored_from_the_baseline_in_the_file(tmp_path: Path, capsys) -> None:
    # "by 50%" of a baseline of 200 is a target of 300; 250 is half-way there.
    row = {"kr_id": "eu.kr1", "statement": EU_LEADS, "baseline": 200, "current": 250}
    card = okr.scorecard(pd.DataFrame([row])).iloc[0]
    assert (card["target"], card["score"], card["status"]) == (300.0, 0.5, "")
    path = tmp_path / "okrs.yaml"
    path.write_text(
        "objectives:\n  - id: eu\n    title: Win Europe\n    key_results:\n"
        f"      - statement: {EU_LEADS}\n        baseline: 200\n        current: 250\n",
        encoding="utf-8",
    )
    read = okr.read_okr_file(path)
    assert okr.scorecard(read.okrs)["score"].tolist() == [0.5]
    assert main(["score", str(path), "--format", "json"]) == 0
    (scored,) = json.loads(capsys.readouterr().out)
    assert (scored["target"], scored["score"]) == (300.0, 0.5)


def test_okr_lint_exits_0_on_metrics_named_annual_or_after_pay(tmp_path: Path, capsys) -> None:
    # Issue 13: OKR106 and OKR107 were errors on these statements and `okr lint` exited 1.
    path = tmp_path / "okrs.yaml"
    path.write_text(
        "objectives:\n  - id: rev\n    title: Grow revenue\n    key_results:\n"
        "      - statement: Grow annual recurring revenue from $2M to $3M this quarter\n"
        "      - statement: Cut sales-commission payout errors from 5% to 1%\n",
        encoding="utf-8",
    )
    assert main(["lint", str(path)]) == 0
    out = capsys.readouterr().out
    assert "0 errors" in out
    assert "OKR106" not in out and "OKR107" not in out


@pytest.mark.parametrize("start", ["2026Q2", "2026Q3"])
def test_a_plan_started_mid_year_holds_the_year_end_review_in_q4(start: str) -> None:
    # Issue 13: a plan started in Q3 put the "year-end MBO review" in 2027Q2.
    plan = plan_migration(["Sales", "Support"], start)
    year_end = plan[plan["milestone"].str.contains("year-end", case=False)]
    assert not year_end.empty
    assert year_end["quarter"].unique().tolist() == ["2026Q4"]
    assert year_end["milestone"].str.contains("the last annual target verdict").all()


def test_simulate_kr_answers_exactly_without_a_large_sample() -> None:
    # The end of a Gaussian walk is normal: one path gives the exact chances and percentiles.
    sim = sc.simulate_kr(42, 65, 48, 6, drift=1.0, volatility=1.0, threshold=50, paths=1, seed=1)
    end = NormalDist(48 + 6 * 1.0, 1.0 * 6**0.5)
    assert sim.p_success == pytest.approx(1 - end.cdf(42 + 0.7 * (65 - 42)), abs=1e-12)
    assert sim.p_threshold == pytest.approx(1 - end.cdf(50), abs=1e-12)
    for q, value in sim.percentiles["value"].items():
        assert value == pytest.approx(end.inv_cdf(q / 100), abs=1e-9)
        assert sim.percentiles["score"][q] == pytest.approx((value - 42) / (65 - 42), abs=1e-9)
    assert len(sim.end_values) == 1


def test_simulate_kr_refuses_one_path_more_than_max_paths() -> None:
    assert MAX_PATHS == 10**7
    with pytest.raises(ValueError, match=r"`paths` 10,000,001 would hold .*at most 10,000,000"):
        sc.simulate_kr(42, 65, 48, 6, drift=1.0, volatility=1.0, paths=MAX_PATHS + 1)


def test_score_and_lint_both_read_rows_with_trailing_empty_cells(tmp_path: Path, capsys) -> None:
    # Issue 13: `okr score` read the CSV with pandas first and refused a row with two
    # trailing empty cells (exit 2) that `okr lint` read as an OKR file.
    path = tmp_path / "okrs.csv"
    path.write_text(
        "objective_id,objective,kr_id,statement,baseline,target,current\n"
        "o,Grow,o.kr1,Lift x from 1 to 10,1,10,4\n"
        "o,Grow,o.kr2,Lift y from 1 to 10,1,10,5,,\n",
        encoding="utf-8",
    )
    assert main(["score", str(path), "--format", "json"]) == 0
    scored = json.loads(capsys.readouterr().out)
    assert [(r["kr_id"], round(r["score"], 2)) for r in scored] == [
        ("o.kr1", 0.33),
        ("o.kr2", 0.44),
    ]
    assert main(["lint", str(path)]) == 0
    assert "0 errors" in capsys.readouterr().out


def test_okr_score_locates_a_ragged_row_as_okr_lint_does(tmp_path: Path, capsys) -> None:
    # Issue 13: `okr score` said pandas' "Error tokenizing data. C error: Expected 7
    # fields in line 3, saw 8"; now both commands give the reader's located message.
    path = tmp_path / "okrs.csv"
    path.write_text(
        "objective_id,objective,kr_id,statement,baseline,target,current\n"
        "o,Grow,o.kr1,Lift x from 1 to 10,1,10,4\n"
        "o,Grow,o.kr2,Lift y from 1 to 10,1,10,5,oops\n",
        encoding="utf-8",
    )
    said = f"okr: {path} row 3: row 3 has 8 cells but the header has 7 columns"
    for command in ("score", "lint"):
        assert main([command, str(path)]) == 2
        err = capsys.readouterr().err
        assert err.startswith(said) and "tokenizing" not in err, command


@pytest.mark.parametrize("value", [True, 1 + 1j])
def test_the_scorecard_refuses_a_flag_or_a_complex_number_as_current(value) -> None:
    row = {"kr_id": "a", "statement": "Lift x", "baseline": 0.0, "target": 10.0, "current": value}
    card = okr.scorecard(pd.DataFrame([row])).iloc[0]
    assert pd.isna(card["score"])
    assert card["status"] == f"not scored: current {value!r} is not a number"


def test_a_flag_inside_a_plain_list_is_not_taken_as_one() -> None:
    with pytest.raises(okr.OKRDataError, match="row 0: current is True/False"):
        okr.score([True, 5.0], 0, 10)
    with pytest.raises(okr.OKRDataError, match="row 0: value True is True/False"):
        okr.kpi_status([True, 50.0], 40)
    with pytest.raises(okr.OKRDataError, match=r"row 0: value \(1\+0j\) is complex"):
        okr.kpi_status([1 + 0j, 50], 40)
    assert okr.score([1.0, 5.0], 0, 10).tolist() == [0.1, 0.5]


def test_confidences_of_only_0_and_1_need_their_scale_said() -> None:
    past = pd.DataFrame({"confidence": [1, 0, 1, 0, 1], "score": [0, 0, 0, 0.2, 0.1]})
    with pytest.raises(okr.OKRDataError, match=r"holds only 0 and 1.*scale='0-10'"):
        sc.confidence_calibration(past)
    assert sc.confidence_calibration(past, scale="0-10").brier == pytest.approx(0.006)
    assert sc.confidence_calibration(past, scale="0-1").brier == pytest.approx(0.6)


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        ("12/28/2025", "write 2025-12-28 (28 December), as YYYY-MM-DD"),
        ("03/04/2026", "it could be 3 April or 4 March"),
    ],
)
def test_the_cores_date_refusal_names_the_readings(text, fix) -> None:
    with pytest.raises(okr.OKRDataError, match=re.escape(fix)):
        okr.core.expected_progress(text, "2026-01-01", "2026-03-31")
