"""The OKR linter: one rule per documented mistake of mixing OKRs, KPIs and MBO.

:func:`lint` reads a table of OKRs (one row per key result) and, optionally, a
table of KPIs, and returns one finding per problem: a rule code, a severity,
where it is, what is wrong and how to fix it.

The rules, with the seed each comes from (design notes, "Common mistakes"):

========  ==========================  ========  =====================================
code      rule                        severity  the mistake
========  ==========================  ========  =====================================
OKR101    kpi-written-as-stretch      warning   a KPI phrased as a stretch target [000]
OKR102    health-metric-in-okr        warning   a KR that holds a level: a dashboard
                                                item inside an OKR [000, 004]
OKR103    kr-at-kpi-threshold         warning   a KR aiming exactly at the KPI's
                                                threshold, with a 100% expectation [000]
OKR104    kpis-without-okrs           warning   KPIs tracked, none converted: stuck [000]
OKR105    okrs-without-kpis           warning   OKRs with no KPI foundation [002]
OKR106    annual-cycle                error     OKRs on an annual cycle: MBO in OKR
                                                clothing [000]
OKR107    pay-linked                  error     OKR scores tied to pay [000]
OKR108    kr-without-kpi              info      a KR that moves no KPI [003]
OKR109    every-kpi-converted         warning   every KPI turned into an OKR [003]
OKR110    too-many-objectives         warning   more than 3-5 objectives [000, 001]
OKR111    too-many-key-results        warning   more than about 3 KRs each [001]
OKR201    kr-without-number           error     a KR with nothing to measure [000]
OKR202    kr-is-activity              warning   a task or deliverable, not an
                                                outcome [000, 003]
OKR203    objective-is-a-number       warning   an objective that is a metric, not a
                                                qualitative aim [000, 004]
OKR204    objective-too-long          info      an objective too long to remember [000]
OKR205    target-short-of-threshold   error     a KR target that does not beat its
                                                KPI's threshold [000]
========  ==========================  ========  =====================================

Input columns (aliases in brackets are accepted, as in
:func:`okr_toolkit.datasets.load_okr_examples`): ``objective_id``
[``example_id``], ``objective`` (its text), ``kr_id``, ``statement`` (the
KR's sentence), and optionally ``baseline``, ``target``, ``direction``,
``kpi`` [``linked_kpi``], ``kpi_threshold``, ``cycle`` (e.g. ``"quarterly"``,
``"2026Q3"``, ``"annual"``), ``pay_linked`` (bool), ``committed`` (bool) and
``guardrail`` (bool: a health metric kept inside the OKR on purpose).
KPIs: ``kpi`` [``name``], ``threshold``, optionally ``value``, ``better`` and
``statement``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ._validate import require_columns
from .exceptions import OKRDataError
from .settings import DEFAULT_SETTINGS, Settings
from .statements import classify_statements

__all__ = ["RULES", "SEVERITIES", "Rule", "format_findings", "lint", "lint_statement"]

SEVERITIES: tuple[str, ...] = ("error", "warning", "info")
SEVERITY_DTYPE = pd.CategoricalDtype(list(SEVERITIES), ordered=True)
FINDING_COLUMNS = ["code", "rule", "severity", "objective_id", "kr_id", "where", "message", "fix"]


@dataclass(frozen=True)
class Rule:
    """One lint rule: its code, name, severity and the seed it comes from."""

    code: str
    name: str
    severity: str
    source: str


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule("OKR101", "kpi-written-as-stretch", "warning", "seed 000, mistake 1"),
        Rule("OKR102", "health-metric-in-okr", "warning", "seed 000, mistake 2; seed 004"),
        Rule("OKR103", "kr-at-kpi-threshold", "warning", "seed 000, mistake 3"),
        Rule("OKR104", "kpis-without-okrs", "warning", "seed 000, mistake 4"),
        Rule("OKR105", "okrs-without-kpis", "warning", "seed 002"),
        Rule("OKR106", "annual-cycle", "error", "seed 000, mistake 5"),
        Rule("OKR107", "pay-linked", "error", "seed 000, mistake 6"),
        Rule("OKR108", "kr-without-kpi", "info", "seed 003"),
        Rule("OKR109", "every-kpi-converted", "warning", "seed 003"),
        Rule("OKR110", "too-many-objectives", "warning", "seed 000, seed 001"),
        Rule("OKR111", "too-many-key-results", "warning", "seed 001"),
        Rule("OKR201", "kr-without-number", "error", "seed 000"),
        Rule("OKR202", "kr-is-activity", "warning", "seed 000, seed 003"),
        Rule("OKR203", "objective-is-a-number", "warning", "seed 000, seed 004"),
        Rule("OKR204", "objective-too-long", "info", "seed 000"),
        Rule("OKR205", "target-short-of-threshold", "error", "seed 000"),
    )
}

#: Objectives longer than this many words are hard to remember.
MAX_OBJECTIVE_WORDS = 12
_ANNUAL = re.compile(
    r"\b(?:annual(?:ly)?|yearly|per year|12[- ]month|fy\d{2,4}|year[- ]end)\b", re.I
)
_PAY_WORDS = re.compile(
    r"\b(?:bonus(?:es)?|compensation|commission|variable pay|payout|paid out|salary)\b", re.I
)
_NUMBER = re.compile(r"[$€£]?\d")
_ALIASES = {"example_id": "objective_id", "linked_kpi": "kpi"}


class _Findings:
    """Accumulates findings as column lists (cheap for tens of thousands of rows)."""

    def __init__(self) -> None:
        self.rows: dict[str, list[Any]] = {c: [] for c in FINDING_COLUMNS}

    def add(
        self,
        code: str,
        where: str,
        message: str,
        fix: str,
        objective_id: Any = None,
        kr_id: Any = None,
    ) -> None:
        rule = RULES[code]
        values = (code, rule.name, rule.severity, objective_id, kr_id, where, message, fix)
        for column, value in zip(FINDING_COLUMNS, values, strict=True):
            self.rows[column].append(value)

    def extend(
        self,
        code: str,
        rows: pd.DataFrame,
        message: Any,
        fix: str,
    ) -> None:
        """One finding per row of ``rows`` (a slice of the KR table), ``message`` per row."""
        if rows.empty:
            return
        rule = RULES[code]
        n = len(rows)
        messages = (
            [message(r) for r in rows.itertuples(index=False)]
            if callable(message)
            else [message] * n
        )
        self.rows["code"] += [code] * n
        self.rows["rule"] += [rule.name] * n
        self.rows["severity"] += [rule.severity] * n
        self.rows["objective_id"] += rows["objective_id"].tolist()
        self.rows["kr_id"] += rows["kr_id"].tolist()
        self.rows["where"] += [f"key result {k!r}" for k in rows["kr_id"]]
        self.rows["message"] += messages
        self.rows["fix"] += [fix] * n

    def frame(self) -> pd.DataFrame:
        out = pd.DataFrame(self.rows, columns=FINDING_COLUMNS)
        out["severity"] = out["severity"].astype(SEVERITY_DTYPE)
        return out.sort_values(["severity", "code"], kind="stable").reset_index(drop=True)


def _prepare_okrs(okrs: pd.DataFrame) -> pd.DataFrame:
    if not isinstance(okrs, pd.DataFrame):
        raise OKRDataError(f"the OKRs must be a pandas DataFrame, got {type(okrs).__name__}")
    frame = okrs.rename(columns={k: v for k, v in _ALIASES.items() if v not in okrs.columns})
    require_columns(frame, ["objective_id", "statement"], "the OKRs table")
    frame = frame.reset_index(drop=True)
    if "kr_id" not in frame.columns:
        frame["kr_id"] = [
            f"{o}.kr{i + 1}"
            for o, i in zip(
                frame["objective_id"], frame.groupby("objective_id").cumcount(), strict=True
            )
        ]
    if "objective" not in frame.columns:
        frame["objective"] = frame["objective_id"].astype(str)
    missing = frame["statement"].isna() | (frame["statement"].astype(str).str.strip() == "")
    if missing.any():
        i = int(np.flatnonzero(missing.to_numpy())[0])
        raise OKRDataError(
            f"key result {frame['kr_id'].iloc[i]!r} (row {i}): statement is empty; write the "
            "key result as a sentence, e.g. 'Raise MQL-to-SQL from 18% to 32%'"
        )
    return frame


def _prepare_kpis(kpis: pd.DataFrame | None) -> pd.DataFrame | None:
    if kpis is None:
        return None
    if not isinstance(kpis, pd.DataFrame):
        raise OKRDataError(f"the KPIs must be a pandas DataFrame, got {type(kpis).__name__}")
    frame = kpis.rename(columns={"name": "kpi"}) if "kpi" not in kpis.columns else kpis
    require_columns(frame, ["kpi", "threshold"], "the KPIs table")
    return frame.reset_index(drop=True)


def _truthy(frame: pd.DataFrame, column: str) -> np.ndarray:
    if column not in frame.columns:
        return np.zeros(len(frame), dtype=bool)
    values = frame[column]
    if values.dtype == bool:
        return values.to_numpy()
    text = values.astype(str).str.strip().str.lower()
    return text.isin(["true", "yes", "1", "y"]).to_numpy()


def lint(
    okrs: pd.DataFrame,
    kpis: pd.DataFrame | None = None,
    *,
    settings: Settings | None = None,
    classified: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Check a set of OKRs (and their KPIs) for the documented mistakes.

    Parameters
    ----------
    okrs
        One row per key result (see the module notes for the columns). Not
        modified.
    kpis
        Optional: one row per KPI with its ``threshold``, for the rules that
        compare KRs with KPIs and the portfolio checks.
    settings
        Focus limits (``max_objectives``, ``max_key_results``).
    classified
        The result of :func:`okr_toolkit.classify_statements` on the
        statements, when you already have it.

    Returns
    -------
    pandas.DataFrame
        One row per finding, errors first: ``code``, ``rule``, ``severity``
        (ordered categorical: error < warning < info), ``objective_id``,
        ``kr_id``, ``where``, ``message`` and ``fix``. Empty when clean.

    Examples
    --------
    Seed 004's "become the market leader" keeps its old KPI as a KR, holds a health
    metric, has four KRs, one of them an activity, and one linked to no KPI:

    >>> from okr_toolkit.datasets import load_okr_examples
    >>> leader = load_okr_examples().query("example_id == 'market_leader'")
    >>> for code, where in lint(leader)[["code", "where"]].values:
    ...     print(code, where)
    OKR102 key result 'market_leader.kr2'
    OKR103 key result 'market_leader.kr1'
    OKR111 objective 'market_leader'
    OKR202 key result 'market_leader.kr4'
    OKR108 key result 'market_leader.kr3'
    """
    settings = settings or DEFAULT_SETTINGS
    frame = _prepare_okrs(okrs)
    kpi_table = _prepare_kpis(kpis)
    found = _Findings()
    statements = frame["statement"].astype(str)
    reads = classify_statements(statements) if classified is None else classified
    if len(reads) != len(frame):
        raise ValueError("`classified` must have one row per key result")
    label = reads["label"].astype(str).to_numpy()

    # --- each key result ------------------------------------------------------------
    found.extend(
        "OKR201",
        frame[label == "unmeasurable"],
        lambda r: (
            f"{r.statement!r} has no number to measure, so nobody can say at the end "
            "of the quarter whether it was reached"
        ),
        "name the metric and where it should get to: 'Raise CSAT from 3.8 to 4.5'",
    )
    found.extend(
        "OKR202",
        frame[label == "activity"],
        lambda r: (
            f"{r.statement!r} is a task or deliverable: it can be done without anything improving"
        ),
        "ask what the activity is meant to change and measure that outcome instead",
    )
    guardrail = _truthy(frame, "guardrail")
    health = frame[(label == "kpi") & ~guardrail]
    found.extend(
        "OKR102",
        health,
        lambda r: (
            f"{r.statement!r} holds a level: that is a KPI health check, not a "
            "change. Some teams keep such a line inside an OKR on purpose, as a guardrail so "
            "the stretch is not bought by breaking it"
        ),
        "move it to the KPI dashboard, or mark it guardrail: true if it is there on purpose",
    )
    if "cycle" in frame.columns:
        annual = frame["cycle"].astype(str).str.contains(_ANNUAL, na=False).to_numpy()
    else:
        annual = np.zeros(len(frame), dtype=bool)
    annual = annual | statements.str.contains(_ANNUAL, na=False).to_numpy()
    found.extend(
        "OKR106",
        frame[annual],
        "set on an annual cycle: the 90-day loop of set, learn, adjust is gone, which is "
        "MBO in OKR clothing",
        "set it for a quarter and revisit next quarter; if the business truly plans once a "
        "year, MBO is the more honest tool",
    )
    pay = _truthy(frame, "pay_linked") | statements.str.contains(_PAY_WORDS, na=False).to_numpy()
    found.extend(
        "OKR107",
        frame[pay],
        "its score is tied to pay: people then set targets they know they can hit, and the "
        "stretch disappears",
        "keep OKR scores out of bonus decisions; reward through reviews of behaviour and outcomes",
    )
    kpi_col = frame["kpi"] if "kpi" in frame.columns else pd.Series(np.nan, index=frame.index)
    linked = kpi_col.notna() & (kpi_col.astype(str).str.strip() != "")
    measurable = label == "key_result"
    found.extend(
        "OKR108",
        frame[measurable & ~linked.to_numpy()],
        lambda r: (
            f"{r.statement!r} is linked to no KPI: its baseline and progress are "
            "measured nowhere else"
        ),
        "link it to the KPI it moves (add one if needed); if none fits, it may be an activity",
    )

    # --- key results against their KPI's threshold ---------------------------------
    threshold = (
        pd.to_numeric(frame["kpi_threshold"], errors="coerce")
        if "kpi_threshold" in frame.columns
        else pd.Series(np.nan, index=frame.index)
    )
    if kpi_table is not None:
        lookup = kpi_table.drop_duplicates("kpi").set_index("kpi")["threshold"]
        from_table = kpi_col.map(pd.to_numeric(lookup, errors="coerce"))
        threshold = threshold.fillna(from_table)
    target = (
        pd.to_numeric(frame["target"], errors="coerce")
        if "target" in frame.columns
        else reads["target"].astype(float)
    )
    target = target.fillna(reads["target"].astype(float))
    baseline = (
        pd.to_numeric(frame["baseline"], errors="coerce")
        if "baseline" in frame.columns
        else reads["baseline"].astype(float)
    )
    baseline = baseline.fillna(reads["baseline"].astype(float))
    direction = (
        frame["direction"].astype(str)
        if "direction" in frame.columns
        else reads["direction"].astype(str)
    )
    down = (direction == "decrease") | (direction == "stay_below") | (target < baseline)
    comparable = threshold.notna() & target.notna() & (label == "key_result")
    at_line = comparable & np.isclose(target, threshold)
    short = comparable & ~at_line & np.where(down, target > threshold, target < threshold)
    rows = frame.assign(target_value=target, threshold_value=threshold)
    found.extend(
        "OKR103",
        rows[at_line.to_numpy()],
        lambda r: (
            f"the target {r.target_value:,.10g} is the KPI threshold itself: the KR only asks "
            "the KPI to do its job, and a 100% expectation leaves no room to stretch"
        ),
        "aim past the threshold so that a 0.6-0.7 score already clears it",
    )
    found.extend(
        "OKR205",
        rows[short.to_numpy()],
        lambda r: (
            f"the target {r.target_value:,.10g} does not beat the KPI threshold "
            f"{r.threshold_value:,.10g}: even a perfect score leaves the KPI breached"
        ),
        "set the target beyond the threshold (see okr.kpi_to_kr for strategies)",
    )

    # --- objectives -----------------------------------------------------------------
    objectives = frame.drop_duplicates("objective_id")[["objective_id", "objective"]]
    for row in objectives.itertuples(index=False):
        text = str(row.objective)
        where = f"objective {row.objective_id!r}"
        if _NUMBER.search(text):
            found.add(
                "OKR203",
                where,
                f"{text!r} is a number, not a qualitative aim: the numbers belong in its key "
                "results",
                "say why it matters ('Become the market leader') and move the figure into a KR",
                objective_id=row.objective_id,
            )
        words = len(text.split())
        if words > MAX_OBJECTIVE_WORDS:
            found.add(
                "OKR204",
                where,
                f"{words} words: an objective should be short enough to remember",
                f"cut it to {MAX_OBJECTIVE_WORDS} words or fewer",
                objective_id=row.objective_id,
            )
    per_objective = frame.groupby("objective_id", sort=False).size()
    for objective_id, n in per_objective[per_objective > settings.max_key_results].items():
        found.add(
            "OKR111",
            f"objective {objective_id!r}",
            f"{n} key results; more than {settings.max_key_results} dilutes focus",
            "keep the 2-3 that best prove the objective; track the rest as KPIs",
            objective_id=objective_id,
        )
    _too_many_objectives(found, frame, settings)

    # --- portfolio ------------------------------------------------------------------
    if not linked.any() and len(frame):
        found.add(
            "OKR105",
            "portfolio",
            "no key result is linked to a KPI: OKRs without a KPI foundation chase change "
            "without knowing whether the business stays healthy",
            "name the KPIs each objective moves and the ones it must not break",
        )
    if kpi_table is not None:
        _portfolio_kpis(found, frame, kpi_table, set(kpi_col[linked].astype(str)))
    return found.frame()


