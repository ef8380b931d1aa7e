"""Answer keys for the notebooks' exercises, computed by the library itself.

A notebook asks a question and calls :func:`check` with the student's answer;
the expected answer is computed here from the toolkit's own functions and the
shipped data, never typed in, so the key cannot drift from the library. The
answers are not printed unless asked for with :func:`solution`.

Examples
--------
>>> check("scoring.threshold_score", 0.35)
✔ scoring.threshold_score: correct (0.348).
>>> check("scoring.threshold_score", 0.5).ok
False
>>> check("frameworks.annual", "mbo")
✔ frameworks.annual: correct (MBO).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = [
    "CLASSIFY_QUIZ",
    "EXERCISES",
    "Exercise",
    "Verdict",
    "check",
    "check_labels",
    "solution",
]


class Verdict(str):
    """A checked answer: shows as its message, and knows whether it was right."""

    ok: bool

    def __new__(cls, message: str, ok: bool) -> Verdict:
        verdict = super().__new__(cls, message)
        verdict.ok = ok
        return verdict

    def __repr__(self) -> str:
        return str(self)


@dataclass(frozen=True)
class Exercise:
    """One question: how to compute its answer, how close counts, and a hint."""

    question: str
    answer: Callable[[], Any]
    hint: str
    tolerance: float = 0.01


def _framework_with(aspect: str, words: str) -> str:
    """The framework whose cell for ``aspect`` mentions ``words``.

    The cells are those of the comparison table in "OKR vs KPI vs MBO".
    """
    from okr_toolkit.datasets import load_framework_comparison

    row = load_framework_comparison().set_index("aspect").loc[aspect]
    hits = [fw for fw in ("okr", "kpi", "mbo") if words.lower() in str(row[fw]).lower()]
    if len(hits) != 1:  # pragma: no cover - guards the answer key against data edits
        raise LookupError(f"{words!r} matches {hits} in the {aspect!r} row")
    return hits[0].upper()


def _score(*args: Any, **kwargs: Any) -> Callable[[], float]:
    def compute() -> float:
        from okr_toolkit.core.scoring import score

        return float(score(*args, **kwargs))

    return compute


def _payout_at_07() -> float:
    from okr_toolkit.core.mbo import achievement, payout

    # A 0.7 OKR score on 42 -> 65 means 58.1%; read against 65 as an MBO target.
    return float(payout(achievement(42 + 0.7 * (65 - 42), 65)))


def _proposal(attribute: str, *args: Any, **kwargs: Any) -> Callable[[], float]:
    """An answer read off a KPI-to-KR proposal (``value_at_0.7`` reads the 0.7 point)."""

    def compute() -> float:
        from okr_toolkit.planning.convert import kpi_to_kr

        kr = kpi_to_kr(*args, **kwargs)
        if attribute == "value_at_0.7":
            return float(kr.value_at(0.7))
        return float(getattr(kr, attribute))

    return compute


def _stall_run(kpi: str) -> Callable[[], float]:
    def compute() -> float:
        from okr_toolkit.core.kpis import stall_summary
        from okr_toolkit.datasets import load_kpi_history

        return float(stall_summary(load_kpi_history())["run"].loc[kpi])

    return compute


def _acme_stall_run(kpi: str) -> Callable[[], float]:
    def compute() -> float:
        from okr_toolkit.core.kpis import stall_summary
        from okr_toolkit.datasets import load_acme_kpi_history

        return float(stall_summary(load_acme_kpi_history())["run"].loc[kpi])

    return compute


def _acme_bottom_up(level: str) -> Callable[[], float]:
    def compute() -> float:
        from okr_toolkit.core.rollup import bottom_up_share
        from okr_toolkit.datasets import load_acme_objectives

        return float(bottom_up_share(load_acme_objectives(), group_col="level")[level])

    return compute


def _sample_company() -> list[str]:
    return [f"Team {letter}" for letter in "ABCDEFGH"]


def _join_quarter(team: str) -> Callable[[], str]:
    """The first quarter ``team`` runs full OKRs in the sample company's replace plan."""

    def compute() -> str:
        from okr_toolkit.planning.migration import plan_migration

        plan = plan_migration(_sample_company(), "2026Q1")
        rows = plan[(plan["team"] == team) & (plan["framework"] == "OKR")]
        return str(rows["quarter"].min())

    return compute


