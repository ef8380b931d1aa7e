"""Charts of scenarios: simulated KR paths as a fan, end scores, confidence reliability."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.present.charts.theme import band_layer
from okr_toolkit.scenarios import CalibrationReport, Simulation, fan

__all__ = ["fan_data", "reliability_diagram", "scenario_fan", "score_distribution"]


def scenario_fan(
    simulation: Simulation,
    *,
    baseline: float,
    target: float,
    current: float,
    threshold: float | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    title: str | None = None,
    width: int = 480,
    height: int = 240,
) -> alt.LayerChart:
    """Fan chart of simulated KR paths, with the target, the 0.7 line and the KPI threshold.

    Bands hold the middle 90% and 50% of paths; the line is the median.

    Parameters
    ----------
    simulation
        From :func:`okr_toolkit.scenarios.simulate_kr` with ``keep_paths=True``.
    baseline, target, current
        The KR, and where its metric is today.

    Examples
    --------
    >>> from okr_toolkit.scenarios import simulate_kr
    >>> sim = simulate_kr(42, 65, 48, 6, drift=1.0, volatility=1.0, seed=1, keep_paths=True)
    >>> spec = scenario_fan(sim, baseline=42, target=65, current=48, threshold=50).to_dict()
    >>> [layer["mark"]["type"] for layer in spec["layer"]]
    ['area', 'area', 'line', 'rule', 'text']
    """
    bands, lines, heading = fan_data(
        simulation,
        baseline=baseline,
        target=target,
        current=current,
        threshold=threshold,
        settings=settings,
    )
    x = alt.X("week:Q", title="weeks from today", axis=alt.Axis(tickMinStep=1))
    y_scale = alt.Scale(zero=False)
    outer = (
        alt.Chart(bands)
        .mark_area(opacity=0.25, color="#4c78a8")
        .encode(x=x, y=alt.Y("p5:Q", scale=y_scale, title="metric"), y2="p95:Q")
    )
    inner = (
        alt.Chart(bands).mark_area(opacity=0.45, color="#4c78a8").encode(x=x, y="p25:Q", y2="p75:Q")
    )
    median = alt.Chart(bands).mark_line(color="#1f3d7a").encode(x=x, y="p50:Q")
    rules = (
        alt.Chart(lines)
        .mark_rule(strokeDash=[5, 3])
        .encode(
            y="value:Q", color=alt.Color("label:N", title=None, legend=alt.Legend(orient="bottom"))
        )
    )
    labels = (
        alt.Chart(lines)
        .mark_text(align="left", dx=4, dy=-5, fontSize=10)
        .encode(y="value:Q", text="label:N", x=alt.value(0))
    )
    return alt.layer(outer, inner, median, rules, labels).properties(
        title=title or heading, width=width, height=height
    )


def fan_data(
    simulation: Simulation,
    *,
    baseline: float,
    target: float,
    current: float,
    threshold: float | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """The data of :func:`scenario_fan`: the bands, the reference lines and the title."""
    bands = fan(simulation, current)
    success = settings.aspirational_success
    values = [target, baseline + success * (target - baseline)]
    labels = [f"target {target:g}", f"score {success:g}"]
    if threshold is not None:
        values.append(threshold)
        labels.append(f"KPI threshold {threshold:g}")
    lines = pd.DataFrame({"value": values, "label": labels})
    heading = f"P(score >= {success:g}) = {simulation.p_success:.0%}"
    if simulation.p_threshold is not None:
        heading += f", P(KPI threshold) = {simulation.p_threshold:.0%}"
    return bands, lines, heading


def score_distribution(
    simulation: Simulation,
    *,
    settings: Settings = DEFAULT_SETTINGS,
    title: str = "Simulated end-of-cycle scores",
    width: int = 420,
) -> alt.LayerChart:
    """Histogram of simulated end scores over the grade bands, with the 0.7 line.

    Examples
    --------
    >>> from okr_toolkit.scenarios import simulate_kr
    >>> sim = simulate_kr(42, 65, 48, 6, drift=1.0, volatility=1.0, seed=1)
    >>> spec = score_distribution(sim).to_dict()
    >>> [layer["mark"]["type"] for layer in spec["layer"]]
    ['rect', 'bar', 'rule']
    """
    edges = np.linspace(0.0, 1.0, 21)
    counts, _ = np.histogram(simulation.end_scores, bins=edges)
    hist = pd.DataFrame(
        {"start": edges[:-1], "end": edges[1:], "share": counts / max(1, counts.sum())}
    )
    bands = band_layer(settings, "end score")
    bars = (
        alt.Chart(hist)
        .mark_bar(color="#4c78a8")
        .encode(
            x="start:Q", x2="end:Q", y=alt.Y("share:Q", axis=alt.Axis(format="%"), title="paths")
        )
    )
    rule = (
        alt.Chart(pd.DataFrame({"x": [settings.aspirational_success]}))
        .mark_rule(strokeDash=[4, 3], color="#333")
        .encode(x="x:Q")
    )
    return alt.layer(bands, bars, rule).properties(title=title, width=width, height=200)


def reliability_diagram(
    report: CalibrationReport, *, title: str = "Do confidences mean anything?", width: int = 300
) -> alt.LayerChart:
    """Reliability diagram: stated confidence vs how often KRs actually succeeded.

    Points on the diagonal are well calibrated; a flat line is confidence that
    says nothing. Point size is the number of KRs in the bin.

    Examples
    --------
    >>> import pandas as pd
    >>> from okr_toolkit.scenarios import confidence_calibration
    >>> past = pd.DataFrame({"confidence": [9, 8, 2, 1, 7, 3],
    ...                      "score": [1.0, 0.8, 0.2, 0.1, 0.7, 0.3]})
    >>> spec = reliability_diagram(confidence_calibration(past, bins=2)).to_dict()
    >>> [layer["mark"]["type"] for layer in spec["layer"]]
    ['line', 'line', 'point']
    """
    table = report.reliability.dropna(subset=["mean_confidence", "observed_rate"])
    diagonal = (
        alt.Chart(pd.DataFrame({"x": [0.0, 1.0], "y": [0.0, 1.0]}))
        .mark_line(strokeDash=[4, 3], color="#999")
        .encode(x="x:Q", y="y:Q")
    )
    axis = alt.Axis(format="%")
    line = (
        alt.Chart(table)
        .mark_line(color="#4c78a8")
        .encode(
            x=alt.X(
                "mean_confidence:Q",
                scale=alt.Scale(domain=[0, 1]),
                axis=axis,
                title="stated confidence",
            ),
            y=alt.Y(
                "observed_rate:Q",
                scale=alt.Scale(domain=[0, 1]),
                axis=axis,
                title="key results that succeeded",
            ),
        )
    )
    points = (
        alt.Chart(table)
        .mark_point(filled=True, color="#4c78a8")
        .encode(
            x="mean_confidence:Q",
            y="observed_rate:Q",
            size=alt.Size("count:Q", title="KRs"),
            tooltip=["bin:N", "mean_confidence:Q", "observed_rate:Q", "count:Q"],
        )
    )
    return alt.layer(diagonal, line, points).properties(
        title=f"{title} (Brier {report.brier:.3f})", width=width, height=width
    )
