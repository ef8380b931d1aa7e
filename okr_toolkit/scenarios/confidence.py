"""Do check-in confidences forecast success? Brier score, reliability, and per team.

Confidence on 0-10 (the usual check-in scale) or 0-1 is read against whether
each past KR reached the success score; :class:`CalibrationReport` holds the
Brier score, the reliability table and, per team, whether confidence says
anything at all.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from okr_toolkit._validate import finite_array, one_of, require_columns
from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.scenarios.arguments import EPS, count, number

__all__ = ["CalibrationReport", "confidence_calibration"]


@dataclass(frozen=True)
class CalibrationReport:
    """How well check-in confidences forecast success.

    Attributes
    ----------
    brier
        Mean squared gap between confidence (0-1) and success (0 or 1); 0 is
        perfect, 0.25 is what always saying 50% earns.
    reliability
        Per confidence bin: ``bin``, ``mean_confidence``, ``observed_rate``,
        ``count`` (empty bins have count 0 and NaN rates).
    teams
        Per team (None without ``team``): ``n``, ``brier``, ``climatology``
        (the Brier score of always forecasting the team's base rate),
        ``skill`` (1 - brier / climatology), ``corr`` (between confidence and
        success), ``informative`` (False flags a team whose confidence says
        nothing; NA with too few KRs to tell).
    """

    brier: float
    reliability: pd.DataFrame
    teams: pd.DataFrame | None


#: How confidences may be given: decided from the values, or said.
SCALES = ("auto", "0-1", "0-10")


def _scale_confidence(values: np.ndarray, name: str, scale: str = "auto") -> np.ndarray:
    if values.size == 0:
        raise OKRDataError("no key results to calibrate; give at least one row")
    lo, hi = float(values.min()), float(values.max())
    top = {"0-1": 1.0, "0-10": 10.0}.get(scale, 10.0)
    if lo < 0 or hi > top:
        raise OKRDataError(
            f"column {name!r} runs from {lo:g} to {hi:g}; confidence is "
            + ("0-1 or 0-10" if scale == "auto" else f"on {scale} here (scale={scale!r})")
        )
    if scale == "0-1":
        return values
    if scale == "0-10":
        return values / 10.0
    if hi <= 1 and np.isin(values, (0.0, 1.0)).all():
        # All 0 and 1: certain probabilities, or the bottom of the 0-10 scale.
        raise OKRDataError(
            f"column {name!r} holds only 0 and 1, which read as probabilities (0-1) or as "
            "the bottom of the 0-10 check-in scale; say which with scale='0-1' or "
            "scale='0-10'"
        )
    if hi <= 1:
        return values
    fractional = (values > 0) & (values < 1)
    if fractional.any():
        i = int(np.argmax(fractional))
        raise OKRDataError(
            f"column {name!r} mixes scales: row {i} is {values[i]:g} (a 0-1 probability?) "
            f"while others reach {hi:g} (0-10); put every confidence on one scale"
        )
    return values / 10.0


def confidence_calibration(
    frame: pd.DataFrame,
    *,
    confidence_col: str = "confidence",
    outcome_col: str = "score",
    success: float | None = None,
    team_col: str | None = None,
    bins: int = 5,
    min_krs: int = 8,
    scale: str = "auto",
    settings: Settings = DEFAULT_SETTINGS,
) -> CalibrationReport:
    """Brier score and reliability table of check-in confidences.

    Confidence on 0-10 (the usual check-in scale) is detected when any value
    exceeds 1 and divided by 10; values outside 0-10, or a mix of fractions
    below 1 with values above 1, are errors. Confidences that are all 0 and 1
    could be either scale and are refused unless ``scale`` says which. A KR succeeded when its final
    score is at least ``success`` (0.7).

    Rule for "confidence says nothing": a team with at least ``min_krs`` KRs
    is flagged (``informative=False``) when its Brier score is no better than
    always forecasting its own success rate (skill <= 0), or when confidence
    and success are uncorrelated (``|corr| < 0.1``, or no variation at all).

    Parameters
    ----------
    frame
        One row per past KR with a confidence and a final score. Not modified.
    confidence_col, outcome_col, team_col
        Column names: the confidence, the final score and the team;
        ``team_col`` is optional.
    success
        Success score; default ``settings.aspirational_success``.
    bins
        Number of equal-width confidence bins on [0, 1].
    min_krs
        Fewest KRs for which a team is judged.
    scale
        ``"auto"`` (decided from the values), ``"0-1"`` (probabilities) or ``"0-10"``.

    Examples
    --------
    >>> import pandas as pd
    >>> past = pd.DataFrame({"confidence": [9, 8, 2, 1], "score": [1.0, 0.5, 0.0, 0.8]})
    >>> rep = confidence_calibration(past, bins=2)
    >>> round(rep.brier, 4)
    0.375
    >>> rep.reliability
              bin  mean_confidence  observed_rate  count
    0  [0.0, 0.5)             0.15            0.5      2
    1  [0.5, 1.0]             0.85            0.5      2
    """
    cols = [confidence_col, outcome_col] + ([team_col] if team_col is not None else [])
    require_columns(frame, cols, "the past key results table")
    bins = count(bins, "bins", 1)
    s = settings.aspirational_success if success is None else number(success, "success")
    raw = finite_array(frame[confidence_col], confidence_col, noun="row").ravel()
    one_of(scale, SCALES, "scale")
    p = _scale_confidence(raw, confidence_col, scale)
    hit = (finite_array(frame[outcome_col], outcome_col, noun="row").ravel() >= s - EPS).astype(
        float
    )
    brier = float(np.mean((p - hit) ** 2))
    reliability = _reliability(p, hit, bins)
    teams = None
    if team_col is not None:
        teams = _team_table(frame[team_col].to_numpy(), p, hit, team_col, min_krs)
    return CalibrationReport(brier, reliability, teams)


def _reliability(p: np.ndarray, hit: np.ndarray, bins: int) -> pd.DataFrame:
    """Mean confidence ``p``, success rate of ``hit`` and count in equal-width bins on [0, 1]."""
    idx = np.minimum((p * bins).astype(int), bins - 1)
    counts = np.bincount(idx, minlength=bins)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_p = np.bincount(idx, weights=p, minlength=bins) / counts
        rate = np.bincount(idx, weights=hit, minlength=bins) / counts
    edges = np.linspace(0, 1, bins + 1)
    labels = [
        f"[{edges[i]:.1f}, {edges[i + 1]:.1f}{']' if i == bins - 1 else ')'}" for i in range(bins)
    ]
    return pd.DataFrame(
        {"bin": labels, "mean_confidence": mean_p, "observed_rate": rate, "count": counts}
    )


def _team_table(
    team: np.ndarray, p: np.ndarray, hit: np.ndarray, team_col: str, min_krs: int
) -> pd.DataFrame:
    """Per team: Brier score, climatology, skill, correlation and whether confidence informs."""
    work = pd.DataFrame({"team": team, "p": p, "o": hit})
    work = work.assign(se=(work["p"] - work["o"]) ** 2)
    g = work.groupby("team", sort=True)
    teams = g.agg(n=("p", "size"), brier=("se", "mean"), base=("o", "mean"))
    teams["climatology"] = teams["base"] * (1 - teams["base"])
    with np.errstate(invalid="ignore", divide="ignore"):
        skill = 1 - teams["brier"] / teams["climatology"].where(teams["climatology"] > 0)
    teams["skill"] = skill
    # Correlation from grouped moments: no loop over teams.
    mom = work.assign(pp=work["p"] ** 2, oo=work["o"] ** 2, po=work["p"] * work["o"])
    m = mom.groupby("team", sort=True)[["p", "o", "pp", "oo", "po"]].mean()
    cov = m["po"] - m["p"] * m["o"]
    sd = np.sqrt((m["pp"] - m["p"] ** 2).clip(lower=0) * (m["oo"] - m["o"] ** 2).clip(lower=0))
    teams["corr"] = (cov / sd.where(sd > 1e-12)).clip(-1, 1)
    says_nothing = (teams["skill"].fillna(-1) <= 0) | ~(teams["corr"].abs() >= 0.1)
    teams["informative"] = pd.array(~says_nothing, dtype="boolean")
    teams.loc[teams["n"] < min_krs, "informative"] = pd.NA
    return teams.drop(columns="base").reset_index().rename(columns={"team": team_col})
