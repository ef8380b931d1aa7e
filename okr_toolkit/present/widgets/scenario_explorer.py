"""ScenarioExplorer: how likely the target is, from drift, volatility and weeks left."""

from __future__ import annotations

from typing import Any

import ipywidgets as w  # type: ignore[import-untyped]  # ipywidgets ships no type hints
import traitlets as t

from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.present import charts
from okr_toolkit.present.widgets._common import labels, problem_html
from okr_toolkit.scenarios import Simulation, simulate_kr

__all__ = ["ScenarioExplorer"]


class ScenarioExplorer(w.VBox):
    """How likely is the target? Drift, volatility, weeks left and target, live.

    Each change re-runs a seeded Monte Carlo of the KR's path
    (:func:`okr_toolkit.scenarios.simulate_kr`) and redraws the fan chart. The app is an
    :class:`ipywidgets.VBox` whose results are traits.

    Parameters
    ----------
    baseline, target, current, threshold
        The KR (default: the activation KR of "OKR vs KPI vs MBO", 42% -> 65%,
        today at 48%, KPI threshold 50%).
    drift, volatility, weeks_left
        Starting assumptions: points per week, weekly standard deviation,
        weeks to the end of the cycle.
    paths, seed
        Simulated paths per update, and the seed of every run (so the same
        inputs give the same picture).
    settings
        The success score.
    **kwargs
        Passed to :class:`ipywidgets.VBox`.

    Attributes
    ----------
    drift, volatility, target : ipywidgets.FloatSlider
    weeks : ipywidgets.IntSlider
    summary, chart_view : ipywidgets.HTML
        The chances, and the fan chart as SVG.
    chart : altair.LayerChart or None
        The fan chart of the last simulation, built when asked for.

    Traits
    ------
    simulation : Simulation or None
        The last run (:func:`okr_toolkit.scenarios.simulate_kr`); ``None`` when it failed.
    p_success, p_threshold, median_score : float or None
        P(score at least the success score), P(KPI on the right side of its
        threshold; ``None`` without one), and the median end score.
    error : str or None
        Why the inputs cannot be simulated.

    Examples
    --------
    >>> app = ScenarioExplorer(drift=1.0, volatility=0.0, weeks_left=6)
    >>> app.p_success, round(app.median_score, 3)
    (0.0, 0.522)
    >>> app.drift.value = 2.0
    >>> app.result["p_success"]
    1.0
    """

    simulation = t.Instance(Simulation, allow_none=True, help="The last simulation.")
    p_success = t.Float(None, allow_none=True, help="P(score >= the success score).")
    p_threshold = t.Float(None, allow_none=True, help="P(KPI on the right side of its line).")
    median_score = t.Float(None, allow_none=True, help="The median end score.")
    error = t.Unicode(None, allow_none=True, help="Why the inputs cannot be simulated.")

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
        **kwargs: Any,
    ) -> None:
        self.baseline, self.current, self.threshold = baseline, current, threshold
        self.paths, self.seed, self.settings = paths, seed, settings
        style = labels("110px")
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
        self._spec: dict[str, Any] | None = None
        self._names: tuple[str, str] = ("", "")
        super().__init__([*controls, self.summary, self.chart_view], **kwargs)
        for control in controls:
            control.observe(self._update, names="value")
        self._update()

    @property
    def result(self) -> dict[str, Any]:
        """``p_success``, ``p_threshold``, ``median_score`` and ``error`` as a dict (a snapshot
        of the traits)."""
        return {
            "p_success": self.p_success,
            "p_threshold": self.p_threshold,
            "median_score": self.median_score,
            "error": self.error,
        }

    def _update(self, _change: Any = None) -> None:
        try:
            sim = simulate_kr(
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
            self.summary.value = problem_html("Cannot simulate", err)
            self.chart_view.value = ""
            self._publish(None, str(err))
            return
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
            self._spec = self._fan(sim).to_dict(validate=False)
            layers = self._spec["layer"]
            self._names = (layers[0]["data"]["name"], layers[3]["data"]["name"])
        spec = charts.replace_data(
            self._spec, {self._names[0]: bands, self._names[1]: lines}, title=heading
        )
        self.chart_view.value = charts.svg_from_spec(spec)
        self._publish(sim, None)

    def _publish(self, sim: Simulation | None, error: str | None) -> None:
        """Set the result traits together: an observer of one sees all of them new."""
        with self.hold_trait_notifications():
            self.simulation = sim
            self.p_success = None if sim is None else float(sim.p_success)
            self.p_threshold = (
                None if sim is None or sim.p_threshold is None else float(sim.p_threshold)
            )
            self.median_score = None if sim is None else float(sim.percentiles["score"][50])
            self.error = error

    @property
    def chart(self) -> Any:
        """The fan chart of the last simulation, as an Altair chart."""
        return None if self.simulation is None else self._fan(self.simulation)

    def _fan(self, sim: Simulation) -> Any:
        return charts.scenario_fan(
            sim,
            baseline=self.baseline,
            target=self.target.value,
            current=self.current,
            threshold=self.threshold,
            settings=self.settings,
            width=420,
            height=200,
        )
