"""Which framework fits a goal: OKR, KPI or MBO, and a company's run-vs-change mix.

"OKR vs KPI vs MBO" sets the three frameworks side by side: OKRs drive change
on a quarterly cycle with stretch targets and no link to pay; KPIs watch ongoing
health against realistic thresholds set by management; MBO cascades annual,
conservative, pay-linked personal targets from the top. "Enhance KPIs with
OKRs" adds that KPIs govern the "run" of a business and OKRs its "change", and
that startups are almost all change while mature companies emphasise run.

:func:`recommend_framework` turns a goal's traits (or a statement) into votes
for the framework whose cell in the comparison table matches each trait, and
quotes that cell as the rule. The table is read from
:func:`okr_toolkit.datasets.load_framework_comparison`, never copied here.
:func:`classify_goals` and :func:`run_change_mix` do the same for a whole list
of goals.

How traits vote (:data:`TRAIT_VOTES`)
-------------------------------------
=============  ==============  ==========================  =====================
trait          value           votes                        table row (aspect)
=============  ==============  ==========================  =====================
cycle          quarterly       OKR 1                        ``cycle``
               continuous      KPI 1
               annual          MBO 1
kind           change          OKR 1                        ``purpose``
               threshold       KPI 1
ambition       stretch         OKR 1                        ``ambition``
               realistic       KPI 1
               conservative    MBO 1
pay_linked     True            MBO 1, KPI 0.5 (see below)   ``pay_link``
               False           OKR 1
set_by         bottom_up       OKR 1                        ``direction``
               mixed           OKR 1
               management      KPI 1
               top_down        MBO 1
=============  ==============  ==========================  =====================

A pay link counts half for KPI too: "Enhance KPIs with OKRs" notes that many
companies link KPIs to bonuses.

The framework with the most evidence wins; ties go by :data:`TIE_ORDER`
(OKR, then KPI, then MBO): MBO is chosen only on strictly more evidence,
since "OKR vs KPI vs MBO" presents it as the annual system most firms leave,
and a tie between change and run reads as change because the goal was written
down to be pursued rather than watched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.statements import classify_statements

__all__ = [
    "FRAMEWORKS",
    "MATURE_CHANGE_SHARE",
    "STARTUP_CHANGE_SHARE",
    "TIE_ORDER",
    "TRAIT_ASPECTS",
    "TRAIT_VALUES",
    "TRAIT_VOTES",
    "GoalTraits",
    "Recommendation",
    "RunChangeMix",
    "Vote",
    "classify_goals",
    "recommend_framework",
    "run_change_mix",
]

FRAMEWORKS: tuple[str, ...] = ("OKR", "KPI", "MBO")
"""The three frameworks, in tie-breaking order."""

TIE_ORDER: tuple[str, ...] = FRAMEWORKS
"""Order that breaks a tie in evidence: OKR, then KPI, then MBO."""

TRAIT_VALUES: dict[str, tuple[Any, ...]] = {
    "cycle": ("quarterly", "annual", "continuous"),
    "kind": ("change", "threshold"),
    "ambition": ("stretch", "realistic", "conservative"),
    "pay_linked": (True, False),
    "set_by": ("bottom_up", "mixed", "top_down", "management"),
}
"""Allowed values of each trait (None always means unknown)."""

TRAIT_ASPECTS: dict[str, str] = {
    "cycle": "cycle",
    "kind": "purpose",
    "ambition": "ambition",
    "pay_linked": "pay_link",
    "set_by": "direction",
}
"""Row (``aspect``) of the comparison table whose cells each trait is matched against."""

TRAIT_VOTES: dict[str, dict[Any, dict[str, float]]] = {
    "cycle": {
        "quarterly": {"OKR": 1.0},
        "continuous": {"KPI": 1.0},
        "annual": {"MBO": 1.0},
    },
    "kind": {"change": {"OKR": 1.0}, "threshold": {"KPI": 1.0}},
    "ambition": {
        "stretch": {"OKR": 1.0},
        "realistic": {"KPI": 1.0},
        "conservative": {"MBO": 1.0},
    },
    # OKR vs KPI vs MBO: pay is central to MBO; Enhance KPIs with OKRs: KPIs are
    # often bonus-linked.
    "pay_linked": {True: {"MBO": 1.0, "KPI": 0.5}, False: {"OKR": 1.0}},
    "set_by": {
        "bottom_up": {"OKR": 1.0},
        "mixed": {"OKR": 1.0},
        "management": {"KPI": 1.0},
        "top_down": {"MBO": 1.0},
    },
}
"""Evidence each trait value gives each framework."""

STARTUP_CHANGE_SHARE = 0.8
"""Change share (of goals read as run or change) above which a mix reads as a startup's [004]."""

