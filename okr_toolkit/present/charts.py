"""Altair charts: data in, :class:`altair.Chart` out, nothing else.

Charts render offline. Altair's default HTML output loads Vega from a CDN,
which shows a blank chart with no network; call :func:`enable_offline` once
(the notebooks do) to render PNG or SVG locally through vl-convert instead.
Save charts for slides with :func:`save_chart` (PNG or SVG, rendered locally,
written atomically), or ``chart.save("x.html", inline=True)`` for HTML with
Vega embedded.
"""

from __future__ import annotations

import math
import textwrap
from pathlib import Path

import altair as alt
import numpy as np
import pandas as pd

from okr_toolkit._atomic import write_atomic
from okr_toolkit._validate import require_columns
from okr_toolkit.core.grades import GRADES
from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.planning.convert import KRProposal
from okr_toolkit.scenarios import CalibrationReport, Simulation

__all__ = [
    "GRADE_COLORS",
    "SAVE_SUFFIXES",
    "enable_offline",
    "fan_data",
    "kpi_health_chart",
    "kpi_history_chart",
    "kr_progress",
    "migration_gantt",
    "proposal_chart",
    "reliability_diagram",
    "replace_data",
    "save_chart",
    "scenario_fan",
    "score_distribution",
    "score_history_chart",
    "svg_from_spec",
    "to_svg",
]

#: Colours of the grade bands (colour-blind-safe red / amber / green).
GRADE_COLORS: dict[str, str] = {"red": "#d1495b", "yellow": "#edae49", "green": "#2e8b57"}
_GRADE_SCALE = alt.Scale(domain=list(GRADES), range=[GRADE_COLORS[g] for g in GRADES])


def enable_offline(kind: str = "png") -> None:
    """Render charts locally as ``"png"`` (default) or ``"svg"``, never from a CDN.

    PNG is the default because JupyterLab shows a saved notebook's SVG output
    only once the notebook is trusted (SVG can carry scripts); a PNG shows
    everywhere, including in a notebook just cloned from a repository.
    """
    if kind not in ("svg", "png"):
        raise ValueError(f"`kind` must be 'svg' or 'png', got {kind!r}")
    alt.renderers.enable(kind)


def to_svg(chart: alt.TopLevelMixin) -> str:
    """The chart as an SVG string, rendered locally (for HTML widgets and reports).

    Examples
    --------
    >>> import pandas as pd
    >>> to_svg(kr_progress(pd.DataFrame({"kr_id": ["a"], "score": [0.5]}))).startswith("<svg")
    True
    """
    # The chart was validated when built; skip a second validation.
    return svg_from_spec(chart.to_dict(validate=False))


def _bands(settings: Settings) -> pd.DataFrame:
    edges = [0.0, settings.yellow_from, settings.green_from, 1.0]
    return pd.DataFrame({"grade": list(GRADES), "start": edges[:-1], "end": edges[1:]})


def _band_layer(settings: Settings, axis_title: str) -> alt.Chart:
    """The red / yellow / green grade bands behind a 0-1 score axis."""
    return (
        alt.Chart(_bands(settings))
        .mark_rect(opacity=0.15)
        .encode(
            x=alt.X("start:Q", scale=alt.Scale(domain=[0, 1]), title=axis_title),
            x2="end:Q",
            color=alt.Color("grade:N", scale=_GRADE_SCALE, title="grade"),
        )
    )


