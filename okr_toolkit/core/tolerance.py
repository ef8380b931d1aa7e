"""The one rule for "at the line": comparisons that forgive floating-point noise.

A value computed as ``0.58 * 100`` is 57.99999999999999, not 58; a score
computed as ``(58.1 - 42) / (65 - 42)`` is 0.70000000000000006 or
0.69999999999999996 depending on the operands. Whether a KR has reached its
target, a KPI has held its threshold, a score has reached a grade band or a
run of misses has begun must not turn on that last bit. Every such comparison
in the toolkit goes through this module, so they all agree: two values are
*at the same line* when they differ by at most

    ``REL_TOL * max(|a|, |b|)``

(one part in a billion of their size). The rule is relative only, so a
metric measured in tiny units (an error rate of 1e-7) is compared as finely as
one in millions; a value and a line of exactly zero are the same.
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["REL_TOL", "above", "at_least", "at_most", "below", "same", "slack"]

#: Relative part of the tolerance: one part in a billion.
REL_TOL = 1e-9


def slack(a: Any, b: Any) -> Any:
    """How far apart ``a`` and ``b`` may be and still count as the same value.

    Examples
    --------
    >>> float(slack(58.0, 0.58 * 100)) > abs(58.0 - 0.58 * 100)
    True
    """
    with np.errstate(invalid="ignore", over="ignore"):
        return REL_TOL * np.maximum(np.abs(a), np.abs(b))


def same(a: Any, b: Any) -> Any:
    """Whether ``a`` and ``b`` are the same value, give or take float noise.

    Examples
    --------
    >>> bool(same(0.58 * 100, 58)), bool(same(57.9, 58))
    (True, False)
    """
    with np.errstate(invalid="ignore", over="ignore"):
        return np.abs(np.subtract(a, b)) <= slack(a, b)


def at_least(a: Any, line: Any) -> Any:
    """``a >= line``, where a value at the line (within :func:`slack`) counts as on it.

    Examples
    --------
    >>> bool(at_least(0.58 * 100, 58)), bool(at_least(57.9, 58))
    (True, False)
    """
    with np.errstate(invalid="ignore", over="ignore"):
        return np.subtract(a, line) >= -slack(a, line)


def at_most(a: Any, line: Any) -> Any:
    """``a <= line``, where a value at the line counts as on it.

    Examples
    --------
    >>> bool(at_most(0.1 + 0.2, 0.3)), bool(at_most(1e-7, 0.0))
    (True, False)
    """
    with np.errstate(invalid="ignore", over="ignore"):
        return np.subtract(a, line) <= slack(a, line)


def above(a: Any, line: Any) -> Any:
    """``a > line`` by more than float noise (the complement of :func:`at_most`).

    Examples
    --------
    >>> bool(above(0.1 + 0.2, 0.3)), bool(above(0.31, 0.3))
    (False, True)
    """
    return ~np.asarray(at_most(a, line)) & ~np.isnan(np.subtract(a, line))


def below(a: Any, line: Any) -> Any:
    """``a < line`` by more than float noise (the complement of :func:`at_least`).

    Examples
    --------
    >>> bool(below(0.58 * 100, 58)), bool(below(57.9, 58))
    (False, True)
    """
    return ~np.asarray(at_least(a, line)) & ~np.isnan(np.subtract(a, line))
