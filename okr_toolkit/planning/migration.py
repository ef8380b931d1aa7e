"""Moving from MBO to OKRs: decide, plan, check the plan, draft the first quarter.

"OKR vs KPI vs MBO" gives the rules this module teaches:

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
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any, Literal, NamedTuple

import numpy as np
import pandas as pd

from okr_toolkit._validate import require_columns, to_float_array
from okr_toolkit.exceptions import OKRDataError

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

#: Tunable conventions of this module, in one place (override by passing your own
#: values where a function takes them). ``quarters``: length of a replacement plan,
#: the migration year plus the first quarter of the next [OKR vs KPI vs MBO].
#: ``expand_share``: share of all teams that join in the second quarter ("a few
#: more teams", about a third). ``many_teams``: from this many teams the rollout
#: risk is flagged (a judgement, not from a seed). ``committed_words``: wording that
#: marks an MBO target as an obligation, drafted as a committed KR.
DEFAULT_MIGRATION_CONFIG: Mapping[str, Any] = {
    "quarters": 5,
    "expand_share": 1 / 3,
    "many_teams": 15,
    "committed_words": (
        "regulat",
        "complian",
        "legal",
        "audit",
        "statutory",
        "mandatory",
        "licen",
        "safety",
        "obligat",
        "sla",
    ),
}

#: The framework a team works under in a plan quarter.
PLAN_FRAMEWORKS: tuple[str, ...] = ("MBO", "OKR pilot", "OKR", "MBO + OKR")
_OKR_FRAMEWORKS = ("OKR pilot", "OKR", "MBO + OKR")
_CADENCES = ("annual", "quarterly")
_REVIEWS = ("target verdict", "development conversation")
_STRATEGIES = ("replace", "coexist")

#: Columns of a migration plan, in order.
PLAN_COLUMNS: tuple[str, ...] = (
    "team",
    "quarter",
    "quarter_index",
    "framework",
    "cadence",
    "okr_pay_decoupled",
    "review",
    "milestone",
    "strategy",
)

_QUARTER = re.compile(r"^\s*(?:(\d{4})\s*-?\s*Q([1-4])|Q([1-4])\s*[- ]?\s*(\d{4}))\s*$", re.I)


# --------------------------------------------------------------------------- assess


@dataclass(frozen=True)
class MigrationProfile:
    """What a consultant learns about a company in a workshop.

    Parameters
    ----------
    regulated
        Does a regulator expect an annual, auditable objectives record?
    bonus_tied_to_annual_targets
        Are bonuses paid on achievement of annual targets?
    annual_review_in_hr
        Do HR processes (ratings, promotions) assume an annual review?
    targets_stale_by_q2
        Is the year unpredictable: do annual targets go stale by Q2?
    needs_mid_year_course_correction
        Must teams change course between formal reviews?
    teams
        Number of teams that would take part (at least 1).

    Examples
    --------
    >>> MigrationProfile(False, False, False, True, True, teams=8).teams
    8
    >>> MigrationProfile("yes", False, False, True, True, teams=8)
    Traceback (most recent call last):
    ...
    okr_toolkit.exceptions.OKRDataError: profile field 'regulated' must be True or False, ...
    """

    regulated: bool
    bonus_tied_to_annual_targets: bool
    annual_review_in_hr: bool
    targets_stale_by_q2: bool
    needs_mid_year_course_correction: bool
    teams: int

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "teams":
                if isinstance(value, bool | np.bool_) or not isinstance(value, int | np.integer):
                    raise OKRDataError(
                        f"profile field 'teams' must be a whole number of teams, got {value!r} "
                        f"({type(value).__name__})"
                    )
                if value < 1:
                    raise OKRDataError(
                        f"profile field 'teams' must be at least 1, got {value}; "
                        "a migration needs at least one team"
                    )
                object.__setattr__(self, "teams", int(value))
            elif isinstance(value, bool | np.bool_):
                object.__setattr__(self, f.name, bool(value))
            else:
                raise OKRDataError(
                    f"profile field {f.name!r} must be True or False, got {value!r} "
                    f"({type(value).__name__})"
                )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MigrationProfile:
        """Build a profile from a mapping with exactly the field names.

        Examples
        --------
        >>> answers = {"regulated": True, "bonus_tied_to_annual_targets": False,
        ...            "annual_review_in_hr": False, "targets_stale_by_q2": False,
        ...            "needs_mid_year_course_correction": False, "teams": 3}
        >>> MigrationProfile.from_dict(answers).regulated
        True
        """
        if not isinstance(data, Mapping):
            raise OKRDataError(f"a migration profile must be a mapping, got {type(data).__name__}")
        names = [f.name for f in fields(cls)]
        missing = [n for n in names if n not in data]
        unknown = [k for k in data if k not in names]
        if missing or unknown:
            parts = []
            if missing:
                parts.append(f"missing {', '.join(map(repr, missing))}")
            if unknown:
                parts.append(f"unknown {', '.join(map(repr, unknown))}")
            raise OKRDataError(
                f"migration profile: {'; '.join(parts)}. Give exactly these fields: "
                f"{', '.join(names)}"
            )
        return cls(**{n: data[n] for n in names})


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
    many = int(config["many_teams"])
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

    coexist_by = [r.input_name for r in reasons if r.points_to == "coexist"]
    replace_by = [r.input_name for r in reasons if r.points_to == "replace"]
    risks: list[str] = []
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
        if replace_by:
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
    if profile.teams >= many:
        risks.append(
            f"{profile.teams} teams: a longer rollout; plan more waves and carry the "
            "pilot's lessons to each one"
        )
    return Assessment(decision, tuple(reasons), tuple(risks), summary)


def _plain(name: str) -> str:
    return name.replace("_", " ")


# --------------------------------------------------------------------------- plan


def _parse_quarter(quarter: Any, name: str = "start_quarter") -> pd.Period:
    if isinstance(quarter, pd.Period):
        return quarter.asfreq("Q")
    if isinstance(quarter, str):
        m = _QUARTER.match(quarter)
        if m:
            year = int(m.group(1) or m.group(4))
            q = int(m.group(2) or m.group(3))
            return pd.Period(year=year, quarter=q, freq="Q")
    raise OKRDataError(
        f"`{name}` {quarter!r} is not a quarter; write it like '2026Q1' or 'Q1 2026' "
        "(quarters run Q1 to Q4)"
    )


def _team_list(teams: Any) -> list[str]:
    if isinstance(teams, str) or not isinstance(teams, Iterable):
        raise OKRDataError(
            f"`teams` must be a list of team names such as ['Sales', 'Ops'], got {teams!r}"
        )
    names = list(teams)
    if not names:
        raise OKRDataError("`teams` is empty: a migration plan needs at least one team")
    bad = [t for t in names if not isinstance(t, str) or not t.strip()]
    if bad:
        raise OKRDataError(
            f"`teams` must hold non-empty team names (text); got {', '.join(map(repr, bad[:5]))}"
        )
    seen: set[str] = set()
    dupes: list[str] = []
    for t in names:
        if t in seen:
            dupes.append(t)
        seen.add(t)
    if dupes:
        raise OKRDataError(
            f"`teams` names {', '.join(map(repr, dict.fromkeys(dupes)))} more than once; "
            "each team must appear once (rename one if two teams share a name)"
        )
    return names


def _unknown(given: Iterable[Any], teams: Sequence[str], what: str) -> None:
    unknown = [t for t in given if t not in teams]
    if unknown:
        raise OKRDataError(
            f"{what} {', '.join(map(repr, unknown))} not in `teams` "
            f"({', '.join(map(repr, teams))}); add it to `teams` or fix the spelling"
        )


def _waves(
    teams: list[str],
    pilot_teams: Sequence[str] | None,
    waves: Sequence[Sequence[str]] | None,
    config: Mapping[str, Any],
) -> list[list[str]]:
    """Teams starting OKRs in each of the first (up to four) plan quarters."""
    last = int(config["quarters"]) - 1  # every team must be on OKRs before the last quarter
    if pilot_teams is not None:
        if isinstance(pilot_teams, str):
            pilot_teams = [pilot_teams]
        pilot_teams = list(pilot_teams)
        if not pilot_teams:
            raise OKRDataError("`pilot_teams` is empty: name at least one team to pilot OKRs")
        _unknown(pilot_teams, teams, "pilot team(s)")
    if waves is not None:
        if isinstance(waves, str) or not isinstance(waves, Iterable):
            raise OKRDataError(
                "`waves` must be a list of team lists, one per quarter, "
                f"e.g. [['Sales'], ['Ops', 'HR']]; got {waves!r}"
            )
        out = [[wave] if isinstance(wave, str) else list(wave) for wave in waves]
        if not out or not out[0]:
            raise OKRDataError("`waves` must start with at least one pilot team in its first list")
        if len(out) > last:
            raise OKRDataError(
                f"`waves` has {len(out)} quarters; give at most {last} so every team is on "
                "OKRs before the plan's last quarter"
            )
        flat = [t for wave in out for t in wave]
        _unknown(flat, teams, "team(s) in `waves`")
        seen: set[str] = set()
        twice: list[str] = []
        for t in flat:
            if t in seen:
                twice.append(t)
            seen.add(t)
        if twice:
            raise OKRDataError(
                f"team(s) {', '.join(map(repr, dict.fromkeys(twice)))} appear in more than one "
                "wave; each team starts OKRs once"
            )
        missing = [t for t in teams if t not in seen]
        if missing:
            raise OKRDataError(
                f"team(s) {', '.join(map(repr, missing))} are in no wave; every team must "
                "reach OKRs, so add them to a wave"
            )
        if pilot_teams is not None and set(pilot_teams) != set(out[0]):
            raise OKRDataError(
                f"`pilot_teams` {pilot_teams!r} differ from the first wave {out[0]!r}; "
                "give one or the other"
            )
        return out
    pilot = pilot_teams if pilot_teams is not None else teams[:1]
    rest = [t for t in teams if t not in pilot]
    n_expand = min(len(rest), max(1, round(len(teams) * float(config["expand_share"]))))
    return [list(pilot), rest[:n_expand], rest[n_expand:]]


def plan_migration(
    teams: Sequence[str],
    start_quarter: str | pd.Period,
    *,
    strategy: Literal["replace", "coexist"] = "replace",
    pilot_teams: Sequence[str] | None = None,
    waves: Sequence[Sequence[str]] | None = None,
    config: Mapping[str, Any] = DEFAULT_MIGRATION_CONFIG,
) -> pd.DataFrame:
    """A quarter-by-quarter migration plan, one row per team x quarter.

    The plan covers ``config["quarters"]`` quarters (5: the migration year and
    the first quarter of the next) from ``start_quarter``, which may be any
    quarter; the four quarters from it are treated as the migration year, so
    start in the quarter your MBO year starts.

    ``"replace"`` follows the one-year path of "OKR vs KPI vs MBO":

    ===========  ==============================================================
    quarter      what happens
    ===========  ==============================================================
    1st          pilot team(s) on ``"OKR pilot"`` (default: the first team);
                 everyone else stays on ``"MBO"``
    2nd          a few more teams join (default: about a third of all teams);
                 OKR scoring split from bonus for everyone
    3rd          every team on quarterly ``"OKR"``
    4th          the year-end MBO review, the last annual target verdict
    5th          OKRs carry the strategy; review is a development conversation
    ===========  ==============================================================

    ``"coexist"``: MBO stays the pay-and-review record for every team (review
    ``"target verdict"``, for pay) and OKRs roll out in the same waves as a
    quarterly change layer (framework ``"MBO + OKR"``), decoupled from pay from
    the first quarter.

    Parameters
    ----------
    teams
        Unique team names.
    start_quarter
        ``"2026Q1"``, ``"Q1 2026"`` or a quarterly ``pandas.Period``.
    strategy
        ``"replace"`` or ``"coexist"`` (see :func:`assess_migration`).
    pilot_teams
        Team(s) piloting OKRs in the first quarter.
    waves
        Explicit lists of teams starting OKRs in each quarter, the first being
        the pilot, at most ``quarters - 1`` lists; every team in exactly one.
    config
        Conventions, see :data:`DEFAULT_MIGRATION_CONFIG`.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`PLAN_COLUMNS`: ``team``, ``quarter`` (``"2026Q1"``),
        ``quarter_index`` (0, 1, ...), ``framework`` (``"MBO"``, ``"OKR pilot"``,
        ``"OKR"``, ``"MBO + OKR"``), ``cadence`` (``"annual"`` for MBO only,
        ``"quarterly"`` wherever OKRs run), ``okr_pay_decoupled`` (the rule "OKR
        scores never feed pay" is in force for the team), ``review``
        (``"target verdict"`` or ``"development conversation"``), ``milestone``
        (that quarter's step, ``""`` if none) and ``strategy``.

    Raises
    ------
    OKRDataError
        For no teams, duplicate names, a pilot or wave team not in ``teams``, a
        malformed start quarter or an unknown strategy.

    Examples
    --------
    >>> plan = plan_migration(["Sales", "Ops", "Product"], "2026Q3")
    >>> plan.pivot(index="team", columns="quarter", values="framework")
    quarter 2026Q3 2026Q4 2027Q1 2027Q2 2027Q3
    team
    Ops        MBO    OKR    OKR    OKR    OKR
    Product    MBO    MBO    OKR    OKR    OKR
    Sales  OKR pilot  OKR    OKR    OKR    OKR
    >>> check_plan(plan)
    []
    """
    if strategy not in _STRATEGIES:
        raise OKRDataError(
            f"`strategy` must be one of {', '.join(map(repr, _STRATEGIES))}, got {strategy!r}"
        )
    names = _team_list(teams)
    start = _parse_quarter(start_quarter)
    plan_waves = _waves(names, pilot_teams, waves, config)
    n_q = int(config["quarters"])
    starts = {t: i for i, wave in enumerate(plan_waves) for t in wave}
    all_in = max(i for i, wave in enumerate(plan_waves) if wave)
    year_end = 3  # the fourth quarter closes the migration year

    rows = []
    for q in range(n_q):
        label = str(start + q)
        milestone = _milestone(q, plan_waves, all_in, year_end, strategy)
        for team in names:
            on_okr = q >= starts[team]
            if strategy == "replace":
                if not on_okr:
                    framework = "MBO"
                elif q == 0:
                    framework = "OKR pilot"
                else:
                    framework = "OKR"
                decoupled = on_okr or q >= 1  # the split is company-wide from quarter 2
                review = "development conversation" if q > year_end else "target verdict"
            else:
                framework = "MBO + OKR" if on_okr else "MBO"
                decoupled = True
                review = "target verdict"
            rows.append(
                (
                    team,
                    label,
                    q,
                    framework,
                    "quarterly" if on_okr else "annual",
                    decoupled,
                    review,
                    milestone,
                    strategy,
                )
            )
    plan = pd.DataFrame(rows, columns=list(PLAN_COLUMNS))
    plan["quarter_index"] = plan["quarter_index"].astype("int64")
    plan["okr_pay_decoupled"] = plan["okr_pay_decoupled"].astype(bool)
    return plan


def _milestone(q: int, waves: list[list[str]], all_in: int, year_end: int, strategy: str) -> str:
    joining = waves[q] if q < len(waves) else []
    parts: list[str] = []
    if strategy == "replace":
        if q == 0:
            parts.append(
                f"pilot OKRs for one quarter in {', '.join(joining)}; everyone else stays on MBO"
            )
        elif joining and q == all_in:
            parts.append(f"all teams on quarterly OKRs ({len(joining)} join now)")
        elif joining:
            parts.append(f"expand OKRs to {len(joining)} more team(s)")
        if q == 1:
            parts.append("OKR scoring split from bonus for everyone")
        if q == year_end:
            parts.append("year-end MBO review: the last annual target verdict")
        if q == year_end + 1:
            parts.append("OKRs carry the strategy; the review becomes a development conversation")
    else:
        if q == 0:
            parts.append(
                "MBO stays the record for pay and reviews; OKR scores never feed pay; "
                f"OKR change layer starts in {', '.join(joining)}"
            )
        elif joining and q == all_in:
            parts.append(f"OKR change layer in all teams ({len(joining)} join now)")
        elif joining:
            parts.append(f"OKR change layer in {len(joining)} more team(s)")
        if q == year_end:
            parts.append("year-end MBO review for pay, as before; OKR scores stay out of it")
    return "; ".join(parts)


# --------------------------------------------------------------------------- check


def check_plan(plan: pd.DataFrame, *, strict: bool = False) -> list[str]:
    """Every guardrail problem in a migration plan, including a hand-edited one.

    Checks: the :data:`PLAN_COLUMNS` are present; values are known; one row per
    team x quarter with every team in every quarter; **no OKR score linked to
    pay** (an OKR row with ``okr_pay_decoupled`` not ``True``); **no OKR row on
    an annual cadence**; one strategy; for ``"replace"``, **every team on
    "OKR" in the final quarter**; for ``"coexist"``, MBO stays the record
    (no pure ``"OKR"`` rows).

    Parameters
    ----------
    plan
        A plan as made by :func:`plan_migration`, possibly edited.
    strict
        Raise :class:`~okr_toolkit.exceptions.OKRDataError` listing every problem
        instead of returning them.

    Returns
    -------
    list of str
        One message per problem, naming team and quarter and the fix; empty when
        the plan keeps every guardrail.

    Examples
    --------
    >>> plan = plan_migration(["Sales", "Ops"], "2026Q1")
    >>> plan.loc[plan["quarter"] == "2026Q3", "okr_pay_decoupled"] = False
    >>> for problem in check_plan(plan):
    ...     print(problem[:60])
    Sales in 2026Q3: OKR score linked to pay (okr_pay_decoupled
    Ops in 2026Q3: OKR score linked to pay (okr_pay_decoupled is
    """
    problems = _check(plan)
    if strict and problems:
        raise OKRDataError(
            f"{len(problems)} problem(s) in the migration plan:\n"
            + "\n".join(f"  - {p}" for p in problems)
        )
    return problems


def _check(plan: Any) -> list[str]:
    if not isinstance(plan, pd.DataFrame):
        return [f"a migration plan must be a pandas DataFrame, got {type(plan).__name__}"]
    missing = [c for c in PLAN_COLUMNS if c not in plan.columns]
    if missing:
        return [
            f"the plan is missing column(s) {', '.join(map(repr, missing))}; "
            "make it with plan_migration() and edit the values, not the columns"
        ]
    if plan.empty:
        return ["the plan has no rows; make it with plan_migration()"]
    problems: list[str] = []
    frame = plan.reset_index(drop=True)

    def where(i: int | np.intp) -> str:
        return f"{frame.at[i, 'team']} in {frame.at[i, 'quarter']}"

    for column, allowed in (
        ("framework", PLAN_FRAMEWORKS),
        ("cadence", _CADENCES),
        ("review", _REVIEWS),
        ("strategy", _STRATEGIES),
    ):
        bad = ~frame[column].isin(allowed).to_numpy()
        for i in np.flatnonzero(bad):
            problems.append(
                f"{where(i)}: {column} {frame.at[i, column]!r} is not one of "
                f"{', '.join(map(repr, allowed))}"
            )

    dup = frame.duplicated(["team", "quarter"], keep="first").to_numpy()
    for i in np.flatnonzero(dup):
        problems.append(f"{where(i)}: more than one row; keep one row per team and quarter")
    quarters = list(dict.fromkeys(frame["quarter"]))
    for team, rows in frame.groupby("team", sort=False)["quarter"]:
        absent = [q for q in quarters if q not in set(rows)]
        if absent:
            problems.append(
                f"{team} has no row for {', '.join(map(str, absent))}; "
                "every team needs a row in every quarter"
            )

    decoupled = frame["okr_pay_decoupled"].astype(object)
    is_bool = decoupled.map(lambda v: isinstance(v, bool | np.bool_)).to_numpy(dtype=bool)
    for i in np.flatnonzero(~is_bool):
        problems.append(
            f"{where(i)}: okr_pay_decoupled must be True or False, got {decoupled.iat[i]!r}"
        )
    on_okr = frame["framework"].isin(_OKR_FRAMEWORKS).to_numpy()
    is_true = decoupled.map(lambda v: v is True or v is np.True_).to_numpy(dtype=bool)
    for i in np.flatnonzero(on_okr & is_bool & ~is_true):
        problems.append(
            f"{where(i)}: OKR score linked to pay (okr_pay_decoupled is False); set it to "
            "True and pay on the MBO record or observed outcomes, never the OKR score"
        )
    annual = (frame["cadence"] == "annual").to_numpy()
    for i in np.flatnonzero(on_okr & annual):
        problems.append(
            f"{where(i)}: {frame.at[i, 'framework']} on an annual cadence is MBO in OKR "
            "clothing; set cadence to 'quarterly'"
        )

    strategies = [s for s in dict.fromkeys(frame["strategy"]) if s in _STRATEGIES]
    if len(strategies) > 1:
        problems.append(
            f"the plan mixes strategies {', '.join(map(repr, strategies))}; use one per plan"
        )
    elif strategies == ["replace"]:
        idx = pd.to_numeric(frame["quarter_index"], errors="coerce")
        final = frame[idx == idx.max()]
        for team in frame["team"].drop_duplicates():
            rows = final[final["team"] == team]
            if not (rows["framework"] == "OKR").any():
                shown = rows["framework"].iat[0] if len(rows) else "no row"
                quarter = final["quarter"].iat[0] if len(final) else "the last quarter"
                problems.append(
                    f"{team} is on {shown} in the final quarter {quarter}; in a replacement "
                    "every team must reach 'OKR' by the plan's end"
                )
    elif strategies == ["coexist"]:
        pure = frame["framework"].isin(["OKR", "OKR pilot"]).to_numpy()
        for i in np.flatnonzero(pure):
            problems.append(
                f"{where(i)}: framework {frame.at[i, 'framework']!r} in a coexist plan; MBO "
                "stays the record for pay and reviews, so use 'MBO + OKR'"
            )
    return problems


# --------------------------------------------------------------------------- draft


class FirstQuarterDraft(NamedTuple):
    """The first quarter's OKRs drafted from MBO targets, and what is left to decide."""

    okrs: pd.DataFrame
    decisions: list[str]


_TARGET_COLUMNS = ("team", "owner", "target", "metric", "annual_value", "baseline", "purpose")


def draft_first_quarter(
    mbo_targets: pd.DataFrame,
    quarter: str | pd.Period,
    *,
    config: Mapping[str, Any] = DEFAULT_MIGRATION_CONFIG,
) -> FirstQuarterDraft:
    """Draft the first quarter's OKRs from last year's MBO targets.

    MBO targets are annual, individual and pay-linked; the draft turns each
    into a team OKR for one quarter:

    * the **objective** comes from the target's ``purpose`` (why it matters),
      one objective per team and purpose;
    * one **quarterly KR** per target: a quarter's share of the way from
      ``baseline`` to ``annual_value``, **linear** (a quarter of the distance),
      a placeholder for the team to raise into a stretch;
    * ``committed`` is True for obligations (regulatory, compliance, audit,
      legal, safety, SLA wording in target, metric or purpose, see
      ``config["committed_words"]``), else the KR is aspirational;
    * ``pay_linked`` is False everywhere: OKR scores never feed pay;
    * a target with ``annual_value == baseline`` holds a level rather than
      changing it; it is left out and listed as a KPI candidate.

    Parameters
    ----------
    mbo_targets
        Columns ``team, owner, target, metric, annual_value, baseline, purpose,
        pay_linked`` (``pay_linked`` optional). Not modified.
    quarter
        The first OKR quarter, ``"2026Q1"`` or ``"Q1 2026"``.
    config
        Conventions, see :data:`DEFAULT_MIGRATION_CONFIG`.

    Returns
    -------
    FirstQuarterDraft
        ``okrs``: columns ``team, quarter, objective, key_result, metric,
        baseline, target, annual_value, committed, kind, owner, pay_linked,
        from_target``; ``decisions``: what a human must still decide.

    Examples
    --------
    >>> mbo = pd.DataFrame({
    ...     "team": ["Sales", "Sales"], "owner": ["Ana", "Ben"],
    ...     "target": ["Grow annual revenue to $12M", "Pass the SOX compliance audit"],
    ...     "metric": ["revenue ($M)", "audit findings open"],
    ...     "annual_value": [12.0, 0.0], "baseline": [8.0, 12.0],
    ...     "purpose": ["fund the expansion into Spain", "stay licensed to trade"],
    ...     "pay_linked": [True, True]})
    >>> okrs, decisions = draft_first_quarter(mbo, "2026Q1")
    >>> okrs["objective"].tolist()
    ['Fund the expansion into Spain', 'Stay licensed to trade']
    >>> print(okrs[["key_result", "committed"]].to_string(index=False))
                                                  key_result  committed
        Move revenue ($M) from 8 to 9 by the end of 2026Q1      False
    Move audit findings open from 12 to 9 by the end of 2026Q1       True
    >>> bool(okrs["pay_linked"].any())
    False
    >>> len(decisions) >= 4
    True
    """
    require_columns(mbo_targets, _TARGET_COLUMNS, "mbo_targets")
    if mbo_targets.empty:
        raise OKRDataError("mbo_targets has no rows; give at least one MBO target to convert")
    period = _parse_quarter(quarter, "quarter")
    label = str(period)
    frame = mbo_targets.reset_index(drop=True)
    labels = frame["target"].astype(str).to_numpy()
    annual = to_float_array(frame["annual_value"], "annual_value", labels, noun="MBO target")
    base = to_float_array(frame["baseline"], "baseline", labels, noun="MBO target")
    bad = ~(np.isfinite(annual) & np.isfinite(base))
    if bad.any():
        names = ", ".join(repr(t) for t in labels[bad][:5])
        raise OKRDataError(
            f"MBO target(s) {names}: annual_value and baseline must both be given as numbers; "
            "fill in the missing value"
        )

    decisions: list[str] = []
    hold = annual == base
    for t in labels[hold]:
        decisions.append(
            f"target {t!r} holds its metric at {base[labels == t][0]:g} rather than moving it: "
            "keep it as a KPI (a threshold to defend), not a key result, or give it a new target"
        )
    keep = ~hold
    kept = frame[keep].reset_index(drop=True)
    share = (annual[keep] - base[keep]) / 4.0
    quarter_target = base[keep] + share

    text = (
        kept["target"].astype(str)
        + " "
        + kept["metric"].astype(str)
        + " "
        + kept["purpose"].fillna("").astype(str)
    ).str.lower()
    words = "|".join(re.escape(w) for w in config["committed_words"])
    committed = text.str.contains(rf"\b(?:{words})", regex=True).to_numpy(dtype=bool)

    purpose = kept["purpose"]
    no_purpose = purpose.isna() | (purpose.astype(str).str.strip() == "")
    objective = purpose.astype(str).str.strip().str.rstrip(".")
    objective = objective.str[:1].str.upper() + objective.str[1:]
    for t in kept.loc[no_purpose, "target"]:
        decisions.append(
            f"target {t!r} has no purpose: write why it matters; "
            "that sentence becomes the objective"
        )
    objective = objective.where(
        ~no_purpose, "(write the objective: why does '" + kept["target"].astype(str) + "' matter?)"
    )

    metric = kept["metric"].astype(str)
    kr = [
        f"Move {m} from {b:g} to {q:g} by the end of {label}"
        for m, b, q in zip(metric, base[keep], quarter_target, strict=True)
    ]
    okrs = pd.DataFrame(
        {
            "team": kept["team"].to_numpy(),
            "quarter": label,
            "objective": objective.to_numpy(),
            "key_result": kr,
            "metric": metric.to_numpy(),
            "baseline": base[keep],
            "target": quarter_target,
            "annual_value": annual[keep],
            "committed": committed,
            "kind": np.where(committed, "committed", "aspirational"),
            "owner": kept["owner"].to_numpy(),
            "pay_linked": np.zeros(len(kept), dtype=bool),
            "from_target": kept["target"].to_numpy(),
        }
    )

    n_pay = int(_truthy(frame["pay_linked"]).sum()) if "pay_linked" in frame.columns else 0
    decisions += [
        "stretch level: each KR target is a linear quarter of the way to the annual value; "
        "raise aspirational KRs to a level where 0.6-0.7 counts as success, and keep "
        "committed KRs at what must be delivered",
        "which targets stay KPIs: steady-state targets belong on the KPI dashboard, "
        "not in the OKRs",
        "how reviews will use outcomes: the review draws on observed behaviour and outcomes, "
        "never on OKR scores",
        "ownership: MBO targets were individual; agree which team owns each KR "
        "(the former MBO owner is only a suggestion)",
        "how many objectives to keep: merge or drop until each team has 3-5",
    ]
    if n_pay:
        decisions.append(
            f"pay: {n_pay} target(s) were pay-linked; decide what pay follows now (the MBO "
            "record during the migration year, observed outcomes after) - never the OKR score"
        )
    return FirstQuarterDraft(okrs, decisions)


def _truthy(values: pd.Series) -> pd.Series:
    return values.map(
        lambda v: v is True or v is np.True_ or v == 1 or str(v).lower() in ("true", "yes")
    )
