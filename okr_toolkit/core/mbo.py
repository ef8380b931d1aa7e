"""Management by Objectives: achievement against agreed targets, and the bonus it pays.

MBO reviews each person once a year against targets agreed at its start; 100%
achievement is expected and the result feeds the bonus, raise or promotion
[OKR vs KPI vs MBO]. Achievement is ``actual / target`` (``target / actual``
when lower is better), so 100% means the target was met exactly.

The payout curve is the usual sales-compensation shape: nothing below a
threshold achievement, a partial payout at the threshold, 100% at target,
rising to a cap, and flat beyond it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from okr_toolkit._validate import broadcast, finite_array
from okr_toolkit.exceptions import OKRDataError

__all__ = ["DEFAULT_PAYOUT", "PayoutCurve", "achievement", "payout"]


@dataclass(frozen=True)
class PayoutCurve:
    """A bonus payout curve: achievement (x) to share of target bonus (y).

    Parameters
    ----------
    threshold, threshold_payout
        Below ``threshold`` achievement nothing is paid; at it,
        ``threshold_payout`` of the target bonus.
    target, target_payout
        At ``target`` achievement (100%), ``target_payout`` (100%).
    cap, cap_payout
        Payout rises linearly to ``cap_payout`` at ``cap`` and stays there.

    Examples
    --------
    >>> curve = PayoutCurve(threshold=0.9, cap=1.1)
    >>> curve.threshold, curve.threshold_payout, curve.cap, curve.cap_payout
    (0.9, 0.5, 1.1, 1.5)
    """

    threshold: float = 0.8
    threshold_payout: float = 0.5
    target: float = 1.0
    target_payout: float = 1.0
    cap: float = 1.2
    cap_payout: float = 1.5

    def __post_init__(self) -> None:
        if not 0 <= self.threshold < self.target <= self.cap:
            raise ValueError(
                "a payout curve needs 0 <= threshold < target <= cap, got "
                f"threshold={self.threshold}, target={self.target}, cap={self.cap}"
            )
        if not 0 <= self.threshold_payout <= self.target_payout <= self.cap_payout:
            raise ValueError(
                "payouts must rise along the curve: 0 <= threshold_payout <= target_payout "
                f"<= cap_payout, got {self.threshold_payout}, {self.target_payout}, "
                f"{self.cap_payout}"
            )
        if self.cap == self.target and self.cap_payout != self.target_payout:
            raise ValueError(
                f"cap {self.cap} equals target, so the curve would pay both {self.target_payout} "
                f"and {self.cap_payout} at target; set cap above target, or cap_payout = "
                f"target_payout ({self.target_payout}) for a payout capped at target"
            )


DEFAULT_PAYOUT = PayoutCurve()


def achievement(actual: Any, target: Any, better: Any = "higher") -> Any:
    """Achievement against an agreed MBO target, as a fraction (1.0 = 100%).

    Examples
    --------
    >>> achievement(58.1, 65)
    0.8938461538461538
    >>> achievement(36, 30, better="lower")
    0.8333333333333334
    """
    a = finite_array(actual, "actual", noun="MBO target")
    t = finite_array(target, "target", noun="MBO target")
    a, t, names = broadcast(actual=a, target=t, better=np.asarray(better, dtype=object))
    if (t <= 0).any():
        i = int(np.argmax(t.ravel() <= 0))
        raise OKRDataError(
            f"MBO target at row {i}: target {t.flat[i]:g} is zero or negative; achievement is "
            "actual / target, so targets must be positive amounts"
        )
    ok = (names == "higher") | (names == "lower")
    if not ok.all():
        i = int(np.argmax(~ok.ravel()))
        raise OKRDataError(
            f"MBO target at row {i}: better must be 'higher' or 'lower', got {names.flat[i]!r}"
        )
    lower = names == "lower"
    if (lower & (a <= 0)).any():
        i = int(np.argmax((lower & (a <= 0)).ravel()))
        raise OKRDataError(
            f"MBO target at row {i}: actual {a.flat[i]:g} must be positive when lower is "
            "better, because achievement is then target / actual"
        )
    with np.errstate(divide="ignore"):
        out = np.where(lower, t / a, a / t)
    if isinstance(actual, pd.Series):
        return pd.Series(out, index=actual.index, name="achievement")
    return float(out) if out.ndim == 0 else out


def payout(achieved: Any, *, curve: PayoutCurve = DEFAULT_PAYOUT) -> Any:
    """Share of the target bonus paid for an achievement level.

    Examples
    --------
    >>> payout(0.79), payout(0.8), payout(0.9), payout(1.0), payout(1.5)
    (0.0, 0.5, 0.75, 1.0, 1.5)
    """
    x = finite_array(achieved, "achievement", noun="MBO target")
    xs = [curve.threshold, curve.target, curve.cap]
    ys = [curve.threshold_payout, curve.target_payout, curve.cap_payout]
    out = np.where(np.round(x, 9) < curve.threshold, 0.0, np.interp(x, xs, ys))
    if isinstance(achieved, pd.Series):
        return pd.Series(out, index=achieved.index, name="payout")
    return float(out) if out.ndim == 0 else out