def _bank_decision() -> str:
    from okr_toolkit.planning.migration import MigrationProfile, assess_migration

    bank = MigrationProfile(
        regulated=True,
        bonus_tied_to_annual_targets=True,
        annual_review_in_hr=True,
        targets_stale_by_q2=True,
        needs_mid_year_course_correction=True,
        teams=12,
    )
    return assess_migration(bank).decision.upper()


def _first_quarter_target() -> float:
    import pandas as pd

    from okr_toolkit.planning.migration import draft_first_quarter

    mbo = pd.DataFrame(
        {
            "team": ["Sales"],
            "owner": ["Ana"],
            "target": ["Grow annual revenue to $12M"],
            "metric": ["revenue ($M)"],
            "annual_value": [12.0],
            "baseline": [8.0],
            "purpose": ["fund the expansion into Spain"],
        }
    )
    return float(draft_first_quarter(mbo, "2026Q1").okrs["target"].iloc[0])


def _simulated_p_success() -> float:
    from okr_toolkit.scenarios import simulate_kr

    return float(simulate_kr(42, 65, 48, 6, drift=1.0, volatility=0.0, seed=0).p_success)


def _simulated_mean_end() -> float:
    from okr_toolkit.scenarios import simulate_kr

    # The noise only spreads the paths around this mean, so simulate without it.
    return float(simulate_kr(42, 65, 48, 6, drift=1.5, volatility=0.0, seed=0).end_values.mean())


def _brier_two() -> float:
    import pandas as pd

    from okr_toolkit.scenarios import confidence_calibration

    past = pd.DataFrame({"confidence": [1.0, 0.0], "score": [1.0, 1.0]})
    return float(confidence_calibration(past, bins=2, scale="0-1").brier)


def _rollup_weakest() -> float:
    import pandas as pd

    from okr_toolkit.core.rollup import rollup

    krs = pd.DataFrame({"objective_id": "O", "score": [0.9, 0.7, 0.2]})
    return float(rollup(krs, method="weakest_link")["score"].iloc[0])


