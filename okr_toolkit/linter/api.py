"""The linter's entry points: :func:`lint` over tables, :func:`lint_statement` over one sentence.

:func:`lint` prepares the tables once (:class:`~okr_toolkit.linter.LintTables`),
runs the selected checks (:func:`~okr_toolkit.linter.select_rules`: errors
first, then warnings, then infos; by code within a severity) and puts their
findings in one table with each rule's code, name, severity and fix
(:func:`~okr_toolkit.linter.findings.findings_table`). A new rule is one more
decorated check in a rule-family module; ``tests/test_lint_rules.py`` then asks
for an input that makes the mistake and its fixed version.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from okr_toolkit.core.settings import Settings
from okr_toolkit.linter.findings import findings_table
from okr_toolkit.linter.selection import select_rules
from okr_toolkit.linter.tables import LintTables

__all__ = ["lint", "lint_statement"]


def lint(
    okrs: pd.DataFrame,
    kpis: pd.DataFrame | None = None,
    *,
    settings: Settings | None = None,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    classified: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Check a set of OKRs (and their KPIs) for the documented mistakes.

    Parameters
    ----------
    okrs
        One row per key result (see :mod:`okr_toolkit.linter` for the
        columns). Not modified.
    kpis
        Optional: one row per KPI with its ``threshold``, for the rules that
        compare KRs with KPIs and the portfolio checks.
    settings
        Focus limits (``max_objectives``, ``max_key_results``).
    select, ignore
        Which rules to run: codes or starts of codes, as in ruff (see
        :func:`~okr_toolkit.linter.select_rules`). Every rule by default.
    classified
        The result of :func:`okr_toolkit.statements.classify_statements` on the
        statements, when you already have it.

    Returns
    -------
    pandas.DataFrame
        One row per finding, errors first: ``code``, ``rule``, ``severity``
        (ordered categorical: error < warning < info), ``objective_id``,
        ``kr_id``, ``where``, ``message`` and ``fix``. Empty when clean.

    Raises
    ------
    OKRDataError
        If a table is not a DataFrame, lacks a required column or has an empty
        statement.
    ValueError
        If ``select`` or ``ignore`` names no rule, or ``classified`` does not
        have one row per key result.

    Examples
    --------
    "Become the market leader" of "Enhance KPIs with OKRs" keeps its old KPI as a
    KR, holds a health metric, has four KRs, one of them an activity, and one
    linked to no KPI:

    >>> from okr_toolkit.datasets import load_okr_examples
    >>> leader = load_okr_examples().query("example_id == 'market_leader'")
    >>> for code, where in lint(leader)[["code", "where"]].values:
    ...     print(code, where)
    OKR102 key result 'market_leader.kr2'
    OKR103 key result 'market_leader.kr1'
    OKR111 objective 'market_leader'
    OKR202 key result 'market_leader.kr4'
    OKR108 key result 'market_leader.kr3'

    Only the rules on how key results and objectives are written:

    >>> lint(leader, select="OKR2")[["code", "kr_id"]]
         code              kr_id
    0  OKR202  market_leader.kr4
    """
    rules = select_rules(select, ignore)
    tables = LintTables(okrs, kpis, settings=settings, classified=classified)
    return findings_table((rule, found) for rule in rules for found in rule.check(tables))


def lint_statement(text: str, *, kpi_threshold: float | None = None) -> pd.DataFrame:
    """Lint a single key-result sentence (for students and the statement checker).

    Parameters
    ----------
    text
        The key result's sentence.
    kpi_threshold
        The threshold of the KPI it moves, if any: then OKR103 and OKR205
        compare its target with it.

    Returns
    -------
    pandas.DataFrame
        The findings about the sentence, as :func:`lint` gives them, without
        the portfolio's (a single sentence is no portfolio).

    Examples
    --------
    >>> lint_statement("Launch a new support portal")["code"].tolist()
    ['OKR202']
    >>> lint_statement("Raise MQL-to-SQL from 18% to 22%", kpi_threshold=25)["code"].tolist()
    ['OKR205', 'OKR108']
    """
    found = lint(_statement_table(text, kpi_threshold))
    return found.query("where != 'portfolio'").reset_index(drop=True)


def _statement_table(text: str, kpi_threshold: float | None) -> pd.DataFrame:
    """An OKR table of one key result, ``kr``, with ``text`` as its statement."""
    return pd.DataFrame(
        {
            "objective_id": ["objective"],
            "objective": ["(objective)"],
            "kr_id": ["kr"],
            "statement": [text],
            "kpi_threshold": [np.nan if kpi_threshold is None else kpi_threshold],
        }
    )
