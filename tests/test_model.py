"""Frozen single items and the tidy key-results table (okr_toolkit.core.model)."""

from __future__ import annotations

import dataclasses

import pytest

from okr_toolkit import KPI, KeyResult, Objective, OKRDataError, rollup
from okr_toolkit.core import objectives_to_frame, score_krs
from okr_toolkit.vocab import DIRECTIONS, OKR_COLUMNS

# (keyword arguments, inferred or given direction, score, grade)
KR_CASES = [
    # OKR vs KPI vs MBO: activation 42 -> 65 at 58.1
    (dict(baseline=42, target=65, current=58.1), "increase", 0.7, "green"),
    # OKR vs KPI vs MBO: sales cycle 45 -> 30 days at 36
    (dict(baseline=45, target=30, current=36), "decrease", 0.6, "yellow"),
    # KPI vs OKR — the difference that matters: first response 6 h -> 45 min, not moved yet
    (dict(baseline=6, target=0.75, current=6), "decrease", 0.0, "red"),
    # OKR vs KPI vs MBO: post-discovery satisfaction 80%+, a threshold with no baseline
    (dict(target=80, current=82, direction="stay_above"), "stay_above", 1.0, "green"),
    (dict(target=2, current=2.5, baseline=3, direction="stay_below"), "stay_below", 0.5, "yellow"),
    (dict(current=1, direction="milestone"), "milestone", 1.0, "green"),
]


@pytest.mark.parametrize(("kwargs", "direction", "expected", "label"), KR_CASES)
def test_key_result(kwargs, direction, expected, label):
    kr = KeyResult("kr", "title", **kwargs)
    assert kr.direction == direction
    assert kr.score() == pytest.approx(expected)
    assert kr.grade() == label


def test_key_result_score_at_another_value_and_method():
    kr = KeyResult("kr1", "Lift activation", baseline=42, target=65, current=58.1)
    assert kr.score(65) == 1.0
    assert kr.score(75, method="uncapped") == pytest.approx(33 / 23)
    assert kr.score(65, method="pass_fail") == 0.0


def test_key_result_is_frozen_and_replace_derives_variants():
    kr = KeyResult("kr1", "Lift activation", baseline=42, target=65, current=58.1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        kr.current = 60  # type: ignore[misc]
    later = dataclasses.replace(kr, current=65)
    assert later.score() == 1.0 and kr.score() == pytest.approx(0.7)


def test_key_result_without_current_yet():
    kr = KeyResult("kr1", "Lift activation", baseline=42, target=65)
    with pytest.raises(OKRDataError, match=r"'kr1'.*current is missing"):
        kr.score()


def test_objective_and_frame():
    o1 = Objective(
        "activation",
        "Make the first week so valuable customers can't go back",
        key_results=(
            KeyResult("kr1", "Lift week-1 activation", 42, 65, 58.1, unit="%", kpi="activation"),
            KeyResult("kr2", "Cut time to first value", 5, 2, 4, unit="days", weight=2),
        ),
    )
    o2 = Objective(
        "pipeline",
        "Fill the pipeline",
        key_results=(
            KeyResult(
                "kr3",
                "Satisfaction 80%+",
                target=80,
                current=82,
                direction="stay_above",
                committed=True,
            ),
        ),
        parent_id="activation",
    )
    frame = objectives_to_frame([o1, o2])
    assert frame.columns.tolist() == list(OKR_COLUMNS)
    assert frame["objective_id"].tolist() == ["activation", "activation", "pipeline"]
    assert frame["kr_id"].tolist() == ["kr1", "kr2", "kr3"]
    assert frame["direction"].tolist() == ["increase", "decrease", "stay_above"]
    assert frame["direction"].cat.categories.tolist() == list(DIRECTIONS)
    assert frame["baseline"].dtype == float and frame["weight"].dtype == float
    assert frame["committed"].tolist() == [False, False, True]
    scored = score_krs(frame)
    assert scored["score"].tolist() == pytest.approx([0.7, 1 / 3, 1.0])
    # activation: (0.7*1 + 1/3*2) / 3
    assert rollup(scored)["score"].tolist() == pytest.approx([(0.7 + 2 / 3) / 3, 1.0])


def test_objectives_to_frame_empty():
    frame = objectives_to_frame([])
    assert frame.columns.tolist() == list(OKR_COLUMNS)
    assert len(frame) == 0
    assert len(objectives_to_frame([Objective("o", "no KRs yet")])) == 0


def test_objective_rejects_repeated_kr_ids():
    kr = KeyResult("kr1", "t", 0, 1)
    with pytest.raises(OKRDataError, match=r"'o'.*\['kr1'\] repeat"):
        Objective("o", "t", key_results=(kr, kr))


# (threshold, better, value, status)
KPI_CASES = [
    (50, "higher", 42, "breached"),  # OKR vs KPI vs MBO: activation under its 50% line
    (50, "higher", 58.1, "healthy"),
    (30, "lower", 32, "breached"),
    (30, "lower", 29, "at_risk"),
]


@pytest.mark.parametrize(("threshold", "better", "value", "expected"), KPI_CASES)
def test_kpi(threshold, better, value, expected):
    assert KPI("k", threshold, better=better, unit="%").status(value) == expected


def test_same_metric_as_kpi_and_kr():
    # OKR vs KPI vs MBO; KPI vs OKR — the difference that matters: "maintain above 50" is
    # the KPI, "42 -> 65" the KR on the same metric
    kpi = KPI("activation", threshold=50)
    kr = KeyResult("kr1", "Lift activation", baseline=42, target=65, current=50, kpi="activation")
    assert kpi.status(kr.current) == "at_risk"
    assert kr.score() == pytest.approx(8 / 23)  # ≈ 0.35 clears the KPI line
    assert kr.grade() == "red"
