"""ScenarioExplorer: how likely the target is, from drift, volatility and weeks left."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w  # type: ignore[import-untyped]  # ipywidgets ships no type hints

from .. import charts
from ..exceptions import OKRDataError
from ..settings import DEFAULT_SETTINGS, Settings

__all__ = ["ScenarioExplorer"]


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
        from ..scenarios import simulate_kr

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
