"""Statements modelled on published goals, to measure the statement reader on real shapes."""

from __future__ import annotations

import pandas as pd

from okr_toolkit.datasets.files import read_table
from okr_toolkit.datasets.layouts import PUBLISHED_STATEMENTS

__all__ = ["load_published_statements"]


def load_published_statements() -> pd.DataFrame:
    """Goal statements in the shapes public sources publish them, labelled and parsed.

    Each row is modelled on one statement of a public source (OKR guides and
    handbooks, health and government service standards, SLO documents and SLAs,
    loan covenants, education, non-profit and personal goals), written as a close
    paraphrase that keeps its kind and shape (``datasets/statements_guide.md``);
    ``source_title`` and ``source_url`` name the source. The labels and numbers
    follow the same guide as :func:`~okr_toolkit.datasets.load_statements`.
    :func:`okr_toolkit.statements.training.grouped_cross_validation` measures the
    reader on it source by source.

    Size: (1855, 13)

    Columns
    -------
    statement, label, metric, baseline, target, unit, direction, relative_change, deadline
        As in :func:`~okr_toolkit.datasets.load_statements`.
    source_title, source_url : str
        The published source the row is modelled on.
    domain : str
        The field it comes from (``health``, ``slo``, ``covenant``, ``sales``, ...).
    reason : str
        Why the row has its label, in plain words.

    Examples
    --------
    >>> from okr_toolkit.datasets import load_published_statements
    >>> frame = load_published_statements()
    >>> sorted(frame["label"].cat.categories)
    ['activity', 'key_result', 'kpi', 'unmeasurable']
    >>> frame["source_url"].nunique() >= 300
    True
    """
    return read_table("published_statements.csv", PUBLISHED_STATEMENTS)
