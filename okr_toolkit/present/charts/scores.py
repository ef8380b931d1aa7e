"""Charts of scores: key results over the grade bands, and past scores per team."""

from __future__ import annotations

import altair as alt
import pandas as pd

from okr_toolkit._validate import require_columns
from okr_toolkit.core.grades import grade
from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.present.charts.theme import GRADE_COLORS, GRADE_SCALE, band_layer

__all__ = ["kr_progress", "score_histogram", "score_history_chart"]


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
    require_columns(krs, [label_col, score_col], "the key results table")
    data = _score_rows(krs, label_col, score_col, settings)
    order = data["label"].tolist()
    height = max(60, 28 * len(data))
    bands = band_layer(settings, "score (0.0 - 1.0)")
    y = alt.Y("label:N", sort=order, title=None)
    bars = (
        alt.Chart(data)
        .mark_bar(height=16)
        .encode(
            x=alt.X("bar:Q", scale=alt.Scale(domain=[0, 1])),
            y=y,
            color=alt.Color("grade:N", scale=GRADE_SCALE),
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


def score_histogram(
    krs: pd.DataFrame,
    *,
    score_col: str = "score",
    settings: Settings = DEFAULT_SETTINGS,
    title: str = "Key result scores",
    width: int = 420,
) -> alt.Chart:
    """How many KRs score in each tenth of the 0-1 scale, stacked by grade.

    The chart for many key results (a company file of hundreds or thousands),
    where one bar per KR cannot be drawn or read. Scores outside 0-1 (uncapped)
    count in the end bins.

    Examples
    --------
    >>> import pandas as pd
    >>> chart = score_histogram(pd.DataFrame({"score": [0.1, 0.45, 0.7, 0.72, 1.0]}))
    >>> spec = chart.to_dict()
    >>> spec["mark"]["type"], sorted(spec["encoding"])
    ('rect', ['color', 'tooltip', 'x', 'x2', 'y', 'y2'])
    """
    require_columns(krs, [score_col], "the key results table")
    data = _score_rows(krs.assign(_label=""), "_label", score_col, settings)
    start = (data["bar"] * 10).clip(upper=9.999).astype(int) / 10
    counts = (
        pd.DataFrame({"start": start, "grade": data["grade"]})
        .groupby(["start", "grade"], as_index=False, observed=True)
        .size()
        .rename(columns={"size": "key results"})
    )
    counts["end"] = (counts["start"] + 0.1).round(1)
    # Stacked by hand (a bin can hold two grades when a band edge is not a tenth).
    counts["top"] = counts.groupby("start", observed=True)["key results"].cumsum()
    counts["bottom"] = counts["top"] - counts["key results"]
    return (
        alt.Chart(counts, title=f"{title} ({len(data)} key results)", width=width, height=180)
        .mark_rect(stroke="white", strokeWidth=1)
        .encode(
            x=alt.X("start:Q", scale=alt.Scale(domain=[0, 1]), title="score (0.0 - 1.0)"),
            x2="end:Q",
            y=alt.Y("bottom:Q", title="key results"),
            y2="top:Q",
            color=alt.Color("grade:N", scale=GRADE_SCALE, title="grade"),
            tooltip=["start:Q", "end:Q", "grade:N", "key results:Q"],
        )
    )


def _score_rows(
    krs: pd.DataFrame, label_col: str, score_col: str, settings: Settings
) -> pd.DataFrame:
    """The label and score of each KR, with its grade and its bar length (clipped to 0-1)."""
    data = krs[[label_col, score_col]].copy()
    data["grade"] = (
        krs["grade"].astype(str)
        if "grade" in krs.columns
        else grade(krs[score_col].clip(0.0, 1.0), settings=settings)
    )
    data["label"] = data[label_col].astype(str)
    # Keep bars inside the axis even for uncapped scores; the text shows the value.
    data["bar"] = data[score_col].clip(0.0, 1.0)
    return data
