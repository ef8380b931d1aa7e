"""okr-toolkit: score, compare and teach OKR, KPI and MBO.

The core (scoring, grades, roll-ups, pacing, KPI health, MBO payout, datasets)
needs only numpy and pandas. Charts (Altair) and widgets (ipywidgets) load on
first use: ``okr_toolkit.charts`` and ``okr_toolkit.widgets``.

Examples
--------
>>> import okr_toolkit as okr
>>> round(okr.score(58.1, baseline=42, target=65), 2), okr.grade(0.7)
(0.7, 'green')
"""

from __future__ import annotations

import importlib
from typing import Any

from . import exercises
from .convert import STRATEGIES, KRProposal, explain, find_candidates, kpi_to_kr
from .exceptions import OKRDataError
from .frameworks import (
    GoalTraits,
    Recommendation,
    RunChangeMix,
    classify_goals,
    recommend_framework,
    run_change_mix,
)
from .grades import GRADES, HistoryReading, grade, is_success, read_history, read_score
from .io import (
    FileProblem,
    OKRFile,
    OKRFileError,
    okr_file_bytes,
    read_okr_data,
    read_okr_file,
    starter_yaml,
    write_okr_file,
)
from .kpis import KPI_STATUSES, compare_to_benchmarks, detect_stalls, kpi_status, stall_summary
from .lint import RULES, SEVERITIES, Rule, format_findings, lint, lint_statement
from .mbo import DEFAULT_PAYOUT, PayoutCurve, achievement, payout
from .migration import (
    Assessment,
    FirstQuarterDraft,
    MigrationProfile,
    assess_migration,
    check_plan,
    draft_first_quarter,
    plan_migration,
)
from .model import KPI, KeyResult, Objective, objectives_to_frame
from .pacing import PACES, expected_progress, forecast, pace, pacing, quarter_bounds
from .readings import read_three_ways
from .report import build_report, report_charts, write_report
from .rollup import ORIGINS, ROLLUPS, bottom_up_share, compare_rollups, rollup, rollup_tree
from .scenarios import (
    CalibrationReport,
    OKRForecast,
    Simulation,
    Walk,
    ambition,
    calibrate_target,
    confidence_calibration,
    estimate_walk,
    forecast_okrs,
    grade_diagnostics,
    simulate_kr,
    simulate_pay_link,
)
from .scorecard import scorecard
from .scoring import METHODS, score, score_krs
from .settings import DEFAULT_SETTINGS, Settings, settings_from
from .statements import (
    LABELS,
    Classification,
    ParsedStatement,
    classify_statement,
    classify_statements,
    parse_statement,
)
from .vocab import DIRECTIONS, KNOWN_UNITS, KR_COLUMNS, OKR_COLUMNS
from .workspace import Workspace, kpi_table, pacing_table

__version__ = "0.2.0.dev0"

__all__ = [
    "DEFAULT_PAYOUT",
    "DEFAULT_SETTINGS",
    "DIRECTIONS",
    "GRADES",
    "KNOWN_UNITS",
    "KPI",
    "KPI_STATUSES",
    "KR_COLUMNS",
    "LABELS",
    "METHODS",
    "OKR_COLUMNS",
    "ORIGINS",
    "PACES",
    "ROLLUPS",
    "RULES",
    "SEVERITIES",
    "STRATEGIES",
    "Assessment",
    "CalibrationReport",
    "Classification",
    "FileProblem",
    "FirstQuarterDraft",
    "GoalTraits",
    "HistoryReading",
    "KRProposal",
    "KeyResult",
    "MigrationProfile",
    "OKRDataError",
    "OKRFile",
    "OKRFileError",
    "OKRForecast",
    "Objective",
    "ParsedStatement",
    "PayoutCurve",
    "Recommendation",
    "Rule",
    "RunChangeMix",
    "Settings",
    "Simulation",
    "Walk",
    "Workspace",
    "achievement",
    "ambition",
    "assess_migration",
    "bottom_up_share",
    "build_report",
    "calibrate_target",
    "charts",
    "check_plan",
    "classify_goals",
    "classify_statement",
    "classify_statements",
    "compare_rollups",
    "compare_to_benchmarks",
    "confidence_calibration",
    "datasets",
    "detect_stalls",
    "draft_first_quarter",
    "estimate_walk",
    "exercises",
    "expected_progress",
    "explain",
    "find_candidates",
    "forecast",
    "forecast_okrs",
    "format_findings",
    "grade",
    "grade_diagnostics",
    "is_success",
    "kpi_status",
    "kpi_table",
    "kpi_to_kr",
    "lint",
    "lint_statement",
    "objectives_to_frame",
    "okr_file_bytes",
    "pace",
    "pacing",
    "pacing_table",
    "parse_statement",
    "payout",
    "plan_migration",
    "quarter_bounds",
    "read_history",
    "read_okr_data",
    "read_okr_file",
    "read_score",
    "read_three_ways",
    "recommend_framework",
    "report_charts",
    "rollup",
    "rollup_tree",
    "run_change_mix",
    "score",
    "score_krs",
    "scorecard",
    "settings_from",
    "simulate_kr",
    "simulate_pay_link",
    "stall_summary",
    "starter_yaml",
    "widgets",
    "write_okr_file",
    "write_report",
]

# Heavy optional layers, imported on first attribute access so that
# `import okr_toolkit` stays at numpy + pandas.
_LAZY = ("charts", "widgets", "datasets")


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module 'okr_toolkit' has no attribute {name!r}")