def kr_progress(
    krs: pd.DataFrame,
    *,
    label_col: str = "kr_id",
    score_col: str = "score",
    settings: Settings = DEFAULT_SETTINGS,
    title: str = "Key result scores",
    width: int = 420,
) -> alt.LayerChart:
    """Horizontal bars of KR scores over the red / yellow / green grade bands.

    Parameters
    ----------
    krs
        Scored KRs (see :func:`okr_toolkit.core.score_krs`) with a label column and
        ``score``; a ``grade`` column is computed when absent.
    label_col, score_col
        Column names: the bar labels (the KR id by default) and the score.
    settings
        Band edges; the 0.7 success line is ``settings.aspirational_success``.

    Examples
    --------
    >>> import pandas as pd
    >>> chart = kr_progress(pd.DataFrame({"kr_id": ["a", "b"], "score": [0.7, 0.3]}))
    >>> [layer["mark"]["type"] for layer in chart.to_dict()["layer"]]
    ['rect', 'bar', 'rule', 'text']
    """
    from okr_toolkit.core.grades import grade

    require_columns(krs, [label_col, score_col], "the key results table")
    data = krs[[label_col, score_col]].copy()
    data["grade"] = (
        krs["grade"].astype(str)
        if "grade" in krs.columns
        else grade(krs[score_col].clip(0.0, 1.0), settings=settings)
    )
    data["label"] = data[label_col].astype(str)
    # Keep bars inside the axis even for uncapped scores; the text shows the value.
    data["bar"] = data[score_col].clip(0.0, 1.0)
    order = data["label"].tolist()
    height = max(60, 28 * len(data))
    bands = _band_layer(settings, "score (0.0 - 1.0)")
    y = alt.Y("label:N", sort=order, title=None)
    bars = (
        alt.Chart(data)
        .mark_bar(height=16)
        .encode(
            x=alt.X("bar:Q", scale=alt.Scale(domain=[0, 1])),
            y=y,
            color=alt.Color("grade:N", scale=_GRADE_SCALE),
            tooltip=[
                alt.Tooltip("label:N", title="key result"),
                alt.Tooltip(f"{score_col}:Q", format=".2f"),
                "grade:N",
            ],
        )
    )
    success = (
        alt.Chart(pd.DataFrame({"x": [settings.aspirational_success]}))
        .mark_rule(strokeDash=[4, 3], color="#333")
        .encode(x="x:Q")
    )
    text = (
        alt.Chart(data)
        .mark_text(align="left", dx=4, fontSize=11)
        .encode(x="bar:Q", y=y, text=alt.Text(f"{score_col}:Q", format=".2f"))
    )
    return (
        alt.layer(bands, bars, success, text)
        .properties(title=title, width=width, height=height)
        .resolve_scale(y="shared")
    )


def kpi_history_chart(
    history: pd.DataFrame,
    *,
    kpi: str | None = None,
    period_col: str = "week",
    value_col: str = "value",
    threshold_col: str = "threshold",
    stalled_col: str = "stalled",
    title: str | None = None,
    width: int = 520,
    height: int = 220,
) -> alt.LayerChart:
    """A KPI's history with its threshold line and the stalled periods highlighted.

    Parameters
    ----------
    history
        Tidy history for one KPI (or several, with ``kpi`` naming the one to
        draw), ideally from :func:`okr_toolkit.core.detect_stalls` so that it has
        the ``stalled`` column; without it no period is highlighted.
    kpi
        The KPI to draw, when ``history`` holds several.
    period_col, value_col, threshold_col, stalled_col
        Column names.

    Examples
    --------
    >>> import pandas as pd
    >>> from okr_toolkit.core import detect_stalls
    >>> h = pd.DataFrame({"kpi": "activation", "week": [1, 2, 3, 4],
    ...                   "value": [51.0, 48.0, 47.0, 46.0], "threshold": 50.0})
    >>> spec = kpi_history_chart(detect_stalls(h)).to_dict()
    >>> [layer["mark"]["type"] for layer in spec["layer"]]
    ['line', 'point', 'rule', 'text']
    """
    require_columns(history, [period_col, value_col, threshold_col], "the KPI history")
    data = history
    if kpi is not None:
        require_columns(history, ["kpi"], "the KPI history")
        data = history[history["kpi"] == kpi]
        if data.empty:
            from okr_toolkit.exceptions import OKRDataError

            raise OKRDataError(
                f"no rows for KPI {kpi!r}; the history has: "
                f"{', '.join(map(str, history['kpi'].unique()))}"
            )
    data = data.copy()
    data["state"] = (
        data[stalled_col].map({True: "stalled", False: "normal"}).astype(str)
        if stalled_col in data.columns
        else "normal"
    )
    name = kpi if kpi is not None else (str(data["kpi"].iloc[0]) if "kpi" in data else value_col)
    is_date = pd.api.types.is_datetime64_any_dtype(data[period_col])
    x = alt.X(f"{period_col}:{'T' if is_date else 'Q'}", title=period_col)
    line = (
        alt.Chart(data)
        .mark_line(color="#4c78a8")
        .encode(x=x, y=alt.Y(f"{value_col}:Q", scale=alt.Scale(zero=False), title=name))
    )
    points = (
        alt.Chart(data)
        .mark_point(filled=True, size=40)
        .encode(
            x=x,
            y=f"{value_col}:Q",
            color=alt.Color(
                "state:N",
                scale=alt.Scale(domain=["normal", "stalled"], range=["#4c78a8", "#d1495b"]),
                title=None,
            ),
            tooltip=[f"{period_col}:{'T' if is_date else 'Q'}", f"{value_col}:Q", "state:N"],
        )
    )
    level = float(data[threshold_col].iloc[-1])
    rule_data = pd.DataFrame({"threshold": [level], "label": [f"threshold {level:g}"]})
    rule = alt.Chart(rule_data).mark_rule(strokeDash=[6, 3], color="#333").encode(y="threshold:Q")
    label = (
        alt.Chart(rule_data)
        .mark_text(align="left", dy=-6, color="#333")
        .encode(y="threshold:Q", text="label:N", x=alt.value(4))
    )
    return alt.layer(line, points, rule, label).properties(
        title=title or f"{name}: history against its threshold", width=width, height=height
    )