EXERCISES: dict[str, Exercise] = {
    "frameworks.annual": Exercise(
        "Which framework runs on an annual cycle?",
        lambda: _framework_with("cycle", "annual"),
        "look at the 'cycle' row of the comparison table.",
    ),
    "frameworks.stretch": Exercise(
        "In which framework is 60-70% achievement healthy?",
        lambda: _framework_with("success_threshold", "60-70%"),
        "look at the 'success_threshold' row.",
    ),
    "frameworks.fuel_gauge": Exercise(
        "Which framework is the fuel gauge?",
        lambda: _framework_with("analogy", "fuel gauge"),
        "the fuel gauge shows the current state, not a destination.",
    ),
    "frameworks.pay": Exercise(
        "Which framework's result decides the bonus?",
        lambda: _framework_with("pay_link", "decides bonus"),
        "look at the 'pay_link' row.",
    ),
    "frameworks.uptime_kpi": Exercise(
        "'Maintain 99% uptime': OKR, KPI or MBO?",
        lambda: "KPI",
        "is it a change to make, or a level to defend?",
    ),
    "frameworks.uptime_okr": Exercise(
        "'Increase uptime to 99.99% next quarter': OKR, KPI or MBO?",
        lambda: "OKR",
        "a time-boxed stretch move of a metric.",
    ),
    "scoring.threshold_score": Exercise(
        "Activation KR 42% -> 65%: what score clears the 50% KPI threshold?",
        _score(50, 42, 65),
        "the KR clears the KPI when current reaches the threshold: score(50, 42, 65).",
    ),
    "scoring.sales_cycle": Exercise(
        "Sales cycle KR 45 -> 30 days, now at 39 days: what is its score?",
        _score(39, 45, 30),
        "the same formula works for decreasing metrics: (39 - 45) / (30 - 45).",
    ),
    "scoring.mql_at_07": Exercise(
        "MQL-to-SQL KR 18% -> 32%: which conversion rate is a 0.7 score?",
        lambda: 18 + 0.7 * (32 - 18),
        "baseline + 0.7 x (target - baseline).",
    ),
    "scoring.weakest_link": Exercise(
        "KR scores 0.9, 0.7 and 0.2: the objective's weakest-link score?",
        _rollup_weakest,
        "weakest link takes the lowest KR score.",
    ),
    "scoring.mbo_payout": Exercise(
        "A 0.7 OKR score on 42% -> 65%, read as an MBO target of 65%: the bonus share paid?",
        _payout_at_07,
        "achievement is 58.1 / 65; put it through payout().",
    ),
    "activation.weeks_stalled": Exercise(
        "For how many consecutive weeks has activation missed its 50% threshold?",
        _stall_run("activation_rate"),
        "stall_summary() counts the run of misses up to the latest week.",
        tolerance=0,
    ),
    "activation.gap_multiple_target": Exercise(
        "Activation at 42%, threshold 50%: the target two threshold-gaps away?",
        _proposal("target", "activation_rate", 42, 50, strategy="gap_multiple", multiple=2),
        "baseline + 2 x (threshold - baseline).",
    ),
    "activation.value_at_07": Exercise(
        "Activation KR 42% -> 65%: where does a 0.7 score put activation?",
        _proposal("value_at_0.7", "activation_rate", 42, 50, strategy="explicit", target=65),
        "baseline + 0.7 x (target - baseline).",
    ),
    "activation.threshold_score_at_60": Exercise(
        "If the target were 60% instead of 65%, at what score is the 50% threshold cleared?",
        _proposal("threshold_score", "activation_rate", 42, 50, strategy="explicit", target=60),
        "(threshold - baseline) / (target - baseline).",
    ),
    "mql.threshold_score": Exercise(
        "MQL-to-SQL KR 18% -> 32%: at what score is the 25% threshold cleared?",
        _proposal("threshold_score", "mql_to_sql_rate", 18, 25, strategy="explicit", target=32),
        "(25 - 18) / (32 - 18).",
    ),
    "mql.target_clear_at_035": Exercise(
        "MQL-to-SQL at 18%, threshold 25%: the target that clears it at a score of 0.35?",
        _proposal("target", "mql_to_sql_rate", 18, 25, strategy="clear_at_score", score=0.35),
        "baseline + (threshold - baseline) / 0.35.",
    ),
    "mql.sales_cycle_at_07": Exercise(
        "Sales cycle KR 45 -> 30 days: how many days is a 0.7 score?",
        _proposal(
            "value_at_0.7", "sales_cycle", 45, 40, strategy="explicit", target=30, better="lower"
        ),
        "the same formula, going down: 45 + 0.7 x (30 - 45).",
    ),
    "migration.bank": Exercise(
        "A regulated bank with annual bonuses and HR reviews whose targets go stale: "
        "REPLACE or COEXIST?",
        _bank_decision,
        "pay, regulation and HR processes cannot be switched off by a goal framework.",
    ),
    "migration.team_e_joins": Exercise(
        "In the 8-team replace plan starting 2026Q1, the first quarter Team E runs full OKRs?",
        _join_quarter("Team E"),
        "the seed's path: pilot, a few teams, then everyone by Q3.",
    ),
    "migration.first_quarter_target": Exercise(
        "MBO target: revenue from $8M to $12M this year. The linear first-quarter KR target ($M)?",
        _first_quarter_target,
        "a quarter of the way: 8 + (12 - 8) / 4.",
    ),
    "acme.frt_threshold_score": Exercise(
        "Acme's first-response KR goes from 6 hours to 2; the KPI's line is 4 hours. "
        "At what score is the line cleared?",
        _proposal(
            "threshold_score",
            "first_response_time",
            6,
            4,
            strategy="explicit",
            target=2,
            better="lower",
        ),
        "(threshold - baseline) / (target - baseline) works going down too.",
    ),
    "acme.bottom_up_teams": Exercise(
        "What share of Acme's team-level objectives did the teams set themselves (bottom-up)?",
        _acme_bottom_up("team"),
        "count the team objectives whose origin is bottom_up, over all team objectives.",
    ),
    "acme.weeks_stalled_frt": Exercise(
        "For how many weeks in a row has Acme's first response time missed its 4-hour line?",
        _acme_stall_run("first_response_time"),
        "stall_summary() counts the run of misses up to the latest week.",
        tolerance=0,
    ),
    "scenarios.mean_end_value": Exercise(
        "A KR at 48 today drifts +1.5 a week with noise, 6 weeks left: the expected end value?",
        _simulated_mean_end,
        "a random walk's mean end is today's value plus drift x weeks; the noise averages out.",
    ),
    "scenarios.zero_volatility": Exercise(
        "Activation KR 42 -> 65 at 48, drifting exactly +1 a week, 6 weeks left, no noise: "
        "P(score >= 0.7)?",
        _simulated_p_success,
        "no noise means every path ends at 54: what does 54 score on 42 -> 65?",
    ),
    "scenarios.brier": Exercise(
        "Two KRs both succeeded; their confidences were 100% and 0%. The Brier score?",
        _brier_two,
        "the mean of (confidence - outcome) squared: ((1 - 1)^2 + (0 - 1)^2) / 2.",
    ),
}


