"""Tests of okr_toolkit.scenarios: simulation statistics against closed forms."""

from __future__ import annotations

import io
import math
from statistics import NormalDist

import numpy as np
import pandas as pd
import pytest

from okr_toolkit import scenarios as sc
from okr_toolkit.datasets import load_checkins, load_kpi_history, load_okr_examples
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.scenarios import paths, progress

Z = NormalDist()


# --------------------------------------------------------------------------- the walk


def test_estimate_walk_matches_hand_values() -> None:
    # diffs 1, 2, 1, 2: mean 1.5, sd (ddof=1) sqrt(1/3)
    walk = sc.estimate_walk([40.0, 41.0, 43.0, 44.0, 46.0])
    assert walk.drift == pytest.approx(1.5)
    assert walk.volatility == pytest.approx(math.sqrt(1 / 3))
    assert walk.n == 5


@pytest.mark.parametrize(
    ("values", "match"),
    [
        ([1.0, 2.0, 3.0], "needs at least 4"),
        ([1.0, 2.0, np.nan, 4.0, 5.0], "missing or infinite value at position 2"),
        ([5.0, 5.0, 5.0, 5.0, 5.0], "constant history"),
        ([1.0, 2.0, 3.0, 4.0, 5.0], "volatility="),  # straight line: diffs constant
    ],
)
def test_estimate_walk_refuses_bad_history(values: list[float], match: str) -> None:
    with pytest.raises(OKRDataError, match=match):
        sc.estimate_walk(values)


def test_estimate_walk_reads_a_value_column() -> None:
    hist = load_kpi_history("activation_rate")
    walk = sc.estimate_walk(hist)
    assert walk.n == 26
    assert 0.5 < walk.volatility < 2.0


# --------------------------------------------------------------------------- simulate_kr


@pytest.mark.parametrize(("current", "drift", "weeks"), [(42.0, 1.0, 6), (50.0, -0.5, 13)])
def test_zero_volatility_is_deterministic(current: float, drift: float, weeks: int) -> None:
    sim = sc.simulate_kr(42, 65, current, weeks, drift=drift, volatility=0.0, paths=50, seed=3)
    end = current + drift * weeks
    np.testing.assert_array_equal(sim.end_values, np.full(50, end))
    expected_score = min(1.0, max(0.0, (end - 42) / 23))
    np.testing.assert_allclose(sim.end_scores, expected_score)
    assert sim.p_success == float(expected_score >= 0.7 - 1e-9)


def test_explicit_zero_volatility_with_constant_history() -> None:
    sim = sc.simulate_kr(42, 65, 42, 4, history=[42.0] * 6, volatility=0.0, paths=10, seed=1)
    np.testing.assert_array_equal(sim.end_values, 42.0)


@pytest.mark.parametrize(
    ("current", "drift", "vol", "weeks"),
    [(42.0, 0.0, 1.0, 13), (48.0, 1.0, 1.5, 6), (30.0, -0.3, 2.0, 20), (5.0, -0.2, 0.3, 1)],
)
def test_random_walk_end_mean_and_variance(
    current: float, drift: float, vol: float, weeks: int
) -> None:
    n = 200_000
    sim = sc.simulate_kr(1, 1000, current, weeks, drift=drift, volatility=vol, paths=n, seed=11)
    mean, var = current + drift * weeks, vol**2 * weeks
    # Standard error of the mean is sqrt(var / n); of the variance about var * sqrt(2 / n).
    assert sim.end_values.mean() == pytest.approx(mean, abs=5 * math.sqrt(var / n))
    assert sim.end_values.var() == pytest.approx(var, rel=5 * math.sqrt(2 / n))


@pytest.mark.parametrize(
    ("baseline", "target", "current", "drift", "vol", "weeks"),
    [
        (42, 65, 48, 1.0, 1.0, 6),  # activation in OKR vs KPI vs MBO, behind pace
        (18, 32, 20, 0.8, 1.0, 13),  # MQL-to-SQL in OKR vs KPI vs MBO
        (45, 30, 40, -1.0, 1.5, 8),  # sales cycle 45 -> 30 days, a decrease
    ],
)
def test_p_success_matches_normal_probability(
    baseline: float, target: float, current: float, drift: float, vol: float, weeks: int
) -> None:
    sim = sc.simulate_kr(
        baseline, target, current, weeks, drift=drift, volatility=vol, paths=100_000, seed=5
    )
    bar = baseline + 0.7 * (target - baseline)
    end = NormalDist(current + drift * weeks, vol * math.sqrt(weeks))
    p = 1 - end.cdf(bar) if target > baseline else end.cdf(bar)
    assert sim.p_success == pytest.approx(p, abs=0.006)


