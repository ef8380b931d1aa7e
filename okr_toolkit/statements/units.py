"""Step 9 of a reading: the unit of baseline and target, and the words for units.

A unit is ``%``, a currency (``$ € £ ¥ ₹``), a time (``milliseconds`` ...
``years``), ``points``, ``score``, ``ratio``, ``rank`` or ``count``. When no
number carries one, the metric decides (:func:`default_unit`); when baseline
and target carry different time units, both are converted to the smaller one
(:func:`settle_unit`). Imports nothing from the rest of the package but the
:class:`~.values.Picked` and :class:`~.values.Values` types.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .values import Picked, Values

#: How a reading's note starts when its baseline and target were written in two
#: durations and converted to the smaller one ("mixed units: hours and minutes, ...").
MIXED_UNITS = "mixed units:"
#: Seconds per unit, to convert mixed durations (months count 30.44 days).

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
_RATIO_WORDS = frozenset("ratio ltv coverage roas roi roe multiple multiplier".split())
_TIME_UNIT_WORDS = frozenset("seconds minutes hours days weeks months years".split())


def default_unit(metric_words: list[str], metric: str | None) -> str:
    """The unit of a number that carries none, from the metric it measures.

    A time word in the metric ("days to fill") is that time; a score (NPS,
    CSAT, rating, index) is a ``score``; a ratio (LTV, ROAS, coverage) a
    ``ratio``; anything else a ``count``.

    Examples
    --------
    >>> default_unit(["days", "to", "fill"], "days_to_fill"), default_unit(["nps"], "nps")
    ('days', 'score')
    >>> default_unit(["ltv", "cac"], "ltv_cac"), default_unit(["engineers"], "engineers")
    ('ratio', 'count')
    """
    words_set = set(metric_words)
    time_word = next((w for w in metric_words if w in _TIME_UNIT_WORDS), None)
    if time_word is not None:
        return UNIT_WORDS[time_word]  # "days to fill from 50 to 35"
    if words_set & _SCORE_WORDS or "net_promoter" in (metric or ""):
        return "score"
    if not words_set.isdisjoint(_RATIO_WORDS):
        return "ratio"
    return "count"


def settle_unit(
    values: Values,
    metric: str | None,
    metric_words: list[str],
    picked: Picked,
    unit_of: dict[int, str | None],
    notes: list[str],
) -> Values:
    """The reading's unit, with mixed durations converted to the smaller one.

    ``x`` is a ``ratio``; a number with no unit takes :func:`default_unit`; a
    reading with only a relative change has no unit.

    Parameters
    ----------
    values : Values
        From :func:`~.values.read_values`.
    metric : str or None
        The metric's name.
    metric_words : list of str
        The words of the name.
    picked : Picked
        The baseline, target and change tokens.
    unit_of : dict
        ``id(token)`` -> its currency or unit.
    notes : list of str
        The reading's notes.

    Returns
    -------
    Values
        ``values`` with the unit settled (and baseline and target converted).

    Examples
    --------
    >>> from okr_toolkit.statements import parse_statement
    >>> p = parse_statement("Cut first response from 6h to 45 min")
    >>> p.baseline, p.target, p.unit
    (360.0, 45.0, 'minutes')
    >>> p.notes
    ('mixed units: hours and minutes, both read in minutes',)
    >>> parse_statement("Grow NPS from 32 to 48").unit, parse_statement("Grow MAU by 20%").unit
    ('score', None)
    """
    unit, baseline, target = values.unit, values.baseline, values.target
    base_tok, target_tok = picked.base, picked.target
    if unit == "x":
        unit = "ratio"
    if target_tok is not None or base_tok is not None:
        if unit is None:
            unit = default_unit(metric_words, metric)
        if base_tok is not None and target_tok is not None:
            ub, ut = unit_of.get(id(base_tok)), unit_of.get(id(target_tok))
            if ub in SECONDS and ut in SECONDS and ub != ut:
                # Mixed durations: both in the smaller unit.
                assert baseline is not None and target is not None  # read from the two tokens
                small = ub if SECONDS[ub] < SECONDS[ut] else ut
                baseline = round(baseline * SECONDS[ub] / SECONDS[small], 9)
                target = round(target * SECONDS[ut] / SECONDS[small], 9)
                unit = small
                notes.append(f"{MIXED_UNITS} {ub} and {ut}, both read in {small}")
                if "months" in (ub, ut) or "years" in (ub, ut) or "quarters" in (ub, ut):
                    notes.append("months counted as 30.44 days to compare durations")
            elif ub and ut and ub != ut and not (ub in SECONDS and ut in SECONDS):
                notes.append(f"baseline is in '{ub}' but target in '{ut}'")
    elif values.absolute is not None and unit is None:
        unit = "count"
    if unit == "%" and target is None and baseline is None and values.absolute is None:
        unit = None
    if unit == values.unit and baseline is values.baseline and target is values.target:
        return values
    return values._replace(unit=unit, baseline=baseline, target=target)
