"""Step 10 of a reading: which way the statement moves its metric.

The direction is the sign of ``target - baseline`` when both are known;
otherwise a threshold (``stay_above``/``stay_below``) for a comparator or a
hold verb, the verb's way (``increase``, ``decrease``), and for verbs that do
not say which way (improve, achieve, maintain, a bare metric) whether the
metric is better low (churn, cost, time, incidents...). A task without a
number is a ``milestone``. Ranges are settled here too (:func:`read_range`).
Imports :mod:`.text`, :mod:`.units`, :mod:`.verbs` and the types of
:mod:`.numbers` and :mod:`.values`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .text import has_cue
from .units import SECONDS
from .verbs import ACT, KPI, POLAR, Verb

if TYPE_CHECKING:
    from .numbers import Token
    from .values import Picked, Values

# Is the metric better low? Used only when the verb does not say which way to go.

_LOWER_BETTER = frozenset(
    "churn attrition turnover cost costs cac cpa cpl cpc spend spending expense expenses burn "
    "latency downtime outage outages incident incidents bug bugs defect defects error errors "
    "crash crashes failure failures complaint complaints escalation escalations backlog "
    "tickets cycle dso mttr mttd mtta bounce abandonment cancellation cancellations "
    "unsubscribes unsubscribe refund refunds waste emissions co2 carbon debt overdue "
    "delinquency absenteeism injuries accidents vulnerabilities delay delays wait queue "
    "rework scrap chargebacks fraud spam toil handle p95 p99 lag drop-off dropoff breach breaches "
    "time-to-hire time-to-fill time-to-value shrinkage write-offs budget leverage "
    "infection infections death deaths fatalities casualties mortality absence absences "
    "missed violations collisions landfill landfilled poverty unemployment homelessness "
    "obesity overweight stunting wasting crime theft pollution no-shows reopened".split()
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
    "deflected prevented caught detected worth liquidity capital equity ebitda income "
    "earnings reserves solvency".split()
)


def lower_is_better(words: list[str], unit: str | None) -> bool | None:
    """True when the metric is better low, False when better high, None when unknown.

    Examples
    --------
    >>> lower_is_better(["churn", "rate"], "%"), lower_is_better(["on", "time", "delivery"], "%")
    (True, False)
    >>> lower_is_better(["first", "response"], "hours"), lower_is_better(["signups"], "count")
    (True, None)
    >>> lower_is_better(["missed", "bins", "collected"], "%")
    False
    """
    seen = set(words)
    if seen & _HIGHER_BETTER:
        return False
    joined = "_".join(words)
    if has_cue(joined, _HIGHER_PHRASES):
        return False
    if seen & _LOWER_BETTER:
        # "missed bins collected", "complaints resolved": a failure dealt with grows.
        failure = next((i for i, w in enumerate(words) if w in _BAD_SHARES), None)
        return failure is None or not any(w in _DONE_WORDS for w in words[failure + 1 :])
    if "time" in seen and ("on" in seen or "spent" in seen):
        return False
    if seen & _TIME_WORDS:
        return True
    if unit in SECONDS:
        return True
    return None


#: What a share of things can count as done: "90% of complaints resolved" grows.
_DONE_WORDS = frozenset(
    "resolved answered closed handled settled acknowledged responded fixed processed met "
    "completed delivered paid seen treated attended replied repaired restored collected "
    "shipped dealt reviewed approved published returned cleared "
    "resolve answer close handle settle acknowledge respond fix process meet complete "
    "deliver pay see treat attend reply repair restore collect ship deal review approve "
    "return clear refunded recovered corrected remedied cured".split()
)
#: What turns a share back into a count of failures: "2% of orders shipped late".
_MISSED_WORDS = frozenset("late overdue missed failed breached lost unresolved not".split())


_FLOOR_NAMES = frozenset(("minimum", "min", "floor"))
_CEILING_NAMES = frozenset(("maximum", "max", "cap", "ceiling"))


def named_bound(metric_words: list[str]) -> tuple[bool, bool]:
    """Whether the metric's own name makes its target a floor or a ceiling.

    "Minimum leverage ratio: 3%" and "the leverage ratio floor" hold a floor;
    "maximum wait: 4 hours" and "the spending cap" a ceiling.

    Examples
    --------
    >>> named_bound(["minimum", "leverage", "ratio"]), named_bound(["spending", "cap"])
    ((True, False), (False, True))
    >>> named_bound(["leverage", "ratio"])
    (False, False)
    """
    if not metric_words:
        return False, False
    ends = {metric_words[0], metric_words[-1]}
    return bool(ends & _FLOOR_NAMES), bool(ends & _CEILING_NAMES)


def metric_polarity(
    metric_words: list[str], unit: str | None, target: Token | None, after: str = ""
) -> bool | None:
    """Whether the metric is better low; a share grows unless it counts something bad.

    ``after`` is the text after the target, up to the clause's end: a share of bad
    things that are dealt with ("90% of complaints should be resolved within 10
    days") counts the good outcome, so it grows.

    Examples
    --------
    >>> metric_polarity(["churn"], "%", None)
    True
    """
    if target is not None and target.share:
        # "80% of tickets resolved": a share grows unless it counts something bad.
        words = set(metric_words) | set(after.split(",")[0].split(";")[0].split())
        if words & _DONE_WORDS and not words & _MISSED_WORDS:
            return False
        return bool(words & _BAD_SHARES)
    return lower_is_better(metric_words, unit)


def apply_polar(
    values: Values,
    verb: Verb,
    lower_better: bool | None,
    change: Token | None,
    unit_of: dict[int, str | None],
    sign: int,
    notes: list[str],
) -> tuple[Values, int]:
    """Settle the way of a verb that does not say it (improve, optimise, speed up).

    "Improve churn by 10%" lowers churn; "improve CSAT by 10%" raises it; a
    metric of unknown polarity is read as an increase, with a note. Other verbs
    keep their values and sign.

    Parameters
    ----------
    values : Values
        The values read; a POLAR change without a sign gets its sign here.
    verb : Verb
        The governing verb.
    lower_better : bool or None
        From :func:`metric_polarity`.
    change : Token or None
        The change token.
    unit_of : dict
        ``id(token)`` -> its currency or unit.
    sign : int
        The verb's sign (:func:`~.values.which_way`).
    notes : list of str
        The reading's notes.

    Returns
    -------
    tuple of (Values, int)
        The values and the verb's sign.

    Examples
    --------
    >>> from okr_toolkit.statements import parse_statement
    >>> parse_statement("Improve churn by 10%").relative_change
    -0.1
    >>> parse_statement("Improve CSAT by 10%").relative_change
    0.1
    """
    if not (verb.kind == POLAR or verb.base == "speed up"):
        return values, sign
    polar_sign = -1 if lower_better else 1
    if verb.base == "speed up":
        polar_sign = -1
    if change is not None and values.relative is None and values.absolute is None:
        if unit_of.get(id(change)) == "%":
            values = values._replace(relative=polar_sign * change.value / 100.0)
        elif unit_of.get(id(change)) != "x":
            values = values._replace(absolute=polar_sign * change.value)
    if lower_better is None and change is not None:
        notes.append(f"'{verb.text}' does not say which way; read it as an increase")
    return values, polar_sign


def read_range(
    values: Values,
    picked: Picked,
    verb_kind: str | None,
    sign: int,
    lower_better: bool | None,
    notes: list[str],
) -> tuple[Values, bool, bool]:
    """The target and threshold of a range ("25-30%", "between 100% and 115%").

    A change aims at the far end; a threshold (a hold verb, or no verb that
    says which way) holds the floor, or the ceiling when the metric is better
    low. A note says which end was read.

    Parameters
    ----------
    values : Values
        The values read; the target becomes one end of the range.
    picked : Picked
        The target and the range.
    verb_kind : str or None
        The governing verb's kind.
    sign : int
        The verb's sign.
    lower_better : bool or None
        From :func:`metric_polarity`.
    notes : list of str
        The reading's notes.

    Returns
    -------
    tuple of (Values, bool, bool)
        The values, and whether the target is a floor (above) or a ceiling (below).

    Examples
    --------
    >>> from okr_toolkit.statements import parse_statement
    >>> p = parse_statement("Keep NRR between 100% and 115%")
    >>> p.target, p.direction, p.notes
    (100.0, 'stay_above', ('range 100-115: read the floor 100 as the threshold',))
    >>> parse_statement("Grow margin to 25-30%").target
    30.0
    """
    target_tok, range_pair = picked.target, picked.range
    above = target_tok is not None and target_tok.above
    below = target_tok is not None and target_tok.below
    if range_pair is None or target_tok is not range_pair[0]:
        return values, above, below
    lo, hi = sorted((range_pair[0].value, range_pair[1].value))
    going_down = sign < 0 or (sign == 0 and lower_better)
    if verb_kind in (KPI,) or (sign == 0 and verb_kind != ACT):
        target = hi if going_down else lo
        above, below = not going_down, bool(going_down)
        notes.append(
            f"range {lo:g}-{hi:g}: read {'the ceiling' if going_down else 'the floor'} "
            f"{target:g} as the threshold"
        )
    else:
        target = lo if going_down else hi
        notes.append(f"range {lo:g}-{hi:g}: read the far end {target:g} as the target")
    return values._replace(target=target), above, below


def choose_direction(
    values: Values,
    verb: Verb,
    sign: int,
    *,
    above: bool,
    below: bool,
    lower_better: bool | None,
    holds: bool,
    milestone: bool,
    notes: list[str],
) -> str | None:
    """The direction of the reading, one of :data:`~okr_toolkit.vocab.DIRECTIONS` or None.

    The sign of ``target - baseline`` when both are known; else, for a target,
    the verb's way, the threshold (``stay_above``/``stay_below``), a level held
    (``holds``), and whether the metric is better low; else the sign of the
    change; else ``milestone`` for a task or milestone, or the verb's way.

    Parameters
    ----------
    values : Values
        The values read.
    verb : Verb
        The governing verb.
    sign : int
        The verb's sign, after :func:`apply_polar`.
    above, below : bool
        The target is a floor or a ceiling (after :func:`read_range`).
    lower_better : bool or None
        From :func:`metric_polarity`.
    holds : bool
        The line holds a level (:func:`~.cues.holds_a_level`).
    milestone : bool
        The line reports work or names a milestone.
    notes : list of str
        The reading's notes.

    Returns
    -------
    str or None

    Examples
    --------
    >>> from okr_toolkit.statements import parse_statement
    >>> [parse_statement(text).direction for text in (
    ...     "Cut sales cycle from 45 to 30 days",
    ...     "Maintain NPS above 40",
    ...     "Reach zero P1 incidents",
    ...     "Launch the partner portal",
    ... )]
    ['decrease', 'stay_above', 'decrease', 'milestone']
    """
    baseline, target = values.baseline, values.target
    if baseline is not None and target is not None:
        direction = None
        if target > baseline:
            direction = "increase"
        elif target < baseline:
            direction = "decrease"
        else:
            notes.append("baseline equals target: no change to score")
        if direction and sign and (direction == "increase") != (sign > 0):
            notes.append(f"'{verb.text}' disagrees with the numbers; followed the numbers")
        return direction
    if target is not None:
        return _direction_to(target, values.unit, verb, sign, above, below, lower_better, holds)
    change = values.relative if values.relative is not None else values.absolute
    if change is not None:
        return "increase" if change > 0 else "decrease" if change < 0 else None
    if verb.kind == ACT or milestone:
        return "milestone"
    if sign:
        return "increase" if sign > 0 else "decrease"
    return None


def _direction_to(
    target: float,
    unit: str | None,
    verb: Verb,
    sign: int,
    above: bool,
    below: bool,
    lower_better: bool | None,
    holds: bool,
) -> str:
    """The direction of a reading with a target and no baseline."""
    kind = verb.kind
    if target == 0 and not (sign or above):
        lower_better = True  # "0 data breaches", "zero P1 incidents"
    if sign:
        direction = "increase" if sign > 0 else "decrease"
    elif above:
        direction = "stay_above"
    elif below:
        direction = "stay_below"
    elif kind == KPI or holds:
        direction = "stay_below" if lower_better else "stay_above"
    elif unit == "rank":
        direction = "stay_below"
    elif kind == ACT:
        direction = "increase"
    else:
        direction = "decrease" if lower_better else "increase"
    if kind == KPI and above:
        direction = "stay_above"
    elif kind == KPI and (below or verb.base in ("limit", "cap", "contain")):
        direction = "stay_below"
    return direction


_RATE_WORDS = frozenset(
    ("rate", "share", "margin", "conversion", "retention", "churn", "ctr", "percentage")
)


def caution_notes(
    values: Values,
    change: Token | None,
    unit_of: dict[int, str | None],
    metric_words: list[str],
    ongoing: str | None,
    verb_kind: str | None,
    notes: list[str],
) -> None:
    """Notes on readings that may mean something else: a % of a rate, a growth rate.

    Examples
    --------
    >>> from okr_toolkit.statements import parse_statement
    >>> parse_statement("Increase conversion rate by 10%").notes
    ("'10%' of a rate could mean percentage points; read as relative",)
    """
    relative = values.relative
    if (
        change is not None
        and relative is not None
        and unit_of.get(id(change)) == "%"
        and metric_words
        and set(metric_words) & _RATE_WORDS
    ):
        notes.append(f"'{change.raw}' of a rate could mean percentage points; read as relative")
    if ongoing and relative is not None and verb_kind is None:
        notes.append(f"a change '{ongoing}' is a growth rate to sustain")
