"""The chart of a migration plan: teams x quarters coloured by framework, milestones above."""

from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from okr_toolkit._validate import require_columns

__all__ = ["FRAMEWORK_COLORS", "migration_gantt"]


#: Colours of the frameworks in a migration plan.
FRAMEWORK_COLORS: dict[str, str] = {
    "MBO": "#9e9e9e",
    "OKR pilot": "#8cc5e3",
    "MBO + OKR": "#b39ddb",
    "OKR": "#2e8b57",
}


def migration_gantt(
    plan: pd.DataFrame,
    *,
    title: str = "MBO to OKR: who runs what, quarter by quarter",
    width: int = 560,
) -> alt.VConcatChart:
    """A migration plan as a Gantt: teams x quarters coloured by framework, milestones above.

    Parameters
    ----------
    plan
        From :func:`okr_toolkit.plan_migration` (columns ``team``, ``quarter``,
        ``framework``, ``milestone``; ``okr_pay_decoupled`` and ``review``
        show in the tooltip).

    Examples
    --------
    >>> from okr_toolkit import plan_migration
    >>> spec = migration_gantt(plan_migration(["Sales", "Support", "Product"], "2026Q1")).to_dict()
    >>> [part["mark"]["type"] for part in spec["vconcat"]]
    ['text', 'rect']
    """
    require_columns(plan, ["team", "quarter", "framework", "milestone"], "the migration plan")
    teams = list(dict.fromkeys(plan["team"].astype(str)))
    quarters = sorted(plan["quarter"].astype(str).unique())
    present = [f for f in FRAMEWORK_COLORS if f in set(plan["framework"].astype(str))]
    data = plan.assign(team=plan["team"].astype(str), quarter=plan["quarter"].astype(str))
    tooltip = [
        c
        for c in ("team", "quarter", "framework", "cadence", "okr_pay_decoupled", "review")
        if c in data.columns
    ]
    x = alt.X("quarter:O", sort=quarters, title=None, axis=alt.Axis(orient="top", labelAngle=0))
    grid = (
        alt.Chart(data)
        .mark_rect(stroke="white", strokeWidth=2)
        .encode(
            x=x,
            y=alt.Y("team:N", sort=teams, title=None),
            color=alt.Color(
                "framework:N",
                scale=alt.Scale(domain=present, range=[FRAMEWORK_COLORS[f] for f in present]),
                legend=alt.Legend(orient="bottom", title=None),
            ),
            tooltip=tooltip,
        )
        .properties(width=width, height=max(60, 24 * len(teams)))
    )
    steps = _milestones(data, len(quarters), width)
    markers = (
        alt.Chart(steps)
        .mark_text(fontSize=10, color="#333", baseline="top", lineHeight=12)
        .encode(
            x=alt.X("quarter:O", sort=quarters, axis=None),
            y=alt.value(2),
            text="label",
            tooltip=["quarter:N", "milestone:N"],
        )
        .properties(width=width, height=64)
    )
    return alt.vconcat(markers, grid, spacing=2).properties(title=title)


def _milestones(data: pd.DataFrame, n_quarters: int, width: int) -> pd.DataFrame:
    """Each quarter's milestone, wrapped into at most five lines that fit its column."""
    steps = data.drop_duplicates("quarter")[["quarter", "milestone"]]
    # Milestones are sentences: wrap each into short lines that fit its column.
    column_chars = max(12, int(width / max(1, n_quarters) / 6.2))
    return steps.assign(
        label=[textwrap.wrap(str(m), column_chars)[:5] or [""] for m in steps["milestone"]]
    )
