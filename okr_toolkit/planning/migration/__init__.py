"""Moving from MBO to OKRs: decide, plan, check the plan, draft the first quarter.

"OKR vs KPI vs MBO" gives the rules this package teaches:

* **Replace or coexist.** OKRs replace MBO when the year is unpredictable
  (annual targets go stale by Q2) or teams must course-correct between formal
  reviews. They coexist with MBO when pay, regulation or HR processes need an
  annual MBO record: MBO stays the formal record for pay and reviews, and OKRs
  run beside it as a separate change layer that is never tied to pay.
* **A one-year path.** Pilot OKRs in one team for a quarter while the rest stay
  on MBO; next quarter expand to a few teams and split OKR scoring from bonus;
  by Q3 every team is on quarterly OKRs and the year-end MBO review is the last
  annual cycle; the next year OKRs carry the strategy and the review becomes a
  development conversation, not a target verdict.
* **Guardrails.** No OKR score is ever linked to pay; no team runs OKRs on an
  annual cycle ("MBO in OKR clothing"); in a replacement every team reaches OKRs.

A plan is a tidy DataFrame, one row per team x quarter, with the columns in
:data:`PLAN_COLUMNS`. :func:`check_plan` applies the guardrails to any plan,
including one a user edited by hand.

What lives where: ``config`` (:data:`DEFAULT_MIGRATION_CONFIG`), ``profile``
(:class:`MigrationProfile`), ``assessment`` (:func:`assess_migration`, replace or
coexist), ``quarters`` and ``waves`` (reading a start quarter, the team list and
which teams start OKRs when), ``plan`` (:func:`plan_migration`, :data:`PLAN_COLUMNS`),
``guardrails`` (:func:`check_plan`) and ``first_quarter``
(:func:`draft_first_quarter`).
"""

from __future__ import annotations

from okr_toolkit.planning.migration.assessment import Assessment, Reason, assess_migration
from okr_toolkit.planning.migration.config import DEFAULT_MIGRATION_CONFIG
from okr_toolkit.planning.migration.first_quarter import FirstQuarterDraft, draft_first_quarter
from okr_toolkit.planning.migration.guardrails import check_plan
from okr_toolkit.planning.migration.plan import PLAN_COLUMNS, PLAN_FRAMEWORKS, plan_migration
from okr_toolkit.planning.migration.profile import MigrationProfile

__all__ = [
    "DEFAULT_MIGRATION_CONFIG",
    "PLAN_COLUMNS",
    "PLAN_FRAMEWORKS",
    "Assessment",
    "FirstQuarterDraft",
    "MigrationProfile",
    "Reason",
    "assess_migration",
    "check_plan",
    "draft_first_quarter",
    "plan_migration",
]
