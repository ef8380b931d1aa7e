"""Every tunable business convention of the toolkit, in one documented place.

The defaults come from the source articles (the one that states each is named
in brackets by its short title; see ``docs/sources.md``). Override them by
building your own :class:`Settings`, usually with :func:`dataclasses.replace`,
and pass it to the functions that take a ``settings`` argument.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

__all__ = ["DEFAULT_SETTINGS", "Settings", "settings_from"]


@dataclass(frozen=True)
class Settings:
    """Thresholds and limits that encode OKR / KPI / MBO conventions.

    Parameters
    ----------
    yellow_from, green_from
        Grade bands on the 0.0-1.0 score [KPI vs OKR — the difference that
        matters; Google's re:Work OKR guide]: red below ``yellow_from``
        (0.0-0.3), yellow from ``yellow_from`` up to ``green_from`` (0.4-0.6),
        green from ``green_from`` (0.7-1.0).
    aspirational_success
        Score that counts as success for an aspirational (stretch) OKR: 0.7
        [OKR vs KPI vs MBO; KPI vs OKR — the difference that matters].
    committed_success
        Score expected of a committed OKR: 1.0.
    sandbagging_share
        Share of a history of scores at 1.0 from which the targets read as not
        ambitious ("consistently 1.0") [OKR vs KPI vs MBO; KPI vs OKR — the
        difference that matters].
    overreach_mean
        Mean score of a history below which targets read as over-reaching.
    pacing_tolerance
        How far (in score units) a KR may sit below the straight-line pace
        before it reads as behind.
    kpi_tolerance
        Margin, as a fraction of the threshold, inside which a KPI on the right
        side of its threshold reads as "at risk" rather than "healthy".
    stall_periods
        Consecutive periods on the wrong side of a KPI threshold that make a
        stall; 2 is "missed twice in a row needs intervention" [OKR vs. KPI:
        Differences And Importance].
    max_objectives, max_key_results
        Focus limits: 3-5 objectives [OKR vs KPI vs MBO]; about 3 KRs each
        [OKR vs. KPI: Differences And Importance].
    kpi_count_range
        How many KPIs a whole company should track: 12-25 [OKR vs. KPI:
        Differences And Importance].
    bottom_up_share
        Share of OKRs set bottom-up: about 60% [OKR vs KPI vs MBO].

    Examples
    --------
    >>> from dataclasses import replace
    >>> strict = replace(DEFAULT_SETTINGS, green_from=0.8)
    >>> strict.green_from, DEFAULT_SETTINGS.green_from
    (0.8, 0.7)
    """

    yellow_from: float = 0.4
    green_from: float = 0.7
    aspirational_success: float = 0.7
    committed_success: float = 1.0
    sandbagging_share: float = 0.5
    overreach_mean: float = 0.3
    pacing_tolerance: float = 0.1
    kpi_tolerance: float = 0.05
    stall_periods: int = 2
    max_objectives: int = 5
    max_key_results: int = 3
    kpi_count_range: tuple[int, int] = (12, 25)
    bottom_up_share: float = 0.6

    def __post_init__(self) -> None:
        if not 0.0 < self.yellow_from < self.green_from <= 1.0:
            raise ValueError(
                "grade bands must satisfy 0 < yellow_from < green_from <= 1, "
                f"got yellow_from={self.yellow_from}, green_from={self.green_from}"
            )
        if self.stall_periods < 1:
            raise ValueError(f"stall_periods must be at least 1, got {self.stall_periods}")
        if self.kpi_tolerance < 0:
            raise ValueError(f"kpi_tolerance must be >= 0, got {self.kpi_tolerance}")


DEFAULT_SETTINGS = Settings()


def settings_from(values: Mapping[str, Any], *, source: str = "settings") -> Settings:
    """Settings from a mapping of field names to values (a YAML settings file, say).

    Fields left out keep their defaults. Every problem is reported at once: an
    unknown name (with the nearest known one), a value of the wrong type, or
    bands out of order.

    Examples
    --------
    >>> settings_from({"green_from": 0.8, "yellow_from": 0.5}).green_from
    0.8
    >>> settings_from({"green_form": 0.8}, source="team.yaml")
    Traceback (most recent call last):
    ...
    okr_toolkit.exceptions.OKRDataError: team.yaml: unknown setting 'green_form'; did you mean ...
    """
    import difflib

    from okr_toolkit.exceptions import OKRDataError

    if not isinstance(values, Mapping):
        raise OKRDataError(
            f"{source}: settings must be a mapping of names to values, such as "
            f"'green_from: 0.8', not {type(values).__name__}"
        )
    known = {f.name: f for f in fields(Settings)}
    problems: list[str] = []
    given: dict[str, Any] = {}
    for name, value in values.items():
        if name not in known:
            close = difflib.get_close_matches(str(name), list(known), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            problems.append(f"unknown setting {name!r}; {hint}the settings are {', '.join(known)}")
            continue
        default = getattr(DEFAULT_SETTINGS, name)
        if isinstance(default, tuple):
            ok = isinstance(value, list | tuple) and len(value) == len(default)
            ok = ok and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
            if not ok:
                problems.append(f"{name} must be two whole numbers such as [12, 25], got {value!r}")
                continue
            value = tuple(value)
        elif isinstance(value, bool) or not isinstance(value, int | float):
            problems.append(f"{name} must be a number, got {value!r}")
            continue
        elif isinstance(default, int) and not float(value).is_integer():
            problems.append(f"{name} must be a whole number, got {value!r}")
            continue
        given[name] = type(default)(value)
    if not problems:
        try:
            return replace(DEFAULT_SETTINGS, **given)
        except ValueError as err:
            problems.append(str(err))
    if len(problems) == 1:
        raise OKRDataError(f"{source}: {problems[0]}")
    raise OKRDataError(
        "\n".join([f"{source}: {len(problems)} problems:", *(f"  - {p}" for p in problems)])
    )
