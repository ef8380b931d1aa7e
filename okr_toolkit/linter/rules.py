"""The OKR linter: one rule per documented mistake of mixing OKRs, KPIs and MBO.

:func:`lint` reads a table of OKRs (one row per key result) and, optionally, a
table of KPIs, and returns one finding per problem: a rule code, a severity,
where it is, what is wrong and how to fix it.

The rules (the mistakes are those the source articles describe):

========  ==========================  ========  =====================================
code      rule                        severity  the mistake
========  ==========================  ========  =====================================
OKR101    kpi-written-as-stretch      warning   a KPI phrased as a stretch target
OKR102    health-metric-in-okr        warning   a KR that holds a level: a dashboard
                                                item inside an OKR
OKR103    kr-at-kpi-threshold         warning   a KR aiming exactly at the KPI's
                                                threshold, with a 100% expectation
OKR104    kpis-without-okrs           warning   KPIs tracked, none converted: stuck
OKR105    okrs-without-kpis           warning   OKRs with no KPI foundation
OKR106    annual-cycle                error     OKRs on an annual cycle: MBO in OKR
                                                clothing
OKR107    pay-linked                  error     OKR scores tied to pay
OKR108    kr-without-kpi              info      a KR that moves no KPI
OKR109    every-kpi-converted         warning   every KPI turned into an OKR
OKR110    too-many-objectives         warning   more than 3-5 objectives
OKR111    too-many-key-results        warning   more than about 3 KRs each
OKR201    kr-without-number           error     a KR with nothing to measure
OKR202    kr-is-activity              warning   a task or deliverable, not an
                                                outcome
OKR203    objective-is-a-number       warning   an objective that is a metric, not a
                                                qualitative aim
OKR204    objective-too-long          info      an objective too long to remember
OKR205    target-short-of-threshold   error     a KR target that does not beat its
                                                KPI's threshold
========  ==========================  ========  =====================================

Each rule's ``source`` names the article it comes from, by the short titles of
``docs/sources.md`` (:func:`okr_toolkit.datasets.load_sources`), and where in it:

>>> for rule in RULES.values():
...     print(rule.code, rule.source)
OKR101 OKR vs KPI vs MBO, mistake 1
OKR102 OKR vs KPI vs MBO, mistake 2; Enhance KPIs with OKRs
OKR103 OKR vs KPI vs MBO, mistake 3
OKR104 OKR vs KPI vs MBO, mistake 4
OKR105 Do OKRs replace KPIs?
OKR106 OKR vs KPI vs MBO, mistake 5
OKR107 OKR vs KPI vs MBO, mistake 6
OKR108 KPI vs OKR — the difference that matters
OKR109 KPI vs OKR — the difference that matters
OKR110 OKR vs KPI vs MBO; OKR vs. KPI: Differences And Importance
OKR111 OKR vs. KPI: Differences And Importance
OKR201 OKR vs KPI vs MBO
OKR202 OKR vs KPI vs MBO; KPI vs OKR — the difference that matters
OKR203 OKR vs KPI vs MBO; Enhance KPIs with OKRs
OKR204 OKR vs KPI vs MBO
OKR205 OKR vs KPI vs MBO

Input columns (aliases in brackets are accepted, as in
:func:`okr_toolkit.datasets.load_okr_examples`): ``objective_id``
[``example_id``], ``objective`` (its text), ``kr_id``, ``statement`` (the
KR's sentence), and optionally ``baseline``, ``target``, ``direction``,
``kpi`` [``linked_kpi``], ``kpi_threshold``, ``cycle`` (e.g. ``"quarterly"``,
``"2026Q3"``, ``"annual"``), ``pay_linked`` (bool), ``committed`` (bool) and
``guardrail`` (bool: a health metric kept inside the OKR on purpose).
KPIs: ``kpi`` [``name``], ``threshold``, optionally ``value``, ``better`` and
``statement``.

Reading a rule
--------------
Each rule is a :class:`Rule` in the registry :data:`RULES` (code -> rule). It
holds its ``code``, ``name`` and ``severity``, the ``source`` (article and
mistake) it comes from, a one-line ``summary`` of the mistake, the ``fix`` that
every finding of it suggests, and its ``check``: a function that takes the
prepared input (:class:`LintTables`) and yields :class:`Findings`, the places
where the mistake is made and what is wrong there. Checks over key results test
whole columns at once and yield one batch; portfolio checks yield one finding.

>>> rule = RULES["OKR108"]
>>> rule.code, rule.name, rule.severity, rule.source
('OKR108', 'kr-without-kpi', 'info', 'KPI vs OKR — the difference that matters')
>>> rule.summary
'A measurable key result that is linked to no KPI.'
>>> rule.fix
'link it to the KPI it moves (add one if needed); if none fits, it may be an activity'

In this module a rule is its check, decorated with the rest (see
``inspect.getsource(rule.check)``); the check's docstring opens with the summary::

    @register("OKR201", "kr-without-number", "error", source="OKR vs KPI vs MBO",
           fix="name the metric and where it should get to: 'Raise CSAT from 3.8 to 4.5'")
    def _kr_without_number(t: LintTables) -> Iterator[Findings]:
        '''A KR with nothing to measure: no number in it.'''
        yield t.key_results(t.label == "unmeasurable", "{statement!r} has no number ...")

A check can be run on its own:

>>> okrs = pd.DataFrame({"objective_id": ["a"], "statement": ["Improve onboarding"]})
>>> [found.message for found in RULES["OKR201"].check(LintTables(okrs))]
[["'Improve onboarding' has no number to measure, so nobody can say ..."]]

:func:`lint` prepares the tables once, runs the selected checks (errors first,
then warnings, then infos; by code within a severity) and puts their findings
in one table with each rule's code, name, severity and fix. A new rule is one
more decorated check; ``tests/test_lint_rules.py`` then asks for an input that
makes the mistake and its fixed version.

Selecting rules
---------------
``lint(okrs, select=..., ignore=...)`` runs some of the rules, as ruff does.
Each entry is a code (``"OKR108"``) or the start of codes (``"OKR1"`` is every
OKR1xx rule, ``"OKR"`` all of them); a single string is one entry. ``select``
defaults to every rule. When a rule matches both lists, the more specific
(longer) entry wins and ``ignore`` wins a tie: ``select=["OKR1"],
ignore=["OKR108"]`` runs the OKR1xx rules but OKR108, and ``select=["OKR108"],
ignore=["OKR1"]`` runs OKR108 alone. An entry that matches no rule raises
:class:`ValueError` naming it. :func:`select_rules` shows what a selection runs.

>>> from okr_toolkit.datasets import load_okr_examples
>>> leader = load_okr_examples().query("example_id == 'market_leader'")
>>> lint(leader)["code"].tolist()
['OKR102', 'OKR103', 'OKR111', 'OKR202', 'OKR108']
>>> lint(leader, select=["OKR1"], ignore=["OKR108"])["code"].tolist()
['OKR102', 'OKR103', 'OKR111']
>>> lint(leader, select="OKR3")
Traceback (most recent call last):
...
ValueError: unknown rule code in select: 'OKR3'; the codes are OKR101-OKR111 and OKR201-OKR205 ...
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np
import pandas as pd

from okr_toolkit.core.settings import Settings
from okr_toolkit.linter.findings import (
    FINDING_COLUMNS,
    SEVERITIES,
    Findings,
    findings_table,
    format_findings,
)
from okr_toolkit.linter.registry import RULES, Rule, register
from okr_toolkit.linter.selection import select_rules
from okr_toolkit.linter.tables import LintTables
from okr_toolkit.statements import classify_statements

__all__ = [
    "FINDING_COLUMNS",
    "RULES",
    "SEVERITIES",
    "Findings",
    "LintTables",
    "Rule",
    "format_findings",
    "lint",
    "lint_statement",
    "select_rules",
]

#: Objectives longer than this many words are hard to remember.
MAX_OBJECTIVE_WORDS = 12
_ANNUAL = re.compile(
    r"\b(?:annual(?:ly)?|yearly|per year|12[- ]month|fy\d{2,4}|year[- ]end)\b", re.I
)
_PAY_WORDS = re.compile(
    r"\b(?:bonus(?:es)?|compensation|commission|variable pay|payout|paid out|salary)\b", re.I
)
_NUMBER = re.compile(r"[$€£]?\d")


# --- the rule API -------------------------------------------------------------------


# --- the rules, in code order -------------------------------------------------------


@register(
    "OKR101",
    "kpi-written-as-stretch",
    "warning",
    source="OKR vs KPI vs MBO, mistake 1",
    fix="write the KPI as the level to hold ('Maintain 99% uptime') and put the stretch in an OKR",
)
def _kpi_written_as_stretch(t: LintTables) -> Iterator[Findings]:
    """A KPI phrased as a stretch target.

    A KPI whose ``statement`` reads as a key result (a change from a baseline to
    a target) rather than a level to hold.
    """
    if t.kpis is None or "statement" not in t.kpis.columns:
        return
    reads = classify_statements(t.kpis["statement"].fillna("").astype(str))
    stretch = t.kpis[(reads["label"].astype(str) == "key_result").to_numpy()]
    yield Findings.kpis(
        list(stretch["kpi"]),
        [
            f"{s!r} is written as a stretch target: a KPI is a realistic line to defend"
            for s in stretch["statement"]
        ],
    )


@register(
    "OKR102",
    "health-metric-in-okr",
    "warning",
    source="OKR vs KPI vs MBO, mistake 2; Enhance KPIs with OKRs",
    fix="move it to the KPI dashboard, or mark it guardrail: true if it is there on purpose",
)
def _health_metric_in_okr(t: LintTables) -> Iterator[Findings]:
    """A KR that holds a level: a dashboard item inside an OKR.

    The statement reads as a KPI ("Maintain NPS above 40") and the key result is
    not marked ``guardrail``.
    """
    yield t.key_results(
        (t.label == "kpi") & ~t.flag("guardrail"),
        "{statement!r} holds a level: that is a KPI health check, not a change. Some teams "
        "keep such a line inside an OKR on purpose, as a guardrail so the stretch is not "
        "bought by breaking it",
    )


@register(
    "OKR103",
    "kr-at-kpi-threshold",
    "warning",
    source="OKR vs KPI vs MBO, mistake 3",
    fix="aim past the threshold so that a 0.6-0.7 score already clears it",
)
def _kr_at_kpi_threshold(t: LintTables) -> Iterator[Findings]:
    """A KR aiming exactly at its KPI's threshold, with a 100% expectation.

    The target (the table's, else the statement's) equals the threshold (the
    key result's ``kpi_threshold``, else its KPI's in the KPI table).
    """
    yield t.key_results(
        t.comparable & np.isclose(t.target, t.threshold),
        "the target {target:,.10g} is the KPI threshold itself: the KR only asks the KPI to "
        "do its job, and a 100% expectation leaves no room to stretch",
        target=t.target,
    )


@register(
    "OKR104",
    "kpis-without-okrs",
    "warning",
    source="OKR vs KPI vs MBO, mistake 4",
    fix="pick the KPI that most needs to move and make it the seed of an OKR "
    "(okr.planning.find_candidates ranks stalled ones)",
)
def _kpis_without_okrs(t: LintTables) -> Iterator[Findings]:
    """KPIs tracked, none converted: stuck.

    There is a KPI table and no key result moves any of its KPIs.
    """
    kpis = t.kpis
    if kpis is None or (len(t.okrs) and _converted(t, kpis).any()):
        return
    healthy = ""
    if "value" in kpis.columns:
        from okr_toolkit.core.kpis import kpi_status

        better = kpis["better"] if "better" in kpis.columns else "higher"
        status = kpi_status(
            pd.to_numeric(kpis["value"]), pd.to_numeric(kpis["threshold"]), better=better
        )
        if (np.asarray(status) != "breached").all():
            healthy = "healthy-looking "
    yield Findings.at(
        "portfolio",
        f"{len(kpis)} {healthy}KPI{'' if len(kpis) == 1 else 's'} and none of them feeds an "
        "OKR: operationally sound, strategically stuck",
    )


@register(
    "OKR105",
    "okrs-without-kpis",
    "warning",
    source="Do OKRs replace KPIs?",
    fix="name the KPIs each objective moves and the ones it must not break",
)
def _okrs_without_kpis(t: LintTables) -> Iterator[Findings]:
    """OKRs with no KPI foundation: no key result is linked to a KPI."""
    if len(t.okrs) and not t.linked.any():
        yield Findings.at(
            "portfolio",
            "no key result is linked to a KPI: OKRs without a KPI foundation chase change "
            "without knowing whether the business stays healthy",
        )


@register(
    "OKR106",
    "annual-cycle",
    "error",
    source="OKR vs KPI vs MBO, mistake 5",
    fix="set it for a quarter and revisit next quarter; if the business truly plans once a "
    "year, MBO is the more honest tool",
)
def _annual_cycle(t: LintTables) -> Iterator[Findings]:
    """OKRs on an annual cycle: MBO in OKR clothing.

    The ``cycle`` or the statement says annual, yearly, FY26, year-end and the like.
    """
    annual = t.statements.str.contains(_ANNUAL, na=False).to_numpy()
    if "cycle" in t.okrs.columns:
        annual = annual | t.okrs["cycle"].astype(str).str.contains(_ANNUAL, na=False).to_numpy()
    yield t.key_results(
        annual,
        "set on an annual cycle: the 90-day loop of set, learn, adjust is gone, which is "
        "MBO in OKR clothing",
    )


@register(
    "OKR107",
    "pay-linked",
    "error",
    source="OKR vs KPI vs MBO, mistake 6",
    fix="keep OKR scores out of bonus decisions; reward through reviews of behaviour and outcomes",
)
def _pay_linked(t: LintTables) -> Iterator[Findings]:
    """OKR scores tied to pay.

    The key result is marked ``pay_linked`` or its statement mentions a bonus,
    commission, payout or the like.
    """
    yield t.key_results(
        t.flag("pay_linked") | t.statements.str.contains(_PAY_WORDS, na=False).to_numpy(),
        "its score is tied to pay: people then set targets they know they can hit, and the "
        "stretch disappears",
    )


@register(
    "OKR108",
    "kr-without-kpi",
    "info",
    source="KPI vs OKR — the difference that matters",
    fix="link it to the KPI it moves (add one if needed); if none fits, it may be an activity",
)
def _kr_without_kpi(t: LintTables) -> Iterator[Findings]:
    """A measurable key result that is linked to no KPI."""
    yield t.key_results(
        (t.label == "key_result") & ~t.linked,
        "{statement!r} is linked to no KPI: its baseline and progress are measured nowhere else",
    )


@register(
    "OKR109",
    "every-kpi-converted",
    "warning",
    source="KPI vs OKR — the difference that matters",
    fix="keep most KPIs as health checks; convert only the ones that must move this quarter",
)
def _every_kpi_converted(t: LintTables) -> Iterator[Findings]:
    """Every KPI turned into an OKR.

    Each of three or more KPIs in the KPI table is moved by some key result.
    """
    if t.kpis is not None and len(t.kpis) >= 3 and _converted(t, t.kpis).all():
        yield Findings.at(
            "portfolio",
            f"all {len(t.kpis)} KPIs have been turned into key results: KPIs are there to "
            "watch the business, not every one of them needs changing",
        )


@register(
    "OKR110",
    "too-many-objectives",
    "warning",
    source="OKR vs KPI vs MBO; OKR vs. KPI: Differences And Importance",
    fix="merge or drop objectives until only the critical few remain",
)
def _too_many_objectives(t: LintTables) -> Iterator[Findings]:
    """More than 3-5 objectives (``settings.max_objectives``) in one set.

    A company file holds many teams' objectives; counting them as one set would
    flag every real company. When the file says which team (and level) owns each
    objective, each team's set is counted on its own; otherwise the file is one set.
    """
    limit = t.settings.max_objectives
    objectives = t.objectives
    if "team" in objectives.columns and objectives["team"].notna().any():
        keys = [c for c in ("team", "level") if c in objectives.columns]
        # Counted by hand, in the order the sets first appear: value_counts orders
        # and spells missing keys differently from one pandas version to the next.
        tally: dict[tuple[Any, ...], int] = {}
        for row in objectives[keys].itertuples(index=False, name=None):
            key = tuple(None if pd.isna(v) else v for v in row)
            tally[key] = tally.get(key, 0) + 1
        counts = list(tally.items())
    else:
        counts = [((), len(objectives))]
    for key, n in counts:
        if n <= limit:
            continue
        values = key if isinstance(key, tuple) else (key,)
        parts = dict(zip(("team", "level"), values, strict=False))
        where = "portfolio"
        if parts.get("team") is not None:
            where = f"team {parts['team']!r}"
            if parts.get("level") is not None:
                where += f" ({parts['level']} level)"
        yield Findings.at(
            where, f"{n} objectives; focus on the {limit} most critical areas at most"
        )


@register(
    "OKR111",
    "too-many-key-results",
    "warning",
    source="OKR vs. KPI: Differences And Importance",
    fix="keep the 2-3 that best prove the objective; track the rest as KPIs",
)
def _too_many_key_results(t: LintTables) -> Iterator[Findings]:
    """More than about 3 KRs (``settings.max_key_results``) for one objective."""
    limit = t.settings.max_key_results
    per_objective = t.okrs.groupby("objective_id", sort=False).size()
    over = per_objective[per_objective > limit]
    yield Findings.objectives(
        list(over.index), [f"{n} key results; more than {limit} dilutes focus" for n in over]
    )


@register(
    "OKR201",
    "kr-without-number",
    "error",
    source="OKR vs KPI vs MBO",
    fix="name the metric and where it should get to: 'Raise CSAT from 3.8 to 4.5'",
)
def _kr_without_number(t: LintTables) -> Iterator[Findings]:
    """A KR with nothing to measure: no number in it."""
    yield t.key_results(
        t.label == "unmeasurable",
        "{statement!r} has no number to measure, so nobody can say at the end of the quarter "
        "whether it was reached",
    )


@register(
    "OKR202",
    "kr-is-activity",
    "warning",
    source="OKR vs KPI vs MBO; KPI vs OKR — the difference that matters",
    fix="ask what the activity is meant to change and measure that outcome instead",
)
def _kr_is_activity(t: LintTables) -> Iterator[Findings]:
    """A task or deliverable, not an outcome ("Launch a new support portal")."""
    yield t.key_results(
        t.label == "activity",
        "{statement!r} is a task or deliverable: it can be done without anything improving",
    )


@register(
    "OKR203",
    "objective-is-a-number",
    "warning",
    source="OKR vs KPI vs MBO; Enhance KPIs with OKRs",
    fix="say why it matters ('Become the market leader') and move the figure into a KR",
)
def _objective_is_a_number(t: LintTables) -> Iterator[Findings]:
    """An objective that is a metric, not a qualitative aim: it holds a figure."""
    ids, texts = _objective_texts(t)
    hit = [bool(_NUMBER.search(text)) for text in texts]
    yield Findings.objectives(
        [o for o, h in zip(ids, hit, strict=True) if h],
        [
            f"{text!r} is a number, not a qualitative aim: the numbers belong in its key results"
            for text, h in zip(texts, hit, strict=True)
            if h
        ],
    )


@register(
    "OKR204",
    "objective-too-long",
    "info",
    source="OKR vs KPI vs MBO",
    fix=f"cut it to {MAX_OBJECTIVE_WORDS} words or fewer",
)
def _objective_too_long(t: LintTables) -> Iterator[Findings]:
    """An objective too long to remember: more than 12 words (``MAX_OBJECTIVE_WORDS``)."""
    ids, texts = _objective_texts(t)
    words = [len(text.split()) for text in texts]
    long = [n > MAX_OBJECTIVE_WORDS for n in words]
    yield Findings.objectives(
        [o for o, h in zip(ids, long, strict=True) if h],
        [
            f"{n} words: an objective should be short enough to remember"
            for n, h in zip(words, long, strict=True)
            if h
        ],
    )


@register(
    "OKR205",
    "target-short-of-threshold",
    "error",
    source="OKR vs KPI vs MBO",
    fix="set the target beyond the threshold (see okr.kpi_to_kr for strategies)",
)
def _target_short_of_threshold(t: LintTables) -> Iterator[Findings]:
    """A KR target that does not beat its KPI's threshold.

    Even a perfect score leaves the KPI on the wrong side of its line: below it
    when higher is better, above it when lower is.
    """
    target, threshold = t.target, t.threshold
    short = np.where(t.goes_down, target > threshold, target < threshold)
    yield t.key_results(
        t.comparable & ~np.isclose(target, threshold) & short,
        "the target {target:,.10g} does not beat the KPI threshold {threshold:,.10g}: even a "
        "perfect score leaves the KPI breached",
        target=target,
        threshold=threshold,
    )


def _converted(t: LintTables, kpis: pd.DataFrame) -> pd.Series:
    """Whether each KPI in ``kpis`` is moved by some key result."""
    linked = set(t.kpi[t.linked].astype(str))
    return kpis["kpi"].astype(str).isin(linked)


def _objective_texts(t: LintTables) -> tuple[list[Any], list[str]]:
    """Each objective's id and text."""
    objectives = t.objectives
    return objectives["objective_id"].tolist(), [str(o) for o in objectives["objective"]]


