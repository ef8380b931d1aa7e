"""Generate the synthetic datasets shipped in ``datasets/``.

Two families of files come from this script; every other file in ``datasets/`` is
typed in by hand from the source articles (see ``datasets/README.md``) and is not
touched here.

* ``kpi_history.csv`` and ``checkins.csv``: the two stalled KPIs of "OKR vs KPI vs
  MBO" and the activation OKR's check-ins, drawn from one
  ``numpy.random.default_rng(7)`` in a fixed order (activation history, MQL-to-SQL
  history, then the three check-in series).
* The Acme Analytics case study: ``acme_kpis.csv``, ``acme_kpi_history.csv``,
  ``acme_objectives.csv``, ``acme_okrs.yaml`` and ``acme_mbo_targets.csv``, drawn
  from a second generator, ``numpy.random.default_rng([7, 2026])``, so that adding
  to the case study never changes the two files above. Acme's activation and
  MQL-to-SQL histories reuse the stalled series of ``kpi_history.csv`` week for
  week, so the case study and the earlier notebooks tell the same story.

A second run writes byte-identical files::

    python scripts/make_datasets.py              # rewrites datasets/
    python scripts/make_datasets.py --out /tmp/x # writes somewhere else

The figures come from "OKR vs KPI vs MBO" (``docs/sources.md``): week-1 activation
stuck at 42% against a 50% threshold for six months (26 weeks), MQL-to-SQL conversion
stuck at 18% against 25% for nine months (39 weeks), and the activation OKR that
reframes the first of them (42% -> 65%, time-to-first-value 5 -> 2 days, week-1 NPS
28 -> 45).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
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
    """A KPI that hovers below its threshold, as in "OKR vs KPI vs MBO"."""

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


# --------------------------------------------------------------------------- Acme Analytics
#
# A synthetic B2B analytics SaaS company, "Acme Analytics", for the case study of
# notebook 08. Everything below is invented; the source articles only lend it the
# stalled KPIs (activation 42% vs 50%, MQL-to-SQL 18% vs 25%), the first-response
# move of "KPI vs OKR — the difference that matters" (6 hours towards 2) and the
# 60/40 bottom-up ratio of "OKR vs KPI vs MBO".

ACME_STREAM = 2026  # second entry of the Acme generator's seed: default_rng([seed, 2026])
ACME_COMPANY = "Acme Analytics"
ACME_CYCLE = "2026Q3"
ACME_WEEKS = 52  # a year of weekly KPI history, ending on LAST_WEEK
ACME_MBO_YEAR = 2025
ACME_NOISE_MEMORY = 0.5  # weekly noise of a healthy KPI keeps half of last week's shock


@dataclass(frozen=True)
class AcmeKPI:
    """One KPI of Acme's catalogue and how its year of history is drawn.

    ``start`` is the level 52 weeks ago and ``end`` the level in the last week;
    in between the level moves in a straight line and weekly noise (sd ``sd``,
    half of each shock carried into the next week) is added. A KPI with
    ``stall_weeks`` instead sits at ``start`` on the healthy side of its threshold
    and then drops to ``end`` on the wrong side for its last ``stall_weeks`` weeks.
    """

    name: str
    label: str  # as people say it, for statements and charts
    team: str
    owner: str
    unit: str
    better: str
    threshold: float
    start: float
    end: float
    sd: float
    decimals: int
    description: str
    stall_weeks: int = 0
    seed_series: str = ""  # reuse this stalled series of kpi_history.csv for the stall


ACME_KPIS = (
    AcmeKPI("arr", "ARR", "Company", "Dana Whitfield", "$", "higher", 10_000_000,
            11_000_000, 12_400_000, 40_000, 0,
            "Annual recurring revenue: the yearly value of every active subscription."),
    AcmeKPI("net_revenue_retention", "net revenue retention", "Company", "Dana Whitfield", "%",
            "higher", 100, 109, 103, 0.5, 1,
            "Revenue kept from customers of a year ago, expansions and churn included."),
    AcmeKPI("activation_rate", "week-1 activation", "Growth", "Priya Raman", "%", "higher", 50,
            52.5, 42, 1.0, 1,
            "Share of new accounts that build a first dashboard in their first week.",
            stall_weeks=26, seed_series="activation_rate"),
    AcmeKPI("time_to_first_value", "time to first value", "Growth", "Priya Raman", "days",
            "lower", 7, 5.4, 5, 0.25, 1,
            "Median days from sign-up to the first shared dashboard."),
    AcmeKPI("mql_to_sql_rate", "MQL-to-SQL conversion", "Marketing", "Marco Silva", "%",
            "higher", 25, 26.5, 18, 0.8, 1,
            "Share of marketing-qualified leads that sales accepts as qualified.",
            stall_weeks=39, seed_series="mql_to_sql_rate"),
    AcmeKPI("visitor_to_lead_conversion", "visitor-to-lead conversion", "Marketing",
            "Marco Silva", "%", "higher", 5, 6.2, 6.8, 0.25, 1,
            "Share of website visitors who leave their details."),
    AcmeKPI("cost_per_lead", "cost per lead", "Marketing", "Marco Silva", "$", "lower", 80,
            58, 76, 1.5, 0,
            "Marketing spend divided by the leads it brought in."),
    AcmeKPI("win_rate", "win rate", "Sales", "Tom Becker", "%", "higher", 20, 23.5, 24, 0.8, 1,
            "Share of qualified opportunities that close as won."),
    AcmeKPI("sales_cycle", "sales cycle", "Sales", "Tom Becker", "days", "lower", 50, 44, 42,
            1.2, 0,
            "Median days from qualified opportunity to signed contract."),
    AcmeKPI("average_deal_size", "average deal size", "Sales", "Tom Becker", "$", "higher",
            15_000, 16_500, 18_500, 300, 0,
            "Mean first-year contract value of new deals."),
    AcmeKPI("weekly_active_users", "weekly active users", "Product", "Lena Ortiz", "users",
            "higher", 20_000, 21_000, 23_000, 250, 0,
            "People who open at least one dashboard in the week."),
    AcmeKPI("nps", "new-customer NPS", "Product", "Lena Ortiz", "score", "higher", 30, 34, 33,
            1.0, 0,
            "Net Promoter Score of accounts in their first 90 days."),
    AcmeKPI("uptime", "uptime", "Engineering", "Kenji Watanabe", "%", "higher", 99.9, 99.96,
            99.96, 0.015, 2,
            "Share of the week the app and its API answered health checks."),
    AcmeKPI("dashboard_load_p95", "dashboard p95 load time", "Engineering", "Kenji Watanabe",
            "ms", "lower", 2000, 1350, 1900, 25, 0,
            "95th percentile of the time a dashboard takes to load."),
    AcmeKPI("deploys_per_week", "deploys per week", "Engineering", "Kenji Watanabe", "count",
            "higher", 10, 12, 14, 1.0, 0,
            "Production deployments in the week."),
    AcmeKPI("first_response_time", "median first response", "Customer Success", "Aisha Mensah",
            "hours", "lower", 4, 3.5, 6, 0.3, 1,
            "Median hours until a support ticket gets its first human reply.",
            stall_weeks=20),
    AcmeKPI("csat", "CSAT", "Customer Success", "Aisha Mensah", "score", "higher", 4.0, 4.2, 4.1,
            0.04, 2,
            "Mean satisfaction rating (1-5) of closed support tickets."),
    AcmeKPI("logo_churn_rate", "monthly logo churn", "Customer Success", "Aisha Mensah", "%",
            "lower", 2.0, 1.2, 1.75, 0.06, 2,
            "Share of paying customers lost in the last 30 days."),
    AcmeKPI("gross_margin", "gross margin", "Finance", "Rafael Costa", "%", "higher", 75, 78, 78.5,
            0.4, 1,
            "Revenue minus hosting and support costs, as a share of revenue."),
    AcmeKPI("cac_payback_months", "CAC payback", "Finance", "Rafael Costa", "months", "lower",
            18, 15, 14, 0.3, 1,
            "Months of gross margin needed to earn back the cost of winning a customer."),
    AcmeKPI("employee_enps", "employee NPS", "People", "Grace Liu", "score", "higher", 20, 33, 31,
            1.2, 0,
            "Employee Net Promoter Score from the monthly pulse survey."),
)  # fmt: skip

# First response time is stuck like the stalled KPIs above: a mean-reverting walk around
# six hours (the starting point in "KPI vs OKR — the difference that matters"), kept
# within 0.8 hours of it and centred on it.
ACME_STALL = StalledKPI("first_response_time", 6.0, 4.0, 0.3, 0.5, 0.8, weeks=20)


@dataclass(frozen=True)
class Metric:
    """A metric checked in weekly during the quarter: where it starts and where it heads.

    ``start`` is its value at the quarter's start and ``end`` the value its straight
    line would reach on the quarter's last day; each check-in adds normal noise of sd
    ``sd``. Metrics named after a KPI start at that KPI's level (``start=None``).
    """

    name: str
    end: float
    sd: float
    decimals: int = 1
    start: float | None = None


ACME_METRICS = (
    Metric("activation_rate", 52, 0.8),
    Metric("nps", 37, 1.2, 0),
    Metric("mql_to_sql_rate", 28.5, 0.6),
    Metric("arr", 13_600_000, 30_000, 0),
    Metric("net_revenue_retention", 102, 0.3),
    Metric("first_response_time", 2.2, 0.2),
    Metric("time_to_first_value", 2.4, 0.15),
    Metric("onboarding_experiments", 11, 0.0, 0, start=0),
    Metric("trial_to_paid", 17.5, 0.4, start=14),
    Metric("cost_per_lead", 70, 1.0, 0),
    Metric("visitor_to_lead_conversion", 8.6, 0.12),
    Metric("newsletter_subscribers", 5900, 60, 0, start=4200),
    Metric("win_rate", 27, 0.6),
    Metric("sales_cycle", 38, 0.8, 0),
    Metric("average_deal_size", 21_000, 250, 0),
    Metric("weekly_active_users", 27_500, 200, 0),
    Metric("help_resolution", 38, 1.2, start=30),
    Metric("alert_users", 3900, 60, 0, start=2400),
    Metric("dashboard_load_p95", 1500, 25, 0),
    Metric("deploys_per_week", 20.5, 1.0, 0),
    Metric("csat", 4.6, 0.04, 2),
    Metric("logo_churn_rate", 1.5, 0.05, 2),
    Metric("cac_payback_months", 13, 0.2),
    Metric("employee_enps", 36, 1.2, 0),
    Metric("time_to_hire", 45, 1.0, 0, start=52),
    Metric("proposal_turnaround", 2.5, 0.2, start=5),
    Metric("ttfv_self_serve", 3.6, 0.2, start=6),
    Metric("mql_to_sql_paid_search", 24, 0.8, start=15),
)


@dataclass(frozen=True)
class AcmeKR:
    """A key result: its sentence (``{b}`` and ``{t}`` become baseline and target),
    the metric its check-ins follow, the KPI it moves (if any) and its target."""

    statement: str
    metric: str
    target: float
    unit: str
    direction: str
    owner: str
    kpi: str = ""


@dataclass(frozen=True)
class AcmeObjective:
    """An objective of the alignment tree and whether it was set top-down or bottom-up."""

    id: str
    title: str
    owner: str
    team: str
    level: str
    parent: str
    origin: str  # "top_down" (cascaded by the level above) or "bottom_up" (the team's own)
    key_results: tuple[AcmeKR, ...]


_O, _K = AcmeObjective, AcmeKR
ACME_OBJECTIVES = (
    _O("co_activation", "Make every new account successful in its first week", "Dana Whitfield",
       "Company", "company", "", "top_down", (
        _K("Lift week-1 activation from {b} to {t}", "activation_rate", 60, "%", "increase",
           "Priya Raman", "activation_rate"),
        _K("Raise new-customer NPS from {b} to {t}", "nps", 45, "score", "increase",
           "Lena Ortiz", "nps"),
    )),
    _O("co_pipeline", "Turn more of our demand into revenue", "Dana Whitfield", "Company",
       "company", "", "top_down", (
        _K("Raise MQL-to-SQL conversion from {b} to {t}", "mql_to_sql_rate", 30, "%",
           "increase", "Marco Silva", "mql_to_sql_rate"),
        _K("Grow ARR from {b} to {t}", "arr", 13_600_000, "$", "increase", "Tom Becker", "arr"),
    )),
    _O("co_retention", "Keep the customers we win, and grow with them", "Dana Whitfield",
       "Company", "company", "", "top_down", (
        _K("Raise net revenue retention from {b} to {t}", "net_revenue_retention", 110, "%",
           "increase", "Aisha Mensah", "net_revenue_retention"),
        _K("Cut median first response from {b} to {t}", "first_response_time", 2, "hours",
           "decrease", "Aisha Mensah", "first_response_time"),
    )),
    # --- teams
    _O("growth_first_week", "Get new accounts to their first insight on day one", "Priya Raman",
       "Growth", "team", "co_activation", "top_down", (
        _K("Cut time to first value from {b} to {t}", "time_to_first_value", 2, "days",
           "decrease", "Priya Raman", "time_to_first_value"),
        _K("Lift week-1 activation from {b} to {t}", "activation_rate", 60, "%", "increase",
           "Priya Raman", "activation_rate"),
    )),
    _O("growth_experiments", "Learn faster what makes a trial stick", "Priya Raman", "Growth",
       "team", "co_activation", "bottom_up", (
        _K("Run 12 onboarding experiments", "onboarding_experiments", 12, "count", "increase",
           "Sam Okafor", "activation_rate"),
        _K("Raise trial-to-paid conversion from {b} to {t}", "trial_to_paid", 20, "%",
           "increase", "Priya Raman"),
    )),
    _O("marketing_quality", "Send sales the leads they want to call", "Marco Silva", "Marketing",
       "team", "co_pipeline", "top_down", (
        _K("Raise MQL-to-SQL conversion from {b} to {t}", "mql_to_sql_rate", 25, "%",
           "increase", "Marco Silva", "mql_to_sql_rate"),
        _K("Cut cost per lead from {b} to {t}", "cost_per_lead", 60, "$", "decrease",
           "Julia Novak", "cost_per_lead"),
    )),
    _O("marketing_content", "Become the analytics blog data teams read first", "Marco Silva",
       "Marketing", "team", "co_pipeline", "bottom_up", (
        _K("Grow visitor-to-lead conversion from {b} to {t}", "visitor_to_lead_conversion", 8.5,
           "%", "increase", "Marco Silva", "visitor_to_lead_conversion"),
        _K("Grow newsletter subscribers from {b} to {t}", "newsletter_subscribers", 6000,
           "users", "increase", "Marco Silva"),
    )),
    _O("sales_conversion", "Win the deals we qualify", "Tom Becker", "Sales", "team",
       "co_pipeline", "bottom_up", (
        _K("Raise win rate from {b} to {t}", "win_rate", 30, "%", "increase", "Tom Becker",
           "win_rate"),
        _K("Cut the sales cycle from {b} to {t}", "sales_cycle", 32, "days", "decrease",
           "Hannah Park", "sales_cycle"),
    )),
    _O("sales_expansion", "Grow with the accounts we already have", "Tom Becker", "Sales",
       "team", "co_retention", "bottom_up", (
        _K("Grow average deal size from {b} to {t}", "average_deal_size", 22_000, "$",
           "increase", "Tom Becker", "average_deal_size"),
    )),
    _O("product_value", "Make the product explain itself", "Lena Ortiz", "Product", "team",
       "co_activation", "bottom_up", (
        _K("Grow weekly active users from {b} to {t}", "weekly_active_users", 27_000, "users",
           "increase", "Lena Ortiz", "weekly_active_users"),
        _K("Raise self-serve help resolution from {b} to {t}", "help_resolution", 50, "%",
           "increase", "Ravi Iyer"),
    )),
    _O("engineering_speed", "Make Acme feel instant", "Kenji Watanabe", "Engineering", "team",
       "co_retention", "bottom_up", (
        _K("Cut dashboard p95 load time from {b} to {t}", "dashboard_load_p95", 1200, "ms",
           "decrease", "Kenji Watanabe", "dashboard_load_p95"),
        _K("Raise deploys per week from {b} to {t}", "deploys_per_week", 20, "count",
           "increase", "Kenji Watanabe", "deploys_per_week"),
    )),
    _O("cs_response", "Answer customers while the question still matters", "Aisha Mensah",
       "Customer Success", "team", "co_retention", "top_down", (
        _K("Cut median first response from {b} to {t}", "first_response_time", 2, "hours",
           "decrease", "Aisha Mensah", "first_response_time"),
        _K("Raise CSAT from {b} to {t}", "csat", 4.6, "score", "increase", "Aisha Mensah",
           "csat"),
    )),
    _O("cs_churn", "Catch at-risk accounts before they leave", "Aisha Mensah",
       "Customer Success", "team", "co_retention", "bottom_up", (
        _K("Cut monthly logo churn from {b} to {t}", "logo_churn_rate", 1.2, "%", "decrease",
           "Aisha Mensah", "logo_churn_rate"),
    )),
    _O("finance_efficiency", "Fund growth we can afford", "Rafael Costa", "Finance", "team",
       "co_pipeline", "bottom_up", (
        _K("Cut CAC payback from {b} to {t}", "cac_payback_months", 11, "months", "decrease",
           "Rafael Costa", "cac_payback_months"),
    )),
    _O("people_engagement", "Make Acme a place people choose to stay", "Grace Liu", "People",
       "team", "co_retention", "bottom_up", (
        _K("Raise employee NPS from {b} to {t}", "employee_enps", 40, "score", "increase",
           "Grace Liu", "employee_enps"),
        _K("Cut time to hire from {b} to {t}", "time_to_hire", 40, "days", "decrease",
           "Grace Liu"),
    )),
    # --- people
    _O("sam_setup", "Make the setup wizard finish itself", "Sam Okafor", "Growth", "person",
       "growth_first_week", "top_down", (
        _K("Cut self-serve time to first value from {b} to {t}", "ttfv_self_serve", 3, "days",
           "decrease", "Sam Okafor", "time_to_first_value"),
    )),
    _O("julia_scoring", "Score leads the way sales does", "Julia Novak", "Marketing", "person",
       "marketing_quality", "top_down", (
        _K("Raise paid-search MQL-to-SQL conversion from {b} to {t}", "mql_to_sql_paid_search",
           28, "%", "increase", "Julia Novak", "mql_to_sql_rate"),
    )),
    _O("hannah_proposals", "Send proposals while the buyer is still excited", "Hannah Park",
       "Sales", "person", "sales_conversion", "bottom_up", (
        _K("Cut proposal turnaround from {b} to {t}", "proposal_turnaround", 2, "days",
           "decrease", "Hannah Park"),
    )),
    _O("ravi_alerts", "Ship alerts people rely on", "Ravi Iyer", "Product", "person",
       "product_value", "bottom_up", (
        _K("Grow weekly alert users from {b} to {t}", "alert_users", 4000, "users", "increase",
           "Ravi Iyer"),
    )),
    _O("olivia_queries", "Take slow queries off the hot path", "Olivia Brandt", "Engineering",
       "person", "engineering_speed", "top_down", (
        _K("Cut dashboard p95 load time from {b} to {t}", "dashboard_load_p95", 1400, "ms",
           "decrease", "Olivia Brandt", "dashboard_load_p95"),
    )),
    _O("diego_coverage", "Staff the queue for the hours customers write", "Diego Ramos",
       "Customer Success", "person", "cs_response", "top_down", (
        _K("Cut median first response from {b} to {t}", "first_response_time", 3, "hours",
           "decrease", "Diego Ramos", "first_response_time"),
    )),
)  # fmt: skip


@dataclass(frozen=True)
class MBOTarget:
    """One of last year's annual MBO targets, and the mean achievement it is drawn around."""

    employee: str
    team: str
    objective: str
    metric: str
    unit: str
    better: str
    baseline: float
    target: float
    weight: float
    bonus_pct: float
    purpose: str
    mean_achievement: float = 1.03  # conservative targets are mostly met, a little over
    decimals: int = 0
    sd: float = 0.03  # spread of achievement around its mean


