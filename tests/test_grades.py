"""Grades, success bars and plain-language readings (okr_toolkit.core.grades)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from okr_toolkit import Settings, grade, score
from okr_toolkit.core import (
    GRADES,
    HistoryInterpretation,
    interpret_history,
    interpret_score,
    is_success,
)
from okr_toolkit.exceptions import OKRDataError

# (score, expected grade): bands red < 0.4 <= yellow < 0.7 <= green
# [KPI vs OKR — the difference that matters; design]
GRADE_CASES = [
    (0.0, "red"),
    (0.3, "red"),  # top of the printed red band 0.0-0.3
    (0.35, "red"),  # between the printed bands: red is score < 0.4
    (0.3999999, "red"),
    (0.4, "yellow"),  # bottom of the printed yellow band 0.4-0.6
    (0.6, "yellow"),
    (0.65, "yellow"),  # between 0.6 and 0.7
    (0.6999999, "yellow"),  # 1e-7 below 0.7 is a real shortfall
    (0.7, "green"),  # OKR vs KPI vs MBO/003: 0.7 counts as success
    (0.7000000000000001, "green"),  # (58.1-42)/(65-42) in floating point
    (0.6999999999999998, "green"),  # (4.1-2)/(5-2) in floating point: still 0.7
    (1.0, "green"),
]


@pytest.mark.parametrize("value", [1.5, -0.5, 7, 65.0, True])
def test_scores_off_the_zero_to_one_scale_are_refused(value):
    # Issue 13: a 0-10 score of 7 graded green; uncapped scores are clipped by the caller.
    with pytest.raises(OKRDataError, match=r"0\.0-1\.0 scale|True/False"):
        grade(value)
    with pytest.raises(OKRDataError):
        is_success(value)


def test_the_refusal_says_which_scale_it_looks_like():
    with pytest.raises(OKRDataError, match=r"0-10 scale, divide by 10"):
        grade(7)
    with pytest.raises(OKRDataError, match=r"percent\) scale, divide by 100"):
        grade([0.5, 65.0])
    assert grade(np.clip(1.5, 0, 1)) == "green"


@pytest.mark.parametrize(("value", "expected"), GRADE_CASES)
def test_grade_bands(value, expected):
    assert grade(value) == expected


@pytest.mark.parametrize(
    ("current", "baseline", "target"),
    [
        (58.1, 42, 65),  # OKR vs KPI vs MBO activation: 0.7000000000000001
        (4.1, 2, 5),  # 0.6999999999999998
        (8.2, 4, 10),  # 0.6999999999999998
        (7.7, 0, 11),  # 0.7000000000000001
    ],
)
def test_computed_0_7_grades_green_and_succeeds(current, baseline, target):
    s = score(current, baseline, target)
    assert s != 0.7 or (current, baseline, target) == (58.1, 42, 65)
    assert grade(s) == "green"
    assert is_success(s)
    assert interpret_score(s).startswith("0.70 (green): success")


def test_grades_published_worst_first():
    assert GRADES == ("red", "yellow", "green")


def test_grade_series_is_ordered_categorical_with_index():
    s = pd.Series([0.2, 0.5, 0.9], index=["a", "b", "c"])
    g = grade(s)
    assert isinstance(g, pd.Series)
    assert g.name == "grade"
    assert g.index.tolist() == ["a", "b", "c"]
    assert g.tolist() == ["red", "yellow", "green"]
    assert g.cat.ordered
    assert (g < "green").tolist() == [True, True, False]  # red < yellow < green
    assert g.max() == "green"


def test_grade_array_and_list():
    out = grade(np.array([0.1, 0.45, 0.7]))
    assert isinstance(out, np.ndarray)
    assert out.tolist() == ["red", "yellow", "green"]
    assert grade([0.69, 0.71]).tolist() == ["yellow", "green"]


def test_grade_empty():
    assert grade(np.array([])).shape == (0,)
    assert len(grade(pd.Series([], dtype=float))) == 0


def test_grade_custom_settings():
    strict = dataclasses.replace(Settings(), yellow_from=0.5, green_from=0.8)
    assert [grade(x, settings=strict) for x in (0.45, 0.7, 0.8)] == ["red", "yellow", "green"]


# (score, committed, expected): aspirational succeeds at 0.7, committed at 1.0
# [OKR vs KPI vs MBO; KPI vs OKR — the difference that matters]
SUCCESS_CASES = [
    (0.7, False, True),
    (0.69, False, False),
    (0.7000000000000001, False, True),
    (0.6999999999999998, False, True),
    (1.0, False, True),
    (0.7, True, False),
    (0.99, True, False),
    (1.0, True, True),
    (0.9999999999999999, True, True),  # floating-point 1.0
]


@pytest.mark.parametrize(("value", "committed", "expected"), SUCCESS_CASES)
def test_is_success(value, committed, expected):
    assert is_success(value, committed=committed) is expected


def test_is_success_per_row_committed_and_series():
    s = pd.Series([0.7, 0.7, 1.0], index=["x", "y", "z"])
    out = is_success(s, committed=[False, True, True])
    assert out.tolist() == [True, False, True]
    assert out.index.tolist() == ["x", "y", "z"]
    assert out.name == "success"
    arr = is_success(np.array([0.5, 0.8]))
    assert arr.tolist() == [False, True]


def test_is_success_custom_bar():
    assert not is_success(0.7, settings=Settings(aspirational_success=0.75))


# (score, committed, start of the reading)
READ_CASES = [
    (1.0, False, "1.00 (green): target fully reached"),
    (0.7, False, "0.70 (green): success for a stretch key result"),
    (0.85, False, "0.85 (green): success for a stretch key result"),
    (0.5, False, "0.50 (yellow): real progress, short of the 0.7 mark"),
    (0.2, False, "0.20 (red): little movement. Start a conversation"),
    (1.0, True, "1.00 (green): delivered, as a committed key result should be"),
    (0.9, True, "0.90 (green): short of 1.0 on a committed key result"),
]


@pytest.mark.parametrize(("value", "committed", "start"), READ_CASES)
def test_interpret_score(value, committed, start):
    assert interpret_score(value, committed=committed).startswith(start)


def test_interpret_score_says_low_scores_are_not_a_penalty():
    # OKR vs KPI vs MBO/003: low scores start a conversation, not a penalty
    assert "not a penalty" in interpret_score(0.1)


# (history, label): sandbagging, over-reaching or a healthy stretch
HISTORY_CASES = [
    ([1.0, 1.0, 0.9, 1.0], "not_ambitious"),  # 75% at 1.0: "consistently 1.0"
    ([1.0, 0.5], "not_ambitious"),  # exactly sandbagging_share (50%) at 1.0
    ([1.0, 1.0, 0.0, 0.0], "not_ambitious"),  # the 1.0 rule is read first
    ([0.6, 0.7, 0.65, 0.8], "healthy_stretch"),  # mean 0.69
    ([1.0, 0.6, 0.7], "healthy_stretch"),  # one 1.0 in three is fine
    ([0.1, 0.2, 0.3, 0.1], "over_reaching"),  # mean 0.175 < 0.3
    ([1.0, 0.0, 0.0, 0.0], "over_reaching"),  # 25% at 1.0, mean 0.25
    ([0.3, 0.3, 0.3], "healthy_stretch"),  # mean exactly 0.3 is not below it
    ([0.9999999999999999, 1.0], "not_ambitious"),  # floating-point 1.0 counts as 1.0
]


@pytest.mark.parametrize(("history", "label"), HISTORY_CASES)
def test_interpret_history_labels(history, label):
    assert interpret_history(history).label == label


def test_interpret_history_fields():
    r = interpret_history(pd.Series([1.0, 0.7, 0.4, 0.1]))
    assert isinstance(r, HistoryInterpretation)
    assert r.n == 4
    assert r.mean == pytest.approx(0.55)
    assert r.share_full == 0.25
    assert r.share_green == 0.5
    assert r.label == "healthy_stretch"
    assert "0.55" in r.message
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.label = "x"  # type: ignore[misc]


def test_interpret_history_custom_settings():
    lenient = Settings(sandbagging_share=0.8)
    assert interpret_history([1.0, 1.0, 0.9, 1.0], settings=lenient).label == "healthy_stretch"
    assert (
        interpret_history([0.4, 0.4], settings=Settings(overreach_mean=0.5)).label
        == "over_reaching"
    )
