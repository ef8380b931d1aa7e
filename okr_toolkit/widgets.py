"""ipywidgets apps built from the core and the charts.

Each app is a class that builds its widget tree and exposes its state
(``app.result``, ``app.chart``), so tests and notebooks can drive it without a
browser: set ``app.current.value = 58.1`` and read ``app.result``.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from typing import Any, ClassVar

import ipywidgets as w
import pandas as pd

from . import charts
from .convert import STRATEGIES, explain, find_candidates, kpi_to_kr
from .exceptions import OKRDataError
from .grades import grade, read_score
from .scoring import METHODS, score
from .settings import DEFAULT_SETTINGS, Settings

__all__ = [
    "KPIConverter",
    "KRScorer",
    "MigrationPlanner",
    "ScenarioExplorer",
    "StatementChecker",
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
            (f"{kpi.replace('_', ' ')}: below threshold for {int(row['run'])} periods", kpi)
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
                better=str(row["better"]),
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
                f"<li><b>{f.code}</b> {html.escape(f.severity)}: {html.escape(f.message)}"
                f"<br><i>fix:</i> {html.escape(f.fix)}</li>"
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
        import os
        import tempfile

        folder = os.path.dirname(os.path.abspath(path))
        handle, tmp = tempfile.mkstemp(dir=folder, suffix=".csv.tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
                self.plan.to_csv(out, index=False)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise

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
