"""Bad input gets an error that teaches, never a traceback or a silently wrong number.

Every public function is fed the mistakes users make: target == baseline,
missing values (NaN, None, pd.NA), infinities, numbers written as text,
unknown or contradicting directions, malformed dates and quarters, missing
columns, mismatched lengths, bad weights and duplicate rows. Each must raise
:class:`OKRDataError` (or ``ValueError`` for a bad keyword argument) whose
message names the field and the key result, KPI or row. Any other exception
type (KeyError, TypeError, IndexError, ZeroDivisionError...) escapes
``pytest.raises`` and fails the test.

The last section checks that no DataFrame function modifies its input.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest

from okr_toolkit import (
    KPI,
    KeyResult,
    Objective,
    OKRDataError,
    grade,
    kpi_status,
    payout,
    rollup,
    score,
)
from okr_toolkit.core import (
    achievement,
    compare_rollups,
    compare_to_benchmarks,
    detect_stalls,
    expected_progress,
    interpret_history,
    interpret_score,
    interpret_three_ways,
    is_success,
    linear_forecast,
    pace,
    pacing,
    quarter_bounds,
    rollup_tree,
    score_krs,
    stall_summary,
)

nan = np.nan
MISSING = [nan, None, pd.NA]
TEXT = ["42", "42%", "n/a", ""]


def expect_error(call: Callable[[], Any], *fragments: str, error: type = OKRDataError) -> str:
    """Run ``call``; it must raise ``error`` whose message holds every fragment."""
    with pytest.raises(error) as info:
        call()
    assert type(info.value) is error, f"expected {error.__name__}, got {type(info.value)}"
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in message:\n{message}"
    return message


# ============================================================================================
# score()
# ============================================================================================


@pytest.mark.parametrize("field", ["current", "baseline", "target"])
@pytest.mark.parametrize("missing", MISSING, ids=["nan", "None", "pd.NA"])
def test_score_missing_value_names_kr_and_field(field, missing):
    values = {"current": 50.0, "baseline": 42.0, "target": 65.0, field: missing}
    expect_error(lambda: score(**values, labels=["kr1"]), "'kr1'", f"{field} is missing")


@pytest.mark.parametrize("field", ["current", "baseline", "target"])
@pytest.mark.parametrize("inf", [np.inf, -np.inf])
def test_score_infinite_value(field, inf):
    values = {"current": 50.0, "baseline": 42.0, "target": 65.0, field: inf}
    expect_error(lambda: score(**values, labels=["kr1"]), "'kr1'", "finite")


@pytest.mark.parametrize("field", ["current", "baseline", "target"])
@pytest.mark.parametrize("text", TEXT)
def test_score_text_where_a_number_belongs(field, text):
    values = {"current": 50.0, "baseline": 42.0, "target": 65.0, field: text}
    expect_error(
        lambda: score(**values, labels=["kr1"]),
        "'kr1'",
        f"{field} {text!r} is text, not a number",
        "plain number",
    )


def test_score_text_in_a_list_names_only_the_bad_row():
    message = expect_error(
        lambda: score([42.0, "n/a", 50.0], 40, 60), "row 1", "current 'n/a' is text"
    )
    assert "row 0" not in message and "row 2" not in message


def test_score_dates_where_numbers_belong():
    expect_error(lambda: score(np.array(["2026-07-01"], dtype="datetime64[D]"), 1, 2), "current")


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        ((42, 42, 42), ["'kr1'", "target 42 equals baseline 42", "must move its metric"]),
        ((50, 42, 42), ["'kr1'", "target 42 equals baseline 42"]),
        ((50, 42, 42, "increase"), ["'kr1'", "equals baseline"]),
        ((50, 42, 65, "decrease"), ["'kr1'", "direction is 'decrease' but target 65 is above"]),
        ((36, 45, 30, "increase"), ["'kr1'", "direction is 'increase' but target 30 is below"]),
        ((50, 42, 65, "up"), ["'kr1'", "direction 'up' is not one of", "stay_above"]),
        ((50, 42, 65, "Increase"), ["'kr1'", "direction 'Increase' is not one of"]),
        ((50, 42, 65, ""), ["'kr1'", "direction '' is not one of"]),
        ((0.5, nan, nan, "milestone"), ["'kr1'", "milestone", "got current 0.5"]),
        ((2, nan, nan, "milestone"), ["'kr1'", "got current 2"]),
        ((-1, nan, nan, "milestone"), ["'kr1'", "got current -1"]),
        ((nan, nan, nan, "milestone"), ["'kr1'", "current is missing"]),
        ((82, nan, nan, "stay_above"), ["'kr1'", "target is missing"]),
        ((1.5, 3, nan, "stay_below"), ["'kr1'", "target is missing"]),
    ],
)
def test_score_bad_kr(args, fragments):
    expect_error(lambda: score(*args, labels=["kr1"]), *fragments)


def test_score_without_labels_names_the_row():
    expect_error(
        lambda: score(np.array([50.0, 50.0]), np.array([42.0, 42.0]), np.array([65.0, 42.0])),
        "key result at row 1",
        "target 42 equals baseline 42",
    )


def test_score_series_index_names_the_kr():
    current = pd.Series([50.0, nan], index=["activation", "nps"])
    expect_error(lambda: score(current, 42, 65), "'nps'", "current is missing")


def test_score_lists_every_problem_then_summarises():
    current = pd.Series([nan] * 7, index=list("abcdefg"))
    message = expect_error(
        lambda: score(current, 1, 2), "7 problems in the key results", "'a'", "... and 2 more"
    )
    assert "'f'" not in message  # five listed, the rest counted


@pytest.mark.parametrize(
    "direction",
    [
        ["increase", "up"],
        np.array(["increase", "up"], dtype=object),
        pd.Series(["increase", "up"]),
        pd.Series(["increase", "up"], dtype="category"),
    ],
    ids=["list", "ndarray", "series", "categorical"],
)
def test_score_bad_direction_in_a_column(direction):
    expect_error(
        lambda: score(np.array([50.0, 50.0]), 42, 65, direction, labels=["a", "b"]),
        "'b'",
        "direction 'up' is not one of",
    )


@pytest.mark.parametrize(
    "direction",
    [["increase", None], pd.Series(["increase", nan]), pd.Categorical(["increase", None])],
    ids=["list", "series", "categorical"],
)
def test_score_missing_direction_in_a_column(direction):
    expect_error(
        lambda: score(np.array([50.0, 50.0]), 42, 65, direction, labels=["a", "b"]),
        "'b'",
        "direction is missing",
    )


@pytest.mark.parametrize(
    ("call", "fragment"),
    [
        (lambda: score([1.0, 2.0, 3.0], [1.0, 2.0], 5.0), "matching lengths"),
        (lambda: score([1.0, 2.0], 0.0, 5.0, ["increase"] * 3), "direction has 3 entries"),
        (lambda: score([1.0, 2.0, 3.0], 0.0, 5.0, labels=["a"]), "`labels` has 1 names"),
        (lambda: score(1.0, 0.0, 5.0, method="capped"), "`method` must be one of"),
        (lambda: score(1.0, 0.0, 5.0, method=None), "`method` must be one of"),
    ],
)
def test_score_bad_arguments(call, fragment):
    expect_error(call, fragment, error=ValueError)


# ============================================================================================
# score_krs()
# ============================================================================================


def _krs(**changes: Any) -> pd.DataFrame:
    krs = pd.DataFrame(
        {
            "kr_id": ["activation", "sales_cycle", "nps"],
            "baseline": [42.0, 45.0, 28.0],
            "target": [65.0, 30.0, 45.0],
            "current": [58.1, 36.0, 30.0],
        }
    )
    return krs.assign(**changes)


@pytest.mark.parametrize("field", ["current", "baseline", "target"])
@pytest.mark.parametrize(
    ("bad", "fragment"),
    [(nan, "is missing"), (None, "is missing"), (np.inf, "finite"), ("42%", "is text")],
)
def test_score_krs_bad_cell_names_kr_and_field(field, bad, fragment):
    krs = _krs()
    column = krs[field].astype(object)
    column[1] = bad
    message = expect_error(lambda: score_krs(krs.assign(**{field: column})), "'sales_cycle'")
    assert fragment in message
    assert field in message


def test_score_krs_nullable_column_with_pd_na():
    krs = _krs(baseline=pd.array([42.0, pd.NA, 28.0], dtype="Float64"))
    expect_error(lambda: score_krs(krs), "'sales_cycle'", "baseline is missing")


def test_score_krs_target_equals_baseline():
    expect_error(
        lambda: score_krs(_krs(target=[65.0, 45.0, 45.0])),
        "'sales_cycle'",
        "target 45 equals baseline 45",
    )


def test_score_krs_several_bad_rows_all_listed():
    krs = _krs(target=[42.0, 45.0, 45.0], current=[58.1, 36.0, nan])
    expect_error(
        lambda: score_krs(krs),
        "3 problems",
        "'activation': target 42 equals baseline 42",
        "'sales_cycle': target 45 equals baseline 45",
        "'nps': current is missing",
    )


@pytest.mark.parametrize(
    "direction",
    [
        ["increase", "decrease", "upward"],
        pd.Categorical(["increase", "decrease", "upward"]),
    ],
    ids=["str", "categorical"],
)
def test_score_krs_bad_direction_column(direction):
    expect_error(lambda: score_krs(_krs(direction=direction)), "'nps'", "'upward' is not one of")


def test_score_krs_direction_contradicts_numbers():
    expect_error(
        lambda: score_krs(_krs(direction=["increase", "increase", "increase"])),
        "'sales_cycle'",
        "direction is 'increase' but target 30 is below baseline 45",
    )


def test_score_krs_without_kr_id_uses_index_or_row():
    krs = _krs(target=[65.0, 45.0, 45.0]).drop(columns="kr_id")
    expect_error(lambda: score_krs(krs), "key result at row 1")
    expect_error(lambda: score_krs(krs.set_axis(["x", "y", "z"])), "key result 'y'")


def test_score_krs_missing_columns_lists_columns_present():
    expect_error(
        lambda: score_krs(_krs().drop(columns=["target", "current"])),
        "missing column(s) 'current', 'target'",
        "it has: kr_id, baseline",
    )


def test_score_krs_not_a_dataframe():
    expect_error(lambda: score_krs([[1, 2, 3]]), "must be a pandas DataFrame, got list")


def test_score_krs_bad_method():
    expect_error(lambda: score_krs(_krs(), method="linear"), "`method`", error=ValueError)


# ============================================================================================
# grades
# ============================================================================================


@pytest.mark.parametrize(
    ("call", "fragments"),
    [
        (lambda: grade(nan), ["score", "missing"]),
        (lambda: grade(None), ["score", "missing"]),
        (lambda: grade(np.inf), ["score", "finite"]),
        (lambda: grade("0.7"), ["score '0.7' is text"]),
        (lambda: grade(pd.Series([0.5, nan], index=["a", "b"])), ["'b'", "score is missing"]),
        (lambda: grade([0.5, 0.6, pd.NA]), ["row 2", "score is missing"]),
        (lambda: is_success(nan), ["score", "missing"]),
        (lambda: is_success(-np.inf), ["finite"]),
        (lambda: is_success("70%"), ["'70%' is text"]),
        (lambda: is_success(0.7, committed=nan), ["committed must be True or False"]),
        (lambda: is_success(0.7, committed="yes"), ["committed must be True or False"]),
        (lambda: is_success([0.7, 0.8], committed=[True, None]), ["committed"]),
        (lambda: interpret_score(nan), ["score", "missing"]),
        (lambda: interpret_score("high"), ["'high' is text"]),
        (lambda: interpret_history([]), ["history is empty"]),
        (lambda: interpret_history([0.5, nan, 0.7]), ["row 1", "missing"]),
        (lambda: interpret_history([0.5, np.inf]), ["row 1", "finite"]),
        (lambda: interpret_history(["0.5", 0.7]), ["'0.5' is text"]),
    ],
)
def test_grades_bad_input(call, fragments):
    expect_error(call, *fragments)


def test_grades_bad_arguments():
    expect_error(
        lambda: is_success([0.5, 0.7, 0.9], committed=[True, False]),
        "matching lengths",
        error=ValueError,
    )
    expect_error(lambda: interpret_score([0.5, 0.7]), "one score", error=ValueError)


# ============================================================================================
# roll-ups
# ============================================================================================


def _scored(**changes: Any) -> pd.DataFrame:
    krs = pd.DataFrame(
        {
            "objective_id": ["O1", "O1", "O2"],
            "kr_id": ["a", "b", "c"],
            "score": [0.9, 0.3, 0.5],
            "weight": [1.0, 2.0, 1.0],
        }
    )
    return krs.assign(**changes)


@pytest.mark.parametrize("func", [rollup, compare_rollups])
@pytest.mark.parametrize(
    ("changes", "fragments"),
    [
        ({"score": [0.9, nan, 0.5]}, ["'b'", "score is missing"]),
        ({"score": [0.9, None, 0.5]}, ["'b'", "score is missing"]),
        ({"score": [0.9, np.inf, 0.5]}, ["'b'", "finite"]),
        ({"score": [0.9, "0.3", 0.5]}, ["'b'", "score '0.3' is text"]),
        ({"weight": [1.0, -1.0, 1.0]}, ["'b'", "weight -1", ">= 0"]),
        ({"weight": [1.0, nan, 1.0]}, ["'b'", "weight nan"]),
        ({"weight": [1.0, np.inf, 1.0]}, ["'b'", "weight inf"]),
        ({"weight": [1.0, "2kg", 1.0]}, ["'b'", "weight '2kg' is text"]),
        ({"objective_id": ["O1", None, "O2"]}, ["'b'", "objective_id is missing"]),
    ],
)
def test_rollup_bad_rows(func, changes, fragments):
    expect_error(lambda: func(_scored(**changes)), *fragments)


def test_rollup_all_zero_weights():
    expect_error(lambda: rollup(_scored(weight=[0.0, 0.0, 1.0])), "'O1'", "weights add up to 0")
    # the plain mean and weakest link do not use weights
    assert rollup(_scored(weight=[0.0, 0.0, 1.0]), method="mean")["score"].tolist() == [
        pytest.approx(0.6),
        0.5,
    ]


def test_rollup_missing_columns():
    expect_error(
        lambda: rollup(_scored().drop(columns="score")),
        "missing column(s) 'score'",
        "it has: objective_id, kr_id, weight",
    )
    expect_error(lambda: rollup(_scored(), group_col="team"), "'team'")


def test_rollup_bad_method():
    expect_error(lambda: rollup(_scored(), method="median"), "`method`", error=ValueError)


def _tree() -> tuple[pd.DataFrame, pd.DataFrame]:
    objectives = pd.DataFrame(
        {"objective_id": ["company", "sales"], "parent_id": [None, "company"], "weight": [1.0, 1.0]}
    )
    krs = pd.DataFrame(
        {"objective_id": ["company", "sales"], "kr_id": ["c1", "s1"], "score": [0.6, 0.8]}
    )
    return objectives, krs


@pytest.mark.parametrize(
    ("objective_changes", "kr_changes", "fragments"),
    [
        ({"objective_id": ["company", None]}, {}, ["row 1", "objective_id is missing"]),
        ({"objective_id": ["company", "company"]}, {}, ["'company' appears more than once"]),
        ({"parent_id": ["sales", "company"]}, {}, ["cycle", "'company'", "'sales'"]),
        ({"parent_id": [None, "ceo"]}, {}, ["'sales'", "parent_id 'ceo' is not an objective"]),
        ({"weight": [1.0, -2.0]}, {}, ["objective 'sales'", "weight -2"]),
        ({"weight": [1.0, nan]}, {}, ["objective 'sales'", "weight nan"]),
        ({}, {"score": [0.6, nan]}, ["'s1'", "score is missing"]),
        ({}, {"score": [0.6, "80%"]}, ["'s1'", "'80%' is text"]),
        ({}, {"objective_id": ["company", "marketing"]}, ["'marketing' is not in the objectives"]),
        ({}, {"weight": [0.0, 0.0]}, ["weights add up to 0"]),
    ],
)
def test_rollup_tree_bad_input(objective_changes, kr_changes, fragments):
    objectives, krs = _tree()
    expect_error(
        lambda: rollup_tree(objectives.assign(**objective_changes), krs.assign(**kr_changes)),
        *fragments,
    )


def test_rollup_tree_missing_columns():
    objectives, krs = _tree()
    expect_error(
        lambda: rollup_tree(objectives.drop(columns="objective_id"), krs),
        "the objectives table is missing column(s) 'objective_id'",
        "it has: parent_id, weight",
    )
    expect_error(
        lambda: rollup_tree(objectives, krs.drop(columns="score")),
        "the key results table is missing column(s) 'score'",
    )
    expect_error(lambda: rollup_tree(objectives, krs, method="max"), "`method`", error=ValueError)


# ============================================================================================
# pacing
# ============================================================================================


@pytest.mark.parametrize(
    "quarter",
    ["2026Q5", "2026Q0", "2026-Q5", "Q5 2026", "next quarter", "", "   ", "2026-13-01", "Q3"],
)
def test_quarter_bounds_malformed(quarter):
    expect_error(
        lambda: quarter_bounds(quarter), repr(quarter), "not a quarter or a date", "2026Q3"
    )


@pytest.mark.parametrize("quarter", [None, nan, pd.NaT])
def test_quarter_bounds_missing(quarter):
    expect_error(lambda: quarter_bounds(quarter), "quarter is missing")


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (("2026-13-45", "2026-07-01", "2026-09-30"), ["on '2026-13-45' is not a date"]),
        (("soon", "2026-07-01", "2026-09-30"), ["on 'soon' is not a date"]),
        (("2026-08-17", "Q3", "2026-09-30"), ["start 'Q3' is not a date"]),
        (("2026-08-17", "2026-07-01", "end of Q3"), ["end 'end of Q3' is not a date"]),
        ((None, "2026-07-01", "2026-09-30"), ["on is missing"]),
        (("2026-08-17", pd.NaT, "2026-09-30"), ["start is missing"]),
        (("2026-08-17", "2026-07-01", nan), ["end is missing"]),
        (("2026-08-17", "2026-09-30", "2026-07-01"), ["ends (2026-07-01) before it starts"]),
        ((pd.Series(["2026-07-01", "soon"]), "2026-07-01", "2026-09-30"), ["'soon' at row 1"]),
        ((pd.Series(["2026-07-01", None]), "2026-07-01", "2026-09-30"), ["at row 1 is missing"]),
    ],
)
def test_expected_progress_bad_dates(args, fragments):
    expect_error(lambda: expected_progress(*args), *fragments)


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        ((nan, 0.5), ["score", "missing"]),
        ((0.5, None), ["expected progress", "missing"]),
        (("half", 0.5), ["'half' is text"]),
        ((pd.Series([0.5, np.inf], index=["a", "b"]), 0.5), ["'b'", "finite"]),
    ],
)
def test_pace_bad_input(args, fragments):
    expect_error(lambda: pace(*args), *fragments)


def test_pace_mismatched_lengths():
    expect_error(lambda: pace([0.1, 0.2], [0.1, 0.2, 0.3]), "matching lengths", error=ValueError)


PACING_DATES = ("2026-08-17", "2026-07-01", "2026-09-30")


@pytest.mark.parametrize(
    ("scores", "fragments"),
    [
        ([0.5, nan], ["'b'", "score is missing"]),
        ([0.5, None], ["'b'", "score is missing"]),
        ([0.5, "0.5"], ["'b'", "score '0.5' is text"]),
        ([0.5, np.inf], ["'b'", "finite"]),
    ],
)
def test_pacing_bad_scores(scores, fragments):
    krs = pd.DataFrame({"kr_id": ["a", "b"], "score": scores})
    expect_error(lambda: pacing(krs, *PACING_DATES), *fragments)


def test_pacing_bad_arguments():
    krs = pd.DataFrame({"kr_id": ["a"], "score": [0.5]})
    expect_error(
        lambda: pacing(krs.rename(columns={"score": "s"}), *PACING_DATES),
        "missing column(s) 'score'",
        "it has: kr_id, s",
    )
    expect_error(lambda: pacing(krs, "someday", "2026-07-01", "2026-09-30"), "'someday'")
    expect_error(
        lambda: pacing(krs, ["2026-08-17", "2026-08-18"], "2026-07-01", "2026-09-30"),
        "`on` must be a single date",
        error=ValueError,
    )


def _checkins(**changes: Any) -> pd.DataFrame:
    checkins = pd.DataFrame(
        {
            "kr_id": ["activation"] * 3,
            "date": ["2026-07-06", "2026-07-13", "2026-07-20"],
            "value": [43.0, 44.0, 45.0],
        }
    )
    return checkins.assign(**changes)


def _fc_krs(**changes: Any) -> pd.DataFrame:
    return pd.DataFrame({"kr_id": ["activation"], "baseline": [42.0], "target": [65.0]}).assign(
        **changes
    )


@pytest.mark.parametrize(
    ("checkin_changes", "kr_changes", "kwargs", "fragments"),
    [
        ({"date": ["2026-07-06", "2026-07-32", "2026-07-20"]}, {}, {}, ["'2026-07-32'", "row 1"]),
        ({"date": ["2026-07-06", "last week", "2026-07-20"]}, {}, {}, ["'last week'", "row 1"]),
        ({"date": ["2026-07-06", None, "2026-07-20"]}, {}, {}, ["row 1", "is missing"]),
        ({"value": [43.0, nan, 45.0]}, {}, {}, ["row 1", "'activation'", "value is missing"]),
        ({"value": [43.0, pd.NA, 45.0]}, {}, {}, ["row 1", "value is missing"]),
        ({"value": [43.0, "44%", 45.0]}, {}, {}, ["'activation'", "value '44%' is text"]),
        ({"value": [43.0, np.inf, 45.0]}, {}, {}, ["row 1", "finite"]),
        ({"kr_id": ["activation", None, "activation"]}, {}, {}, ["row 1", "kr_id is missing"]),
        ({}, {"baseline": [nan]}, {}, ["'activation'", "baseline is missing"]),
        ({}, {"baseline": [65.0]}, {}, ["'activation'", "target 65 equals baseline 65"]),
        ({}, {"target": ["65"]}, {}, ["'activation'", "target '65' is text"]),
        ({}, {"direction": ["decrease"]}, {}, ["'activation'", "direction is 'decrease'"]),
        ({}, {}, {"end": "Q3"}, ["end 'Q3' is not a date"]),
        ({}, {}, {"end": None}, ["end is missing"]),
        ({}, {}, {"start": "the start"}, ["start 'the start' is not a date"]),
        ({}, {"baseline": [nan]}, {"start": "2026-07-01"}, ["'activation'", "baseline"]),
    ],
)
def test_linear_forecast_bad_input(checkin_changes, kr_changes, kwargs, fragments):
    kwargs = {"end": "2026-09-30", **kwargs}
    expect_error(
        lambda: linear_forecast(_fc_krs(**kr_changes), _checkins(**checkin_changes), **kwargs),
        *fragments,
    )


def test_linear_forecast_duplicate_or_missing_kr_ids():
    krs = pd.concat([_fc_krs(), _fc_krs()], ignore_index=True)
    expect_error(lambda: linear_forecast(krs, _checkins(), end="2026-09-30"), "row 1", "repeated")
    expect_error(
        lambda: linear_forecast(_fc_krs(kr_id=[None]), _checkins(), end="2026-09-30"),
        "row 0",
        "missing",
    )


def test_linear_forecast_missing_columns():
    expect_error(
        lambda: linear_forecast(_fc_krs(), _checkins().drop(columns="date"), end="2026-09-30"),
        "the check-ins table is missing column(s) 'date'",
        "it has: kr_id, value",
    )
    expect_error(
        lambda: linear_forecast(_fc_krs().drop(columns="baseline"), _checkins(), end="2026-09-30"),
        "the key results table is missing column(s) 'baseline'",
        "it has: kr_id, target",
    )


# ============================================================================================
# KPIs
# ============================================================================================


@pytest.mark.parametrize(
    ("call", "fragments"),
    [
        (lambda: kpi_status(nan, 50), ["value is missing"]),
        (lambda: kpi_status(None, 50), ["value is missing"]),
        (lambda: kpi_status(pd.NA, 50), ["value is missing"]),
        (lambda: kpi_status(42, nan), ["threshold is missing"]),
        (lambda: kpi_status(42, pd.NA), ["threshold is missing"]),
        (lambda: kpi_status(np.inf, 50), ["value", "finite"]),
        (lambda: kpi_status(42, -np.inf), ["threshold", "finite"]),
        (lambda: kpi_status("42%", 50), ["value '42%' is text"]),
        (lambda: kpi_status(42, "50"), ["threshold '50' is text"]),
        (lambda: kpi_status(pd.Series([42.0, nan], index=["w1", "w2"]), 50), ["'w2'", "value"]),
        (lambda: kpi_status([42.0, 45.0, nan], 50), ["row 2", "value is missing"]),
        (lambda: kpi_status(42, 50, better="up"), ["better must be 'higher' or 'lower'", "'up'"]),
        (lambda: kpi_status([1, 2], 5, better=["higher", None]), ["row 1", "better", "None"]),
        (lambda: kpi_status(93, lower=nan, upper=95), ["lower is missing"]),
        (lambda: kpi_status(93, lower=90, upper=None), []),  # see the ValueError test below
        (lambda: kpi_status(93, lower=90, upper="95"), ["upper '95' is text"]),
        (lambda: kpi_status(93, lower=95, upper=90), ["lower 95 above upper 90", "swap"]),
    ],
)
def test_kpi_status_bad_input(call, fragments):
    if not fragments:
        expect_error(call, "`threshold`", error=ValueError)
    else:
        expect_error(call, *fragments)


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"threshold": [50, 60]}, "matching lengths"),
        ({"threshold": 50, "better": ["higher", "lower"]}, "`better` has 2 entries"),
        ({"threshold": 50, "tolerance": -0.1}, "`tolerance`"),
        ({"threshold": 50, "tolerance": nan}, "`tolerance`"),
        ({"threshold": 50, "tolerance": "5%"}, "`tolerance`"),
        ({"threshold": 50, "lower": 40, "upper": 60}, "not both"),
        ({}, "give a `threshold`"),
        ({"lower": 40}, "both `lower` and `upper`"),
    ],
)
def test_kpi_status_bad_arguments(kwargs, fragment):
    expect_error(lambda: kpi_status([42.0, 45.0, 48.0], **kwargs), fragment, error=ValueError)


def test_kpi_object_names_itself():
    expect_error(
        lambda: KPI("activation", threshold=nan).status(42), "KPI 'activation'", "threshold"
    )
    expect_error(lambda: KPI("activation", 50, better="more").status(42), "'more'")


@pytest.fixture
def benchmarks() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "kpi": ["win_rate", "nrr"],
            "label": ["Win rate", "Net revenue retention"],
            "low": [20.0, 100.0],
            "high": [30.0, 115.0],
            "unit": ["%", "%"],
            "better": ["higher", "higher"],
        }
    )


@pytest.mark.parametrize(
    ("values", "fragments"),
    [
        ({"kpi": ["win_rate", "churn"], "value": [25.0, 2.0]}, ["'churn' has no benchmark", "nrr"]),
        ({"kpi": ["win_rate", None], "value": [25.0, 2.0]}, ["has no benchmark"]),
        ({"kpi": ["win_rate", "nrr"], "value": [25.0, nan]}, ["'nrr'", "value is missing"]),
        ({"kpi": ["win_rate", "nrr"], "value": [25.0, "110%"]}, ["'nrr'", "'110%' is text"]),
        ({"kpi": ["win_rate", "nrr"], "value": [np.inf, 100.0]}, ["'win_rate'", "finite"]),
    ],
)
def test_compare_to_benchmarks_bad_input(benchmarks, values, fragments):
    expect_error(lambda: compare_to_benchmarks(pd.DataFrame(values), benchmarks), *fragments)


def test_compare_to_benchmarks_missing_columns(benchmarks):
    expect_error(
        lambda: compare_to_benchmarks(pd.DataFrame({"kpi": ["nrr"], "val": [1.0]}), benchmarks),
        "the KPI values table is missing column(s) 'value'",
        "it has: kpi, val",
    )
    expect_error(
        lambda: compare_to_benchmarks(
            pd.DataFrame({"kpi": ["nrr"], "value": [1.0]}), benchmarks.drop(columns="unit")
        ),
        "the benchmarks is missing column(s) 'unit'",
    )


def _history(**changes: Any) -> pd.DataFrame:
    history = pd.DataFrame(
        {
            "kpi": ["activation"] * 3 + ["sales_cycle"] * 3,
            "week": [1, 2, 3] * 2,
            "value": [48.0, 47.0, 51.0, 31.0, 32.0, 29.0],
            "threshold": [50.0] * 3 + [30.0] * 3,
            "better": ["higher"] * 3 + ["lower"] * 3,
        }
    )
    return history.assign(**changes)


@pytest.mark.parametrize("func", [detect_stalls, stall_summary])
@pytest.mark.parametrize(
    ("changes", "fragments"),
    [
        (
            {"week": [1, 2, 2, 1, 2, 3]},
            ["two rows for kpi 'activation' in week 2", "one observation"],
        ),
        ({"value": [48.0, nan, 51.0, 31.0, 32.0, 29.0]}, ["row 1", "value is missing"]),
        ({"value": [48.0, None, 51.0, 31.0, 32.0, 29.0]}, ["row 1", "value is missing"]),
        ({"value": [48.0, "n/a", 51.0, 31.0, 32.0, 29.0]}, ["'1'", "value 'n/a' is text"]),
        ({"value": [48.0, np.inf, 51.0, 31.0, 32.0, 29.0]}, ["row 1", "finite"]),
        ({"threshold": [50.0, 50.0, 50.0, 30.0, nan, 30.0]}, ["row 4", "threshold is missing"]),
        ({"threshold": [50.0, 50.0, 50.0, 30.0, "30%", 30.0]}, ["threshold '30%' is text"]),
        (
            {"kpi": ["activation", None, "activation"] + ["sales_cycle"] * 3},
            ["row 1", "kpi is missing"],
        ),
        ({"week": [1, 2, nan, 1, 2, 3]}, ["row 2", "week is missing"]),
        ({"better": ["higher"] * 3 + ["lower", "less", "lower"]}, ["row 4", "'less'"]),
        ({"better": ["higher"] * 3 + ["lower", None, "lower"]}, ["row 4", "better must be"]),
    ],
)
def test_stalls_bad_history(func, changes, fragments):
    expect_error(lambda: func(_history(**changes)), *fragments)


@pytest.mark.parametrize("func", [detect_stalls, stall_summary])
@pytest.mark.parametrize("periods", [0, -1, 1.5, "two", True])
def test_stalls_bad_periods(func, periods):
    expect_error(lambda: func(_history(), periods=periods), "`periods`", error=ValueError)


@pytest.mark.parametrize("func", [detect_stalls, stall_summary])
def test_stalls_missing_columns(func):
    expect_error(
        lambda: func(_history().drop(columns=["threshold"])),
        "the KPI history is missing column(s) 'threshold'",
        "it has: kpi, week, value, better",
    )
    expect_error(lambda: func(_history(), period_col="month"), "'month'", "it has: kpi, week")


# ============================================================================================
# MBO
# ============================================================================================


@pytest.mark.parametrize(
    ("call", "fragments"),
    [
        (lambda: achievement(nan, 65), ["actual is missing"]),
        (lambda: achievement(None, 65), ["actual is missing"]),
        (lambda: achievement(58.1, pd.NA), ["target is missing"]),
        (lambda: achievement(np.inf, 65), ["actual", "finite"]),
        (lambda: achievement(58.1, np.inf), ["target", "finite"]),
        (lambda: achievement("58.1", 65), ["actual '58.1' is text"]),
        (lambda: achievement(58.1, "65%"), ["target '65%' is text"]),
        (lambda: achievement(58.1, 0), ["target 0 is zero or negative"]),
        (lambda: achievement([58.1, 50.0], [65.0, -1.0]), ["row 1", "target -1"]),
        (lambda: achievement(58.1, 65, better="up"), ["better must be", "'up'"]),
        (lambda: achievement(0, 30, better="lower"), ["actual 0 must be positive"]),
        (lambda: achievement(-3, 30, better="lower"), ["actual -3 must be positive"]),
        (lambda: achievement(pd.Series([1.0, nan], index=["ana", "ben"]), 2.0), ["'ben'"]),
        (lambda: payout(nan), ["achievement is missing"]),
        (lambda: payout(np.inf), ["achievement", "finite"]),
        (lambda: payout("89%"), ["achievement '89%' is text"]),
        (lambda: payout([0.9, None]), ["row 1", "achievement is missing"]),
    ],
)
def test_mbo_bad_input(call, fragments):
    expect_error(call, *fragments)


def test_mbo_mismatched_lengths():
    expect_error(
        lambda: achievement([1.0, 2.0, 3.0], [1.0, 2.0]), "matching lengths", error=ValueError
    )
    expect_error(
        lambda: achievement([1.0, 2.0], 2.0, better=["higher"] * 3),
        "matching lengths",
        error=ValueError,
    )


# ============================================================================================
# interpret_three_ways
# ============================================================================================


def _quarter(**changes: Any) -> pd.DataFrame:
    quarter = pd.DataFrame(
        {
            "metric": ["activation", "sales_cycle"],
            "baseline": [42.0, 45.0],
            "target": [65.0, 30.0],
            "current": [58.1, 36.0],
            "kpi_threshold": [50.0, 40.0],
        }
    )
    return quarter.assign(**changes)


@pytest.mark.parametrize(
    ("changes", "fragments"),
    [
        ({"current": [58.1, nan]}, ["'sales_cycle'", "current is missing"]),
        ({"current": [58.1, "36 days"]}, ["'sales_cycle'", "current '36 days' is text"]),
        ({"baseline": [65.0, 45.0]}, ["'activation'", "target 65 equals baseline 65"]),
        ({"baseline": [pd.NA, 45.0]}, ["'activation'", "baseline is missing"]),
        ({"target": [np.inf, 30.0]}, ["'activation'", "finite"]),
        ({"kpi_threshold": [50.0, nan]}, ["'sales_cycle'", "kpi_threshold is missing"]),
        ({"kpi_threshold": ["50%", 40.0]}, ["'activation'", "kpi_threshold '50%' is text"]),
        ({"direction": ["increase", "increase"]}, ["'sales_cycle'", "direction is 'increase'"]),
        ({"direction": ["up", "decrease"]}, ["'activation'", "'up' is not one of"]),
        ({"mbo_target": [65.0, 0.0]}, ["'sales_cycle'", "MBO target 0"]),
        ({"mbo_target": [nan, 30.0]}, ["'activation'", "mbo_target is missing"]),
        ({"current": [58.1, 0.0], "baseline": [42.0, 45.0]}, ["'sales_cycle'", "must be positive"]),
        ({"committed": [True, nan]}, ["'sales_cycle'", "committed must be True or False"]),
        ({"committed": ["yes", "no"]}, ["'activation'", "committed"]),
    ],
)
def test_interpret_three_ways_bad_input(changes, fragments):
    expect_error(lambda: interpret_three_ways(_quarter(**changes)), *fragments)


def test_interpret_three_ways_missing_columns():
    expect_error(
        lambda: interpret_three_ways(_quarter().drop(columns="kpi_threshold")),
        "the results table is missing column(s) 'kpi_threshold'",
        "it has: metric, baseline, target, current",
    )


# ============================================================================================
# model
# ============================================================================================


@pytest.mark.parametrize(
    ("kwargs", "fragments"),
    [
        ({"baseline": 42, "target": 42}, ["'kr1'", "target 42 equals baseline 42"]),
        ({"baseline": "42", "target": 65}, ["'kr1'", "baseline '42' is text"]),
        ({"baseline": "42%", "target": 65}, ["'kr1'", "baseline '42%' is text"]),
        ({"baseline": 42, "target": "n/a"}, ["'kr1'", "target 'n/a' is text"]),
        ({"baseline": None, "target": 65}, ["'kr1'", "give a baseline and a target"]),
        ({"baseline": pd.NA, "target": 65}, ["'kr1'", "baseline"]),
        ({"target": 65}, ["'kr1'", "give a baseline and a target"]),
        (
            {"baseline": nan, "target": 65, "direction": "increase"},
            ["'kr1'", "baseline is missing"],
        ),
        ({"baseline": np.inf, "target": 65}, ["'kr1'", "finite"]),
        ({"baseline": 42, "target": 65, "direction": "up"}, ["'kr1'", "'up' is not one of"]),
        ({"baseline": 65, "target": 42, "direction": "increase"}, ["'kr1'", "below baseline 65"]),
        ({"baseline": 42, "target": 65, "weight": -1}, ["'kr1'", "weight -1"]),
        ({"baseline": 42, "target": 65, "weight": nan}, ["'kr1'", "weight"]),
        ({"baseline": 42, "target": 65, "weight": "2"}, ["'kr1'", "weight '2' is text"]),
        ({"direction": "stay_above"}, ["'kr1'", "target is missing"]),
    ],
)
def test_key_result_bad_input(kwargs, fragments):
    message = expect_error(lambda: KeyResult("kr1", "title", **kwargs), *fragments)
    assert "current" not in message  # the current value is judged only when scoring


@pytest.mark.parametrize(
    ("current", "direction", "fragments"),
    [
        (0.5, "milestone", ["'kr1'", "got current 0.5"]),
        (nan, "increase", ["'kr1'", "current is missing"]),
        ("58%", "increase", ["'kr1'", "current '58%' is text"]),
    ],
)
def test_key_result_bad_current_on_scoring(current, direction, fragments):
    kr = KeyResult("kr1", "title", baseline=0, target=1, current=current, direction=direction)
    expect_error(kr.score, *fragments)


def test_objective_repeated_kr_ids():
    kr = KeyResult("kr1", "t", 0, 1)
    expect_error(lambda: Objective("o1", "t", key_results=(kr, kr)), "'o1'", "'kr1'", "repeat")


# ============================================================================================
# empty in, empty out
# ============================================================================================

EMPTY_CALLS = {
    "score_krs": lambda: score_krs(
        pd.DataFrame({"kr_id": [], "baseline": [], "target": [], "current": []})
    ),
    "rollup": lambda: rollup(pd.DataFrame({"objective_id": [], "score": []})),
    "compare_rollups": lambda: compare_rollups(pd.DataFrame({"objective_id": [], "score": []})),
    "rollup_tree": lambda: rollup_tree(
        pd.DataFrame({"objective_id": [], "parent_id": []}),
        pd.DataFrame({"objective_id": [], "score": []}),
    ),
    "pacing": lambda: pacing(pd.DataFrame({"kr_id": [], "score": []}), *PACING_DATES),
    "linear_forecast": lambda: linear_forecast(
        pd.DataFrame({"kr_id": [], "baseline": [], "target": []}),
        pd.DataFrame({"kr_id": [], "date": [], "value": []}),
        end="2026-09-30",
    ),
    "compare_to_benchmarks": lambda: compare_to_benchmarks(
        pd.DataFrame({"kpi": [], "value": []}),
        pd.DataFrame(
            {
                "kpi": ["nrr"],
                "label": ["NRR"],
                "low": [100.0],
                "high": [115.0],
                "unit": ["%"],
                "better": ["higher"],
            }
        ),
    ),
    "detect_stalls": lambda: detect_stalls(
        pd.DataFrame({"kpi": [], "week": [], "value": [], "threshold": []})
    ),
    "stall_summary": lambda: stall_summary(
        pd.DataFrame({"kpi": [], "week": [], "value": [], "threshold": []})
    ),
    "interpret_three_ways": lambda: interpret_three_ways(
        pd.DataFrame(
            {"metric": [], "baseline": [], "target": [], "current": [], "kpi_threshold": []}
        )
    ),
}


@pytest.mark.parametrize("name", list(EMPTY_CALLS))
def test_empty_in_empty_out(name):
    out = EMPTY_CALLS[name]()
    assert isinstance(out, pd.DataFrame)
    assert len(out) == 0
    assert len(out.columns) > 0


@pytest.mark.parametrize(
    ("call", "expected_len"),
    [
        (lambda: score([], 0.0, 1.0), 0),
        (lambda: grade([]), 0),
        (lambda: is_success([]), 0),
        (lambda: pace([], 0.5), 0),
        (lambda: kpi_status([], 50), 0),
        (lambda: achievement([], 50), 0),
        (lambda: payout([]), 0),
        (lambda: expected_progress([], "2026-07-01", "2026-09-30"), 0),
    ],
)
def test_empty_arrays(call, expected_len):
    assert len(call()) == expected_len


# ============================================================================================
# inputs are never modified
# ============================================================================================


def _frames_for(name: str) -> tuple[list[pd.DataFrame], Callable[..., Any]]:
    krs = pd.DataFrame(
        {
            "objective_id": ["O1", "O1", "O2"],
            "kr_id": ["activation", "sales_cycle", "csat"],
            "baseline": [42.0, 45.0, np.nan],
            "target": [65.0, 30.0, 80.0],
            "current": [58.1, 36.0, 82.0],
            "direction": pd.Categorical(["increase", "decrease", "stay_above"]),
            "weight": [1, 2, 1],
        },
        index=[10, 20, 30],
    )
    scored = score_krs(krs)
    history = _history()
    cases: dict[str, tuple[list[pd.DataFrame], Callable[..., Any]]] = {
        "score_krs": ([krs], score_krs),
        "rollup": ([scored], rollup),
        "compare_rollups": ([scored], compare_rollups),
        "rollup_tree": (
            [
                pd.DataFrame({"objective_id": ["O1", "O2"], "parent_id": [None, "O1"]}),
                scored,
            ],
            rollup_tree,
        ),
        "pacing": ([scored], lambda f: pacing(f, *PACING_DATES)),
        "linear_forecast": (
            [_fc_krs(), _checkins()],
            lambda k, c: linear_forecast(k, c, end="2026-09-30", start="2026-07-01"),
        ),
        "compare_to_benchmarks": (
            [
                pd.DataFrame({"kpi": ["NRR", "win_rate"], "value": [108.0, 18.0]}),
                pd.DataFrame(
                    {
                        "kpi": ["nrr", "win_rate"],
                        "label": ["NRR", "Win rate"],
                        "low": [100.0, 20.0],
                        "high": [115.0, 30.0],
                        "unit": ["%", "%"],
                        "better": ["higher", "higher"],
                    }
                ),
            ],
            compare_to_benchmarks,
        ),
        "detect_stalls": ([history.iloc[::-1]], detect_stalls),
        "stall_summary": ([history.iloc[::-1]], stall_summary),
        "interpret_three_ways": ([_quarter(committed=[True, False])], interpret_three_ways),
    }
    return cases[name]


@pytest.mark.parametrize("name", list(EMPTY_CALLS))
def test_input_frames_unchanged(name):
    frames, func = _frames_for(name)
    before = [copy.deepcopy(f) for f in frames]
    func(*frames)
    for frame, original in zip(frames, before, strict=True):
        pd.testing.assert_frame_equal(frame, original)


@pytest.mark.parametrize(
    ("func", "frame"),
    [
        (score_krs, _krs(target=[42.0, 30.0, 45.0])),
        (rollup, _scored(weight=[1.0, -1.0, 1.0])),
        (detect_stalls, _history(week=[1, 1, 2, 1, 2, 3])),
        (interpret_three_ways, _quarter(current=[nan, 36.0])),
    ],
)
def test_input_frames_unchanged_after_an_error(func, frame):
    before = copy.deepcopy(frame)
    with pytest.raises(OKRDataError):
        func(frame)
    pd.testing.assert_frame_equal(frame, before)
