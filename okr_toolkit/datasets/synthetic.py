"""Synthetic series around the articles' figures, and the labelled corpus of statements."""

from __future__ import annotations

import pandas as pd

from okr_toolkit.datasets.files import one_kpi, read_table
from okr_toolkit.datasets.layouts import CHECKINS, KPI_HISTORY, STATEMENTS


def load_kpi_history(kpi: str | None = None) -> pd.DataFrame:
    """Synthetic weekly values of the two stalled KPIs of "OKR vs KPI vs MBO".

    Week-1 activation rate hovers around 42% against a 50% threshold for 26 weeks
    (six months), MQL-to-SQL conversion around 18% against 25% for 39 weeks (nine
    months). Both end on the week starting Monday 2026-06-22, and every value is
    below its threshold: that is what "stalled" means here. Each series is a
    mean-reverting random walk (half the gap to the stuck level closes each week;
    weekly shocks of sd 1.2 and 1.0 points) kept within 3 points of that level,
    then shifted so that its median is exactly the stuck level.

    Size: (65, 6), or (26, 6) and (39, 6) for one KPI.

    Parameters
    ----------
    kpi : str, optional
        ``"activation_rate"`` or ``"mql_to_sql_rate"`` to get one series; all rows
        when None.

    Columns
    -------
    kpi : str
        The KPI's key.
    week : datetime64[ns]
        Monday starting the week.
    value : float64
        The KPI that week, in percent, one decimal.
    threshold : float64
        The level the KPI should hold, in percent.
    unit : category
        ``%``.
    better : category
        ``higher``.

    Raises
    ------
    OKRDataError
        If ``kpi`` is not one of the KPIs in the file; the message lists them.

    Source: synthetic, made by scripts/make_datasets.py with seed 7, around the
    figures of "OKR vs KPI vs MBO" (its section "From KPI to OKR: Two
    Transformations").

    Examples
    --------
    >>> from okr_toolkit.datasets import load_kpi_history
    >>> load_kpi_history().shape
    (65, 6)
    >>> activation = load_kpi_history("activation_rate")
    >>> len(activation), bool((activation["value"] < activation["threshold"]).all())
    (26, True)
    >>> activation["week"].iloc[-1].date().isoformat()
    '2026-06-22'
    """
    frame = read_table("kpi_history.csv", KPI_HISTORY, parse_dates=("week",))
    return one_kpi(frame, kpi, "kpi_history.csv")


def load_checkins() -> pd.DataFrame:
    """Synthetic weekly check-ins of the activation OKR in Q3 2026.

    The three key results of the activation example of "OKR vs KPI vs MBO"
    (``activation.kr1``: week-1 activation 42% -> 65%; ``kr2``:
    time-to-first-value 5 -> 2 days; ``kr3``: week-1 NPS 28 -> 45) are checked
    in on the first seven Mondays of the cycle 2026-07-01 to 2026-09-30
    (2026-07-06 to 2026-08-17). Each follows a
    straight-line pace that would cover 65%, 70% and 50% of its distance by the
    cycle's end, plus noise; confidence is the team's running belief (0-10) in
    the score the check-ins so far project for the end of the cycle.

    Size: (21, 4)

    Columns
    -------
    kr_id : str
        Matches ``kr_id`` in :func:`load_okr_examples`.
    date : datetime64[ns]
        Day of the check-in (a Monday).
    value : float64
        The metric that day, in the key result's unit, one decimal.
    confidence : int64
        0 (no chance) to 10 (certain) that the key result will be met.

    Source: synthetic, made by scripts/make_datasets.py with seed 7.

    Examples
    --------
    >>> from okr_toolkit.datasets import load_checkins
    >>> checkins = load_checkins()
    >>> checkins.shape
    (21, 4)
    >>> checkins.groupby("kr_id")["date"].agg(["min", "max", "count"]).astype(str)
                           min         max count
    kr_id
    activation.kr1  2026-07-06  2026-08-17     7
    activation.kr2  2026-07-06  2026-08-17     7
    activation.kr3  2026-07-06  2026-08-17     7
    """
    return read_table("checkins.csv", CHECKINS, parse_dates=("date",))


def load_statements() -> pd.DataFrame:
    """Key results, KPIs, tasks and aims as people write them, each labelled and parsed.

    The corpus that :func:`okr_toolkit.classify_statement` and
    :func:`okr_toolkit.parse_statement` are tested against. The first 67 rows are
    every key result, KPI and task line of the source articles (the KPI list of
    "OKR vs. KPI: Differences And Importance" included), plus the articles'
    objectives that state no number (``source``: the article's short title, as
    in :func:`load_sources`); the rest are our own phrasings
    (``"handwritten"``) across sales, marketing, product, engineering, support,
    HR, finance and a few other fields, in many styles:
    bullets, "KR1:", lower case, trailing periods, arrows, ``≥``, "at least",
    ``80%+``, ``k``/``M``/``B``, currencies, mixed durations, ranges and dates.

    The parse columns hold what a careful reader would take from the sentence,
    following the conventions of :mod:`okr_toolkit.statements`: a relative change
    ("by 30%") is a signed fraction with no unit, "by 20 points" has unit
    ``points`` and no relative change, mixed durations are in the smaller unit,
    a task with a count is ``increase`` and one without is ``milestone``.

    Size: (339, 10)

    Columns
    -------
    statement : str
        The line as written.
    label : category
        One of :data:`LABELS`: ``key_result``, ``activity``, ``kpi`` or
        ``unmeasurable``.
    metric : str
        snake_case name of what is measured; NaN for an aim with no metric.
    baseline, target : float64
        Start and goal in ``unit``; NaN when the line gives none.
    unit : str
        ``%``, ``$``, ``€``, ``£``, ``count``, ``score``, ``ratio``, ``rank``,
        ``points``, ``milliseconds`` ... ``months``; NaN when there is none.
    direction : category
        One of :data:`DIRECTIONS`; NaN when the line does not say.
    relative_change : float64
        Signed relative change (0.3 for "by 30%", -0.5 for "cut in half").
    deadline : str
        Normalised deadline such as ``"end of Q3"``; NaN when none is given.
    source : str
        The article's short title (as in :func:`load_sources`) or
        ``"handwritten"``.

    Source: the five source articles (text) and handwritten phrasings; labels and
    parse columns are ours, following "OKR vs KPI vs MBO" (a key result measures
    an outcome, a task is not one) and "KPI vs OKR — the difference that matters"
    (a KPI is a threshold to hold).

    Examples
    --------
    >>> from okr_toolkit.datasets import load_statements
    >>> frame = load_statements()
    >>> frame.shape
    (339, 10)
    >>> frame["label"].value_counts().to_dict()
    {'key_result': 179, 'activity': 73, 'kpi': 64, 'unmeasurable': 23}
    >>> cols = ["baseline", "target", "unit", "direction"]
    >>> frame.loc[frame["statement"].str.startswith("Reduce median first"), cols]
        baseline  target     unit direction
    53     360.0    45.0  minutes  decrease
    """
    return read_table("statements.csv", STATEMENTS)
