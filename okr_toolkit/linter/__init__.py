"""The OKR linter: one rule per documented mistake of mixing OKRs, KPIs and MBO.

:func:`lint` reads a table of OKRs (one row per key result) and, optionally, a
table of KPIs, and returns one finding per problem: a rule code, a severity,
where it is, what is wrong and how to fix it; :func:`lint_statement` checks one
sentence. Each rule is a registered object (:class:`Rule`: code, name,
severity, source, summary, fix and check) in :data:`RULES`.

The rules (the mistakes are those the source articles describe):

========  ==========================  ========  =====================================
code      rule                        severity  the mistake
========  ==========================  ========  =====================================
OKR101    kpi-written-as-stretch      warning   a KPI phrased as a stretch target
OKR102    health-metric-in-okr        warning   a KR that holds a level: a dashboard
                                                item inside an OKR
OKR103    kr-at-kpi-threshold         warning   a KR aiming exactly at the KPI's
                                                threshold, with a 100% expectation
OKR104    kpis-without-okrs           warning   KPIs tracked, none converted: stuck
OKR105    okrs-without-kpis           warning   OKRs with no KPI foundation
OKR106    annual-cycle                error     OKRs on an annual cycle: MBO in OKR
                                                clothing
OKR107    pay-linked                  error     OKR scores tied to pay
OKR108    kr-without-kpi              info      a KR that moves no KPI
OKR109    every-kpi-converted         warning   every KPI turned into an OKR
OKR110    too-many-objectives         warning   more than 3-5 objectives
OKR111    too-many-key-results        warning   more than about 3 KRs each
OKR201    kr-without-number           error     a KR with nothing to measure
OKR202    kr-is-activity              warning   a task or deliverable, not an
                                                outcome
OKR203    objective-is-a-number       warning   an objective that is a metric, not a
                                                qualitative aim
OKR204    objective-too-long          info      an objective too long to remember
OKR205    target-short-of-threshold   error     a KR target that does not beat its
                                                KPI's threshold
========  ==========================  ========  =====================================

``1xx`` codes are for mixing up OKRs, KPIs and MBO, ``2xx`` for how a key
result or objective is written. Each rule's ``source`` names the article (and
mistake) it comes from, by the short titles of ``docs/sources.md``.

Input columns (aliases in brackets are accepted, as in
:func:`okr_toolkit.datasets.load_okr_examples`): ``objective_id``
[``example_id``], ``objective`` (its text), ``kr_id``, ``statement`` (the
KR's sentence), and optionally ``baseline``, ``target``, ``direction``,
``kpi`` [``linked_kpi``], ``kpi_threshold``, ``cycle`` (e.g. ``"quarterly"``,
``"2026Q3"``, ``"annual"``), ``pay_linked`` (bool), ``committed`` (bool) and
``guardrail`` (bool: a health metric kept inside the OKR on purpose).
KPIs: ``kpi`` [``name``], ``threshold``, optionally ``value``, ``better`` and
``statement``.

>>> from okr_toolkit.datasets import load_okr_examples
>>> leader = load_okr_examples().query("example_id == 'market_leader'")
>>> lint(leader)[["code", "rule", "kr_id"]].head(2)
     code                  rule              kr_id
0  OKR102  health-metric-in-okr  market_leader.kr2
1  OKR103   kr-at-kpi-threshold  market_leader.kr1

How the package is laid out
---------------------------
Each module holds one thing; the names exported here are the public API.

* ``findings``: :class:`Findings`, what a check yields, and the findings
  table's layout (:data:`FINDING_COLUMNS`, :data:`SEVERITIES`), built by
  ``findings_table`` and written as text by :func:`format_findings`;
* ``prepare``: checking and normalising the input tables;
* ``tables``: :class:`LintTables`, the prepared input every check reads;
* ``registry``: :class:`Rule`, :data:`RULES` and the ``register`` decorator
  (how to read and write a rule);
* ``selection``: :func:`select_rules`, what ``select=`` and ``ignore=`` run;
* the rule families, each registering its rules when imported:
  ``kpi_rules`` (OKR101-103, OKR108, OKR205: key results beside their KPIs),
  ``portfolio_rules`` (OKR104, OKR105, OKR109-111: the set as a whole),
  ``mbo_rules`` (OKR106, OKR107: OKRs run as MBO) and ``writing_rules``
  (OKR201-204: how key results and objectives are written);
* ``api``: :func:`lint` and :func:`lint_statement`.

Imports run down that list: ``findings`` imports none of the others, a rule
family imports ``findings``, ``tables`` and ``registry`` only, and ``api``
never imports a family (this module does, so that :data:`RULES` is complete).
The package imports the core, the statement reader and the ground floor,
nothing from the layers above.
"""

from __future__ import annotations

# Importing a rule family registers its rules in RULES.
from okr_toolkit.linter import kpi_rules, mbo_rules, portfolio_rules, writing_rules  # noqa: F401
from okr_toolkit.linter.api import lint, lint_statement
from okr_toolkit.linter.findings import FINDING_COLUMNS, SEVERITIES, Findings, format_findings
from okr_toolkit.linter.registry import RULES, Rule
from okr_toolkit.linter.selection import select_rules
from okr_toolkit.linter.tables import LintTables

__all__ = [
    "FINDING_COLUMNS",
    "RULES",
    "SEVERITIES",
    "Findings",
    "LintTables",
    "Rule",
    "format_findings",
    "lint",
    "lint_statement",
    "select_rules",
]