def _too_many_objectives(found: _Findings, frame: pd.DataFrame, settings: Settings) -> None:
    """OKR110: the focus limit applies to each set of objectives one team owns.

    A company file holds many teams' objectives; counting them as one set would
    flag every real company. When the file says which team (and level) owns each
    objective, each team's set is counted on its own; otherwise the file is one set.
    """
    objectives = frame.drop_duplicates("objective_id")
    if "team" in objectives.columns and objectives["team"].notna().any():
        keys = [c for c in ("team", "level") if c in objectives.columns]
        sets = objectives[keys].astype(object).where(objectives[keys].notna(), None)
        counts = list(sets.value_counts(dropna=False, sort=False).items())
    else:
        counts = [((), len(objectives))]
    for key, n in counts:
        if n <= settings.max_objectives:
            continue
        values = key if isinstance(key, tuple) else (key,)
        parts = dict(zip(("team", "level"), values, strict=False))
        where = "portfolio"
        if parts.get("team") is not None:
            where = f"team {parts['team']!r}"
            if parts.get("level") is not None:
                where += f" ({parts['level']} level)"
        found.add(
            "OKR110",
            where,
            f"{n} objectives; focus on the {settings.max_objectives} most critical areas at most",
            "merge or drop objectives until only the critical few remain",
        )