def proposal_chart(
    proposal: KRProposal,
    *,
    score: float | None = None,
    settings: Settings = DEFAULT_SETTINGS,
    title: str | None = None,
    width: int = 520,
) -> alt.LayerChart:
    """Baseline -> KPI threshold -> KR target on one axis, with where a 0.7 score lands.

    The stretch from baseline to threshold is the part that fixes the KPI;
    the rest, up to the target, is the ambition. A diamond marks the value a
    score of ``score`` (default 0.7, success) reaches.

    Parameters
    ----------
    proposal
        From :func:`okr_toolkit.kpi_to_kr`.

    Examples
    --------
    >>> from okr_toolkit import kpi_to_kr as propose
    >>> kr = propose("activation_rate", 42, 50, strategy="explicit", target=65, unit="%")
    >>> spec = proposal_chart(kr).to_dict()
    >>> [layer["mark"]["type"] for layer in spec["layer"]]
    ['bar', 'point', 'text', 'text']
    """
    s = settings.aspirational_success if score is None else float(score)
    unit = proposal.unit
    suffix = unit if unit == "%" else f" {unit}" if unit else ""
    success = proposal.value_at(s)
    marks = pd.DataFrame(
        {
            "what": ["baseline (KPI now)", "KPI threshold", f"score {s:g}", "KR target"],
            "value": [proposal.baseline, proposal.threshold, success, proposal.target],
            "shape": ["circle", "square", "diamond", "circle"],
            "row": 0,
        }
    )
    marks["label"] = [f"{v:,.4g}{suffix}" for v in marks["value"]]
    low, high = sorted([proposal.baseline, proposal.target])
    cut = min(max(proposal.threshold, low), high)
    segments = pd.DataFrame(
        {
            "part": ["to the threshold (fixes the KPI)", "beyond it (the stretch)"],
            "start": [proposal.baseline, cut],
            "end": [cut, proposal.target],
            "row": 0,
        }
    )
    pad = (high - low) * 0.08 or 1.0
    # Lower-is-better metrics run right to left, so progress always reads left to right.
    x_scale = alt.Scale(
        domain=[min(low, proposal.threshold) - pad, max(high, proposal.threshold) + pad],
        reverse=proposal.direction == "decrease",
    )
    x = alt.X("start:Q", scale=x_scale, title=f"{proposal.label} ({unit or 'value'})")
    y = alt.Y("row:O", axis=None)
    bar = (
        alt.Chart(segments)
        .mark_bar(size=14)
        .encode(
            x=x,
            x2="end:Q",
            y=y,
            color=alt.Color(
                "part:N",
                scale=alt.Scale(
                    domain=list(segments["part"]),
                    range=[GRADE_COLORS["yellow"], GRADE_COLORS["green"]],
                ),
                title=None,
                legend=alt.Legend(orient="bottom"),
            ),
        )
    )
    base = alt.Chart(marks).encode(
        x=alt.X("value:Q", scale=x_scale), y=y, tooltip=["what:N", "label:N"]
    )
    points = base.mark_point(filled=True, size=140, color="#222", opacity=1).encode(
        shape=alt.Shape("shape:N", scale=None)
    )
    names = base.mark_text(dy=-20, fontSize=11).encode(text="what:N")
    values = base.mark_text(dy=22, fontSize=11, fontWeight="bold").encode(text="label:N")
    return alt.layer(bar, points, names, values).properties(
        title=title or proposal.statement, width=width, height=90
    )


