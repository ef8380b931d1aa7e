"""The guardrails of a migration plan, applied to any plan, including a hand-edited one."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.planning.migration.plan import (
    CADENCES,
    OKR_FRAMEWORKS,
    PLAN_COLUMNS,
    PLAN_FRAMEWORKS,
    REVIEWS,
    STRATEGIES,
)

__all__ = ["check_plan"]


def check_plan(plan: pd.DataFrame, *, strict: bool = False) -> list[str]:
    """Every guardrail problem in a migration plan, including a hand-edited one.

    Checks: the :data:`PLAN_COLUMNS` are present; values are known; one row per
    team x quarter with every team in every quarter; **no OKR score linked to
    pay** (an OKR row with ``okr_pay_decoupled`` not ``True``); **no OKR row on
    an annual cadence**; one strategy; for ``"replace"``, **every team on
    "OKR" in the final quarter**; for ``"coexist"``, MBO stays the record
    (no pure ``"OKR"`` rows).

    Parameters
    ----------
    plan
        A plan as made by :func:`plan_migration`, possibly edited.
    strict
        Raise :class:`~okr_toolkit.exceptions.OKRDataError` listing every problem
        instead of returning them.

    Returns
    -------
    list of str
        One message per problem, naming team and quarter and the fix; empty when
        the plan keeps every guardrail.

    Examples
    --------
    >>> from okr_toolkit.planning.migration import plan_migration
    >>> plan = plan_migration(["Sales", "Ops"], "2026Q1")
    >>> plan.loc[plan["quarter"] == "2026Q3", "okr_pay_decoupled"] = False
    >>> for problem in check_plan(plan):
    ...     print(problem[:60])
    Sales in 2026Q3: OKR score linked to pay (okr_pay_decoupled
    Ops in 2026Q3: OKR score linked to pay (okr_pay_decoupled is
    """
    problems = _check(plan)
    if strict and problems:
        raise OKRDataError(
            f"{len(problems)} problem(s) in the migration plan:\n"
            + "\n".join(f"  - {p}" for p in problems)
        )
    return problems


def _check(plan: Any) -> list[str]:
    """Every problem of ``plan``: its shape first, then values, grid, pay and strategy."""
    if not isinstance(plan, pd.DataFrame):
        return [f"a migration plan must be a pandas DataFrame, got {type(plan).__name__}"]
    missing = [c for c in PLAN_COLUMNS if c not in plan.columns]
    if missing:
        return [
            f"the plan is missing column(s) {', '.join(map(repr, missing))}; "
            "make it with plan_migration() and edit the values, not the columns"
        ]
    if plan.empty:
        return ["the plan has no rows; make it with plan_migration()"]
    frame = plan.reset_index(drop=True)
    return [
        *_unknown_values(frame),
        *_grid_problems(frame),
        *_pay_and_cadence_problems(frame),
        *_strategy_problems(frame),
    ]


def _where(frame: pd.DataFrame, i: int | np.intp) -> str:
    """Row ``i`` as ``"<team> in <quarter>"``."""
    return f"{frame.at[i, 'team']!s} in {frame.at[i, 'quarter']!s}"


def _unknown_values(frame: pd.DataFrame) -> list[str]:
    """Frameworks, cadences, reviews and strategies that are not among the known ones."""
    problems: list[str] = []
    for column, allowed in (
        ("framework", PLAN_FRAMEWORKS),
        ("cadence", CADENCES),
        ("review", REVIEWS),
        ("strategy", STRATEGIES),
    ):
        bad = ~frame[column].isin(allowed).to_numpy()
        for i in np.flatnonzero(bad):
            problems.append(
                f"{_where(frame, i)}: {column} {frame.at[i, column]!r} is not one of "
                f"{', '.join(map(repr, allowed))}"
            )
    return problems


def _grid_problems(frame: pd.DataFrame) -> list[str]:
    """Rows repeated for a team and quarter, and teams without a row in some quarter."""
    problems: list[str] = []
    dup = frame.duplicated(["team", "quarter"], keep="first").to_numpy()
    for i in np.flatnonzero(dup):
        problems.append(f"{_where(frame, i)}: more than one row; keep one row per team and quarter")
    quarters = list(dict.fromkeys(frame["quarter"]))
    for team, rows in frame.groupby("team", sort=False)["quarter"]:
        absent = [q for q in quarters if q not in set(rows)]
        if absent:
            problems.append(
                f"{team!s} has no row for {', '.join(map(str, absent))}; "
                "every team needs a row in every quarter"
            )
    return problems


def _pay_and_cadence_problems(frame: pd.DataFrame) -> list[str]:
    """OKR scores linked to pay, and OKRs on an annual cadence (MBO in OKR clothing)."""
    problems: list[str] = []
    decoupled = frame["okr_pay_decoupled"].astype(object)
    is_bool = decoupled.map(lambda v: isinstance(v, bool | np.bool_)).to_numpy(dtype=bool)
    for i in np.flatnonzero(~is_bool):
        problems.append(
            f"{_where(frame, i)}: okr_pay_decoupled must be True or False, "
            f"got {decoupled.iat[int(i)]!r}"
        )
    on_okr = frame["framework"].isin(OKR_FRAMEWORKS).to_numpy()
    is_true = decoupled.map(lambda v: v is True or v is np.True_).to_numpy(dtype=bool)
    for i in np.flatnonzero(on_okr & is_bool & ~is_true):
        problems.append(
            f"{_where(frame, i)}: OKR score linked to pay (okr_pay_decoupled is False); set it "
            "to True and pay on the MBO record or observed outcomes, never the OKR score"
        )
    annual = (frame["cadence"] == "annual").to_numpy()
    for i in np.flatnonzero(on_okr & annual):
        problems.append(
            f"{_where(frame, i)}: {frame.at[i, 'framework']!s} on an annual cadence is MBO in "
            "OKR clothing; set cadence to 'quarterly'"
        )
    return problems


def _strategy_problems(frame: pd.DataFrame) -> list[str]:
    """One strategy per plan, and what that strategy asks of the frameworks."""
    strategies = [s for s in dict.fromkeys(frame["strategy"]) if s in STRATEGIES]
    if len(strategies) > 1:
        return [f"the plan mixes strategies {', '.join(map(repr, strategies))}; use one per plan"]
    if strategies == ["replace"]:
        return _replace_problems(frame)
    if strategies == ["coexist"]:
        return _coexist_problems(frame)
    return []


def _replace_problems(frame: pd.DataFrame) -> list[str]:
    """In a replacement, teams not on "OKR" in the plan's final quarter."""
    problems: list[str] = []
    idx = pd.to_numeric(frame["quarter_index"], errors="coerce")
    final = frame[idx == idx.max()]
    for team in frame["team"].drop_duplicates():
        rows = final[final["team"] == team]
        if not (rows["framework"] == "OKR").any():
            shown = rows["framework"].iat[0] if len(rows) else "no row"
            quarter = final["quarter"].iat[0] if len(final) else "the last quarter"
            problems.append(
                f"{team} is on {shown} in the final quarter {quarter}; in a replacement "
                "every team must reach 'OKR' by the plan's end"
            )
    return problems


def _coexist_problems(frame: pd.DataFrame) -> list[str]:
    """When OKRs coexist with MBO, rows on pure "OKR" (MBO must stay the record)."""
    problems: list[str] = []
    pure = frame["framework"].isin(["OKR", "OKR pilot"]).to_numpy()
    for i in np.flatnonzero(pure):
        problems.append(
            f"{_where(frame, i)}: framework {frame.at[i, 'framework']!r} in a coexist plan; MBO "
            "stays the record for pay and reviews, so use 'MBO + OKR'"
        )
    return problems
