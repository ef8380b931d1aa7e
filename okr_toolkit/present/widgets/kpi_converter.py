"""KPIConverter: a stalled KPI becomes a stretch key result, live."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, cast

import ipywidgets as w  # type: ignore[import-untyped]  # ipywidgets ships no type hints
import pandas as pd
import traitlets as t

from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.planning.convert import STRATEGIES, KRProposal, explain, find_candidates, kpi_to_kr
from okr_toolkit.present import charts
from okr_toolkit.present.widgets._common import labels, problem_html

if TYPE_CHECKING:
    from okr_toolkit.core.kpis import Better

__all__ = ["KPIConverter"]


class KPIConverter(w.VBox):
    """Turn a stalled KPI into a stretch Key Result, live.

    Pick a stalled KPI (found in the history by
    :func:`okr_toolkit.planning.find_candidates`), choose a target strategy and its
    parameter, and see the proposed KR, what a 0.7 score means against the
    threshold, and the chart. The app is an :class:`ipywidgets.VBox` whose
    results are traits.

    Parameters
    ----------
    history
        Tidy KPI history; defaults to the two stalled KPIs of "OKR vs KPI vs MBO"
        (:func:`okr_toolkit.datasets.load_kpi_history`).
    settings
        Success score and stall length.
    **kwargs
        Passed to :class:`ipywidgets.VBox`.

    Attributes
    ----------
    kpi, strategy : ipywidgets.Dropdown
        The stalled KPI and the target strategy.
    score, multiple, quantile : ipywidgets.FloatSlider
    target : ipywidgets.FloatText
        Each strategy's parameter; only the chosen strategy's is shown.
    summary, chart_view : ipywidgets.HTML
    history, candidates : pandas.DataFrame
        The KPI history and its stalled KPIs.

    Traits
    ------
    proposal : KRProposal or None
        The proposed key result, ``None`` when the strategy cannot make one.
    statement, explanation : str or None
        Its statement, and what a 0.7 score means against the threshold.
    threshold_score : float or None
        The score at which the KPI's threshold is cleared.
    warnings : list of str
        What to look at twice.
    error : str or None
        Why no key result could be proposed.
    chart : altair.LayerChart or None

    Examples
    --------
    >>> app = KPIConverter()
    >>> app.kpi.value, app.proposal.baseline
    ('mql_to_sql_rate', 18.0)
    >>> app.strategy.value = "explicit"; app.target.value = 32.0
    >>> app.statement
    'Increase mql to sql rate from 18% to 32%'
    >>> round(app.result["threshold_score"], 2)
    0.5
    """

    proposal = t.Instance(KRProposal, allow_none=True, help="The proposed key result.")
    statement = t.Unicode(None, allow_none=True, help="The proposal's statement.")
    explanation = t.Unicode(None, allow_none=True, help="What a 0.7 score means.")
    threshold_score = t.Float(None, allow_none=True, help="Score that clears the threshold.")
    warnings = t.List(t.Unicode(), help="What to look at twice.")
    error = t.Unicode(None, allow_none=True, help="Why no key result could be proposed.")
    chart = t.Any(None, allow_none=True, help="The conversion chart (Altair).")

    def __init__(
        self,
        history: pd.DataFrame | None = None,
        *,
        settings: Settings = DEFAULT_SETTINGS,
        **kwargs: Any,
    ) -> None:
        from okr_toolkit.datasets import load_kpi_history

        self.settings = settings
        self.history = load_kpi_history() if history is None else history
        self.candidates = find_candidates(self.history, settings=settings)
        if self.candidates.empty:
            raise OKRDataError(
                "no KPI in the history is stalled below its threshold, so there is nothing "
                "to convert; every KPI is meeting its line"
            )
        style = labels("90px")
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
        #: Each strategy's parameter control (the others are hidden).
        self.parameters: dict[str, w.Widget] = {
            "clear_at_score": self.score,
            "gap_multiple": self.multiple,
            "history_quantile": self.quantile,
            "explicit": self.target,
        }
        self.summary = w.HTML()
        self.chart_view = w.HTML()
        controls = [self.kpi, self.strategy, self.score, self.multiple, self.quantile, self.target]
        super().__init__([*controls, self.summary, self.chart_view], **kwargs)
        for control in controls:
            control.observe(self._update, names="value")
        self._update()

    @property
    def result(self) -> dict[str, Any]:
        """``statement``, ``target``, ``threshold_score``, ``explanation``, ``warnings`` and
        ``error`` as a dict (a snapshot of the traits)."""
        return {
            "statement": self.statement,
            "target": None if self.proposal is None else self.proposal.target,
            "threshold_score": self.threshold_score,
            "explanation": self.explanation,
            "warnings": list(self.warnings),
            "error": self.error,
        }

    def _update(self, _change: Any = None) -> None:
        strategy = self.strategy.value
        for name, control in self.parameters.items():
            control.layout.display = "" if name == strategy else "none"
        kpi = self.kpi.value
        row = self.candidates.loc[kpi]
        rows = self.history[self.history["kpi"].astype(str) == kpi]
        unit = str(rows["unit"].iloc[-1]) if "unit" in rows.columns else ""
        try:
            p = kpi_to_kr(
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
            self.summary.value = problem_html("Cannot convert", err)
            self.chart_view.value = ""
            self._publish(None, None, str(err), None)
            return
        text = explain(p, settings=self.settings)
        warn = "".join(f"<li>{html.escape(x)}</li>" for x in p.warnings)
        self.summary.value = (
            f"<p><b>{html.escape(p.statement)}</b></p><p>{html.escape(text)}</p>"
            + (f"<ul style='color:#8a5a00'>{warn}</ul>" if warn else "")
        )
        chart = charts.proposal_chart(p, settings=self.settings, width=460)
        self.chart_view.value = charts.to_svg(chart)
        self._publish(p, text, None, chart)

    def _publish(
        self, proposal: KRProposal | None, explanation: str | None, error: str | None, chart: Any
    ) -> None:
        """Set the result traits together: an observer of one sees all of them new."""
        with self.hold_trait_notifications():
            self.proposal = proposal
            self.statement = None if proposal is None else proposal.statement
            self.threshold_score = None if proposal is None else float(proposal.threshold_score)
            self.explanation = explanation
            self.warnings = [] if proposal is None else list(proposal.warnings)
            self.error = error
            self.chart = chart
