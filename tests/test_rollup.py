"""Roll-ups to objectives and up an alignment tree (okr_toolkit.core.rollup)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from okr_toolkit import OKRDataError, rollup
from okr_toolkit.core import ROLLUPS, compare_rollups, rollup_tree
from okr_toolkit.core.rollup import bottom_up_share


@pytest.fixture
def krs() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "objective_id": ["O1", "O1", "O2", "O2", "O2"],
            "kr_id": ["a", "b", "c", "d", "e"],
            "score": [0.9, 0.3, 0.5, 0.7, 1.0],
            "weight": [1.0, 2.0, 1.0, 1.0, 2.0],
        }
    )


# (method, expected O1, expected O2)
ROLLUP_CASES = [
    # O1: (0.9*1 + 0.3*2)/3 = 0.5; O2: (0.5 + 0.7 + 2.0)/4 = 0.8
    ("weighted_mean", 0.5, 0.8),
    # plain means ignore weights: (0.9+0.3)/2, (0.5+0.7+1.0)/3
    ("mean", 0.6, 2.2 / 3),
    # the weakest KR
    ("weakest_link", 0.3, 0.5),
]


@pytest.mark.parametrize(("method", "o1", "o2"), ROLLUP_CASES)
def test_rollup_methods(krs, method, o1, o2):
    out = rollup(krs, method=method)
    assert out.index.name == "objective_id"
    assert out.index.tolist() == ["O1", "O2"]
    np.testing.assert_allclose(out["score"].to_numpy(), [o1, o2])
    assert out["n_krs"].tolist() == [2, 3]


def test_rollups_published():
    assert ROLLUPS == ("weighted_mean", "mean", "weakest_link")


def test_rollup_equal_weights_without_weight_column(krs):
    out = rollup(krs.drop(columns="weight"))
    np.testing.assert_allclose(out["score"].to_numpy(), [0.6, 2.2 / 3])  # the plain mean


def test_rollup_zero_weight_kr_does_not_count(krs):
    out = rollup(krs.assign(weight=[0.0, 1.0, 1.0, 1.0, 1.0]))
    assert out.loc["O1", "score"] == pytest.approx(0.3)


def test_rollup_keeps_first_appearance_order():
    krs = pd.DataFrame({"objective_id": ["b", "a", "b"], "score": [0.2, 0.4, 0.6]})
    assert rollup(krs).index.tolist() == ["b", "a"]


def test_rollup_custom_columns():
    krs = pd.DataFrame({"obj": ["x", "x"], "s": [0.2, 0.8], "w": [3.0, 1.0]})
    out = rollup(krs, group_col="obj", score_col="s", weight_col="w")
    assert out.index.name == "obj"
    assert out.loc["x", "score"] == pytest.approx(0.35)  # (0.6 + 0.8) / 4


def test_rollup_uncapped_scores_pass_through():
    krs = pd.DataFrame({"objective_id": ["O"] * 2, "score": [1.5, -0.5]})
    assert rollup(krs)["score"].tolist() == [0.5]


def test_rollup_empty():
    out = rollup(pd.DataFrame({"objective_id": [], "score": []}))
    assert len(out) == 0
    assert out.columns.tolist() == ["score", "n_krs"]


def test_compare_rollups(krs):
    out = compare_rollups(krs)
    assert out.columns.tolist() == list(ROLLUPS)
    np.testing.assert_allclose(out.loc["O1"].to_numpy(), [0.5, 0.6, 0.3])


# --- the alignment tree ---------------------------------------------------------------------


@pytest.fixture
def tree() -> tuple[pd.DataFrame, pd.DataFrame]:
    # company -> sales -> ana: three levels, the docstring example
    objectives = pd.DataFrame(
        {"objective_id": ["company", "sales", "ana"], "parent_id": [None, "company", "sales"]}
    )
    krs = pd.DataFrame(
        {
            "objective_id": ["company", "sales", "ana", "ana"],
            "kr_id": ["c1", "s1", "a1", "a2"],
            "score": [0.6, 0.8, 0.4, 1.0],
        }
    )
    return objectives, krs


# (method, ana, sales, company)
TREE_CASES = [
    # ana (0.4+1.0)/2 = 0.7; sales mean(0.8, 0.7) = 0.75; company mean(0.6, 0.75) = 0.675
    ("weighted_mean", 0.7, 0.75, 0.675),
    ("mean", 0.7, 0.75, 0.675),
    # ana min 0.4; sales min(0.8, 0.4); company min(0.6, 0.4)
    ("weakest_link", 0.4, 0.4, 0.4),
]


@pytest.mark.parametrize(("method", "ana", "sales", "company"), TREE_CASES)
def test_rollup_tree_three_levels(tree, method, ana, sales, company):
    objectives, krs = tree
    out = rollup_tree(objectives, krs, method=method)
    assert out["objective_id"].tolist() == ["company", "sales", "ana"]
    assert out["depth"].tolist() == [0, 1, 2]
    assert out["n_krs"].tolist() == [1, 1, 2]
    assert out["n_children"].tolist() == [1, 1, 0]
    np.testing.assert_allclose(out["score"].to_numpy(), [company, sales, ana])


def test_rollup_tree_own_score(tree):
    out = rollup_tree(*tree)
    np.testing.assert_allclose(out["own_score"].to_numpy(), [0.6, 0.8, 0.7])


def test_rollup_tree_objective_weights(tree):
    objectives, krs = tree
    weighted = objectives.assign(weight=[1.0, 3.0, 1.0])
    out = rollup_tree(weighted, krs)
    # company: (0.6*1 + 0.75*3) / 4 = 0.7125
    assert out["score"].tolist()[0] == pytest.approx(0.7125)


def test_rollup_tree_kr_weights(tree):
    objectives, krs = tree
    out = rollup_tree(objectives, krs.assign(weight=[1.0, 1.0, 3.0, 1.0]))
    # ana: (0.4*3 + 1.0)/4 = 0.55; sales (0.8 + 0.55)/2 = 0.675; company (0.6 + 0.675)/2
    np.testing.assert_allclose(out["score"].to_numpy(), [0.6375, 0.675, 0.55])


def test_rollup_tree_objective_scored_by_children_only():
    objectives = pd.DataFrame(
        {"objective_id": ["company", "sales", "support"], "parent_id": [None, "company", "company"]}
    )
    krs = pd.DataFrame({"objective_id": ["sales", "support"], "score": [0.4, 0.8]})
    out = rollup_tree(objectives, krs).set_index("objective_id")
    assert np.isnan(out.loc["company", "own_score"])
    assert out.loc["company", "n_krs"] == 0
    assert out.loc["company", "n_children"] == 2
    assert out.loc["company", "score"] == pytest.approx(0.6)


def test_rollup_tree_two_roots_and_no_parent_column():
    objectives = pd.DataFrame({"objective_id": ["A", "B"]})
    krs = pd.DataFrame({"objective_id": ["A", "B", "B"], "score": [0.3, 0.5, 0.9]})
    out = rollup_tree(objectives, krs)
    assert out["depth"].tolist() == [0, 0]
    np.testing.assert_allclose(out["score"].to_numpy(), [0.3, 0.7])


def test_rollup_tree_children_listed_before_parents():
    objectives = pd.DataFrame(
        {"objective_id": ["ana", "sales", "company"], "parent_id": ["sales", "company", None]}
    )
    krs = pd.DataFrame({"objective_id": ["ana", "sales", "company"], "score": [1.0, 0.5, 0.0]})
    out = rollup_tree(objectives, krs)
    assert out["depth"].tolist() == [2, 1, 0]
    # sales (0.5 + 1.0)/2 = 0.75; company (0.0 + 0.75)/2 = 0.375
    np.testing.assert_allclose(out["score"].to_numpy(), [1.0, 0.75, 0.375])


def test_rollup_tree_integer_ids_with_float_parents():
    # parent_id read from a CSV with blanks becomes float: 1.0 must match id 1
    objectives = pd.DataFrame({"objective_id": [1, 2], "parent_id": [np.nan, 1.0]})
    krs = pd.DataFrame({"objective_id": [1, 2], "score": [0.2, 0.6]})
    out = rollup_tree(objectives, krs)
    assert out["depth"].tolist() == [0, 1]
    assert out["score"].tolist()[0] == pytest.approx(0.4)


@pytest.mark.parametrize(
    ("objective_ids", "parent_ids", "kr_ids", "message"),
    [
        (["a", "b"], ["b", "a"], ["a", "b"], "cycle"),
        (["a"], ["a"], ["a"], "cycle"),  # its own parent
        (["a", "b", "c"], [None, "c", "b"], ["a", "b", "c"], "cycle"),
        (["a", "b"], [None, "zz"], ["a", "b"], "'zz' is not an objective"),
        (["a", "a"], [None, None], ["a"], "'a' appears more than once"),
        (["a", "b"], [None, None], ["a"], "'b' has no key results and no aligned objectives"),
        (["a"], [None], ["a", "ghost"], "'ghost' is not in the objectives table"),
    ],
)
def test_rollup_tree_structure_errors(objective_ids, parent_ids, kr_ids, message):
    objectives = pd.DataFrame({"objective_id": objective_ids, "parent_id": parent_ids})
    krs = pd.DataFrame({"objective_id": kr_ids, "score": [0.5] * len(kr_ids)})
    with pytest.raises(OKRDataError, match=message):
        rollup_tree(objectives, krs)


def test_rollup_tree_empty():
    out = rollup_tree(
        pd.DataFrame({"objective_id": [], "parent_id": []}),
        pd.DataFrame({"objective_id": [], "score": []}),
    )
    assert len(out) == 0
    assert {"depth", "own_score", "n_krs", "n_children", "score"} <= set(out.columns)


# --- bottom-up share (OKR vs KPI vs MBO: about 60% bottom-up, 40% top-down) ----------


@pytest.fixture
def aligned() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "objective_id": ["co", "sales", "cs", "ana", "ben", "cat"],
            "parent_id": [None, "co", "co", "sales", "sales", "cs"],
            "level": ["company", "team", "team", "person", "person", "person"],
            "origin": ["top_down", "bottom_up", "top_down", "bottom_up", "bottom_up", "top_down"],
        }
    )


def test_bottom_up_share_leaves_out_the_top_level(aligned: pd.DataFrame) -> None:
    # 5 aligned objectives, 3 of them bottom-up; the company objective is not counted
    assert bottom_up_share(aligned) == pytest.approx(0.6)
    everyone = aligned.assign(origin="bottom_up")
    assert bottom_up_share(everyone) == 1.0
    # a company objective set bottom-up would not change the share either
    flipped = aligned.assign(origin=["bottom_up", *aligned["origin"].iloc[1:]])
    assert bottom_up_share(flipped) == pytest.approx(0.6)


def test_bottom_up_share_by_group(aligned: pd.DataFrame) -> None:
    share = bottom_up_share(aligned, group_col="level")
    assert share.name == "bottom_up_share"
    assert share.to_dict() == pytest.approx({"person": 2 / 3, "team": 0.5})


def test_bottom_up_share_without_parent_column_counts_every_row(aligned: pd.DataFrame) -> None:
    assert bottom_up_share(aligned.drop(columns="parent_id")) == pytest.approx(3 / 6)


def test_bottom_up_share_empty_parent_text_is_top_level(aligned: pd.DataFrame) -> None:
    assert bottom_up_share(aligned.assign(parent_id=["", *aligned["parent_id"].iloc[1:]])) == 0.6


def test_bottom_up_share_does_not_modify_its_input(aligned: pd.DataFrame) -> None:
    before = aligned.copy()
    bottom_up_share(aligned, group_col="level")
    pd.testing.assert_frame_equal(aligned, before)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"origin": ["top_down", "bottom-up", "top_down", "up", "bottom_up", "top_down"]},
         r"objective 'sales': origin is 'bottom-up'.*\n.*objective 'ana': origin is 'up'"),
        ({"parent_id": [None] * 6}, "no objective has a parent_id"),
    ],
)  # fmt: skip
def test_bottom_up_share_errors(aligned: pd.DataFrame, change: dict, message: str) -> None:
    with pytest.raises(OKRDataError, match=message):
        bottom_up_share(aligned.assign(**change))


def test_an_objective_whose_own_krs_weigh_nothing_is_scored_by_its_children():
    # Issue 13: "weights add up to 0" although two aligned objectives could score it.
    objectives = pd.DataFrame({"objective_id": ["c", "t1", "t2"], "parent_id": [None, "c", "c"]})
    krs = pd.DataFrame(
        {"objective_id": ["c", "t1", "t2"], "score": [0.2, 0.8, 0.6], "weight": [0, 1, 1]}
    )
    out = rollup_tree(objectives, krs).set_index("objective_id")
    assert np.isnan(out.at["c", "own_score"])
    assert out.at["c", "score"] == pytest.approx(0.7)
    alone = pd.DataFrame({"objective_id": ["c"], "parent_id": [None]})
    with pytest.raises(OKRDataError, match=r"'c': its weights add up to 0"):
        rollup_tree(alone, krs.iloc[:1])


@pytest.mark.parametrize("weights", [[60, 40], [0.6, 0.4], [3, 2]])
def test_weights_are_relative_so_percentages_do_not_swamp_the_children(weights):
    objectives = pd.DataFrame({"objective_id": ["c", "t1", "t2"], "parent_id": [None, "c", "c"]})
    krs = pd.DataFrame(
        {
            "objective_id": ["c", "c", "t1", "t2"],
            "score": [1.0, 0.5, 0.0, 0.0],
            "weight": [*weights, 1, 1],
        }
    )
    # Own KRs scaled to a mean weight of 1 (1.2 and 0.8), each child counts 1.
    got = rollup_tree(objectives, krs).set_index("objective_id").at["c", "score"]
    assert got == pytest.approx((1.2 * 1.0 + 0.8 * 0.5) / 4)


def test_a_parent_column_under_another_name_is_not_silently_ignored():
    objectives = pd.DataFrame({"objective_id": ["c", "t"], "parent": [None, "c"]})
    krs = pd.DataFrame({"objective_id": ["c", "t"], "score": [0.2, 0.8]})
    with pytest.raises(OKRDataError, match=r"has 'parent'; pass parent_col='parent'"):
        rollup_tree(objectives, krs)
    out = rollup_tree(objectives, krs, parent_col="parent")
    assert out["depth"].tolist() == [0, 1]