@pytest.mark.parametrize(("direction", "threshold"), [("increase", 50.0), ("decrease", 35.0)])
def test_p_threshold_respects_direction(direction: str, threshold: float) -> None:
    base, target = (42, 65) if direction == "increase" else (45, 30)
    sim = sc.simulate_kr(
        base, target, 40, 9, drift=0.0, volatility=2.0, threshold=threshold,
        direction=direction, paths=100_000, seed=2,
    )  # fmt: skip
    end = NormalDist(40, 2.0 * 3)
    p = 1 - end.cdf(threshold) if direction == "increase" else end.cdf(threshold)
    assert sim.p_threshold == pytest.approx(p, abs=0.006)
    assert sc.simulate_kr(42, 65, 40, 9, volatility=1.0, seed=1).p_threshold is None


def test_same_seed_same_result_and_rng_accepted() -> None:
    a = sc.simulate_kr(42, 65, 48, 6, drift=1, volatility=1, paths=1000, seed=9)
    b = sc.simulate_kr(42, 65, 48, 6, drift=1, volatility=1, paths=1000, seed=9)
    c = sc.simulate_kr(
        42, 65, 48, 6, drift=1, volatility=1, paths=1000, rng=np.random.default_rng(9)
    )
    np.testing.assert_array_equal(a.end_values, b.end_values)
    np.testing.assert_array_equal(a.end_values, c.end_values)
    d = sc.simulate_kr(42, 65, 48, 6, drift=1, volatility=1, paths=1000, seed=10)
    assert not np.array_equal(a.end_values, d.end_values)


def test_kept_paths_end_where_end_values_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "_CHUNK_DRAWS", 100)  # force several chunks
    sim = sc.simulate_kr(42, 65, 48, 6, drift=1, volatility=1, paths=500, seed=4, keep_paths=True)
    assert sim.paths is not None and sim.paths.shape == (500, 6)
    np.testing.assert_allclose(sim.paths[:, -1], sim.end_values)
    steps = np.diff(np.column_stack([np.full(500, 48.0), sim.paths]), axis=1)
    assert steps.mean() == pytest.approx(1.0, abs=0.05)
    assert sc.simulate_kr(42, 65, 48, 6, drift=1, volatility=1, paths=5, seed=4).paths is None


def test_summary_and_percentiles() -> None:
    sim = sc.simulate_kr(42, 65, 48, 6, drift=1.0, volatility=1.0, paths=20_000, seed=1)
    summary = sim.summary()
    assert list(summary.index) == ["value", "score"]
    assert list(summary.columns) == ["mean", "p5", "p25", "p50", "p75", "p95"]
    assert summary.loc["value", "p50"] == pytest.approx(54.0, abs=0.05)
    pct = list(sim.percentiles["score"].values())
    assert pct == sorted(pct)
    assert ((sim.end_scores >= 0) & (sim.end_scores <= 1)).all()


def test_history_estimates_the_walk() -> None:
    hist = load_kpi_history("mql_to_sql_rate")["value"]
    walk = sc.estimate_walk(hist)
    sim = sc.simulate_kr(18, 32, 17.1, 13, history=hist, paths=1000, seed=1)
    assert (sim.drift, sim.volatility) == pytest.approx((walk.drift, walk.volatility))
    assert hist.equals(load_kpi_history("mql_to_sql_rate")["value"])  # unchanged


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"paths": 0, "volatility": 1.0}, ValueError, "`paths` must be at least 1"),
        ({"paths": -5, "volatility": 1.0}, ValueError, "`paths` must be at least 1"),
        ({"paths": 2.5, "volatility": 1.0}, ValueError, "whole number"),
        ({"weeks_left": -1, "volatility": 1.0}, ValueError, "`weeks_left` must be at least 0"),
        ({"volatility": -1.0}, ValueError, "`volatility` must be >= 0"),
        ({}, OKRDataError, "no volatility"),
        ({"history": [1.0, 2.0]}, OKRDataError, "at least 4"),
        ({"history": [3.0] * 8}, OKRDataError, "Pass volatility="),
        ({"history": [1.0, np.nan, 2.0, 1.5, 2.5]}, OKRDataError, "missing"),
        ({"volatility": np.nan}, OKRDataError, "volatility is missing"),
        ({"current": np.nan, "volatility": 1.0}, OKRDataError, "current is missing"),
        ({"target": 42.0, "volatility": 1.0}, OKRDataError, "equals baseline"),
        ({"volatility": 1.0, "seed": 1, "rng": np.random.default_rng(1)}, ValueError, "not both"),
    ],
)
def test_simulate_kr_bad_input(kwargs: dict, error: type, match: str) -> None:
    args = {"baseline": 42.0, "target": 65.0, "current": 48.0, "weeks_left": 6}
    args.update(kwargs)
    with pytest.raises(error, match=match):
        sc.simulate_kr(**args)


