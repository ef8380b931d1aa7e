"""Which unit a key result's numbers are in, when some come from its statement.

A file may give a KR's ``current`` value and leave its baseline and target to
the statement ("Reduce first response time from 6h to 45 min"). Those numbers
must be in one unit before they are compared, and the toolkit never guesses
which:

* the statement's numbers are read in the statement's unit (for mixed
  durations, the smaller one: 6 h -> 45 min is read as 360 -> 45 minutes);
* when the KR says its own ``unit`` and both are durations, the statement's
  numbers are converted to the KR's unit, and the conversion is said;
* when the KR says no unit and the statement mixes durations, the unit of
  ``current`` cannot be told (is 2.3 hours or minutes?): the KR is not scored,
  and the reason says which ``unit`` to add;
* a duration against a unit that is not one (minutes against %), or two
  different currencies, cannot be converted: not scored, with the reason.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from okr_toolkit.statements.numbers import NUMBER_NOTE
from okr_toolkit.statements.units import MIXED_UNITS, SECONDS, UNIT_WORDS

__all__ = ["CURRENCIES", "statement_units"]

#: The currency units a statement is read in.
CURRENCIES = frozenset({"$", "€", "£", "¥", "₹"})
_CURRENCY_WORDS = {"usd": "$", "eur": "€", "gbp": "£", "jpy": "¥", "inr": "₹"}


def _canonical(unit: object) -> str:
    """The unit as the statement reader names it ("h" -> "hours"), or "" for none."""
    if not isinstance(unit, str) or not unit.strip():
        return ""
    text = " ".join(unit.strip().lower().split())
    return _CURRENCY_WORDS.get(text, UNIT_WORDS.get(text, UNIT_WORDS.get(text.rstrip("s"), text)))


def _mixed(notes: object) -> str:
    """The mixed-units note of a reading ("hours and minutes, ..."), or ""."""
    if not isinstance(notes, str):
        return ""
    for note in notes.split("; "):
        if note.startswith(MIXED_UNITS):
            return note[len(MIXED_UNITS) :].strip()
    return ""


def statement_units(
    statement_unit: pd.Series,
    statement_notes: pd.Series,
    kr_unit: pd.Series | None,
    from_statement: np.ndarray,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """How to bring each KR's statement numbers into the unit of its own values.

    Parameters
    ----------
    statement_unit, statement_notes
        The unit each statement was read in and its notes (the ``unit`` and
        ``notes`` columns of :func:`okr_toolkit.statements.classify_statements`).
    kr_unit
        The unit each KR says its values are in (None or blank where it says none).
    from_statement
        Where a baseline or target is taken from the statement (bool per KR).

    Returns
    -------
    (numpy.ndarray, numpy.ndarray, numpy.ndarray)
        The factor to multiply the statement's numbers by (1.0 where nothing
        changes), why a KR cannot be scored ("" where it can), and the
        conversion said for each KR ("" where there is none).

    Examples
    --------
    >>> import numpy as np, pandas as pd
    >>> factor, why, said = statement_units(
    ...     pd.Series(["minutes", "minutes", "days"]),
    ...     pd.Series(["mixed units: hours and minutes, both read in minutes"] * 2 + [""]),
    ...     pd.Series(["hours", None, "%"]),
    ...     np.array([True, True, True]),
    ... )
    >>> factor.round(4).tolist()
    [0.0167, 1.0, 1.0]
    >>> print(said[0])
    baseline and target read from the statement in minutes, converted to the key result's hours
    >>> import textwrap
    >>> print(textwrap.fill(why[1], 80))
    the statement mixes hours and minutes (read in minutes), so the unit of current
    cannot be told; add unit: minutes (or the unit current is in)
    >>> print(why[2])
    the statement is in days but the key result is measured in %; make them agree
    """
    n = len(statement_unit)
    factor = np.ones(n)
    why = np.full(n, "", dtype=object)
    said = np.full(n, "", dtype=object)
    kr_units = kr_unit if kr_unit is not None else pd.Series([None] * n)
    rows = zip(statement_unit, statement_notes, kr_units, from_statement, strict=True)
    for i, (su_raw, notes, ku_raw, used) in enumerate(rows):
        if not used:
            continue
        su, ku = _canonical(su_raw), _canonical(ku_raw)
        if not ku:
            mixed = _mixed(notes)
            if mixed:
                units = mixed.split(",")[0]
                why[i] = (
                    f"the statement mixes {units} (read in {su}), so the unit of current "
                    f"cannot be told; add unit: {su} (or the unit current is in)"
                )
            continue
        if not su or su == ku:
            continue
        if su in SECONDS and ku in SECONDS:
            factor[i] = SECONDS[su] / SECONDS[ku]
            said[i] = (
                f"baseline and target read from the statement in {su}, converted to the "
                f"key result's {ku}"
            )
        elif su in SECONDS or ku in SECONDS or (su in CURRENCIES and ku in CURRENCIES):
            why[i] = (
                f"the statement is in {su} but the key result is measured in {ku}; make them agree"
            )
    # A number the statement wrote with a decimal comma (or three decimals that could be a
    # thousands group) is said wherever its baseline or target is used.
    for i, (notes, used) in enumerate(zip(statement_notes, from_statement, strict=True)):
        read = [n for n in _notes(notes) if n.startswith(NUMBER_NOTE)] if used else []
        if read:
            said[i] = "; ".join([said[i], *read] if said[i] else read)
    return factor, why, said


def _notes(notes: object) -> list[str]:
    """A reading's notes as a list, given as a tuple or list, or joined with "; "."""
    if isinstance(notes, str):
        return [n for n in notes.split("; ") if n]
    if isinstance(notes, tuple | list):
        return [str(n) for n in notes]
    return []
