"""Tests of choosing a framework and reading a run-vs-change mix (okr_toolkit.planning.frameworks).

Each case names the rule of a source article it checks (docs/sources.md): the
comparison table of "OKR vs KPI vs MBO" and its common mistakes, the run-vs-change
reading of "Enhance KPIs with OKRs".
"""

from __future__ import annotations

import pandas as pd
import pytest

from okr_toolkit.datasets import load_framework_comparison
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.planning.frameworks import (
    FRAMEWORKS,
    TRAIT_ASPECTS,
    TRAIT_VOTES,
    GoalTraits,
    Recommendation,
    RunChangeMix,
    classify_goals,
    recommend_framework,
    run_change_mix,
)

TABLE = load_framework_comparison().set_index("aspect")


# --------------------------------------------------------------------------------------
# Statements


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        # OKR vs KPI vs MBO, mistake 1: "Maintain 99% uptime" is a defensible threshold (KPI)
        ("Maintain 99% uptime", "KPI"),
        # OKR vs KPI vs MBO, mistake 1: "Increase uptime to 99.99% next quarter" turns it
        # into an OKR
        ("Increase uptime to 99.99% next quarter", "OKR"),
        # KPI vs OKR — the difference that matters: "Maintain NPS above 40" is a KPI;
        # "Increase NPS from 32 to 48" a KR
        ("Maintain NPS above 40", "KPI"),
        ("Increase NPS from 32 to 48", "OKR"),
        # OKR vs KPI vs MBO: activation 42% -> 65% is the worked KPI-to-OKR example
        ("Lift week-1 activation from 42% to 65%", "OKR"),
        # OKR vs KPI vs MBO, on MBO: annual, feeds the bonus decision
        ("Hit annual sales target of $1M for bonus", "MBO"),
    ],
)
def test_statement_framework(statement: str, expected: str) -> None:
    assert recommend_framework(statement).framework == expected


def test_stretch_uptime_warns_kpi_dashboard_mistake_1() -> None:
    # OKR vs KPI vs MBO, mistake 1: "If a number deserves to be stretched, it belongs in an OKR,
    # not on a KPI dashboard."
    rec = recommend_framework("Increase uptime to 99.99% next quarter")
    assert any("mistake 1" in w and "KPI dashboard" in w for w in rec.warnings)
    assert rec.traits == GoalTraits(cycle="quarterly", kind="change", ambition="stretch")


@pytest.mark.parametrize(
    "statement",
    [
        "Maintain 99% uptime",  # a KPI itself: no stretch, no warning
        "Lift week-1 activation from 42% to 65%",  # activation is not a seed KPI example
    ],
)
def test_no_mistake_1_warning(statement: str) -> None:
    assert not any("mistake 1" in w for w in recommend_framework(statement).warnings)


def test_kpi_statement_traits() -> None:
    # OKR vs KPI vs MBO, table: KPI is continuous, realistic; KPI vs OKR — the difference that
    # matters: a threshold to hold
    rec = recommend_framework("Maintain 99% uptime")
    assert rec.traits == GoalTraits(cycle="continuous", kind="threshold", ambition="realistic")
    assert rec.scores == {"OKR": 0.0, "KPI": 3.0, "MBO": 0.0}
    assert rec.warnings == ()


@pytest.mark.parametrize(
    ("statement", "cycle"),
    [
        ("Grow ARR from $2M to $3M this quarter", "quarterly"),
        ("Reduce churn to 4% by end of Q3", "quarterly"),
        ("Grow ARR from $2M to $3M", "quarterly"),  # no deadline: one OKR cycle
        ("Grow ARR from $2M to $3M by year-end", "annual"),
        ("Increase revenue by 10% this year", "annual"),
        ("Increase annual revenue from $10M to $12M", "annual"),
        ("Increase NPS from 32 to 48 within 6 months", None),  # longer than a quarter
    ],
)
def test_statement_cycle(statement: str, cycle: str | None) -> None:
    assert recommend_framework(statement).traits.cycle == cycle


