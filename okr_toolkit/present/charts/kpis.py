"""Charts of KPIs: one KPI's history against its threshold, and every KPI's health."""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from okr_toolkit._validate import require_columns
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.present.charts.theme import GRADE_COLORS

__all__ = ["kpi_health_chart", "kpi_history_chart"]


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
    data = _kpi_rows(history, kpi, stalled_col)
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


def _kpi_rows(history: pd.DataFrame, kpi: str | None, stalled_col: str) -> pd.DataFrame:
    """A copy of the rows of ``kpi`` (all rows when None), each marked stalled or normal."""
    data = history
    if kpi is not None:
        require_columns(history, ["kpi"], "the KPI history")
        data = history[history["kpi"] == kpi]
        if data.empty:
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
    return data


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
