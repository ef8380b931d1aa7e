"""Rules on how key results and objectives are written.

========  ==========================  ========  =====================================
code      rule                        severity  the mistake
========  ==========================  ========  =====================================
OKR201    kr-without-number           error     a KR with nothing to measure
OKR202    kr-is-activity              warning   a task or deliverable, not an
                                                outcome
OKR203    objective-is-a-number       warning   an objective that is a metric, not a
                                                qualitative aim
OKR204    objective-too-long          info      an objective too long to remember
========  ==========================  ========  =====================================

OKR201 and OKR202 follow the label the statement reader gives each key result
(:func:`okr_toolkit.statements.classify_statements`); OKR203 and OKR204 read
each objective's text. OKR205, the last of the 2xx codes, compares a target
with its KPI's threshold and sits with the KPI rules
(:mod:`okr_toolkit.linter.kpi_rules`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from okr_toolkit.linter.findings import Findings
from okr_toolkit.linter.registry import register
from okr_toolkit.linter.tables import LintTables

__all__ = ["MAX_OBJECTIVE_WORDS"]

#: Objectives longer than this many words are hard to remember.
MAX_OBJECTIVE_WORDS = 12
_NUMBER = re.compile(r"[$€£]?\d")


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


def _objective_texts(t: LintTables) -> tuple[list[Any], list[str]]:
    """Each objective's id and text."""
    objectives = t.objectives
    return objectives["objective_id"].tolist(), [str(o) for o in objectives["objective"]]