MATURE_CHANGE_SHARE = 0.3
"""Change share below which a mix reads as a mature firm's, mostly run [004]."""

_ANNUAL = re.compile(
    r"\b(?:annual(?:ly)?|year[- ]end|this year|next year|full[- ]year|per year|fy\s?\d{2,4}"
    r"|end of (?:this |next )?(?:year|\d{4})|in \d{4})\b",
    re.IGNORECASE,
)
_PAY = re.compile(
    r"\b(?:bonus(?:es)?|compensation|commissions?|salary|salaries|pay"
    r"|incentive pay|variable pay)\b",
    re.IGNORECASE,
)
_QUARTER_DEADLINE = re.compile(
    r"\b(q[1-4]|quarter|january|february|march|april|may|june|july|august|september"
    r"|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    r"|month|week|weeks|days?)\b",
    re.IGNORECASE,
)
_WITHIN = re.compile(r"within (\d+(?:\.\d+)?) (day|week|month|year)s?", re.IGNORECASE)
_WITHIN_DAYS = {"day": 1.0, "week": 7.0, "month": 30.44, "year": 365.25}
_QUARTER_DAYS = 92.0


# --------------------------------------------------------------------------------------
# Single goals


def _norm(field: str, value: Any) -> Any:
    if value is None:
        return None
    allowed = TRAIT_VALUES[field]
    if field == "pay_linked":
        if isinstance(value, (bool, np.bool_)):
            return bool(value)
        raise ValueError(f"`pay_linked` must be True, False or None, got {value!r}")
    if not isinstance(value, str):
        raise ValueError(
            f"`{field}` must be one of {', '.join(map(repr, allowed))} or None, got {value!r}"
        )
    key = re.sub(r"[\s-]+", "_", value.strip().lower())
    if key not in allowed:
        raise ValueError(
            f"`{field}` must be one of {', '.join(map(repr, allowed))} or None, got {value!r}"
        )
    return key


@dataclass(frozen=True)
class GoalTraits:
    """What is known about a goal; every trait is optional (None = unknown).

    Parameters
    ----------
    cycle : {"quarterly", "annual", "continuous"}, optional
        How long the goal runs: a quarter (OKR), a year (MBO) or for ever (KPI).
    kind : {"change", "threshold"}, optional
        Moving a number somewhere new (change) or holding a health threshold.
    ambition : {"stretch", "realistic", "conservative"}, optional
        How hard the target is meant to be.
    pay_linked : bool, optional
        Whether the result feeds bonus, raise or promotion.
    set_by : {"bottom_up", "mixed", "top_down", "management"}, optional
        Who sets the goal. Hyphens and spaces are read as underscores, case is
        ignored ("Bottom-up" is ``"bottom_up"``).

    Raises
    ------
    ValueError
        If a value is not one of the allowed values; the message names the field.

    Examples
    --------
    >>> GoalTraits(cycle="Quarterly", set_by="bottom-up")
    GoalTraits(cycle='quarterly', kind=None, ambition=None, pay_linked=None, set_by='bottom_up')
    >>> GoalTraits(cycle="monthly")
    Traceback (most recent call last):
    ...
    ValueError: `cycle` must be one of 'quarterly', 'annual', 'continuous' or None, got 'monthly'
    """

    cycle: str | None = None
    kind: str | None = None
    ambition: str | None = None
    pay_linked: bool | None = None
    set_by: str | None = None

    def __post_init__(self) -> None:
        for f in fields(self):
            object.__setattr__(self, f.name, _norm(f.name, getattr(self, f.name)))

    def known(self) -> dict[str, Any]:
        """Return the traits that are not None, as a dict.

        Examples
        --------
        >>> GoalTraits(kind="change", pay_linked=False).known()
        {'kind': 'change', 'pay_linked': False}
        """
        return {
            f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name) is not None
        }