def _portfolio_kpis(
    found: _Findings, frame: pd.DataFrame, kpis: pd.DataFrame, linked: set[str]
) -> None:
    names = kpis["kpi"].astype(str)
    converted = names.isin(linked)
    if len(frame) == 0 or not converted.any():
        healthy = ""
        if "value" in kpis.columns:
            from .kpis import kpi_status

            better = kpis["better"] if "better" in kpis.columns else "higher"
            status = kpi_status(
                pd.to_numeric(kpis["value"]), pd.to_numeric(kpis["threshold"]), better=better
            )
            if (np.asarray(status) != "breached").all():
                healthy = "healthy-looking "
        found.add(
            "OKR104",
            "portfolio",
            f"{len(kpis)} {healthy}KPI{'' if len(kpis) == 1 else 's'} and none of them feeds "
            "an OKR: operationally sound, "
            "strategically stuck",
            "pick the KPI that most needs to move and make it the seed of an OKR "
            "(okr.find_candidates ranks stalled ones)",
        )
    elif converted.all() and len(kpis) >= 3:
        found.add(
            "OKR109",
            "portfolio",
            f"all {len(kpis)} KPIs have been turned into key results: KPIs are there to watch "
            "the business, not every one of them needs changing",
            "keep most KPIs as health checks; convert only the ones that must move this quarter",
        )
    if "statement" in kpis.columns:
        reads = classify_statements(kpis["statement"].fillna("").astype(str))
        stretch = kpis[(reads["label"].astype(str) == "key_result").to_numpy()]
        for row in stretch.itertuples(index=False):
            found.add(
                "OKR101",
                f"KPI {row.kpi!r}",
                f"{row.statement!r} is written as a stretch target: a KPI is a realistic line "
                "to defend",
                "write the KPI as the level to hold ('Maintain 99% uptime') and put the "
                "stretch in an OKR",
            )


