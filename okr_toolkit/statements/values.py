"""Step 7 of a reading: the values of baseline, target and change.

:func:`scale_values` applies each number's multiplier and sign;
:func:`pick_tokens` chooses the baseline, target and change among numbers with
roles, and gives a role to numbers no word explained where the verb says what
they are ("Increase MAU 20%", "Grow NPS 32 48"); :func:`read_values` turns
them into the values of the reading: ``by 30%`` is a relative change (0.30),
``by 20 points`` an absolute one (20.0, in points), ``double`` is 1.0 and "cut
in half" -0.5. Baseline and target are never invented from a change. Imports
:mod:`.numbers` and :mod:`.verbs`.
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from .numbers import FRACTION, FRACTIONS, Token
from .verbs import DOWN, POLAR, UP, Verb

# Verbs that are a relative change by themselves.
_IMPLICIT_CHANGES = {"double": 1.0, "triple": 2.0, "quadruple": 3.0, "halve": -0.5}
# The same changes said after the metric: "weekly orders doubled", "wait times halved".
_MULTIPLIED_BASES = {base + end: base for base in _IMPLICIT_CHANGES for end in ("d", "s")}
_MULTIPLIED = re.compile(r"\b(" + "|".join(_MULTIPLIED_BASES) + r")\b")
# Verbs whose object is to be gone: a target of 0.
_TO_ZERO = frozenset(("eliminate", "eradicate", "end"))
_FREE = re.compile(r"\b(?:debt|smoke|waste|plastic|carbon|paper|fossil|error|defect|bug)[- ]free\b")


def scale_values(tokens: list[Token], notes: list[str]) -> dict[int, str | None]:
    """Apply each number's multiplier and sign, and say its unit.

    A number too large to read ("1,000,000,...") is set aside with a note (its
    role becomes ``"ignored"``). A change keeps its written sign apart.

    Parameters
    ----------
    tokens : list of Token
        The numbers, with their roles; ``value`` becomes the value in its unit.
    notes : list of str
        The reading's notes.

    Returns
    -------
    dict
        ``id(token)`` -> the token's currency or unit, for every number read.

    Examples
    --------
    >>> from okr_toolkit.statements.numbers import read_numbers
    >>> tokens = read_numbers("from $2m to -15%", "from $2M to -15%", [])
    >>> units = scale_values(tokens, [])
    >>> [(t.value, units[id(t)]) for t in tokens]
    [(2000000.0, '$'), (-15.0, '%')]
    """
    unit_of: dict[int, str | None] = {}
    for t in tokens:
        value = t.value * t.mult
        if t.sign < 0 and t.role != "change":
            value = -value
        if not math.isfinite(value):
            notes.append(f"number '{t.raw}' is too large to read")
            t.role = "ignored"
            continue
        t.value = value
        unit_of[id(t)] = t.cur or t.unit
    return unit_of


class Picked(NamedTuple):
    """The numbers a reading is made of (:func:`pick_tokens`)."""

    #: The baseline, the first number with that role.
    base: Token | None
    #: The target: the first target, or the start of the first range.
    target: Token | None
    #: The change, the first number with that role.
    change: Token | None
    #: The first range ("25-30%"), as (start, end).
    range: tuple[Token, Token] | None


def pick_tokens(
    tokens: list[Token],
    ranges: list[tuple[Token, Token]],
    verb_kind: str | None,
    notes: list[str],
) -> Picked:
    """Choose the baseline, target and change, and note what is set aside.

    A number no word explains becomes a relative change after a change verb
    when it is a percentage or a multiple ("Increase MAU 20%", "grow 3x"), a
    baseline and target when there are two ("NPS 32 48"), the target
    otherwise; each number still unused is noted.

    Parameters
    ----------
    tokens : list of Token
        The numbers, with their roles and values; roles given here are set.
    ranges : list of (Token, Token)
        From :func:`~.pairs.pair_tokens`.
    verb_kind : str or None
        The governing verb's kind.
    notes : list of str
        The reading's notes.

    Returns
    -------
    Picked

    Examples
    --------
    >>> from okr_toolkit.statements.numbers import read_numbers
    >>> from okr_toolkit.statements.roles import read_context
    >>> def pick(text, verb_kind):
    ...     low = text.lower()
    ...     tokens = read_numbers(low, text, low.split())
    ...     read_context(tokens, low, text)
    ...     notes = []
    ...     picked = pick_tokens(tokens, [], verb_kind, notes)
    ...     return [t.raw if t else None for t in picked[:3]], notes
    >>> pick("Increase MAU 20%", UP)
    ([None, None, '20%'], ["no 'by', 'to' or 'from': read '20%' as a relative change"])
    >>> pick("NPS 32 48", None)[0]
    ['32', '48', None]
    """
    base_tok = None
    targets: list[Token] = []
    changes: list[Token] = []
    free: list[Token] = []
    for t in tokens:
        role = t.role
        if role is None:
            free.append(t)
        elif role == "target":
            targets.append(t)
        elif role == "change":
            changes.append(t)
        elif role == "base" and base_tok is None:
            base_tok = t
    if len(targets) > 1 and not targets[0].named:
        # "30+ credit hours: current 57%, target 78%": the number called the target wins.
        named = [t for t in targets if t.named]
        if named:
            targets.remove(named[0])
            targets.insert(0, named[0])
    target_tok = targets[0] if targets else None
    change_tok = changes[0] if changes else None
    range_pair = ranges[0] if ranges else None
    if len(targets) > 1:
        extra = ", ".join(f"'{t.raw}'" for t in targets[1:])
        notes.append(f"more than one target; read '{targets[0].raw}' and set aside {extra}")
    if target_tok is None and range_pair is None and change_tok is None and free:
        base_tok, target_tok, change_tok, free = _use_free(base_tok, free, verb_kind, notes)
    elif base_tok is not None and target_tok is None and range_pair is None and free:
        target_tok = free[0]
        target_tok.role = "target"
        free = free[1:]
    for t in free:
        if t.role is None:
            notes.append(f"did not use '{t.raw}' (no word says what it is)")
    if range_pair is not None and target_tok is None:
        target_tok = range_pair[0]
    return Picked(base_tok, target_tok, change_tok, range_pair)


def _use_free(
    base_tok: Token | None, free: list[Token], verb_kind: str | None, notes: list[str]
) -> tuple[Token | None, Token | None, Token | None, list[Token]]:
    """Roles for numbers no word explained, in a line with no target, range or change."""
    target_tok = change_tok = None
    first = free[0]
    if verb_kind in (UP, DOWN, POLAR) and first.unit == "%" and base_tok is None:
        change_tok = first
        notes.append(f"no 'by', 'to' or 'from': read '{first.raw}' as a relative change")
    elif verb_kind in (UP, DOWN, POLAR) and first.unit == "x" and base_tok is None:
        change_tok = first
    elif verb_kind is None and first.unit == "x" and base_tok is None:
        change_tok = first
    elif base_tok is None and len(free) >= 2:
        base_tok, target_tok = first, free[1]
        base_tok.role, target_tok.role = "base", "target"
        notes.append(
            f"two numbers without 'from' or 'to'; read '{first.raw}' as the baseline "
            f"and '{free[1].raw}' as the target"
        )
        free = free[2:]
    else:
        target_tok = first
        target_tok.role = "target"
        free = free[1:]
    if change_tok is not None:
        change_tok.role = "change"
        free = [t for t in free if t is not change_tok]
    return base_tok, target_tok, change_tok, free


def which_way(verb_kind: str | None, noun_change: str | None) -> int:
    """Which way the verb goes: 1 up, -1 down, 0 when it does not say.

    Examples
    --------
    >>> which_way(UP, None), which_way(None, DOWN), which_way(POLAR, None)
    (1, -1, 0)
    """
    if verb_kind == UP or (verb_kind is None and noun_change == UP):
        return 1
    if verb_kind == DOWN or (verb_kind is None and noun_change == DOWN):
        return -1
    return 0


class Values(NamedTuple):
    """The values of a reading, before units and direction (:func:`read_values`)."""

    baseline: float | None
    target: float | None
    #: The unit of baseline and target, or of an absolute change.
    unit: str | None
    #: Signed fraction: 0.30 for "by 30%"; None for a POLAR verb without a sign (decided later).
    relative: float | None
    #: Signed change in ``unit``: 20.0 for "by 20 points".
    absolute: float | None
    #: The words that state a change without a number ("Double", "in half").
    change_words: str | None


def read_values(
    picked: Picked,
    unit_of: dict[int, str | None],
    verb: Verb,
    sign_of_verb: int,
    low: str,
    original: str,
) -> Values:
    """Baseline, target, unit and change, from the numbers picked.

    Parameters
    ----------
    picked : Picked
        From :func:`pick_tokens`.
    unit_of : dict
        From :func:`scale_values`.
    verb : Verb
        The governing verb (its kind, base and text).
    sign_of_verb : int
        From :func:`which_way`.
    low, original : str
        The lower-cased and the cleaned line, for "cut in half".

    Returns
    -------
    Values

    Examples
    --------
    >>> from okr_toolkit.statements.verbs import Verb
    >>> halve = Verb("Halve", "halve", DOWN, (), 5, -1)
    >>> values = read_values(Picked(None, None, None, None), {}, halve, -1, "halve it", "Halve it")
    >>> values.target, values.relative, values.change_words
    (None, -0.5, 'Halve')
    """
    baseline = target = relative = absolute = None
    unit: str | None = None
    change_words = None
    base_tok, target_tok, change_tok, range_pair = picked
    if base_tok is not None:
        baseline = base_tok.value
        unit = unit_of.get(id(base_tok))
    if target_tok is not None:
        if range_pair is not None and target_tok is range_pair[0]:
            unit = unit_of.get(id(range_pair[1])) or unit_of.get(id(range_pair[0]))
        target = target_tok.value
        unit = unit_of.get(id(target_tok)) or unit
    if change_tok is not None:
        c_unit = unit_of.get(id(change_tok))
        sign = change_tok.sign or sign_of_verb or 1
        if c_unit == "%":
            relative = sign * change_tok.value / 100.0
            if verb.kind == POLAR and not change_tok.sign:
                relative = None  # decided with the metric, in the direction step
        elif c_unit == "x":
            relative = change_tok.value - 1.0
        else:
            absolute = sign * change_tok.value
            if verb.kind == POLAR and not change_tok.sign:
                absolute = None
            unit = unit or c_unit
    elif (implicit := _IMPLICIT_CHANGES.get(verb.base or "")) is not None and target is None:
        relative = implicit
        change_words = verb.text
    elif target is None and verb.kind is None and (pm := _MULTIPLIED.search(low)) is not None:
        relative = _IMPLICIT_CHANGES[_MULTIPLIED_BASES[pm.group(1)]]  # "weekly orders doubled"
        change_words = original[pm.start() : pm.end()]
    elif target is None and base_tok is None and verb.base in _TO_ZERO:
        target = 0.0  # "eliminate pay gaps", "end preventable deaths"
        change_words = verb.text
    elif target is None and base_tok is None and (free := _FREE.search(low)) is not None:
        target = 0.0  # "be debt free": none of it left
        change_words = original[free.start() : free.end()]
    elif target is None and (sign_of_verb or verb.kind == POLAR):
        fm = FRACTION.search(low)  # "cut in half", "reduce by a third"
        if fm is not None:
            relative = round(FRACTIONS[fm.group(1)] * (sign_of_verb or 1), 6)
            change_words = original[fm.start() : fm.end()]
    return Values(baseline, target, unit, relative, absolute, change_words)
