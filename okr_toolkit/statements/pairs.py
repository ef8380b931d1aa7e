"""Step 6 of a reading, continued: roles that take two numbers.

After :func:`~.roles.assign_roles` has given each number a role of its own,
the numbers are read together: a time limit beside a share defines the metric
("80% of tickets within 24 hours"), two numbers joined by "to" or an arrow are
a baseline and a target ("42% -> 65%"), a dash or "between ... and" makes a
range ("25-30%"), and the two ends of a pair share a unit, a currency and a
multiplier ("from 45 to 30 days", "$2 to $3M"). Imports :mod:`.numbers` and
:mod:`.units`.
"""

from __future__ import annotations

import re
from itertools import pairwise

from .numbers import Token
from .units import SECONDS


def _joined(masked: str, a: Token, b: Token) -> bool:
    """True when two numbers belong to two goals joined by "and", ";" or "while"."""
    between = masked[min(a.end, b.end) : max(a.start, b.start)]
    return " and " in between or ";" in between or " while " in between


# A leading clause that says when the goal applies: "Only while X is above 25%, ...".
_LEADING_CONDITION = re.compile(
    r"(?:only\s+)?(?:if|when|whenever|while|whilst|provided(?:\s+that)?|so\s+long\s+as"
    r"|as\s+long\s+as|unless|once|in\s+the\s+event\s+that)\b[^,;]*,"
)


def mark_leading_conditions(tokens: list[Token], masked: str, notes: list[str]) -> None:
    """Make the numbers of a leading "if/while/provided that ..." clause conditions.

    Only when a number after the clause has a role: then the clause says when the
    goal applies, and the goal is what follows.

    Examples
    --------
    >>> from okr_toolkit.statements.numbers import read_numbers
    >>> from okr_toolkit.statements.roles import assign_roles, read_context
    >>> text = "while usage is above 25%, keep cover at not less than 1.4"
    >>> tokens = read_numbers(text, text, text.split())
    >>> _ = read_context(tokens, text, text)
    >>> _ = assign_roles(tokens, None)
    >>> notes = []
    >>> mark_leading_conditions(tokens, text, notes)
    >>> [(t.raw, t.role) for t in tokens]
    [('25%', 'condition'), ('1.4', 'target')]
    >>> notes
    ["read '25%' as a condition on when the goal applies"]
    """
    m = _LEADING_CONDITION.match(masked)
    if m is None:
        return
    end = m.end()
    if not any(t.start >= end and t.role not in (None, "ignored") for t in tokens):
        return
    for t in tokens:
        if t.start < end and t.role not in (None, "ignored", "condition"):
            t.role = "condition"
            notes.append(f"read '{t.raw}' as a condition on when the goal applies")


def mark_conditions(
    tokens: list[Token], has_share: bool, notes: list[str], masked: str | None = None
) -> None:
    """Make a threshold beside a share part of what is measured, not a target.

    "80% of tickets within 24 hours": the 24 hours define the metric.

    Parameters
    ----------
    tokens : list of Token
        The numbers, with their roles; a target becomes a ``"condition"``.
    has_share : bool
        A number is a share ("80% of tickets").
    notes : list of str
        The reading's notes; one is appended for each condition.
    masked : str, optional
        The line with its deadlines blanked: with it, a time limit beside the one
        percentage of the line ("within 20 minutes in 90% of cases") is a condition too.

    Examples
    --------
    >>> from okr_toolkit.statements.numbers import read_numbers
    >>> from okr_toolkit.statements.roles import assign_roles, read_context
    >>> text = "resolve 80% of tickets within 24 hours"
    >>> tokens = read_numbers(text, text, text.split())
    >>> context = read_context(tokens, text, text)
    >>> _ = assign_roles(tokens, "reach")
    >>> notes = []
    >>> mark_conditions(tokens, context.has_share, notes)
    >>> [(t.raw, t.role) for t in tokens]
    [('80%', 'target'), ('24 hours', 'condition')]
    >>> notes
    ["read '24 hours' as part of what is measured, not as a target"]
    """
    share = None
    for t in tokens:
        if has_share and t.share and t.role == "target":
            share = t
            break
    if share is None:
        # "within 20 minutes in 90 per cent of cases", "inside 15 days, 80 per cent":
        # a time limit beside the one percentage is what the percentage counts.
        pcts = [t for t in tokens if t.unit == "%" and t.role in ("target", None) and not t.after]
        limits = [t for t in tokens if t.role == "target" and t.below and t.unit in SECONDS]
        if len(pcts) != 1 or not limits or masked is None:
            return
        share = pcts[0]
        if any(_joined(masked, t, share) for t in limits):
            return  # "MTTR under 1 hour and activation up 10%": two goals
        share.role = "target"
    for t in tokens:
        if (
            t is not share
            and t.role == "target"
            and (t.below or t.above)
            and (t.unit in SECONDS or t.start > share.start)
        ):
            t.role = "condition"
            notes.append(f"read '{t.raw}' as part of what is measured, not as a target")