#: Colours of the frameworks in a migration plan.
FRAMEWORK_COLORS: dict[str, str] = {
    "MBO": "#9e9e9e",
    "OKR pilot": "#8cc5e3",
    "MBO + OKR": "#b39ddb",
    "OKR": "#2e8b57",
}


def migration_gantt(
    plan: pd.DataFrame,
    *,
    title: str = "MBO to OKR: who runs what, quarter by quarter",
    width: int = 560,
) -> alt.VConcatChart:
    """A migration plan as a Gantt: teams x quarters coloured by framework, milestones above.

    Parameters
    ----------
    plan
        From :func:`okr_toolkit.plan_migration` (columns ``team``, ``quarter``,
        ``framework``, ``milestone``; ``okr_pay_decoupled`` and ``review``
        show in the tooltip).

    Examples
    --------
    >>> from okr_toolkit import plan_migration
    >>> spec = migration_gantt(plan_migration(["Sales", "Support", "Product"], "2026Q1")).to_dict()
    >>> [part["mark"]["type"] for part in spec["vconcat"]]
    ['text', 'rect']
    """
    require_columns(plan, ["team", "quarter", "framework", "milestone"], "the migration plan")
    teams = list(dict.fromkeys(plan["team"].astype(str)))
    quarters = sorted(plan["quarter"].astype(str).unique())
    present = [f for f in FRAMEWORK_COLORS if f in set(plan["framework"].astype(str))]
    data = plan.assign(team=plan["team"].astype(str), quarter=plan["quarter"].astype(str))
    tooltip = [
        c
        for c in ("team", "quarter", "framework", "cadence", "okr_pay_decoupled", "review")
        if c in data.columns
    ]
    x = alt.X("quarter:O", sort=quarters, title=None, axis=alt.Axis(orient="top", labelAngle=0))
    grid = (
        alt.Chart(data)
        .mark_rect(stroke="white", strokeWidth=2)
        .encode(
            x=x,
            y=alt.Y("team:N", sort=teams, title=None),
            color=alt.Color(
                "framework:N",
                scale=alt.Scale(domain=present, range=[FRAMEWORK_COLORS[f] for f in present]),
                legend=alt.Legend(orient="bottom", title=None),
            ),
            tooltip=tooltip,
        )
        .properties(width=width, height=max(60, 24 * len(teams)))
    )
    steps = data.drop_duplicates("quarter")[["quarter", "milestone"]]
    # Milestones are sentences: wrap each into short lines that fit its column.
    column_chars = max(12, int(width / max(1, len(quarters)) / 6.2))
    steps = steps.assign(
        label=[textwrap.wrap(str(m), column_chars)[:5] or [""] for m in steps["milestone"]]
    )
    markers = (
        alt.Chart(steps)
        .mark_text(fontSize=10, color="#333", baseline="top", lineHeight=12)
        .encode(
            x=alt.X("quarter:O", sort=quarters, axis=None),
            y=alt.value(2),
            text="label",
            tooltip=["quarter:N", "milestone:N"],
        )
        .properties(width=width, height=64)
    )
    return alt.vconcat(markers, grid, spacing=2).properties(title=title)


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
    from okr_toolkit.scenarios import fan

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


