"""MigrationPlanner: the MBO to OKR plan from the workshop questions, live."""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from typing import Any, ClassVar

import ipywidgets as w  # type: ignore[import-untyped]  # ipywidgets ships no type hints
import pandas as pd
import traitlets as t

from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.planning.migration import (
    Assessment,
    MigrationProfile,
    assess_migration,
    check_plan,
    plan_migration,
)
from okr_toolkit.present import charts
from okr_toolkit.present.widgets._common import PROBLEM_COLOUR, problem_html

__all__ = ["MigrationPlanner"]


class MigrationPlanner(w.VBox):
    """Plan the move from MBO to OKR live: the workshop questions, the teams, the pilot.

    Answer the five assessment questions and list the teams; the app shows the
    recommendation (replace or coexist) with its reasons, the quarter-by-quarter
    plan, its guardrail check and the Gantt chart, and offers the plan as a CSV
    download (a data link: nothing leaves the machine). The app is an
    :class:`ipywidgets.VBox` whose results are traits.

    Parameters
    ----------
    teams
        Team names, one per line in the text box.
    start_quarter
        First quarter of the plan, e.g. ``"2026Q1"``.
    targets_stale_by_q2, needs_mid_year_course_correction
        The answers the two questions start with (the other three start unticked).
    **kwargs
        Passed to :class:`ipywidgets.VBox`.

    Attributes
    ----------
    regulated, bonus_tied_to_annual_targets, annual_review_in_hr : ipywidgets.Checkbox
    targets_stale_by_q2, needs_mid_year_course_correction : ipywidgets.Checkbox
        The five workshop questions.
    teams : ipywidgets.Textarea
    start : ipywidgets.Text
    pilot : ipywidgets.Dropdown
    summary, chart_view, download, table : ipywidgets.HTML
        The recommendation, the Gantt chart, the CSV link and the plan as a table.

    Traits
    ------
    assessment : Assessment or None
        :func:`okr_toolkit.planning.assess_migration` of the answers.
    plan : pandas.DataFrame or None
        :func:`okr_toolkit.plan_migration`: one row per team and quarter.
    decision : str or None
        ``"replace"`` or ``"coexist"``.
    problems : list of str
        The plan's guardrail findings (:func:`okr_toolkit.planning.check_plan`).
    error : str or None
        Why there is no plan (``None`` when there is one).
    chart : altair.VConcatChart or None

    Examples
    --------
    >>> app = MigrationPlanner(["Sales", "Support", "Product", "Finance"])
    >>> app.decision, app.plan["team"].nunique()
    ('replace', 4)
    >>> app.regulated.value = True
    >>> app.result["decision"], sorted(app.plan["framework"].unique())
    ('coexist', ['MBO', 'MBO + OKR'])
    """

    assessment = t.Instance(Assessment, allow_none=True, help="The replace-or-coexist call.")
    plan = t.Instance(pd.DataFrame, allow_none=True, help="One row per team and quarter.")
    decision = t.Unicode(None, allow_none=True, help="replace or coexist.")
    problems = t.List(t.Unicode(), help="The plan's guardrail findings.")
    error = t.Unicode(None, allow_none=True, help="Why there is no plan.")
    chart = t.Any(None, allow_none=True, help="The plan as a Gantt chart (Altair).")

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
        **kwargs: Any,
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
        left = w.VBox([w.HTML("<b>Workshop questions</b>"), *questions])
        right = w.VBox([self.teams, self.start, self.pilot])
        super().__init__(
            [w.HBox([left, right]), self.summary, self.chart_view, self.download, self.table],
            **kwargs,
        )
        for control in [*questions, self.teams, self.start, self.pilot]:
            control.observe(self._update, names="value")
        self._update()

    @property
    def result(self) -> dict[str, Any]:
        """``decision``, ``problems`` and ``error`` as a dict (a snapshot of the traits)."""
        return {"decision": self.decision, "problems": list(self.problems), "error": self.error}

    def _team_names(self) -> list[str]:
        return [line.strip() for line in self.teams.value.splitlines() if line.strip()]

    def _update(self, _change: Any = None) -> None:
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
            assessment = assess_migration(profile)
            pilot = [self.pilot.value] if self.pilot.value else None
            plan = plan_migration(
                names, self.start.value.strip(), strategy=assessment.decision, pilot_teams=pilot
            )
        except (OKRDataError, ValueError) as err:
            self.summary.value = problem_html("Cannot plan", err)
            self.table.value = self.chart_view.value = self.download.value = ""
            self._publish(None, None, [], str(err), None)
            return
        problems = check_plan(plan)
        reasons = "".join(
            f"<li><code>{html.escape(r.input_name)}</code> = {html.escape(str(r.value))}: "
            f"{html.escape(r.why)}</li>"
            for r in assessment.reasons
            if r.points_to != "neither"
        )
        risks = "".join(f"<li>{html.escape(r)}</li>" for r in assessment.risks)
        guard = (
            "<p>Guardrails: all pass (no OKR score tied to pay, no annual OKRs"
            + (", every team on OKRs by the end" if assessment.decision == "replace" else "")
            + ").</p>"
            if not problems
            else f"<ul style='color:{PROBLEM_COLOUR}'>"
            + "".join(f"<li>{html.escape(p)}</li>" for p in problems)
            + "</ul>"
        )
        self.summary.value = (
            f"<p><b style='font-size:1.2em'>{assessment.decision.upper()}</b> &mdash; "
            f"{html.escape(assessment.summary)}</p><ul>{reasons}</ul>"
            + (f"<p><b>Risks</b></p><ul>{risks}</ul>" if risks else "")
            + guard
        )
        chart = charts.migration_gantt(plan, width=520)
        self.chart_view.value = charts.to_svg(chart)
        csv = plan.to_csv(index=False).encode("utf-8")
        link = "data:text/csv;base64," + base64.b64encode(csv).decode("ascii")
        self.download.value = (
            f"<a download='migration_plan.csv' href='{link}'>Download the plan as CSV</a>"
        )
        pivot = plan.pivot(index="team", columns="quarter", values="framework")
        self.table.value = pivot.reindex(names).to_html(escape=True)
        self._publish(assessment, plan, problems, None, chart)

    def _publish(
        self,
        assessment: Assessment | None,
        plan: pd.DataFrame | None,
        problems: list[str],
        error: str | None,
        chart: Any,
    ) -> None:
        """Set the result traits together: an observer of one sees all of them new."""
        with self.hold_trait_notifications():
            self.assessment, self.plan, self.chart = assessment, plan, chart
            self.decision = None if assessment is None else assessment.decision
            self.problems, self.error = list(problems), error

    def to_csv(self, path: str) -> None:
        """Write the current plan to ``path`` (written to a temporary file, then renamed)."""
        if self.plan is None:
            raise OKRDataError(f"there is no plan to export: {self.error}")
        from okr_toolkit._atomic import write_atomic

        write_atomic(path, self.plan.to_csv(index=False).encode("utf-8"))