def test_zero_weeks_scores_current() -> None:
    sim = sc.simulate_kr(42, 65, 58.1, 0, volatility=3.0, paths=10, seed=1)
    np.testing.assert_allclose(sim.end_scores, 0.7)
    assert sim.p_success == 1.0


# --------------------------------------------------------------------------- progress


def test_progress_bar_writes_to_stderr(monkeypatch: pytest.MonkeyPatch) -> None:
    buf = io.StringIO()
    monkeypatch.setattr(progress.sys, "stderr", buf)
    monkeypatch.setattr(paths, "_CHUNK_DRAWS", 1000)
    sc.simulate_kr(42, 65, 48, 10, volatility=1.0, paths=5000, seed=1, progress=True)
    out = buf.getvalue()
    assert out.startswith("\r") and out.endswith("\n")
    assert "100% (5,000/5,000)" in out


def test_progress_is_off_by_default_for_small_runs(capsys: pytest.CaptureFixture) -> None:
    sc.simulate_kr(42, 65, 48, 10, volatility=1.0, paths=5000, seed=1)
    assert capsys.readouterr().err == ""


def test_progress_uses_a_display_handle_in_jupyter(monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []

    class Handle:
        def update(self, obj: dict, raw: bool = False) -> None:
            shown.append(obj["text/plain"])

    monkeypatch.setattr(progress, "_in_jupyter", lambda: True)
    import IPython.display

    monkeypatch.setattr(IPython.display, "display", lambda obj, **kw: Handle())
    bar = progress.Progress(10, "x")
    bar.update(5)
    bar.update(5)
    bar.close()
    assert shown[-1].endswith("100% (10/10)")


# --------------------------------------------------------------------------- forecast_okrs


def test_forecast_okrs_on_the_activation_okr() -> None:
    krs = load_okr_examples().query("example_id == 'activation'")
    checkins = load_checkins()
    krs_before, checkins_before = krs.copy(), checkins.copy()
    fc = sc.forecast_okrs(
        krs, checkins, "2026-08-17", "2026-09-30", objective_col="example_id", paths=4000, seed=7
    )
    pd.testing.assert_frame_equal(krs, krs_before)
    pd.testing.assert_frame_equal(checkins, checkins_before)
    assert list(fc.krs["kr_id"]) == list(krs["kr_id"])
    assert (fc.krs["score_p10"] <= fc.krs["expected_score"]).all()
    assert (fc.krs["expected_score"] <= fc.krs["score_p90"]).all()
    assert fc.krs["expected_progress"].iloc[0] == pytest.approx(48 / 92)
    obj = fc.objectives.iloc[0]
    assert obj["n_krs"] == 3
    # the objective's expected score is the mean of the KRs' expected scores ...
    assert obj["expected_score"] == pytest.approx(fc.krs["expected_score"].mean())
    # ... but its interval is that of the mean, narrower than the mean of the intervals
    width = obj["score_p90"] - obj["score_p10"]
    assert width < (fc.krs["score_p90"] - fc.krs["score_p10"]).mean()


def test_forecast_okrs_needs_enough_checkins() -> None:
    krs = load_okr_examples().query("example_id == 'activation'")
    with pytest.raises(OKRDataError, match=r"activation\.kr1.*at least 4"):
        sc.forecast_okrs(
            krs, load_checkins(), "2026-07-20", "2026-09-30", objective_col="example_id"
        )


# --------------------------------------------------------------------------- targets


@pytest.mark.parametrize(
    ("level", "drift", "vol", "direction"),
    [(0.5, 0.5, 1.0, "increase"), (0.3, 0.0, 1.0, "increase"), (0.8, -0.6, 0.7, "decrease")],
)
def test_calibrate_target_hits_its_level(
    level: float, drift: float, vol: float, direction: str
) -> None:
    kw = {"baseline": 42.0, "drift": drift, "volatility": vol, "weeks": 13}
    target = sc.calibrate_target(None, level=level, direction=direction, **kw)
    # closed form for a Gaussian walk
    # P(end >= q) = level for an increase, P(end <= q) = level for a decrease
    z = Z.inv_cdf(1 - level if direction == "increase" else level)
    q = 42.0 + drift * 13 + z * vol * math.sqrt(13)
    assert target == pytest.approx(42.0 + (q - 42.0) / 0.7, rel=1e-12)
    assert sc.ambition(None, target, direction=direction, **kw) == pytest.approx(level)
    # and simulated paths of the same walk land at the requested probability
    sim = sc.simulate_kr(42.0, target, 42.0, 13, drift=drift, volatility=vol, paths=200_000,
                         direction=direction, seed=99)  # fmt: skip
    assert np.mean(sim.end_scores >= 0.7) == pytest.approx(level, abs=0.005)


@pytest.mark.parametrize(
    ("target", "drift", "vol", "weeks"),
    [(65.0, 0.0, 1.0, 13), (46.0, 0.0, 1.0, 13), (50.0, 0.8, 2.0, 6), (30.0, -1.0, 1.5, 13),
     (44.0, 0.2, 0.0, 13), (40.0, 0.0, 0.0, 4)],
)  # fmt: skip
def test_ambition_is_the_exact_chance_the_paths_estimate(target, drift, vol, weeks) -> None:
    exact = sc.ambition(None, target, baseline=42.0, drift=drift, volatility=vol, weeks=weeks)
    sim = sc.simulate_kr(42.0, target, 42.0, weeks, drift=drift, volatility=vol,
                         paths=200_000, seed=3)  # fmt: skip
    assert exact == pytest.approx(np.mean(sim.end_scores >= 0.7 - 1e-9), abs=0.005)
    assert exact == pytest.approx(sim.p_success, rel=1e-12)


def test_ambition_and_calibrate_target_draw_no_paths() -> None:
    with pytest.raises(TypeError, match="seed"):
        sc.ambition(None, 46, baseline=42, drift=0.0, volatility=1.0, seed=0)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="paths"):
        sc.calibrate_target(None, baseline=42, drift=0.5, volatility=1.0, paths=10)  # type: ignore[call-arg]


