"""ipywidgets apps built from the core and the charts.

Each app is a class that builds its widget tree and exposes its state
(``app.result``, ``app.chart``), so tests and notebooks can drive it without a
browser: set ``app.current.value = 58.1`` and read ``app.result``.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar, cast

import ipywidgets as w  # type: ignore[import-untyped]  # ipywidgets ships no type hints
import numpy as np
import pandas as pd

from . import charts
from .convert import STRATEGIES, explain, find_candidates, kpi_to_kr
from .exceptions import OKRDataError
from .grades import grade, read_score
from .scoring import METHODS, score
from .settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:
    from .kpis import Better

__all__ = [
    "KPIConverter",
    "KRScorer",
    "MigrationPlanner",
    "ScenarioExplorer",
    "StatementChecker",
    "WorkshopDashboard",
]


class KRScorer:
    """Score one Key Result live: baseline, target and current sliders, a direction toggle.

    Parameters
    ----------
    baseline, target, current
        Starting values (defaults: seed 000's activation KR, 42% -> 65%, at 58.1%).
    direction
        ``"increase"`` or ``"decrease"``.
    low, high
        Range of the three sliders.
    settings
        Grade bands.

    Attributes
    ----------
    widget : ipywidgets.VBox
        The app; display it (``display(app.widget)`` or just ``app`` in a cell).
    result : dict
        ``score``, ``grade``, ``reading`` and ``error`` (``None`` when the KR is
        valid) after the last update.
    chart : altair.LayerChart or None
        The progress chart after the last update (shown as SVG in
        ``chart_view``).

    Examples
    --------
    >>> app = KRScorer()
    >>> round(app.result["score"], 2), app.result["grade"]
    (0.7, 'green')
    >>> app.current.value = 50.0
    >>> round(app.result["score"], 2), app.result["grade"]
    (0.35, 'red')
    >>> app.target.value = 42.0
    >>> app.result["error"]
    "key result 'my KR': target 42 equals baseline 42; a key result must move its metric ..."
    """

    def __init__(
        self,
        baseline: float = 42.0,
        target: float = 65.0,
        current: float = 58.1,
        direction: str = "increase",
        *,
        low: float = 0.0,
        high: float = 100.0,
        settings: Settings = DEFAULT_SETTINGS,
        name: str = "my KR",
    ) -> None:
        self.settings = settings
        self.name = name
        style = {"description_width": "80px"}
        layout = w.Layout(width="420px")

        def slider(description: str, value: float) -> w.FloatSlider:
            return w.FloatSlider(
                value=value,
                min=low,
                max=high,
                step=0.1,
                description=description,
                continuous_update=False,
                style=style,
                layout=layout,
            )

        self.baseline = slider("baseline", baseline)
        self.target = slider("target", target)
        self.current = slider("current", current)
        self.direction = w.ToggleButtons(
            options=["increase", "decrease"], value=direction, description="direction", style=style
        )
        self.method = w.Dropdown(
            options=list(METHODS), value="clamped", description="convention", style=style
        )
        self.summary = w.HTML()
        # The chart is shown as locally rendered SVG: no Vega from a CDN, and
        # the same picture in JupyterLab, Voila and a saved notebook.
        self.chart_view = w.HTML()
        controls = [self.baseline, self.target, self.current, self.direction, self.method]
        for control in controls:
            control.observe(self._update, names="value")
        self.widget = w.VBox([*controls, self.summary, self.chart_view])
        self.result: dict[str, Any] = {}
        self.chart: Any = None
        self._update()

    def _update(self, _change: Any = None) -> None:
        try:
            value = score(
                self.current.value,
                self.baseline.value,
                self.target.value,
                self.direction.value,
                method=self.method.value,
                labels=[self.name],
            )
        except OKRDataError as err:
            self.result = {"score": None, "grade": None, "reading": None, "error": str(err)}
            self.chart = None
            message = html.escape(str(err))
            self.summary.value = f"<p style='color:#b00020'><b>Cannot score:</b> {message}</p>"
            self.chart_view.value = ""
            return
        shown = min(max(value, 0.0), 1.0)
        g = grade(shown, self.settings)
        reading = read_score(shown, settings=self.settings)
        self.result = {"score": value, "grade": g, "reading": reading, "error": None}
        frame = pd.DataFrame({"kr_id": [self.name], "score": [value], "grade": [g]})
        self.chart = charts.kr_progress(frame, settings=self.settings, title="", width=360)
        color = charts.GRADE_COLORS[g]
        # read_score() starts with "0.59 (yellow): "; the big number already says that.
        advice = html.escape(reading.split(": ", 1)[-1])
        self.summary.value = (
            f"<p><b style='font-size:1.3em;color:{color}'>{value:.2f} {g}</b>&nbsp; {advice}</p>"
        )
        self.chart_view.value = charts.to_svg(self.chart)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


class KPIConverter:
    """Turn a stalled KPI into a stretch Key Result, live.

    Pick a stalled KPI (found in the history by
    :func:`okr_toolkit.find_candidates`), choose a target strategy and its
    parameter, and see the proposed KR, what a 0.7 score means against the
    threshold, and the chart.

    Parameters
    ----------
    history
        Tidy KPI history; defaults to the two stalled KPIs of seed 000
        (:func:`okr_toolkit.datasets.load_kpi_history`).
    settings
        Success score and stall length.

    Attributes
    ----------
    widget : ipywidgets.VBox
    proposal : KRProposal or None
    result : dict
        ``statement``, ``target``, ``threshold_score``, ``explanation``,
        ``warnings`` and ``error`` after the last update.
    chart : altair.LayerChart or None

    Examples
    --------
    >>> app = KPIConverter()
    >>> app.kpi.value, app.proposal.baseline
    ('mql_to_sql_rate', 18.0)
    >>> app.strategy.value = "explicit"; app.target.value = 32.0
    >>> app.result["statement"]
    'Increase mql to sql rate from 18% to 32%'
    >>> round(app.result["threshold_score"], 2)
    0.5
    """

    def __init__(
        self, history: pd.DataFrame | None = None, *, settings: Settings = DEFAULT_SETTINGS
    ) -> None:
        from .datasets import load_kpi_history

        self.settings = settings
        self.history = load_kpi_history() if history is None else history
        self.candidates = find_candidates(self.history, settings=settings)
        if self.candidates.empty:
            raise OKRDataError(
                "no KPI in the history is stalled below its threshold, so there is nothing "
                "to convert; every KPI is meeting its line"
            )
        style = {"description_width": "90px"}
        options = [
            (f"{str(kpi).replace('_', ' ')}: below threshold for {int(row['run'])} periods", kpi)
            for kpi, row in self.candidates.iterrows()
        ]
        wide = w.Layout(width="460px")
        self.kpi = w.Dropdown(options=options, description="stalled KPI", style=style, layout=wide)
        self.strategy = w.Dropdown(
            options=list(STRATEGIES), value="clear_at_score", description="strategy", style=style
        )
        self.score = w.FloatSlider(
            value=0.5, min=0.05, max=1.0, step=0.05, description="clear at score", style=style
        )
        self.multiple = w.FloatSlider(
            value=2.0, min=1.0, max=5.0, step=0.25, description="gap multiple", style=style
        )
        self.quantile = w.FloatSlider(
            value=0.9, min=0.5, max=0.99, step=0.01, description="quantile", style=style
        )
        self.target = w.FloatText(value=0.0, description="target", style=style)
        self._parameter = {
            "clear_at_score": self.score,
            "gap_multiple": self.multiple,
            "history_quantile": self.quantile,
            "explicit": self.target,
        }
        self.summary = w.HTML()
        self.chart_view = w.HTML()
        controls = [self.kpi, self.strategy, self.score, self.multiple, self.quantile, self.target]
        for control in controls:
            control.observe(self._update, names="value")
        self.widget = w.VBox([*controls, self.summary, self.chart_view])
        self.proposal: Any = None
        self.chart: Any = None
        self.result: dict[str, Any] = {}
        self._update()

    def _update(self, _change: Any = None) -> None:
        strategy = self.strategy.value
        for name, control in self._parameter.items():
            control.layout.display = "" if name == strategy else "none"
        kpi = self.kpi.value
        row = self.candidates.loc[kpi]
        rows = self.history[self.history["kpi"].astype(str) == kpi]
        unit = str(rows["unit"].iloc[-1]) if "unit" in rows.columns else ""
        try:
            self.proposal = kpi_to_kr(
                kpi,
                float(row["baseline"]),
                float(row["threshold"]),
                strategy=strategy,
                target=self.target.value,
                score=self.score.value,
                multiple=self.multiple.value,
                quantile=self.quantile.value,
                history=rows,
                better=cast("Better", str(row["better"])),  # checked by find_candidates
                unit=unit,
                label=kpi.replace("_", " "),
                settings=self.settings,
            )
        except OKRDataError as err:
            self.proposal, self.chart = None, None
            self.result = {"error": str(err)}
            message = html.escape(str(err))
            self.summary.value = f"<p style='color:#b00020'><b>Cannot convert:</b> {message}</p>"
            self.chart_view.value = ""
            return
        p = self.proposal
        text = explain(p, settings=self.settings)
        self.result = {
            "statement": p.statement,
            "target": p.target,
            "threshold_score": p.threshold_score,
            "explanation": text,
            "warnings": list(p.warnings),
            "error": None,
        }
        warn = "".join(f"<li>{html.escape(x)}</li>" for x in p.warnings)
        self.summary.value = (
            f"<p><b>{html.escape(p.statement)}</b></p><p>{html.escape(text)}</p>"
            + (f"<ul style='color:#8a5a00'>{warn}</ul>" if warn else "")
        )
        self.chart = charts.kpi_to_kr(p, settings=self.settings, width=460)
        self.chart_view.value = charts.to_svg(self.chart)

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


class StatementChecker:
    """Type a key result; see how the toolkit reads it, classifies it and lints it.

    Parameters
    ----------
    text
        The statement to start with.

    Attributes
    ----------
    widget : ipywidgets.VBox
    result : dict
        ``label``, ``reason``, ``parsed`` (dict of the parsed fields) and
        ``findings`` (list of ``(code, message)``) after the last update.

    Examples
    --------
    >>> app = StatementChecker("Launch a new support portal")
    >>> app.result["label"]
    'activity'
    >>> app.text.value = "Cut sales cycle from 45 to 30 days"
    >>> app.result["label"], app.result["parsed"]["baseline"], app.result["parsed"]["target"]
    ('key_result', 45.0, 30.0)
    """

    _COLOURS: ClassVar[dict[str, str]] = {
        "key_result": charts.GRADE_COLORS["green"],
        "activity": "#b36b00",
        "kpi": "#3b6ea8",
        "unmeasurable": "#b00020",
    }

    def __init__(self, text: str = "Lift week-1 activation from 42% to 65%") -> None:
        self.text = w.Text(
            value=text,
            description="key result",
            continuous_update=False,
            layout=w.Layout(width="640px"),
            style={"description_width": "80px"},
        )
        self.reading = w.HTML()
        self.findings = w.HTML()
        self.text.observe(self._update, names="value")
        self.widget = w.VBox([self.text, self.reading, self.findings])
        self.result: dict[str, Any] = {}
        self._update()

    def _update(self, _change: Any = None) -> None:
        from .lint import lint_statement
        from .statements import READING_FIELDS, classify_statement

        verdict = classify_statement(self.text.value)
        parsed = verdict.parsed.to_dict()
        found = lint_statement(self.text.value)
        self.result = {
            "label": verdict.label,
            "reason": verdict.reason,
            "parsed": parsed,
            "findings": list(zip(found["code"], found["message"], strict=True)),
        }

        cells = "".join(
            f"<tr><td style='padding-right:1em'>{name}</td>"
            f"<td><code>{html.escape(str(parsed.get(name)))}</code></td></tr>"
            for name in READING_FIELDS
            if parsed.get(name) is not None
        )
        colour = self._COLOURS.get(verdict.label, "#333")
        self.reading.value = (
            f"<p><b style='color:{colour};font-size:1.15em'>{verdict.label.replace('_', ' ')}"
            f"</b> &mdash; {html.escape(verdict.reason)}</p>"
            + (f"<table>{cells}</table>" if cells else "<p><i>no numbers read</i></p>")
        )
        if found.empty:
            self.findings.value = "<p>Linter: no findings.</p>"
        else:
            items = "".join(
                f"<li><b>{f.code}</b> {html.escape(str(f.severity))}: "
                f"{html.escape(str(f.message))}<br><i>fix:</i> {html.escape(str(f.fix))}</li>"
                for f in found.itertuples(index=False)
            )
            self.findings.value = f"<p>Linter:</p><ul>{items}</ul>"

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


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
        from .migration import MigrationProfile, assess_migration, check_plan, plan_migration

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
        from ._atomic import write_atomic

        write_atomic(path, self.plan.to_csv(index=False).encode("utf-8"))

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


class ScenarioExplorer:
    """How likely is the target? Drift, volatility, weeks left and target, live.

    Each change re-runs a seeded Monte Carlo of the KR's path
    (:func:`okr_toolkit.simulate_kr`) and redraws the fan chart.

    Parameters
    ----------
    baseline, target, current, threshold
        The KR (default: seed 000's activation KR, 42% -> 65%, today at 48%,
        KPI threshold 50%).
    drift, volatility, weeks_left
        Starting assumptions: points per week, weekly standard deviation,
        weeks to the end of the cycle.
    paths
        Simulated paths per update (seeded, so the same inputs give the same
        picture).

    Attributes
    ----------
    widget : ipywidgets.VBox
    simulation : Simulation
    result : dict
        ``p_success``, ``p_threshold``, ``median_score`` after the last update.
    chart : altair.LayerChart

    Examples
    --------
    >>> app = ScenarioExplorer(drift=1.0, volatility=0.0, weeks_left=6)
    >>> app.result["p_success"], round(app.result["median_score"], 3)
    (0.0, 0.522)
    >>> app.drift.value = 2.0
    >>> app.result["p_success"]
    1.0
    """

    def __init__(
        self,
        baseline: float = 42.0,
        target: float = 65.0,
        current: float = 48.0,
        threshold: float | None = 50.0,
        *,
        drift: float = 1.0,
        volatility: float = 1.5,
        weeks_left: int = 6,
        paths: int = 4000,
        seed: int = 7,
        settings: Settings = DEFAULT_SETTINGS,
    ) -> None:
        self.baseline, self.current, self.threshold = baseline, current, threshold
        self.paths, self.seed, self.settings = paths, seed, settings
        style = {"description_width": "110px"}
        layout = w.Layout(width="420px")
        self.drift = w.FloatSlider(
            value=drift,
            min=-3.0,
            max=5.0,
            step=0.1,
            description="drift / week",
            style=style,
            layout=layout,
        )
        self.volatility = w.FloatSlider(
            value=volatility,
            min=0.0,
            max=6.0,
            step=0.1,
            description="volatility / week",
            style=style,
            layout=layout,
        )
        self.weeks = w.IntSlider(
            value=weeks_left, min=1, max=13, description="weeks left", style=style, layout=layout
        )
        span = abs(target - baseline) * 2 or 10.0
        self.target = w.FloatSlider(
            value=target,
            min=baseline - span,
            max=baseline + span,
            step=0.5,
            description="target",
            style=style,
            layout=layout,
        )
        self.summary = w.HTML()
        self.chart_view = w.HTML()
        controls = [self.drift, self.volatility, self.weeks, self.target]
        for control in controls:
            control.observe(self._update, names="value")
        self.widget = w.VBox([*controls, self.summary, self.chart_view])
        self.simulation: Any = None
        self._spec: dict[str, Any] | None = None
        self._names: tuple[str, str] = ("", "")
        self.result: dict[str, Any] = {}
        self._update()

    def _update(self, _change: Any = None) -> None:
        from .scenarios import simulate_kr

        try:
            self.simulation = simulate_kr(
                self.baseline,
                self.target.value,
                self.current,
                self.weeks.value,
                drift=self.drift.value,
                volatility=self.volatility.value,
                paths=self.paths,
                threshold=self.threshold,
                seed=self.seed,
                keep_paths=True,
                progress=False,
                settings=self.settings,
            )
        except (OKRDataError, ValueError) as err:
            self.simulation = None
            self.result = {"error": str(err)}
            message = html.escape(str(err))
            self.summary.value = f"<p style='color:#b00020'><b>Cannot simulate:</b> {message}</p>"
            self.chart_view.value = ""
            return
        sim = self.simulation
        self.result = {
            "p_success": sim.p_success,
            "p_threshold": sim.p_threshold,
            "median_score": sim.percentiles["score"][50],
            "error": None,
        }
        threshold = (
            f"; P(KPI at or past {self.threshold:g}) = <b>{sim.p_threshold:.0%}</b>"
            if sim.p_threshold is not None
            else ""
        )
        self.summary.value = (
            f"<p>P(score &ge; {self.settings.aspirational_success:g}) = "
            f"<b>{sim.p_success:.0%}</b>{threshold}; median end score "
            f"{sim.percentiles['score'][50]:.2f} ({self.paths:,} simulated paths)</p>"
        )
        bands, lines, heading = charts.fan_data(
            sim,
            baseline=self.baseline,
            target=self.target.value,
            current=self.current,
            threshold=self.threshold,
            settings=self.settings,
        )
        if self._spec is None:
            # Build the chart once; later updates only swap its data (see charts.replace_data).
            self._spec = self.chart.to_dict(validate=False)
            layers = self._spec["layer"]
            self._names = (layers[0]["data"]["name"], layers[3]["data"]["name"])
        spec = charts.replace_data(
            self._spec, {self._names[0]: bands, self._names[1]: lines}, title=heading
        )
        self.chart_view.value = charts.svg_from_spec(spec)

    @property
    def chart(self) -> Any:
        """The fan chart of the last simulation, as an Altair chart."""
        if self.simulation is None:
            return None
        return charts.scenario_fan(
            self.simulation,
            baseline=self.baseline,
            target=self.target.value,
            current=self.current,
            threshold=self.threshold,
            settings=self.settings,
            width=420,
            height=200,
        )

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


# --- the workshop dashboard -------------------------------------------------------------

_DASHBOARD_CSS = """<style>
.okr-dash table{border-collapse:collapse;margin:.4rem 0 .8rem;font-size:13px}
.okr-dash th,.okr-dash td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top;
line-height:1.35}
.okr-dash th{background:#f4f4f4}
.okr-dash td.num{text-align:right;font-variant-numeric:tabular-nums}
.okr-dash .badge{display:inline-block;padding:0 7px;border-radius:9px;color:#fff;font-size:12px}
.okr-dash .muted{color:#666}
.okr-dash .problem{color:#b00020}
.okr-dash a.download{display:inline-block;padding:4px 12px;border-radius:4px;background:#2f6fb0;
color:#fff;text-decoration:none}
</style>"""

_BADGE_COLOURS: dict[str, str] = {
    "green": charts.GRADE_COLORS["green"],
    "yellow": "#b7791f",
    "red": charts.GRADE_COLORS["red"],
    "healthy": charts.GRADE_COLORS["green"],
    "at_risk": "#b7791f",
    "breached": charts.GRADE_COLORS["red"],
    "error": charts.GRADE_COLORS["red"],
    "warning": "#b7791f",
    "info": "#4a6fa5",
    "ahead": charts.GRADE_COLORS["green"],
    "on_track": "#4a7ab5",
    "behind": charts.GRADE_COLORS["red"],
}


def _badge(word: str) -> str:
    colour = _BADGE_COLOURS.get(word, "#666")
    text = html.escape(word.replace("_", " "))
    return f"<span class='badge' style='background:{colour}'>{text}</span>"


def _number(value: Any) -> str:
    """A number as text: integers without ``.0``, large ones in full, others to 4 digits."""
    try:
        x = float(value)
    except (TypeError, ValueError):
        return "" if value is None else html.escape(str(value))
    if x != x:  # NaN
        return ""
    if x.is_integer() and abs(x) < 1e15:
        return f"{int(x):,}"
    if 1e4 <= abs(x) < 1e15:
        return f"{x:,.0f}"
    return f"{x:,.4g}"


def _html_table(headers: Sequence[str], rows: Sequence[Sequence[tuple[str, bool]]]) -> str:
    """A table from cells that are already-escaped HTML, each ``(fragment, is_number)``."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(f"<td class='num'>{c}</td>" if num else f"<td>{c}</td>" for c, num in row)
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _problem_html(title: str, message: str) -> str:
    """An error message as a heading and a list: one item per problem line."""
    lines = [line.strip() for line in str(message).splitlines() if line.strip()]
    first, rest = (lines[0], lines[1:]) if lines else ("unknown problem", [])
    items = "".join(f"<li>{html.escape(line.lstrip('-• ').strip())}</li>" for line in rest)
    return (
        f"<div class='problem'><p><b>{html.escape(title)}</b> {html.escape(first)}</p>"
        + (f"<ul>{items}</ul>" if items else "")
        + "</div>"
    )


class WorkshopDashboard:
    """The workshop in one app: load an OKR file, then score, lint and plan from it.

    Choose a bundled example or upload a client's file (``.yaml``, ``.yml``,
    ``.csv`` or ``.xlsx``); the tabs show each key result's score and grade (for
    the KRs with a check-in), KPI health, the lint findings with their fixes, and
    the toolkit's apps: KPI to KR (:class:`KPIConverter`), the MBO to OKR plan
    (:class:`MigrationPlanner`), scenarios (:class:`ScenarioExplorer`) and a
    single KR on sliders (:class:`KRScorer`, which can start from a KR of the
    file). A file that cannot be read is reported in the app, every problem
    listed, and the previous data stays on screen. Everything is drawn locally
    (charts are inline SVG); nothing is fetched from the network.

    Serve it with Voila: ``make dashboard``.

    Parameters
    ----------
    example
        Bundled example to start with (a name in :attr:`EXAMPLES` that ships
        with the toolkit), or ``None`` to start empty.
    settings
        Grade bands and the other conventions.

    Attributes
    ----------
    widget : ipywidgets.VBox
        The app.
    source : OKRFile or None
        The file on screen.
    source_name : str or None
        Its name: the example's, or the uploaded file's.
    scores : pandas.DataFrame or None
        One row per KR: ``baseline``, ``target``, ``current``, ``score``,
        ``grade`` and ``status`` (why a KR is not scored).
    kpi_table : pandas.DataFrame or None
        One row per KPI with its ``status``.
    findings : pandas.DataFrame or None
        The lint findings (:func:`okr_toolkit.lint`).
    chart : altair.Chart or None
        The scores chart (KRs with a check-in), also shown as SVG.
    kr_pick : ipywidgets.Dropdown
        Which key result of the file the "Score a KR" sliders start from.
    scorer, converter, planner, explorer
        The :class:`KRScorer`, :class:`KPIConverter`, :class:`MigrationPlanner`
        and :class:`ScenarioExplorer` in the tabs.
    message : str
        What the last load did, or why it failed (plain text).
    error : str or None
        The last load's error, ``None`` when it worked.

    Examples
    --------
    >>> app = WorkshopDashboard()
    >>> app.source_name, len(app.scores), app.error is None
    ('sample_okrs.yaml', 7, True)
    >>> sorted(app.findings["severity"].astype(str).unique())
    ['error', 'warning']
    >>> app.load_bytes("broken.yaml", b"objectives: 3")
    >>> "broken.yaml" in app.error, app.source_name  # the sample stays on screen
    (True, 'sample_okrs.yaml')
    """

    #: Example files shown in the chooser, when they ship in ``datasets/``.
    EXAMPLES: ClassVar[tuple[str, ...]] = ("sample_okrs.yaml", "acme_okrs.yaml")
    #: File types the upload accepts.
    SUFFIXES: ClassVar[tuple[str, ...]] = (".yaml", ".yml", ".csv", ".xlsx")
    _SEED_PICK = "the seed example: activation 42% -> 65%"
    TABS: ClassVar[tuple[str, ...]] = (
        "Scores",
        "Pacing",
        "KPI health",
        "Lint",
        "KPI -> KR",
        "Migration",
        "Scenarios",
        "Score a KR",
        "Report & export",
    )

    def __init__(
        self, example: str | None = "sample_okrs.yaml", *, settings: Settings = DEFAULT_SETTINGS
    ) -> None:
        self.settings = settings
        self.examples = self._available_examples()
        self.source: Any = None
        self.source_name: str | None = None
        self.scores: pd.DataFrame | None = None
        self.kpi_table: pd.DataFrame | None = None
        self.findings: pd.DataFrame | None = None
        self.chart: Any = None
        self.message = ""
        self.error: str | None = None

        style = {"description_width": "70px"}
        self.example = w.Dropdown(
            options=self.examples,
            value=None,
            description="example",
            style=style,
            layout=w.Layout(width="300px"),
        )
        self.upload = w.FileUpload(
            accept=",".join(self.SUFFIXES),
            multiple=False,
            description="Upload OKR file",
            layout=w.Layout(width="180px"),
        )
        self.status = w.HTML()
        self.summary = w.HTML()
        self.scores_view = w.HTML()
        self.scores_chart_view = w.HTML()
        self.kpi_view = w.HTML()
        self.kpi_chart_view = w.HTML()
        self.lint_view = w.HTML()
        self.pacing_view = w.HTML()
        self.pacing: pd.DataFrame | None = None
        self.export_format = w.Dropdown(
            options=[("HTML report", "html"), ("Excel workbook", "xlsx"), ("YAML file", "yaml")],
            value="html",
            description="export",
            style=style,
            layout=w.Layout(width="300px"),
        )
        self.export_button = w.Button(description="Prepare download", icon="download")
        self.export_link = w.HTML()
        self.export_button.on_click(lambda _button: self.prepare_download())
        self.download: tuple[str, bytes] | None = None

        self.scorer = KRScorer(settings=settings)
        self.kr_pick = w.Dropdown(
            description="key result",
            style=style,
            layout=w.Layout(width="520px"),
        )
        self.converter = KPIConverter(settings=settings)
        self.planner = MigrationPlanner()
        self.explorer = ScenarioExplorer(settings=settings)

        def panel(*children: w.Widget) -> w.VBox:
            return w.VBox(list(children), layout=w.Layout(padding="6px 4px"))

        self.tabs = w.Tab(
            children=[
                panel(self.summary, self.scores_view, self.scores_chart_view),
                panel(self.pacing_view),
                panel(self.kpi_view, self.kpi_chart_view),
                panel(self.lint_view),
                panel(
                    w.HTML(
                        "<p class='muted'>A stalled KPI from the bundled KPI history becomes "
                        "a stretch key result.</p>"
                    ),
                    self.converter.widget,
                ),
                panel(self.planner.widget),
                panel(self.explorer.widget),
                panel(self.kr_pick, self.scorer.widget),
                panel(
                    w.HTML(
                        "<p>Hand over what is on screen: the self-contained HTML report "
                        "(opens with no network), or the OKRs as an Excel workbook or a YAML "
                        "file in the documented format.</p>"
                    ),
                    w.HBox([self.export_format, self.export_button]),
                    self.export_link,
                ),
            ]
        )
        for i, title in enumerate(self.TABS):
            self.tabs.set_title(i, title)
        self.tabs.add_class("okr-dash-tabs")
        header = w.HTML(_DASHBOARD_CSS)
        self.widget = w.VBox([header, w.HBox([self.example, self.upload]), self.status, self.tabs])
        self.widget.add_class("okr-dash")

        self.example.observe(self._on_example, names="value")
        self.upload.observe(self._on_upload, names="value")
        self.kr_pick.observe(self._on_pick, names="value")
        self._set_picks()
        if example is not None:
            self.example.value = example

    # -- loading -------------------------------------------------------------------------

    def _available_examples(self) -> list[str]:
        from .datasets import data_path

        found = []
        for name in self.EXAMPLES:
            try:
                data_path(name)
            except OKRDataError:
                continue
            found.append(name)
        return found

    def _on_example(self, change: Any) -> None:
        if change["new"] is not None:
            self.load_example(change["new"])

    def load_example(self, name: str) -> None:
        """Show bundled example ``name`` (one of :attr:`examples`)."""
        from .datasets import data_path

        if name not in self.examples:
            self._fail(name, f"no bundled example {name!r}; choose one of {self.examples}")
            return
        self._load(name, data_path(name))
        if self.example.value != name:
            self._set_example(name)

    def _on_upload(self, change: Any) -> None:
        files = change["new"]
        if not files:
            return
        upload = files[0]
        self.load_bytes(str(upload["name"]), bytes(upload["content"]))
        # Forget the bytes, so that the same file can be uploaded again.
        self.upload.unobserve(self._on_upload, names="value")
        self.upload.value = ()
        self.upload.observe(self._on_upload, names="value")

    def load_bytes(self, name: str, content: bytes) -> None:
        """Read an uploaded file's bytes as OKRs (what the upload button does).

        The bytes are written to a temporary folder under the file's own name
        (so its suffix picks the reader), read, and the folder removed.
        """
        import re
        import tempfile
        from pathlib import Path

        shown = Path(str(name).replace("\\", "/")).name or "upload"
        suffix = Path(shown).suffix.lower()
        if suffix not in self.SUFFIXES:
            self._fail(
                shown,
                f"{shown}: unknown file type {suffix or '(none)'!r}; upload a "
                f"{', '.join(self.SUFFIXES)} file",
            )
            return
        safe = re.sub(r"[^A-Za-z0-9._-]+", "_", Path(shown).stem).strip("._") or "upload"
        with tempfile.TemporaryDirectory(prefix="okr-upload-") as folder:
            path = Path(folder) / f"{safe}{suffix}"
            path.write_bytes(content)
            self._load(shown, path, strip=str(path), as_name=shown)
        self._set_example(None)

    def _load(self, name: str, path: Any, *, strip: str | None = None, as_name: str = "") -> None:
        from .io import read_okr_file
        from .lint import lint
        from .report import kpi_table as read_kpis
        from .scorecard import scorecard

        try:
            source = read_okr_file(path)
            okrs, kpis = source.okrs, source.kpis
            scores = scorecard(okrs, settings=self.settings)
            kpi_table = read_kpis(kpis, settings=self.settings)
            findings = lint(okrs, kpis, settings=self.settings)
        except OKRDataError as err:
            text = str(err)
            if strip:
                # Name the file as the user knows it, not by its temporary path.
                text = text.replace(strip, as_name or name)
            self._fail(name, text)
            return
        self.source, self.source_name = source, name
        self.scores, self.kpi_table, self.findings = scores, kpi_table, findings
        self.error = None
        self._render()

    def _fail(self, name: str, text: str) -> None:
        self.error = text
        kept = f"Still showing {self.source_name}." if self.source_name else ""
        self.message = f"Cannot read {name}.\n{text}" + (f"\n{kept}" if kept else "")
        self.status.value = _problem_html(f"Cannot read {name}.", text) + (
            f"<p class='muted'>{html.escape(kept)}</p>" if kept else ""
        )

    def _set_example(self, name: str | None) -> None:
        self.example.unobserve(self._on_example, names="value")
        self.example.value = name
        self.example.observe(self._on_example, names="value")

    # -- rendering -----------------------------------------------------------------------

    def _render(self) -> None:
        scores, kpi_table, findings = self.scores, self.kpi_table, self.findings
        assert scores is not None and kpi_table is not None and findings is not None
        okrs = self.source.okrs
        scored = scores[scores["grade"] != ""]
        severity = findings["severity"].astype(str)
        counts = {
            "objectives": okrs["objective_id"].nunique(),
            "key results": len(okrs),
            "scored": len(scored),
            "KPIs": len(kpi_table),
            "lint errors": int((severity == "error").sum()),
            "lint warnings": int((severity == "warning").sum()),
        }
        self.message = f"Loaded {self.source_name}: " + ", ".join(
            f"{v} {k}" for k, v in counts.items()
        )
        self.status.value = (
            f"<p>Loaded <b>{html.escape(str(self.source_name))}</b>: "
            + ", ".join(f"<b>{v}</b> {html.escape(k)}" for k, v in counts.items())
            + "</p>"
        )
        self._render_scores(scores, scored)
        self._render_pacing()
        self._render_kpis(kpi_table)
        self.download = None
        self.export_link.value = ""
        self._render_lint(findings)
        self._set_picks()

    def _render_scores(self, scores: pd.DataFrame, scored: pd.DataFrame) -> None:
        if len(scored):
            mean = scored["score"].mean()
            self.summary.value = (
                f"<p>{len(scored)} of {len(scores)} key results scored; mean score "
                f"<b>{mean:.2f}</b> {_badge(grade(min(max(mean, 0.0), 1.0), self.settings))}</p>"
            )
        else:
            self.summary.value = (
                "<p class='muted'>No key result has a check-in yet, so none is scored: add a "
                "<code>current</code> value (or check-ins) to a KR in the file.</p>"
            )
        rows = []
        for _, r in scores.iterrows():
            if r["grade"]:
                verdict = (
                    f"<span style='white-space:nowrap'>{r['score']:.2f} "
                    f"{_badge(str(r['grade']))}</span>"
                )
            else:
                verdict = f"<span class='muted'>{html.escape(str(r['status']))}</span>"
            rows.append(
                [
                    (html.escape(str(r["objective"])), False),
                    (html.escape(str(r["kr_id"])), False),
                    (html.escape(str(r["statement"])), False),
                    (_number(r["baseline"]), True),
                    (_number(r["target"]), True),
                    (_number(r["current"]), True),
                    (verdict, False),
                ]
            )
        self.scores_view.value = _html_table(
            ["objective", "key result", "statement", "baseline", "target", "current", "score"],
            rows,
        )
        if len(scored):
            frame = scored[["kr_id", "score", "grade"]].astype({"grade": str})
            self.chart = charts.kr_progress(frame, settings=self.settings, width=420)
            self.scores_chart_view.value = charts.to_svg(self.chart)
        else:
            self.chart = None
            self.scores_chart_view.value = ""

    def _render_pacing(self) -> None:
        from .report import pacing_table

        self.pacing = table = pacing_table(self.source, scores=self.scores, settings=self.settings)
        if len(table) == 0:
            self.pacing_view.value = (
                "<p class='muted'>No dated check-ins on a quarterly key result yet, so there "
                "is nothing to pace: add <code>checkins:</code> to the key results.</p>"
            )
            return
        counts = table["pace"].value_counts()
        intro = (
            f"<p>As of <b>{html.escape(str(table['as_of'].iloc[0]))}</b> (the latest check-in) a "
            f"straight line from baseline to target would have covered "
            f"<b>{table['expected'].iloc[0]:.2f}</b> of the way: "
            + ", ".join(
                f"<b>{int(counts.get(p, 0))}</b> {p.replace('_', ' ')}"
                for p in ("behind", "on_track", "ahead")
            )
            + ". The forecast reads a line through each KR's check-ins at the quarter's end.</p>"
        )
        rows = [
            [
                (html.escape(str(r["kr_id"])), False),
                (html.escape(str(r["statement"])), False),
                (f"{r['score']:.2f}", True),
                (f"{r['expected']:.2f}", True),
                (_badge(str(r["pace"])), False),
                (_number(r["forecast_value"]), True),
                ("" if pd.isna(r["forecast_score"]) else f"{r['forecast_score']:.2f}", True),
            ]
            for _, r in table.iterrows()
        ]
        self.pacing_view.value = intro + _html_table(
            ["key result", "statement", "score now", "expected", "pace", "forecast", "score then"],
            rows,
        )

    def prepare_download(self) -> None:
        """Build the chosen export of the file on screen and offer it as a download link.

        The link carries the file itself (a ``data:`` URL), so nothing is served
        or fetched; :attr:`download` holds ``(file name, bytes)`` for tests.
        """
        import base64
        import tempfile
        from pathlib import Path

        from .io import write_okr_file
        from .report import build_report

        if self.source is None:
            self.export_link.value = "<p class='muted'>Load a file first.</p>"
            return
        fmt = self.export_format.value
        stem = Path(str(self.source_name)).stem or "okrs"
        if fmt == "html":
            page = build_report(self.source, settings=self.settings)
            name, data = f"{stem}_report.html", page.encode("utf-8")
            mime = "text/html"
        else:
            with tempfile.TemporaryDirectory(prefix="okr-export-") as folder:
                path = write_okr_file(self.source, Path(folder) / f"{stem}.{fmt}")
                name, data = path.name, path.read_bytes()
            mime = (
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                if fmt == "xlsx"
                else "application/x-yaml"
            )
        self.download = (name, data)
        href = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
        self.export_link.value = (
            f"<p><a class='download' download='{html.escape(name)}' href='{href}'>Download "
            f"{html.escape(name)}</a> ({len(data) / 1024:,.0f} KiB)</p>"
        )

    def _render_kpis(self, table: pd.DataFrame) -> None:
        if len(table) == 0:
            self.kpi_view.value = "<p class='muted'>The file lists no KPIs.</p>"
            self.kpi_chart_view.value = ""
            return
        rows = []
        for _, k in table.iterrows():
            status = str(k["status"])
            cell = (
                _badge(status)
                if status in ("healthy", "at_risk", "breached")
                else f"<span class='muted'>{html.escape(status)}</span>"
            )
            rows.append(
                [
                    (html.escape(str(k["kpi"])), False),
                    (_number(k["value"]), True),
                    (_number(k["threshold"]), True),
                    (html.escape(str(k["better"])), False),
                    (cell, False),
                ]
            )
        self.kpi_view.value = _html_table(["KPI", "value", "threshold", "better", "status"], rows)
        # The report's KPI health chart: each KPI's distance from its threshold, as SVG.
        try:
            self.kpi_chart_view.value = charts.to_svg(charts.kpi_health(table))
        except OKRDataError:  # no KPI with a value to draw
            self.kpi_chart_view.value = ""

    def _render_lint(self, findings: pd.DataFrame) -> None:
        if len(findings) == 0:
            self.lint_view.value = "<p>No findings: none of the documented mistakes was found.</p>"
            return
        okrs = self.source.okrs
        lines: dict[Any, Any] = {}
        if "line" in okrs.columns:
            lines = okrs.dropna(subset=["line"]).set_index("kr_id")["line"].to_dict()
        rows = [
            [
                (_badge(str(f["severity"])), False),
                (html.escape(str(f["code"])), False),
                (html.escape(str(f["where"])), False),
                (_number(lines.get(f["kr_id"])), True),
                (html.escape(str(f["message"])), False),
                (html.escape(str(f["fix"])), False),
            ]
            for _, f in findings.iterrows()
        ]
        self.lint_view.value = _html_table(
            ["severity", "code", "where", "line", "finding", "fix"], rows
        )

    # -- "Score a KR" from the file ----------------------------------------------------------

    def _set_picks(self) -> None:
        options: list[tuple[str, str]] = [(self._SEED_PICK, "")]
        if self.scores is not None:
            usable = self.scores.dropna(subset=["baseline", "target"])
            usable = usable[usable["baseline"] != usable["target"]]
            options += [
                (f"{r['kr_id']}: {r['statement']}", r["kr_id"]) for _, r in usable.iterrows()
            ]
        was = self.kr_pick.value
        self.kr_pick.unobserve(self._on_pick, names="value")
        self.kr_pick.options = options
        self.kr_pick.value = ""
        self.kr_pick.observe(self._on_pick, names="value")
        if was:  # a KR of the previous file was on the sliders
            self._on_pick({"new": ""})

    def _on_pick(self, change: Any) -> None:
        kr_id = change["new"]
        if not kr_id:
            self._score_kr("my KR", 42.0, 65.0, 58.1, limits=(0.0, 100.0, 0.1))
            return
        assert self.scores is not None
        r = self.scores.set_index("kr_id").loc[kr_id]
        current = r["current"]
        if current != current:  # no check-in yet: start half way
            current = (r["baseline"] + r["target"]) / 2
        self._score_kr(str(kr_id), float(r["baseline"]), float(r["target"]), float(current))

    def _score_kr(
        self,
        name: str,
        baseline: float,
        target: float,
        current: float,
        *,
        limits: tuple[float, float, float] | None = None,
    ) -> None:
        """Put a KR on the scorer's sliders, with a range (and step) that fits its numbers."""
        app = self.scorer
        sliders = (app.baseline, app.target, app.current)
        values = (baseline, target, current)
        if limits is None:
            low, high = min(0.0, *values), max(values)
            span = high - low or 1.0
            high = high + 0.25 * span
            step = float(10 ** np.floor(np.log10((high - low) / 500)))
        else:
            low, high, step = limits
        controls = [*sliders, app.direction, app.method]
        for control in controls:
            control.unobserve(app._update, names="value")
        try:
            for slider, value in zip(sliders, values, strict=True):
                slider.max = max(slider.max, high)
                slider.min = min(slider.min, low)
                slider.step = step
                slider.value = value
                slider.min, slider.max = low, high
            app.direction.value = "decrease" if target < baseline else "increase"
            app.name = name
        finally:
            for control in controls:
                control.observe(app._update, names="value")
        app._update()

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
