"""The notebooks' answer keys are computed by the library; check them against hand-worked values."""

from __future__ import annotations

import pytest

from okr_toolkit import exercises

HAND_WORKED = {
    "frameworks.annual": "MBO",  # OKR vs KPI vs MBO, table: MBO cycle is annual
    "frameworks.stretch": "OKR",  # OKR vs KPI vs MBO, table: 60-70% is healthy
    "frameworks.fuel_gauge": "KPI",  # OKR vs KPI vs MBO: KPI is the fuel gauge
    "frameworks.pay": "MBO",  # OKR vs KPI vs MBO: year-end result drives the bonus
    "frameworks.uptime_kpi": "KPI",  # OKR vs KPI vs MBO, mistake 1
    "frameworks.uptime_okr": "OKR",
    "scoring.threshold_score": 8 / 23,  # OKR vs KPI vs MBO: (50 - 42) / (65 - 42)
    "scoring.sales_cycle": 0.4,  # (39 - 45) / (30 - 45)
    "scoring.mql_at_07": 27.8,  # 18 + 0.7 * 14
    "scoring.weakest_link": 0.2,
    "scoring.mbo_payout": 0.5 + (58.1 / 65 - 0.8) / 0.2 * 0.5,  # default payout curve
    "activation.weeks_stalled": 26,  # every week of the six-month history misses 50%
    "activation.gap_multiple_target": 42 + 2 * (50 - 42),
    "activation.value_at_07": 42 + 0.7 * (65 - 42),  # 58.1
    "activation.threshold_score_at_60": (50 - 42) / (60 - 42),
    "mql.threshold_score": (25 - 18) / (32 - 18),  # OKR vs KPI vs MBO: exactly 0.5
    "mql.target_clear_at_035": 18 + (25 - 18) / 0.35,  # 38
    "mql.sales_cycle_at_07": 45 + 0.7 * (30 - 45),  # 34.5 days
    "migration.bank": "COEXIST",  # OKR vs KPI vs MBO: regulation, pay and HR keep MBO as the record
    "migration.team_e_joins": "2026Q3",  # OKR vs KPI vs MBO: by Q3 every team on quarterly OKRs
    "migration.first_quarter_target": 8 + (12 - 8) / 4,
    "scenarios.mean_end_value": 57.0,  # 48 + 1.5 x 6
    "scenarios.zero_volatility": 0.0,  # every path ends at 54: score 12/23 < 0.7
    "scenarios.brier": 0.5,  # ((1-1)^2 + (0-1)^2) / 2
    "acme.frt_threshold_score": (4 - 6) / (2 - 6),  # 0.5, going down
    "acme.bottom_up_teams": 9 / 12,  # datasets/acme_objectives.csv: 9 of 12 team objectives
    "acme.weeks_stalled_frt": 20,  # the generator's stall: 20 weeks above 4 hours
}


def test_every_exercise_has_a_hand_worked_answer():
    assert set(HAND_WORKED) == set(exercises.EXERCISES)


@pytest.mark.parametrize(("exercise", "expected"), HAND_WORKED.items())
def test_answer_key(exercise, expected):
    got = exercises.solution(exercise)
    if isinstance(expected, str):
        assert got == expected
    else:
        assert got == pytest.approx(expected, abs=1e-9)
    assert exercises.check(exercise, expected).ok


@pytest.mark.parametrize(
    ("exercise", "answer", "ok"),
    [
        ("frameworks.annual", " mbo ", True),
        ("frameworks.annual", "OKR", False),
        ("scoring.threshold_score", 0.35, True),  # within the 0.01 tolerance
        ("scoring.threshold_score", 0.36, False),
        ("scoring.threshold_score", "a third", False),
        ("scoring.threshold_score", None, False),
    ],
)
def test_check_verdicts(exercise, answer, ok):
    verdict = exercises.check(exercise, answer)
    assert verdict.ok is ok
    assert exercise in verdict


def test_wrong_answer_gives_the_hint_not_the_answer():
    verdict = exercises.check("scoring.mql_at_07", 30)
    assert "Hint" in verdict and "27.8" not in verdict


def test_unknown_exercise_lists_the_known_ones():
    with pytest.raises(KeyError, match=r"scoring\.sales_cycle"):
        exercises.check("nope", 1)


def test_classify_quiz_is_keyed_by_the_labelled_corpus():
    from okr_toolkit.datasets import load_statements

    corpus = load_statements().set_index("statement")["label"].astype(str)
    assert set(exercises.CLASSIFY_QUIZ) <= set(corpus.index)
    labels = {text: corpus[text] for text in exercises.CLASSIFY_QUIZ}
    # all four kinds appear, so the quiz tests the whole distinction
    assert set(labels.values()) == {"key_result", "activity", "kpi", "unmeasurable"}
    assert exercises.check_labels(labels).ok
    wrong = dict(labels, **{exercises.CLASSIFY_QUIZ[0]: "kpi"})
    verdict = exercises.check_labels(wrong)
    assert not verdict.ok and "9 of 10 right" in verdict
    assert "not answered yet" in exercises.check_labels({})