def test_calibrate_target_refuses_an_impossible_level() -> None:
    hist = load_kpi_history("activation_rate")["value"]
    with pytest.raises(OKRDataError, match="pass drift="):
        sc.calibrate_target(hist, level=0.5)


@pytest.mark.parametrize(("kpi", "target"), [("activation_rate", 65.0), ("mql_to_sql_rate", 32.0)])
def test_seed_targets_are_out_of_reach_without_change(kpi: str, target: float) -> None:
    hist = load_kpi_history(kpi)["value"]
    assert sc.ambition(hist, target) < 0.01
    calibrated = sc.calibrate_target(hist, level=0.3)
    assert hist.iloc[-1] < calibrated < target


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [({"level": 1.0}, "level"), ({"level": 0.0}, "level"), ({"weeks": 0}, "weeks")],
)
def test_calibrate_target_bad_arguments(kwargs: dict, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        sc.calibrate_target(None, baseline=1.0, drift=1.0, volatility=1.0, **kwargs)


# --------------------------------------------------------------------------- confidence


@pytest.mark.parametrize(
    ("confidence", "score", "brier"),
    [
        # (0.9-1)^2 + (0.8-0)^2 + (0.2-0)^2 + (0.1-1)^2 = 0.01+0.64+0.04+0.81 = 1.5; / 4
        ([9, 8, 2, 1], [1.0, 0.5, 0.0, 0.8], 0.375),
        # same on the 0-1 scale
        ([0.9, 0.8, 0.2, 0.1], [1.0, 0.5, 0.0, 0.8], 0.375),
        # perfect: (1-1)^2 + (0-0)^2 = 0
        ([10, 0], [0.7, 0.69], 0.0),
        # always 50%: 0.25 whatever happens
        ([0.5, 0.5, 0.5], [1.0, 0.0, 0.3], 0.25),
    ],
)
def test_brier_score_hand_worked(confidence: list, score: list, brier: float) -> None:
    frame = pd.DataFrame({"confidence": confidence, "score": score})
    before = frame.copy()
    rep = sc.confidence_calibration(frame)
    assert rep.brier == pytest.approx(brier)
    pd.testing.assert_frame_equal(frame, before)


def test_reliability_bins() -> None:
    frame = pd.DataFrame(
        {"confidence": [0.1, 0.15, 0.5, 0.55, 0.95, 1.0], "score": [0, 1, 1, 1, 1, 1]}
    )
    rel = sc.confidence_calibration(frame, bins=4).reliability
    assert list(rel["bin"]) == ["[0.0, 0.2)", "[0.2, 0.5)", "[0.5, 0.8)", "[0.8, 1.0]"]
    assert list(rel["count"]) == [2, 0, 2, 2]
    assert rel["mean_confidence"].iloc[0] == pytest.approx(0.125)
    assert rel["observed_rate"].iloc[0] == pytest.approx(0.5)
    assert np.isnan(rel["observed_rate"].iloc[1])
    assert rel["observed_rate"].iloc[3] == 1.0


def test_team_flags() -> None:
    rng = np.random.default_rng(0)
    n = 400
    informed = rng.random(n)
    outcome = (rng.random(n) < informed).astype(float)  # succeeds as often as it says
    noise = rng.random(n)  # confidence unrelated to outcome
    flat = np.full(n, 0.8)  # always says 8/10
    frame = pd.DataFrame(
        {
            "team": ["good"] * n + ["noise"] * n + ["flat"] * n + ["tiny"] * 3,
            "confidence": np.concatenate([informed, noise, flat, [0.5, 0.5, 0.5]]),
            "score": np.concatenate([outcome, outcome, outcome, [1.0, 0.0, 1.0]]),
        }
    )
    teams = sc.confidence_calibration(frame, team_col="team").teams.set_index("team")
    flags = teams["informative"]
    assert flags["good"] == True  # noqa: E712 (pandas BooleanDtype)
    assert flags["noise"] == False  # noqa: E712
    assert flags["flat"] == False  # noqa: E712
    assert pd.isna(flags["tiny"])
    assert teams.loc["good", "skill"] > 0 > teams.loc["noise", "skill"]
    assert np.isnan(teams.loc["flat", "corr"])
    assert list(teams.columns) == ["n", "brier", "climatology", "skill", "corr", "informative"]


@pytest.mark.parametrize(
    ("confidence", "match"),
    [([0.5, 7, 3], "mixes scales"), ([-1, 5, 3], "0-1 or 0-10"), ([11, 5, 3], "0-1 or 0-10"),
     ([np.nan, 5, 3], "missing")],
)  # fmt: skip
def test_confidence_bad_input(confidence: list, match: str) -> None:
    frame = pd.DataFrame({"confidence": confidence, "score": [1.0, 0.0, 0.5]})
    with pytest.raises(OKRDataError, match=match):
        sc.confidence_calibration(frame)


# --------------------------------------------------------------------------- grades


@pytest.mark.parametrize(
    ("scores", "label"),
    [
        ([1.0, 1.0, 1.0, 0.9, 1.0], "sandbagging"),
        ([0.0, 0.1, 0.2, 0.05], "over_reaching"),
        ([0.6, 0.7, 0.65, 0.8, 0.5], "healthy"),
    ],
)
def test_grade_diagnostics_labels(scores: list[float], label: str) -> None:
    out = sc.grade_diagnostics(scores)
    assert out["label"].iloc[0] == label
    assert out["n"].iloc[0] == len(scores)


def test_grade_diagnostics_shares_by_team() -> None:
    frame = pd.DataFrame(
        {"team": ["a"] * 4 + ["b"] * 4, "score": [1, 1, 0.65, 0.2, 0.6, 0.7, 0.1, 0.0]}
    )
    before = frame.copy()
    out = sc.grade_diagnostics(frame, group_col="team").set_index("team")
    pd.testing.assert_frame_equal(frame, before)
    assert out.loc["a", "share_full"] == 0.5
    assert out.loc["a", "share_sweet_spot"] == 0.25
    assert out.loc["b", "share_sweet_spot"] == 0.5  # both ends count
    assert out.loc["b", "share_low"] == 0.5
    with pytest.raises(OKRDataError, match="empty"):
        sc.grade_diagnostics([])


# --------------------------------------------------------------------------- pay link


def test_pay_link_directions() -> None:
    out = sc.simulate_pay_link(5000, seed=3)
    paid, free = out.loc["pay_linked"], out.loc["decoupled"]
    assert free["mean_outcome"] > paid["mean_outcome"]
    assert paid["mean_score"] > 0.95
    assert 0.6 <= free["mean_score"] <= 0.75
    assert free["share_stretch"] > 0.9 > 0.1 > paid["share_stretch"]
    assert paid["share_full_score"] > 0.9
    pd.testing.assert_frame_equal(out, sc.simulate_pay_link(5000, seed=3))


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [({"n_agents": 0}, "n_agents"), ({"noise_sd": -0.1}, "noise_sd"), ({"stretch": 0}, "stretch")],
)
def test_pay_link_bad_input(kwargs: dict, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        sc.simulate_pay_link(**kwargs)


@pytest.mark.parametrize(("baseline", "target", "current"), [(42, 65, 55), (45, 30, 36)])
def test_score_percentiles_are_scores_of_value_percentiles(
    baseline: float, target: float, current: float
) -> None:
    sim = sc.simulate_kr(baseline, target, current, 8, volatility=2.0, paths=200_000, seed=8)
    direct = np.percentile(sim.end_scores, sc.PERCENTILES)
    # Exact percentiles against a large sample: within Monte Carlo error.
    np.testing.assert_allclose(list(sim.percentiles["score"].values()), direct, atol=5e-3)


@pytest.mark.parametrize(
    ("baseline", "target", "current", "drift"), [(42, 65, 55, 1.0), (45, 30, 36, -1.0)]
)
def test_probabilities_are_exact_and_agree_with_the_sample(baseline, target, current, drift):
    # Issue 13: use the closed form where there is one (the end of a Gaussian walk is normal).
    from statistics import NormalDist

    sim = sc.simulate_kr(
        baseline,
        target,
        current,
        8,
        drift=drift,
        volatility=2.0,
        threshold=50 if target > baseline else 35,
        paths=400_000,
        seed=3,
    )
    end = NormalDist(current + 8 * drift, 2.0 * 8**0.5)
    line = baseline + 0.7 * (target - baseline)
    exact = 1 - end.cdf(line) if target > baseline else end.cdf(line)
    assert sim.p_success == pytest.approx(exact, abs=1e-12)
    assert sim.p_success == pytest.approx(float(np.mean(sim.end_scores >= 0.7)), abs=4e-3)
    assert sim.percentiles["value"][50] == pytest.approx(current + 8 * drift)


def test_too_many_paths_are_refused_before_any_memory_is_taken():
    with pytest.raises(ValueError, match=r"1,000,000,000 would hold 8.0 GB.*at most 10,000,000"):
        sc.simulate_kr(42, 65, 48, 6, drift=1.0, volatility=1.0, paths=10**9)
    certain = sc.simulate_kr(42, 65, 48, 6, drift=1.0, volatility=0.0, paths=1, threshold=50)
    assert (certain.p_success, certain.p_threshold) == (0.0, 1.0)


def test_threshold_directions_are_refused() -> None:
    with pytest.raises(ValueError, match="'increase' or 'decrease'"):
        sc.simulate_kr(42, 80, 70, 6, volatility=1.0, direction="stay_above")


def test_a_fortnightly_series_is_not_simulated_as_weekly():
    # Issue 13: fortnightly check-ins were simulated as weekly; the linear and the Monte
    # Carlo forecasts disagreed (0.63 vs 0.87).
    krs = pd.DataFrame(
        {"kr_id": ["a"], "objective_id": ["o"], "baseline": [40.0], "target": [60.0]}
    )
    dates = pd.date_range("2026-07-06", periods=6, freq="14D")
    rng = np.random.default_rng(4)
    values = 40.0 + 1.0 * np.arange(6) * 2 + rng.normal(0, 0.3, 6)  # 1 point a week
    checkins = pd.DataFrame({"kr_id": "a", "date": dates, "value": values})
    fc = sc.forecast_okrs(krs, checkins, dates[-1], "2026-12-31", seed=1).krs.iloc[0]
    assert fc["drift"] == pytest.approx(1.0, abs=0.1)
    assert fc["expected_score"] == pytest.approx(fc["linear_forecast_score"], abs=0.05)