# --- linting ------------------------------------------------------------------------


def lint(
    okrs: pd.DataFrame,
    kpis: pd.DataFrame | None = None,
    *,
    settings: Settings | None = None,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    classified: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Check a set of OKRs (and their KPIs) for the documented mistakes.

    Parameters
    ----------
    okrs
        One row per key result (see the module notes for the columns). Not
        modified.
    kpis
        Optional: one row per KPI with its ``threshold``, for the rules that
        compare KRs with KPIs and the portfolio checks.
    settings
        Focus limits (``max_objectives``, ``max_key_results``).
    select, ignore
        Which rules to run: codes or starts of codes, as in ruff (see the
        module notes and :func:`select_rules`). Every rule by default.
    classified
        The result of :func:`okr_toolkit.statements.classify_statements` on the
        statements, when you already have it.

    Returns
    -------
    pandas.DataFrame
        One row per finding, errors first: ``code``, ``rule``, ``severity``
        (ordered categorical: error < warning < info), ``objective_id``,
        ``kr_id``, ``where``, ``message`` and ``fix``. Empty when clean.

    Raises
    ------
    OKRDataError
        If a table is not a DataFrame, lacks a required column or has an empty
        statement.
    ValueError
        If ``select`` or ``ignore`` names no rule, or ``classified`` does not
        have one row per key result.

    Examples
    --------
    "Become the market leader" of "Enhance KPIs with OKRs" keeps its old KPI as a
    KR, holds a health metric, has four KRs, one of them an activity, and one
    linked to no KPI:

    >>> from okr_toolkit.datasets import load_okr_examples
    >>> leader = load_okr_examples().query("example_id == 'market_leader'")
    >>> for code, where in lint(leader)[["code", "where"]].values:
    ...     print(code, where)
    OKR102 key result 'market_leader.kr2'
    OKR103 key result 'market_leader.kr1'
    OKR111 objective 'market_leader'
    OKR202 key result 'market_leader.kr4'
    OKR108 key result 'market_leader.kr3'

    Only the rules on how key results and objectives are written:

    >>> lint(leader, select="OKR2")[["code", "kr_id"]]
         code              kr_id
    0  OKR202  market_leader.kr4
    """
    rules = select_rules(select, ignore)
    tables = LintTables(okrs, kpis, settings=settings, classified=classified)
    return findings_table((rule, found) for rule in rules for found in rule.check(tables))


def lint_statement(text: str, *, kpi_threshold: float | None = None) -> pd.DataFrame:
    """Lint a single key-result sentence (for students and the statement checker).

    Examples
    --------
    >>> lint_statement("Launch a new support portal")["code"].tolist()
    ['OKR202']
    """
    return (
        lint(
            pd.DataFrame(
                {
                    "objective_id": ["objective"],
                    "objective": ["(objective)"],
                    "kr_id": ["kr"],
                    "statement": [text],
                    "kpi_threshold": [np.nan if kpi_threshold is None else kpi_threshold],
                }
            )
        )
        .query("where != 'portfolio'")
        .reset_index(drop=True)
    )
