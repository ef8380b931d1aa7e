"""Acme Analytics, the synthetic company of the worked examples: its KPIs, objectives, MBO
targets and OKR file."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from okr_toolkit.datasets.files import data_path, one_kpi, read_table
from okr_toolkit.datasets.layouts import (
    ACME_KPI_HISTORY,
    ACME_KPIS,
    ACME_MBO_TARGETS,
    ACME_OBJECTIVES,
)

if TYPE_CHECKING:
    from okr_toolkit.io import OKRFile


def load_acme_kpis() -> pd.DataFrame:
    """The KPI catalogue of Acme Analytics, a synthetic B2B analytics SaaS company.

    Twenty-one KPIs over nine teams (Company, Growth, Marketing, Sales, Product,
    Engineering, Customer Success, Finance, People), inside the 12-25 for a
    whole company of "OKR vs. KPI: Differences And Importance". Two are the
    stalled KPIs of "OKR vs KPI vs MBO" (``activation_rate``,
    threshold 50%, and ``mql_to_sql_rate``, threshold 25%); seven are better
    low (time to first value, cost per lead, sales cycle, dashboard load time,
    first response time, logo churn, CAC payback).

    Size: (21, 8)

    Columns
    -------
    kpi : str
        snake_case key, also the ``kpi`` of :func:`load_acme_kpi_history` and of
        the key results in ``acme_okrs.yaml``.
    label : str
        The KPI as people say it ("week-1 activation").
    team, owner : str
        The team that defends the KPI and the person who answers for it.
    unit : category
        One of :data:`UNITS`.
    better : category
        ``higher`` or ``lower``.
    threshold : float64
        The level the KPI must hold, in ``unit``.
    description : str
        What is measured, in one sentence.

    Source: synthetic, made by scripts/make_datasets.py (seed 7, stream 2026).

    Examples
    --------
    >>> from okr_toolkit.datasets import load_acme_kpis
    >>> kpis = load_acme_kpis()
    >>> kpis.shape, kpis["team"].nunique()
    ((21, 8), 9)
    >>> kpis.set_index("kpi").loc[["activation_rate", "mql_to_sql_rate"], "threshold"].tolist()
    [50.0, 25.0]
    """
    return read_table("acme_kpis.csv", ACME_KPIS)


def load_acme_kpi_history(kpi: str | None = None) -> pd.DataFrame:
    """A year of weekly values of every Acme KPI, up to the week before 2026Q3.

    52 Mondays from 2025-06-30 to 2026-06-22 for each of the 21 KPIs of
    :func:`load_acme_kpis`, in the same tidy layout as :func:`load_kpi_history`, so
    :func:`okr_toolkit.core.detect_stalls` and :func:`okr_toolkit.planning.find_candidates` read it
    as it is. Three KPIs are stalled on the wrong side of their threshold for
    their last weeks: ``mql_to_sql_rate`` (39 weeks, the series of
    :func:`load_kpi_history`), ``activation_rate`` (26 weeks, likewise) and
    ``first_response_time`` (20 weeks around 6 hours against 4). The others trend
    in a straight line plus noise and never miss twice in a row; some improve, and
    some drift towards their threshold (net revenue retention, cost per lead,
    dashboard load time, logo churn).

    Size: (1092, 6), or (52, 6) for one KPI.

    Parameters
    ----------
    kpi : str, optional
        One KPI's key; all rows when None.

    Columns
    -------
    kpi : str
        The KPI's key.
    week : datetime64[ns]
        Monday starting the week.
    value : float64
        The KPI that week, in ``unit``.
    threshold : float64
        The level it should hold.
    unit : category
        One of :data:`UNITS`.
    better : category
        ``higher`` or ``lower``.

    Raises
    ------
    OKRDataError
        If ``kpi`` is not in the file; the message lists the KPIs.

    Source: synthetic, made by scripts/make_datasets.py (seed 7, stream 2026).

    Examples
    --------
    >>> from okr_toolkit.datasets import load_acme_kpi_history
    >>> history = load_acme_kpi_history()
    >>> history.shape, history["kpi"].nunique()
    ((1092, 6), 21)
    >>> frt = load_acme_kpi_history("first_response_time")
    >>> frt["week"].iloc[-1].date().isoformat(), float(frt["value"].tail(20).median())
    ('2026-06-22', 6.0)
    """
    frame = read_table("acme_kpi_history.csv", ACME_KPI_HISTORY, parse_dates=("week",))
    return one_kpi(frame, kpi, "acme_kpi_history.csv")


def load_acme_objectives() -> pd.DataFrame:
    """Acme's 2026Q3 objectives as an alignment tree, with who set each one.

    The same 21 objectives as ``acme_okrs.yaml`` (3 company, 12 team, 6 person),
    with ``parent_id`` linking person -> team -> company. ``origin`` records
    whether the level above cascaded the objective (``top_down``) or the team
    proposed it (``bottom_up``): 11 of the 18 objectives below company level are
    bottom-up, close to the 60/40 of "OKR vs KPI vs MBO". The OKR file format has no field for
    this, and it cannot be read off an objective's text, so it lives here.
    Company objectives count as ``top_down``: the cascade starts there.

    Size: (21, 7)

    Columns
    -------
    objective_id : str
        The objective's ``id`` in ``acme_okrs.yaml``.
    objective : str
        Its title.
    owner, team : str
        Who owns it, and the team it belongs to (``Company`` for the top level).
    level : category
        One of :data:`okr_toolkit.vocab.LEVELS`.
    parent_id : str
        The objective it supports; NaN for company objectives.
    origin : category
        One of :data:`ORIGINS`.

    Source: synthetic, made by scripts/make_datasets.py (seed 7, stream 2026).

    Examples
    --------
    >>> from okr_toolkit.datasets import load_acme_objectives
    >>> tree = load_acme_objectives()
    >>> tree.shape
    (21, 7)
    >>> tree.groupby("level", observed=True)["origin"].value_counts().unstack()
    origin   bottom_up  top_down
    level
    company          0         3
    team             9         3
    person           2         4
    """
    return read_table("acme_objectives.csv", ACME_OBJECTIVES)


def load_acme_mbo_targets() -> pd.DataFrame:
    """Acme's annual MBO targets for 2025, the year before OKRs, and what each achieved.

    Each team head had one or two targets agreed in January 2025, weighted to
    add up to 1 per person, with a target bonus as a share of base salary. Most
    were met with a little to spare, as conservative pay-linked targets tend to
    be. Two went stale during the year and stayed locked until the review:
    event-sourced leads (events were cut) and hiring (a freeze). Four targets
    hold a level (``baseline == target``), which is a KPI in MBO clothing.

    Size: (17, 12)

    Columns
    -------
    employee, team : str
        Whose target it was.
    objective : str
        The target as written in the MBO agreement.
    metric : str
        snake_case name of what it measured.
    unit : str
        Unit of ``baseline``, ``target`` and ``achieved``.
    better : category
        ``higher`` or ``lower``.
    baseline, target, achieved : float64
        Where the metric stood in January 2025, the agreed annual target, and the
        value at the year-end review.
    weight : float64
        Share of the employee's bonus riding on this target (adds up to 1).
    bonus_pct : float64
        Target bonus, as a percentage of base salary.
    purpose : str
        Why the target mattered, in a few words.

    Source: synthetic, made by scripts/make_datasets.py (seed 7, stream 2026).

    Examples
    --------
    >>> from okr_toolkit.datasets import load_acme_mbo_targets
    >>> mbo = load_acme_mbo_targets()
    >>> mbo.shape, mbo["employee"].nunique()
    ((17, 12), 9)
    >>> bool(mbo.groupby("employee")["weight"].sum().round(6).eq(1).all())
    True
    >>> int((mbo["baseline"] == mbo["target"]).sum())  # levels to hold: KPIs, not changes
    4
    """
    return read_table("acme_mbo_targets.csv", ACME_MBO_TARGETS)


def load_acme_okrs() -> OKRFile:
    """Acme Analytics' OKRs for 2026Q3 after seven weekly check-ins, read as an OKR file.

    ``datasets/acme_okrs.yaml`` in the toolkit's OKR file format
    (``docs/okr-file-format.md``): 21 objectives (company, team, person) with 33
    key results, each checked in weekly from 2026-07-06 to 2026-08-17, and the 21
    KPIs of :func:`load_acme_kpis` with their latest readings. Two key results
    are drafting mistakes left for the linter: an activity ("Run 12 onboarding
    experiments") and a target set at its KPI's threshold (MQL-to-SQL 18% -> 25%).

    Returns
    -------
    OKRFile
        As :func:`okr_toolkit.read_okr_file` returns it.

    Source: synthetic, made by scripts/make_datasets.py (seed 7, stream 2026).

    Examples
    --------
    >>> from okr_toolkit.datasets import load_acme_okrs
    >>> acme = load_acme_okrs()
    >>> len(acme.okrs), acme.okrs["objective_id"].nunique(), len(acme.kpis)
    (33, 21, 21)
    """
    from okr_toolkit.io import read_okr_file

    return read_okr_file(data_path("acme_okrs.yaml"))
