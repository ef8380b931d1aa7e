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


@pytest.mark.parametrize(
    ("statement", "baseline", "target"),
    [
        ("Raise CSAT from 3,8 to 4,5", 3.8, 4.5),  # was 3 -> 4
        ("Improve app store rating from 4,1 to 4,6", 4.1, 4.6),  # was 4 -> 4, "no change"
        ("Cut median page load from 3,2s to 1,5s", 3.2, 1.5),
        ("Grow DAU/MAU ratio from 0,25 to 0,4", 0.25, 0.4),
        ("Cut churn from 2,5% to 1,8%", 2.5, 1.8),
    ],
)
def test_a_decimal_comma_in_a_statement_is_read_and_said(statement, baseline, target):
    reading = okr.parse_statement(statement)
    assert (reading.baseline, reading.target) == pytest.approx((baseline, target))
    assert any(n.startswith("number read:") and "decimal comma" in n for n in reading.notes)


@pytest.mark.parametrize(
    "statement",
    ["Grow users from 1,500 to 2,000", "Grow users from 1.000.000 to 1.250.000",
     "Raise MRR from 6,50,000 to 8,00,000", "Cut p99 latency from 0.800 s to 0.350 s"],
)  # fmt: skip
def test_numbers_that_read_one_way_only_carry_no_note(statement):
    assert not [n for n in okr.parse_statement(statement).notes if n.startswith("number read:")]


def test_three_decimals_that_could_be_a_thousands_group_are_said_with_the_other_reading():
    reading = okr.parse_statement("Raise revenue from 1.500 to 2.000 EUR")
    assert (reading.baseline, reading.target) == (1.5, 2.0)
    assert "number read: '1.500' as 1.5 (a decimal point: if it means 1500, write 1500)" in (
        reading.notes
    )


def test_the_scorecard_says_how_a_statements_numbers_were_read():
    card = scorecard(
        pd.DataFrame(
            [
                {"kr_id": "a", "statement": "Raise CSAT from 3,8 to 4,5", "current": 4.1},
                {
                    "kr_id": "b",
                    "statement": "Raise CSAT from 3,8 to 4,5",
                    "current": 4.1,
                    "baseline": 3.8,
                    "target": 4.5,
                },
            ]
        )
    ).set_index("kr_id")
    assert card.loc["a", "score"] == pytest.approx(0.3 / 0.7)
    assert card.loc["a", "note"] == (
        "number read: '3,8' as 3.8 (a decimal comma); number read: '4,5' as 4.5 (a decimal comma)"
    )
    # Numbers given in the file are the file's: the statement's reading is not used, not said.
    assert card.loc["b", "note"] == ""
