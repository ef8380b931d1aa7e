"""The teams of a migration, and which of them start OKRs in which quarter.

:func:`team_list` checks the team names; :func:`team_waves` gives the teams that
start OKRs in each of the first plan quarters: the waves a caller wrote out, checked
(every team in exactly one, the pilot first), or the default path of a pilot team,
then about a third of the teams, then the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from okr_toolkit.exceptions import OKRDataError

__all__ = ["team_list", "team_waves"]


def team_list(teams: Any) -> list[str]:
    """The team names as a list, refused when empty, blank, repeated or not a list.

    Examples
    --------
    >>> team_list(("Sales", "Ops"))
    ['Sales', 'Ops']
    >>> team_list(["Sales", "Sales"])
    Traceback (most recent call last):
    ...
    okr_toolkit.exceptions.OKRDataError: `teams` names 'Sales' more than once; ...
    """
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
    dupes = _repeated(names)
    if dupes:
        raise OKRDataError(
            f"`teams` names {', '.join(map(repr, dict.fromkeys(dupes)))} more than once; "
            "each team must appear once (rename one if two teams share a name)"
        )
    return names


def team_waves(
    teams: list[str],
    pilot_teams: Sequence[str] | None,
    waves: Sequence[Sequence[str]] | None,
    config: Mapping[str, Any],
) -> list[list[str]]:
    """Teams starting OKRs in each of the first (up to four) plan quarters.

    Examples
    --------
    >>> from okr_toolkit.planning.migration import DEFAULT_MIGRATION_CONFIG
    >>> team_waves(["A", "B", "C", "D"], None, None, DEFAULT_MIGRATION_CONFIG)
    [['A'], ['B'], ['C', 'D']]
    >>> team_waves(["A", "B", "C"], "C", [["C"], ["A", "B"]], DEFAULT_MIGRATION_CONFIG)
    [['C'], ['A', 'B']]
    """
    last = int(config["quarters"]) - 1  # every team must be on OKRs before the last quarter
    pilot = _pilot_list(pilot_teams, teams)
    if waves is not None:
        return _written_waves(waves, teams, pilot, last)
    pilot = pilot if pilot is not None else teams[:1]
    rest = [t for t in teams if t not in pilot]
    n_expand = min(len(rest), max(1, round(len(teams) * float(config["expand_share"]))))
    return [list(pilot), rest[:n_expand], rest[n_expand:]]


def _pilot_list(pilot_teams: Sequence[str] | None, teams: Sequence[str]) -> list[str] | None:
    """The pilot team(s) as a list of known teams, or None when not given."""
    if pilot_teams is None:
        return None
    pilot = [pilot_teams] if isinstance(pilot_teams, str) else list(pilot_teams)
    if not pilot:
        raise OKRDataError("`pilot_teams` is empty: name at least one team to pilot OKRs")
    _unknown(pilot, teams, "pilot team(s)")
    return pilot


def _written_waves(
    waves: Any, teams: Sequence[str], pilot: list[str] | None, last: int
) -> list[list[str]]:
    """The waves a caller wrote out, as lists: each team in exactly one, the pilot first."""
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
    twice = _repeated(flat)
    if twice:
        raise OKRDataError(
            f"team(s) {', '.join(map(repr, dict.fromkeys(twice)))} appear in more than one "
            "wave; each team starts OKRs once"
        )
    placed = set(flat)
    missing = [t for t in teams if t not in placed]
    if missing:
        raise OKRDataError(
            f"team(s) {', '.join(map(repr, missing))} are in no wave; every team must "
            "reach OKRs, so add them to a wave"
        )
    if pilot is not None and set(pilot) != set(out[0]):
        raise OKRDataError(
            f"`pilot_teams` {pilot!r} differ from the first wave {out[0]!r}; give one or the other"
        )
    return out


def _repeated(names: Iterable[str]) -> list[str]:
    """Every name that has been seen before, in order (a name three times is listed twice)."""
    seen: set[str] = set()
    dupes: list[str] = []
    for t in names:
        if t in seen:
            dupes.append(t)
        seen.add(t)
    return dupes


def _unknown(given: Iterable[Any], teams: Sequence[str], what: str) -> None:
    """Refuse names that are not among ``teams``, naming them and the known teams."""
    unknown = [t for t in given if t not in teams]
    if unknown:
        raise OKRDataError(
            f"{what} {', '.join(map(repr, unknown))} not in `teams` "
            f"({', '.join(map(repr, teams))}); add it to `teams` or fix the spelling"
        )
