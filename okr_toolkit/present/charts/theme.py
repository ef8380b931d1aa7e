"""The look every chart shares: the grade colours and the grade bands behind a score axis."""

from __future__ import annotations

import altair as alt
import pandas as pd

from okr_toolkit.core.grades import GRADES
from okr_toolkit.core.settings import Settings

__all__ = ["GRADE_COLORS", "GRADE_SCALE", "band_layer"]

#: Colours of the grade bands (colour-blind-safe red / amber / green).
GRADE_COLORS: dict[str, str] = {"red": "#d1495b", "yellow": "#edae49", "green": "#2e8b57"}

#: The grade colours as an Altair colour scale, red to green.
GRADE_SCALE = alt.Scale(domain=list(GRADES), range=[GRADE_COLORS[g] for g in GRADES])


def _bands(settings: Settings) -> pd.DataFrame:
    """The score range of each grade under ``settings``."""
    edges = [0.0, settings.yellow_from, settings.green_from, 1.0]
    return pd.DataFrame({"grade": list(GRADES), "start": edges[:-1], "end": edges[1:]})


def band_layer(settings: Settings, axis_title: str) -> alt.Chart:
    """The red / yellow / green grade bands behind a 0-1 score axis."""
    return (
        alt.Chart(_bands(settings))
        .mark_rect(opacity=0.15)
        .encode(
            x=alt.X("start:Q", scale=alt.Scale(domain=[0, 1]), title=axis_title),
            x2="end:Q",
            color=alt.Color("grade:N", scale=GRADE_SCALE, title="grade"),
        )
    )
