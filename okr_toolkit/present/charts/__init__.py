"""Altair charts: data in, :class:`altair.Chart` out, nothing else.

Charts render offline. Altair's default HTML output loads Vega from a CDN,
which shows a blank chart with no network; call :func:`enable_offline` once
(the notebooks do) to render PNG or SVG locally through vl-convert instead.
Save charts for slides with :func:`save_chart` (PNG or SVG, rendered locally,
written atomically), or ``chart.save("x.html", inline=True)`` for HTML with
Vega embedded.

What lives where: ``theme`` (the grade colours and bands every score axis shares),
``scores`` (key result scores and past score histories), ``kpis`` (a KPI's history,
KPI health), ``proposal`` (a KPI-to-KR proposal), ``scenarios`` (simulated paths,
end scores, confidence reliability), ``migration`` (the migration plan as a Gantt)
and ``rendering`` (offline rendering to SVG and PNG, saving, swapping a spec's data).
Only this package imports Altair; it draws what the layers below compute.
"""

from __future__ import annotations

from okr_toolkit.present.charts.kpis import kpi_health_chart, kpi_history_chart
from okr_toolkit.present.charts.migration import FRAMEWORK_COLORS as FRAMEWORK_COLORS
from okr_toolkit.present.charts.migration import migration_gantt
from okr_toolkit.present.charts.proposal import proposal_chart
from okr_toolkit.present.charts.rendering import (
    SAVE_SUFFIXES,
    enable_offline,
    replace_data,
    save_chart,
    svg_from_spec,
    to_svg,
)
from okr_toolkit.present.charts.scenarios import (
    fan_data,
    reliability_diagram,
    scenario_fan,
    score_distribution,
)
from okr_toolkit.present.charts.scores import kr_progress, score_histogram, score_history_chart
from okr_toolkit.present.charts.theme import GRADE_COLORS

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
    "score_histogram",
    "score_history_chart",
    "svg_from_spec",
    "to_svg",
]
