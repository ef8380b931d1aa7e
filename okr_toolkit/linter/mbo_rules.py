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

_ANNUAL = re.compile(
    r"\b(?:annual(?:ly)?|yearly|per year|12[- ]month|fy\d{2,4}|year[- ]end)\b", re.I
)
_PAY_WORDS = re.compile(
    r"\b(?:bonus(?:es)?|compensation|commission|variable pay|payout|paid out|salary)\b", re.I
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
