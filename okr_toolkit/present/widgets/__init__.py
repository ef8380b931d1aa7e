"""ipywidgets apps built from the core and the charts, one per module.

Each app is an :class:`ipywidgets.VBox`: display it, put it in another box, and
observe or link its results, which are traits (``KRScorer.score``,
``KPIConverter.proposal``, ``MigrationPlanner.plan``,
``WorkshopDashboard.workspace``, ...). Tests and notebooks drive an app without a
browser: set ``app.current.value = 58.1`` and read ``app.score`` (or
``app.result``, a dict of every result at that moment).

Importing this package imports ipywidgets and Altair; ``import okr_toolkit`` does
not (``okr_toolkit.present.widgets`` loads on first use).
"""

from okr_toolkit.present.widgets.kpi_converter import KPIConverter
from okr_toolkit.present.widgets.kr_scorer import KRScorer
from okr_toolkit.present.widgets.migration_planner import MigrationPlanner
from okr_toolkit.present.widgets.scenario_explorer import ScenarioExplorer
from okr_toolkit.present.widgets.statement_checker import StatementChecker
from okr_toolkit.present.widgets.workshop_dashboard import WorkshopDashboard

__all__ = [
    "KPIConverter",
    "KRScorer",
    "MigrationPlanner",
    "ScenarioExplorer",
    "StatementChecker",
    "WorkshopDashboard",
]