ACME_MBO = (
    MBOTarget("Dana Whitfield", "Company", "Reach $11M ARR", "arr", "$", "higher", 8_600_000,
              11_000_000, 0.6, 40, "fund the move upmarket", decimals=-4),
    MBOTarget("Dana Whitfield", "Company", "Keep net revenue retention at 105%",
              "net_revenue_retention", "%", "higher", 105, 105, 0.4, 40,
              "grow with the customers we have", decimals=1),
    MBOTarget("Priya Raman", "Growth", "Lift trial-to-paid conversion to 15%", "trial_to_paid",
              "%", "higher", 12, 15, 0.5, 20, "turn trials into customers", 0.95, 1),
    MBOTarget("Priya Raman", "Growth", "Onboard 1,200 self-serve accounts",
              "self_serve_accounts", "accounts", "higher", 800, 1200, 0.5, 20,
              "open a self-serve channel"),
    MBOTarget("Marco Silva", "Marketing", "Generate 3,000 event-sourced leads", "event_leads",
              "leads", "higher", 1800, 3000, 0.5, 20, "fill the pipeline from events", 0.38),
    MBOTarget("Marco Silva", "Marketing", "Generate 9,000 MQLs", "mqls", "leads", "higher",
              6500, 9000, 0.5, 20, "fill the pipeline", 1.05),
    MBOTarget("Tom Becker", "Sales", "Close $3.2M of new ARR", "new_arr", "$", "higher",
              2_400_000, 3_200_000, 0.7, 30, "fund the move upmarket", 0.96, -4),
    MBOTarget("Tom Becker", "Sales", "Keep win rate at 22%", "win_rate", "%", "higher", 22, 22,
              0.3, 30, "win the deals we qualify", decimals=1),
    MBOTarget("Lena Ortiz", "Product", "Ship 6 major features", "features_shipped", "count",
              "higher", 0, 6, 0.5, 20, "keep the roadmap promises", 1.0),
    MBOTarget("Lena Ortiz", "Product", "Grow weekly active users to 21,000",
              "weekly_active_users", "users", "higher", 16_000, 21_000, 0.5, 20,
              "make the product a weekly habit", decimals=-2),
    MBOTarget("Kenji Watanabe", "Engineering", "Keep uptime at 99.9%", "uptime", "%", "higher",
              99.9, 99.9, 0.5, 20, "be there when customers look", 1.0005, 2, sd=0.0002),
    MBOTarget("Kenji Watanabe", "Engineering", "Cut dashboard p95 load time to 1,500 ms",
              "dashboard_load_p95", "ms", "lower", 2200, 1500, 0.5, 20,
              "make dashboards feel instant", 1.06, -1),
    MBOTarget("Aisha Mensah", "Customer Success", "Cut median first response to 4 hours",
              "first_response_time", "hours", "lower", 5, 4, 0.6, 20,
              "answer customers quickly", 1.06, 1),
    MBOTarget("Aisha Mensah", "Customer Success", "Keep CSAT at 4.0", "csat", "score", "higher",
              4.0, 4.0, 0.4, 20, "keep customers happy", 1.04, 2, sd=0.01),
    MBOTarget("Rafael Costa", "Finance", "Bring CAC payback down to 16 months",
              "cac_payback_months", "months", "lower", 19, 16, 1.0, 25,
              "grow within our means", 1.08, 1),
    MBOTarget("Grace Liu", "People", "Hire 40 people", "hires", "count", "higher", 0, 40, 0.6,
              20, "staff the plan", 0.78),
    MBOTarget("Grace Liu", "People", "Keep regretted attrition under 8%", "regretted_attrition",
              "%", "lower", 10, 8, 0.4, 20, "keep the people we grew", 1.1, 1),
)  # fmt: skip


