"""The one vocabulary: the words and columns every part of the toolkit shares.

A direction, a level, a unit or a column name means the same thing in the
Python API, the OKR file format, the command line, the report and the
dashboard, because each of them imports it from here. Nothing else in the
package defines these.

Examples
--------
>>> from okr_toolkit.vocab import DIRECTIONS, KR_COLUMNS
>>> DIRECTIONS
('increase', 'decrease', 'stay_above', 'stay_below', 'milestone')
>>> KR_COLUMNS[:3]
('kr_id', 'statement', 'kpi')
"""

from __future__ import annotations

from typing import Literal

__all__ = [
    "BETTER",
    "CHECKIN_COLUMNS",
    "DIRECTIONS",
    "KNOWN_UNITS",
    "KPI_COLUMNS",
    "KR_COLUMNS",
    "LEVELS",
    "OBJECTIVE_COLUMNS",
    "OKR_COLUMNS",
    "ORIGINS",
    "Direction",
]

Direction = Literal["increase", "decrease", "stay_above", "stay_below", "milestone"]

#: How a key result is scored. ``increase``/``decrease`` move a metric from a
#: baseline to a target; ``stay_above``/``stay_below`` hold it on the right side
#: of a line ("80%+ satisfaction"); a ``milestone`` is done (1) or not (0).
DIRECTIONS: tuple[Direction, ...] = (
    "increase",
    "decrease",
    "stay_above",
    "stay_below",
    "milestone",
)

#: Where an objective sits in the alignment tree.
LEVELS: tuple[str, ...] = ("company", "team", "person")

#: Who set an objective: proposed by its own team, or cascaded by the level above.
ORIGINS: tuple[str, ...] = ("bottom_up", "top_down")

#: Which way is good for a KPI.
BETTER: tuple[str, ...] = ("higher", "lower")

#: Units a key result or KPI may name; anything else is a typo more often than not.
KNOWN_UNITS: tuple[str, ...] = (
    "%",
    "pp",
    "$",
    "€",
    "£",
    "count",
    "users",
    "customers",
    "accounts",
    "deals",
    "leads",
    "tickets",
    "days",
    "hours",
    "minutes",
    "seconds",
    "ms",
    "weeks",
    "months",
    "points",
    "score",
    "ratio",
    "x",
)

#: Columns of the objectives table (and the objective columns of the OKR table).
OBJECTIVE_COLUMNS: tuple[str, ...] = (
    "objective_id",
    "objective",
    "objective_owner",
    "team",
    "level",
    "parent_id",
    "cycle",
)

#: Columns of a key result in the OKR table.
KR_COLUMNS: tuple[str, ...] = (
    "kr_id",
    "statement",
    "kpi",
    "baseline",
    "target",
    "current",
    "unit",
    "direction",
    "weight",
    "owner",
    "guardrail",
    "committed",
    "pay_linked",
)

#: The OKR table: one row per key result with its objective's columns. What
#: :func:`okr_toolkit.read_okr_file` returns as ``okrs``, what
#: :func:`okr_toolkit.core.objectives_to_frame` builds, and what scoring, linting,
#: the report and the dashboard accept.
OKR_COLUMNS: tuple[str, ...] = (*OBJECTIVE_COLUMNS, *KR_COLUMNS)

#: Columns of the KPIs table.
KPI_COLUMNS: tuple[str, ...] = (
    "kpi",
    "threshold",
    "value",
    "better",
    "unit",
    "owner",
    "team",
    "description",
)

#: Columns of the check-ins table.
CHECKIN_COLUMNS: tuple[str, ...] = ("kr_id", "date", "value", "confidence", "note")
