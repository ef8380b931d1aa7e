"""Direction: whether a metric is better low, and which way a statement moves it."""

from __future__ import annotations

from collections.abc import Iterable

from .text import has_cue
from .units import SECONDS

_LOWER_BETTER = frozenset(
    "churn attrition turnover cost costs cac cpa cpl cpc spend spending expense expenses burn "
    "latency downtime outage outages incident incidents bug bugs defect defects error errors "
    "crash crashes failure failures complaint complaints escalation escalations backlog "
    "tickets cycle dso mttr mttd mtta bounce abandonment cancellation cancellations "
    "unsubscribes unsubscribe refund refunds waste emissions co2 carbon debt overdue "
    "delinquency absenteeism injuries accidents vulnerabilities delay delays wait queue "
    "rework scrap chargebacks fraud spam toil handle p95 p99 lag drop-off dropoff breach breaches "
    "time-to-hire time-to-fill time-to-value shrinkage write-offs".split()
)
_BAD_SHARES = frozenset(
    "churn churned cancel cancelled canceled leave left fail failed failing abandon abandoned "
    "complain complaints escalate escalated late overdue bounce bounced defect defective "
    "unresolved breach breached missed lost".split()
)
_HIGHER_PHRASES = ("on_time", "time_on", "time_spent_on", "up_time", "in_full", "inventory_turn")
_TIME_WORDS = frozenset("time times duration latency cycle lead-time turnaround".split())
_HIGHER_BETTER = frozenset(
    "uptime availability retention satisfaction nps csat revenue margin conversion on-time "
    "session sessions runway spent watch dwell tenure engagement lifetime coverage "
    "accuracy adoption savings profit resolved closed fixed answered handled completed "
    "deflected prevented caught detected".split()
)


def _lower_is_better(words: Iterable[str], unit: str | None) -> bool | None:
    """True when the metric is better low, False when better high, None when unknown."""
    seen = set(words)
    if seen & _HIGHER_BETTER:
        return False
    joined = "_".join(words)
    if has_cue(joined, _HIGHER_PHRASES):
        return False
    if seen & _LOWER_BETTER:
        return True
    if "time" in seen and ("on" in seen or "spent" in seen):
        return False
    if seen & _TIME_WORDS:
        return True
    if unit in SECONDS:
        return True
    return None
