"""KRScorer: one key result on sliders, scored live."""

from __future__ import annotations

import contextlib
import html
from collections.abc import Iterator
from typing import Any

import ipywidgets as w  # type: ignore[import-untyped]  # ipywidgets ships no type hints
import numpy as np
import pandas as pd
import traitlets as t

from okr_toolkit.core.grades import grade, interpret_score
from okr_toolkit.core.scoring import METHODS
from okr_toolkit.core.scoring import score as score_kr
from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.present import charts
from okr_toolkit.present.widgets._common import labels, problem_html

__all__ = ["KRScorer"]


class KRScorer(w.VBox):
    """Score one Key Result live: baseline, target and current sliders, a direction toggle.

    The app is an :class:`ipywidgets.VBox`: display it, put it in another box,
    and observe or link its result traits.

    Parameters
    ----------
    baseline, target, current
        Starting values (defaults: the activation KR of "OKR vs KPI vs MBO",
        42% -> 65%, at 58.1%).
    direction
        ``"increase"`` or ``"decrease"``.
    low, high
        Range of the three sliders.
    settings
        Grade bands.
    name
        The key result's name (:attr:`name`).
    **kwargs
        Passed to :class:`ipywidgets.VBox` (``layout=``, ...).

    Attributes
    ----------
    baseline, target, current : ipywidgets.FloatSlider
    direction : ipywidgets.ToggleButtons
    method : ipywidgets.Dropdown
        The scoring convention (:data:`okr_toolkit.core.scoring.METHODS`).
    summary, chart_view : ipywidgets.HTML
        The score and its advice; the chart as locally rendered SVG.

    Traits
    ------
    score : float or None
        The score after the last change, ``None`` when the KR cannot be scored.
    grade, reading : str or None
        Its grade and what it means (:func:`okr_toolkit.core.interpret_score`).
    error : str or None
        Why the KR cannot be scored; ``None`` when it can.
    chart : altair.LayerChart or None
        The progress chart (shown as SVG in ``chart_view``).
    name : str
        The key result's name, in the chart and in error messages.

    Examples
    --------
    >>> app = KRScorer()
    >>> round(app.score, 2), app.grade
    (0.7, 'green')
    >>> app.current.value = 50.0
    >>> round(app.result["score"], 2), app.result["grade"]
    (0.35, 'red')
    >>> app.target.value = 42.0
    >>> app.error
    "key result 'my KR': target 42 equals baseline 42; a key result must move its metric ..."
    >>> app.load(baseline=5, target=2, current=3.5, name="ttfv")
    >>> app.direction.value, app.score, (app.baseline.min, app.baseline.max)
    ('decrease', 0.5, (0.0, 6.25))
    """

    score = t.Float(None, allow_none=True, help="The score; None when the KR cannot be scored.")
    grade = t.Unicode(None, allow_none=True, help="The score's grade.")
    reading = t.Unicode(None, allow_none=True, help="What the score means.")
    error = t.Unicode(None, allow_none=True, help="Why the KR cannot be scored.")
    chart = t.Any(None, allow_none=True, help="The progress chart (Altair).")
    name = t.Unicode("my KR", help="The key result's name.")

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
        **kwargs: Any,
    ) -> None:
        self.settings = settings
        self._start: dict[str, Any] = {
            "baseline": baseline,
            "target": target,
            "current": current,
            "direction": direction,
            "name": name,
            "low": low,
            "high": high,
            "step": 0.1,
        }
        self._held = 0
        style = labels("80px")
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
        super().__init__([*controls, self.summary, self.chart_view], name=name, **kwargs)
        for control in controls:
            control.observe(self._update, names="value")
        self.observe(self._update, names="name")
        self._update()

    @property
    def result(self) -> dict[str, Any]:
        """``score``, ``grade``, ``reading`` and ``error`` as a dict (a snapshot of the traits)."""
        return {
            "score": self.score,
            "grade": self.grade,
            "reading": self.reading,
            "error": self.error,
        }

    def load(
        self,
        baseline: float,
        target: float,
        current: float | None = None,
        direction: str | None = None,
        *,
        name: str | None = None,
        low: float | None = None,
        high: float | None = None,
        step: float | None = None,
    ) -> None:
        """Put a key result on the sliders and score it (once, not per slider).

        Parameters
        ----------
        baseline, target, current
            The KR's numbers; without ``current`` (no check-in yet, or NaN) the
            slider starts half way between baseline and target.
        direction
            ``"increase"`` or ``"decrease"``; by default the one the numbers say.
        name
            The KR's name (:attr:`name`); unchanged when not given.
        low, high, step
            The sliders' range and step; by default a range that holds the
            numbers (from 0 or below, a quarter of the span above) and a step of
            about a 500th of it.
        """
        if current is None or current != current:
            current = (baseline + target) / 2
        if direction is None:
            direction = "decrease" if target < baseline else "increase"
        values = (float(baseline), float(target), float(current))
        if low is None:
            low = min(0.0, *values)
        if high is None:
            top = max(values)
            high = top + 0.25 * (top - low or 1.0)
        if not low < high:
            raise ValueError(f"the sliders need low < high, got low={low:g}, high={high:g}")
        if step is None:
            step = float(10 ** np.floor(np.log10((high - low) / 500)))
        sliders = (self.baseline, self.target, self.current)
        with self._one_update():
            for slider, value in zip(sliders, values, strict=True):
                # Widen first, so that neither the old range nor the new one clips the value.
                slider.max = max(slider.max, high)
                slider.min = min(slider.min, low)
                slider.step = step
                slider.value = value
                slider.min, slider.max = low, high
            self.direction.value = direction
            if name is not None:
                self.name = name

    def reset(self) -> None:
        """Back to the key result and the slider range the app was made with.

        The scoring convention (:attr:`method`) stays as it is.
        """
        self.load(**self._start)

    @contextlib.contextmanager
    def _one_update(self) -> Iterator[None]:
        """Score once, at the end, however many controls change inside."""
        self._held += 1
        try:
            yield
        finally:
            self._held -= 1
            if not self._held:
                self._update()

    def _update(self, _change: Any = None) -> None:
        if self._held:
            return
        try:
            value = score_kr(
                self.current.value,
                self.baseline.value,
                self.target.value,
                self.direction.value,
                method=self.method.value,
                labels=[self.name],
            )
        except OKRDataError as err:
            self.summary.value = problem_html("Cannot score", err)
            self.chart_view.value = ""
            self._publish(None, None, None, str(err), None)
            return
        value = float(value)
        shown = min(max(value, 0.0), 1.0)
        g = grade(shown, settings=self.settings)
        reading = interpret_score(shown, settings=self.settings)
        frame = pd.DataFrame({"kr_id": [self.name], "score": [value], "grade": [g]})
        chart = charts.kr_progress(frame, settings=self.settings, title="", width=360)
        color = charts.GRADE_COLORS[g]
        # interpret_score() starts with "0.59 (yellow): "; the big number already says that.
        advice = html.escape(reading.split(": ", 1)[-1])
        self.summary.value = (
            f"<p><b style='font-size:1.3em;color:{color}'>{value:.2f} {g}</b>&nbsp; {advice}</p>"
        )
        self.chart_view.value = charts.to_svg(chart)
        self._publish(value, g, reading, None, chart)

    def _publish(
        self,
        value: float | None,
        g: str | None,
        reading: str | None,
        error: str | None,
        chart: Any,
    ) -> None:
        """Set the result traits together: an observer of one sees all of them new."""
        with self.hold_trait_notifications():
            self.score, self.grade, self.reading, self.error = value, g, reading, error
            self.chart = chart
