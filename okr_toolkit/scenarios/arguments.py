"""The argument checks every random function of :mod:`okr_toolkit.scenarios` shares.

A random source (``rng`` or ``seed``, never both), a whole count (``paths``,
``weeks``, ``bins``, ``n_agents``) and a single finite number, each refused with a
message that names the argument; and ``EPS``, the tolerance by which a simulated
score counts as reaching a bar.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from okr_toolkit._validate import finite_array

__all__ = ["EPS", "count", "generator", "number"]

#: A score within this of a bar reaches it (``0.7 - 1e-10`` counts as 0.7).
EPS = 1e-9


def generator(rng: Any, seed: Any) -> np.random.Generator:
    """``rng`` itself, or a new generator seeded with ``seed``; refuses both at once.

    Examples
    --------
    >>> int(generator(None, 1).integers(10))
    4
    >>> generator(np.random.default_rng(1), 1)
    Traceback (most recent call last):
    ...
    ValueError: give `rng` or `seed`, not both
    """
    if rng is not None and seed is not None:
        raise ValueError("give `rng` or `seed`, not both")
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is not None:
        raise TypeError(f"`rng` must be a numpy.random.Generator, got {type(rng).__name__}")
    return np.random.default_rng(seed)


def count(value: Any, name: str, minimum: int) -> int:
    """A whole number >= minimum, with a message that says which argument is wrong.

    Examples
    --------
    >>> count(5.0, "paths", 1)
    5
    >>> count(0, "paths", 1)
    Traceback (most recent call last):
    ...
    ValueError: `paths` must be at least 1, got 0
    """
    ok = isinstance(value, int | np.integer) and not isinstance(value, bool)
    if not ok and isinstance(value, float) and value.is_integer():
        value, ok = int(value), True
    if not ok:
        raise ValueError(f"`{name}` must be a whole number, got {value!r}")
    if value < minimum:
        raise ValueError(f"`{name}` must be at least {minimum}, got {value}")
    return int(value)


def number(value: Any, name: str) -> float:
    """One finite number as a float.

    Examples
    --------
    >>> number(42, "baseline")
    42.0
    >>> number([1, 2], "drift")
    Traceback (most recent call last):
    ...
    ValueError: `drift` must be a single number, got 2 values
    """
    arr = finite_array(value, name, noun="argument")
    if arr.size != 1:
        raise ValueError(f"`{name}` must be a single number, got {arr.size} values")
    return float(arr.ravel()[0])