def _weeks_back(n: int) -> list[dt.date]:
    first = LAST_WEEK - dt.timedelta(weeks=n - 1)
    return [first + dt.timedelta(weeks=i) for i in range(n)]


def _ar_noise(n: int, sd: float, rng: np.random.Generator) -> np.ndarray:
    """Weekly noise that keeps ``ACME_NOISE_MEMORY`` of last week's shock."""
    shocks = rng.normal(0.0, sd, size=n)
    noise = np.empty(n)
    carry = 0.0
    for i in range(n):
        carry = ACME_NOISE_MEMORY * carry + shocks[i]
        noise[i] = carry
    return noise


def _misses(values: np.ndarray, kpi: AcmeKPI) -> np.ndarray:
    return values > kpi.threshold if kpi.better == "lower" else values < kpi.threshold


def acme_series(
    kpi: AcmeKPI, rng: np.random.Generator, seeded: dict[str, np.ndarray]
) -> np.ndarray:
    """A year of weekly values of one Acme KPI (see :class:`AcmeKPI`)."""
    n = ACME_WEEKS
    if not kpi.stall_weeks:
        level = np.linspace(kpi.start, kpi.end, n)
        return np.round(level + _ar_noise(n, kpi.sd, rng), kpi.decimals)
    before = n - kpi.stall_weeks
    healthy = kpi.start + _ar_noise(before, kpi.sd, rng)
    # Mirror a week that strays across the line back to the healthy side: the KPI
    # was fine until the stall began, so the stall is exactly `stall_weeks` long.
    healthy = np.where(_misses(healthy, kpi), 2 * kpi.threshold - healthy, healthy)
    if kpi.seed_series:
        stall = seeded[kpi.seed_series][-kpi.stall_weeks :]
    else:
        stall = stalled_history(ACME_STALL, rng)["value"].to_numpy()
    return np.round(np.concatenate([healthy, stall]), kpi.decimals)


