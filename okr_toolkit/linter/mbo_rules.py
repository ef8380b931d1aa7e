"""Rules on OKRs run as MBO: set once a year, or scored for pay.

========  ==========================  ========  =====================================
code      rule                        severity  the mistake
========  ==========================  ========  =====================================
OKR106    annual-cycle                error     OKRs on an annual cycle: MBO in OKR
                                                clothing
OKR107    pay-linked                  error     OKR scores tied to pay
========  ==========================  ========  =====================================

Both read the key result's own columns (``cycle``, ``pay_linked``) and the
words of its statement; neither needs the statement reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from okr_toolkit.linter.findings import Findings
from okr_toolkit.linter.registry import register
from okr_toolkit.linter.tables import LintTables

#: Nothing to import from here: the module registers its rules in RULES.
__all__: list[str] = []

# The time frame a statement sets, when it is a year: "by year-end", "this year", "in
# FY26", "annually", "over the next 12 months", "an annual target".
_ANNUAL = re.compile(
    r"\b(?:annually|yearly\b(?!\s+(?:active|recurring|revenue|contract|subscri))"
    r"|per year|a year|each year|every year|this year|next year|full[- ]year|over the year"
    r"|(?:by|at|before|until) (?:the )?(?:year[- ]end|end of (?:the )?year)|year[- ]end"
    r"|(?:over|in|within) (?:the )?(?:next |coming )?12 months|fy ?\d{2,4}"
    r"|annual (?:goals?|targets?|objectives?|okrs?|cycle|plan(?:ning)?|review|basis|period))\b",
    re.I,
)
# A cycle column that names a year: "annual", "yearly", "FY26", "2026" is read by the file
# reader as a year too, "12-month".
_ANNUAL_CYCLE = re.compile(
    r"\b(?:annual(?:ly)?|yearly|per year|12[- ]month|fy ?\d{2,4}|year[- ]end)\b", re.I
)
# The metric a statement names may hold "annual": annual recurring revenue, annual contract
# value. Those words are removed before looking for the time frame.
_ANNUAL_METRIC = re.compile(
    r"\b(?:annual(?:i[sz]ed)?|yearly)\s+(?:recurring\s+revenue|contract\s+value|revenue|"
    r"run[- ]rate|subscriptions?|spend|active|churn|retention|renewals?|value|savings)",
    re.I,
)
# A quarter said in so many words ("this quarter", "Q3", "in 90 days") is not annual.
_QUARTER = re.compile(r"\b(?:this|next|the) quarter\b|\bq[1-4]\b|\b90 days\b|\bquarterly\b", re.I)
# Pay tied to the score: a pay word with a word that links it ("bonus tied to", "to earn
# the commission", "counts towards the bonus"). A pay word alone names what is measured
# ("commission payout errors", "bonus processing time") and is not a pay link.
_PAY = (
    r"(?:bonus(?:es)?|compensation|commissions?|variable pay|incentive pay|pay|payout|salary"
    r")"
)
_LINK = (
    r"(?:tied|linked|pegged|attached|based|depends?|dependent|counts?|feeds?|determines?"
    r"|decides?|earns?|earning|unlocks?|triggers?|qualif(?:y|ies)|paid|pays)"
)
_PAY_WORDS = re.compile(
    rf"\b{_LINK}\b(?:\W+\w+){{0,4}}?\W+{_PAY}\b|\b{_PAY}\b(?:\W+\w+){{0,3}}?\W+{_LINK}\b",
    re.I,
)


def _annual_statement(statement: str) -> bool:
    """Whether the statement sets a year as its time frame (not a metric with "annual" in it)."""
    text = _ANNUAL_METRIC.sub(" ", statement)
    return bool(_ANNUAL.search(text)) and not _QUARTER.search(text)


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

    The ``cycle`` or the statement's time frame says annual, yearly, FY26, year-end
    and the like; "annual" in a metric's name (annual recurring revenue) is not a
    cycle, and a quarter said in so many words wins.
    """
    annual = t.statements.map(_annual_statement).to_numpy(dtype=bool)
    if "cycle" in t.okrs.columns:
        cycle = t.okrs["cycle"].astype(str).str.contains(_ANNUAL_CYCLE, na=False).to_numpy()
        annual = annual | cycle
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

    The key result is marked ``pay_linked``, or its statement ties a bonus,
    commission, payout or the like to it ("bonus tied to NPS", "to earn the full
    commission"); a pay word that only names the metric ("commission payout
    errors") is not a link.
    """
    yield t.key_results(
        t.flag("pay_linked") | t.statements.str.contains(_PAY_WORDS, na=False).to_numpy(),
        "its score is tied to pay: people then set targets they know they can hit, and the "
        "stretch disappears",
    )