_TRAIT_NAMES = tuple(f.name for f in fields(GoalTraits))


@dataclass(frozen=True)
class Vote:
    """One trait's vote, with the table cell that justifies it.

    Attributes
    ----------
    trait : str
        The trait's name, e.g. ``"cycle"``.
    value : str or bool
        Its value, e.g. ``"quarterly"``.
    points_to : str
        The framework it votes for.
    rule : str
        The cell of the comparison table's row for that trait and framework.
    source : str
        The row's ``source`` column, e.g. ``"OKR vs KPI vs MBO, table"``.
    weight : float
        Evidence the vote adds.
    """

    trait: str
    value: Any
    points_to: str
    rule: str
    source: str
    weight: float = 1.0

    def __str__(self) -> str:
        return f"{self.trait}={self.value} -> {self.points_to}: {self.rule!r} ({self.source})"


@dataclass(frozen=True)
class Recommendation:
    """The framework a goal fits, the evidence and the mistakes to avoid.

    Attributes
    ----------
    framework : str
        ``"OKR"``, ``"KPI"`` or ``"MBO"``.
    scores : dict of str to float
        Evidence per framework (see :data:`TRAIT_VOTES`).
    reasons : tuple of Vote
        One per vote, quoting the comparison table.
    warnings : tuple of str
        Mistakes of "OKR vs KPI vs MBO" this goal risks, and what could not be
        read.
    traits : GoalTraits
        The traits the answer used.
    """

    framework: str
    scores: dict[str, float]
    reasons: tuple[Vote, ...]
    warnings: tuple[str, ...] = ()
    traits: GoalTraits = GoalTraits()

    @property
    def summary(self) -> str:
        """One sentence: the framework, the traits behind it and the evidence.

        Examples
        --------
        >>> recommend_framework(cycle="continuous", kind="threshold").summary
        'KPI: cycle=continuous, kind=threshold point to KPI (evidence OKR 0, KPI 2, MBO 0).'
        """
        backing = [f"{r.trait}={r.value}" for r in self.reasons if r.points_to == self.framework]
        evidence = ", ".join(f"{k} {self.scores[k]:g}" for k in FRAMEWORKS)
        verb = "points" if len(backing) == 1 else "point"
        fw = self.framework
        return f"{fw}: {', '.join(backing)} {verb} to {fw} (evidence {evidence})."


@lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], tuple[str, str]]:
    from okr_toolkit.datasets import load_framework_comparison  # read on first use

    frame = load_framework_comparison().set_index("aspect")
    return {
        (aspect, fw): (str(frame.at[aspect, fw.lower()]), str(frame.at[aspect, "source"]))
        for aspect in TRAIT_ASPECTS.values()
        for fw in FRAMEWORKS
    }


@lru_cache(maxsize=1)
def _kpi_words() -> tuple[frozenset[str], ...]:
    from okr_toolkit.datasets import load_kpi_examples  # read on first use

    frame = load_kpi_examples()
    sets = []
    for kpi, label in zip(frame["kpi"], frame["label"], strict=True):
        words = set(str(kpi).split("_")) | set(re.findall(r"[a-z0-9]+", str(label).lower()))
        sets.append(frozenset(words))
    return tuple(sets)


def _is_kpi_metric(metric: Any) -> bool:
    """True when a parsed metric's words all appear in one of the articles' KPI examples."""
    if not isinstance(metric, str) or not metric:
        return False
    words = set(metric.split("_"))
    return any(words <= kpi for kpi in _kpi_words())