def _normalise(value: Any) -> Any:
    return value.strip().upper() if isinstance(value, str) else value


def check(exercise: str, answer: Any) -> Verdict:
    """Check an answer; returns a one-line verdict (and a hint when wrong).

    Numbers count as correct within the exercise's tolerance; text answers
    ignore case and surrounding spaces. ``None`` means "not answered yet".
    """
    if exercise not in EXERCISES:
        raise KeyError(f"no exercise {exercise!r}; known: {', '.join(EXERCISES)}")
    ex = EXERCISES[exercise]
    if answer is None:
        return Verdict(f"… {exercise}: not answered yet. {ex.question}", False)
    expected = ex.answer()
    if isinstance(expected, str):
        ok = _normalise(answer) == _normalise(expected)
        shown = expected
    else:
        try:
            ok = abs(float(answer) - float(expected)) <= ex.tolerance
        except (TypeError, ValueError):
            ok = False
        shown = f"{expected:.3g}"
    if ok:
        return Verdict(f"✔ {exercise}: correct ({shown}).", True)
    return Verdict(f"✘ {exercise}: not yet. Hint: {ex.hint}", False)


def solution(exercise: str) -> Any:
    """The expected answer, computed by the library.

    Examples
    --------
    >>> round(solution("scoring.mql_at_07"), 1)
    27.8
    """
    if exercise not in EXERCISES:
        raise KeyError(f"no exercise {exercise!r}; known: {', '.join(EXERCISES)}")
    return EXERCISES[exercise].answer()


#: Ten statements from the seeds to sort into key_result / activity / kpi /
#: unmeasurable. The answer key is the labelled corpus (datasets/statements.csv).
CLASSIFY_QUIZ: tuple[str, ...] = (
    "Create a customer community",
    "Get 20% of customers to participate in the community in Q1",
    "Conduct 50 customer satisfaction surveys every month",
    "Maintain NPS above 40",
    "Increase NPS from 32 to 48",
    "Improve customer satisfaction across all service channels.",
    "Maintain 25% profit margin",
    "Open 12 new retail locations",
    "Reduce average response time from 5 hours to 2 hours.",
    "Increase uptime to 99.99% next quarter",
)


def _corpus_labels() -> dict[str, str]:
    from okr_toolkit.datasets import load_statements

    corpus = load_statements()
    return dict(zip(corpus["statement"], corpus["label"].astype(str), strict=True))


def check_labels(answers: dict[str, Any]) -> Verdict:
    """Check labels given to the :data:`CLASSIFY_QUIZ` statements, one line each.

    Examples
    --------
    >>> print(check_labels({"Create a customer community": "activity"}))
    ✔ 'Create a customer community': activity
    1 of 10 right; 9 not answered yet.
    """
    key = _corpus_labels()
    lines, right, open_ = [], 0, 0
    for text in CLASSIFY_QUIZ:
        answer = answers.get(text)
        if answer is None:
            open_ += 1
            continue
        expected = key[text]
        if str(answer).strip().lower().replace(" ", "_") == expected:
            right += 1
            lines.append(f"✔ {text!r}: {expected}")
        else:
            lines.append(f"✘ {text!r}: not {answer!r}")
    summary = f"{right} of {len(CLASSIFY_QUIZ)} right"
    if open_:
        summary += f"; {open_} not answered yet"
    lines.append(summary + ".")
    return Verdict("\n".join(lines), right == len(CLASSIFY_QUIZ))