def acme_kpi_history(rng: np.random.Generator, seed_history: pd.DataFrame) -> pd.DataFrame:
    """Tidy weekly history of every Acme KPI, one row per KPI and week."""
    seeded = {k: g["value"].to_numpy() for k, g in seed_history.groupby("kpi", sort=False)}
    weeks = [w.isoformat() for w in _weeks_back(ACME_WEEKS)]
    frames = []
    for kpi in ACME_KPIS:
        values = acme_series(kpi, rng, seeded)
        misses = _misses(values, kpi)
        run = 0
        for missed in misses[::-1]:
            if not missed:
                break
            run += 1
        if kpi.stall_weeks and (run != kpi.stall_weeks or misses[: -kpi.stall_weeks].any()):
            raise SystemExit(f"{kpi.name}: the stall is not {kpi.stall_weeks} weeks long")
        if not kpi.stall_weeks and (misses[1:] & misses[:-1]).any():
            raise SystemExit(f"{kpi.name} missed twice in a row; change its parameters")
        frames.append(
            pd.DataFrame(
                {
                    "kpi": kpi.name,
                    "week": weeks,
                    "value": [f"{v:.{kpi.decimals}f}" for v in values],
                    "threshold": _yaml_number(kpi.threshold),
                    "unit": kpi.unit,
                    "better": kpi.better,
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def _format_amount(value: float, unit: str) -> str:
    """A number as a statement writes it: 42%, $12.4M, $18,500, 1,900 ms, 6 hours."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    if unit == "%":
        return f"{text}%"
    if unit == "$":
        if abs(value) >= 1e6:
            return f"${value / 1e6:.2f}".rstrip("0").rstrip(".") + "M"
        return f"${text}"
    if unit in ("ms", "days", "hours", "months"):
        return f"{text} {unit}"
    return text


def _metric_starts() -> dict[str, float]:
    """Where each metric starts the quarter: its KPI's level, or the metric's own start."""
    ends = {k.name: k.end for k in ACME_KPIS}
    return {m.name: float(ends[m.name] if m.start is None else m.start) for m in ACME_METRICS}


def acme_checkins(rng: np.random.Generator, starts: dict[str, float]) -> dict[str, np.ndarray]:
    """Seven weekly check-in values per metric: a straight line plus noise."""
    cycle_days = (CYCLE_END - CYCLE_START).days
    dates = [FIRST_CHECKIN + dt.timedelta(weeks=i) for i in range(N_CHECKINS)]
    elapsed = np.array([(d - CYCLE_START).days for d in dates], dtype=float)
    out = {}
    for metric in ACME_METRICS:
        start = starts[metric.name]
        line = start + (metric.end - start) * elapsed / cycle_days
        out[metric.name] = np.round(line + rng.normal(0.0, metric.sd, N_CHECKINS), metric.decimals)
    return out


def _confidence(values: np.ndarray, baseline: float, target: float) -> list[int]:
    """The team's running confidence (0-10), as for ``checkins.csv``."""
    cycle_days = (CYCLE_END - CYCLE_START).days
    dates = [FIRST_CHECKIN + dt.timedelta(weeks=i) for i in range(N_CHECKINS)]
    elapsed = np.array([(d - CYCLE_START).days for d in dates], dtype=float)
    belief, out = CONFIDENCE_START, []
    for i in range(N_CHECKINS):
        t, gain = elapsed[: i + 1], values[: i + 1] - baseline
        slope = float(np.sum(t * gain) / np.sum(t * t))
        projected = float(np.clip(slope * cycle_days / (target - baseline), 0.0, 1.0))
        belief += CONFIDENCE_WEIGHT * (10.0 * projected - belief)
        out.append(round(belief))
    return out


def _yaml_number(value: float) -> str:
    """A number in plain notation, without a trailing ``.0``: 12400000, 42, 4.07."""
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(round(value, 6))


def _yaml_text(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def acme_okrs_yaml(
    starts: dict[str, float], checkins: dict[str, np.ndarray], history: pd.DataFrame
) -> str:
    """The quarter's OKR file (docs/okr-file-format.md), written by hand for readability."""
    dates = [(FIRST_CHECKIN + dt.timedelta(weeks=i)).isoformat() for i in range(N_CHECKINS)]
    lines = [
        f"# {ACME_COMPANY}: OKRs for {ACME_CYCLE}, as they stand after seven weekly check-ins",
        f"# ({dates[0]} to {dates[-1]}). Synthetic: written by scripts/make_datasets.py",
        "# (seed 7); edit the script, not this file. Format: docs/okr-file-format.md.",
        "#",
        "# Three company objectives; each team's objectives point at one of them with",
        "# `parent`, and a few people's objectives point at their team's. Whether an",
        "# objective was cascaded or proposed by its team is in acme_objectives.csv",
        "# (`origin`): the format has no field for it. Two key results are drafting",
        "# mistakes left in on purpose for `okr lint`; the KPI list is Acme's whole",
        "# catalogue (acme_kpis.csv) with each KPI's latest reading.",
        "version: 1",
        f"company: {ACME_COMPANY}",
        f"cycle: {ACME_CYCLE}",
        "pay_linked: false",
        "objectives:",
    ]
    for obj in ACME_OBJECTIVES:
        lines += [
            f"  - id: {obj.id}",
            f"    title: {_yaml_text(obj.title)}",
            f"    owner: {obj.owner}",
            f"    team: {obj.team}",
            f"    level: {obj.level}",
            f"    parent: {obj.parent or 'null'}",
            "    key_results:",
        ]
        for n, kr in enumerate(obj.key_results, start=1):
            baseline = starts[kr.metric]
            values = checkins[kr.metric]
            statement = kr.statement.format(
                b=_format_amount(baseline, kr.unit), t=_format_amount(kr.target, kr.unit)
            )
            lines += [f"      - id: {obj.id}.kr{n}", f"        statement: {_yaml_text(statement)}"]
            if kr.kpi:
                lines.append(f"        kpi: {kr.kpi}")
            lines += [
                f"        baseline: {_yaml_number(baseline)}",
                f"        target: {_yaml_number(kr.target)}",
                f"        current: {_yaml_number(values[-1])}",
                f"        unit: {_yaml_text(kr.unit)}",
                f"        direction: {kr.direction}",
                f"        owner: {kr.owner}",
                "        checkins:",
            ]
            confidence = _confidence(values, baseline, kr.target)
            for day, value, conf in zip(dates, values, confidence, strict=True):
                lines.append(
                    f"          - {{date: {day}, value: {_yaml_number(value)}, confidence: {conf}}}"
                )
    lines.append("kpis:")
    latest = history.groupby("kpi", sort=False)["value"].last()
    for kpi in ACME_KPIS:
        # A KPI whose own metric is checked in weekly has a newer reading than its history.
        value = checkins[kpi.name][-1] if kpi.name in checkins else float(latest[kpi.name])
        lines += [
            f"  - name: {kpi.name}",
            f"    threshold: {_yaml_number(kpi.threshold)}",
            f"    value: {_yaml_number(value)}",
            f"    better: {kpi.better}",
            f"    unit: {_yaml_text(kpi.unit)}",
            f"    owner: {kpi.owner}",
        ]
    return "\n".join(lines) + "\n"


def acme_objectives() -> pd.DataFrame:
    """One row per objective: the alignment tree and each objective's origin."""
    return pd.DataFrame(
        {
            "objective_id": [o.id for o in ACME_OBJECTIVES],
            "objective": [o.title for o in ACME_OBJECTIVES],
            "owner": [o.owner for o in ACME_OBJECTIVES],
            "team": [o.team for o in ACME_OBJECTIVES],
            "level": [o.level for o in ACME_OBJECTIVES],
            "parent_id": [o.parent for o in ACME_OBJECTIVES],
            "origin": [o.origin for o in ACME_OBJECTIVES],
        }
    )


def acme_kpis() -> pd.DataFrame:
    """The KPI catalogue."""
    return pd.DataFrame(
        {
            "kpi": [k.name for k in ACME_KPIS],
            "label": [k.label for k in ACME_KPIS],
            "team": [k.team for k in ACME_KPIS],
            "owner": [k.owner for k in ACME_KPIS],
            "unit": [k.unit for k in ACME_KPIS],
            "better": [k.better for k in ACME_KPIS],
            "threshold": [_yaml_number(k.threshold) for k in ACME_KPIS],
            "description": [k.description for k in ACME_KPIS],
        }
    )


def acme_mbo_targets(rng: np.random.Generator) -> pd.DataFrame:
    """Last year's MBO targets, each with what was achieved by the annual review."""
    rows = []
    for t in ACME_MBO:
        ratio = rng.normal(t.mean_achievement, t.sd)
        # Achievement is achieved / target, or target / achieved when lower is better.
        achieved = t.target * ratio if t.better == "higher" else t.target / ratio
        rows.append(
            {
                "employee": t.employee,
                "team": t.team,
                "objective": t.objective,
                "metric": t.metric,
                "unit": t.unit,
                "better": t.better,
                "baseline": _yaml_number(t.baseline),
                "target": _yaml_number(t.target),
                "achieved": f"{round(achieved, t.decimals):.{max(t.decimals, 0)}f}",
                "weight": _yaml_number(t.weight),
                "bonus_pct": _yaml_number(t.bonus_pct),
                "purpose": t.purpose,
            }
        )
    return pd.DataFrame(rows)


ACME_FILES = (
    "acme_kpis.csv",
    "acme_kpi_history.csv",
    "acme_objectives.csv",
    "acme_okrs.yaml",
    "acme_mbo_targets.csv",
)


def make_acme(out: Path, seed_history: pd.DataFrame, seed: int = SEED) -> list[Path]:
    """Write the Acme Analytics files into ``out``; return their paths.

    Draws, in order: the KPI histories (catalogue order), the quarter's check-ins
    (metric order), then the MBO achievements.
    """
    rng = np.random.default_rng([seed, ACME_STREAM])
    history = acme_kpi_history(rng, seed_history)
    starts = _metric_starts()
    checkins = acme_checkins(rng, starts)
    mbo = acme_mbo_targets(rng)
    paths = [out / name for name in ACME_FILES]
    write_csv(acme_kpis(), paths[0])
    write_csv(history, paths[1])
    write_csv(acme_objectives(), paths[2])
    yaml_text = acme_okrs_yaml(
        starts, checkins, history.assign(value=history["value"].astype(float))
    )
    paths[3].write_bytes(yaml_text.encode("utf-8"))
    write_csv(mbo, paths[4])
    return paths


def make_datasets(out: Path, seed: int = SEED) -> list[Path]:
    """Write every synthetic file into ``out``; return their paths.

    ``kpi_history.csv`` and ``checkins.csv`` first (generator ``seed``), then the
    Acme Analytics files (generator ``[seed, 2026]``), see :func:`make_acme`.
    """
    rng = np.random.default_rng(seed)
    history = pd.concat([stalled_history(k, rng) for k in STALLED_KPIS], ignore_index=True)
    checkins = pd.concat([checkin_series(p, rng) for p in KR_PATHS], ignore_index=True)
    if not (history["value"] < history["threshold"]).all():
        raise SystemExit("a stalled KPI reached its threshold; change the model parameters")

    out.mkdir(parents=True, exist_ok=True)
    written = [out / "kpi_history.csv", out / "checkins.csv"]
    write_csv(history, written[0])
    write_csv(checkins, written[1])
    return written + make_acme(out, history, seed)


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
