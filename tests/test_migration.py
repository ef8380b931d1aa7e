"""MBO -> OKR migration: assessment, plan, guardrails, first-quarter draft (OKR vs KPI vs MBO)."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.planning.migration import (
    PLAN_COLUMNS,
    Assessment,
    MigrationProfile,
    assess_migration,
    check_plan,
    draft_first_quarter,
    plan_migration,
)

FIELDS = [
    "regulated",
    "bonus_tied_to_annual_targets",
    "annual_review_in_hr",
    "targets_stale_by_q2",
    "needs_mid_year_course_correction",
]
NONE = dict.fromkeys(FIELDS, False)
TEAMS8 = [f"Team {c}" for c in "ABCDEFGH"]


def profile(teams: int = 8, **flags: bool) -> MigrationProfile:
    return MigrationProfile(**{**NONE, **flags}, teams=teams)


# ---------------------------------------------------------------- assessment

# (input set True, expected decision) -- OKR vs KPI vs MBO, "When to Replace, When to Coexist"
RULES = [
    ("regulated", "coexist"),  # regulated industries keep MBO
    ("bonus_tied_to_annual_targets", "coexist"),  # bonus structures tied to annual targets
    ("annual_review_in_hr", "coexist"),  # HR processes assume an annual review
    ("targets_stale_by_q2", "replace"),  # annual targets get stale by Q2
    ("needs_mid_year_course_correction", "replace"),  # course-correct between reviews
]


@pytest.mark.parametrize(("field", "decision"), RULES)
def test_each_rule_is_traced_to_its_input(field, decision):
    a = assess_migration(profile(**{field: True}))
    assert isinstance(a, Assessment)
    assert a.decision == decision
    pointing = [r for r in a.reasons if r.points_to != "neither"]
    assert [(r.input_name, r.value, r.points_to) for r in pointing] == [(field, True, decision)]
    assert field in a.summary
    # every input appears once among the reasons
    assert [r.input_name for r in a.reasons] == [*FIELDS, "teams"]


def test_conflict_coexist_constraint_wins():
    a = assess_migration(profile(regulated=True, targets_stale_by_q2=True))
    assert a.decision == "coexist"
    assert "cannot be switched off" in a.summary
    assert any("stale" in r for r in a.risks)


def test_no_signal_is_the_cautious_coexist():
    a = assess_migration(profile())
    assert a.decision == "coexist"
    assert "cautious" in a.summary


def test_risks_of_each_path():
    coexist = assess_migration(profile(bonus_tied_to_annual_targets=True))
    assert any("bonus talks" in r and "collapses" in r for r in coexist.risks)
    replace = assess_migration(profile(targets_stale_by_q2=True))
    assert any("observed behaviour and outcomes" in r for r in replace.risks)
    assert not any("longer rollout" in r for r in replace.risks)
    big = assess_migration(profile(teams=40, targets_stale_by_q2=True))
    assert any("longer rollout" in r for r in big.risks)


def test_assessment_to_frame_and_mapping_input():
    a = assess_migration({**NONE, "needs_mid_year_course_correction": True, "teams": 3})
    frame = a.to_frame()
    assert list(frame.columns) == ["input_name", "value", "points_to", "why"]
    assert len(frame) == 6


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"regulated": "yes"}, "'regulated' must be True or False"),
        ({"annual_review_in_hr": 1}, "'annual_review_in_hr' must be True or False"),
        ({"teams": 0}, "'teams' must be at least 1"),
        ({"teams": 2.5}, "'teams' must be a whole number"),
        ({"teams": True}, "'teams' must be a whole number"),
    ],
)
def test_profile_validation_names_the_field(changes, message):
    with pytest.raises(OKRDataError, match=message):
        MigrationProfile(**{**NONE, "teams": 3, **changes})


def test_profile_from_dict_missing_and_unknown_fields():
    with pytest.raises(OKRDataError, match=r"missing 'teams'.*unknown 'team_count'"):
        MigrationProfile.from_dict({**NONE, "team_count": 3})


# ---------------------------------------------------------------- plan


def test_seed_one_year_path_for_eight_teams():
    plan = plan_migration(TEAMS8, "2026Q1")
    assert list(plan.columns) == list(PLAN_COLUMNS)
    assert len(plan) == 8 * 5
    assert list(dict.fromkeys(plan["quarter"])) == [
        "2026Q1",
        "2026Q2",
        "2026Q3",
        "2026Q4",
        "2027Q1",
    ]
    fw = plan.pivot(index="team", columns="quarter", values="framework")
    # Q1: one pilot team, the rest on MBO
    assert fw["2026Q1"].value_counts().to_dict() == {"MBO": 7, "OKR pilot": 1}
    assert fw.at["Team A", "2026Q1"] == "OKR pilot"
    # Q2: a few more teams (about a third of 8 -> 3) and the pay split for everyone
    assert (fw["2026Q2"] == "OKR").sum() == 4
    q2 = plan[plan["quarter"] == "2026Q2"]
    assert q2["okr_pay_decoupled"].all()
    assert "split from bonus" in q2["milestone"].iat[0]
    # Q3: every team on quarterly OKRs
    q3 = plan[plan["quarter"] == "2026Q3"]
    assert (q3["framework"] == "OKR").all() and (q3["cadence"] == "quarterly").all()
    # Q4: the year-end MBO review is the last target verdict
    q4 = plan[plan["quarter"] == "2026Q4"]
    assert (q4["review"] == "target verdict").all()
    assert "last annual target verdict" in q4["milestone"].iat[0]
    # next year: OKRs carry strategy, the review is a development conversation
    nxt = plan[plan["quarter"] == "2027Q1"]
    assert (nxt["review"] == "development conversation").all()
    assert "carry the strategy" in nxt["milestone"].iat[0]
    assert check_plan(plan) == []


def test_mbo_rows_are_annual_and_okr_rows_quarterly():
    plan = plan_migration(TEAMS8, "2026Q1")
    mbo = plan["framework"] == "MBO"
    assert (plan.loc[mbo, "cadence"] == "annual").all()
    assert (plan.loc[~mbo, "cadence"] == "quarterly").all()


def test_coexist_plan_for_a_regulated_bank():
    teams = ["Retail", "Risk", "Compliance", "IT"]
    assert assess_migration(profile(teams=4, regulated=True)).decision == "coexist"
    plan = plan_migration(teams, "Q1 2026", strategy="coexist")
    assert set(plan["framework"]) <= {"MBO", "MBO + OKR"}
    assert (plan["review"] == "target verdict").all()  # MBO stays the pay-and-review record
    assert plan["okr_pay_decoupled"].all()
    assert (plan.loc[plan["framework"] == "MBO + OKR", "cadence"] == "quarterly").all()
    last = plan[plan["quarter_index"] == plan["quarter_index"].max()]
    assert (last["framework"] == "MBO + OKR").all()
    assert (plan["strategy"] == "coexist").all()
    assert check_plan(plan) == []


def test_start_quarter_mid_year_crosses_the_year():
    plan = plan_migration(["A", "B"], "Q3 2026")
    assert list(dict.fromkeys(plan["quarter"])) == [
        "2026Q3",
        "2026Q4",
        "2027Q1",
        "2027Q2",
        "2027Q3",
    ]
    assert plan_migration(["A"], pd.Period("2026Q4", freq="Q"))["quarter"].iat[-1] == "2027Q4"


def test_explicit_pilot_and_waves():
    plan = plan_migration(TEAMS8, "2026Q1", pilot_teams=["Team C", "Team D"])
    first = plan[plan["quarter_index"] == 0].set_index("team")["framework"]
    assert set(first[first == "OKR pilot"].index) == {"Team C", "Team D"}
    waves = [["Team H"], [], ["Team A", "Team B"], TEAMS8[2:7]]
    plan = plan_migration(TEAMS8, "2026Q1", waves=waves)
    fw = plan.pivot(index="team", columns="quarter_index", values="framework")
    assert fw.at["Team H", 0] == "OKR pilot"
    assert (fw[1] == "MBO").sum() == 7
    assert fw.at["Team A", 2] == "OKR" and fw.at["Team C", 2] == "MBO"
    assert (fw[3] == "OKR").all()
    assert check_plan(plan) == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"teams": []}, "`teams` is empty"),
        ({"teams": 0}, "must be a list of team names"),
        ({"teams": "Sales"}, "must be a list of team names"),
        ({"teams": ["A", "B", "A"]}, "'A' more than once"),
        ({"teams": ["A", ""]}, "non-empty team names"),
        ({"pilot_teams": ["Z"]}, "pilot team\\(s\\) 'Z' not in `teams`"),
        ({"start_quarter": "2026Q5"}, "'2026Q5' is not a quarter"),
        ({"start_quarter": "next spring"}, "is not a quarter"),
        ({"strategy": "hybrid"}, "`strategy` must be one of 'replace', 'coexist'"),
        ({"waves": [["A"], ["Q"]]}, "'Q' not in `teams`"),
        ({"waves": [["A"]]}, "'B', 'C' are in no wave"),
        ({"waves": [["A"], ["A", "B", "C"]]}, "'A' appear in more than one wave"),
        ({"waves": [[], ["A", "B", "C"]]}, "at least one pilot team"),
        ({"waves": [["A"], [], [], [], ["B", "C"]]}, "at most 4"),
        ({"waves": [["A"], ["B", "C"]], "pilot_teams": ["B"]}, "differ from the first wave"),
    ],
)
def test_impossible_inputs_raise_clear_errors(kwargs, message):
    args = {"teams": ["A", "B", "C"], "start_quarter": "2026Q1", **kwargs}
    with pytest.raises(OKRDataError, match=message):
        plan_migration(**args)


def test_input_team_list_unchanged():
    teams = ["B", "A", "C"]
    pilots = ["C"]
    plan_migration(teams, "2026Q1", pilot_teams=pilots)
    assert teams == ["B", "A", "C"] and pilots == ["C"]


# ---------------------------------------------------------------- guardrails


def _plan() -> pd.DataFrame:
    return plan_migration(["A", "B", "C"], "2026Q1")


def test_guardrail_okr_score_linked_to_pay():
    plan = _plan()
    plan.loc[(plan["team"] == "A") & (plan["quarter"] == "2026Q1"), "okr_pay_decoupled"] = False
    (problem,) = check_plan(plan)
    assert problem.startswith("A in 2026Q1: OKR score linked to pay")


def test_guardrail_annual_okr_cycle():
    plan = _plan()
    plan.loc[(plan["team"] == "B") & (plan["quarter"] == "2026Q3"), "cadence"] = "annual"
    (problem,) = check_plan(plan)
    assert "B in 2026Q3" in problem and "MBO in OKR clothing" in problem


def test_guardrail_team_never_reaches_okr():
    plan = _plan()
    plan.loc[plan["team"] == "C", ["framework", "cadence"]] = ["MBO", "annual"]
    (problem,) = check_plan(plan)
    assert "C is on MBO in the final quarter 2027Q1" in problem


def test_guardrail_coexist_keeps_mbo_record():
    plan = plan_migration(["A", "B"], "2026Q1", strategy="coexist")
    plan.loc[plan["quarter_index"] == 4, "framework"] = "OKR"
    problems = check_plan(plan)
    assert len(problems) == 2 and all("use 'MBO + OKR'" in p for p in problems)


def test_every_violation_is_reported_and_strict_raises():
    plan = _plan()
    plan.loc[0, "okr_pay_decoupled"] = False  # A, 2026Q1, pilot
    plan.loc[7, "cadence"] = "annual"  # B, 2026Q3
    plan.loc[plan["team"] == "C", ["framework", "cadence"]] = ["MBO", "annual"]
    plan = pd.concat([plan, plan.iloc[[3]]], ignore_index=True)  # duplicate A, 2026Q2
    problems = check_plan(plan)
    assert len(problems) == 4
    text = "\n".join(problems)
    for expected in ["linked to pay", "MBO in OKR clothing", "final quarter", "more than one row"]:
        assert expected in text
    with pytest.raises(OKRDataError, match="4 problem\\(s\\)"):
        check_plan(plan, strict=True)


def test_missing_columns_and_bad_values():
    plan = _plan()
    assert "missing column(s) 'milestone'" in check_plan(plan.drop(columns="milestone"))[0]
    plan.loc[0, "framework"] = "OKRs"
    plan["okr_pay_decoupled"] = plan["okr_pay_decoupled"].astype(object)
    plan.loc[1, "okr_pay_decoupled"] = "yes"
    text = "\n".join(check_plan(plan))
    assert "framework 'OKRs' is not one of" in text
    assert "okr_pay_decoupled must be True or False, got 'yes'" in text
    missing_row = _plan().drop(index=2)
    assert any("C has no row for 2026Q1" in p for p in check_plan(missing_row))
    assert check_plan("plan")[0].startswith("a migration plan must be a pandas DataFrame")


def test_check_plan_leaves_plan_unchanged():
    plan = _plan()
    before = plan.copy()
    check_plan(plan)
    pd.testing.assert_frame_equal(plan, before)


# ---------------------------------------------------------------- properties

team_lists = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz ", min_size=1, max_size=8).filter(str.strip),
    min_size=1,
    max_size=30,
    unique=True,
)
quarters = st.tuples(st.integers(2000, 2100), st.integers(1, 4)).map(lambda p: f"{p[0]}Q{p[1]}")


@settings(max_examples=60, deadline=None)
@given(teams=team_lists, start=quarters, data=st.data())
def test_every_replace_plan_keeps_the_guardrails(teams, start, data):
    pilots = data.draw(
        st.none() | st.lists(st.sampled_from(teams), min_size=1, max_size=3, unique=True)
    )
    plan = plan_migration(teams, start, pilot_teams=pilots)
    assert check_plan(plan) == []
    n_quarters = plan["quarter"].nunique()
    assert len(plan) == len(teams) * n_quarters and 5 <= n_quarters <= 8
    assert not plan.duplicated(["team", "quarter"]).any()
    assert plan["quarter"].iat[0] == start
    # Issue 13: the last annual verdict falls in a year-end quarter, then the plan ends.
    verdict = plan[plan["milestone"].str.contains("the last annual target verdict")]
    assert verdict["quarter"].str.endswith("Q4").all()
    assert verdict["quarter_index"].nunique() == 1
    assert n_quarters == max(5, int(verdict["quarter_index"].iat[0]) + 2)
    last = plan[plan["quarter_index"] == 4]
    assert sorted(last["team"]) == sorted(teams)
    assert (last["framework"] == "OKR").all()
    okr = plan["framework"] != "MBO"
    assert plan.loc[okr, "okr_pay_decoupled"].all()  # no row pays on OKR scores
    assert (plan.loc[okr, "cadence"] == "quarterly").all()


@settings(max_examples=30, deadline=None)
@given(teams=team_lists, start=quarters)
def test_every_coexist_plan_keeps_the_guardrails(teams, start):
    plan = plan_migration(teams, start, strategy="coexist")
    assert check_plan(plan) == []
    assert plan["okr_pay_decoupled"].all()
    assert len(plan) == len(teams) * 5


# ---------------------------------------------------------------- first-quarter draft


def _mbo() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "team": ["Sales", "Sales", "Ops", "Ops"],
            "owner": ["Ana", "Ben", "Cem", "Dee"],
            "target": [
                "Grow annual revenue to $12M",
                "Close 40 new enterprise accounts",
                "Zero open regulatory audit findings",
                "Keep uptime at 99.9%",
            ],
            "metric": ["revenue ($M)", "new accounts", "open audit findings", "uptime (%)"],
            "annual_value": [12.0, 40.0, 0.0, 99.9],
            "baseline": [8.0, 0.0, 12.0, 99.9],
            "purpose": [
                "fund the expansion into Spain.",
                "fund the expansion into Spain.",
                "stay licensed to operate",
                "customers can rely on us",
            ],
            "pay_linked": [True, True, True, False],
        }
    )


def test_draft_first_quarter():
    mbo = _mbo()
    before = mbo.copy()
    okrs, decisions = draft_first_quarter(mbo, "Q1 2026")
    pd.testing.assert_frame_equal(mbo, before)  # input unchanged
    assert len(okrs) == 3  # the steady uptime target is a KPI, not a KR
    assert (okrs["quarter"] == "2026Q1").all()
    assert okrs["objective"].tolist() == [
        "Fund the expansion into Spain",
        "Fund the expansion into Spain",
        "Stay licensed to operate",
    ]
    # a linear quarter of the way from baseline to annual value
    assert okrs["target"].tolist() == pytest.approx([9.0, 10.0, 9.0])
    assert okrs["committed"].tolist() == [False, False, True]
    assert okrs["kind"].tolist() == ["aspirational", "aspirational", "committed"]
    assert not okrs["pay_linked"].any()
    text = "\n".join(decisions)
    for expected in ["stretch level", "KPI", "reviews will use outcomes", "3 target(s) were pay"]:
        assert expected in text
    assert "'Keep uptime at 99.9%' holds its metric" in text


def test_draft_first_quarter_bad_input():
    with pytest.raises(OKRDataError, match="missing column\\(s\\) 'purpose'"):
        draft_first_quarter(_mbo().drop(columns="purpose"), "2026Q1")
    with pytest.raises(OKRDataError, match="is not a quarter"):
        draft_first_quarter(_mbo(), "Q5 2026")
    bad = _mbo()
    bad["baseline"] = bad["baseline"].astype(object)
    bad.loc[0, "baseline"] = "8M"
    with pytest.raises(OKRDataError, match="baseline '8M' is text"):
        draft_first_quarter(bad, "2026Q1")
    with pytest.raises(OKRDataError, match="no rows"):
        draft_first_quarter(_mbo().iloc[0:0], "2026Q1")


def test_draft_without_purpose_asks_for_one():
    mbo = _mbo()
    mbo.loc[1, "purpose"] = None
    okrs, decisions = draft_first_quarter(mbo, "2026Q1")
    assert okrs["objective"].iat[1].startswith("(write the objective")
    assert any("has no purpose" in d for d in decisions)
