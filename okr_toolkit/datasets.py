"""Small datasets for learning and testing: the source articles' tables and synthetic data.

Each ``load_*`` function reads one CSV file from the package's ``datasets`` folder
with an explicit dtype map and returns a fresh :class:`pandas.DataFrame`, so the
caller may change it freely. The files and how they were made are described in
``datasets/README.md``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from okr_toolkit.exceptions import OKRDataError
from okr_toolkit.statements import LABELS
from okr_toolkit.vocab import DIRECTIONS, LEVELS, ORIGINS

if TYPE_CHECKING:
    import sys

    if sys.version_info >= (3, 11):
        from importlib.resources.abc import Traversable
    else:
        from importlib.abc import Traversable

    from okr_toolkit.io import OKRFile

__all__ = [
    "KINDS",
    "LABELS",
    "UNITS",
    "data_path",
    "load_acme_kpi_history",
    "load_acme_kpis",
    "load_acme_mbo_targets",
    "load_acme_objectives",
    "load_acme_okrs",
    "load_checkins",
    "load_framework_comparison",
    "load_kpi_benchmarks",
    "load_kpi_examples",
    "load_kpi_history",
    "load_okr_examples",
    "load_okr_vs_kpi",
    "load_sources",
    "load_statements",
]

#: What a row of ``okr_examples`` is when read against the source articles.
KINDS: tuple[str, ...] = ("key_result", "activity", "kpi")
#: Every unit used in the shipped tables of metrics (``statements.csv`` keeps the
#: parser's open set of units as text).
UNITS: tuple[str, ...] = (
    "%",
    "$",
    "count",
    "customers",
    "days",
    "hours",
    "minutes",
    "months",
    "ms",
    "ratio",
    "score",
    "users",
)


_DIRECTION = pd.CategoricalDtype(list(DIRECTIONS))
_KIND = pd.CategoricalDtype(list(KINDS))
_UNIT = pd.CategoricalDtype(list(UNITS))
_BETTER = pd.CategoricalDtype(["higher", "lower"])
_PERIOD = pd.CategoricalDtype(["day", "week", "month", "quarter", "year"])
_DATE = "datetime64[ns]"

# One dtype map per file; its keys are also the file's columns, in order.
_FRAMEWORK_COMPARISON = {
    "aspect": "str",
    "okr": "str",
    "kpi": "str",
    "mbo": "str",
    "source": "str",
}
_OKR_VS_KPI = {"aspect": "str", "kpi": "str", "okr": "str", "source": "str"}
_KPI_BENCHMARKS = {
    "function": "str",
    "kpi": "str",
    "label": "str",
    "low": "float64",
    "high": "float64",
    "unit": _UNIT,
    "better": _BETTER,
    "open_ended": "bool",
    "source": "str",
}
_KPI_EXAMPLES = {
    "function": "str",
    "kpi": "str",
    "label": "str",
    "example_value": "float64",
    "unit": _UNIT,
    "period": _PERIOD,
    "source": "str",
}
_OKR_EXAMPLES = {
    "example_id": "str",
    "source": "str",
    "objective": "str",
    "kr_id": "str",
    "statement": "str",
    "metric": "str",
    "baseline": "float64",
    "target": "float64",
    "relative_change": "float64",
    "unit": _UNIT,
    "direction": _DIRECTION,
    "kind": _KIND,
    "linked_kpi": "str",
    "kpi_threshold": "float64",
}
_KPI_HISTORY = {
    "kpi": "str",
    "week": _DATE,
    "value": "float64",
    "threshold": "float64",
    "unit": _UNIT,
    "better": _BETTER,
}
_CHECKINS = {"kr_id": "str", "date": _DATE, "value": "float64", "confidence": "int64"}
_ACME_KPIS = {
    "kpi": "str",
    "label": "str",
    "team": "str",
    "owner": "str",
    "unit": _UNIT,
    "better": _BETTER,
    "threshold": "float64",
    "description": "str",
}
_ACME_KPI_HISTORY = _KPI_HISTORY
_ACME_OBJECTIVES = {
    "objective_id": "str",
    "objective": "str",
    "owner": "str",
    "team": "str",
    "level": pd.CategoricalDtype(list(LEVELS)),
    "parent_id": "str",
    "origin": pd.CategoricalDtype(list(ORIGINS)),
}
_ACME_MBO_TARGETS = {
    "employee": "str",
    "team": "str",
    "objective": "str",
    "metric": "str",
    "unit": "str",
    "better": _BETTER,
    "baseline": "float64",
    "target": "float64",
    "achieved": "float64",
    "weight": "float64",
    "bonus_pct": "float64",
    "purpose": "str",
}
_STATEMENTS = {
    "statement": "str",
    "label": pd.CategoricalDtype(list(LABELS)),
    "metric": "str",
    "baseline": "float64",
    "target": "float64",
    "unit": "str",
    "direction": _DIRECTION,
    "relative_change": "float64",
    "deadline": "str",
    "source": "str",
}
_SOURCES = {"source": "str", "title": "str", "site": "str", "contributes": "str"}


def _data_dir() -> Traversable:
    """Return the folder holding the CSV files.

    A wheel carries them inside the package as ``okr_toolkit/_datasets``; a source
    checkout or editable install has no such folder, so use the repository's
    ``datasets/`` beside the package instead.
    """
    packaged = resources.files("okr_toolkit") / "_datasets"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "datasets"


def data_path(name: str) -> Path:
    """Path of a file shipped in ``datasets/`` (such as ``"sample_okrs.yaml"``).

    Examples
    --------
    >>> data_path("sample_okrs.yaml").name
    'sample_okrs.yaml'
    """
    path = Path(str(_data_dir() / name))
    if not path.is_file():
        raise OKRDataError(f"no dataset file {name!r} in {path.parent}")
    return path


def _load_dataset(
    name: str, dtypes: Mapping[str, Any], parse_dates: Sequence[str] = ()
) -> pd.DataFrame:
    """Read ``name`` from the data folder with the dtype map ``dtypes``.

    Empty cells become missing values (NaN); no other text is treated as missing.
    Categorical columns are checked against their categories, so a misspelt value
    is reported instead of silently turning into NaN. Columns in ``parse_dates``
    must hold ISO dates (``YYYY-MM-DD``) and are converted to their dtype in
    ``dtypes``.
    """
    categorical = {c: t for c, t in dtypes.items() if isinstance(t, pd.CategoricalDtype)}
    read_as = {c: ("str" if c in categorical or c in parse_dates else t) for c, t in dtypes.items()}
    with (_data_dir() / name).open("rb") as handle:
        frame = pd.read_csv(handle, dtype=read_as, keep_default_na=False, na_values=[""])

    if list(frame.columns) != list(dtypes):
        raise OKRDataError(
            f"{name}: columns are {list(frame.columns)}, expected {list(dtypes)}; "
            "regenerate the file or update its dtype map in okr_toolkit/datasets.py"
        )
    for column, dtype in categorical.items():
        unknown = frame[column].notna() & ~frame[column].isin(dtype.categories)
        if unknown.any():
            row = int(unknown.to_numpy().nonzero()[0][0])
            raise OKRDataError(
                f"{name}, row {row + 2}, column '{column}': {frame.at[row, column]!r} is not "
                f"one of {list(dtype.categories)}; correct the value in the file"
            )
        frame[column] = frame[column].astype(dtype)
    for column in parse_dates:
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d").astype(dtypes[column])
    return frame


def load_framework_comparison() -> pd.DataFrame:
    """OKR, KPI and MBO side by side, one row per aspect.

    The first six rows copy the comparison table of "OKR vs KPI vs MBO" cell for
    cell (``source == "OKR vs KPI vs MBO, table"``). The last four restate in our
    own words what that article says about the three frameworks in its prose
    (``"OKR vs KPI vs MBO, text"``): the question each answers, the link to pay
    (the KPI cell there comes from "Enhance KPIs with OKRs"), the car analogy and
    how many things each focuses on.

    Size: (10, 5)

    Columns
    -------
    aspect : str
        snake_case name of the aspect: ``purpose``, ``cycle``, ``success_threshold``,
        ``direction``, ``mid_cycle_changes``, ``ambition``, ``question``,
        ``pay_link``, ``analogy``, ``focus``.
    okr, kpi, mbo : str
        What each framework does for that aspect.
    source : str
        Where the row comes from.

    Source: "OKR vs KPI vs MBO: Differences and How They Work Together", its
    comparison table and text; one cell from "Enhance KPIs with OKRs"
    (``docs/sources.md``).

    Examples
    --------
    >>> from okr_toolkit.datasets import load_framework_comparison
    >>> frame = load_framework_comparison()
    >>> frame.shape
    (10, 5)
    >>> frame.set_index("aspect").loc["success_threshold", ["okr", "kpi", "mbo"]].tolist()
    ['60-70% is healthy', '100% target expected', '100% tied to bonus']
    """
    return _load_dataset("framework_comparison.csv", _FRAMEWORK_COMPARISON)


def load_okr_vs_kpi() -> pd.DataFrame:
    """KPI against OKR, one row per aspect, from the tables of two source articles.

    The table of "OKR vs. KPI: Differences And Importance" has no row labels; the
    labels ``nature``, ``use``, ``direction``, ``performance`` and ``cadence`` are
    ours. The "Scope of Application and Tracking Frequency" table of "OKR vs KPI
    vs MBO" adds ``time_frame``, ``accountability``, ``area_of_use`` and
    ``context``. Cells are copied as the articles print them.

    Size: (9, 4)

    Columns
    -------
    aspect : str
        snake_case name of the aspect.
    kpi, okr : str
        What the article says about KPIs and about OKRs.
    source : str
        ``"OKR vs. KPI: Differences And Importance, table"`` or
        ``"OKR vs KPI vs MBO, table"``.

    Source: "OKR vs. KPI: Differences And Importance", comparison table; "OKR vs
    KPI vs MBO", "Scope of Application and Tracking Frequency" table.

    Examples
    --------
    >>> from okr_toolkit.datasets import load_okr_vs_kpi
    >>> frame = load_okr_vs_kpi()
    >>> frame.shape
    (9, 4)
    >>> frame["source"].value_counts().sort_index().to_dict()
    {'OKR vs KPI vs MBO, table': 4, 'OKR vs. KPI: Differences And Importance, table': 5}
    >>> print(frame.set_index("aspect").at["direction", "okr"])
    Mix of top-down and bottom-up approaches
    """
    return _load_dataset("okr_vs_kpi.csv", _OKR_VS_KPI)


def load_kpi_benchmarks() -> pd.DataFrame:
    """Typical ranges of nine B2B SaaS KPIs, three per function.

    "OKR vs KPI vs MBO" presents these as benchmarks most teams aim for, not as
    absolute targets. Money is in dollars (``$5K-25K`` is ``low=5000, high=25000``) and
    percentages in percent (``5-10%`` is ``low=5, high=10``).

    Size: (9, 9)

    Columns
    -------
    function : str
        ``Marketing``, ``Sales`` or ``Customer Success``.
    kpi : str
        snake_case key, e.g. ``visitor_to_lead_conversion``.
    label : str
        The KPI's name as the article prints it.
    low, high : float64
        Ends of the typical range, in ``unit``.
    unit : category
        ``%``, ``$`` or ``days``.
    better : category
        ``higher`` or ``lower``: which way is good (cost per lead, time to close and
        time to first value are better low).
    open_ended : bool
        True when the article writes the range as open above (CSAT "90-95%+").
    source : str
        ``"OKR vs KPI vs MBO, table"``.

    Source: "OKR vs KPI vs MBO", table of typical KPIs across three B2B SaaS
    functions.

    Examples
    --------
    >>> from okr_toolkit.datasets import load_kpi_benchmarks
    >>> frame = load_kpi_benchmarks()
    >>> frame.shape
    (9, 9)
    >>> nrr = frame.set_index("kpi").loc["net_revenue_retention"]
    >>> float(nrr["low"]), float(nrr["high"])
    (100.0, 115.0)
    >>> frame.loc[frame["better"] == "lower", "kpi"].tolist()
    ['cost_per_lead', 'time_to_close', 'time_to_first_value']
    """
    return _load_dataset("kpi_benchmarks.csv", _KPI_BENCHMARKS)


def load_kpi_examples() -> pd.DataFrame:
    """KPIs the source articles give as examples, by the function or group they list them under.

    "OKR vs. KPI: Differences And Importance" lists KPIs with a value for Sales,
    Marketing, Customer Success and Product (every bullet is here). "KPI vs OKR —
    the difference that matters" lists good SaaS KPIs without values (its
    "daily/monthly active users" is two rows). "Do OKRs replace KPIs?" names KPIs
    by area and three KPIs that support its EU expansion OKR. "OKR vs KPI vs MBO"
    names a few in passing (grouped as ``General``), and the ``$50M revenue`` KPI
    of "Enhance KPIs with OKRs" is the last row. The same metric keeps the same
    ``kpi`` key across articles (e.g. ``customer_churn_rate``); ``period`` holds
    "monthly"/"weekly" from the name.

    Size: (45, 7)

    Columns
    -------
    function : str
        The function or group the article lists the KPI under.
    kpi : str
        snake_case key of the metric.
    label : str
        The KPI's name, close to the article's wording.
    example_value : float64
        The value the article gives, in ``unit``; NaN when it gives none.
    unit : category
        One of :data:`UNITS`.
    period : category
        ``day``, ``week``, ``month`` or ``year`` when the KPI is per period, else NaN.
    source : str
        ``"OKR vs KPI vs MBO, text"`` ... ``"Enhance KPIs with OKRs, text"``.

    Source: the five source articles (``docs/sources.md``), text (lists and
    examples).

    Examples
    --------
    >>> from okr_toolkit.datasets import load_kpi_examples
    >>> frame = load_kpi_examples()
    >>> frame.shape
    (45, 7)
    >>> frame.groupby("source", sort=False).size().tolist()  # as in load_sources()
    [5, 20, 10, 9, 1]
    >>> frame.loc[frame["kpi"] == "average_new_deal_size", ["example_value", "unit"]]
        example_value unit
    10         5000.0    $
    """
    return _load_dataset("kpi_examples.csv", _KPI_EXAMPLES)


def load_okr_examples() -> pd.DataFrame:
    """Every worked OKR example in the source articles, one row per key result.

    Each line the articles list under an objective is a row, including those that
    are really activities (a task or deliverable: ``kind == "activity"``) or a
    KPI-style health metric (``kind == "kpi"``, e.g. "Maintain 25% profit
    margin"). The lone key results of "KPI vs OKR — the difference that matters"
    have no objective. The sales objective "Attract 50 B2B new customers" of "OKR
    vs. KPI: Differences And Importance" lists no key results there and is left
    out.

    Size: (31, 14)

    Columns
    -------
    example_id : str
        Short name of the worked example, e.g. ``activation``.
    source : str
        The article's short title, as in :func:`load_sources`.
    objective : str
        The objective as the article writes it; NaN for a lone key result.
    kr_id : str
        ``<example_id>.kr<n>``, numbered in the article's order.
    statement : str
        The key result as the article writes it.
    metric : str
        snake_case name of what the line measures.
    baseline, target : float64
        Start and goal in ``unit``; NaN when the article does not give them.
    relative_change : float64
        Relative goal as a fraction (0.3 for "by 30%"); NaN otherwise.
    unit : category
        One of :data:`UNITS`; NaN for a milestone.
    direction : category
        One of :data:`DIRECTIONS`.
    kind : category
        One of :data:`KINDS`.
    linked_kpi : str
        The KPI whose metric this line moves (a ``kpi`` key of
        :func:`load_kpi_examples`, :func:`load_kpi_benchmarks` or
        :func:`load_kpi_history` where one exists); NaN when no article names one.
    kpi_threshold : float64
        The level that KPI is meant to hold, when the article gives it.

    Source: "OKR vs KPI vs MBO" (activation, MQL-to-SQL, customer satisfaction
    and brand awareness examples), "OKR vs. KPI: Differences And Importance"
    (marketing and customer success OKRs), "Do OKRs replace KPIs?" (customer
    satisfaction and EU expansion), "KPI vs OKR — the difference that matters"
    (support, ARR and NPS key results), "Enhance KPIs with OKRs" ("Become the
    market leader").

    Examples
    --------
    >>> from okr_toolkit.datasets import load_okr_examples
    >>> frame = load_okr_examples()
    >>> frame.shape
    (31, 14)
    >>> cols = ["kr_id", "baseline", "target", "unit", "direction", "kpi_threshold"]
    >>> frame.loc[frame["example_id"] == "activation", cols]
               kr_id  baseline  target   unit direction  kpi_threshold
    0  activation.kr1      42.0    65.0      %  increase           50.0
    1  activation.kr2       5.0     2.0   days  decrease            NaN
    2  activation.kr3      28.0    45.0  score  increase            NaN
    >>> frame["kind"].value_counts().to_dict()
    {'key_result': 22, 'activity': 8, 'kpi': 1}
    """
    return _load_dataset("okr_examples.csv", _OKR_EXAMPLES)


def _one_kpi(frame: pd.DataFrame, kpi: str | None, file: str) -> pd.DataFrame:
    """The rows of one KPI of a history (all of them for ``kpi=None``)."""
    if kpi is None:
        return frame
    available = list(dict.fromkeys(frame["kpi"]))
    if kpi not in available:
        raise OKRDataError(
            f"{file}: no KPI named {kpi!r}; available: "
            f"{', '.join(repr(k) for k in available)}. Pass one of them, or kpi=None for all."
        )
    return frame.loc[frame["kpi"] == kpi].reset_index(drop=True)


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
    frame = _load_dataset("kpi_history.csv", _KPI_HISTORY, parse_dates=("week",))
    return _one_kpi(frame, kpi, "kpi_history.csv")


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
    return _load_dataset("checkins.csv", _CHECKINS, parse_dates=("date",))


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
    return _load_dataset("statements.csv", _STATEMENTS)


def load_sources() -> pd.DataFrame:
    """The five articles the toolkit's rules, tables and worked examples come from.

    One row per article, by the short title the project cites it with: the
    ``source`` columns of the other datasets and the ``source`` of every lint rule
    (:data:`okr_toolkit.RULES`) name these short titles, followed by where in the
    article the fact is (``"OKR vs KPI vs MBO, table"``, ``"..., mistake 3"``), with
    several sources separated by ``"; "``. ``docs/sources.md`` says more about
    what each article contributes.

    Size: (5, 4)

    Columns
    -------
    source : str
        The short title used in citations, e.g. ``"OKR vs KPI vs MBO"``.
    title : str
        The article's full title.
    site : str
        The site or product the article names as its publisher; NaN when it
        names none.
    contributes : str
        What the toolkit takes from it, in one sentence.

    Source: the five articles themselves; the summaries are ours.

    Examples
    --------
    >>> from okr_toolkit.datasets import load_sources
    >>> frame = load_sources()
    >>> frame.shape
    (5, 4)
    >>> for source in frame["source"]:
    ...     print(source)
    OKR vs KPI vs MBO
    OKR vs. KPI: Differences And Importance
    Do OKRs replace KPIs?
    KPI vs OKR — the difference that matters
    Enhance KPIs with OKRs
    >>> print(frame.set_index("source").at["OKR vs KPI vs MBO", "title"])
    OKR vs KPI vs MBO: Differences and How They Work Together
    """
    return _load_dataset("sources.csv", _SOURCES)


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
    return _load_dataset("acme_kpis.csv", _ACME_KPIS)


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
    frame = _load_dataset("acme_kpi_history.csv", _ACME_KPI_HISTORY, parse_dates=("week",))
    return _one_kpi(frame, kpi, "acme_kpi_history.csv")


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
    return _load_dataset("acme_objectives.csv", _ACME_OBJECTIVES)


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
    return _load_dataset("acme_mbo_targets.csv", _ACME_MBO_TARGETS)


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