def test_annual_okr_warns_mistake_5() -> None:
    # OKR vs KPI vs MBO, mistake 5: OKRs on an annual cycle are MBO in OKR clothing
    rec = recommend_framework("Grow ARR from $2M to $3M by year-end")
    assert rec.framework == "OKR"
    assert any("mistake 5" in w for w in rec.warnings)


def test_pay_linked_okr_warns_mistake_6() -> None:
    # OKR vs KPI vs MBO, mistake 6: OKR scores tied to compensation
    rec = recommend_framework("Grow ARR from $2M to $3M this quarter", pay_linked=True)
    assert rec.framework == "OKR"
    assert any("mistake 6" in w for w in rec.warnings)


def test_bonus_word_marks_pay_linked() -> None:
    assert recommend_framework("Hit annual sales target of $1M for bonus").traits.pay_linked


@pytest.mark.parametrize(
    ("statement", "label"),
    [("Hire 5 engineers", "activity"), ("Improve customer satisfaction", "unmeasurable")],
)
def test_activity_or_unmeasurable_warned_and_answered(statement: str, label: str) -> None:
    # OKR vs KPI vs MBO: a task is an activity, not a KR; still answer from what the line says
    rec = recommend_framework(statement)
    assert rec.framework in FRAMEWORKS
    assert any(label.replace("_", " ") in w for w in rec.warnings)


def test_activity_without_evidence_raises() -> None:
    with pytest.raises(OKRDataError, match=r"activity.*cycle"):
        recommend_framework("Launch a new support portal")


def test_activity_with_traits_answers() -> None:
    rec = recommend_framework("Launch a new support portal", cycle="quarterly")
    assert rec.framework == "OKR"


def test_explicit_traits_override_statement() -> None:
    rec = recommend_framework("Maintain 99% uptime", cycle="annual", ambition="conservative")
    assert rec.traits.cycle == "annual"
    assert rec.traits.kind == "threshold"  # kept from the statement
    assert rec.scores == {"OKR": 0.0, "KPI": 1.0, "MBO": 2.0}
    assert rec.framework == "MBO"


# --------------------------------------------------------------------------------------
# Traits only


@pytest.mark.parametrize(
    ("traits", "expected"),
    [
        # OKR vs KPI vs MBO, table, MBO column: annual, conservative, pay-linked, top-down
        (
            {
                "cycle": "annual",
                "ambition": "conservative",
                "pay_linked": True,
                "set_by": "top_down",
            },
            "MBO",
        ),
        # OKR vs KPI vs MBO, table, OKR column: quarterly, stretch, never paid, bidirectional
        (
            {"cycle": "quarterly", "ambition": "stretch", "pay_linked": False, "set_by": "mixed"},
            "OKR",
        ),
        # OKR vs KPI vs MBO, table, KPI column: continuous, realistic, defined by management
        ({"cycle": "continuous", "ambition": "realistic", "set_by": "management"}, "KPI"),
        ({"kind": "threshold"}, "KPI"),
        ({"kind": "change"}, "OKR"),
        ({"set_by": "bottom_up"}, "OKR"),
        # Enhance KPIs with OKRs: KPIs are often bonus-linked -> pay adds KPI evidence too
        ({"kind": "threshold", "pay_linked": True}, "KPI"),
        # ties go by TIE_ORDER: OKR, KPI, MBO
        ({"cycle": "annual", "kind": "change"}, "OKR"),
        ({"cycle": "continuous", "kind": "change"}, "OKR"),
        ({"cycle": "annual", "set_by": "management"}, "KPI"),
    ],
)
def test_traits_framework(traits: dict, expected: str) -> None:
    assert recommend_framework(**traits).framework == expected
    assert recommend_framework(traits).framework == expected
    assert recommend_framework(GoalTraits(**traits)).framework == expected


def test_pay_linked_votes_mbo_and_half_kpi() -> None:
    rec = recommend_framework(pay_linked=True)
    assert rec.scores == {"OKR": 0.0, "KPI": 0.5, "MBO": 1.0}
    assert {r.points_to for r in rec.reasons} == {"MBO", "KPI"}


