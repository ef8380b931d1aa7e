"""The rules as registered objects: :class:`Rule`, the registry :data:`RULES` and :func:`register`.

Reading a rule
--------------
Each rule is a :class:`Rule` in the registry :data:`RULES` (code -> rule). It
holds its ``code``, ``name`` and ``severity``, the ``source`` (article and
mistake) it comes from, a one-line ``summary`` of the mistake, the ``fix`` that
every finding of it suggests, and its ``check``: a function that takes the
prepared input (:class:`~okr_toolkit.linter.LintTables`) and yields
:class:`~okr_toolkit.linter.Findings`, the places where the mistake is made and
what is wrong there. Checks over key results test whole columns at once and
yield one batch; portfolio checks yield one finding.

>>> rule = RULES["OKR108"]
>>> rule.code, rule.name, rule.severity, rule.source
('OKR108', 'kr-without-kpi', 'info', 'KPI vs OKR — the difference that matters')
>>> rule.summary
'A measurable key result that is linked to no KPI.'
>>> rule.fix
'link it to the KPI it moves (add one if needed); if none fits, it may be an activity'

Each rule's ``source`` names the article it comes from, by the short titles of
``docs/sources.md`` (:func:`okr_toolkit.datasets.load_sources`), and where in it:

>>> for rule in RULES.values():
...     print(rule.code, rule.source)
OKR101 OKR vs KPI vs MBO, mistake 1
OKR102 OKR vs KPI vs MBO, mistake 2; Enhance KPIs with OKRs
OKR103 OKR vs KPI vs MBO, mistake 3
OKR104 OKR vs KPI vs MBO, mistake 4
OKR105 Do OKRs replace KPIs?
OKR106 OKR vs KPI vs MBO, mistake 5
OKR107 OKR vs KPI vs MBO, mistake 6
OKR108 KPI vs OKR — the difference that matters
OKR109 KPI vs OKR — the difference that matters
OKR110 OKR vs KPI vs MBO; OKR vs. KPI: Differences And Importance
OKR111 OKR vs. KPI: Differences And Importance
OKR201 OKR vs KPI vs MBO
OKR202 OKR vs KPI vs MBO; KPI vs OKR — the difference that matters
OKR203 OKR vs KPI vs MBO; Enhance KPIs with OKRs
OKR204 OKR vs KPI vs MBO
OKR205 OKR vs KPI vs MBO

How a rule registers
--------------------
A rule is its check, decorated with the rest (see ``inspect.getsource(rule.check)``);
the check's docstring opens with the summary::

    @register("OKR201", "kr-without-number", "error", source="OKR vs KPI vs MBO",
              fix="name the metric and where it should get to: 'Raise CSAT from 3.8 to 4.5'")
    def _kr_without_number(t: LintTables) -> Iterator[Findings]:
        '''A KR with nothing to measure: no number in it.'''
        yield t.key_results(t.label == "unmeasurable", "{statement!r} has no number ...")

The checks live in the rule-family modules (``*_rules.py``), which the package
imports; the registry keeps the rules in code order, whatever order the
families register in. A check can be run on its own:

>>> import pandas as pd
>>> from okr_toolkit.linter import LintTables
>>> okrs = pd.DataFrame({"objective_id": ["a"], "statement": ["Improve onboarding"]})
>>> [found.message for found in RULES["OKR201"].check(LintTables(okrs))]
[["'Improve onboarding' has no number to measure, so nobody can say ..."]]

This module imports only the findings and the prepared tables: the families
import it, never the other way round.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from okr_toolkit.linter.findings import SEVERITIES, Findings
from okr_toolkit.linter.tables import LintTables

__all__ = ["RULES", "Check", "Rule", "register"]

#: What a rule's check is: the prepared input in, its findings out.
Check = Callable[[LintTables], Iterable[Findings]]

_CODE = re.compile(r"OKR\d{3}")
_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Rule:
    """One lint rule: the mistake it catches, where that comes from, its check and fix.

    Parameters
    ----------
    code
        ``OKR`` and three digits: ``1xx`` for mixing up OKRs, KPIs and MBO,
        ``2xx`` for how a key result or objective is written.
    name
        A short kebab-case name, e.g. ``kr-without-kpi``.
    severity
        ``"error"``, ``"warning"`` or ``"info"`` (see :data:`SEVERITIES`).
    source
        The source article (its short title in ``docs/sources.md``) and mistake
        the rule comes from.
    summary
        The mistake in one sentence.
    fix
        What to do about it: the ``fix`` of every finding of the rule.
    check
        A function of the prepared input (:class:`LintTables`) that yields the
        rule's :class:`Findings`.

    Raises
    ------
    ValueError
        If a field is malformed; the message names every problem.

    Examples
    --------
    >>> RULES["OKR201"]
    Rule(code='OKR201', name='kr-without-number', severity='error', source='OKR vs KPI vs MBO', ...)
    >>> import pandas as pd
    >>> okrs = pd.DataFrame({"objective_id": ["a"], "statement": ["Improve onboarding"]})
    >>> [found.where for found in RULES["OKR201"].check(LintTables(okrs))]
    [["key result 'a.kr1'"]]
    """

    code: str
    name: str
    severity: str
    source: str
    summary: str
    fix: str
    check: Check = field(repr=False)

    def __post_init__(self) -> None:
        problems = _problems(self)
        if problems:
            raise ValueError(f"rule {self.code}: " + "; ".join(problems))


def _problems(rule: Rule) -> list[str]:
    """What is wrong with each of ``rule``'s fields, in field order."""
    problems = []
    if not _CODE.fullmatch(rule.code):
        problems.append(f"code {rule.code!r} is not OKR and three digits")
    if not _NAME.fullmatch(rule.name):
        problems.append(f"name {rule.name!r} is not kebab-case")
    if rule.severity not in SEVERITIES:
        problems.append(f"severity {rule.severity!r} is not one of {', '.join(SEVERITIES)}")
    for text in ("source", "summary", "fix"):
        if not str(getattr(rule, text)).strip():
            problems.append(f"{text} is empty")
    if not callable(rule.check):
        problems.append("check is not callable")
    return problems


