"""Units: the vocabulary of units and durations."""

from __future__ import annotations

SECONDS = {
    "milliseconds": 0.001,
    "seconds": 1.0,
    "minutes": 60.0,
    "hours": 3600.0,
    "days": 86400.0,
    "weeks": 604800.0,
    "months": 2629800.0,
    "quarters": 7889400.0,
    "years": 31557600.0,
}
UNIT_WORDS = {
    "%": "%",
    "percent": "%",
    "per cent": "%",
    "pct": "%",
    "ms": "milliseconds",
    "msec": "milliseconds",
    "msecs": "milliseconds",
    "millisecond": "milliseconds",
    "milliseconds": "milliseconds",
    "s": "seconds",
    "sec": "seconds",
    "secs": "seconds",
    "second": "seconds",
    "seconds": "seconds",
    "min": "minutes",
    "mins": "minutes",
    "minute": "minutes",
    "minutes": "minutes",
    "h": "hours",
    "hr": "hours",
    "hrs": "hours",
    "hour": "hours",
    "hours": "hours",
    "d": "days",
    "day": "days",
    "days": "days",
    "w": "weeks",
    "wk": "weeks",
    "wks": "weeks",
    "week": "weeks",
    "weeks": "weeks",
    "mo": "months",
    "mos": "months",
    "month": "months",
    "months": "months",
    "quarter": "quarters",
    "quarters": "quarters",
    "yr": "years",
    "yrs": "years",
    "year": "years",
    "years": "years",
    "star": "score",
    "stars": "score",
    "x": "x",
}
_SCORE_WORDS = frozenset(
    "nps enps csat ces score scores rating ratings index sus net_promoter".split()
)
# Is the metric better low? Used only when the verb does not say which way to go.
_RATIO_WORDS = frozenset("ratio ltv coverage roas roi roe multiple multiplier".split())
_TIME_UNIT_WORDS = frozenset("seconds minutes hours days weeks months years".split())
