"""KRScorer: one key result on sliders, scored live."""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w  # type: ignore[import-untyped]  # ipywidgets ships no type hints
import pandas as pd

from .. import charts
from ..exceptions import OKRDataError
from ..grades import grade, read_score
from ..scoring import METHODS, score
from ..settings import DEFAULT_SETTINGS, Settings

__all__ = ["KRScorer"]


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
