"""What a company tells the consultant: the inputs of the replace-or-coexist decision."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

import numpy as np

from okr_toolkit.exceptions import OKRDataError

__all__ = ["MigrationProfile"]


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