def _cycle_of(text: str, deadline: Any) -> str | None:
    if _ANNUAL.search(text) or (isinstance(deadline, str) and _ANNUAL.search(deadline)):
        return "annual"
    if not isinstance(deadline, str) or not deadline:
        return "quarterly"
    m = _WITHIN.search(deadline)
    if m:
        days = float(m.group(1)) * _WITHIN_DAYS[m.group(2).lower()]
        return "quarterly" if days <= _QUARTER_DAYS else None
    return "quarterly" if _QUARTER_DEADLINE.search(deadline) else None


def _traits_frame(classified: pd.DataFrame) -> pd.DataFrame:
    """Traits implied by classified statements, one row each (None = not implied)."""
    label = classified["label"].astype(str)
    text = classified["text"].astype(str)
    is_kpi = label.eq("kpi")
    is_kr = label.eq("key_result")
    moves = classified["direction"].astype(object).isin(["increase", "decrease"])
    cycles = pd.Series(
        [_cycle_of(t, d) for t, d in zip(text, classified["deadline"].astype(object), strict=True)],
        index=classified.index,
        dtype=object,
    )
    has_deadline = classified["deadline"].notna()
    out = pd.DataFrame(index=classified.index)
    # The call-overload ignores below: numpy's stubs leave None out of ArrayLike, though
    # np.where() takes it (as an object scalar) for the "not implied" entries.
    # kpi -> continuous; key_result -> its deadline's cycle; others only when dated.
    out["cycle"] = np.where(
        is_kpi,
        "continuous",
        np.where(is_kr | has_deadline | text.str.contains(_ANNUAL), cycles, None),  # type: ignore[call-overload]
    )
    out["cycle"] = out["cycle"].astype(object)
    out["kind"] = np.where(is_kpi, "threshold", np.where(is_kr | moves, "change", None))  # type: ignore[call-overload]
    pay = text.str.contains(_PAY)
    # A pay-linked target is not read as a stretch: "OKR vs KPI vs MBO" says people
    # then set targets they know they can hit, so its ambition is left unknown.
    out["ambition"] = np.where(is_kpi, "realistic", np.where(is_kr & ~pay, "stretch", None))  # type: ignore[call-overload]
    out["pay_linked"] = np.where(pay, True, None)  # type: ignore[call-overload]
    out["set_by"] = None
    return out.astype(object).where(out.notna(), None)


_MISTAKE_1 = (
    "OKR vs KPI vs MBO, mistake 1: {metric} is also watched as a KPI; this stretch target "
    "belongs in an OKR, and keeping it on a KPI dashboard turns a health threshold into a "
    "struggle. Keep the KPI's threshold as the floor and track the move as a key result."
)
_MISTAKE_1_KPI = (
    "OKR vs KPI vs MBO, mistake 1: a stretch target written as a KPI; KPIs are realistic "
    "thresholds you defend, a number that deserves stretching belongs in an OKR."
)
_MISTAKE_5 = (
    "OKR vs KPI vs MBO, mistake 5: an OKR on an annual cycle is MBO in OKR clothing; run it "
    "quarterly, or if the business genuinely needs annual planning, MBO is the more "
    "honest choice."
)
_MISTAKE_6 = (
    "OKR vs KPI vs MBO, mistake 6: OKR scores tied to pay make people set targets they know "
    "they can hit and the 60-70% stretch zone vanishes; keep OKR scores for development "
    "conversations, not compensation."
)


def _statement_evidence(text: str) -> tuple[dict[str, Any], list[str], pd.Series]:
    classified = classify_statements([text])
    row = classified.iloc[0]
    implied = _traits_frame(classified).iloc[0].to_dict()
    notes: list[str] = []
    label = str(row["label"])
    if label in ("activity", "unmeasurable"):
        kind = "an activity" if label == "activity" else "unmeasurable"
        notes.append(
            f"the statement reads as {kind} ({row['reason']}); the answer rests on the "
            "other evidence only. Rewrite it as a measurable outcome to be sure."
        )
    if label == "key_result" and implied["cycle"] is None:
        notes.append(
            f"the deadline {row['deadline']!r} is longer than a quarter; the cycle was "
            "left unknown."
        )
    return {str(k): v for k, v in implied.items() if v is not None}, notes, row


