"""Scenarios: Monte Carlo forecasts of where key results land, and target calibration.

What lives where:

* ``walks``: the weekly Gaussian random walk a metric is modelled by, estimated
  from its history (:func:`estimate_walk`, :class:`Walk`);
* ``paths``: many walks simulated at once, in numpy chunks (``progress``: the
  progress line a long run shows);
* ``simulation``: one key result's end of cycle (:func:`simulate_kr`,
  :class:`Simulation`, :func:`fan`);
* ``forecast``: every KR and objective of an OKR set at a check-in date
  (:func:`forecast_okrs`);
* ``targets``: the target with a chosen chance of success, and a target's chance
  (:func:`calibrate_target`, :func:`ambition`);
* ``confidence``: whether check-in confidences forecast success
  (:func:`confidence_calibration`);
* ``score_histories``: past scores read as sandbagging or over-reaching
  (:func:`grade_diagnostics`);
* ``pay_link``: what tying scores to pay does to targets (:func:`simulate_pay_link`);
* ``arguments``: the argument checks the random functions share.

Built on the core (pacing, scoring, grades, settings); imports nothing from
planning, the linter or present.
"""

from __future__ import annotations

from okr_toolkit.scenarios.confidence import CalibrationReport, confidence_calibration
from okr_toolkit.scenarios.forecast import OKRForecast, forecast_okrs
from okr_toolkit.scenarios.pay_link import simulate_pay_link
from okr_toolkit.scenarios.score_histories import grade_diagnostics
from okr_toolkit.scenarios.simulation import MAX_PATHS, PERCENTILES, Simulation, fan, simulate_kr
from okr_toolkit.scenarios.targets import ambition, calibrate_target
from okr_toolkit.scenarios.walks import Walk, estimate_walk

__all__ = [
    "MAX_PATHS",
    "PERCENTILES",
    "CalibrationReport",
    "OKRForecast",
    "Simulation",
    "Walk",
    "ambition",
    "calibrate_target",
    "confidence_calibration",
    "estimate_walk",
    "fan",
    "forecast_okrs",
    "grade_diagnostics",
    "simulate_kr",
    "simulate_pay_link",
]