def pair_tokens(tokens: list[Token]) -> list[tuple[Token, Token]]:
    """Read pairs ("42% -> 65%") as baseline and target, and find the ranges.

    A number followed by "today", "currently", "last quarter"... is a baseline
    too.

    Parameters
    ----------
    tokens : list of Token
        The numbers, with their roles; annotated in place.

    Returns
    -------
    list of (Token, Token)
        The ranges ("25-30%", "between 100 and 115%"), as (start, end).

    Examples
    --------
    >>> from okr_toolkit.statements.numbers import read_numbers
    >>> from okr_toolkit.statements.roles import assign_roles, read_context
    >>> def pairs(text):
    ...     tokens = read_numbers(text, text, text.split())
    ...     read_context(tokens, text, text)
    ...     _ = assign_roles(tokens, None)
    ...     ranges = pair_tokens(tokens)
    ...     return [(t.raw, t.role) for t in tokens], [(a.raw, b.raw) for a, b in ranges]
    >>> pairs("win rate 20% -> 30%")
    ([('20%', 'base'), ('30%', 'target')], [])
    >>> pairs("nrr between 100% and 115%")
    ([('100%', 'range'), ('115%', 'range_end')], [('100%', '115%')])
    >>> pairs("nps 32 today, 48 by june")
    ([('32', 'base'), ('48', None)], [])
    """
    ranges: list[tuple[Token, Token]] = []
    for a, b in pairwise(tokens):
        if a.after == "pair" and b.role in (None, "target"):
            if a.role in (None, "target", "base"):
                a.role, b.role = "base", "target"
        elif (a.after == "range" or (a.role == "range" and b.before == "and")) and b.role in (
            None,
            "target",
        ):
            if a.role in (None, "range", "target"):
                a.role, b.role = "range", "range_end"
                ranges.append((a, b))
    for t in tokens:
        if t.after == "base" and t.role in (None, "target"):
            t.role = "base"
    return ranges


def inherit_units(tokens: list[Token], ranges: list[tuple[Token, Token]], notes: list[str]) -> None:
    """Give both ends of a pair or range the unit, currency and scale one end has.

    "from 45 to 30 days" is 45 days; "$2 to $3M" is $2M when the ratio says so
    (with a note), but "from 500 to 2M" keeps 500.

    Parameters
    ----------
    tokens : list of Token
        The numbers, with their roles; annotated in place.
    ranges : list of (Token, Token)
        From :func:`pair_tokens`.
    notes : list of str
        The reading's notes; one is appended when a scale is inherited.

    Examples
    --------
    >>> from okr_toolkit.statements.numbers import read_numbers
    >>> from okr_toolkit.statements.roles import assign_roles, read_context
    >>> text = "grow arr from $2 to $3m"
    >>> tokens = read_numbers(text, text, text.split())
    >>> _ = read_context(tokens, text, text), assign_roles(tokens, "up")
    >>> notes = []
    >>> inherit_units(tokens, pair_tokens(tokens), notes)
    >>> [(t.value * t.mult, t.cur) for t in tokens], notes
    ([(2000000.0, '$'), (3000000.0, '$')], ["read '$2' in the same scale as '$3m'"])
    """
    paired = [
        (a, b)
        for a, b in pairwise(tokens)
        if (a.role == "base" and b.role == "target") or (a, b) in ranges
    ]
    for a, b in paired:
        for x, y in ((a, b), (b, a)):
            if x.unit is None and y.unit is not None and y.unit != "rank":
                x.unit = y.unit
            if x.cur is None and y.cur is not None:
                x.cur = y.cur
        if a.mult == 1.0 and b.mult != 1.0 and a.value and b.value:
            with_m = a.value * b.mult / (b.value * b.mult)
            without = a.value / (b.value * b.mult)
            if 0.05 <= with_m <= 20 and not 0.05 <= without <= 20:
                a.mult = b.mult
                notes.append(f"read '{a.raw}' in the same scale as '{b.raw}'")