def test_stretch_kpi_warns_mistake_1() -> None:
    rec = recommend_framework(cycle="continuous", kind="threshold", ambition="stretch")
    assert rec.framework == "KPI"
    assert any("mistake 1" in w for w in rec.warnings)


def test_reasons_quote_the_table() -> None:
    rec = recommend_framework(
        cycle="quarterly", kind="change", ambition="stretch", pay_linked=False, set_by="mixed"
    )
    assert len(rec.reasons) == 5
    for reason in rec.reasons:
        aspect = TRAIT_ASPECTS[reason.trait]
        assert reason.rule == TABLE.at[aspect, reason.points_to.lower()]
        assert reason.source == TABLE.at[aspect, "source"]
    by_trait = {r.trait: r for r in rec.reasons}
    assert by_trait["cycle"].rule == "Quarterly"  # OKR vs KPI vs MBO, table, Typical Cycle row
    assert by_trait["set_by"].rule == "Bidirectional (60/40)"
    assert "Never" in by_trait["pay_linked"].rule
    assert rec.summary.startswith("OKR: cycle=quarterly")
    assert rec.summary.endswith("(evidence OKR 5, KPI 0, MBO 0).")


def test_every_vote_has_a_table_cell() -> None:
    for trait, votes in TRAIT_VOTES.items():
        for per_fw in votes.values():
            for fw in per_fw:
                assert isinstance(TABLE.at[TRAIT_ASPECTS[trait], fw.lower()], str)


def test_recommendation_is_frozen() -> None:
    rec = recommend_framework(kind="change")
    assert isinstance(rec, Recommendation)
    with pytest.raises(AttributeError):
        rec.framework = "KPI"  # type: ignore[misc]


# --------------------------------------------------------------------------------------
# Bad input