def replace_data(spec: dict, data: dict[str, pd.DataFrame], *, title: str | None = None) -> dict:
    """A copy of a chart's spec with some of its datasets (by name) swapped for new frames.

    Building an Altair chart and turning it into a spec costs tens of
    milliseconds; a live widget that redraws the same chart with new numbers
    builds the spec once and swaps the data in.
    """
    out = {**spec, "datasets": dict(spec["datasets"])}
    for name, frame in data.items():
        if name not in out["datasets"]:
            raise KeyError(f"the chart has no dataset {name!r}")
        out["datasets"][name] = frame.to_dict(orient="records")
    if title is not None:
        out["title"] = title
    return out


def svg_from_spec(spec: dict) -> str:
    """Render a Vega-Lite spec (a dict) to SVG locally."""
    import vl_convert

    return vl_convert.vegalite_to_svg(spec)


#: File types :func:`save_chart` writes, by suffix.
SAVE_SUFFIXES: tuple[str, ...] = (".png", ".svg")


def save_chart(chart: alt.TopLevelMixin, path: str | Path, *, scale: float = 2.0) -> Path:
    """Save a chart as PNG or SVG for slides, rendered locally, written atomically.

    The chart is rendered offline by vl-convert (no network; a chart whose
    data is a URL fails rather than fetching it). The file is written to a
    temporary file in the same folder and moved into place, so an error never
    leaves a partial image behind.

    Parameters
    ----------
    chart
        Any Altair chart, such as one from this module.
    path
        Where to write; the suffix chooses the format: ``.png`` or ``.svg``.
    scale
        For PNG, pixels per chart unit: 2.0 (the default) is sharp on
        high-density screens and projectors. SVG is resolution-free and
        ignores it.

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    OKRDataError
        For a suffix other than ``.png`` or ``.svg`` (nothing is written).
    ValueError
        For a ``scale`` that is not a positive number.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> import pandas as pd
    >>> chart = kr_progress(pd.DataFrame({"kr_id": ["a"], "score": [0.5]}))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     png = save_chart(chart, Path(folder) / "scores.png")
    ...     png.read_bytes()[1:4]  # the PNG signature
    b'PNG'
    >>> save_chart(chart, "scores.pdf")
    Traceback (most recent call last):
    ...
    okr_toolkit.exceptions.OKRDataError: scores.pdf: cannot save a chart as '.pdf'; use .png or .svg
    """
    from okr_toolkit.exceptions import OKRDataError

    out = Path(path)
    suffix = out.suffix.lower()
    if suffix not in SAVE_SUFFIXES:
        raise OKRDataError(
            f"{out}: cannot save a chart as {suffix or '(no suffix)'!r}; use "
            f"{' or '.join(SAVE_SUFFIXES)}"
        )
    if (
        isinstance(scale, bool)
        or not isinstance(scale, int | float)
        or not (math.isfinite(scale) and scale > 0)
    ):
        raise ValueError(f"`scale` must be a positive number, got {scale!r}")
    spec = chart.to_dict(validate=False)
    if suffix == ".svg":
        data: bytes = svg_from_spec(spec).encode("utf-8")
    else:
        data = _png_from_spec(spec, float(scale))
    return write_atomic(out, data)


def _png_from_spec(spec: dict, scale: float) -> bytes:
    """Render a Vega-Lite spec (a dict) to PNG locally, ``scale`` pixels per unit."""
    import vl_convert

    return vl_convert.vegalite_to_png(spec, scale=scale, allowed_base_urls=[])


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
    bands = _band_layer(settings, "end score")
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