def lint_statement(text: str, *, kpi_threshold: float | None = None) -> pd.DataFrame:
    """Lint a single key-result sentence (for students and the statement checker).

    Examples
    --------
    >>> lint_statement("Launch a new support portal")["code"].tolist()
    ['OKR202']
    """
    return (
        lint(
            pd.DataFrame(
                {
                    "objective_id": ["objective"],
                    "objective": ["(objective)"],
                    "kr_id": ["kr"],
                    "statement": [text],
                    "kpi_threshold": [np.nan if kpi_threshold is None else kpi_threshold],
                }
            )
        )
        .query("where != 'portfolio'")
        .reset_index(drop=True)
    )


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

    Examples
    --------
    >>> print(format_findings(lint_statement("Launch a new support portal"), source="okrs.yaml",
    ...                       lines={"kr": 7}))  # doctest: +ELLIPSIS
    okrs.yaml:7: key result 'kr': warning OKR202 kr-is-activity: 'Launch a new support portal' ...
        fix: ask what the activity is meant to change and measure that outcome instead
    okrs.yaml: 0 errors, 1 warning, 0 infos
    """
    lines = lines or {}
    out = []
    for f in findings.itertuples(index=False):
        line = lines.get(f.kr_id) if isinstance(f.kr_id, str) else None
        place = (
            f"{source}:{line}: "
            if source and line is not None and not pd.isna(line)
            else (f"{source}: " if source else "")
        )
        out.append(
            f"{place}{f.where}: {f.severity} {f.code} {f.rule}: {f.message}\n    fix: {f.fix}"
        )
    counts = findings["severity"].value_counts()
    summary = ", ".join(
        f"{n} {s}{'' if n == 1 else 's'}" for s in SEVERITIES for n in [int(counts.get(s, 0))]
    )
    prefix = f"{source}: " if source else ""
    out.append(f"{prefix}{summary}" if len(findings) else f"{prefix}no findings")
    return "\n".join(out)
