"""Planning: turning one framework into another.

KPI to key result conversion, the framework comparison and recommendation, and
the MBO to OKR migration planner. Built on the core.
"""

from __future__ import annotations

from okr_toolkit.planning.convert import (
    STRATEGIES,
    KRProposal,
    explain,
    find_candidates,
    kpi_to_kr,
)
from okr_toolkit.planning.frameworks import (
    FRAMEWORKS,
    MATURE_CHANGE_SHARE,
    STARTUP_CHANGE_SHARE,
    TIE_ORDER,
    TRAIT_ASPECTS,
    TRAIT_VALUES,
    TRAIT_VOTES,
    GoalTraits,
    Recommendation,
    RunChangeMix,
    Vote,
    classify_goals,
    recommend_framework,
    run_change_mix,
)
from okr_toolkit.planning.migration import (
    DEFAULT_MIGRATION_CONFIG,
    PLAN_COLUMNS,
    PLAN_FRAMEWORKS,
    Assessment,
    FirstQuarterDraft,
    MigrationProfile,
    Reason,
    assess_migration,
    check_plan,
    draft_first_quarter,
    plan_migration,
)

__all__ = [
    "DEFAULT_MIGRATION_CONFIG",
    "FRAMEWORKS",
    "MATURE_CHANGE_SHARE",
    "PLAN_COLUMNS",
    "PLAN_FRAMEWORKS",
    "STARTUP_CHANGE_SHARE",
    "STRATEGIES",
    "TIE_ORDER",
    "TRAIT_ASPECTS",
    "TRAIT_VALUES",
    "TRAIT_VOTES",
    "Assessment",
    "FirstQuarterDraft",
    "GoalTraits",
    "KRProposal",
    "MigrationProfile",
    "Reason",
    "Recommendation",
    "RunChangeMix",
    "Vote",
    "assess_migration",
    "check_plan",
    "classify_goals",
    "draft_first_quarter",
    "explain",
    "find_candidates",
    "kpi_to_kr",
    "plan_migration",
    "recommend_framework",
    "run_change_mix",
]
