"""Scenarios: Monte Carlo forecasts of where key results land, and target calibration."""

from __future__ import annotations

from okr_toolkit.scenarios.simulation import (
    PERCENTILES,
    CalibrationReport,
    OKRForecast,
    Simulation,
    Walk,
    ambition,
    calibrate_target,
    confidence_calibration,
    estimate_walk,
    fan,
    forecast_okrs,
    grade_diagnostics,
    simulate_kr,
    simulate_pay_link,
)

__all__ = [
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
