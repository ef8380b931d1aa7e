"""Scoring rules of okr_toolkit.core.scoring, case by case."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from okr_toolkit import score
from okr_toolkit.core import METHODS, score_krs
from okr_toolkit.core.settings import Settings
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.vocab import DIRECTIONS

nan = np.nan

# (current, baseline, target, direction, method, expected)
CASES = [
    # --- increase, the default clamped method -------------------------------------------
    (58.1, 42, 65, None, "clamped", 0.7),  # OKR vs KPI vs MBO: activation (58.1-42)/(65-42) = 0.70
    # OKR vs KPI vs MBO: KPI threshold check (50-42)/(65-42) ≈ 0.35
    (50, 42, 65, None, "clamped", 8 / 23),
    (42, 42, 65, None, "clamped", 0.0),  # at the baseline: nothing moved
    (65, 42, 65, None, "clamped", 1.0),  # at the target
    (70, 42, 65, None, "clamped", 1.0),  # over-delivery clipped to 1.0
    (30, 42, 65, None, "clamped", 0.0),  # going backwards clipped to 0.0
    # KPI vs OKR — the difference that matters: NPS 32 -> 48, halfway at 40
    (40, 32, 48, None, "clamped", 0.5),
    # KPI vs OKR — the difference that matters: CSAT 3.8 -> 4.5, halfway
    (4.15, 3.8, 4.5, None, "clamped", 0.5),
    # KPI vs OKR — the difference that matters: ARR $2M -> $3M, $2.5M
    (2.5e6, 2e6, 3e6, None, "clamped", 0.5),
    (20, 15, 25, "increase", "clamped", 0.5),  # Do OKRs replace KPIs?: EU conversion 15% -> 25%
    (36.5, 28, 45, "increase", "clamped", 0.5),  # OKR vs KPI vs MBO: week-1 NPS 28 -> 45
    # --- decrease: same formula, target < baseline ----------------------------------------
    (36, 45, 30, None, "clamped", 0.6),  # OKR vs KPI vs MBO: sales cycle 45 -> 30 days, at 36: 9/15
    (36, 45, 30, "decrease", "clamped", 0.6),  # same, direction written out
    (30, 45, 30, None, "clamped", 1.0),  # at the target
    (25, 45, 30, None, "clamped", 1.0),  # beyond the target, clipped
    (50, 45, 30, None, "clamped", 0.0),  # worse than the baseline, clipped
    # KPI vs OKR — the difference that matters: first response 6 h -> 45 min, at 3 h
    (3, 6, 0.75, None, "clamped", 3 / 5.25),
    # OKR vs KPI vs MBO; Do OKRs replace KPIs?: 5 -> 2 (days / hours), at 3.5
    (3.5, 5, 2, None, "clamped", 0.5),
    # --- uncapped: over-delivery above 1, going backwards below 0 --------------------------
    (80, 40, 60, None, "uncapped", 2.0),  # (80-40)/(60-40)
    (30, 40, 60, None, "uncapped", -0.5),  # (30-40)/(60-40)
    (50, 40, 60, None, "uncapped", 0.5),
    (25, 45, 30, None, "uncapped", 20 / 15),  # decrease beyond target: (25-45)/(30-45) ≈ 1.33
    (50, 45, 30, None, "uncapped", -5 / 15),  # decrease going backwards: ≈ -0.33
    # --- negative_to_zero: backwards is 0, over-delivery kept -----------------------------
    (30, 40, 60, None, "negative_to_zero", 0.0),
    (80, 40, 60, None, "negative_to_zero", 2.0),
    (50, 45, 30, None, "negative_to_zero", 0.0),
    (25, 45, 30, None, "negative_to_zero", 20 / 15),
    # --- pass_fail: the target must be strictly beaten ------------------------------------
    (60, 40, 60, None, "pass_fail", 0.0),  # reaching the target exactly fails
    (60.5, 40, 60, None, "pass_fail", 1.0),
    (59, 40, 60, None, "pass_fail", 0.0),
    (30, 45, 30, None, "pass_fail", 0.0),  # decrease: exactly at 30 days fails
    (29, 45, 30, None, "pass_fail", 1.0),
    (31, 45, 30, "decrease", "pass_fail", 0.0),
    # --- stay_above: "achieve 80%+ satisfaction" (OKR vs KPI vs MBO) ----------------------
    (82, nan, 80, "stay_above", "clamped", 1.0),  # met
    (80, nan, 80, "stay_above", "clamped", 1.0),  # the boundary counts: 80%+ includes 80
    (79, nan, 80, "stay_above", "clamped", 0.0),  # not met, no baseline: 0
    (75, 70, 80, "stay_above", "clamped", 0.5),  # baseline below the line: (75-70)/(80-70)
    (65, 70, 80, "stay_above", "clamped", 0.0),  # moved away from the line: clipped
    (79, 85, 80, "stay_above", "clamped", 0.0),  # baseline already met it (a lost hold): 0
    (79, 80, 80, "stay_above", "clamped", 0.0),  # baseline exactly at the line met it too
    (90, 70, 80, "stay_above", "uncapped", 1.0),  # met is fully met, never above 1
    (65, 70, 80, "stay_above", "uncapped", -0.5),  # partial credit uses the method's rule
    (65, 70, 80, "stay_above", "negative_to_zero", 0.0),
    (80, nan, 80, "stay_above", "pass_fail", 0.0),  # pass_fail is strict even for thresholds
    (80.1, nan, 80, "stay_above", "pass_fail", 1.0),
    # --- stay_below: "keep churn under 2%" ------------------------------------------------
    (1.5, nan, 2, "stay_below", "clamped", 1.0),
    (2, nan, 2, "stay_below", "clamped", 1.0),  # boundary counts
    (2.5, nan, 2, "stay_below", "clamped", 0.0),  # not met, no baseline
    (2.5, 3, 2, "stay_below", "clamped", 0.5),  # from a baseline above the line: (2.5-3)/(2-3)
    (2.5, 1.8, 2, "stay_below", "clamped", 0.0),  # baseline already met it
    (2, nan, 2, "stay_below", "pass_fail", 0.0),
    (1.9, nan, 2, "stay_below", "pass_fail", 1.0),
    # --- milestones: 1 done, 0 not done; baseline and target ignored ----------------------
    (1, nan, nan, "milestone", "clamped", 1.0),
    (0, nan, nan, "milestone", "clamped", 0.0),
    (True, nan, nan, "milestone", "clamped", 1.0),
    (False, 0, 1, "milestone", "clamped", 0.0),
    (1, 5, 5, "milestone", "clamped", 1.0),  # target == baseline is fine: they are ignored
    (1, nan, nan, "milestone", "pass_fail", 1.0),
    (0, nan, nan, "milestone", "uncapped", 0.0),
]


@pytest.mark.parametrize(
    ("current", "baseline", "target", "direction", "method", "expected"), CASES
)
def test_score_cases(current, baseline, target, direction, method, expected):
    got = score(current, baseline, target, direction, method=method)
    assert isinstance(got, float)
    assert got == pytest.approx(expected, abs=1e-12)


def test_methods_and_directions_are_published():
    assert METHODS == ("clamped", "uncapped", "negative_to_zero", "pass_fail")
    assert DIRECTIONS == ("increase", "decrease", "stay_above", "stay_below", "milestone")


def test_activation_score_is_0_7_to_machine_precision():
    # OKR vs KPI vs MBO: (58.1-42)/(65-42) is 0.7000000000000001 in floating point
    assert score(58.1, 42, 65) == (58.1 - 42) / (65 - 42)


# --- scalars, arrays and Series in and out -------------------------------------------------


def test_ndarray_in_ndarray_out():
    got = score(np.array([30.0, 50.0, 80.0]), baseline=40, target=60)
    assert isinstance(got, np.ndarray)
    np.testing.assert_allclose(got, [0.0, 0.5, 1.0])


def test_list_in_ndarray_out():
    got = score([30, 50, 80], baseline=40, target=60, method="uncapped")
    assert isinstance(got, np.ndarray)
    np.testing.assert_allclose(got, [-0.5, 0.5, 2.0])


def test_series_in_series_out_keeps_index():
    current = pd.Series([58.1, 36.0], index=["activation", "sales_cycle"])
    got = score(current, baseline=[42.0, 45.0], target=[65.0, 30.0])
    assert isinstance(got, pd.Series)
    assert got.name == "score"
    assert got.index.tolist() == ["activation", "sales_cycle"]
    np.testing.assert_allclose(got.to_numpy(), [0.7, 0.6])


def test_series_are_matched_by_label_not_position():
    # Issue 13: score(Series[k2, k1], Series[k1, k2], ...) scored k2 with k1's numbers.
    current = pd.Series([10.0, 0.0], index=["k2", "k1"])
    baseline = pd.Series([0.0, 0.0], index=["k1", "k2"])
    target = pd.Series([100.0, 10.0], index=["k1", "k2"])
    got = score(current, baseline, target, pd.Series(["increase"] * 2, index=["k1", "k2"]))
    assert got.to_dict() == {"k2": 1.0, "k1": 0.0}


def test_series_with_other_labels_are_refused_not_matched_by_position():
    current = pd.Series([36.0, 58.1], index=[7, 3])
    with pytest.raises(OKRDataError, match=r"baseline is a Series whose index does not match"):
        score(current, pd.Series([45.0, 42.0]), pd.Series([30.0, 65.0]))
    # Plain arrays still go by position.
    got = score(current, np.array([45.0, 42.0]), np.array([30.0, 65.0]))
    assert got.index.tolist() == [7, 3]
    np.testing.assert_allclose(got.to_numpy(), [0.6, 0.7])


def test_a_one_item_list_is_not_broadcast():
    with pytest.raises(ValueError, match=r"current has 1, baseline has 2"):
        score([5.0], baseline=[0, 0], target=[10, 20])
    with pytest.raises(ValueError, match=r"direction has 1 entries but there are 2"):
        score([5.0, 5.0], baseline=[0, 0], target=[10, 20], direction=["increase"])
    np.testing.assert_allclose(score([5.0, 5.0], 0, [10, 20], "increase"), [0.5, 0.25])


@pytest.mark.parametrize("value", [True, np.bool_(False), complex(1, 1), np.complex128(2)])
def test_flags_and_complex_numbers_are_not_values(value):
    with pytest.raises(OKRDataError, match=r"not a number|True/False"):
        score(value, baseline=0, target=2)
    with pytest.raises(OKRDataError, match=r"not a number"):
        score(1.0, baseline=value, target=2)


def test_true_still_marks_a_milestone_done():
    assert score(True, direction="milestone") == 1.0
    assert score(np.array([True, False]), direction="milestone").tolist() == [1.0, 0.0]


@pytest.mark.parametrize(
    ("current", "target", "direction", "expected"),
    [
        (0.58 * 100, 58, "stay_above", 1.0),  # 57.99999999999999: on the line
        (0.29 * 100, 29, "stay_below", 1.0),  # 28.999999999999996
        (0.58 * 100, 58, "increase", 1.0),  # linear, baseline 42
        (57.9, 58, "stay_above", 0.0),
    ],
)
def test_at_the_line_is_on_it(current, target, direction, expected):
    baseline = 42.0 if direction == "increase" else np.nan
    assert score(current, baseline=baseline, target=target, direction=direction) == expected


def test_pass_fail_needs_a_real_beat_not_float_noise():
    assert score(58.00000000000001, 42, 58, method="pass_fail") == 0.0
    assert score(58.1, 42, 58, method="pass_fail") == 1.0


def test_series_of_baselines_with_scalar_current_gives_array():
    got = score(50.0, pd.Series([40.0, 45.0]), 60.0)
    assert isinstance(got, np.ndarray)
    np.testing.assert_allclose(got, [0.5, 5 / 15])


def test_broadcasting_one_current_against_many_targets():
    got = score(50.0, 40.0, np.array([50.0, 60.0, 90.0]))
    np.testing.assert_allclose(got, [1.0, 0.5, 0.2])


def test_empty_in_empty_out():
    assert score(np.array([]), 0.0, 1.0).shape == (0,)
    got = score(pd.Series([], dtype=float), pd.Series([], dtype=float), pd.Series([], dtype=float))
    assert isinstance(got, pd.Series)
    assert len(got) == 0


def test_nullable_float_series_without_missing_values_scores():
    current = pd.Series([50.0, 60.0], dtype="Float64")
    np.testing.assert_allclose(score(current, 40, 60).to_numpy(), [0.5, 1.0])


def test_integer_and_boolean_inputs():
    assert score(np.array([45, 50]), 40, 60).tolist() == [0.25, 0.5]
    milestones = pd.Series([True, False, True])
    assert score(milestones, direction="milestone").tolist() == [1.0, 0.0, 1.0]


# --- per-KR directions: lists, arrays, string and categorical Series ----------------------

MIXED = {
    "current": [58.1, 36.0, 82.0, 2.5, 1.0],
    "baseline": [42.0, 45.0, nan, 3.0, nan],
    "target": [65.0, 30.0, 80.0, 2.0, nan],
    "direction": ["increase", "decrease", "stay_above", "stay_below", "milestone"],
}
MIXED_EXPECTED = [0.7, 0.6, 1.0, 0.5, 1.0]


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(list, id="list"),
        pytest.param(lambda d: np.array(d, dtype=object), id="ndarray"),
        pytest.param(pd.Series, id="str-series"),
        pytest.param(lambda d: pd.Series(d, dtype="category"), id="categorical"),
        pytest.param(
            lambda d: pd.Series(pd.Categorical(d, categories=[*DIRECTIONS, "unused"])),
            id="categorical-unused-category",
        ),
    ],
)
def test_direction_containers_agree(make):
    got = score(
        np.array(MIXED["current"]),
        np.array(MIXED["baseline"]),
        np.array(MIXED["target"]),
        make(MIXED["direction"]),
    )
    np.testing.assert_allclose(got, MIXED_EXPECTED)


def test_single_direction_name_applies_to_all():
    got = score(np.array([50.0, 40.0]), np.array([45.0, 45.0]), np.array([30.0, 30.0]), "decrease")
    np.testing.assert_allclose(got, [0.0, 1 / 3])


def test_direction_inferred_when_absent():
    # target < baseline means decrease; otherwise increase
    got = score(np.array([36.0, 58.1]), np.array([45.0, 42.0]), np.array([30.0, 65.0]))
    np.testing.assert_allclose(got, [0.6, 0.7])


@pytest.mark.parametrize("method", METHODS)
def test_every_method_accepts_mixed_kinds(method):
    got = score(
        np.array(MIXED["current"]),
        np.array(MIXED["baseline"]),
        np.array(MIXED["target"]),
        MIXED["direction"],
        method=method,
    )
    assert got.shape == (5,)
    assert np.isfinite(got).all()
    assert got[-1] == 1.0  # the milestone is done under every method


# --- score_krs -----------------------------------------------------------------------------


@pytest.fixture
def seed_krs() -> pd.DataFrame:
    # the activation objective of "OKR vs KPI vs MBO", plus its sales cycle KR
    return pd.DataFrame(
        {
            "kr_id": ["activation", "time_to_value", "nps", "sales_cycle"],
            "baseline": [42.0, 5.0, 28.0, 45.0],
            "target": [65.0, 2.0, 45.0, 30.0],
            "current": [58.1, 4.0, 30.0, 36.0],
        }
    )


def test_score_krs_values_and_grades(seed_krs):
    out = score_krs(seed_krs)
    # (58.1-42)/23 = 0.70; (4-5)/(2-5) = 0.33; (30-28)/17 = 0.12; (36-45)/(30-45) = 0.6
    np.testing.assert_allclose(out["score"].to_numpy(), [0.7, 1 / 3, 2 / 17, 0.6])
    assert out["grade"].tolist() == ["green", "red", "red", "yellow"]
    assert isinstance(out["grade"].dtype, pd.CategoricalDtype)
    assert out["grade"].cat.ordered
    assert out["grade"].cat.categories.tolist() == ["red", "yellow", "green"]
    assert out.columns.tolist() == [*seed_krs.columns, "score", "grade"]


def test_score_krs_string_and_categorical_direction_agree(seed_krs):
    as_str = seed_krs.assign(direction=["increase", "decrease", "increase", "decrease"])
    as_cat = as_str.assign(
        direction=pd.Categorical(as_str["direction"], categories=list(DIRECTIONS))
    )
    a, b = score_krs(as_str), score_krs(as_cat)
    pd.testing.assert_series_equal(a["score"], b["score"])
    pd.testing.assert_series_equal(a["grade"], b["grade"])


def test_score_krs_keeps_index(seed_krs):
    krs = seed_krs.set_index("kr_id")
    out = score_krs(krs)
    assert out.index.tolist() == ["activation", "time_to_value", "nps", "sales_cycle"]
    assert out.loc["sales_cycle", "score"] == pytest.approx(0.6)


def test_score_krs_custom_column_names():
    krs = pd.DataFrame({"name": ["a"], "start": [40.0], "goal": [60.0], "now": [55.0]})
    out = score_krs(krs, current_col="now", baseline_col="start", target_col="goal", kr_col="name")
    assert out["score"].tolist() == [pytest.approx(0.75)]


def test_score_krs_method_and_settings(seed_krs):
    out = score_krs(seed_krs, method="pass_fail")
    assert out["score"].tolist() == [0.0, 0.0, 0.0, 0.0]
    strict = Settings(green_from=0.8)
    assert score_krs(seed_krs, settings=strict)["grade"].tolist()[0] == "yellow"


def test_score_krs_empty_frame():
    empty = pd.DataFrame({"kr_id": [], "baseline": [], "target": [], "current": []})
    out = score_krs(empty)
    assert len(out) == 0
    assert {"score", "grade"} <= set(out.columns)


def test_score_krs_does_not_modify_input(seed_krs):
    before = seed_krs.copy(deep=True)
    score_krs(seed_krs)
    pd.testing.assert_frame_equal(seed_krs, before)