def _vote(traits: GoalTraits) -> tuple[dict[str, float], list[Vote]]:
    table = _table()
    scores = dict.fromkeys(FRAMEWORKS, 0.0)
    reasons: list[Vote] = []
    for name, value in traits.known().items():
        for fw, weight in TRAIT_VOTES[name][value].items():
            rule, source = table[(TRAIT_ASPECTS[name], fw)]
            scores[fw] += weight
            reasons.append(Vote(name, value, fw, rule, source, weight))
    return scores, reasons


def _winner(scores: Mapping[str, float]) -> str:
    best = max(scores.values())
    return next(fw for fw in TIE_ORDER if scores[fw] == best)


def recommend_framework(
    goal: str | GoalTraits | Mapping[str, Any] | None = None, **traits: Any
) -> Recommendation:
    """Say whether a goal fits OKR, KPI or MBO, quoting the rule behind each vote.

    Parameters
    ----------
    goal : str, GoalTraits, mapping or None
        A statement ("Maintain 99% uptime"), a :class:`GoalTraits`, or a mapping
        of trait names to values. A statement is read with
        :func:`~okr_toolkit.statements.classify_statement`: a KPI is a
        continuous, realistic threshold; a key result is a stretch change, on a
        quarterly cycle unless its deadline is longer (annual for "annual",
        "by year-end", "this year", "end of 2026"); "bonus", "pay",
        "compensation" mark it pay-linked. An activity or unmeasurable line is
        said in the warnings and the answer rests on the remaining evidence.
    **traits
        ``cycle``, ``kind``, ``ambition``, ``pay_linked``, ``set_by`` (see
        :class:`GoalTraits`); they override what ``goal`` implies.

    Returns
    -------
    Recommendation
        The framework with the most evidence (ties by :data:`TIE_ORDER`), the
        scores, one :class:`Vote` per vote and the warnings.

    Raises
    ------
    OKRDataError
        If the statement is empty, or nothing points to any framework.
    TypeError
        If ``goal`` is of another type or a trait name is unknown.
    ValueError
        If a trait value is not allowed.

    Examples
    --------
    >>> recommend_framework("Maintain 99% uptime").framework
    'KPI'
    >>> rec = recommend_framework("Increase uptime to 99.99% next quarter")
    >>> rec.framework
    'OKR'
    >>> print(rec.reasons[0])
    cycle=quarterly -> OKR: 'Quarterly' (OKR vs KPI vs MBO, table)
    >>> "mistake 1" in rec.warnings[0] and "KPI dashboard" in rec.warnings[0]
    True
    >>> recommend_framework(
    ...     cycle="annual", ambition="conservative", pay_linked=True, set_by="top_down"
    ... ).framework
    'MBO'
    """
    implied: dict[str, Any] = {}
    notes: list[str] = []
    row: pd.Series | None = None
    if isinstance(goal, str):
        if not goal.strip():
            raise OKRDataError(
                "the statement is empty; give a goal such as 'Maintain 99% uptime', or "
                "traits such as cycle='quarterly', kind='change'"
            )
        implied, notes, row = _statement_evidence(goal)
    elif isinstance(goal, GoalTraits):
        implied = goal.known()
    elif isinstance(goal, Mapping):
        implied = dict(goal)
    elif goal is not None:
        raise TypeError(
            "`goal` must be a statement (str), a GoalTraits, a mapping of traits or None, "
            f"got {type(goal).__name__}"
        )
    unknown = sorted(set(implied) - set(_TRAIT_NAMES)) + sorted(set(traits) - set(_TRAIT_NAMES))
    if unknown:
        raise TypeError(f"unknown trait(s) {unknown}; the traits are {', '.join(_TRAIT_NAMES)}")
    merged = replace(GoalTraits(**implied), **traits)
    if not merged.known():
        said = (
            f" (the statement reads as {row['label']}: {row['reason']})" if row is not None else ""
        )
        raise OKRDataError(
            f"nothing points to a framework{said}; give a measurable statement or at least "
            f"one trait: {', '.join(_TRAIT_NAMES)} (e.g. cycle='quarterly', kind='change')"
        )
    scores, reasons = _vote(merged)
    framework = _winner(scores)
    warnings = list(notes)
    if (
        framework == "OKR"
        and row is not None
        and row["label"] == "key_result"
        and _is_kpi_metric(row["metric"])
    ):
        warnings.append(_MISTAKE_1.format(metric=repr(row["metric"])))
    elif framework == "KPI" and merged.ambition == "stretch":
        warnings.append(_MISTAKE_1_KPI)
    if framework == "OKR" and merged.cycle == "annual":
        warnings.append(_MISTAKE_5)
    if framework == "OKR" and merged.pay_linked:
        warnings.append(_MISTAKE_6)
    return Recommendation(framework, scores, tuple(reasons), tuple(warnings), merged)


