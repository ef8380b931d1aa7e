"""MigrationPlanner: the MBO to OKR plan from the workshop questions, live."""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from typing import Any, ClassVar

import ipywidgets as w  # type: ignore[import-untyped]  # ipywidgets ships no type hints

from .. import charts
from ..exceptions import OKRDataError

__all__ = ["MigrationPlanner"]


class MigrationPlanner:
    """Plan the move from MBO to OKR live: the workshop questions, the teams, the pilot.

    Answer the five assessment questions and list the teams; the app shows the
    recommendation (replace or coexist) with its reasons, the quarter-by-quarter
    plan, its guardrail check and the Gantt chart, and offers the plan as a CSV
    download (a data link: nothing leaves the machine).

    Parameters
    ----------
    teams
        Team names, one per line in the text box.
    start_quarter
        First quarter of the plan, e.g. ``"2026Q1"``.

    Attributes
    ----------
    widget : ipywidgets.VBox
    assessment : Assessment or None
    plan : pandas.DataFrame or None
    chart : altair.VConcatChart or None
    result : dict
        ``decision``, ``problems`` (guardrail findings) and ``error``.

    Examples
    --------
    >>> app = MigrationPlanner(["Sales", "Support", "Product", "Finance"])
    >>> app.result["decision"], app.plan["team"].nunique()
    ('replace', 4)
    >>> app.regulated.value = True
    >>> app.result["decision"], sorted(app.plan["framework"].unique())
    ('coexist', ['MBO', 'MBO + OKR'])
    """

    _QUESTIONS: ClassVar[dict[str, str]] = {
        "regulated": "regulated industry",
        "bonus_tied_to_annual_targets": "bonuses tied to annual targets",
        "annual_review_in_hr": "HR processes assume an annual review",
        "targets_stale_by_q2": "annual targets go stale by Q2",
        "needs_mid_year_course_correction": "teams need to course-correct mid-year",
    }

    def __init__(
        self,
        teams: Sequence[str] = (
            "Sales",
            "Marketing",
            "Product",
            "Engineering",
            "Support",
            "Customer Success",
            "Finance",
            "People",
        ),
        start_quarter: str = "2026Q1",
        *,
        targets_stale_by_q2: bool = True,
        needs_mid_year_course_correction: bool = True,
    ) -> None:
        defaults = {
            "targets_stale_by_q2": targets_stale_by_q2,
            "needs_mid_year_course_correction": needs_mid_year_course_correction,
        }
        for name, label in self._QUESTIONS.items():
            box = w.Checkbox(
                value=defaults.get(name, False),
                description=label,
                indent=False,
                layout=w.Layout(width="360px"),
            )
            setattr(self, name, box)
        self.teams = w.Textarea(
            value="\n".join(teams),
            description="teams",
            layout=w.Layout(width="300px", height="170px"),
        )
        self.start = w.Text(value=start_quarter, description="start", continuous_update=False)
        self.pilot = w.Dropdown(description="pilot team")
        self.summary = w.HTML()
        self.table = w.HTML()
        self.chart_view = w.HTML()
        self.download = w.HTML()
        questions = [getattr(self, name) for name in self._QUESTIONS]
        for control in [*questions, self.teams, self.start, self.pilot]:
            control.observe(self._update, names="value")
        left = w.VBox([w.HTML("<b>Workshop questions</b>"), *questions])
        right = w.VBox([self.teams, self.start, self.pilot])
        self.widget = w.VBox(
            [w.HBox([left, right]), self.summary, self.chart_view, self.download, self.table]
        )
        self.assessment: Any = None
        self.plan: Any = None
        self.chart: Any = None
        self.result: dict[str, Any] = {}
        self._update()

    def _team_names(self) -> list[str]:
        return [line.strip() for line in self.teams.value.splitlines() if line.strip()]

    def _update(self, _change: Any = None) -> None:
        from ..migration import MigrationProfile, assess_migration, check_plan, plan_migration

        names = self._team_names()
        if list(self.pilot.options) != names:
            current = self.pilot.value if self.pilot.value in names else None
            self.pilot.unobserve(self._update, names="value")
            self.pilot.options = names
            self.pilot.value = current or (names[0] if names else None)
            self.pilot.observe(self._update, names="value")
        try:
            profile = MigrationProfile(
                **{name: bool(getattr(self, name).value) for name in self._QUESTIONS},
                teams=len(names),
            )
            self.assessment = assess_migration(profile)
            pilot = [self.pilot.value] if self.pilot.value else None
            self.plan = plan_migration(
                names, self.start.value.strip(), self.assessment.decision, pilot_teams=pilot
            )
        except (OKRDataError, ValueError) as err:
            self.plan, self.chart = None, None
            self.result = {"decision": None, "problems": [], "error": str(err)}
            message = html.escape(str(err))
            self.summary.value = f"<p style='color:#b00020'><b>Cannot plan:</b> {message}</p>"
            self.table.value = self.chart_view.value = self.download.value = ""
            return
        problems = check_plan(self.plan)
        self.result = {"decision": self.assessment.decision, "problems": problems, "error": None}
        reasons = "".join(
            f"<li><code>{html.escape(r.input_name)}</code> = {html.escape(str(r.value))}: "
            f"{html.escape(r.why)}</li>"
            for r in self.assessment.reasons
            if r.points_to != "neither"
        )
        risks = "".join(f"<li>{html.escape(r)}</li>" for r in self.assessment.risks)
        guard = (
            "<p>Guardrails: all pass (no OKR score tied to pay, no annual OKRs"
            + (", every team on OKRs by the end" if self.assessment.decision == "replace" else "")
            + ").</p>"
            if not problems
            else "<ul style='color:#b00020'>"
            + "".join(f"<li>{html.escape(p)}</li>" for p in problems)
            + "</ul>"
        )
        self.summary.value = (
            f"<p><b style='font-size:1.2em'>{self.assessment.decision.upper()}</b> &mdash; "
            f"{html.escape(self.assessment.summary)}</p><ul>{reasons}</ul>"
            + (f"<p><b>Risks</b></p><ul>{risks}</ul>" if risks else "")
            + guard
        )
        self.chart = charts.migration_gantt(self.plan, width=520)
        self.chart_view.value = charts.to_svg(self.chart)
        csv = self.plan.to_csv(index=False).encode("utf-8")
        link = "data:text/csv;base64," + base64.b64encode(csv).decode("ascii")
        self.download.value = (
            f"<a download='migration_plan.csv' href='{link}'>Download the plan as CSV</a>"
        )
        pivot = self.plan.pivot(index="team", columns="quarter", values="framework")
        self.table.value = pivot.reindex(names).to_html(escape=True)

    def to_csv(self, path: str) -> None:
        """Write the current plan to ``path`` (written to a temporary file, then renamed)."""
        if self.plan is None:
            raise OKRDataError(f"there is no plan to export: {self.result.get('error')}")
        from .._atomic import write_atomic

        write_atomic(path, self.plan.to_csv(index=False).encode("utf-8"))

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
