"""The migration's tunable conventions, in one mapping a caller can override."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["DEFAULT_MIGRATION_CONFIG"]

#: Tunable conventions of the migration planner, in one place (override by passing your own
#: values where a function takes them). ``quarters``: length of a replacement plan,
#: the migration year plus the first quarter of the next [OKR vs KPI vs MBO].
#: ``expand_share``: share of all teams that join in the second quarter ("a few
#: more teams", about a third). ``many_teams``: from this many teams the rollout
#: risk is flagged (a judgement, not from a seed). ``committed_words``: wording that
#: marks an MBO target as an obligation, drafted as a committed KR. ``mbo_year_end``:
#: the quarter (1-4) in which the MBO year, and its annual review, ends: 4 for a
#: calendar year, 1 for a fiscal year ending in March.
DEFAULT_MIGRATION_CONFIG: Mapping[str, Any] = {
    "quarters": 5,
    "mbo_year_end": 4,
    "expand_share": 1 / 3,
    "many_teams": 15,
    "committed_words": (
        "regulat",
        "complian",
        "legal",
        "audit",
        "statutory",
        "mandatory",
        "licen",
        "safety",
        "obligat",
        "sla",
    ),
}
