"""Where a Gaussian walk ends, exactly: the closed forms behind every probability.

A metric modelled as a weekly Gaussian walk (:mod:`okr_toolkit.scenarios.walks`)
from ``start`` ends a cycle of ``weeks`` at a normal value: mean ``start + drift *
weeks``, standard deviation ``volatility * sqrt(weeks)``. A key result's score is
linear in that value and then clamped to [0, 1], so the chance of a score, the
chance of clearing a line, every percentile and the expected clamped score follow
in closed form, exactly and in microseconds. Simulated paths (:mod:`paths`) are
kept for what has no closed form: the mean of several key results' clamped scores,
and the pictures (histograms, fan charts).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from statistics import NormalDist

from okr_toolkit.core.tolerance import at_least, at_most

__all__ = ["End"]

_Z = NormalDist()


@dataclass(frozen=True)
class End:
    """The end value of a Gaussian walk: ``mean`` give or take ``sd`` (0: certain).

    Examples
    --------
    Activation at 48% with six weeks left, gaining a point a week give or take a point:

    >>> end = End.of_walk(48, drift=1.0, volatility=1.0, weeks=6)
    >>> round(end.mean, 2), round(end.sd, 3)
    (54.0, 2.449)
    >>> round(end.p_at_least(58.1), 3), round(end.quantile(0.5), 2)
    (0.047, 54.0)
    """

    mean: float
    sd: float

    @classmethod
    def of_walk(cls, start: float, *, drift: float, volatility: float, weeks: int) -> End:
        """Where a walk from ``start`` ends after ``weeks``."""
        return cls(start + drift * weeks, volatility * math.sqrt(weeks))

    @property
    def _normal(self) -> NormalDist | None:
        return NormalDist(self.mean, self.sd) if self.sd > 0 else None

    def p_at_least(self, line: float) -> float:
        """P(end value >= ``line``); a certain end compares under the toolkit's tolerance."""
        normal = self._normal
        return float(at_least(self.mean, line)) if normal is None else 1.0 - normal.cdf(line)

    def p_at_most(self, line: float) -> float:
        """P(end value <= ``line``)."""
        normal = self._normal
        return float(at_most(self.mean, line)) if normal is None else normal.cdf(line)

    def quantile(self, p: float) -> float:
        """The value the end stays under with probability ``p`` (0 < p < 1)."""
        normal = self._normal
        return self.mean if normal is None else normal.inv_cdf(p)

    def expected_score(self, baseline: float, target: float) -> float:
        """The expected clamped score, E[min(max((end - baseline) / (target - baseline), 0), 1)].

        The raw score is normal; its clamped mean is the truncated-normal sum
        ``m (Phi(b) - Phi(a)) + s (phi(a) - phi(b)) + (1 - Phi(b))`` with
        ``a = -m / s`` and ``b = (1 - m) / s``.

        Examples
        --------
        >>> End(54.0, 0.0).expected_score(42, 65) == (54 - 42) / 23
        True
        >>> round(End(65.0, 50.0).expected_score(42, 65), 3)  # often clamped at 0 or 1
        0.59
        """
        span = target - baseline
        m = (self.mean - baseline) / span
        s = self.sd / abs(span)
        if s == 0:
            return min(max(m, 0.0), 1.0)
        a, b = -m / s, (1.0 - m) / s
        inside = m * (_Z.cdf(b) - _Z.cdf(a)) + s * (_Z.pdf(a) - _Z.pdf(b))
        return inside + (1.0 - _Z.cdf(b))