@pytest.mark.parametrize(
    ("traits", "match"),
    [
        ({"cycle": "monthly"}, "`cycle` must be one of 'quarterly', 'annual', 'continuous'"),
        ({"kind": "growth"}, "`kind` must be one of 'change', 'threshold'"),
        ({"ambition": "huge"}, "`ambition` must be one of"),
        ({"pay_linked": "yes"}, "`pay_linked` must be True, False or None"),
        ({"set_by": "ceo"}, "`set_by` must be one of 'bottom_up', 'mixed', 'top_down'"),
        ({"cycle": 4}, "`cycle` must be one of"),
    ],
)
def test_bad_trait_values(traits: dict, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        GoalTraits(**traits)
    with pytest.raises(ValueError, match=match):
        recommend_framework(**traits)


def test_trait_spelling_is_normalised() -> None:
    assert GoalTraits(set_by="Top-Down", cycle=" Annual ").known() == {
        "cycle": "annual",
        "set_by": "top_down",
    }


def test_unknown_trait_name() -> None:
    with pytest.raises(TypeError, match=r"unknown trait.*horizon"):
        recommend_framework(horizon="quarterly")
    with pytest.raises(TypeError, match="unknown trait"):
        recommend_framework({"owner": "me"})


@pytest.mark.parametrize("statement", ["", "   "])
def test_empty_statement(statement: str) -> None:
    with pytest.raises(OKRDataError, match="statement is empty"):
        recommend_framework(statement)


@pytest.mark.parametrize("goal", [42, 3.5, ["Maintain 99% uptime"]])
def test_non_string_goal(goal: object) -> None:
    with pytest.raises(TypeError, match="`goal` must be"):
        recommend_framework(goal)  # type: ignore[arg-type]


def test_no_traits_at_all() -> None:
    with pytest.raises(OKRDataError, match="at least one trait"):
        recommend_framework()
    with pytest.raises(OKRDataError, match="at least one trait"):
        recommend_framework(GoalTraits())


# --------------------------------------------------------------------------------------
# Many goals: classify_goals and run_change_mix (Enhance KPIs with OKRs)

STARTUP = [
    "Grow ARR from $2M to $3M this quarter",
    "Lift week-1 activation from 42% to 65%",
    "Reduce time-to-first-value from 5 days to 2 days",
    "Raise MQL-to-SQL from 18% to 32%",
    "Increase NPS from 32 to 48",
]
MATURE = [
    "Maintain 99% uptime",
    "Keep churn below 2%",
    "Maintain NPS above 40",
    "Keep CSAT at 90% or more",
    "Grow ARR from $2M to $3M this quarter",
]


def test_classify_goals_columns_and_values() -> None:
    table = classify_goals(["Maintain 99% uptime", "Grow ARR from $2M to $3M", "Be great"])
    assert list(table.columns) == ["goal", "framework", "run_or_change", "reason"]
    assert table["run_or_change"].tolist() == ["run", "change", "unclassified"]
    assert table["framework"].tolist()[:2] == ["KPI", "OKR"]
    assert pd.isna(table["framework"].iloc[2])


def test_classify_goals_agrees_with_recommend_framework() -> None:
    goals = [*STARTUP, *MATURE, "Hit annual sales target of $1M for bonus", "Hire 5 engineers"]
    table = classify_goals(goals)
    assert table["framework"].tolist() == [recommend_framework(g).framework for g in goals]


def test_mbo_goal_is_unclassified() -> None:
    table = classify_goals(["Hit annual sales target of $1M for bonus"])
    assert table.at[0, "framework"] == "MBO"
    assert table.at[0, "run_or_change"] == "unclassified"


def test_startup_mix() -> None:
    # Enhance KPIs with OKRs: "Startups are almost 100% change-focused"
    mix = run_change_mix(STARTUP)
    assert isinstance(mix, RunChangeMix)
    assert (mix.n_goals, mix.run, mix.change, mix.unclassified) == (5, 0, 5, 0)
    assert mix.change_share == 1.0
    assert "startup's profile" in mix.reading


def test_mature_mix() -> None:
    # Enhance KPIs with OKRs: "mature companies emphasize run"
    mix = run_change_mix(MATURE)
    assert (mix.run, mix.change) == (4, 1)
    assert mix.run_share == pytest.approx(0.8)
    assert "mature firm's profile, mostly run" in mix.reading


def test_middle_mix_and_unclassified() -> None:
    mix = run_change_mix([*STARTUP[:2], *MATURE[:2], "Launch a new support portal"])
    assert (mix.run, mix.change, mix.unclassified) == (2, 2, 1)
    assert mix.unclassified_share == pytest.approx(0.2)
    assert "50%" in mix.reading and "a mix" in mix.reading
    row = mix.to_frame()
    assert row.shape == (1, 8)
    assert row.at[0, "unclassified"] == 1


def test_nothing_classified_mix() -> None:
    mix = run_change_mix(["Be great", "Launch a new support portal"])
    assert mix.unclassified == 2
    assert "no goal reads as run or change" in mix.reading


def test_dataframe_input_unchanged() -> None:
    frame = pd.DataFrame({"team": list("abcde"), "statement": MATURE}, index=list("vwxyz"))
    before = frame.copy()
    mix = run_change_mix(frame)
    table = classify_goals(frame)
    pd.testing.assert_frame_equal(frame, before)
    assert mix.run == 4
    assert list(table.index) == list("vwxyz")


def test_dataframe_other_column() -> None:
    frame = pd.DataFrame({"kr": STARTUP})
    assert run_change_mix(frame, goal_col="kr").change == 5


def test_missing_column() -> None:
    with pytest.raises(OKRDataError, match=r"column 'statement' not found.*goal_col="):
        run_change_mix(pd.DataFrame({"kr": STARTUP}))


@pytest.mark.parametrize(
    ("goals", "error", "match"),
    [
        ([], OKRDataError, "no goals given"),
        ("Maintain 99% uptime", TypeError, "not a single string"),
        (42, TypeError, "`goals` must be"),
        (["Maintain 99% uptime", None], TypeError, "must be a str"),
    ],
)
def test_bad_goals(goals: object, error: type[Exception], match: str) -> None:
    with pytest.raises(error, match=match):
        run_change_mix(goals)  # type: ignore[arg-type]


def test_bad_reading_bounds() -> None:
    with pytest.raises(ValueError, match="mature_share < startup_share"):
        run_change_mix(STARTUP, startup_share=0.2, mature_share=0.5)