#: The registry: every rule by code, in code order. :func:`lint` runs these.
RULES: dict[str, Rule] = {}


def register(
    code: str,
    name: str,
    severity: str,
    *,
    source: str,
    fix: str,
    registry: dict[str, Rule] | None = None,
) -> Callable[[Check], Check]:
    """Register the decorated check as rule ``code``; its docstring's first line is the summary.

    Parameters
    ----------
    code, name, severity, source, fix
        The rule's fields (see :class:`Rule`).
    registry
        Where to register it: :data:`RULES` by default.

    Returns
    -------
    callable
        The decorator; it returns the check unchanged.

    Raises
    ------
    ValueError
        If ``code`` is registered already, or a field is malformed.

    Examples
    --------
    >>> from okr_toolkit.linter import Findings
    >>> scratch: dict[str, Rule] = {}
    >>> @register("OKR901", "no-kpi-table", "info", source="Do OKRs replace KPIs?",
    ...           fix="add the KPIs the OKRs move", registry=scratch)
    ... def _no_kpi_table(t):
    ...     '''No KPI table was given.'''
    ...     if t.kpis is None:
    ...         yield Findings.at("portfolio", "no KPI table")
    >>> scratch["OKR901"].summary
    'No KPI table was given.'
    >>> register("OKR101", "again", "info", source="x", fix="x")(_no_kpi_table)
    Traceback (most recent call last):
    ...
    ValueError: rule OKR101 is registered twice
    """
    rules = RULES if registry is None else registry

    def decorate(check: Check) -> Check:
        if code in rules:
            raise ValueError(f"rule {code} is registered twice")
        summary = (check.__doc__ or "").strip().split("\n", 1)[0]
        _add(rules, Rule(code, name, severity, source, summary, fix, check))
        return check

    return decorate


def _add(rules: dict[str, Rule], rule: Rule) -> None:
    """Put ``rule`` in ``rules``, keeping the registry in code order."""
    rules[rule.code] = rule
    for code in sorted(rules):
        rules[code] = rules.pop(code)
