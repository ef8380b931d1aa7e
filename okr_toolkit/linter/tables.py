"""The input every rule reads: :class:`LintTables`, prepared once per :func:`lint` call.

:class:`LintTables` holds the prepared OKR and KPI tables
(:mod:`okr_toolkit.linter.prepare`) and the settings, and works out on first
use the per-key-result columns several rules read: how each statement is read
and labelled, the KPI it moves, its baseline, target and KPI threshold, and
which way is better. A column no selected rule asks for is never computed, so
a selection without statement rules never runs the statement reader.

The column helpers below (:func:`column_or_nan`, :func:`truthy`,
:func:`stated_number`, :func:`kpi_thresholds`, :func:`lower_is_better`) are
those computations on plain tables, each usable on its own.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
import pandas as pd

from okr_toolkit.core.settings import DEFAULT_SETTINGS, Settings
from okr_toolkit.linter.findings import Findings, key_result_findings
from okr_toolkit.linter.prepare import prepare_kpis, prepare_okrs
from okr_toolkit.statements import classify_statements

__all__ = [
    "LintTables",
    "column_or_nan",
    "kpi_thresholds",
    "lower_is_better",
    "stated_number",
    "truthy",
]


class LintTables:
    """The input of every rule, prepared once per :func:`lint` call.

    Parameters
    ----------
    okrs, kpis, settings, classified
        As for :func:`lint`; the tables are checked and prepared here, and
        never modified.

    Attributes
    ----------
    okrs : pandas.DataFrame
        One row per key result, index reset, aliases renamed (``example_id``,
        ``linked_kpi``), ``kr_id`` filled in as ``<objective_id>.kr<n>`` and
        ``objective`` as the id when the table has none.
    kpis : pandas.DataFrame or None
        One row per KPI (``name`` read as ``kpi``), index reset.
    settings : Settings
        The focus limits.

    The other attributes are per-key-result columns (one value per row of
    ``okrs``) that several rules read, each computed on first use.

    Examples
    --------
    >>> okrs = pd.DataFrame({"objective_id": ["a", "a"],
    ...                      "statement": ["Hire 5 engineers", "Grow ARR from $2M to $3M"]})
    >>> tables = LintTables(okrs)
    >>> tables.okrs["kr_id"].tolist(), tables.label.tolist()
    (['a.kr1', 'a.kr2'], ['activity', 'key_result'])
    """

    def __init__(
        self,
        okrs: pd.DataFrame,
        kpis: pd.DataFrame | None = None,
        *,
        settings: Settings | None = None,
        classified: pd.DataFrame | None = None,
    ) -> None:
        self.okrs = prepare_okrs(okrs)
        self.kpis = prepare_kpis(kpis)
        self.settings = settings or DEFAULT_SETTINGS
        if classified is not None and len(classified) != len(self.okrs):
            raise ValueError("`classified` must have one row per key result")
        self._classified = classified

    @cached_property
    def statements(self) -> pd.Series:
        """Each key result's sentence, as text."""
        return self.okrs["statement"].astype(str)

    @cached_property
    def reads(self) -> pd.DataFrame:
        """How :func:`okr_toolkit.statements.classify_statements` reads each statement."""
        if self._classified is not None:
            return self._classified
        return classify_statements(self.statements)

    @cached_property
    def label(self) -> np.ndarray:
        """Each statement's label: key_result, kpi, activity or unmeasurable."""
        return self.reads["label"].astype(str).to_numpy()

    @cached_property
    def kpi(self) -> pd.Series:
        """The KPI each key result moves (NaN when the table has no ``kpi``)."""
        return column_or_nan(self.okrs, "kpi")

    @cached_property
    def linked(self) -> np.ndarray:
        """Whether each key result names a KPI."""
        return (self.kpi.notna() & (self.kpi.astype(str).str.strip() != "")).to_numpy()

    @cached_property
    def target(self) -> pd.Series:
        """The target: the table's ``target``, else the one read from the statement."""
        return stated_number(self.okrs, self.reads, "target")

    @cached_property
    def baseline(self) -> pd.Series:
        """The baseline: the table's ``baseline``, else the one read from the statement."""
        return stated_number(self.okrs, self.reads, "baseline")

    @cached_property
    def threshold(self) -> pd.Series:
        """The KPI threshold: the table's ``kpi_threshold``, else the KPI table's."""
        return kpi_thresholds(self.okrs, self.kpis, self.kpi)

    @cached_property
    def goes_down(self) -> pd.Series:
        """Whether lower is better: direction decrease or stay_below, or target < baseline."""
        if "direction" in self.okrs.columns:
            direction = self.okrs["direction"].astype(str)
        else:
            direction = self.reads["direction"].astype(str)
        return lower_is_better(direction, self.target, self.baseline)

    @cached_property
    def comparable(self) -> np.ndarray:
        """Whether each key result is read as one and has both a target and a threshold."""
        both = (self.threshold.notna() & self.target.notna()).to_numpy()
        return both & (self.label == "key_result")

    @cached_property
    def objectives(self) -> pd.DataFrame:
        """The first row of each objective."""
        return self.okrs.drop_duplicates("objective_id")

    def flag(self, flag_col: str) -> np.ndarray:
        """A yes/no column (bool, or text such as ``yes``/``true``/``1``); False when absent.

        Parameters
        ----------
        flag_col
            The column of :attr:`okrs`, e.g. ``"pay_linked"`` or ``"guardrail"``.

        Returns
        -------
        numpy.ndarray
            One bool per key result (see :func:`truthy`).

        Examples
        --------
        >>> okrs = pd.DataFrame({"objective_id": ["a", "a"], "statement": ["Hire 5", "Grow 3"],
        ...                      "pay_linked": ["yes", "no"]})
        >>> tables = LintTables(okrs)
        >>> tables.flag("pay_linked").tolist(), tables.flag("guardrail").tolist()
        ([True, False], [False, False])
        """
        return truthy(self.okrs, flag_col)

    def key_results(
        self, hit: np.ndarray | pd.Series, message: str, **values: pd.Series
    ) -> Findings:
        """One finding per key result where ``hit`` is true.

        Parameters
        ----------
        hit
            One bool per key result: where the rule's mistake is made.
        message
            A :meth:`str.format` template over the key result's columns and
            the per-key-result ``values`` given, e.g. ``"{statement!r} has no
            number"`` or ``"the target {target:,.10g}"``.
        **values
            Per-key-result values the template names that :attr:`okrs` does
            not hold, e.g. ``target=tables.target``.

        Returns
        -------
        Findings
            As :func:`~okr_toolkit.linter.findings.key_result_findings` builds them.

        Examples
        --------
        >>> tables = LintTables(pd.DataFrame({"objective_id": ["a"], "statement": ["Grow"]}))
        >>> tables.key_results(tables.label == "unmeasurable", "{statement!r} has no number")
        Findings(where=["key result 'a.kr1'"], message=["'Grow' has no number"], ...)
        """
        return key_result_findings(self.okrs, hit, message, values)


