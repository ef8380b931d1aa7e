"""What the linter finds: the batches a rule's check yields and the table :func:`lint` returns.

A check yields :class:`Findings`, four equal-length columns (where, message,
objective id, key-result id) with no rule attached; :func:`findings_table` adds
each rule's code, name, severity and fix and lays the rows out in
:data:`FINDING_COLUMNS`, ``severity`` an ordered categorical of
:data:`SEVERITIES`. :func:`format_findings` writes that table as text, one
finding per line, as ``okr lint`` prints it.

This module imports only pandas and numpy: the registry, the prepared tables
and the rules build on it.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from okr_toolkit.linter.registry import Rule

__all__ = [
    "FINDING_COLUMNS",
    "SEVERITIES",
    "SEVERITY_DTYPE",
    "Findings",
    "findings_table",
    "format_findings",
    "key_result_findings",
]

#: The severities, worst first: the order :func:`lint` sorts its findings in.
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
#: The dtype of the ``severity`` column: ordered, so error < warning < info.
SEVERITY_DTYPE = pd.CategoricalDtype(list(SEVERITIES), ordered=True)
#: The columns of the findings table, in order.
FINDING_COLUMNS = ["code", "rule", "severity", "objective_id", "kr_id", "where", "message", "fix"]


@dataclass(frozen=True)
class Findings:
    """Findings of one rule: four columns of equal length, one entry per finding.

    A rule's check yields these; :func:`lint` adds the rule's code, name,
    severity and fix to each. Build a batch over key results with
    :meth:`LintTables.key_results`, over objectives with :meth:`objectives`,
    over KPIs with :meth:`kpis`, and a single finding with :meth:`at`.

    Examples
    --------
    >>> found = Findings.objectives(["growth"], ["7 key results"])
    >>> found.where, found.message, found.objective_id, found.kr_id
    (["objective 'growth'"], ['7 key results'], ['growth'], [None])
    >>> len(Findings.at("portfolio", "no key result is linked to a KPI"))
    1
    """

    where: list[str]
    message: list[str]
    objective_id: list[Any]
    kr_id: list[Any]

    def __post_init__(self) -> None:
        n = len(self.where)
        if not len(self.message) == len(self.objective_id) == len(self.kr_id) == n:
            raise ValueError("the columns of a Findings batch must have the same length")

    def __len__(self) -> int:
        return len(self.where)

    @classmethod
    def at(cls, where: str, message: str) -> Findings:
        """One finding, at a place named in words (``"portfolio"``, ``"team 'Sales'"``).

        Parameters
        ----------
        where
            The place, as the ``where`` column shows it.
        message
            What is wrong there.

        Returns
        -------
        Findings
            A batch of one, with no objective or key-result id.

        Examples
        --------
        >>> found = Findings.at("team 'Sales'", "7 objectives")
        >>> found.where, found.message, found.objective_id, found.kr_id
        (["team 'Sales'"], ['7 objectives'], [None], [None])
        """
        return cls([where], [message], [None], [None])

    @classmethod
    def objectives(cls, ids: Sequence[Any], messages: Sequence[str]) -> Findings:
        """One finding per objective id, each with its message.

        Parameters
        ----------
        ids
            The objectives' ids.
        messages
            One message per id.

        Returns
        -------
        Findings
            ``where`` reads ``objective '<id>'``; no key-result id.

        Examples
        --------
        >>> Findings.objectives(["a", "b"], ["4 key results", "5 key results"]).where
        ["objective 'a'", "objective 'b'"]
        """
        ids = list(ids)
        return cls([f"objective {o!r}" for o in ids], list(messages), ids, [None] * len(ids))

    @classmethod
    def kpis(cls, names: Sequence[Any], messages: Sequence[str]) -> Findings:
        """One finding per KPI name, each with its message.

        Parameters
        ----------
        names
            The KPIs' names.
        messages
            One message per KPI.

        Returns
        -------
        Findings
            ``where`` reads ``KPI '<name>'``; no objective or key-result id.

        Examples
        --------
        >>> Findings.kpis(["uptime"], ["written as a stretch target"]).where
        ["KPI 'uptime'"]
        """
        where = [f"KPI {k!r}" for k in names]
        return cls(where, list(messages), [None] * len(where), [None] * len(where))


def key_result_findings(
    okrs: pd.DataFrame,
    hit: np.ndarray | pd.Series,
    message: str,
    values: Mapping[str, pd.Series] | None = None,
) -> Findings:
    """One finding per key result (row of ``okrs``) where ``hit`` is true.

    Parameters
    ----------
    okrs
        The prepared OKR table (:attr:`LintTables.okrs`): index reset, with
        ``objective_id`` and ``kr_id``.
    hit
        One bool per row: where the mistake is made.
    message
        A :meth:`str.format` template over the row's columns and the
        ``values`` given, e.g. ``"{statement!r} has no number"`` or
        ``"the target {target:,.10g}"``.
    values
        Per-key-result values (one per row, aligned on the index) that the
        template names and the table does not hold.

    Returns
    -------
    Findings
        ``where`` reads ``key result '<kr_id>'``, in the rows' order.

    Examples
    --------
    >>> okrs = pd.DataFrame({"objective_id": ["a", "a"], "kr_id": ["a.kr1", "a.kr2"],
    ...                      "statement": ["Hire 5 engineers", "Grow ARR"]})
    >>> found = key_result_findings(okrs, np.array([False, True]), "{statement!r} has no number")
    >>> found.where, found.message, found.objective_id
    (["key result 'a.kr2'"], ["'Grow ARR' has no number"], ['a'])
    >>> key_result_findings(okrs, np.array([True, False]), "the target {target:g}",
    ...                     {"target": pd.Series([5.0, 3.0])}).message
    ['the target 5']
    """
    hit = np.asarray(hit, dtype=bool)
    kr_ids = okrs["kr_id"][hit].tolist()
    fields = _template_fields(okrs, hit, message, values or {})
    return Findings(
        [f"key result {k!r}" for k in kr_ids],
        _fill_template(message, fields, len(kr_ids)),
        okrs["objective_id"][hit].tolist(),
        kr_ids,
    )


def _template_fields(
    okrs: pd.DataFrame, hit: np.ndarray, message: str, values: Mapping[str, pd.Series]
) -> dict[str, list[Any]]:
    """The hit rows' value of each field ``message`` names: from ``values``, else a column."""
    fields: dict[str, list[Any]] = {}
    for _, name, _, _ in string.Formatter().parse(message):
        if name and name not in fields:
            column = values[name].reindex(okrs.index) if name in values else okrs[name]
            fields[name] = column[hit].tolist()
    return fields


