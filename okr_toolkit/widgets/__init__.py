"""ipywidgets apps built from the core and the charts, one per module.

Each app is a class that builds its widget tree and exposes its state
(``app.result``, ``app.chart``), so tests and notebooks can drive it without a
browser: set ``app.current.value = 58.1`` and read ``app.result``.
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
