"""The OKR linter: rules as registered objects (code, name, severity, check, fix).

``lint`` runs the rules over a table of objectives and key results (and, when
given, the KPIs); ``lint_statement`` checks one sentence.
"""

from __future__ import annotations

from okr_toolkit.linter.rules import (
    FINDING_COLUMNS,
    RULES,
    SEVERITIES,
    Findings,
    LintTables,
    Rule,
    format_findings,
    lint,
    lint_statement,
    select_rules,
)

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
