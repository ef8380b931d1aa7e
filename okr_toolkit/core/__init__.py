"""The core: the numbers of goal setting, over plain numbers and tidy tables.

Settings, grades, scoring, roll-ups, pacing, KPI health, MBO payout, the OKR
domain model and the lenient scorecard of a loaded file. It needs only numpy and
pandas, and imports nothing above it (statements, the file layer and the
datasets sit below; the linter, planning, scenarios and presentation above).
"""

from __future__ import annotations

from okr_toolkit.core.changes import implied_targets
from okr_toolkit.core.grades import (
    GRADES,
    HistoryInterpretation,
    grade,
    interpret_history,
    interpret_score,
    is_success,
)
from okr_toolkit.core.kpis import (
    KPI_STATUSES,
    compare_to_benchmarks,
    detect_stalls,
    kpi_status,
    stall_summary,
)
from okr_toolkit.core.mbo import (
    DEFAULT_PAYOUT,
    PayoutCurve,
    achievement,
    payout,
)
from okr_toolkit.core.model import (
    KPI,
    KeyResult,
    Objective,
    objectives_to_frame,
)
from okr_toolkit.core.pacing import (
    PACES,
    expected_progress,
    linear_forecast,
    pace,
    pacing,
    quarter_bounds,
)
from okr_toolkit.core.readings import (
    interpret_three_ways,
)
from okr_toolkit.core.rollup import (
    ROLLUPS,
    bottom_up_share,
    compare_rollups,
    rollup,
    rollup_tree,
)
from okr_toolkit.core.scorecard import (
    SCORECARD_COLUMNS,
    scorecard,
)
from okr_toolkit.core.scoring import (
    METHODS,
    score,
    score_krs,
)
from okr_toolkit.core.settings import (
    DEFAULT_SETTINGS,
    Settings,
    settings_from,
)

__all__ = [
    "DEFAULT_PAYOUT",
    "DEFAULT_SETTINGS",
    "GRADES",
    "KPI",
    "KPI_STATUSES",
    "METHODS",
    "PACES",
    "ROLLUPS",
    "SCORECARD_COLUMNS",
    "HistoryInterpretation",
    "KeyResult",
    "Objective",
    "PayoutCurve",
    "Settings",
    "achievement",
    "bottom_up_share",
    "compare_rollups",
    "compare_to_benchmarks",
    "detect_stalls",
    "expected_progress",
    "grade",
    "implied_targets",
    "interpret_history",
    "interpret_score",
    "interpret_three_ways",
    "is_success",
    "kpi_status",
    "linear_forecast",
    "objectives_to_frame",
    "pace",
    "pacing",
    "payout",
    "quarter_bounds",
    "rollup",
    "rollup_tree",
    "score",
    "score_krs",
    "scorecard",
    "settings_from",
    "stall_summary",
]
