"""Replace MBO with OKRs, or let the two coexist: the decision, its reasons and risks."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

import pandas as pd

from okr_toolkit.planning.migration.config import DEFAULT_MIGRATION_CONFIG
from okr_toolkit.planning.migration.profile import MigrationProfile

__all__ = ["Assessment", "Reason", "assess_migration"]


class Reason(NamedTuple):
    """One input of the profile and where it points."""

    input_name: str
    value: Any
    points_to: Literal["replace", "coexist", "neither"]
    why: str


@dataclass(frozen=True)
class Assessment:
    """The outcome of :func:`assess_migration`.

    Attributes
    ----------
    decision
        ``"replace"`` or ``"coexist"``.
    reasons
        One :class:`Reason` per profile input, so every part of the decision is
        traced to what the company said.
    risks
        The risks of the chosen path, each with what to do about it.
    summary
        One paragraph for the client.
    """

    decision: Literal["replace", "coexist"]
    reasons: tuple[Reason, ...]
    risks: tuple[str, ...]
    summary: str

    def to_frame(self) -> pd.DataFrame:
        """The reasons as a DataFrame: ``input_name, value, points_to, why``.

        Examples
        --------
        >>> p = MigrationProfile(True, False, False, True, False, teams=4)
        >>> assess_migration(p).to_frame()["points_to"].tolist()
        ['coexist', 'neither', 'neither', 'replace', 'neither', 'neither']
        """
        return pd.DataFrame(list(self.reasons), columns=list(Reason._fields))


_COEXIST_WHY = {
    "regulated": "a regulated industry needs the annual MBO record kept for accountability",
    "bonus_tied_to_annual_targets": (
        "bonuses are paid on annual targets, so MBO stays the record for pay; "
        "OKR scores must never take its place in bonus talks"
    ),
    "annual_review_in_hr": (
        "HR processes assume an annual review, so MBO stays the record for reviews"
    ),
}

_REPLACE_WHY = {
    "targets_stale_by_q2": (
        "annual targets go stale by Q2: MBO's annual cadence is a liability, "
        "quarterly OKRs let goals follow the year"
    ),
    "needs_mid_year_course_correction": (
        "teams must course-correct between formal reviews, which the "
        "ninety-day OKR loop (set, learn, adjust) allows"
    ),
}


def assess_migration(
    profile: MigrationProfile | Mapping[str, Any],
    *,
    config: Mapping[str, Any] = DEFAULT_MIGRATION_CONFIG,
) -> Assessment:
    """Replace MBO with OKRs, or let the two coexist? [OKR vs KPI vs MBO]

    Rules:

    * ``regulated``, ``bonus_tied_to_annual_targets``, ``annual_review_in_hr``
      point to **coexist**: MBO stays the formal record for pay and reviews and
      OKRs run as a separate change layer, never tied to pay.
    * ``targets_stale_by_q2``, ``needs_mid_year_course_correction`` point to
      **replace**: quarterly OKRs replace the annual cycle.
    * **Conflicts: any coexist constraint wins.** Pay, regulation and HR
      processes cannot be switched off by a goal framework; a company with a
      stale-by-Q2 year *and* a regulator gets OKRs for the change, beside MBO.
    * **Nothing either way** (a predictable year, no constraints): coexist,
      the cautious default. Nothing forces a replacement, and if the business
      genuinely plans annually MBO is the more honest choice; OKRs can be tried
      as a change layer and the question revisited when targets start to go stale.
    * ``teams`` never decides; from ``config["many_teams"]`` teams a longer
      rollout is listed as a risk.

    Parameters
    ----------
    profile
        A :class:`MigrationProfile` or a mapping of its fields.
    config
        Conventions, see :data:`DEFAULT_MIGRATION_CONFIG`.

    Examples
    --------
    >>> p = MigrationProfile(regulated=False, bonus_tied_to_annual_targets=False,
    ...                      annual_review_in_hr=False, targets_stale_by_q2=True,
    ...                      needs_mid_year_course_correction=True, teams=8)
    >>> a = assess_migration(p)
    >>> a.decision
    'replace'
    >>> [r.input_name for r in a.reasons if r.points_to == "replace"]
    ['targets_stale_by_q2', 'needs_mid_year_course_correction']
    >>> bank = {**p.__dict__, "regulated": True}
    >>> assess_migration(bank).decision
    'coexist'
    """
    if not isinstance(profile, MigrationProfile):
        profile = MigrationProfile.from_dict(profile)
    many = int(config["many_teams"])
    reasons = _reasons(profile, many)
    coexist_by = [r.input_name for r in reasons if r.points_to == "coexist"]
    replace_by = [r.input_name for r in reasons if r.points_to == "replace"]
    decision, summary = _decide(coexist_by, replace_by)
    risks = _risks(decision, bool(replace_by), profile.teams, many)
    return Assessment(decision, tuple(reasons), tuple(risks), summary)


def _reasons(profile: MigrationProfile, many: int) -> list[Reason]:
    """One reason per profile input: where it points and why."""
    reasons: list[Reason] = []
    for name, why in _COEXIST_WHY.items():
        value = getattr(profile, name)
        if value:
            reasons.append(Reason(name, value, "coexist", why))
        else:
            reasons.append(Reason(name, value, "neither", f"no constraint: not {_plain(name)}"))
    for name, why in _REPLACE_WHY.items():
        value = getattr(profile, name)
        if value:
            reasons.append(Reason(name, value, "replace", why))
        else:
            reasons.append(
                Reason(name, value, "neither", f"no push to replace: not {_plain(name)}")
            )
    reasons.append(
        Reason(
            "teams",
            profile.teams,
            "neither",
            "team count sets the length of the rollout, not the choice"
            + (
                f" ({profile.teams} teams is many: plan a longer rollout)"
                if profile.teams >= many
                else ""
            ),
        )
    )
    return reasons


def _decide(
    coexist_by: list[str], replace_by: list[str]
) -> tuple[Literal["replace", "coexist"], str]:
    """The decision (any coexist constraint wins; coexist when nothing points) and its summary."""
    if coexist_by:
        decision: Literal["replace", "coexist"] = "coexist"
        summary = (
            f"Coexist: {', '.join(coexist_by)} keep MBO as the formal record for pay and "
            "reviews; OKRs run beside it as a separate change layer, never tied to pay."
        )
        if replace_by:
            summary += (
                f" {', '.join(replace_by)} point to replacing, but a coexist constraint wins: "
                "pay, regulation and HR processes cannot be switched off by a goal framework."
            )
    elif replace_by:
        decision = "replace"
        summary = (
            f"Replace: {', '.join(replace_by)} make MBO's annual cadence a liability; "
            "move to quarterly OKRs over one year and unbundle scoring from pay."
        )
    else:
        decision = "coexist"
        summary = (
            "Coexist (cautious default): nothing forces a replacement and nothing requires "
            "MBO to go. Keep MBO, try OKRs as a change layer, and revisit when annual "
            "targets start to go stale."
        )
    return decision, summary


def _risks(
    decision: Literal["replace", "coexist"], pushed_to_replace: bool, teams: int, many: int
) -> list[str]:
    """The risks of the chosen path, each with what to do about it."""
    risks: list[str] = []
    if decision == "coexist":
        risks.append(
            "OKR scores creeping into bonus talks collapses both back into MBO: keep OKR "
            "scores out of every pay and rating discussion, in writing"
        )
        risks.append(
            "OKRs drifting to an annual cycle become MBO in OKR clothing: keep them quarterly"
        )
        risks.append(
            "two systems cost planning time: keep OKRs to the change agenda, not a copy of "
            "the MBO targets"
        )
        if pushed_to_replace:
            risks.append(
                "annual MBO targets will still go stale mid-year: keep them few and stable "
                "and let OKRs carry what changes; revisit the constraint each year"
            )
    else:
        risks.append(
            "the review must draw on observed behaviour and outcomes, not OKR scores; "
            "decide how before the year-end review"
        )
        risks.append(
            "people used to 100% MBO achievement read a 0.7 OKR score as failure: teach "
            "the grading before the pilot"
        )
        risks.append(
            "if OKR scoring is not split from bonus by the second quarter, stretch "
            "disappears and teams set targets they know they can hit"
        )
    if teams >= many:
        risks.append(
            f"{teams} teams: a longer rollout; plan more waves and carry the "
            "pilot's lessons to each one"
        )
    return risks


def _plain(name: str) -> str:
    return name.replace("_", " ")
