"""KPIConverter: a stalled KPI becomes a stretch key result, live."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any, cast

import ipywidgets as w  # type: ignore[import-untyped]  # ipywidgets ships no type hints
import pandas as pd

from .. import charts
from ..convert import STRATEGIES, explain, find_candidates, kpi_to_kr
from ..exceptions import OKRDataError
from ..settings import DEFAULT_SETTINGS, Settings

if TYPE_CHECKING:
    from ..kpis import Better

__all__ = ["KPIConverter"]


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
        from ..datasets import load_kpi_history

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