# --------------------------------------------------------------------------------------
# Many goals


def _statements(goals: Any, column: str) -> pd.Series:
    if isinstance(goals, pd.DataFrame):
        if column not in goals.columns:
            raise OKRDataError(
                f"column {column!r} not found; the frame has {list(goals.columns)}. "
                "Pass goal_col='<name of the statement column>'"
            )
        return goals[column].copy()
    if isinstance(goals, (str, bytes)):
        raise TypeError("`goals` must be a list of statements or a DataFrame, not a single string")
    if isinstance(goals, pd.Series):
        return goals.copy()
    if not isinstance(goals, Iterable):
        raise TypeError(
            f"`goals` must be a list of statements or a DataFrame, got {type(goals).__name__}"
        )
    return pd.Series(list(goals), dtype=object)


def classify_goals(
    goals: Iterable[str] | pd.DataFrame, *, goal_col: str = "statement"
) -> pd.DataFrame:
    """Say for each goal which framework it fits and whether it is run or change.

    Parameters
    ----------
    goals : list of str, Series or DataFrame
        The statements; for a DataFrame, its ``goal_col``. The input is not changed.
    goal_col : str, default "statement"
        Column holding the statements when ``goals`` is a DataFrame.

    Returns
    -------
    pandas.DataFrame
        One row per goal (index kept) with columns ``goal``, ``framework``
        (``"OKR"``, ``"KPI"``, ``"MBO"`` or missing when nothing points
        anywhere), ``run_or_change`` (``"run"`` for KPI, ``"change"`` for OKR,
        ``"unclassified"`` for MBO-style goals, activities and unmeasurable
        lines) and ``reason`` (the statement reader's reason).

    Raises
    ------
    OKRDataError
        If ``goal_col`` is missing from the frame.
    TypeError
        If ``goals`` is a single string or holds non-strings.

    Examples
    --------
    >>> classify_goals(["Maintain 99% uptime", "Grow ARR from $2M to $3M"])[
    ...     ["goal", "framework", "run_or_change"]
    ... ]
                           goal framework run_or_change
    0       Maintain 99% uptime       KPI           run
    1  Grow ARR from $2M to $3M       OKR        change
    """
    texts = _statements(goals, goal_col)
    classified = classify_statements(texts)
    traits = _traits_frame(classified)
    scores = pd.DataFrame(0.0, index=classified.index, columns=list(FRAMEWORKS))
    for name, votes in TRAIT_VOTES.items():
        for value, per_fw in votes.items():
            hit = traits[name].map(
                lambda v, value=value: v is not None and v == value and type(v) is type(value)
            )
            for fw, weight in per_fw.items():
                scores[fw] += hit.astype(float) * weight
    ordered = scores[list(TIE_ORDER)].to_numpy()
    best = ordered.argmax(axis=1)  # first maximum: TIE_ORDER breaks ties
    framework = pd.Series(np.asarray(TIE_ORDER, dtype=object)[best], index=classified.index)
    framework = framework.where(ordered.max(axis=1) > 0, None)
    measurable = classified["label"].astype(str).isin(["key_result", "kpi"])
    run_or_change = framework.map({"KPI": "run", "OKR": "change"}).where(measurable, None)
    return pd.DataFrame(
        {
            "goal": classified["text"],
            "framework": framework.astype(object),
            "run_or_change": run_or_change.fillna("unclassified").astype(object),
            "reason": classified["reason"],
        },
        index=classified.index,
    )


