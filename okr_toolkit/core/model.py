"""Small frozen types for single things: a Key Result, an Objective, a KPI.

Collections are tidy DataFrames (one row per KR); these types are for building
and reading one item at a time, and convert to and from those frames. A KR is
always ``baseline``, ``target``, ``current``, ``direction``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

import pandas as pd

from okr_toolkit._validate import to_float_array
from okr_toolkit.core.changes import implied_targets
from okr_toolkit.core.grades import grade
from okr_toolkit.core.kpis import kpi_status
from okr_toolkit.core.scoring import Method, score
from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.vocab import DIRECTIONS, OKR_COLUMNS

__all__ = ["KPI", "KeyResult", "Objective", "objectives_to_frame"]


@dataclass(frozen=True)
class KeyResult:
    """One Key Result: a measurable outcome moved from a baseline to a target.

    ``direction`` defaults to increase or decrease from the numbers. Threshold
    and milestone KRs must say so (see :mod:`okr_toolkit.core.scoring`).

    Examples
    --------
    >>> kr = KeyResult("kr1", "Cut sales cycle", baseline=45, target=30, current=36, unit="days")
    >>> kr.direction, kr.score(), kr.grade()
    ('decrease', 0.6, 'yellow')
    >>> KeyResult("kr2", "Lift activation", baseline=42, target=42)
    Traceback (most recent call last):
    ...
    okr_toolkit.exceptions.OKRDataError: key result 'kr2': target 42 equals baseline 42; ...
    """

    kr_id: str
    statement: str
    baseline: float = math.nan
    target: float = math.nan
    current: float = math.nan
    direction: str = ""
    unit: str = ""
    weight: float = 1.0
    kpi: str = ""
    committed: bool = False
    owner: str = ""
    guardrail: bool = False
    pay_linked: bool = False

    def __post_init__(self) -> None:
        labels = [self.kr_id]
        for name in ("baseline", "target", "weight"):
            # Numbers only: text such as "42" or "n/a" is refused with the KR named.
            value = float(to_float_array(getattr(self, name), name, labels))
            object.__setattr__(self, name, value)
        if not (self.weight >= 0 and math.isfinite(self.weight)):
            raise OKRDataError(
                f"key result {self.kr_id!r}: weight {self.weight:g} must be a finite number >= 0"
            )
        direction = self.direction
        if direction is None or (isinstance(direction, float) and math.isnan(direction)):
            direction = ""
        why = ""
        if math.isnan(self.target) and not math.isnan(self.baseline):
            target, why = self._target_from_statement()
            object.__setattr__(self, "target", target)
        if not direction:
            if math.isnan(self.target) or math.isnan(self.baseline):
                because = f" ({why})" if why else ""
                raise OKRDataError(
                    f"key result {self.kr_id!r}: give a baseline and a target{because}, or "
                    f"say its direction ({', '.join(DIRECTIONS)})"
                )
            direction = "decrease" if self.target < self.baseline else "increase"
            object.__setattr__(self, "direction", direction)
        # Validate everything scoring needs, with the current value set aside.
        probe = self.baseline if direction in ("increase", "decrease") else self.target
        if direction == "milestone" or not math.isfinite(probe):
            probe = 0.0  # a stand-in current: only the KR's own fields are judged here
        score(probe, self.baseline, self.target, direction, labels=[self.kr_id])

    def _target_from_statement(self) -> tuple[float, str]:
        """The target a change in the statement ("by 20%") implies from the baseline."""
        from okr_toolkit.statements import parse_statement

        reading = parse_statement(self.statement)
        targets, why = implied_targets(
            pd.Series([self.baseline]),
            pd.Series([reading.relative_change], dtype="float64"),
            pd.Series([reading.absolute_change], dtype="float64"),
            change_unit=pd.Series([reading.unit], dtype=object),
            kr_unit=pd.Series([self.unit], dtype=object),
        )
        return float(targets.iloc[0]), str(why.iloc[0])

    def score(self, current: float | None = None, *, method: Method = "clamped") -> float:
        """Score at ``current`` (default: the KR's own current value)."""
        value = self.current if current is None else current
        return score(
            value, self.baseline, self.target, self.direction, method=method, labels=[self.kr_id]
        )

    def grade(self, *, settings: Settings = DEFAULT_SETTINGS) -> str:
        """Grade of the current score."""
        return grade(self.score(), settings=settings)


@dataclass(frozen=True)
class Objective:
    """A qualitative aim with its Key Results, optionally aligned under a parent.

    Examples
    --------
    >>> o = Objective("activation", "Make the first week so valuable customers can't go back",
    ...               key_results=(KeyResult("kr1", "Lift week-1 activation", 42, 65, 58.1),))
    >>> objectives_to_frame([o])[["objective_id", "kr_id", "baseline", "target", "current"]]
      objective_id kr_id  baseline  target  current
    0   activation   kr1      42.0    65.0     58.1
    """

    objective_id: str
    title: str
    key_results: tuple[KeyResult, ...] = field(default_factory=tuple)
    parent_id: str | None = None
    owner: str = ""
    team: str = ""
    level: str | None = None
    cycle: str = ""

    def __post_init__(self) -> None:
        ids = [kr.kr_id for kr in self.key_results]
        dup = {i for i in ids if ids.count(i) > 1}
        if dup:
            raise OKRDataError(
                f"objective {self.objective_id!r}: key result id(s) {sorted(dup)} repeat; "
                "give each key result its own id"
            )


@dataclass(frozen=True)
class KPI:
    """A health metric with the line it defends.

    Examples
    --------
    >>> KPI("activation_rate", threshold=50, unit="%").status(42)
    'breached'
    """

    name: str
    threshold: float
    better: str = "higher"
    unit: str = ""

    def status(self, value: float, *, settings: Settings = DEFAULT_SETTINGS) -> str:
        """Healthy, at risk or breached at ``value``."""
        try:
            return kpi_status(value, self.threshold, better=self.better, settings=settings)
        except OKRDataError as err:
            raise OKRDataError(f"KPI {self.name!r}: {str(err).removeprefix('KPI: ')}") from err


def objectives_to_frame(objectives: Iterable[Objective]) -> pd.DataFrame:
    """The OKR table: one row per key result, columns :data:`okr_toolkit.vocab.OKR_COLUMNS`.

    The same table :func:`okr_toolkit.read_okr_file` returns as ``okrs``, so
    what is built in Python scores, lints and reports like a file.

    Examples
    --------
    >>> kr = KeyResult("kr1", "Lift activation from 42% to 65%", baseline=42, target=65)
    >>> o = Objective("activation", "Make the first week count", key_results=(kr,))
    >>> objectives_to_frame([o])[["objective", "kr_id", "statement", "direction"]]
                       objective kr_id                        statement direction
    0  Make the first week count   kr1  Lift activation from 42% to 65%  increase
    """
    rows = [
        {
            "objective_id": o.objective_id,
            "objective": o.title,
            "objective_owner": o.owner,
            "team": o.team,
            "level": o.level,
            "parent_id": o.parent_id,
            "cycle": o.cycle,
            **asdict(kr),
        }
        for o in objectives
        for kr in o.key_results
    ]
    frame = pd.DataFrame(rows, columns=list(OKR_COLUMNS))
    numeric = ["baseline", "target", "current", "weight"]
    frame[numeric] = frame[numeric].astype(float)
    for flag in ("guardrail", "committed", "pay_linked"):
        frame[flag] = frame[flag].astype(bool)
    frame["direction"] = pd.Categorical(frame["direction"], categories=list(DIRECTIONS))
    return frame
