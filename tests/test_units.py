"""A KR's numbers in one unit, and numbers written in other conventions (issue 13)."""

from __future__ import annotations

import pandas as pd
import pytest

import okr_toolkit as okr
from okr_toolkit.core import scorecard

RESPONSE = "Reduce median first response time from 6h to 45 min"


def _card(**kr: object) -> pd.Series:
    row = {"kr_id": "support.kr1", "statement": RESPONSE, **kr}
    return scorecard(pd.DataFrame([row])).iloc[0]


def test_a_mixed_duration_statement_with_no_unit_is_not_scored_silently():
    # Issue 13: current 2.3 (hours) against 360 -> 45 (minutes) scored 1.00 green.
    row = _card(current=2.3)
    assert pd.isna(row["score"])
    assert row["status"].startswith("not scored: the statement mixes hours and minutes")
    assert "add unit: minutes" in row["status"]


@pytest.mark.parametrize(
    ("unit", "current", "baseline", "target"),
    [("hours", 2.3, 6.0, 0.75), ("h", 2.3, 6.0, 0.75), ("minutes", 138, 360.0, 45.0)],
)
def test_the_statement_is_read_in_the_unit_the_kr_names(unit, current, baseline, target):
    row = _card(current=current, unit=unit)
    assert (row["baseline"], row["target"]) == pytest.approx((baseline, target))
    assert row["score"] == pytest.approx((current - baseline) / (target - baseline))
    assert row["status"] == ""
    if baseline == 6.0:
        assert row["note"] == (
            "baseline and target read from the statement in minutes, converted to the "
            "key result's hours"
        )
    else:
        assert row["note"] == ""


def test_a_statement_in_one_duration_is_converted_to_the_kr_unit_too():
    row = scorecard(
        pd.DataFrame(
            [
                {
                    "kr_id": "a",
                    "statement": "Cut response time from 5 hours to 2 hours",
                    "current": 180,
                    "unit": "minutes",
                }
            ]
        )
    ).iloc[0]
    assert (row["baseline"], row["target"]) == (300.0, 120.0)
    assert row["score"] == pytest.approx(120 / 180)


@pytest.mark.parametrize(
    ("statement", "unit"),
    [("Cut onboarding from 14 days to 7 days", "%"), ("Grow ARR from $2M to $3M", "€")],
)
def test_units_that_cannot_be_converted_are_refused_with_the_reason(statement, unit):
    row = scorecard(
        pd.DataFrame([{"kr_id": "a", "statement": statement, "current": 10, "unit": unit}])
    ).iloc[0]
    assert pd.isna(row["score"])
    assert "but the key result is measured in" in row["status"]


def test_numbers_given_in_the_file_are_taken_as_they_are():
    row = _card(current=2.3, baseline=6, target=0.75)
    assert row["status"] == "" and row["note"] == ""


@pytest.mark.parametrize(
    ("text", "baseline", "target"),
    [
        ("Grow users from 1.000.000 to 1.500.000", 1_000_000, 1_500_000),  # issue 13: 1.0
        ("Lift revenue from €1.250,50 to €2.000,75", 1250.5, 2000.75),
        ("Raise MRR from ₹6,50,000 to ₹1,20,00,000", 650_000, 12_000_000),
        ("Grow from 12,500,000 to 15,000,000 users", 12_500_000, 15_000_000),
        ("Grow from 1.5M to 2.25M users", 1_500_000, 2_250_000),
    ],
)
def test_thousands_in_every_grouping_are_read_as_written(text, baseline, target):
    reading = okr.parse_statement(text)
    assert (reading.baseline, reading.target) == (baseline, target)


def test_the_reader_says_when_it_converted_mixed_durations():
    reading = okr.parse_statement(RESPONSE)
    assert (reading.baseline, reading.target, reading.unit) == (360.0, 45.0, "minutes")
    assert reading.notes == ("mixed units: hours and minutes, both read in minutes",)
    frame = okr.statements.classify_statements([RESPONSE, "Grow NPS from 32 to 48"])
    assert frame["notes"].tolist() == [reading.notes[0], ""]


def test_okr_score_says_the_conversion_and_refuses_the_unclear_unit(tmp_path, capsys):
    from okr_toolkit.cli import main

    path = tmp_path / "okrs.yaml"
    path.write_text(
        "objectives:\n  - id: support\n    title: Answer fast\n    key_results:\n"
        f"      - statement: {RESPONSE}\n        current: 2.3\n        unit: hours\n"
        f"      - statement: {RESPONSE}\n        current: 2.3\n"
    )
    assert main(["score", str(path)]) == 1
    captured = capsys.readouterr()
    assert (
        "note: support.kr1: baseline and target read from the statement in minutes" in captured.out
    )
    assert "support.kr2' not scored: the statement mixes hours and minutes" in captured.err
