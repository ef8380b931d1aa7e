"""MBO achievement and the bonus payout curve (okr_toolkit.core.mbo)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from okr_toolkit import payout
from okr_toolkit.core import DEFAULT_PAYOUT, PayoutCurve, achievement

# (actual, target, better, expected achievement)
ACHIEVEMENT_CASES = [
    (58.1, 65, "higher", 58.1 / 65),  # OKR vs KPI vs MBO: activation at 58.1% of a 65% target ≈ 89%
    (65, 65, "higher", 1.0),  # 100% is the target met exactly
    (70, 50, "higher", 1.4),
    (0, 50, "higher", 0.0),
    (-10, 50, "higher", -0.2),  # a loss against a profit target
    (36, 30, "lower", 30 / 36),  # OKR vs KPI vs MBO: sales cycle 36 days against 30 ≈ 83%
    (30, 30, "lower", 1.0),
    (25, 30, "lower", 1.2),
    (3.0, 2.0, "lower", 2 / 3),  # Do OKRs replace KPIs?: response time 3 h against 2 h
]


@pytest.mark.parametrize(("actual", "target", "better", "expected"), ACHIEVEMENT_CASES)
def test_achievement(actual, target, better, expected):
    got = achievement(actual, target, better=better)
    assert isinstance(got, float)
    assert got == pytest.approx(expected)


def test_achievement_vectorised():
    out = achievement(np.array([58.1, 36.0]), np.array([65.0, 30.0]), better=["higher", "lower"])
    np.testing.assert_allclose(out, [58.1 / 65, 30 / 36])
    s = achievement(pd.Series([50.0, 75.0], index=["ana", "ben"]), 50.0)
    assert s.index.tolist() == ["ana", "ben"]
    assert s.name == "achievement"
    assert s.tolist() == [1.0, 1.5]


# (achievement, expected payout) on the default curve:
# nothing below 80%, 50% at 80%, 100% at 100%, 150% at the 120% cap, flat beyond
PAYOUT_CASES = [
    (0.0, 0.0),
    (-0.5, 0.0),
    (0.79, 0.0),  # just below the threshold pays nothing
    (0.7999999999999999, 0.5),  # floating-point 0.8 is the threshold
    (0.8, 0.5),  # knot: threshold
    (0.9, 0.75),  # halfway between the first two knots
    (1.0, 1.0),  # knot: target
    (1.1, 1.25),
    (1.2, 1.5),  # knot: cap
    (1.5, 1.5),  # flat beyond the cap
    (3.0, 1.5),
    (58.1 / 65, 0.5 + (58.1 / 65 - 0.8) / 0.2 * 0.5),  # activation in OKR vs KPI vs MBO ≈ 0.73
]


@pytest.mark.parametrize(("achieved", "expected"), PAYOUT_CASES)
def test_payout_default_curve(achieved, expected):
    got = payout(achieved)
    assert isinstance(got, float)
    assert got == pytest.approx(expected)


def test_activation_payout_is_about_73_percent():
    assert payout(achievement(58.1, 65)) == pytest.approx(0.7346, abs=1e-4)


def test_payout_custom_curve():
    curve = PayoutCurve(threshold=0.9, threshold_payout=0.0, target=1.0, cap=1.5, cap_payout=2.0)
    assert payout(0.89, curve=curve) == 0.0
    assert payout(0.9, curve=curve) == 0.0
    assert payout(0.95, curve=curve) == pytest.approx(0.5)
    assert payout(1.25, curve=curve) == pytest.approx(1.5)
    assert payout(2.0, curve=curve) == pytest.approx(2.0)


def test_payout_vectorised_keeps_index():
    s = payout(pd.Series([0.5, 0.9, 1.3], index=["a", "b", "c"]))
    assert s.index.tolist() == ["a", "b", "c"]
    assert s.name == "payout"
    np.testing.assert_allclose(s.to_numpy(), [0.0, 0.75, 1.5])
    np.testing.assert_allclose(payout(np.array([0.8, 1.0])), [0.5, 1.0])


def test_default_curve():
    assert DEFAULT_PAYOUT == PayoutCurve(0.8, 0.5, 1.0, 1.0, 1.2, 1.5)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"threshold": 1.1},  # threshold above target
        {"threshold": -0.1},
        {"cap": 0.9},  # cap below target
        {"threshold_payout": 1.2},  # payouts must rise along the curve
        {"cap_payout": 0.9},
        {"threshold_payout": -0.1},
    ],
)
def test_payout_curve_rejects_bad_shapes(kwargs):
    with pytest.raises(ValueError, match=r"payout curve needs|payouts must rise"):
        PayoutCurve(**kwargs)


def test_a_cap_at_target_cannot_pay_more_than_the_target_payout():
    # Issue 13: PayoutCurve(cap=1.0, cap_payout=1.5) paid 1.5 at target.
    with pytest.raises(ValueError, match=r"cap 1.0 equals target"):
        PayoutCurve(cap=1.0, cap_payout=1.5)
    flat = PayoutCurve(cap=1.0, cap_payout=1.0)
    assert payout(1.0, curve=flat) == 1.0
    assert payout(1.3, curve=flat) == 1.0
