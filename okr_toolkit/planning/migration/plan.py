"""The quarter-by-quarter migration plan: one row per team x quarter."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

import pandas as pd

from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.planning.migration.config import DEFAULT_MIGRATION_CONFIG
from okr_toolkit.planning.migration.quarters import parse_quarter
from okr_toolkit.planning.migration.waves import team_list, team_waves

__all__ = [
    "CADENCES",
    "OKR_FRAMEWORKS",
    "PLAN_COLUMNS",
    "PLAN_FRAMEWORKS",
    "REVIEWS",
    "STRATEGIES",
    "plan_migration",
]

#: The framework a team works under in a plan quarter.
PLAN_FRAMEWORKS: tuple[str, ...] = ("MBO", "OKR pilot", "OKR", "MBO + OKR")
#: The frameworks under which a team runs OKRs (and the OKR guardrails apply).
OKR_FRAMEWORKS = ("OKR pilot", "OKR", "MBO + OKR")
#: The values of a plan's ``cadence``, ``review`` and ``strategy`` columns.
CADENCES = ("annual", "quarterly")
REVIEWS = ("target verdict", "development conversation")
STRATEGIES = ("replace", "coexist")

#: The plan quarter (from 0) that closes the migration year: the fourth.

#: Columns of a migration plan, in order.
PLAN_COLUMNS: tuple[str, ...] = (
    "team",
    "quarter",
    "quarter_index",
    "framework",
    "cadence",
    "okr_pay_decoupled",
    "review",
    "milestone",
    "strategy",
)


def plan_migration(
    teams: Sequence[str],
    start_quarter: str | pd.Period,
    *,
    strategy: Literal["replace", "coexist"] = "replace",
    pilot_teams: Sequence[str] | None = None,
    waves: Sequence[Sequence[str]] | None = None,
    config: Mapping[str, Any] = DEFAULT_MIGRATION_CONFIG,
) -> pd.DataFrame:
    """A quarter-by-quarter migration plan, one row per team x quarter.

    The plan covers ``config["quarters"]`` quarters (5: the migration year and
    the first quarter of the next) from ``start_quarter``, which may be any
    quarter. The year-end MBO review falls where the MBO year really ends
    (``config["mbo_year_end"]``, Q4 by default): in the first such quarter once
    every team is on OKRs, and the plan runs one quarter past it. Started in
    Q1, that is the fourth quarter, as below; started mid-year, the plan is
    longer or the review comes sooner, never in a quarter that is not a year end.

    ``"replace"`` follows the one-year path of "OKR vs KPI vs MBO":

    ===========  ==============================================================
    quarter      what happens
    ===========  ==============================================================
    1st          pilot team(s) on ``"OKR pilot"`` (default: the first team);
                 everyone else stays on ``"MBO"``
    2nd          a few more teams join (default: about a third of all teams);
                 OKR scoring split from bonus for everyone
    3rd          every team on quarterly ``"OKR"``
    4th          the year-end MBO review, the last annual target verdict
                 (the first year-end quarter once every team is on OKRs)
    5th          OKRs carry the strategy; review is a development conversation
    ===========  ==============================================================

    ``"coexist"``: MBO stays the pay-and-review record for every team (review
    ``"target verdict"``, for pay) and OKRs roll out in the same waves as a
    quarterly change layer (framework ``"MBO + OKR"``), decoupled from pay from
    the first quarter.

    Parameters
    ----------
    teams
        Unique team names.
    start_quarter
        ``"2026Q1"``, ``"Q1 2026"`` or a quarterly ``pandas.Period``.
    strategy
        ``"replace"`` or ``"coexist"`` (see :func:`assess_migration`).
    pilot_teams
        Team(s) piloting OKRs in the first quarter.
    waves
        Explicit lists of teams starting OKRs in each quarter, the first being
        the pilot, at most ``quarters - 1`` lists; every team in exactly one.
    config
        Conventions, see :data:`DEFAULT_MIGRATION_CONFIG`.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`PLAN_COLUMNS`: ``team``, ``quarter`` (``"2026Q1"``),
        ``quarter_index`` (0, 1, ...), ``framework`` (``"MBO"``, ``"OKR pilot"``,
        ``"OKR"``, ``"MBO + OKR"``), ``cadence`` (``"annual"`` for MBO only,
        ``"quarterly"`` wherever OKRs run), ``okr_pay_decoupled`` (the rule "OKR
        scores never feed pay" is in force for the team), ``review``
        (``"target verdict"`` or ``"development conversation"``), ``milestone``
        (that quarter's step, ``""`` if none) and ``strategy``.

    Raises
    ------
    OKRDataError
        For no teams, duplicate names, a pilot or wave team not in ``teams``, a
        malformed start quarter or an unknown strategy.

    Examples
    --------
    >>> plan = plan_migration(["Sales", "Ops", "Product"], "2026Q1")
    >>> plan.pivot(index="team", columns="quarter", values="framework")
    quarter 2026Q1 2026Q2 2026Q3 2026Q4 2027Q1
    team
    Ops        MBO    OKR    OKR    OKR    OKR
    Product    MBO    MBO    OKR    OKR    OKR
    Sales  OKR pilot  OKR    OKR    OKR    OKR

    Started mid-year, the last annual verdict still falls at a year end:

    >>> late = plan_migration(["Sales", "Ops", "Product"], "2026Q3")
    >>> late.loc[late["milestone"].str.contains("last annual"), "quarter"].unique().tolist()
    ['2027Q4']
    >>> from okr_toolkit.planning.migration import check_plan
    >>> check_plan(plan)
    []
    """
    if strategy not in STRATEGIES:
        raise OKRDataError(
            f"`strategy` must be one of {', '.join(map(repr, STRATEGIES))}, got {strategy!r}"
        )
    names = team_list(teams)
    start = parse_quarter(start_quarter)
    plan_waves = team_waves(names, pilot_teams, waves, config)
    starts = {t: i for i, wave in enumerate(plan_waves) for t in wave}
    all_in = max(i for i, wave in enumerate(plan_waves) if wave)
    year_end_quarter = int(config.get("mbo_year_end", 4))
    year_end = _year_end(start, all_in, year_end_quarter)
    n_q = int(config["quarters"])
    if strategy == "replace":  # run one quarter past the last annual verdict
        n_q = max(n_q, year_end + 2)
    rows = []
    for q in range(n_q):
        label = str(start + q)
        year_end_now = (start + q).quarter == year_end_quarter
        milestone = _milestone(q, plan_waves, all_in, year_end, strategy, year_end_now)
        if strategy == "replace" and q < year_end and year_end_now:
            # An earlier year end: MBO still gives this year's verdict, OKRs stay out of it.
            review = "year-end MBO review of this year's targets; OKR scores stay out of it"
            milestone = "; ".join(part for part in (milestone, review) if part)
        for team in names:
            on_okr = q >= starts[team]
            framework, decoupled, review = _regime(q, on_okr, year_end, strategy)
            cadence = "quarterly" if on_okr else "annual"
            rows.append(
                (team, label, q, framework, cadence, decoupled, review, milestone, strategy)
            )
    plan = pd.DataFrame(rows, columns=list(PLAN_COLUMNS))
    plan["quarter_index"] = plan["quarter_index"].astype("int64")
    plan["okr_pay_decoupled"] = plan["okr_pay_decoupled"].astype(bool)
    return plan


def _year_end(start: pd.Period, all_in: int, year_end_quarter: int) -> int:
    """Plan index of the last year-end MBO review: the first quarter ``year_end_quarter``
    (1-4) of a year at or after ``all_in``, when every team is on OKRs."""
    if year_end_quarter not in (1, 2, 3, 4):
        raise OKRDataError(
            f"config['mbo_year_end'] must be the quarter 1-4 the MBO year ends in, "
            f"got {year_end_quarter!r}"
        )
    q = all_in
    while (start + q).quarter != year_end_quarter:
        q += 1
    return q


def _regime(q: int, on_okr: bool, year_end: int, strategy: str) -> tuple[str, bool, str]:
    """A team's framework, whether OKR scores are kept from its pay, and its review, in ``q``."""
    if strategy == "replace":
        if not on_okr:
            framework = "MBO"
        elif q == 0:
            framework = "OKR pilot"
        else:
            framework = "OKR"
        decoupled = on_okr or q >= 1  # the split is company-wide from quarter 2
        review = "development conversation" if q > year_end else "target verdict"
        return framework, decoupled, review
    return ("MBO + OKR" if on_okr else "MBO"), True, "target verdict"


def _milestone(
    q: int, waves: list[list[str]], all_in: int, year_end: int, strategy: str, year_end_now: bool
) -> str:
    """The step of plan quarter ``q`` (``""`` if none); the last teams join in ``all_in``,
    the last year-end MBO review of a replacement is in ``year_end``; ``year_end_now``
    says whether ``q`` ends an MBO year."""
    joining = waves[q] if q < len(waves) else []
    if strategy == "replace":
        parts = _replace_steps(q, joining, all_in, year_end)
    else:
        parts = _coexist_steps(q, joining, all_in, year_end_now)
    return "; ".join(parts)


def _replace_steps(q: int, joining: list[str], all_in: int, year_end: int) -> list[str]:
    """The steps of quarter ``q`` on the one-year path that retires MBO."""
    parts: list[str] = []
    if q == 0:
        parts.append(
            f"pilot OKRs for one quarter in {', '.join(joining)}; everyone else stays on MBO"
        )
    elif joining and q == all_in:
        parts.append(f"all teams on quarterly OKRs ({len(joining)} join now)")
    elif joining:
        parts.append(f"expand OKRs to {len(joining)} more team(s)")
    if q == 1:
        parts.append("OKR scoring split from bonus for everyone")
    if q == year_end:
        parts.append("year-end MBO review: the last annual target verdict")
    if q == year_end + 1:
        parts.append("OKRs carry the strategy; the review becomes a development conversation")
    return parts


def _coexist_steps(q: int, joining: list[str], all_in: int, year_end_now: bool) -> list[str]:
    """The steps of quarter ``q`` when OKRs join MBO as a change layer."""
    parts: list[str] = []
    if q == 0:
        parts.append(
            "MBO stays the record for pay and reviews; OKR scores never feed pay; "
            f"OKR change layer starts in {', '.join(joining)}"
        )
    elif joining and q == all_in:
        parts.append(f"OKR change layer in all teams ({len(joining)} join now)")
    elif joining:
        parts.append(f"OKR change layer in {len(joining)} more team(s)")
    if year_end_now:
        parts.append("year-end MBO review for pay, as before; OKR scores stay out of it")
    return parts
