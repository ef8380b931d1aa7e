"""The columns and dtypes of every shipped table, and the vocabularies they use.

One dtype map per file; its keys are also the file's columns, in order. The
loaders read each file with its map, so a file that drifts from its map is
refused instead of read differently.
"""

from __future__ import annotations

import pandas as pd

from okr_toolkit.statements import LABELS
from okr_toolkit.vocab import DIRECTIONS, LEVELS, ORIGINS

#: What a row of ``okr_examples`` is when read against the source articles.
KINDS: tuple[str, ...] = ("key_result", "activity", "kpi")


#: Every unit used in the shipped tables of metrics (``statements.csv`` keeps the
#: parser's open set of units as text).
UNITS: tuple[str, ...] = (
    "%",
    "$",
    "count",
    "customers",
    "days",
    "hours",
    "minutes",
    "months",
    "ms",
    "ratio",
    "score",
    "users",
)


DIRECTION = pd.CategoricalDtype(list(DIRECTIONS))


KIND = pd.CategoricalDtype(list(KINDS))


UNIT = pd.CategoricalDtype(list(UNITS))


BETTER = pd.CategoricalDtype(["higher", "lower"])


PERIOD = pd.CategoricalDtype(["day", "week", "month", "quarter", "year"])


DATE = "datetime64[ns]"


# One dtype map per file; its keys are also the file's columns, in order.
FRAMEWORK_COMPARISON = {
    "aspect": "str",
    "okr": "str",
    "kpi": "str",
    "mbo": "str",
    "source": "str",
}


OKR_VS_KPI = {"aspect": "str", "kpi": "str", "okr": "str", "source": "str"}


KPI_BENCHMARKS = {
    "function": "str",
    "kpi": "str",
    "label": "str",
    "low": "float64",
    "high": "float64",
    "unit": UNIT,
    "better": BETTER,
    "open_ended": "bool",
    "source": "str",
}


KPI_EXAMPLES = {
    "function": "str",
    "kpi": "str",
    "label": "str",
    "example_value": "float64",
    "unit": UNIT,
    "period": PERIOD,
    "source": "str",
}


OKR_EXAMPLES = {
    "example_id": "str",
    "source": "str",
    "objective": "str",
    "kr_id": "str",
    "statement": "str",
    "metric": "str",
    "baseline": "float64",
    "target": "float64",
    "relative_change": "float64",
    "unit": UNIT,
    "direction": DIRECTION,
    "kind": KIND,
    "linked_kpi": "str",
    "kpi_threshold": "float64",
}


KPI_HISTORY = {
    "kpi": "str",
    "week": DATE,
    "value": "float64",
    "threshold": "float64",
    "unit": UNIT,
    "better": BETTER,
}


CHECKINS = {"kr_id": "str", "date": DATE, "value": "float64", "confidence": "int64"}


ACME_KPIS = {
    "kpi": "str",
    "label": "str",
    "team": "str",
    "owner": "str",
    "unit": UNIT,
    "better": BETTER,
    "threshold": "float64",
    "description": "str",
}


ACME_KPI_HISTORY = KPI_HISTORY


ACME_OBJECTIVES = {
    "objective_id": "str",
    "objective": "str",
    "owner": "str",
    "team": "str",
    "level": pd.CategoricalDtype(list(LEVELS)),
    "parent_id": "str",
    "origin": pd.CategoricalDtype(list(ORIGINS)),
}


ACME_MBO_TARGETS = {
    "employee": "str",
    "team": "str",
    "objective": "str",
    "metric": "str",
    "unit": "str",
    "better": BETTER,
    "baseline": "float64",
    "target": "float64",
    "achieved": "float64",
    "weight": "float64",
    "bonus_pct": "float64",
    "purpose": "str",
}


STATEMENTS = {
    "statement": "str",
    "label": pd.CategoricalDtype(list(LABELS)),
    "metric": "str",
    "baseline": "float64",
    "target": "float64",
    "unit": "str",
    "direction": DIRECTION,
    "relative_change": "float64",
    "deadline": "str",
    "source": "str",
}


# The corpus columns of ``statements.csv``, then where each published row comes from.
PUBLISHED_STATEMENTS = {
    **{column: dtype for column, dtype in STATEMENTS.items() if column != "source"},
    "source_title": "str",
    "source_url": "str",
    "domain": "str",
    "reason": "str",
}


SOURCES = {"source": "str", "title": "str", "site": "str", "contributes": "str"}