def _fill_template(message: str, fields: dict[str, list[Any]], n: int) -> list[str]:
    """``message`` filled in once per row of ``fields``; ``n`` copies when it names none."""
    if not fields:
        return [message] * n
    rows = zip(*fields.values(), strict=True)
    return [message.format(**dict(zip(fields, row, strict=True))) for row in rows]


def findings_table(found: Iterable[tuple[Rule, Findings]]) -> pd.DataFrame:
    """One row per finding, in the order found, with each rule's code, name, severity, fix.

    Parameters
    ----------
    found
        ``(rule, batch)`` pairs: each batch a check of that rule yielded.

    Returns
    -------
    pandas.DataFrame
        The columns :data:`FINDING_COLUMNS`; ``severity`` of
        :data:`SEVERITY_DTYPE`. Empty (with those columns) when nothing is found.

    Examples
    --------
    >>> from okr_toolkit.linter import RULES
    >>> table = findings_table([(RULES["OKR105"], Findings.at("portfolio", "no KPI"))])
    >>> table[["code", "rule", "severity", "where", "message"]].values.tolist()
    [['OKR105', 'okrs-without-kpis', 'warning', 'portfolio', 'no KPI']]
    >>> empty = findings_table([])
    >>> empty.empty, list(empty.columns) == FINDING_COLUMNS, empty["severity"].cat.ordered
    (True, True, True)
    """
    columns: dict[str, list[Any]] = {c: [] for c in FINDING_COLUMNS}
    for rule, batch in found:
        n = len(batch)
        columns["code"] += [rule.code] * n
        columns["rule"] += [rule.name] * n
        columns["severity"] += [rule.severity] * n
        columns["objective_id"] += batch.objective_id
        columns["kr_id"] += batch.kr_id
        columns["where"] += batch.where
        columns["message"] += batch.message
        columns["fix"] += [rule.fix] * n
    out = pd.DataFrame(columns, columns=FINDING_COLUMNS)
    out["severity"] = out["severity"].astype(SEVERITY_DTYPE)
    return out


def format_findings(
    findings: pd.DataFrame, *, source: str = "", lines: Mapping[Any, Any] | None = None
) -> str:
    """Findings as human-readable lines (``file:line: where: severity code rule: message``).

    Parameters
    ----------
    findings
        From :func:`lint`.
    source
        The file name to start each line with.
    lines
        Line (or row) number of each key result, by ``kr_id``, to point at.

    Returns
    -------
    str
        Each finding on a line with its fix on the next, then a count of the
        findings by severity (or "no findings").

    Examples
    --------
    >>> from okr_toolkit.linter import lint_statement
    >>> print(format_findings(lint_statement("Launch a new support portal"), source="okrs.yaml",
    ...                       lines={"kr": 7}))  # doctest: +ELLIPSIS
    okrs.yaml:7: key result 'kr': warning OKR202 kr-is-activity: 'Launch a new support portal' ...
        fix: ask what the activity is meant to change and measure that outcome instead
    okrs.yaml: 0 errors, 1 warning, 0 infos
    """
    lines = lines or {}
    out = [_finding_text(f, source, lines) for f in findings.itertuples(index=False)]
    prefix = f"{source}: " if source else ""
    out.append(f"{prefix}{_tally(findings)}" if len(findings) else f"{prefix}no findings")
    return "\n".join(out)


def _finding_text(f: Any, source: str, lines: Mapping[Any, Any]) -> str:
    """One finding (a row of the table) and its fix, on two lines."""
    line = lines.get(f.kr_id) if isinstance(f.kr_id, str) else None
    place = (
        f"{source}:{line}: "
        if source and line is not None and not pd.isna(line)
        else (f"{source}: " if source else "")
    )
    return f"{place}{f.where}: {f.severity} {f.code} {f.rule}: {f.message}\n    fix: {f.fix}"


def _tally(findings: pd.DataFrame) -> str:
    """How many findings of each severity: ``0 errors, 1 warning, 0 infos``."""
    counts = findings["severity"].value_counts()
    return ", ".join(
        f"{n} {s}{'' if n == 1 else 's'}" for s in SEVERITIES for n in [int(counts.get(s, 0))]
    )
