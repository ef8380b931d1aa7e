"""Values: the changes a verb implies (double, halve)."""

from __future__ import annotations

_IMPLICIT_CHANGES = {"double": 1.0, "triple": 2.0, "quadruple": 3.0, "halve": -0.5}
