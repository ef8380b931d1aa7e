"""The chart of a KPI-to-KR proposal: baseline, KPI threshold and KR target on one axis."""

from __future__ import annotations

import altair as alt
import pandas as pd

from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.planning.convert import KRProposal
from okr_toolkit.present.charts.theme import GRADE_COLORS

__all__ = ["proposal_chart"]


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
    marks = _marks(proposal, s)
    segments = _segments(proposal)
    x_scale = _x_scale(proposal)
    x = alt.X("start:Q", scale=x_scale, title=f"{proposal.label} ({proposal.unit or 'value'})")
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


def _marks(proposal: KRProposal, score: float) -> pd.DataFrame:
    """The four marked values: baseline, KPI threshold, where ``score`` lands, KR target."""
    unit = proposal.unit
    suffix = unit if unit == "%" else f" {unit}" if unit else ""
    success = proposal.value_at(score)
    marks = pd.DataFrame(
        {
            "what": ["baseline (KPI now)", "KPI threshold", f"score {score:g}", "KR target"],
            "value": [proposal.baseline, proposal.threshold, success, proposal.target],
            "shape": ["circle", "square", "diamond", "circle"],
            "row": 0,
        }
    )
    marks["label"] = [f"{v:,.4g}{suffix}" for v in marks["value"]]
    return marks


def _segments(proposal: KRProposal) -> pd.DataFrame:
    """Baseline to threshold (the part that fixes the KPI), then on to the target."""
    low, high = sorted([proposal.baseline, proposal.target])
    cut = min(max(proposal.threshold, low), high)
    return pd.DataFrame(
        {
            "part": ["to the threshold (fixes the KPI)", "beyond it (the stretch)"],
            "start": [proposal.baseline, cut],
            "end": [cut, proposal.target],
            "row": 0,
        }
    )


def _x_scale(proposal: KRProposal) -> alt.Scale:
    """An axis around baseline, threshold and target, reversed for a decreasing metric."""
    low, high = sorted([proposal.baseline, proposal.target])
    pad = (high - low) * 0.08 or 1.0
    # Lower-is-better metrics run right to left, so progress always reads left to right.
    return alt.Scale(
        domain=[min(low, proposal.threshold) - pad, max(high, proposal.threshold) + pad],
        reverse=proposal.direction == "decrease",
    )
