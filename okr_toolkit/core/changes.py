"""Targets set as a change from the baseline: "by 20%", "by 5 points", "double".

A key result such as "Grow weekly active teams by 20%" gives no target, only a
change; with a baseline of 500 the target is 600. The rule is one function,
used by :class:`okr_toolkit.core.KeyResult` and :func:`okr_toolkit.core.scorecard`
alike, so the API and every file door derive the same target:

* a **relative** change (a fraction of the baseline: 0.2 for "by 20%", -0.25 for
  "reduce by 25%", 1.0 for "double") gives ``baseline * (1 + change)``;
* an **absolute** change in the KR's own unit ("by 5 points" of a rate in %,
  "by 2 days" of a time in days) gives ``baseline + change``. An absolute change
  in another unit than the KR's ("by 2 days" of a KR measured in hours) gives no
  target: the toolkit does not convert it silently, and says why instead.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["implied_targets"]

# The units an absolute change of a percentage may be written in.
_PERCENT_POINTS = {"%", "points", "point", "pp", "percentage points", "pts"}


def _unit_text(unit: object) -> str:
    return unit.strip().lower() if isinstance(unit, str) else ""


def _same_unit(change_unit: object, kr_unit: object) -> bool:
    change, kr = _unit_text(change_unit), _unit_text(kr_unit)
    if not change or not kr or change == kr:
        return True
    return change in _PERCENT_POINTS and kr in _PERCENT_POINTS


def implied_targets(
    baseline: pd.Series,
    relative_change: pd.Series,
    absolute_change: pd.Series,
    *,
    change_unit: pd.Series | None = None,
    kr_unit: pd.Series | None = None,
) -> tuple[pd.Series, pd.Series]:
    """The target each change implies from its baseline, and why where there is none.

    Parameters
    ----------
    baseline
        The KRs' baselines (NaN where unknown: no target is implied).
    relative_change, absolute_change
        The change each KR's statement asks for (NaN where it names none), e.g. the
        ``relative_change`` and ``absolute_change`` columns of
        :func:`okr_toolkit.statements.classify_statements`.
    change_unit, kr_unit
        The unit the statement gives its absolute change in, and the KR's own unit;
        an absolute change in another unit implies no target.

    Returns
    -------
    (pandas.Series, pandas.Series)
        The implied targets (NaN where none), and for each KR that asks for an
        absolute change in a unit other than its own, the reason (else ``""``).

    Examples
    --------
    >>> import pandas as pd
    >>> targets, why = implied_targets(pd.Series([500.0, 400.0, 5.0, 6.0]),
    ...                                pd.Series([0.2, -0.25, None, None]),
    ...                                pd.Series([None, None, -2.0, -2.0]),
    ...                                change_unit=pd.Series([None, None, "points", "days"]),
    ...                                kr_unit=pd.Series(["", "", "%", "hours"]))
    >>> targets.tolist()
    [600.0, 300.0, 3.0, nan]
    >>> why[3]
    "the statement's change is in days but the key result is measured in hours"
    """
    index = baseline.index
    base = pd.to_numeric(baseline, errors="coerce").astype("float64")
    relative = pd.to_numeric(relative_change, errors="coerce").astype("float64")
    absolute = pd.to_numeric(absolute_change, errors="coerce").astype("float64")
    relative.index = absolute.index = index
    changes = change_unit if change_unit is not None else pd.Series(None, index=index)
    units = kr_unit if kr_unit is not None else pd.Series(None, index=index)
    same = np.array([_same_unit(c, k) for c, k in zip(changes, units, strict=True)], dtype=bool)
    from_relative = base * (1.0 + relative)
    from_absolute = (base + absolute).where(same)
    targets = from_relative.where(relative.notna(), from_absolute)
    clash = absolute.notna().to_numpy() & relative.isna().to_numpy() & ~same
    why = np.full(len(index), "", dtype=object)
    why[clash] = [
        f"the statement's change is in {c} but the key result is measured in {k}"
        for c, k in zip(changes[clash], units[clash], strict=True)
    ]
    return targets, pd.Series(why, index=index, dtype=object)