def column_or_nan(frame: pd.DataFrame, column: str) -> pd.Series:
    """``frame[column]``, or NaN on every row when the table has no such column.

    Parameters
    ----------
    frame
        The table.
    column
        The column's name.

    Returns
    -------
    pandas.Series
        The column itself (not a copy), or a float NaN series on ``frame``'s index.

    Examples
    --------
    >>> frame = pd.DataFrame({"kpi": ["nps", "churn"]})
    >>> column_or_nan(frame, "kpi").tolist(), column_or_nan(frame, "cycle").tolist()
    (['nps', 'churn'], [nan, nan])
    """
    return frame[column] if column in frame.columns else pd.Series(np.nan, index=frame.index)


def truthy(frame: pd.DataFrame, column: str) -> np.ndarray:
    """A yes/no column as bools: a bool column as it is, text true/yes/1/y as True.

    Parameters
    ----------
    frame
        The table.
    column
        The column's name; every row is False when the table has none.

    Returns
    -------
    numpy.ndarray
        One bool per row.

    Examples
    --------
    >>> truthy(pd.DataFrame({"guardrail": ["Yes", "no", 1, None]}), "guardrail").tolist()
    [True, False, True, False]
    """
    if column not in frame.columns:
        return np.zeros(len(frame), dtype=bool)
    values = frame[column]
    if values.dtype == bool:
        return values.to_numpy()
    text = values.astype(str).str.strip().str.lower()
    return text.isin(["true", "yes", "1", "y"]).to_numpy()


def stated_number(okrs: pd.DataFrame, reads: pd.DataFrame, name: str) -> pd.Series:
    """A number of each key result: the table's column ``name``, else the statement's.

    Parameters
    ----------
    okrs
        The prepared OKR table.
    reads
        :func:`~okr_toolkit.statements.classify_statements` of its statements.
    name
        ``"target"`` or ``"baseline"``: a column of ``reads`` and maybe of ``okrs``.

    Returns
    -------
    pandas.Series
        Floats; NaN where neither says.

    Examples
    --------
    >>> okrs = pd.DataFrame({"statement": ["Grow NPS from 30 to 40", "Grow NPS"],
    ...                      "target": [None, 45]})
    >>> stated_number(okrs, classify_statements(okrs["statement"]), "target").tolist()
    [40.0, 45.0]
    """
    read = reads[name].astype(float)
    if name not in okrs.columns:
        return read
    return pd.to_numeric(okrs[name], errors="coerce").fillna(read)


def kpi_thresholds(okrs: pd.DataFrame, kpis: pd.DataFrame | None, kpi: pd.Series) -> pd.Series:
    """Each key result's KPI threshold: its own ``kpi_threshold``, else its KPI's.

    Parameters
    ----------
    okrs
        The prepared OKR table.
    kpis
        The prepared KPI table (``kpi``, ``threshold``), or None.
    kpi
        The KPI each key result moves.

    Returns
    -------
    pandas.Series
        Floats; NaN where neither table gives one.

    Examples
    --------
    >>> okrs = pd.DataFrame({"kpi_threshold": [25.0, None, None]})
    >>> kpis = pd.DataFrame({"kpi": ["nps"], "threshold": [30]})
    >>> kpi_thresholds(okrs, kpis, pd.Series(["nps", "nps", "churn"])).tolist()
    [25.0, 30.0, nan]
    """
    threshold = pd.to_numeric(column_or_nan(okrs, "kpi_threshold"), errors="coerce")
    if kpis is not None:
        lookup = kpis.drop_duplicates("kpi").set_index("kpi")["threshold"]
        threshold = threshold.fillna(kpi.map(pd.to_numeric(lookup, errors="coerce")))
    return threshold


def lower_is_better(direction: pd.Series, target: pd.Series, baseline: pd.Series) -> pd.Series:
    """Whether lower is better: ``decrease`` or ``stay_below``, or a target under the baseline.

    Parameters
    ----------
    direction
        Each key result's direction, as text (``"nan"`` when unknown).
    target, baseline
        Each key result's target and baseline (NaN when unknown).

    Returns
    -------
    pandas.Series
        One bool per key result.

    Examples
    --------
    >>> lower_is_better(pd.Series(["decrease", "increase", "nan"]), pd.Series([1.0, 5, 3]),
    ...                 pd.Series([2.0, 4, 4])).tolist()
    [True, False, True]
    """
    return (direction == "decrease") | (direction == "stay_below") | (target < baseline)
