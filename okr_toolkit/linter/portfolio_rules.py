"""Rules on the set as a whole: KPIs and OKRs in balance, and few enough goals to focus.

========  ==========================  ========  =====================================
code      rule                        severity  the mistake
========  ==========================  ========  =====================================
OKR104    kpis-without-okrs           warning   KPIs tracked, none converted: stuck
OKR105    okrs-without-kpis           warning   OKRs with no KPI foundation
OKR109    every-kpi-converted         warning   every KPI turned into an OKR
OKR110    too-many-objectives         warning   more than 3-5 objectives
OKR111    too-many-key-results        warning   more than about 3 KRs each
========  ==========================  ========  =====================================

OKR104, OKR105 and OKR109 weigh which KPIs the key results move; their finding
is at the ``portfolio``. OKR110 and OKR111 count objectives per set (per team,
when the file says) and key results per objective against the focus limits in
:class:`~okr_toolkit.Settings`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd

from okr_toolkit.linter.findings import Findings
from okr_toolkit.linter.registry import register
from okr_toolkit.linter.tables import LintTables

#: Nothing to import from here: the module registers its rules in RULES.
__all__: list[str] = []


@register(
    "OKR104",
    "kpis-without-okrs",
    "warning",
    source="OKR vs KPI vs MBO, mistake 4",
    fix="pick the KPI that most needs to move and make it the seed of an OKR "
    "(okr.planning.find_candidates ranks stalled ones)",
)
def _kpis_without_okrs(t: LintTables) -> Iterator[Findings]:
    """KPIs tracked, none converted: stuck.

    There is a KPI table and no key result moves any of its KPIs.
    """
    kpis = t.kpis
    if kpis is None or (len(t.okrs) and _converted(t, kpis).any()):
        return
    healthy = "healthy-looking " if _all_healthy(kpis) else ""
    yield Findings.at(
        "portfolio",
        f"{len(kpis)} {healthy}KPI{'' if len(kpis) == 1 else 's'} and none of them feeds an "
        "OKR: operationally sound, strategically stuck",
    )


@register(
    "OKR105",
    "okrs-without-kpis",
    "warning",
    source="Do OKRs replace KPIs?",
    fix="name the KPIs each objective moves and the ones it must not break",
)
def _okrs_without_kpis(t: LintTables) -> Iterator[Findings]:
    """OKRs with no KPI foundation: no key result is linked to a KPI."""
    if len(t.okrs) and not t.linked.any():
        yield Findings.at(
            "portfolio",
            "no key result is linked to a KPI: OKRs without a KPI foundation chase change "
            "without knowing whether the business stays healthy",
        )


@register(
    "OKR109",
    "every-kpi-converted",
    "warning",
    source="KPI vs OKR — the difference that matters",
    fix="keep most KPIs as health checks; convert only the ones that must move this quarter",
)
def _every_kpi_converted(t: LintTables) -> Iterator[Findings]:
    """Every KPI turned into an OKR.

    Each of three or more KPIs in the KPI table is moved by some key result.
    """
    if t.kpis is not None and len(t.kpis) >= 3 and _converted(t, t.kpis).all():
        yield Findings.at(
            "portfolio",
            f"all {len(t.kpis)} KPIs have been turned into key results: KPIs are there to "
            "watch the business, not every one of them needs changing",
        )


@register(
    "OKR110",
    "too-many-objectives",
    "warning",
    source="OKR vs KPI vs MBO; OKR vs. KPI: Differences And Importance",
    fix="merge or drop objectives until only the critical few remain",
)
def _too_many_objectives(t: LintTables) -> Iterator[Findings]:
    """More than 3-5 objectives (``settings.max_objectives``) in one set.

    A company file holds many teams' objectives; counting them as one set would
    flag every real company. When the file says which team (and level) owns each
    objective, each team's set is counted on its own; otherwise the file is one set.
    """
    limit = t.settings.max_objectives
    for key, n in _objective_sets(t.objectives):
        if n > limit:
            yield Findings.at(
                _set_place(key), f"{n} objectives; focus on the {limit} most critical areas at most"
            )


@register(
    "OKR111",
    "too-many-key-results",
    "warning",
    source="OKR vs. KPI: Differences And Importance",
    fix="keep the 2-3 that best prove the objective; track the rest as KPIs",
)
def _too_many_key_results(t: LintTables) -> Iterator[Findings]:
    """More than about 3 KRs (``settings.max_key_results``) for one objective."""
    limit = t.settings.max_key_results
    per_objective = t.okrs.groupby("objective_id", sort=False).size()
    over = per_objective[per_objective > limit]
    yield Findings.objectives(
        list(over.index), [f"{n} key results; more than {limit} dilutes focus" for n in over]
    )


def _converted(t: LintTables, kpis: pd.DataFrame) -> pd.Series:
    """Whether each KPI in ``kpis`` is moved by some key result."""
    linked = set(t.kpi[t.linked].astype(str))
    return kpis["kpi"].astype(str).isin(linked)


def _all_healthy(kpis: pd.DataFrame) -> bool:
    """Whether the KPI table gives each KPI's value and none breaches its threshold."""
    if "value" not in kpis.columns:
        return False
    from okr_toolkit.core.kpis import kpi_status

    better = kpis["better"] if "better" in kpis.columns else "higher"
    status = kpi_status(
        pd.to_numeric(kpis["value"]), pd.to_numeric(kpis["threshold"]), better=better
    )
    return bool((np.asarray(status) != "breached").all())


def _objective_sets(objectives: pd.DataFrame) -> list[tuple[tuple[Any, ...], int]]:
    """Each set of objectives and its size, in the order the sets first appear.

    A set is keyed by its team and level when the file names teams, else the
    file is one set, keyed ``()``.
    """
    if not ("team" in objectives.columns and objectives["team"].notna().any()):
        return [((), len(objectives))]
    keys = [c for c in ("team", "level") if c in objectives.columns]
    # Counted by hand, in the order the sets first appear: value_counts orders
    # and spells missing keys differently from one pandas version to the next.
    tally: dict[tuple[Any, ...], int] = {}
    for row in objectives[keys].itertuples(index=False, name=None):
        key = tuple(None if pd.isna(v) else v for v in row)
        tally[key] = tally.get(key, 0) + 1
    return list(tally.items())


def _set_place(key: tuple[Any, ...]) -> str:
    """Where a set's finding is: ``team 'Sales' (team level)``, or the portfolio."""
    parts = dict(zip(("team", "level"), key, strict=False))
    if parts.get("team") is None:
        return "portfolio"
    where = f"team {parts['team']!r}"
    if parts.get("level") is not None:
        where += f" ({parts['level']} level)"
    return where
