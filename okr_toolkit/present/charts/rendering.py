"""Charts out of Python: rendered locally to SVG or PNG, saved for slides, or re-filled.

Nothing here fetches from a network: :func:`enable_offline` makes notebooks render
through vl-convert, :func:`save_chart` writes PNG or SVG atomically, and
:func:`replace_data` swaps new frames into a spec that was built once.
"""

from __future__ import annotations

import math
from pathlib import Path

import altair as alt
import pandas as pd

from okr_toolkit._atomic import write_atomic
from okr_toolkit.exceptions import OKRDataError

__all__ = [
    "SAVE_SUFFIXES",
    "enable_offline",
    "replace_data",
    "save_chart",
    "svg_from_spec",
    "to_svg",
]


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
    >>> from okr_toolkit.present.charts import kr_progress
    >>> to_svg(kr_progress(pd.DataFrame({"kr_id": ["a"], "score": [0.5]}))).startswith("<svg")
    True
    """
    # The chart was validated when built; skip a second validation.
    return svg_from_spec(chart.to_dict(validate=False))


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
    >>> from okr_toolkit.present.charts import kr_progress
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