def score_history_chart(
    scores: pd.DataFrame,
    *,
    group_col: str = "team",
    score_col: str = "score",
    sweet_spot: tuple[float, float] = (0.6, 0.7),
    title: str = "Past scores against the 0.6-0.7 sweet spot",
    width: int = 420,
) -> alt.LayerChart:
    """Strip plot of past KR scores per team over the sweet-spot band.

    Scores piled at 1.0 read as sandbagging, near 0.0 as over-reaching (see
    :func:`okr_toolkit.scenarios.grade_diagnostics` for the numbers).
    ``group_col`` names the team column, ``score_col`` the score column.

    Examples
    --------
    >>> import pandas as pd
    >>> past = pd.DataFrame({"team": ["a", "a", "b"], "score": [1.0, 0.9, 0.65]})
    >>> [layer["mark"]["type"] for layer in score_history_chart(past).to_dict()["layer"]]
    ['rect', 'tick']
    """
    require_columns(scores, [group_col, score_col], "the score history")
    low, high = sweet_spot
    band = (
        alt.Chart(pd.DataFrame({"start": [low], "end": [high]}))
        .mark_rect(opacity=0.2, color=GRADE_COLORS["green"])
        .encode(x=alt.X("start:Q", scale=alt.Scale(domain=[0, 1]), title="score"), x2="end:Q")
    )
    ticks = (
        alt.Chart(scores[[group_col, score_col]])
        .mark_tick(thickness=2, size=18, color="#1f3d7a")
        .encode(
            x=f"{score_col}:Q",
            y=alt.Y(f"{group_col}:N", title=None),
            tooltip=[f"{group_col}:N", f"{score_col}:Q"],
        )
    )
    teams = scores[group_col].nunique()
    return alt.layer(band, ticks).properties(title=title, width=width, height=max(60, 30 * teams))


def kpi_health_chart(
    table: pd.DataFrame, *, title: str = "KPI health", width: int = 420
) -> alt.LayerChart:
    """Each KPI's distance from its threshold, in % of it, coloured by status.

    Bars to the right of zero are on the healthy side of the line, whichever way
    the KPI should move (a lower-is-better KPI below its threshold points right).

    Parameters
    ----------
    table
        One row per KPI with ``kpi``, ``value``, ``threshold``, ``better`` and
        ``status`` (as :func:`okr_toolkit.workspace.kpi_table` gives). Rows whose
        status is not healthy / at_risk / breached, or whose threshold is 0, are
        left out.

    Examples
    --------
    >>> import pandas as pd
    >>> from okr_toolkit.workspace import kpi_table
    >>> kpis = pd.DataFrame({"kpi": ["activation_rate", "ttfv"], "threshold": [50, 4],
    ...                      "value": [42, 3.5], "better": ["higher", "lower"]})
    >>> chart = kpi_health_chart(kpi_table(kpis))
    >>> chart.layer[0].data["margin"].round(1).tolist()
    [-16.0, 12.5]
    """
    require_columns(table, ["kpi", "value", "threshold", "better", "status"], "the KPI table")
    rated = table[table["status"].astype(str).isin(["healthy", "at_risk", "breached"])]
    rated = rated[(rated["threshold"] != 0) & rated["threshold"].notna()]
    if len(rated) == 0:
        raise OKRDataError(
            "no KPI with a value, a non-zero threshold and a status to draw; "
            "give the KPIs a value and a threshold"
        )
    sign = np.where(rated["better"].astype(str) == "lower", -1.0, 1.0)
    threshold = rated["threshold"].astype(float)
    data = pd.DataFrame(
        {
            "kpi": rated["kpi"].astype(str).to_numpy(),
            "status": rated["status"].astype(str).to_numpy(),
            "margin": (
                sign * (rated["value"].astype(float) - threshold) / threshold.abs() * 100
            ).to_numpy(),
        }
    )
    statuses = ["healthy", "at_risk", "breached"]
    colors = [GRADE_COLORS["green"], GRADE_COLORS["yellow"], GRADE_COLORS["red"]]
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("margin:Q", title="distance from threshold, % (right = healthy side)"),
            y=alt.Y("kpi:N", sort=data["kpi"].tolist(), title=None),
            color=alt.Color(
                "status:N",
                scale=alt.Scale(domain=statuses, range=colors),
                legend=alt.Legend(orient="bottom", title=None),
            ),
            tooltip=["kpi", "status", alt.Tooltip("margin:Q", format=".1f")],
        )
    )
    zero = alt.Chart(pd.DataFrame({"x": [0.0]})).mark_rule(color="#333").encode(x="x:Q")
    return alt.layer(bars, zero).properties(
        title=title, width=width, height=max(60, 28 * len(data))
    )
