"""Checking and normalising the tables handed to :func:`lint`, before any rule reads them.

:func:`prepare_okrs` reads the column aliases of
:func:`okr_toolkit.datasets.load_okr_examples` (``example_id``, ``linked_kpi``),
fills in the key-result ids and objective texts a table may lack and refuses a
table a rule could not read; :func:`prepare_kpis` does the same for a KPI table.
Neither modifies its input. Every refusal is an :class:`~okr_toolkit.OKRDataError`
naming the table, the column or the key result, and the fix.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from okr_toolkit._validate import require_columns
from okr_toolkit.exceptions import OKRDataError

__all__ = ["ALIASES", "prepare_kpis", "prepare_okrs"]

#: Other names accepted for the OKR table's columns: alias -> column.
ALIASES = {"example_id": "objective_id", "linked_kpi": "kpi"}


def prepare_okrs(okrs: pd.DataFrame) -> pd.DataFrame:
    """The OKR table as every rule reads it: aliases renamed, ids filled in, index reset.

    Parameters
    ----------
    okrs
        One row per key result, with ``objective_id`` (or ``example_id``) and
        ``statement``. Not modified.

    Returns
    -------
    pandas.DataFrame
        A copy with ``kr_id`` filled in as ``<objective_id>.kr<n>`` and
        ``objective`` as the id when the table has none.

    Raises
    ------
    OKRDataError
        If ``okrs`` is not a DataFrame, lacks a required column or has an
        empty statement.

    Examples
    --------
    >>> okrs = pd.DataFrame({"example_id": ["a", "a"], "statement": ["Hire 5", "Grow ARR"]})
    >>> prepare_okrs(okrs)[["objective_id", "kr_id", "objective"]].values.tolist()
    [['a', 'a.kr1', 'a'], ['a', 'a.kr2', 'a']]
    >>> prepare_okrs(okrs.assign(statement=["Hire 5", " "]))
    Traceback (most recent call last):
    ...
    okr_toolkit.exceptions.OKRDataError: key result 'a.kr2' (row 1): statement is empty; ...
    """
    if not isinstance(okrs, pd.DataFrame):
        raise OKRDataError(f"the OKRs must be a pandas DataFrame, got {type(okrs).__name__}")
    frame = okrs.rename(columns={k: v for k, v in ALIASES.items() if v not in okrs.columns})
    require_columns(frame, ["objective_id", "statement"], "the OKRs table")
    frame = _fill_in(frame.reset_index(drop=True))
    _check_statements(frame)
    return frame


def _fill_in(frame: pd.DataFrame) -> pd.DataFrame:
    """``kr_id`` and ``objective`` where the table has none (``frame`` is a fresh copy)."""
    if "kr_id" not in frame.columns:
        frame["kr_id"] = [
            f"{o}.kr{i + 1}"
            for o, i in zip(
                frame["objective_id"], frame.groupby("objective_id").cumcount(), strict=True
            )
        ]
    if "objective" not in frame.columns:
        frame["objective"] = frame["objective_id"].astype(str)
    return frame


def _check_statements(frame: pd.DataFrame) -> None:
    """Refuse the first key result whose statement is missing or blank."""
    missing = frame["statement"].isna() | (frame["statement"].astype(str).str.strip() == "")
    if missing.any():
        i = int(np.flatnonzero(missing.to_numpy())[0])
        raise OKRDataError(
            f"key result {frame['kr_id'].iloc[i]!r} (row {i}): statement is empty; write the "
            "key result as a sentence, e.g. 'Raise MQL-to-SQL from 18% to 32%'"
        )


def prepare_kpis(kpis: pd.DataFrame | None) -> pd.DataFrame | None:
    """The KPI table as the rules read it: ``name`` read as ``kpi``, index reset.

    Parameters
    ----------
    kpis
        One row per KPI with ``kpi`` (or ``name``) and ``threshold``, or None.
        Not modified.

    Returns
    -------
    pandas.DataFrame or None
        None when ``kpis`` is None.

    Raises
    ------
    OKRDataError
        If ``kpis`` is not a DataFrame or lacks a required column.

    Examples
    --------
    >>> kpis = pd.DataFrame({"name": ["nps"], "threshold": [30]}, index=[7])
    >>> prepare_kpis(kpis)
       kpi  threshold
    0  nps         30
    >>> prepare_kpis(None) is None
    True
    """
    if kpis is None:
        return None
    if not isinstance(kpis, pd.DataFrame):
        raise OKRDataError(f"the KPIs must be a pandas DataFrame, got {type(kpis).__name__}")
    frame = kpis.rename(columns={"name": "kpi"}) if "kpi" not in kpis.columns else kpis
    require_columns(frame, ["kpi", "threshold"], "the KPIs table")
    return frame.reset_index(drop=True)
