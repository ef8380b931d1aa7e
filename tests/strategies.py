"""Hypothesis strategies for the core tests, in one place.

Numbers are finite and kept in a range where the arithmetic stays well away
from overflow (a metric of +/-1e6 covers revenue in $k, days, percentages and
NPS alike), and every linear key result moves its metric by a visible amount:
``|target - baseline| >= 1e-3``, because ``target == baseline`` is an input
error, not a case to score.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import strategies as st

#: Largest magnitude of a generated metric value.
BOUND = 1e6


def metric_values(bound: float = BOUND) -> st.SearchStrategy[float]:
    """A finite metric value (baseline, target or current)."""
    return st.floats(min_value=-bound, max_value=bound, allow_nan=False, allow_infinity=False)


def scores(low: float = 0.0, high: float = 1.0) -> st.SearchStrategy[float]:
    """A score in ``[low, high]`` (widen it to test uncapped scores)."""
    return st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False)


def weights() -> st.SearchStrategy[float]:
    """A strictly positive roll-up weight."""
    return st.floats(min_value=1e-3, max_value=1e3, allow_nan=False, allow_infinity=False)


def moves() -> st.SearchStrategy[float]:
    """How far a key result moves its metric: a non-zero amount either way."""
    size = st.floats(min_value=1e-3, max_value=BOUND, allow_nan=False, allow_infinity=False)
    return st.tuples(size, st.sampled_from([-1.0, 1.0])).map(lambda p: p[0] * p[1])


@st.composite
def linear_krs(draw: st.DrawFn, direction: str | None = None) -> tuple[float, float, float]:
    """``(current, baseline, target)`` of an increase or decrease KR, baseline != target.

    ``direction`` fixes the way it moves ("increase" or "decrease").
    """
    baseline = draw(metric_values())
    move = abs(draw(moves()))
    if direction == "decrease" or (direction is None and draw(st.booleans())):
        move = -move
    current = draw(metric_values(2 * BOUND))
    return current, baseline, baseline + move


@st.composite
def threshold_krs(draw: st.DrawFn) -> tuple[float, float, float, str]:
    """``(current, baseline, target, direction)`` of a threshold KR; baseline may be NaN."""
    direction = draw(st.sampled_from(["stay_above", "stay_below"]))
    baseline = draw(st.one_of(st.just(np.nan), metric_values()))
    return draw(metric_values()), baseline, draw(metric_values()), direction


@st.composite
def kr_tables(draw: st.DrawFn, min_size: int = 0, max_size: int = 12) -> pd.DataFrame:
    """A tidy key-results table: ``kr_id``, ``baseline``, ``target``, ``current``, ``direction``.

    Linear KRs only, each direction consistent with its numbers, ids unique.
    """
    n = draw(st.integers(min_value=min_size, max_value=max_size))
    rows = [draw(linear_krs()) for _ in range(n)]
    current = [r[0] for r in rows]
    baseline = [r[1] for r in rows]
    target = [r[2] for r in rows]
    return pd.DataFrame(
        {
            "kr_id": [f"kr{i}" for i in range(n)],
            "baseline": np.array(baseline, dtype=float),
            "target": np.array(target, dtype=float),
            "current": np.array(current, dtype=float),
            "direction": [
                "decrease" if t < b else "increase" for b, t in zip(baseline, target, strict=True)
            ],
        }
    )


@st.composite
def scored_krs(draw: st.DrawFn, max_objectives: int = 4, max_krs: int = 5) -> pd.DataFrame:
    """Scored KRs grouped under objectives: ``objective_id``, ``kr_id``, ``score``, ``weight``."""
    n_obj = draw(st.integers(min_value=1, max_value=max_objectives))
    ids, krs, values, ws = [], [], [], []
    for o in range(n_obj):
        for k in range(draw(st.integers(min_value=1, max_value=max_krs))):
            ids.append(f"O{o}")
            krs.append(f"O{o}.kr{k}")
            values.append(draw(scores()))
            ws.append(draw(weights()))
    return pd.DataFrame({"objective_id": ids, "kr_id": krs, "score": values, "weight": ws})