@dataclass(frozen=True)
class RunChangeMix:
    """How a set of goals splits between run (KPI) and change (OKR).

    Attributes
    ----------
    n_goals, run, change, unclassified : int
        Counts.
    run_share, change_share, unclassified_share : float
        Shares of all goals.
    reading : str
        The reading of "Enhance KPIs with OKRs" of where the mix sits, from the
        change share among the goals read as run or change.
    """

    n_goals: int
    run: int
    change: int
    unclassified: int
    run_share: float
    change_share: float
    unclassified_share: float
    reading: str

    def to_frame(self) -> pd.DataFrame:
        """Return the mix as a one-row DataFrame.

        Examples
        --------
        >>> run_change_mix(["Maintain 99% uptime"]).to_frame()[["run", "change"]]
           run  change
        0    1       0
        """
        return pd.DataFrame([{f.name: getattr(self, f.name) for f in fields(self)}])


def run_change_mix(
    goals: Iterable[str] | pd.DataFrame,
    *,
    goal_col: str = "statement",
    startup_share: float = STARTUP_CHANGE_SHARE,
    mature_share: float = MATURE_CHANGE_SHARE,
) -> RunChangeMix:
    """Share of a company's goals that keep the business running vs change it.

    "Enhance KPIs with OKRs": "Startups are almost 100% change-focused, while
    mature companies emphasize run." The reading uses the change share among the
    goals read as run or change: above ``startup_share`` is a startup's profile,
    below ``mature_share`` a mature firm's, anything between a mix.

    Parameters
    ----------
    goals : list of str, Series or DataFrame
        The statements; for a DataFrame, its ``goal_col``. The input is not changed.
    goal_col : str, default "statement"
        Column holding the statements when ``goals`` is a DataFrame.
    startup_share, mature_share : float
        Bounds of the reading (defaults 0.8 and 0.3).

    Returns
    -------
    RunChangeMix
        Counts, shares and the reading; ``.to_frame()`` gives one row.

    Raises
    ------
    OKRDataError
        If there are no goals or ``goal_col`` is missing.

    Examples
    --------
    >>> mix = run_change_mix(
    ...     ["Grow ARR from $2M to $3M", "Lift activation from 42% to 65%", "Keep churn below 2%"]
    ... )
    >>> mix.run, mix.change, round(mix.change_share, 2)
    (1, 2, 0.67)
    >>> print(mix.reading)
    67% of the goals read as run or change are change: a mix of run and change
    (Enhance KPIs with OKRs).
    """
    if not 0.0 <= mature_share < startup_share <= 1.0:
        raise ValueError(
            "shares must satisfy 0 <= mature_share < startup_share <= 1, "
            f"got mature_share={mature_share}, startup_share={startup_share}"
        )
    table = classify_goals(goals, goal_col=goal_col)
    n = len(table)
    if n == 0:
        raise OKRDataError("no goals given; pass a list of statements or a DataFrame column")
    counts = table["run_or_change"].value_counts()
    run, change = int(counts.get("run", 0)), int(counts.get("change", 0))
    other = n - run - change
    if run + change == 0:
        reading = "no goal reads as run or change; rewrite them as measurable outcomes or KPIs."
    else:
        share = change / (run + change)
        if share > startup_share:
            profile = "a startup's profile, almost all change"
        elif share < mature_share:
            profile = "a mature firm's profile, mostly run"
        else:
            profile = "a mix of run and change"
        reading = (
            f"{share:.0%} of the goals read as run or change are change: {profile} "
            "(Enhance KPIs with OKRs)."
        )
    return RunChangeMix(n, run, change, other, run / n, change / n, other / n, reading)
