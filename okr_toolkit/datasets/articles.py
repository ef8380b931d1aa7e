"""Tables copied from, or stated in, the source articles (``docs/sources.md``)."""

from __future__ import annotations

import pandas as pd

from okr_toolkit.datasets.files import read_table
from okr_toolkit.datasets.layouts import (
    FRAMEWORK_COMPARISON,
    KPI_BENCHMARKS,
    KPI_EXAMPLES,
    OKR_EXAMPLES,
    OKR_VS_KPI,
    SOURCES,
)


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
    return read_table("framework_comparison.csv", FRAMEWORK_COMPARISON)


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
    return read_table("okr_vs_kpi.csv", OKR_VS_KPI)


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
    return read_table("kpi_benchmarks.csv", KPI_BENCHMARKS)


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
    return read_table("kpi_examples.csv", KPI_EXAMPLES)


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
    return read_table("okr_examples.csv", OKR_EXAMPLES)


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
    return read_table("sources.csv", SOURCES)
