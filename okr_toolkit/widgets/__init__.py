"""ipywidgets apps built from the core and the charts, one per module.

Each app is an :class:`ipywidgets.VBox`: display it, put it in another box, and
observe or link its results, which are traits (``KRScorer.score``,
``KPIConverter.proposal``, ``MigrationPlanner.plan``,
``WorkshopDashboard.workspace``, ...). Tests and notebooks drive an app without a
browser: set ``app.current.value = 58.1`` and read ``app.score`` (or
``app.result``, a dict of every result at that moment).

Importing this package imports ipywidgets and Altair; ``import okr_toolkit`` does
not (``okr_toolkit.widgets`` loads on first use).
"""

from .kpi_converter import KPIConverter
from .kr_scorer import KRScorer
from .migration_planner import MigrationPlanner
from .scenario_explorer import ScenarioExplorer
from .statement_checker import StatementChecker
from .workshop_dashboard import WorkshopDashboard

__all__ = [
    "KPIConverter",
    "KRScorer",
    "MigrationPlanner",
    "ScenarioExplorer",
    "StatementChecker",
    "WorkshopDashboard",
]
