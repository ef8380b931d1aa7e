"""Which rules run: :func:`select_rules` reads ``select=`` and ``ignore=`` as ruff does.

Selecting rules
---------------
``lint(okrs, select=..., ignore=...)`` runs some of the rules, as ruff does.
Each entry is a code (``"OKR108"``) or the start of codes (``"OKR1"`` is every
OKR1xx rule, ``"OKR"`` all of them); a single string is one entry. ``select``
defaults to every rule. When a rule matches both lists, the more specific
(longer) entry wins and ``ignore`` wins a tie: ``select=["OKR1"],
ignore=["OKR108"]`` runs the OKR1xx rules but OKR108, and ``select=["OKR108"],
ignore=["OKR1"]`` runs OKR108 alone. An entry that matches no rule raises
:class:`ValueError` naming it. :func:`select_rules` shows what a selection runs.

>>> from okr_toolkit.datasets import load_okr_examples
>>> from okr_toolkit.linter import lint
>>> leader = load_okr_examples().query("example_id == 'market_leader'")
>>> lint(leader)["code"].tolist()
['OKR102', 'OKR103', 'OKR111', 'OKR202', 'OKR108']
>>> lint(leader, select=["OKR1"], ignore=["OKR108"])["code"].tolist()
['OKR102', 'OKR103', 'OKR111']
>>> lint(leader, select="OKR3")
Traceback (most recent call last):
...
ValueError: unknown rule code in select: 'OKR3'; the codes are OKR101-OKR111 and OKR201-OKR205 ...
"""

from __future__ import annotations

from collections.abc import Iterable

from okr_toolkit.linter.findings import SEVERITIES
from okr_toolkit.linter.registry import RULES, Rule

__all__ = ["select_rules"]


def select_rules(
    select: str | Iterable[str] | None = None, ignore: str | Iterable[str] | None = None
) -> list[Rule]:
    """The rules a selection runs, in the order :func:`lint` runs them.

    Parameters
    ----------
    select
        Codes or starts of codes to run (``"OKR108"``, ``"OKR1"``); every rule
        when None.
    ignore
        Codes or starts of codes not to run. When a rule matches both, the
        longer entry wins, and ``ignore`` wins a tie.

    Returns
    -------
    list of Rule
        Errors first, then warnings, then infos; by code within a severity.

    Raises
    ------
    ValueError
        If an entry matches no rule (its message names every such entry).

    Examples
    --------
    >>> [rule.code for rule in select_rules(select="OKR2", ignore=["OKR204"])]
    ['OKR201', 'OKR205', 'OKR202', 'OKR203']
    >>> [rule.code for rule in select_rules(select=["OKR108"], ignore=["OKR1"])]
    ['OKR108']
    """
    chosen = _selectors(select, "select") if select is not None else ("",)
    dropped = _selectors(ignore, "ignore") if ignore is not None else ()
    rules = [
        r for r in RULES.values() if _specificity(r.code, chosen) > _specificity(r.code, dropped)
    ]
    return sorted(rules, key=lambda r: (SEVERITIES.index(r.severity), r.code))


def _specificity(code: str, selectors: Iterable[str]) -> int:
    """The length of the longest selector ``code`` starts with; -1 when none matches."""
    return max((len(s) for s in selectors if code.startswith(s)), default=-1)


def _selectors(entries: str | Iterable[str], option: str) -> tuple[str, ...]:
    """The entries of ``select`` or ``ignore`` (``option``), each checked to match a rule."""
    entries = (entries,) if isinstance(entries, str) else tuple(entries)
    unknown = [
        e for e in entries if not (isinstance(e, str) and e and any(c.startswith(e) for c in RULES))
    ]
    if unknown:
        listed = ", ".join(repr(e) for e in unknown)
        raise ValueError(
            f"unknown rule code{'s' if len(unknown) > 1 else ''} in {option}: {listed}; the "
            f"codes are {_code_ranges()} (or the start of one, e.g. 'OKR1' for all OKR1xx)"
        )
    return entries


def _code_ranges() -> str:
    """The registered codes, runs of consecutive numbers shortened: OKR101-OKR111 and ..."""
    runs: list[list[str]] = []
    for code in sorted(RULES):
        if runs and int(code[3:]) == int(runs[-1][-1][3:]) + 1:
            runs[-1].append(code)
        else:
            runs.append([code])
    parts = [run[0] if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs]
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
