"""Generate the two synthetic datasets shipped in ``datasets/``.

Only ``kpi_history.csv`` and ``checkins.csv`` come from this script. The other five
CSV files are tables typed in by hand from the source articles (see
``datasets/README.md``); nothing here touches them.

Both files are drawn from one ``numpy.random.default_rng(7)`` in a fixed order
(activation history, MQL-to-SQL history, then the three check-in series), so a
second run writes byte-identical files::

    python scripts/make_datasets.py              # rewrites datasets/
    python scripts/make_datasets.py --out /tmp/x # writes somewhere else

The figures come from seed 000: week-1 activation stuck at 42% against a 50%
threshold for six months (26 weeks), MQL-to-SQL conversion stuck at 18% against 25%
for nine months (39 weeks), and the activation OKR that reframes the first of them
(42% -> 65%, time-to-first-value 5 -> 2 days, week-1 NPS 28 -> 45).
"""

from __future__ import annotations

import argparse
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

SEED = 7
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "datasets"

# Both stalled histories end on the week that starts on this Monday.
LAST_WEEK = dt.date(2026, 6, 22)

# The Q3 2026 cycle the check-ins belong to, and the Mondays they fall on.
CYCLE_START = dt.date(2026, 7, 1)
CYCLE_END = dt.date(2026, 9, 30)
FIRST_CHECKIN = dt.date(2026, 7, 6)
N_CHECKINS = 7

# Confidence starts neutral and moves 40% of the way to the latest evidence each week.
CONFIDENCE_START = 5.0
CONFIDENCE_WEIGHT = 0.4


@dataclass(frozen=True)
class StalledKPI:
    """A KPI that hovers below its threshold (seed 000)."""

    name: str
    mean: float  # where the KPI is stuck, in percent
    threshold: float  # the level it is supposed to defend, in percent
    noise_sd: float  # week-to-week shock, in percentage points
    pull: float  # share of the gap to the mean closed each week (mean reversion)
    band: float  # a step past mean +/- band is mirrored back inside it
    weeks: int


@dataclass(frozen=True)
class KRPath:
    """How one activation key result moves during the synthetic cycle."""

    kr_id: str
    baseline: float
    target: float
    pace: float  # share of the baseline-to-target distance covered by cycle end
    noise_sd: float


STALLED_KPIS = (
    StalledKPI("activation_rate", 42.0, 50.0, 1.2, 0.5, 3.0, weeks=26),  # six months
    StalledKPI("mql_to_sql_rate", 18.0, 25.0, 1.0, 0.5, 3.0, weeks=39),  # nine months
)

KR_PATHS = (
    KRPath("activation.kr1", 42.0, 65.0, pace=0.65, noise_sd=0.8),  # % activated in week 1
    KRPath("activation.kr2", 5.0, 2.0, pace=0.70, noise_sd=0.15),  # days to first value
    KRPath("activation.kr3", 28.0, 45.0, pace=0.50, noise_sd=2.0),  # week-1 NPS
)


def _reflect(x: float, low: float, high: float) -> float:
    """Mirror ``x`` back into ``[low, high]`` (no flat runs at the edge, unlike clipping)."""
    if x < low:
        x = 2 * low - x
    elif x > high:
        x = 2 * high - x
    return float(np.clip(x, low, high))  # only a step wider than the band needs this


def stalled_history(kpi: StalledKPI, rng: np.random.Generator) -> pd.DataFrame:
    """Weekly values of a KPI that reverts to its stuck level, never reaching threshold."""
    values = np.empty(kpi.weeks)
    level = kpi.mean
    for week in range(kpi.weeks):
        level = level + kpi.pull * (kpi.mean - level) + rng.normal(0.0, kpi.noise_sd)
        level = _reflect(level, kpi.mean - kpi.band, kpi.mean + kpi.band)
        values[week] = level
    # Centre the series on the stuck level the seed quotes ("stuck at 42%"), so
    # the typical week is that figure rather than wherever the noise drifted.
    values += kpi.mean - np.median(values)
    first = LAST_WEEK - dt.timedelta(weeks=kpi.weeks - 1)
    weeks = [first + dt.timedelta(weeks=i) for i in range(kpi.weeks)]
    return pd.DataFrame(
        {
            "kpi": kpi.name,
            "week": [w.isoformat() for w in weeks],
            "value": np.round(values, 1),
            "threshold": kpi.threshold,
            "unit": "%",
            "better": "higher",
        }
    )


def checkin_series(path: KRPath, rng: np.random.Generator) -> pd.DataFrame:
    """Weekly check-ins of one key result: a straight-line pace plus noise.

    Confidence (0-10) is the team's running belief in the end-of-cycle score: each
    week it moves part of the way towards ten times the score that the check-ins so
    far project for the end of the cycle (a line through the baseline at cycle start).
    """
    cycle_days = (CYCLE_END - CYCLE_START).days
    dates = [FIRST_CHECKIN + dt.timedelta(weeks=i) for i in range(N_CHECKINS)]
    elapsed = np.array([(d - CYCLE_START).days for d in dates], dtype=float)
    span = path.target - path.baseline
    trend = path.baseline + path.pace * span * elapsed / cycle_days
    values = np.round(trend + rng.normal(0.0, path.noise_sd, size=N_CHECKINS), 1)

    confidence = np.empty(N_CHECKINS, dtype=int)
    belief = CONFIDENCE_START
    for i in range(N_CHECKINS):
        t, gain = elapsed[: i + 1], values[: i + 1] - path.baseline
        slope = float(np.sum(t * gain) / np.sum(t * t))
        projected = float(np.clip(slope * cycle_days / span, 0.0, 1.0))
        belief += CONFIDENCE_WEIGHT * (10.0 * projected - belief)
        confidence[i] = round(belief)
    return pd.DataFrame(
        {
            "kr_id": path.kr_id,
            "date": [d.isoformat() for d in dates],
            "value": values,
            "confidence": confidence,
        }
    )


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """Write with fixed formatting so that every run produces the same bytes."""
    frame.to_csv(path, index=False, float_format="%.1f", lineterminator="\n", encoding="utf-8")


def make_datasets(out: Path, seed: int = SEED) -> list[Path]:
    """Write ``kpi_history.csv`` and ``checkins.csv`` into ``out``; return their paths."""
    rng = np.random.default_rng(seed)
    history = pd.concat([stalled_history(k, rng) for k in STALLED_KPIS], ignore_index=True)
    checkins = pd.concat([checkin_series(p, rng) for p in KR_PATHS], ignore_index=True)
    if not (history["value"] < history["threshold"]).all():
        raise SystemExit("a stalled KPI reached its threshold; change the model parameters")

    out.mkdir(parents=True, exist_ok=True)
    written = [out / "kpi_history.csv", out / "checkins.csv"]
    write_csv(history, written[0])
    write_csv(checkins, written[1])
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT,
        help=f"directory to write into (default: {DEFAULT_OUT})",
    )
    parser.add_argument("--seed", type=int, default=SEED, help="random seed (default: 7)")
    args = parser.parse_args(argv)
    for path in make_datasets(args.out, args.seed):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
